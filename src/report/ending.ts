// Everything that happens once the execution has ended (or the wait gave up): the last progress, the
// annotation, the job summary and the commit status. None of it changes the verdict except `diagnose`.
import type { CodePipelinePort, ExecutionState } from '../codepipeline/port.js'
import { conclusionFor, type CheckRun } from '../github/check-run.js'
import type { CheckConclusion } from '../github/client.js'
import { endingOutput, endingTitle, type CheckEnding } from './check-output.js'
import { statusFor, type CommitStatus } from './commit-status.js'
import { diagnose, type Diagnosis } from './diagnosis.js'
import { errorMessage } from '../errors.js'
import type { GitHubContext } from '../github/context.js'
import type { Settings } from '../inputs/settings.js'
import type { Clock, Log } from '../ports.js'
import type { ProgressTracker } from './progress.js'
import { writeSummary, type Report, type SummaryWriter } from './summary.js'
import { ruleThatFailed, skippedStages } from './conditions.js'
import { reportRollback, type Rollback } from './rollback.js'
import type { WaitExplainer } from './waits.js'
import type { Outputs } from '../ports.js'

export interface EndingDeps {
  port: CodePipelinePort
  log: Log
  clock: Clock
  summary: SummaryWriter
  outputs: Outputs
}

/** One started execution, as the ending needs to know it. */
export interface StartedRun {
  settings: Pick<Settings, 'pipelineName' | 'variables' | 'maskVariables' | 'allowSuperseded' | 'waitForRollback' | 'pollLimits'>
  github: Pick<GitHubContext, 'eventName' | 'serverUrl' | 'repo' | 'workflowPath'>
  executionId: string
  consoleUrl: string
  /** '' when the run is not pinned to a commit. */
  commitId: string
  startedAt: number
  progress: ProgressTracker
  /** Why it waited (V2), and which stages it saw skipped. */
  waits?: WaitExplainer
  commitStatus?: CommitStatus
  checkRun?: CheckRun
}

function commitLink(run: StartedRun): { sha: string; url: string } | undefined {
  if (!run.commitId) return undefined
  const { serverUrl, repo } = run.github
  return { sha: run.commitId, url: `${serverUrl}/${repo.owner}/${repo.repo}/commit/${run.commitId}` }
}

/** From the first action's start to the last action's end, on AWS's clock; ours when no action ran. */
function duration(clock: Clock, run: StartedRun, ended: boolean): number {
  const runs = run.progress.latest
  const starts = runs.map((r) => r.startTime).filter((t) => t !== undefined)
  const ends = runs.map((r) => r.lastUpdateTime).filter((t) => t !== undefined)
  if (!ended || starts.length === 0 || ends.length === 0) return clock.now() - run.startedAt
  return Math.max(...ends) - Math.min(...starts)
}

/** What the job summary (and the check run) show of the run, as far as it is known now. */
export function reportOf(clock: Clock, run: StartedRun, state: ExecutionState, followed = true): Report {
  return {
    pipelineName: run.settings.pipelineName,
    executionId: run.executionId,
    consoleUrl: run.consoleUrl,
    status: state.status,
    statusSummary: state.statusSummary,
    durationMs: duration(clock, run, state.status !== 'Unknown' && state.status !== 'InProgress'),
    event: run.github.eventName,
    commit: commitLink(run),
    structure: run.progress.stages,
    followed,
    runs: run.progress.latest,
    variables: run.settings.variables.map((v) => ({ name: v.name ?? '', value: v.value ?? '' })),
    masked: run.settings.maskVariables
  }
}

async function summarize(deps: EndingDeps, report: Report): Promise<void> {
  try {
    await writeSummary(deps.summary, report)
  } catch (err) {
    deps.log.warning(`Could not write the job summary: ${errorMessage(err)}`)
  }
}

/** Completes the check run, if there is one, with what the job summary shows. */
async function completeCheckRun(run: StartedRun, report: Report, ending: Omit<CheckEnding, 'annotationPath'>): Promise<void> {
  await run.checkRun?.complete(
    ending.conclusion,
    endingOutput(report, run.progress.lines, { ...ending, annotationPath: run.github.workflowPath ?? '.github/workflows' })
  )
}

/** The last progress (one more ListActionExecutions, so the table is complete), then everything else. */
export async function reportEnding(deps: EndingDeps, run: StartedRun, state: ExecutionState): Promise<Diagnosis> {
  const { pipelineName } = run.settings
  run.checkRun?.freeze()
  try {
    run.progress.update(await deps.port.listActionRuns(pipelineName, run.executionId))
  } catch (err) {
    deps.log.debug(`Could not read the last progress: ${errorMessage(err)}`)
  }
  const runs = run.progress.latest
  const failedRule = state.status === 'Failed' ? await ruleThatFailed(deps, pipelineName, run.executionId, runs) : undefined
  const rollback = state.status === 'Failed' ? await rollbackOf(deps, run) : undefined
  const known = run.waits?.skipped ?? new Set<string>()
  const skipped =
    state.status === 'Succeeded' ? await skippedStages(deps, pipelineName, run.executionId, run.progress.stages, runs, known) : known
  const diagnosis = diagnose({ ...run, pipelineName, state, runs, allowSuperseded: run.settings.allowSuperseded, failedRule, rollback })
  const note = diagnosis.annotation
  if (note?.level === 'error') deps.log.error(note.message, { title: note.title })
  if (note?.level === 'notice') deps.log.notice(note.message, { title: note.title })
  const report: Report = { ...reportOf(deps.clock, run, state), skipped, rollback, waits: run.waits?.told }
  await summarize(deps, report)
  const description = `${state.status}${state.statusSummary ? `: ${state.statusSummary}` : ''}`
  await Promise.all([
    run.commitStatus?.post(statusFor(diagnosis.passed, state.status), description, run.consoleUrl),
    completeCheckRun(run, report, {
      conclusion: conclusionFor(diagnosis.passed, state.status),
      title: endingTitle(report, diagnosis.passed),
      message: note?.message,
      annotation: note
    })
  ])
  return diagnosis
}

function rollbackOf(deps: EndingDeps, run: StartedRun): Promise<Rollback | undefined> {
  const { pipelineName, waitForRollback, pollLimits } = run.settings
  const query = { pipelineName, executionId: run.executionId, startedAt: run.startedAt, wait: waitForRollback, pollMs: pollLimits.maxMs }
  return reportRollback(deps, query)
}

/** wait: false: the summary says what was started; there is no outcome to post. */
export async function reportNotFollowed(deps: EndingDeps, run: StartedRun): Promise<void> {
  await summarize(deps, reportOf(deps.clock, run, { status: 'InProgress', statusSummary: 'not followed (wait: false)' }, false))
}

/**
 * The wait ended without a verdict (it gave up, or was cancelled): summary from what is known, status `error`;
 * the check run `cancelled` for a cancelled workflow run, `failure` (with the reason) otherwise.
 */
export async function reportUnfinished(
  deps: EndingDeps,
  run: StartedRun,
  why: string,
  conclusion: CheckConclusion = 'failure'
): Promise<void> {
  run.checkRun?.freeze()
  // Unknown, not a CodePipeline status: the execution may still be running, or stopping.
  const report = reportOf(deps.clock, run, { status: 'Unknown', statusSummary: why })
  await summarize(deps, report)
  const title = conclusion === 'cancelled' ? 'Cancelled with the workflow run' : 'Not followed to the end'
  await Promise.all([
    run.commitStatus?.post('error', why, run.consoleUrl),
    completeCheckRun(run, report, {
      conclusion,
      title,
      message: why,
      annotation:
        conclusion === 'failure'
          ? { level: 'error', title: `${run.settings.pipelineName}: ${title.toLowerCase()}`, message: why }
          : undefined
    })
  ])
}
