// The job summary ($GITHUB_STEP_SUMMARY): what ran, how it ended, and where to look. Everything that comes
// from AWS or the pipeline is escaped (markup.ts), so a build log line cannot inject markup.
import type { ActionRun } from '../codepipeline/port.js'
import { escapeText, link } from './markup.js'
import { attemptLabel, attemptNumbers, formatDuration, latestRuns, type RetryTriggers, type Structure } from './progress.js'

export interface Report {
  pipelineName: string
  executionId: string
  consoleUrl: string
  /** Final status; or what is known when the run ended without one (e.g. InProgress). */
  status: string
  statusSummary?: string
  durationMs: number
  event: string
  commit?: { sha: string; url: string }
  /** What source-revisions pinned, when it is not a commit of this repository. */
  pinned?: string
  /** artifact / image-digest: the S3 object version (sha256, size) or the image the execution runs. */
  artifact?: string
  /** Why the actions' final states could not be read: the table shows them as last seen. */
  progressUnread?: string
  /** The pipeline's stages and actions in order; undefined when the declaration could not be read. */
  structure?: Structure
  runs: ActionRun[]
  /** false when the action did not wait (wait: false): there is no progress to show. */
  followed: boolean
  variables: { name: string; value: string }[]
  masked: boolean
  /** Why it waited, as the log said it (V2: queues, transitions, conditions, retries). */
  waits?: string[]
  /** Stages an entry condition skipped (V2). */
  skipped?: ReadonlySet<string>
  /** The rollback CodePipeline started after the failure. */
  rollback?: { executionId: string; targetId?: string; commit?: string; status: string }
  /** true for an execution this step did not start (execution-id, follow-trigger). */
  notOurs?: boolean
  /** Who retried which stage (manually or automatically), as far as known. */
  retryTriggers?: RetryTriggers
  /** Output variables by namespace (or Stage.Action); undefined when the execution was not followed. */
  outputVariables?: Record<string, Record<string, string>>
  /** The approvals the step answered, or found answered by someone else (input approve). */
  approvals?: readonly string[]
  /** What a re-run did with the earlier attempt's execution (on-rerun). */
  rerun?: string
}

/** The part of @actions/core's `summary` used here. */
export interface SummaryWriter {
  addHeading(text: string, level?: number | string): SummaryWriter
  addList(items: string[]): SummaryWriter
  addTable(rows: (string | { data: string; header?: boolean })[][]): SummaryWriter
  addRaw(text: string, addEOL?: boolean): SummaryWriter
  write(): Promise<unknown>
}

const ICON: Record<string, string> = {
  Succeeded: '✅',
  Failed: '❌',
  Stopped: '⏹️',
  Stopping: '⏹️',
  Superseded: '⏭️',
  Cancelled: '🚫',
  Abandoned: '⏹️',
  InProgress: '⏳',
  'Not run': '⚪',
  Skipped: '⏭️'
}

export function statusCell(status: string): string {
  return `${ICON[status] ?? '❔'} ${escapeText(status)}`
}

// core.summary writes an empty cell as a lone <td>; a dash keeps the table well-formed and readable.
const EMPTY = '—'

function actionRow(
  stage: string,
  action: string,
  run: ActionRun | undefined,
  attempt = 1,
  skipped = false,
  triggers?: RetryTriggers
): string[] {
  if (!run) return [escapeText(stage), escapeText(action), statusCell(skipped ? 'Skipped' : 'Not run'), EMPTY, EMPTY, EMPTY]
  const ended = run.status !== 'InProgress'
  const took =
    run.startTime !== undefined && run.lastUpdateTime !== undefined && ended ? formatDuration(run.lastUpdateTime - run.startTime) : EMPTY
  const message = run.errorMessage ?? run.summary
  return [
    escapeText(stage),
    escapeText(action),
    statusCell(run.status) + attemptLabel(stage, attempt, triggers), // our words only
    took,
    message ? escapeText(message, 300) : EMPTY,
    run.externalUrl ? link('details', run.externalUrl) : EMPTY
  ]
}

/** Rows in pipeline order; runs the declaration does not know (or all, without one) follow in start order. */
export function actionRows(
  structure: Structure | undefined,
  runs: ActionRun[],
  skipped?: ReadonlySet<string>,
  triggers?: RetryTriggers
): string[][] {
  const latest = latestRuns(runs)
  const attempts = attemptNumbers(runs)
  const attempt = (run: ActionRun | undefined) => (run ? attempts.get(run.actionExecutionId) : undefined)
  const rows: string[][] = []
  for (const stage of structure ?? []) {
    for (const action of stage.actions) {
      const key = `${stage.name}\u0000${action}`
      const run = latest.get(key)
      rows.push(actionRow(stage.name, action, run, attempt(run), skipped?.has(stage.name), triggers))
      latest.delete(key)
    }
  }
  const rest = [...latest.values()].sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0))
  for (const run of rest) rows.push(actionRow(run.stageName, run.actionName, run, attempt(run), false, triggers))
  return rows
}

function commitItem(r: Report): string {
  if (r.commit) return link(r.commit.sha.slice(0, 7), r.commit.url)
  if (r.pinned) return `none of this repository; source-revisions pins ${escapeText(r.pinned, 500)}`
  if (r.notOurs) return 'unknown'
  return "not pinned (the source's latest revision)"
}

function headerItems(r: Report): string[] {
  const summary = r.statusSummary ? ` — ${escapeText(r.statusSummary, 500)}` : ''
  return [
    `<b>Pipeline</b>: ${escapeText(r.pipelineName)}, execution ${link(r.executionId, r.consoleUrl)}`,
    ...(r.artifact ? [`<b>Artifact</b>: ${escapeText(r.artifact, 1500)}`] : []),
    `<b>Commit</b>: ${commitItem(r)}`,
    ...(r.notOurs ? ['<b>Started by</b>: not this step: followed (execution-id or follow-trigger), never stopped by it'] : []),
    `<b>Event</b>: ${escapeText(r.event || 'unknown')}`,
    `<b>Status</b>: ${statusCell(r.status)}${summary}`,
    `<b>Duration</b>: ${formatDuration(r.durationMs)}`,
    ...(r.rollback ? [rollbackItem(r.rollback)] : []),
    `<b>Console</b>: ${link('open in the AWS console', r.consoleUrl)}`
  ]
}

function rollbackItem(rb: NonNullable<Report['rollback']>): string {
  const to = rb.targetId
    ? ` to execution ${escapeText(rb.targetId)}${rb.commit ? ` (revision ${escapeText(rb.commit.slice(0, 12))})` : ''}`
    : ''
  return `<b>Rollback</b>: CodePipeline rolled back${to} in execution ${escapeText(rb.executionId)}: ${statusCell(rb.status)}`
}

/** Under the stage table: what the actions produced, for later steps (output-variables). */
function writeOutputVariables(summary: SummaryWriter, variables: Record<string, Record<string, string>>): void {
  const rows = Object.entries(variables).flatMap(([key, values]) =>
    Object.entries(values).map(([name, value]) => [
      `<code>${escapeText(key)}</code>`,
      `<code>${escapeText(name)}</code>`,
      escapeText(value) || EMPTY
    ])
  )
  if (rows.length === 0) return
  const head = ['Namespace', 'Name', 'Value'].map((data) => ({ data, header: true }))
  summary.addHeading('Output variables', 3).addTable([head, ...rows])
}

/** The report's markup, added to `summary` without writing it: the job summary and the check run share it. */
export function composeSummary(summary: SummaryWriter, r: Report): void {
  summary.addHeading(`CodePipeline ${escapeText(r.pipelineName)}: ${statusCell(r.status)}`, 2).addList(headerItems(r))
  if (r.rerun) summary.addRaw(`<p>🔁 ${escapeText(r.rerun, 500)}</p>`, true)
  const head = ['Stage', 'Action', 'Status', 'Duration', 'Message', 'Link'].map((data) => ({ data, header: true }))
  if (!r.followed) {
    summary.addRaw('<p>The action did not wait for this execution (wait: false); its progress is in the AWS console.</p>', true)
  } else {
    if (r.progressUnread) {
      const why = escapeText(r.progressUnread, 300)
      summary.addRaw(`<p>⚠️ The actions' final states could not be read (${why}): the table shows them as last seen.</p>`, true)
    }
    summary.addTable([head, ...actionRows(r.structure, r.runs, r.skipped, r.retryTriggers)])
    if (!r.structure) summary.addRaw("<p>Actions that never ran are not listed: the pipeline's declaration could not be read.</p>", true)
    writeOutputVariables(summary, r.outputVariables ?? {})
  }
  if (r.approvals !== undefined && r.approvals.length > 0)
    summary.addHeading('Approvals', 3).addList(r.approvals.map((a) => escapeText(a, 1000)))
  if (r.waits !== undefined && r.waits.length > 0) summary.addHeading('Waits', 3).addList(r.waits.map((w) => escapeText(w, 500)))
  if (r.variables.length > 0) {
    summary.addHeading('Variables', 3)
    const rows = r.variables.map((v) => [
      `<code>${escapeText(v.name)}</code>`,
      r.masked ? '<i>hidden (mask-variables)</i>' : escapeText(v.value)
    ])
    summary.addTable([
      [
        { data: 'Name', header: true },
        { data: 'Value', header: true }
      ],
      ...rows
    ])
  }
}

export async function writeSummary(summary: SummaryWriter, r: Report): Promise<void> {
  composeSummary(summary, r)
  await summary.write()
}
