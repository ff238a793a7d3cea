// What the live check run shows: the job summary's own markup (header and stage/action table), the progress
// lines, and why it waits. Text from AWS is escaped as in the summary (markup.ts); the title and the
// annotation are plain text on GitHub, so they only lose control characters.
import { summary as jobSummary } from '@actions/core'
import type { ActionRun } from '../codepipeline/port.js'
import type { CheckAnnotation, CheckConclusion, CheckOutput } from '../github/client.js'
import { escapeText, link } from './markup.js'
import { formatDuration, isApproval, latestRuns } from './progress.js'
import { composeSummary, type Report } from './summary.js'

// The Checks API takes 65535 characters of summary and of text; annotations take 64 KB.
const MAX_MARKDOWN = 65_000
const MAX_ANNOTATION = 60_000
const PROGRESS_LINES = 60

/** How the run ended, as the check run tells it. */
export interface CheckEnding {
  conclusion: CheckConclusion
  title: string
  /** The verdict's sentence (why it failed, stopped, or passed anyway). */
  message?: string
  annotation?: { level: 'error' | 'notice'; title: string; message: string; details?: string }
  /** The workflow file: check annotations must name a path in the repository. */
  annotationPath: string
}

/** Plain text for GitHub's plain-text fields: no control characters, cut to `max`. */
function plain(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean
}

function cut(markdown: string): string {
  return markdown.length > MAX_MARKDOWN ? `${markdown.slice(0, MAX_MARKDOWN)}…\n\n<p>(cut: see the job summary)</p>` : markdown
}

/** The job summary's markup, from a fresh buffer of @actions/core's own Summary (the shared one writes the job summary). */
function summaryMarkup(report: Report): string {
  const SummaryBuffer = jobSummary.constructor as new () => typeof jobSummary
  const buffer = new SummaryBuffer()
  composeSummary(buffer, report)
  return buffer.stringify()
}

function progressText(lines: readonly string[]): string {
  if (lines.length === 0) return '<p>No action has started yet.</p>'
  const shown = lines.slice(-PROGRESS_LINES)
  const earlier = lines.length - shown.length
  const note = earlier > 0 ? `<p>${earlier} earlier lines are in the workflow log.</p>\n` : ''
  return `<h3>Progress</h3>\n${note}<pre>${shown.map((line) => escapeText(line, 600)).join('\n')}</pre>`
}

function nameOf(run: ActionRun): string {
  return `${run.stageName} / ${run.actionName}`
}

function running(runs: ActionRun[]): ActionRun[] {
  return [...latestRuns(runs).values()].filter((r) => r.status === 'InProgress')
}

/** Why nothing seems to happen, when that is the case: `waiting` is why the execution waits now (waits.ts). */
function waitNote(report: Report, waiting?: string): string {
  if (waiting) return `<p>⏳ ${escapeText(waiting, 1000)}</p>`
  const approval = running(report.runs).find(isApproval)
  if (approval) {
    return (
      `<p>⏸️ Waiting for a manual approval at <b>${escapeText(nameOf(approval))}</b>: nothing moves until someone approves ` +
      `or rejects it in the ${link('AWS console', approval.externalUrl ?? report.consoleUrl)}.</p>`
    )
  }
  if (report.runs.length === 0) {
    return '<p>⏳ Waiting for the first action to start: the execution may be queued behind another one, or still starting.</p>'
  }
  return ''
}

export function runningTitle(report: Pick<Report, 'runs' | 'structure'>, waiting?: string): string {
  if (waiting) return plain(waiting, 200)
  const now = running(report.runs)
  const approval = now.find(isApproval)
  if (approval) return plain(`Waiting for approval: ${nameOf(approval)}`, 200)
  if (report.runs.length === 0) return 'Starting'
  if (now.length === 0) {
    const done = [...latestRuns(report.runs).values()].filter((r) => r.status === 'Succeeded').length
    const total = report.structure?.reduce((sum, stage) => sum + stage.actions.length, 0)
    return total ? `Running: ${done} of ${total} actions done` : `Running: ${done} actions done`
  }
  const names = now.map(nameOf)
  const more = names.length > 2 ? ` and ${names.length - 2} more` : ''
  return plain(`${names.slice(0, 2).join(', ')}${more} running`, 200)
}

/**
 * While it runs: what runs now, the table, the progress so far, and why it waits: `waiting` is the V2 wait in force
 * (queue, transition, condition, retry), as the log said it; the report's `waits` are all of them so far.
 */
export function runningOutput(report: Report, lines: readonly string[], waiting?: string): CheckOutput {
  return {
    title: runningTitle(report, waiting),
    summary: cut(`${waitNote(report, waiting)}${summaryMarkup(report)}`),
    text: cut(progressText(lines))
  }
}

/** The title for a final execution status. */
export function endingTitle(report: Report, passed: boolean): string {
  const failed = [...latestRuns(report.runs).values()].find((r) => r.status === 'Failed')
  switch (report.status) {
    case 'Succeeded':
      return `Succeeded in ${formatDuration(report.durationMs)}`
    case 'Failed':
      return plain(failed ? `${nameOf(failed)} failed` : 'Failed', 200)
    case 'Superseded':
      return passed ? 'Superseded by a newer execution (allowed by allow-superseded)' : 'Superseded by a newer execution'
    case 'Stopped':
      return 'Stopped before it finished'
    case 'Cancelled':
      return 'Cancelled by CodePipeline (the pipeline was updated)'
    default:
      return plain(`Ended ${report.status}`, 200)
  }
}

function annotationOf(ending: CheckEnding): CheckAnnotation[] | undefined {
  const note = ending.annotation
  if (!note) return undefined
  return [
    {
      path: ending.annotationPath,
      start_line: 1,
      end_line: 1,
      annotation_level: note.level === 'error' ? 'failure' : 'notice',
      title: plain(note.title, 250),
      message: plain(note.message, MAX_ANNOTATION),
      raw_details: note.details === undefined ? undefined : plain(note.details, MAX_ANNOTATION)
    }
  ]
}

/** At the end: the verdict's sentence, the table, the progress, and the annotation. */
export function endingOutput(report: Report, lines: readonly string[], ending: CheckEnding): CheckOutput {
  const why = ending.message ? `<p>${escapeText(ending.message, 2000)}</p>\n` : ''
  return {
    title: plain(ending.title, 250),
    summary: cut(`${why}${summaryMarkup(report)}`),
    text: cut(progressText(lines)),
    annotations: annotationOf(ending)
  }
}
