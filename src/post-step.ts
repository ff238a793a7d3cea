// The post step: the backstop for a main step that was killed or timed out while it waited.
import type { CodePipelinePort } from './codepipeline/port.js'
import type { Clock, Log } from './ports.js'
import type { SavedState } from './state.js'
import { stopExecution, stopReason } from './execution/stop.js'

export const POST_STOP_TIMEOUT_MS = 10000

export interface PostDeps {
  saved: SavedState
  /** Read lazily: a post step with nothing to do must not fail on inputs. */
  readStopSettings: () => { stopOnCancel: boolean; abandonOnCancel: boolean }
  /** Created only when there is something to stop. */
  createPort: (region: string) => CodePipelinePort
  log: Log
  clock: Clock
  run: string
}

/** Why the post step leaves the execution alone, or undefined when it should stop it. */
export function reasonToLeaveAlone(saved: SavedState): string | undefined {
  if (!saved.executionId) return 'no execution was started'
  if (!saved.wait) return 'wait was false, so the execution runs on by design'
  if (saved.finished) return 'the main step saw it finish'
  if (saved.stopped) return 'the main step already stopped it'
  if (saved.leftRunning) return 'wait-timeout-minutes was reached and stop-on-timeout is false, so it runs on by choice'
  return undefined
}

export async function runPostStep(deps: PostDeps): Promise<void> {
  const { saved, log } = deps
  const leave = reasonToLeaveAlone(saved)
  if (leave) {
    log.debug(`Post step: nothing to do (${leave}).`)
    return
  }
  const { stopOnCancel, abandonOnCancel } = deps.readStopSettings()
  const { executionId, pipelineName, region } = saved
  if (!stopOnCancel) {
    log.warning(`The step ended without seeing execution ${executionId} finish; stop-on-cancel is false, so it is left running.`)
    return
  }
  log.info(`The step ended without seeing execution ${executionId} finish (it timed out or was killed); stopping it.`)
  const reason = stopReason('Step ended without seeing the execution finish (timed out or killed):', deps.run)
  const port = deps.createPort(region)
  await stopExecution(
    { port, log, clock: deps.clock },
    { pipelineName, region, executionId, abandon: abandonOnCancel, reason },
    POST_STOP_TIMEOUT_MS
  )
}
