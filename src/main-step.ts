// The main step: pick the sources, start, follow, judge and report; stop on cancel or timeout.
import { CancelGuard } from './execution/cancel.js'
import type { CodePipelinePort, ExecutionState } from './codepipeline/port.js'
import { chooseCommit } from './github/commit.js'
import { CommitStatus } from './report/commit-status.js'
import { reportEnding, reportNotFollowed, reportOf, reportUnfinished, type StartedRun } from './report/ending.js'
import { CheckRun, whyNoCheckRun } from './github/check-run.js'
import { lazyClient, type GitHubClient, type GitHubClientLoader } from './github/client.js'
import { runningOutput } from './report/check-output.js'
import { ActionError, errorMessage } from './errors.js'
import { explainForkCredentials } from './github/fork.js'
import { describeRun, type GitHubContext } from './github/context.js'
import { learnExpectations } from './execution/history.js'
import type { Settings } from './inputs/settings.js'
import type { PollPlanner } from './execution/poll-plan.js'
import type { Clock, Log, Outputs, SignalSource } from './ports.js'
import { ProgressTracker } from './report/progress.js'
import { deriveRequestToken, type StepIdentity } from './execution/request-token.js'
import { withRetries, type RetryPolicy } from './execution/retry.js'
import { explainSourceActionRejection, planSource, type SourcePlan } from './codepipeline/source.js'
import { executionUrl, startExecution, startRequest, type StartDeps } from './execution/start.js'
import type { ActionState } from './state.js'
import type { SummaryWriter } from './report/summary.js'
import { handleTimeout, WaitTimeout } from './execution/timeout.js'
import { waitForExecution } from './execution/wait.js'
import { checkVariables } from './codepipeline/variables.js'
import { WaitExplainer } from './report/waits.js'

export interface MainDeps {
  settings: Settings
  github: GitHubContext
  /** The run, job and step, for the start's idempotency token. */
  step: StepIdentity
  port: CodePipelinePort
  log: Log
  outputs: Outputs
  clock: Clock
  state: ActionState
  signals: SignalSource
  exit: (code: number) => void
  planner: PollPlanner
  retry: RetryPolicy
  summary: SummaryWriter
  /** How octokit is loaded for commit statuses and the check run; default: @actions/github, imported on first use. */
  loadGitHubClient?: GitHubClientLoader
}

/** A commit status reporter when there is a token and a commit to put it on; says why not otherwise. */
function commitStatusFor(deps: MainDeps, plan: SourcePlan, client?: () => Promise<GitHubClient>): CommitStatus | undefined {
  const { settings, github, log } = deps
  if (!client) return undefined
  if (!settings.wait) {
    log.info('No commit status: wait is false, so the action would never learn the outcome to post.')
    return undefined
  }
  if (!plan.commitId) {
    log.info('No commit status: the execution is not pinned to a commit, so it is unknown which commit it tests.')
    return undefined
  }
  const target = { ...github.repo, sha: plan.commitId, pipelineName: settings.pipelineName }
  return new CommitStatus(client, target, log)
}

/** The live check run (check-run: true), created now and updated on each transition; says why not when it can't be. */
function openCheckRun(deps: MainDeps, run: StartedRun, client?: () => Promise<GitHubClient>): CheckRun | undefined {
  const { settings, github, log, clock } = deps
  if (!settings.checkRun || !client) return undefined
  const why = whyNoCheckRun(settings, github, run.commitId)
  if (why) return void log.info(why)
  const target = {
    ...github.repo,
    sha: run.commitId,
    pipelineName: settings.pipelineName,
    executionId: run.executionId,
    consoleUrl: run.consoleUrl
  }
  const render = () => runningOutput(reportOf(clock, run, { status: 'InProgress' }), run.progress.lines)
  const checkRun = new CheckRun({ client, log, clock }, target, render)
  run.progress.onChange = () => checkRun.changed()
  checkRun.start()
  return checkRun
}

async function start(deps: MainDeps, guard: CancelGuard, plan: SourcePlan): Promise<string> {
  const { settings } = deps
  const token = settings.clientRequestToken ?? deriveRequestToken(deps.step, startRequest(settings, plan, ''))
  deps.log.debug(`clientRequestToken: ${token}`)
  const onStarted = (id: string) => deps.state.saveStarted(settings.pipelineName, settings.region, id, settings.wait)
  let onWire = 0
  const port: StartDeps['port'] = {
    startExecution: async (request, signal) => {
      onWire++
      try {
        return await deps.port.startExecution(request, signal)
      } finally {
        onWire--
      }
    }
  }
  const startDeps = { ...deps, port, onStarted }
  const inFlight = new AbortController()
  const answer = startExecution(startDeps, settings, plan, {
    clientRequestToken: token,
    startRetryMs: settings.startRetryMs,
    signal: inFlight.signal
  })
  guard.trackStart({
    answer,
    abort: () => inFlight.abort(),
    onWire: () => onWire > 0,
    again: (signal) => startExecution(startDeps, settings, plan, { clientRequestToken: token, startRetryMs: 0, once: true, signal })
  })
  return answer
}

/** Why the wait ended without a verdict: a cancel (the guard reports it), the wait timeout, or a failure to follow. */
async function failedToFollow(deps: MainDeps, guard: CancelGuard, timeout: WaitTimeout, run: StartedRun, err: unknown): Promise<unknown> {
  if (guard.signal.aborted) return err
  if (!timeout.reached) {
    await reportUnfinished(deps, run, `Could not follow the execution: ${errorMessage(err)}`)
    return err
  }
  guard.markFinished() // the timeout handles it from here; a late signal must not stop it again
  const state = deps.state
  const failure = await handleTimeout(
    { ...deps, run: describeRun(deps.github), onStopped: () => state.markStopped(), onLeftRunning: () => state.markLeftRunning() },
    run.executionId
  )
  await reportUnfinished(deps, run, failure.message)
  return failure
}

/** Waits for the verdict (within wait-timeout-minutes if set), then reports and judges it. */
async function follow(deps: MainDeps, guard: CancelGuard, plan: SourcePlan, executionId: string, startedAt: number): Promise<void> {
  const { settings, port, log } = deps
  const consoleUrl = executionUrl(settings.region, settings.pipelineName, executionId)
  const client = settings.githubToken ? lazyClient(settings.githubToken, deps.github.apiUrl, deps.loadGitHubClient) : undefined
  const commitStatus = commitStatusFor(deps, plan, client)
  const pending = commitStatus?.post('pending', `Execution ${executionId} started`, consoleUrl)
  const progress = new ProgressTracker(log, startedAt, consoleUrl)
  const waits = new WaitExplainer(deps, settings.pipelineName, executionId, startedAt)
  const run: StartedRun = {
    settings,
    github: deps.github,
    executionId,
    consoleUrl,
    commitId: plan.commitId,
    startedAt,
    progress,
    waits,
    commitStatus
  }
  run.checkRun = openCheckRun(deps, run, client)
  if (!settings.wait) {
    log.info('wait is false: not waiting for the execution to finish.')
    return reportNotFollowed(deps, run)
  }
  // Before anything else is awaited: a cancel from now on ends the commit status and the check run too.
  guard.reportWith(() => reportUnfinished(deps, run, 'The workflow run was cancelled', 'cancelled'))
  const { expectedMs, structure } = await learnExpectations(port, log, settings.pipelineName, executionId, plan.pipeline)
  progress.setStructure(structure)
  const onFinished = () => {
    guard.markFinished()
    deps.state.markFinished()
  }
  const followed = { pipelineName: settings.pipelineName, executionId, startedAt, expectedMs, progress, waits }
  const timeout = new WaitTimeout(deps.clock, settings.waitTimeoutMs)
  let final: ExecutionState
  try {
    const waitDeps = { ...deps, limits: settings.pollLimits, onFinished, region: settings.region }
    final = await waitForExecution(waitDeps, followed, AbortSignal.any([guard.signal, timeout.signal]))
  } catch (err) {
    await pending
    throw await failedToFollow(deps, guard, timeout, run, err)
  } finally {
    timeout.dispose()
  }
  await pending
  const diagnosis = await reportEnding(deps, run, final)
  if (!diagnosis.passed) throw new ActionError(diagnosis.sentence ?? `Pipeline ${settings.pipelineName} ended ${final.status}.`)
  log.info(`Pipeline ${settings.pipelineName} execution ${executionId} ${final.status}.`)
}

export async function runMainStep(deps: MainDeps): Promise<void> {
  const { settings, github, port, log } = deps
  const guard = new CancelGuard({ ...deps, run: describeRun(github), onStopped: () => deps.state.markStopped() })
  guard.install()
  try {
    const plan = await planSource({
      settings,
      chooseCommit: () => chooseCommit(github, settings.commitId),
      getPipeline: (name) =>
        withRetries(deps, {
          what: `Could not read pipeline ${name}`,
          send: (signal) => port.getPipeline(name, signal),
          signal: guard.signal
        }),
      repo: github.repo,
      log
    })
    guard.signal.throwIfAborted()
    checkVariables(settings.variables, plan.pipeline)
    const executionId = await start(deps, guard, plan).catch(async (err: unknown) => {
      throw await explainSourceActionRejection(err, settings, (name) => port.getPipeline(name, guard.signal))
    })
    const startedAt = deps.clock.now()
    guard.signal.throwIfAborted()
    await follow(deps, guard, plan, executionId, startedAt)
  } catch (err) {
    // After a signal, the guard owns the outcome (stop, then exit non-zero); don't report the abort.
    if (guard.cancelling) return await guard.cancelling
    throw explainForkCredentials(err, github)
  } finally {
    guard.uninstall()
  }
}
