// Everything that happens once the execution has ended (or the wait gave up): the last progress, the
// annotation, the job summary and the commit status. None of it changes the verdict except `diagnose`.
import type { CodePipelinePort, ExecutionState } from '../codepipeline/port.js'
import { type CommitStatus, statusFor } from './commit-status.js'
import { diagnose, type Diagnosis } from './diagnosis.js'
import { errorMessage } from '../errors.js'
import type { GitHubContext } from '../github/context.js'
import type { Settings } from '../inputs/settings.js'
import type { Clock, Log } from '../ports.js'
import type { ProgressTracker } from './progress.js'
import { writeSummary, type SummaryWriter } from './summary.js'

export interface EndingDeps {
  port: CodePipelinePort
  log: Log
  clock: Clock
  summary: SummaryWriter
}

/** One started execution, as the ending needs to know it. */
export interface StartedRun {
  settings: Pick<Settings, 'pipelineName' | 'variables' | 'maskVariables' | 'allowSuperseded'>
  github: Pick<GitHubContext, 'eventName' | 'serverUrl' | 'repo'>
  executionId: string
  consoleUrl: string
  /** '' when the run is not pinned to a commit. */
  commitId: string
  startedAt: number
  progress: ProgressTracker
  commitStatus?: CommitStatus
}

function commitLink(run: StartedRun): { sha: string; url: string } | undefined {
  if (!run.commitId) return undefined
  const { serverUrl, repo } = run.github
  return { sha: run.commitId, url: `${serverUrl}/${repo.owner}/${repo.repo}/commit/${run.commitId}` }
}

/** From the first action's start to the last action's end, on AWS's clock; ours when no action ran. */
function duration(deps: EndingDeps, run: StartedRun, ended: boolean): number {
  const runs = run.progress.latest
  const starts = runs.map((r) => r.startTime).filter((t) => t !== undefined)
  const ends = runs.map((r) => r.lastUpdateTime).filter((t) => t !== undefined)
  if (!ended || starts.length === 0 || ends.length === 0) return deps.clock.now() - run.startedAt
  return Math.max(...ends) - Math.min(...starts)
}

async function summarize(deps: EndingDeps, run: StartedRun, state: ExecutionState, followed = true): Promise<void> {
  try {
    await writeSummary(deps.summary, {
      pipelineName: run.settings.pipelineName,
      executionId: run.executionId,
      consoleUrl: run.consoleUrl,
      status: state.status,
      statusSummary: state.statusSummary,
      durationMs: duration(deps, run, state.status !== 'Unknown'),
      event: run.github.eventName,
      commit: commitLink(run),
      structure: run.progress.stages,
      followed,
      runs: run.progress.latest,
      variables: run.settings.variables.map((v) => ({ name: v.name ?? '', value: v.value ?? '' })),
      masked: run.settings.maskVariables
    })
  } catch (err) {
    deps.log.warning(`Could not write the job summary: ${errorMessage(err)}`)
  }
}

/** The last progress (one more ListActionExecutions, so the table is complete), then everything else. */
export async function reportEnding(deps: EndingDeps, run: StartedRun, state: ExecutionState): Promise<Diagnosis> {
  const { pipelineName } = run.settings
  try {
    run.progress.update(await deps.port.listActionRuns(pipelineName, run.executionId))
  } catch (err) {
    deps.log.debug(`Could not read the last progress: ${errorMessage(err)}`)
  }
  const diagnosis = diagnose({ ...run, pipelineName, state, runs: run.progress.latest, allowSuperseded: run.settings.allowSuperseded })
  const note = diagnosis.annotation
  if (note?.level === 'error') deps.log.error(note.message, { title: note.title })
  if (note?.level === 'notice') deps.log.notice(note.message, { title: note.title })
  await summarize(deps, run, state)
  const description = `${state.status}${state.statusSummary ? `: ${state.statusSummary}` : ''}`
  await run.commitStatus?.post(statusFor(diagnosis.passed, state.status), description, run.consoleUrl)
  return diagnosis
}

/** wait: false: the summary says what was started; there is no outcome to post. */
export async function reportNotFollowed(deps: EndingDeps, run: StartedRun): Promise<void> {
  await summarize(deps, run, { status: 'InProgress', statusSummary: 'not followed (wait: false)' }, false)
}

/** The wait ended without a verdict (it gave up, or was cancelled): summary from what is known, status `error`. */
export async function reportUnfinished(deps: EndingDeps, run: StartedRun, why: string): Promise<void> {
  // Unknown, not a CodePipeline status: the execution may still be running, or stopping.
  await summarize(deps, run, { status: 'Unknown', statusSummary: why })
  await run.commitStatus?.post('error', why, run.consoleUrl)
}
