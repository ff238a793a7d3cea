// Everything that happens once the execution has ended (or the wait gave up, or the workflow run was cancelled):
// the last progress, the annotation, the job summary, the commit status and the check run. None of it changes
// the verdict except `diagnose`.
import type { CodePipelinePort, ExecutionState } from '../codepipeline/port.js'
import type { PinnedArtifact } from '../codepipeline/source.js'
import type { CancelOutcome } from '../execution/cancel.js'
import type { Approver } from '../execution/approve.js'
import type { Execution } from '../execution/execution.js'
import { isTerminal } from '../execution/wait.js'
import { conclusionFor, type CheckRun } from '../github/check-run.js'
import type { CheckConclusion } from '../github/client.js'
import { endingOutput, endingTitle, type CheckEnding } from './check-output.js'
import { statusFor, type CommitStatus } from './commit-status.js'
import { diagnose, failedRun, type Diagnosis } from './diagnosis.js'
import { errorMessage } from '../errors.js'
import { withRetries, type RetryPolicy } from '../execution/retry.js'
import { timeoutSignal } from '../clock.js'
import type { GitHubContext } from '../github/context.js'
import type { Settings } from '../inputs/settings.js'
import { withLogTail, type ActionLogs } from '../logs/action-logs.js'
import type { Clock, Log } from '../ports.js'
import type { ProgressTracker } from './progress.js'
import { writeSummary, type Report, type SummaryWriter } from './summary.js'
import { ruleThatFailed, skippedStages } from './conditions.js'
import { reportRollback, type Rollback } from './rollback.js'
import type { WaitExplainer } from './waits.js'
import type { Outputs } from '../ports.js'
import { collectOutputVariables, setVariableOutputs } from './variables.js'

export interface EndingDeps {
  port: CodePipelinePort
  log: Log
  clock: Clock
  summary: SummaryWriter
  outputs: Outputs
  retry: RetryPolicy
}

// The verdict is known and waits for this read: retried like any call, but not for a whole outage.
export const FINAL_PROGRESS_RETRY_MS = 30_000

/** The execution being reported, and where its report goes. */
export interface ReportContext {
  execution: Execution
  settings: Pick<Settings, 'variables' | 'maskVariables' | 'allowSuperseded' | 'waitForRollback' | 'pollLimits'>
  github: Pick<GitHubContext, 'eventName' | 'serverUrl' | 'repo' | 'workflowPath'>
  /** undefined when the execution is not pinned to a commit. */
  commitId?: string
  /** What source-revisions pins when it is not a commit of this repository. */
  pinned?: string
  /** artifact / image-digest: what the execution runs on that source action. */
  artifact?: PinnedArtifact
  /** Clock ms when the start answered. */
  startedAt: number
  progress: ProgressTracker
  /** Why it waited (V2), and which stages it saw skipped. */
  waits?: WaitExplainer
  commitStatus?: CommitStatus
  checkRun?: CheckRun
  /** The compute actions' logs (the logs input). */
  logs?: ActionLogs
  /** The approvals the step answered (input approve). */
  approvals?: Approver
  /** What a re-run did with the earlier attempt's execution (on-rerun). */
  rerun?: string
}

function commitLink(report: ReportContext): { sha: string; url: string } | undefined {
  if (!report.commitId) return undefined
  const { serverUrl, repo } = report.github
  return { sha: report.commitId, url: `${serverUrl}/${repo.owner}/${repo.repo}/commit/${report.commitId}` }
}

/** From the first action's start to the last action's end, on AWS's clock; ours when no action ran. */
function duration(clock: Clock, report: ReportContext, ended: boolean): number {
  const runs = report.progress.latest
  const starts = runs.map((r) => r.startTime).filter((t) => t !== undefined)
  const ends = runs.map((r) => r.lastUpdateTime).filter((t) => t !== undefined)
  if (!ended || starts.length === 0 || ends.length === 0) return clock.now() - report.startedAt
  return Math.max(...ends) - Math.min(...starts)
}

/** What the job summary (and the check run) show of the run, as far as it is known now. */
export function reportOf(clock: Clock, report: ReportContext, state: ExecutionState, { followed = true } = {}): Report {
  const { pipelineName, executionId, consoleUrl } = report.execution
  return {
    pipelineName,
    executionId,
    consoleUrl,
    status: state.status,
    statusSummary: state.statusSummary,
    durationMs: duration(clock, report, state.status !== 'Unknown' && state.status !== 'InProgress'),
    event: report.github.eventName,
    commit: commitLink(report),
    pinned: report.pinned,
    artifact: report.artifact?.description,
    progressUnread: report.progress.unread,
    structure: report.progress.stages,
    followed,
    runs: report.progress.latest,
    variables: report.settings.variables.map((v) => ({ name: v.name ?? '', value: v.value ?? '' })),
    masked: report.settings.maskVariables,
    notOurs: report.execution.origin === 'followed',
    outputVariables: followed ? collectOutputVariables(report.progress.latest) : undefined,
    approvals: report.approvals?.told,
    rerun: report.rerun,
    retryTriggers: report.waits?.retryTriggers
  }
}

async function summarize(deps: EndingDeps, summary: Report): Promise<void> {
  try {
    await writeSummary(deps.summary, summary)
  } catch (err) {
    deps.log.warning(`Could not write the job summary: ${errorMessage(err)}`)
  }
}

/** Completes the check run, if there is one, with what the job summary shows. */
async function completeCheckRun(
  report: ReportContext,
  summary: Report,
  ending: Omit<CheckEnding, 'annotationPath'>,
  signal?: AbortSignal
): Promise<void> {
  await report.checkRun?.complete(
    ending.conclusion,
    endingOutput(summary, report.progress.lines, { ...ending, annotationPath: report.github.workflowPath ?? '.github/workflows' }),
    signal
  )
}

/** What mask-variables asks, and what main masked at the start (the variables given as inputs). */
function masking(report: ReportContext): { maskVariables: boolean; masked: string[] } {
  return { maskVariables: report.settings.maskVariables, masked: report.settings.variables.map((v) => v.value ?? '') }
}

/** The failure annotation with the failed action's last log lines under it (logs: failed or all). */
/** The failed action's log tail, in the failure (the step's one error annotation) and the check run's annotation. */
function withTail(report: ReportContext, diagnosis: Diagnosis): Diagnosis {
  const note = diagnosis.annotation
  const failed = diagnosis.passed ? undefined : failedRun(report.progress.latest)
  if (note?.level !== 'error' || !failed) return diagnosis
  const tail = report.logs?.tailOf(failed)
  const sentence = diagnosis.sentence === undefined ? undefined : withLogTail(diagnosis.sentence, tail)
  return { ...diagnosis, sentence, annotation: { ...note, message: withLogTail(note.message, tail) } }
}

/** The commit status's description: the status, the artifact (if one is pinned), and AWS's summary. */
function statusDescription(report: ReportContext, state: ExecutionState): string {
  const on = report.artifact ? ` on ${report.artifact.label}` : ''
  return `${state.status}${on}${state.statusSummary ? `: ${state.statusSummary}` : ''}`
}

/** One more ListActionExecutions after the verdict, so the table shows how each action ended. */
function readLastProgress(deps: EndingDeps, report: ReportContext): Promise<void> {
  const { pipelineName, executionId } = report.execution
  return report.progress.finalUpdate(() =>
    withRetries(deps, {
      what: 'Could not read the last progress',
      send: async (signal) => {
        const runs = await deps.port.listActionRuns(pipelineName, executionId, signal)
        await report.waits?.learnRetries(runs, signal) // a retry first seen now still says who retried it
        return runs
      },
      limitMs: () => Math.min(deps.retry.outageToleranceMs, FINAL_PROGRESS_RETRY_MS)
    })
  )
}

/** The last progress (one more ListActionExecutions, so the table is complete), then everything else. */
export async function reportEnding(deps: EndingDeps, report: ReportContext, state: ExecutionState): Promise<Diagnosis> {
  const { pipelineName, executionId, consoleUrl } = report.execution
  report.checkRun?.freeze()
  await readLastProgress(deps, report)
  const runs = report.progress.latest
  const failedRule = state.status === 'Failed' ? await ruleThatFailed(deps, pipelineName, executionId, runs) : undefined
  const rollback = state.status === 'Failed' ? await rollbackOf(deps, report) : undefined
  const known = report.waits?.skipped ?? new Set<string>()
  const skipped =
    state.status === 'Succeeded' ? await skippedStages(deps, pipelineName, executionId, report.progress.stages, runs, known) : known
  const { allowSuperseded } = report.settings
  const commitId = report.commitId ?? ''
  const pinned = report.pinned
  const diagnosed = diagnose({
    pipelineName,
    executionId,
    consoleUrl,
    state,
    runs,
    commitId,
    pinned,
    allowSuperseded,
    failedRule,
    rollback
  })
  setVariableOutputs(deps.outputs, runs, state, masking(report))
  await report.logs?.atEnd(runs)
  const diagnosis = withTail(report, diagnosed)
  const note = diagnosis.annotation
  // An error annotation is the step's failure itself (main-step throws it with its title): said once.
  if (note?.level === 'notice') deps.log.notice(note.message, { title: note.title })
  const summary: Report = { ...reportOf(deps.clock, report, state), skipped, rollback, waits: report.waits?.told }
  await summarize(deps, summary)
  const description = statusDescription(report, state)
  await Promise.all([
    report.commitStatus?.post(statusFor(diagnosis.passed, state.status), description, consoleUrl),
    completeCheckRun(report, summary, {
      conclusion: conclusionFor(diagnosis.passed, state.status),
      title: endingTitle(summary, diagnosis.passed),
      message: note?.message,
      annotation: note
    })
  ])
  return diagnosis
}

function rollbackOf(deps: EndingDeps, report: ReportContext): Promise<Rollback | undefined> {
  const { waitForRollback, pollLimits } = report.settings
  const { pipelineName, executionId } = report.execution
  const query = { pipelineName, executionId, wait: waitForRollback, pollMs: pollLimits.maxMs }
  return reportRollback(deps, query)
}

/** wait: false: the summary says what was started; there is no outcome to post. */
export async function reportNotFollowed(deps: EndingDeps, report: ReportContext): Promise<void> {
  const state = { status: 'InProgress', statusSummary: 'not followed (wait: false)' }
  await summarize(deps, reportOf(deps.clock, report, state, { followed: false }))
}

/**
 * The wait ended without a verdict (it gave up): summary from what is known, status `error`; the check run
 * `failure`, with the reason.
 */
export async function reportUnfinished(deps: EndingDeps, report: ReportContext, why: string): Promise<void> {
  report.checkRun?.freeze()
  report.logs?.stop() // no log read may outlive the wait, nor print into the report
  setVariableOutputs(deps.outputs, report.progress.latest, undefined, masking(report))
  // Unknown, not a CodePipeline status: the execution may still be running, or stopping.
  const summary = reportOf(deps.clock, report, { status: 'Unknown', statusSummary: why })
  await summarize(deps, summary)
  const title = 'Not followed to the end'
  const annotation = { level: 'error' as const, title: `${report.execution.pipelineName}: ${title.toLowerCase()}`, message: why }
  await Promise.all([
    report.commitStatus?.post('error', why, report.execution.consoleUrl),
    completeCheckRun(report, summary, { conclusion: 'failure', title, message: why, annotation })
  ])
}

// After the stop, one look at the execution and its actions: what the summary shows is what happened. Within
// the guard's exit deadline, GitHub's final commit status and check run come first: the look gets at most
// LOOK_AFTER_CANCEL_MS and never eats into GITHUB_SHARE_MS; the job summary (a local file) is written last.
const LOOK_AFTER_CANCEL_MS = 1500
const GITHUB_SHARE_MS = 2000
const SUMMARY_SHARE_MS = 300

/** What became of the execution after a cancel, in the words of the summary, the commit status and the check run. */
function cancelSentence(outcome: CancelOutcome, status: string): string {
  if (isTerminal(status) && status !== 'Stopped') return `The workflow run was cancelled after the execution ended ${status}`
  if (outcome === 'left running') return 'The workflow run was cancelled; the execution is left running (stop-on-cancel is false)'
  if (outcome === 'not ours') return 'The workflow run was cancelled; the execution was not started by this step, so it runs on'
  if (outcome === 'not stopped') return 'The workflow run was cancelled; stopping the execution failed, so it may still be running'
  if (status === 'Stopped') return 'The workflow run was cancelled, so the execution was stopped'
  return 'The workflow run was cancelled, so the execution is stopping'
}

/** The execution and its actions as they are now, within `ms`; 'Unknown' when they cannot be read in time. */
async function lookAfterCancel(deps: EndingDeps, report: ReportContext, ms: number): Promise<ExecutionState> {
  const { pipelineName, executionId } = report.execution
  if (ms <= 0) return { status: 'Unknown' }
  const { signal, clear } = timeoutSignal(deps.clock, ms)
  const [state] = await Promise.all([
    deps.port.getExecution(pipelineName, executionId, signal).catch((err: unknown) => {
      deps.log.debug(`Could not read the execution after the cancel: ${errorMessage(err)}`)
      return { status: 'Unknown' }
    }),
    deps.port.listActionRuns(pipelineName, executionId, signal).then(
      (runs) => report.progress.update(runs),
      (err: unknown) => deps.log.debug(`Could not read the actions after the cancel: ${errorMessage(err)}`)
    )
  ]).finally(clear)
  return state
}

/**
 * A cancel: the commit status and the check run say what the cancel did, then the job summary, with the actions
 * as they are after it; all done by `byMs` (clock time), when the cancel guard exits.
 */
export async function reportCancelled(deps: EndingDeps, report: ReportContext, outcome: CancelOutcome, byMs: number): Promise<void> {
  report.checkRun?.freeze()
  const left = () => byMs - deps.clock.now()
  const state = await lookAfterCancel(deps, report, Math.min(LOOK_AFTER_CANCEL_MS, left() - GITHUB_SHARE_MS - SUMMARY_SHARE_MS))
  const why = cancelSentence(outcome, state.status)
  const summary = reportOf(deps.clock, report, { status: state.status, statusSummary: why })
  const passed = state.status === 'Succeeded'
  const conclusion: CheckConclusion = passed ? 'success' : 'cancelled'
  const { signal, clear } = timeoutSignal(deps.clock, left() - SUMMARY_SHARE_MS)
  await Promise.all([
    report.commitStatus?.post(statusFor(passed, state.status), why, report.execution.consoleUrl, signal),
    completeCheckRun(
      report,
      summary,
      { conclusion, title: passed ? endingTitle(summary, true) : 'Cancelled with the workflow run', message: why },
      signal
    )
  ]).finally(clear)
  await summarize(deps, summary)
}
