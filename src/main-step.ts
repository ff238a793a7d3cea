// The main step: pick the sources, start, follow, judge; stop on cancel.
import { CancelGuard } from './cancel.js'
import type { CodePipelinePort } from './codepipeline.js'
import { chooseCommit } from './commit.js'
import { describeRun, type GitHubContext } from './github-context.js'
import type { Settings } from './inputs.js'
import type { Clock, Log, Outputs, SignalSource } from './ports.js'
import { planSource } from './source.js'
import { startExecution } from './start.js'
import type { ActionState } from './state.js'
import { judgeExecution, waitForExecution, type PollSchedule } from './wait.js'

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
  schedule: PollSchedule
  transientToleranceMs: number
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
    if (!settings.wait) {
      log.info('wait is false: not waiting for the execution to finish.')
      return
    }
    guard.signal.throwIfAborted()
    const onFinished = () => {
      guard.markFinished()
      deps.state.markFinished()
    }
    const final = await waitForExecution({ ...deps, onFinished }, settings.pipelineName, executionId, guard.signal)
    judgeExecution(settings.pipelineName, executionId, final, settings.allowSuperseded)
    log.info(`Pipeline ${settings.pipelineName} execution ${executionId} ${final.status}.`)
  } catch (err) {
    // After a signal, the guard owns the outcome (stop, then exit non-zero); don't report the abort.
    if (guard.cancelling) return await guard.cancelling
    throw err
  } finally {
    guard.uninstall()
  }
}
