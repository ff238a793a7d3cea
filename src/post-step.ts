// The post step: the backstop for a main step that was killed before it could decide what becomes of the
// execution. It only ever stops what main saved it had started; it never starts anything.
import type { CodePipelinePort } from './codepipeline/port.js'
import { describeExecution, pipelineUrl } from './execution/execution.js'
import { stopExecution, stopReason } from './execution/stop.js'
import type { Clock, Log } from './ports.js'
import type { SavedState } from './state.js'

export const POST_STOP_TIMEOUT_MS = 10000

export interface PostDeps {
  saved: SavedState
  /** Read lazily: a post step with nothing to do must not fail on inputs. */
  readStopSettings: () => { stopOnCancel: boolean; abandonOnCancel: boolean }
  /** Created only when there is something to stop: it loads the AWS SDK. */
  createPort: (region: string) => Promise<CodePipelinePort>
  log: Log
  clock: Clock
  /** The workflow run's URL, for the stop reason. */
  workflowRun: string
}

/** Why the post step leaves the execution alone, or undefined when main was killed before it could decide. */
export function reasonToLeaveAlone(saved: SavedState): string | undefined {
  if (!saved.executionId) return 'no execution was started'
  if (saved.origin !== 'started') return 'the step did not start it'
  if (!saved.wait) return 'wait was false, so the execution runs on by design'
  if (saved.finished) return 'the main step saw it finish'
  if (saved.stopped) return 'the main step already stopped it'
  if (saved.leftRunning) return 'wait-timeout-minutes was reached and stop-on-timeout is false, so it runs on by choice'
  if (saved.gaveUp) return 'the main step gave up following it and said so, so it runs on'
  return undefined
}

/** Main was killed between sending the start and learning its answer: say so, with where to look. */
function warnStartUnknown(deps: PostDeps): void {
  const { saved } = deps
  deps.log.warning(
    `The main step ended while starting pipeline ${saved.pipelineName}, before it learned whether an execution was started; ` +
      `if one was, it is still running: ${pipelineUrl(saved)}`
  )
}

export async function runPostStep(deps: PostDeps): Promise<void> {
  const { saved, log } = deps
  if (!saved.executionId && saved.startSent) return warnStartUnknown(deps)
  const leave = reasonToLeaveAlone(saved)
  if (leave || !saved.executionId) {
    log.debug(`Post step: nothing to do (${leave}).`)
    return
  }
  const { stopOnCancel, abandonOnCancel } = deps.readStopSettings()
  const execution = describeExecution(saved, saved.executionId, saved.origin)
  const { executionId } = execution
  const why = saved.cancelled
    ? 'the workflow run was cancelled and the main step ended before it could stop it'
    : 'the main step ended before it saw it finish'
  if (!stopOnCancel) {
    log.warning(`Execution ${executionId} is left running (${why}; stop-on-cancel is false): ${execution.consoleUrl}`)
    return
  }
  log.info(`Stopping execution ${executionId}: ${why}.`)
  const reason = saved.cancelled
    ? stopReason('Workflow run cancelled; the step ended before it could stop this execution:', deps.workflowRun)
    : stopReason('The step ended before it saw this execution finish:', deps.workflowRun)
  const port = await deps.createPort(execution.region)
  await stopExecution({ port, log, clock: deps.clock }, execution, { abandon: abandonOnCancel, reason }, POST_STOP_TIMEOUT_MS)
}
