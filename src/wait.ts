// Follows the started execution, and only that one, until CodePipeline gives its verdict.
import type { CodePipelinePort, ExecutionState } from './codepipeline.js'
import { isAbortError } from './clock.js'
import { ActionError, errorMessage } from './errors.js'
import type { Clock, Log, Outputs } from './ports.js'
import { OutageWatch, pollFailure, type RetryPolicy } from './retry.js'
import { executionUrl } from './start.js'

/** How long to sleep after the `pollNumber`-th poll (1-based). Issue 5 will make this adaptive. */
export type PollSchedule = (pollNumber: number) => number

export function cappedBackoff({ firstMs = 2000, factor = 1.5, maxMs = 10000 } = {}): PollSchedule {
  return (pollNumber) => Math.min(maxMs, Math.round(firstMs * factor ** (pollNumber - 1)))
}

// Stopping and InProgress are not here: a Stopping execution may still finish its actions.
const TERMINAL = new Set(['Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Superseded'])

export interface WaitDeps {
  port: CodePipelinePort
  clock: Clock
  log: Log
  outputs: Outputs
  schedule: PollSchedule
  /** What a failed GetPipelineExecution does: back off, or fail after a sustained outage (retry.ts). */
  retry: RetryPolicy
  /** For the console link in failure messages. */
  region: string
  onFinished: (state: ExecutionState) => void
}

export function isTerminal(status: string): boolean {
  return TERMINAL.has(status)
}

export async function waitForExecution(
  deps: WaitDeps,
  pipelineName: string,
  executionId: string,
  signal?: AbortSignal
): Promise<ExecutionState> {
  const { port, clock, log } = deps
  const outage = new OutageWatch(clock, deps.retry)
  const ref = { executionId, url: executionUrl(deps.region, pipelineName, executionId) }
  let last = ''
  for (let poll = 1; ; poll++) {
    let backoffMs: number | undefined
    try {
      const state = await port.getExecution(pipelineName, executionId, signal)
      outage.succeeded()
      const shown = `${state.status}${state.statusSummary ? `: ${state.statusSummary}` : ''}`
      if (shown !== last) log.info(`Execution ${executionId} is ${shown}`)
      last = shown
      if (isTerminal(state.status)) {
        deps.onFinished(state)
        deps.outputs.setOutput('status', state.status)
        deps.outputs.setOutput('status-summary', state.statusSummary ?? '')
        return state
      }
    } catch (err) {
      if (isAbortError(err) || signal?.aborted) throw err
      backoffMs = outage.failed(err, (e, kind) => pollFailure(e, kind, outage.failingForMs(), ref))
      log.warning(`Could not get the execution's status (${errorMessage(err)}); trying again in ${Math.round(backoffMs / 1000)} s.`)
    }
    await clock.sleep(backoffMs ?? deps.schedule(poll), signal)
  }
}

const MEANING: Record<string, string> = {
  Stopped: 'it was stopped',
  Cancelled: "the pipeline's definition changed while it ran",
  Superseded: 'a newer execution overtook it, so this commit did not finish the pipeline; set allow-superseded: true to accept that'
}

/** Throws the step's failure unless the final state passes it. */
export function judgeExecution(pipelineName: string, executionId: string, state: ExecutionState, allowSuperseded: boolean): void {
  if (state.status === 'Succeeded') return
  if (state.status === 'Superseded' && allowSuperseded) return
  const meaning = MEANING[state.status] ? ` (${MEANING[state.status]})` : ''
  const summary = state.statusSummary ? `: ${state.statusSummary}` : ''
  throw new ActionError(`Pipeline ${pipelineName} execution ${executionId} ended ${state.status}${meaning}${summary}`)
}
