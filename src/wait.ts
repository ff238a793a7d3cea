// Follows the started execution, and only that one, until CodePipeline gives its verdict.
import type { CodePipelinePort, ExecutionState } from './codepipeline.js'
import { isAbortError } from './clock.js'
import { ActionError, awsErrorName, errorMessage } from './errors.js'
import type { Clock, Log, Outputs } from './ports.js'

/** How long to sleep after the `pollNumber`-th poll (1-based). Issue 5 will make this adaptive. */
export type PollSchedule = (pollNumber: number) => number

export function cappedBackoff({ firstMs = 2000, factor = 1.5, maxMs = 10000 } = {}): PollSchedule {
  return (pollNumber) => Math.min(maxMs, Math.round(firstMs * factor ** (pollNumber - 1)))
}

// Stopping and InProgress are not here: a Stopping execution may still finish its actions.
const TERMINAL = new Set(['Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Superseded'])

// These will not get better by asking again.
const PERMANENT = new Set([
  'PipelineNotFoundException',
  'PipelineExecutionNotFoundException',
  'ValidationException',
  'AccessDeniedException',
  'CredentialsProviderError'
])

export const DEFAULT_TRANSIENT_TOLERANCE_MS = 5 * 60 * 1000

export interface WaitDeps {
  port: CodePipelinePort
  clock: Clock
  log: Log
  outputs: Outputs
  schedule: PollSchedule
  /** How long GetPipelineExecution may keep failing before the step fails. */
  transientToleranceMs: number
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
  let failingSince: number | undefined
  let last = ''
  for (let poll = 1; ; poll++) {
    try {
      const state = await port.getExecution(pipelineName, executionId, signal)
      failingSince = undefined
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
      if (PERMANENT.has(awsErrorName(err))) throw err
      failingSince ??= clock.now()
      const failingFor = clock.now() - failingSince
      if (failingFor >= deps.transientToleranceMs) {
        throw new ActionError(
          `Could not get the status of execution ${executionId} for ${Math.round(failingFor / 1000)} s: ${errorMessage(err)}`,
          { cause: err }
        )
      }
      log.warning(`Could not get the execution's status (${errorMessage(err)}); trying again.`)
    }
    await clock.sleep(deps.schedule(poll), signal)
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
