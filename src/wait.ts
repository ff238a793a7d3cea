// Follows the started execution, and only that one, until CodePipeline gives its verdict. Each tick is one
// call, chosen by the poll planner: progress (ListActionExecutions) or status (GetPipelineExecution).
import type { CodePipelinePort, ExecutionState } from './codepipeline.js'
import { isAbortError } from './clock.js'
import { ActionError, awsErrorName, errorMessage } from './errors.js'
import type { PollLimits, PollPlanner, CallKind } from './poll-plan.js'
import type { Clock, Log, Outputs } from './ports.js'
import type { ProgressTracker } from './progress.js'

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
  planner: PollPlanner
  limits: PollLimits
  /** How long the polls may keep failing before the step fails. */
  transientToleranceMs: number
  onFinished: (state: ExecutionState) => void
}

export interface Followed {
  pipelineName: string
  executionId: string
  /** Clock ms when StartPipelineExecution answered. */
  startedAt: number
  /** The usual duration of a successful execution, if history tells. */
  expectedMs?: number
  progress: ProgressTracker
}

export function isTerminal(status: string): boolean {
  return TERMINAL.has(status)
}

/** Tolerates a failing poll for a while; throws once it has failed for too long or for good. */
class TransientTolerance {
  private failingSince: number | undefined
  constructor(private readonly deps: WaitDeps, private readonly executionId: string) {}

  succeeded(): void {
    this.failingSince = undefined
  }

  failed(err: unknown, signal?: AbortSignal): void {
    if (isAbortError(err) || signal?.aborted) throw err
    if (PERMANENT.has(awsErrorName(err))) throw err
    const now = this.deps.clock.now()
    this.failingSince ??= now
    const failingFor = now - this.failingSince
    if (failingFor >= this.deps.transientToleranceMs) {
      throw new ActionError(
        `Could not get the status of execution ${this.executionId} for ${Math.round(failingFor / 1000)} s: ${errorMessage(err)}`,
        { cause: err }
      )
    }
    this.deps.log.warning(`Could not get the execution's status (${errorMessage(err)}); trying again.`)
  }
}

export async function waitForExecution(deps: WaitDeps, run: Followed, signal?: AbortSignal): Promise<ExecutionState> {
  const { port, clock, log } = deps
  const tolerance = new TransientTolerance(deps, run.executionId)
  let last = ''
  let lastCall: CallKind = 'progress'
  let lastStatusAt = run.startedAt
  let lastProgressAt = run.startedAt
  let progressAllowed = true
  for (;;) {
    const plan = deps.planner({ now: clock.now(), ...run, progress: run.progress.view(), lastCall, lastStatusAt, lastProgressAt, limits: deps.limits })
    await clock.sleep(plan.delayMs, signal)
    lastCall = progressAllowed ? plan.call : 'status'
    try {
      if (lastCall === 'progress') {
        lastProgressAt = clock.now()
        run.progress.update(await port.listActionRuns(run.pipelineName, run.executionId, signal))
        tolerance.succeeded()
        continue
      }
      lastStatusAt = clock.now()
      const state = await port.getExecution(run.pipelineName, run.executionId, signal)
      tolerance.succeeded()
      const shown = `${state.status}${state.statusSummary ? `: ${state.statusSummary}` : ''}`
      if (shown !== last && shown !== 'InProgress') log.info(`Execution ${run.executionId} is ${shown}`)
      last = shown
      if (isTerminal(state.status)) {
        deps.onFinished(state)
        deps.outputs.setOutput('status', state.status)
        deps.outputs.setOutput('status-summary', state.statusSummary ?? '')
        return state
      }
    } catch (err) {
      // Progress is a nicety: without the permission, the verdict still comes from the status.
      if (lastCall === 'progress' && awsErrorName(err) === 'AccessDeniedException') {
        progressAllowed = false
        log.warning(`No progress will be shown: ${errorMessage(err)}`)
        continue
      }
      tolerance.failed(err, signal)
    }
  }
}
