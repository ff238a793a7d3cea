// StopPipelineExecution as both the cancel handler and the post step use it.
import type { CodePipelinePort } from '../codepipeline/port.js'
import { isAbortError } from '../clock.js'
import { awsErrorName, errorMessage } from '../errors.js'
import type { Clock, Log } from '../ports.js'
import { executionUrl } from './start.js'

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

export interface StopTarget {
  pipelineName: string
  region: string
  executionId: string
  abandon: boolean
  reason: string
}

/**
 * Stops the execution, giving up after `timeoutMs`. Returns whether nothing is left running for this
 * run to stop: true when stopped, already stopping, or already finished.
 */
export async function stopExecution(
  deps: { port: CodePipelinePort; log: Log; clock: Clock },
  target: StopTarget,
  timeoutMs: number
): Promise<boolean> {
  const { pipelineName, executionId, abandon, reason } = target
  const url = executionUrl(target.region, pipelineName, executionId)
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
