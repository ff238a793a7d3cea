// wait-timeout-minutes: stop waiting after a set time; stop-on-timeout decides whether the execution stops too.
import { STOP_TIMEOUT_MS } from './cancel.js'
import type { CodePipelinePort } from '../codepipeline/port.js'
import { ActionError } from '../errors.js'
import type { Settings } from '../inputs/settings.js'
import type { Clock, Log } from '../ports.js'
import { executionUrl } from './start.js'
import { stopExecution, stopReason } from './stop.js'

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

export interface TimeoutDeps {
  port: CodePipelinePort
  log: Log
  clock: Clock
  settings: Pick<Settings, 'pipelineName' | 'region' | 'waitTimeoutMs' | 'stopOnTimeout' | 'abandonOnCancel'>
  /** The workflow run, for the stop reason. */
  run: string
  onStopped: () => void
  /** The execution is deliberately left running: the post step must not stop it. */
  onLeftRunning: () => void
}

/** Stops the execution if stop-on-timeout says so, and returns the step's failure. */
export async function handleTimeout(deps: TimeoutDeps, executionId: string): Promise<ActionError> {
  const { pipelineName, region, waitTimeoutMs = 0, stopOnTimeout, abandonOnCancel } = deps.settings
  const url = executionUrl(region, pipelineName, executionId)
  const what = `Execution ${executionId} of pipeline ${pipelineName} did not finish within ${waitTimeoutMs / 60000} minutes (wait-timeout-minutes)`
  if (!stopOnTimeout) {
    deps.onLeftRunning()
    return new ActionError(`${what}; it is left running (set stop-on-timeout: true to stop it): ${url}`)
  }
  const reason = stopReason('wait-timeout-minutes reached in', deps.run)
  const target = { pipelineName, region, executionId, abandon: abandonOnCancel, reason }
  const stopped = await stopExecution(deps, target, STOP_TIMEOUT_MS)
  if (stopped) deps.onStopped()
  return new ActionError(`${what}; ${stopped ? 'it was stopped' : 'stopping it failed'} (stop-on-timeout): ${url}`)
}
