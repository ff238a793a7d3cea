// StopPipelineExecution as both the cancel handler and the post step use it.
import type { CodePipelinePort } from '../codepipeline/port.js'
import { isAbortError } from '../clock.js'
import { awsErrorName, errorMessage } from '../errors.js'
import type { Clock, Log } from '../ports.js'
import { mayStop, type Execution } from './execution.js'

const MAX_REASON = 200

/** A stop reason within the API's 200 characters, e.g. "Cancelled by https://github.com/o/r/actions/runs/1". */
export function stopReason(why: string, run: string): string {
  const full = `${why} ${run}`
  if (full.length <= MAX_REASON) return full
  // The run link is what a reader needs; shorten the explanation first.
  const room = MAX_REASON - run.length - 2
  if (room > 10) return `${why.slice(0, room)}… ${run}`
  return run.slice(0, MAX_REASON)
}

/** How to stop: abandon in-progress actions or let them finish, and why (shown in the console). */
export interface StopOrder {
  abandon: boolean
  reason: string
}

export interface StopDeps {
  port: Pick<CodePipelinePort, 'stopExecution'>
  log: Log
  clock: Clock
}

/**
 * Stops the execution, giving up after `timeoutMs`. Returns whether nothing is left running for this
 * run to stop: true when stopped, already stopping, or already finished.
 */
export async function stopExecution(deps: StopDeps, execution: Execution, order: StopOrder, timeoutMs: number): Promise<boolean> {
  const { pipelineName, executionId, consoleUrl: url } = execution
  const { abandon, reason } = order
  if (!mayStop(execution)) {
    deps.log.info(`Execution ${executionId} was not started by this step, so it is not stopped: ${url}`)
    return false
  }
  const timeout = new AbortController()
  const giveUp = new AbortController()
  deps.clock.sleep(timeoutMs, giveUp.signal).then(
    () => timeout.abort(),
    () => undefined
  )
  try {
    await deps.port.stopExecution({ pipelineName, executionId, abandon, reason }, timeout.signal)
    deps.log.info(`Stopped execution ${executionId}${abandon ? ' (abandoning in-progress actions)' : ''}: ${url}`)
    return true
  } catch (err) {
    const name = awsErrorName(err)
    if (name === 'PipelineExecutionNotStoppableException') {
      deps.log.info(`Execution ${executionId} had already finished; nothing to stop.`)
      return true
    }
    if (name === 'DuplicatedStopRequestException') {
      deps.log.info(`Execution ${executionId} is already stopping.`)
      return true
    }
    const why = timeout.signal.aborted && isAbortError(err) ? `no answer within ${timeoutMs / 1000} s` : errorMessage(err)
    deps.log.error(`Could not stop execution ${executionId} (${why}); stop it in the console: ${url}`)
    return false
  } finally {
    giveUp.abort()
  }
}
