// wait-timeout-minutes: stop waiting after a set time; stop-on-timeout decides whether the execution stops too.
import { STOP_TIMEOUT_MS } from './cancel.js'
import { ActionError } from '../errors.js'
import type { Settings } from '../inputs/settings.js'
import type { Clock } from '../ports.js'
import type { ActionState } from '../state.js'
import type { Execution } from './execution.js'
import { stopExecution, stopReason, type StopDeps } from './stop.js'

/** Aborts its signal when the time is up; nothing at all without a limit. */
export class WaitTimeout {
  private readonly controller = new AbortController()
  private readonly timer = new AbortController()
  private hit = false

  constructor(clock: Clock, limitMs: number | undefined) {
    if (limitMs === undefined) return
    clock.sleep(limitMs, this.timer.signal).then(
      () => {
        this.hit = true
        this.controller.abort()
      },
      () => undefined
    )
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  get reached(): boolean {
    return this.hit
  }

  dispose(): void {
    this.timer.abort()
  }
}

export interface TimeoutDeps extends StopDeps {
  settings: Pick<Settings, 'waitTimeoutMs' | 'stopOnTimeout' | 'abandonOnCancel'>
  /** The workflow run's URL, for the stop reason. */
  workflowRun: string
  /** Told whether it was stopped or deliberately left running: the post step must leave it alone either way. */
  state: Pick<ActionState, 'markStopped' | 'markLeftRunning'>
}

/** Stops the execution if stop-on-timeout says so, and returns the step's failure. */
export async function handleTimeout(deps: TimeoutDeps, execution: Execution): Promise<ActionError> {
  const { waitTimeoutMs = 0, stopOnTimeout, abandonOnCancel } = deps.settings
  const { pipelineName, executionId, consoleUrl: url } = execution
  const what = `Execution ${executionId} of pipeline ${pipelineName} did not finish within ${waitTimeoutMs / 60000} minutes (wait-timeout-minutes)`
  if (!stopOnTimeout) {
    deps.state.markLeftRunning()
    return new ActionError(`${what}; it is left running (set stop-on-timeout: true to stop it): ${url}`)
  }
  const reason = stopReason('wait-timeout-minutes reached in', deps.workflowRun)
  const stopped = await stopExecution(deps, execution, { abandon: abandonOnCancel, reason }, STOP_TIMEOUT_MS)
  if (stopped) deps.state.markStopped()
  return new ActionError(`${what}; ${stopped ? 'it was stopped' : 'stopping it failed'} (stop-on-timeout): ${url}`)
}
