// The main step: pick the sources, start, follow, judge and report; stop on cancel.
import { CancelGuard } from './cancel.js'
import type { CodePipelinePort } from './codepipeline.js'
import { chooseCommit } from './commit.js'
import { CommitStatus, type StatusClientLoader } from './commit-status.js'
import { reportEnding, reportNotFollowed, reportUnfinished, type StartedRun } from './ending.js'
import { ActionError, errorMessage } from './errors.js'
import { describeRun, type GitHubContext } from './github-context.js'
import { learnExpectations } from './history.js'
import type { Settings } from './inputs.js'
import type { PollPlanner } from './poll-plan.js'
import type { Clock, Log, Outputs, SignalSource } from './ports.js'
import { ProgressTracker } from './progress.js'
import { planSource, type SourcePlan } from './source.js'
import { executionUrl, startExecution } from './start.js'
import type { ActionState } from './state.js'
import type { SummaryWriter } from './summary.js'
import { waitForExecution } from './wait.js'

export interface MainDeps {
  settings: Settings
  github: GitHubContext
  port: CodePipelinePort
  log: Log
  outputs: Outputs
  clock: Clock
  state: ActionState
  signals: SignalSource
  exit: (code: number) => void
  planner: PollPlanner
  transientToleranceMs: number
  summary: SummaryWriter
  /** How octokit is loaded for commit statuses; default: @actions/github, imported on first use. */
  loadStatusClient?: StatusClientLoader
}

/** A commit status reporter when there is a token and a commit to put it on; says why not otherwise. */
function commitStatusFor(deps: MainDeps, plan: SourcePlan): CommitStatus | undefined {
  const { settings, github, log } = deps
  if (!settings.githubToken) return undefined
  if (!settings.wait) {
    log.info('No commit status: wait is false, so the action would never learn the outcome to post.')
    return undefined
  }
  if (!plan.commitId) {
    log.info('No commit status: the execution is not pinned to a commit, so it is unknown which commit it tests.')
    return undefined
  }
  const target = { ...github.repo, sha: plan.commitId, apiUrl: github.apiUrl, pipelineName: settings.pipelineName }
  return new CommitStatus(settings.githubToken, target, log, deps.loadStatusClient)
}

async function follow(deps: MainDeps, guard: CancelGuard, plan: SourcePlan, executionId: string, startedAt: number): Promise<void> {
  const { settings, port, log } = deps
  const consoleUrl = executionUrl(settings.region, settings.pipelineName, executionId)
  const commitStatus = commitStatusFor(deps, plan)
  const pending = commitStatus?.post('pending', `Execution ${executionId} started`, consoleUrl)
  const progress = new ProgressTracker(log, startedAt, consoleUrl)
  const run: StartedRun = { settings, github: deps.github, executionId, consoleUrl, commitId: plan.commitId, startedAt, progress, commitStatus }
  if (!settings.wait) {
    log.info('wait is false: not waiting for the execution to finish.')
    return reportNotFollowed(deps, run)
  }
  const { expectedMs, structure } = await learnExpectations(port, log, settings.pipelineName, executionId, plan.pipeline)
  progress.setStructure(structure)
  guard.reportWith(() => reportUnfinished(deps, run, 'The workflow run was cancelled'))
  const onFinished = () => {
    guard.markFinished()
    deps.state.markFinished()
  }
  const followed = { pipelineName: settings.pipelineName, executionId, startedAt, expectedMs, progress }
  const limits = settings.pollLimits
  const final = await waitForExecution({ ...deps, limits, onFinished }, followed, guard.signal).catch(async (err: unknown) => {
    await pending
    if (!guard.signal.aborted) await reportUnfinished(deps, run, `Could not follow the execution: ${errorMessage(err)}`)
    throw err
  })
  await pending
  const diagnosis = await reportEnding(deps, run, final)
  if (!diagnosis.passed) throw new ActionError(diagnosis.sentence ?? `Pipeline ${settings.pipelineName} ended ${final.status}.`)
  log.info(`Pipeline ${settings.pipelineName} execution ${executionId} ${final.status}.`)
}

export async function runMainStep(deps: MainDeps): Promise<void> {
  const { settings, github, port, log } = deps
  const guard = new CancelGuard({
    ...deps,
    run: describeRun(github),
    onStopped: () => deps.state.markStopped()
  })
  guard.install()
  try {
    const plan = await planSource({
      settings,
      chooseCommit: () => chooseCommit(github, settings.commitId),
      getPipeline: (name) => port.getPipeline(name),
      repo: github.repo,
      log
    })
    guard.signal.throwIfAborted()
    const onStarted = (id: string) => deps.state.saveStarted(settings.pipelineName, settings.region, id, settings.wait)
    const started = startExecution({ ...deps, onStarted }, settings, plan)
    guard.trackStart(started)
    const executionId = await started
    const startedAt = deps.clock.now()
    guard.signal.throwIfAborted()
    await follow(deps, guard, plan, executionId, startedAt)
  } catch (err) {
    // After a signal, the guard owns the outcome (stop, then exit non-zero); don't report the abort.
    if (guard.cancelling) return await guard.cancelling
    throw err
  } finally {
    guard.uninstall()
  }
}
