// The main step: pick the sources, start, follow, judge; stop on cancel or timeout.
import { CancelGuard } from './cancel.js'
import type { CodePipelinePort } from './codepipeline.js'
import { chooseCommit } from './commit.js'
import { explainForkCredentials } from './fork.js'
import { describeRun, type GitHubContext } from './github-context.js'
import type { Settings } from './inputs.js'
import type { Clock, Log, Outputs, SignalSource } from './ports.js'
import { deriveRequestToken, type StepIdentity } from './request-token.js'
import { withRetries, type RetryPolicy } from './retry.js'
import { explainSourceActionRejection, planSource, type SourcePlan } from './source.js'
import { startExecution, startRequest, type StartDeps } from './start.js'
import type { ActionState } from './state.js'
import { handleTimeout, WaitTimeout } from './timeout.js'
import { judgeExecution, waitForExecution, type PollSchedule } from './wait.js'

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
  schedule: PollSchedule
  retry: RetryPolicy
}

/** Starts the execution; the guard can learn its id (or ask again with the same token) if a signal comes. */
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
    again: (signal) => startExecution(startDeps, settings, plan, { clientRequestToken: token, startRetryMs: 0, signal })
  })
  return answer
}

/** Waits for the verdict, within wait-timeout-minutes if set. */
async function follow(deps: MainDeps, guard: CancelGuard, executionId: string): Promise<void> {
  const { settings, log } = deps
  const onFinished = () => {
    guard.markFinished()
    deps.state.markFinished()
  }
  const timeout = new WaitTimeout(deps.clock, settings.waitTimeoutMs)
  const signal = AbortSignal.any([guard.signal, timeout.signal])
  try {
    const waitDeps = { ...deps, onFinished, region: settings.region }
    const final = await waitForExecution(waitDeps, settings.pipelineName, executionId, signal)
    judgeExecution(settings.pipelineName, executionId, final, settings.allowSuperseded)
    log.info(`Pipeline ${settings.pipelineName} execution ${executionId} ${final.status}.`)
  } catch (err) {
    if (!timeout.reached || guard.signal.aborted) throw err
    guard.markFinished() // the timeout handles it from here; a late signal must not stop it again
    throw await handleTimeout(
      {
        ...deps,
        run: describeRun(deps.github),
        onStopped: () => deps.state.markStopped(),
        onLeftRunning: () => deps.state.markLeftRunning()
      },
      executionId
    )
  } finally {
    timeout.dispose()
  }
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
        withRetries(deps, { what: `Could not read pipeline ${name}`, send: (signal) => port.getPipeline(name, signal), signal: guard.signal }),
      repo: github.repo,
      log
    })
    guard.signal.throwIfAborted()
    const executionId = await start(deps, guard, plan).catch(async (err: unknown) => {
      throw await explainSourceActionRejection(err, settings, (name) => port.getPipeline(name, guard.signal))
    })
    if (!settings.wait) {
      log.info('wait is false: not waiting for the execution to finish.')
      return
    }
    guard.signal.throwIfAborted()
    await follow(deps, guard, executionId)
  } catch (err) {
    // After a signal, the guard owns the outcome (stop, then exit non-zero); don't report the abort.
    if (guard.cancelling) return await guard.cancelling
    throw explainForkCredentials(err, github)
  } finally {
    guard.uninstall()
  }
}
