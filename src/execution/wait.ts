// Follows the started execution, and only that one, until CodePipeline gives its verdict. Each tick is one
// call, chosen by the poll planner: progress (ListActionExecutions) or status (GetPipelineExecution).
import type { ActionRun, CodePipelinePort, ExecutionState } from '../codepipeline/port.js'
import { isAbortError } from '../clock.js'
import { awsErrorName, errorMessage } from '../errors.js'
import type { PollLimits } from '../inputs/limits.js'
import type { CallKind, PollPlan, PollPlanner } from './poll-plan.js'
import { predictEnd, type Remainders } from './remainders.js'
import type { Clock, Log, Outputs } from '../ports.js'
import type { ProgressTracker } from '../report/progress.js'
import type { WaitExplainer } from '../report/waits.js'
import type { ActionState } from '../state.js'
import type { Approver } from './approve.js'
import type { Execution } from './execution.js'
import { OutageWatch, pollFailure, type RetryPolicy } from './retry.js'
import { retriedEnding, type StaleMarker } from './stale.js'

// Stopping and InProgress are not here: a Stopping execution may still finish its actions.
const TERMINAL = new Set(['Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Superseded'])

export interface WaitDeps {
  port: CodePipelinePort
  clock: Clock
  log: Log
  outputs: Outputs
  planner: PollPlanner
  limits: PollLimits
  /** What a failed poll does: back off, or fail after a sustained outage (retry.ts). */
  retry: RetryPolicy
  /** Told the moment a terminal status is seen: the post step then has nothing to stop. */
  state: Pick<ActionState, 'markFinished'>
}

export interface Followed {
  execution: Execution
  /** Clock ms when StartPipelineExecution answered. */
  startedAt: number
  /** The usual duration of a successful execution, if history tells. */
  expectedMs?: number
  /** What remains after each action, if past runs tell (remainders.ts). */
  remainders?: Remainders
  progress: ProgressTracker
  /** Explains waits (V2: queues, transitions, conditions, retries); optional. */
  waits?: WaitExplainer
  /** After each progress poll (logs: all reads the running actions' new log lines); must not throw. */
  afterProgress?: (runs: ActionRun[], signal?: AbortSignal) => Promise<void>
  /** Approves the listed manual approvals of this execution as they come (input approve). */
  approver?: Approver
  /** A re-run retried this execution: its ending as read before the retry, which later reads may still show. */
  staleBefore?: StaleMarker
}

/** One progress poll; a retried stage's lines say who retried it, so that is learnt first. */
async function pollProgress(port: WaitDeps['port'], followed: Followed, signal?: AbortSignal): Promise<void> {
  const { pipelineName, executionId } = followed.execution
  const runs = await port.listActionRuns(pipelineName, executionId, signal)
  await followed.waits?.learnRetries(runs, signal)
  followed.progress.update(runs)
}

/** After a progress poll: a queue before the first stage explained, and the running actions' new log lines. */
async function afterProgressPoll(followed: Followed, signal?: AbortSignal): Promise<void> {
  // No action at all yet: it may be queued before the first stage.
  if (followed.progress.latest.length === 0) await followed.waits?.afterStatus([], signal)
  await followed.approver?.afterProgress(followed.progress.latest, signal)
  await followed.afterProgress?.(followed.progress.latest, signal)
}

export function isTerminal(status: string): boolean {
  return TERMINAL.has(status)
}

function finished(deps: Pick<WaitDeps, 'state' | 'outputs'>, state: ExecutionState): ExecutionState {
  deps.state.markFinished()
  deps.outputs.setOutput('status', state.status)
  deps.outputs.setOutput('status-summary', state.statusSummary ?? '')
  return state
}

/** Says a status worth a line (Stopping, or a new summary); returns what was shown. The final status is the
 * verdict's to say, after the last progress is shown. */
function sayStatus(log: Log, executionId: string, state: ExecutionState, last: string): string {
  const shown = `${state.status}${state.statusSummary ? `: ${state.statusSummary}` : ''}`
  if (shown !== last && shown !== 'InProgress') log.info(`Execution ${executionId} is ${shown}`)
  return shown
}

/** What the planner knows of the execution: when it started, how long it usually takes, what it is doing. */
function known({ startedAt, expectedMs, remainders, progress, waits, approver }: Followed) {
  const endAt = remainders && predictEnd(remainders, progress.latest)
  const predictedEndAt = endAt === undefined ? undefined : progress.onRunnerClock(endAt)
  const view = progress.view()
  // An approval the step has just approved waits no more: the next poll comes at the usual pace, not the slow one.
  const approvalWaiting = view.approvalWaiting && !(approver?.approvedAll(progress.latest) ?? false)
  return {
    startedAt,
    expectedMs,
    predictedEndAt,
    progress: { ...view, approvalWaiting, longWait: waits?.longWait(progress.latest) ?? false }
  }
}

export async function waitForExecution(deps: WaitDeps, followed: Followed, signal?: AbortSignal): Promise<ExecutionState> {
  const { port, clock, log } = deps
  const outage = new OutageWatch(clock, deps.retry)
  const { pipelineName, executionId, consoleUrl } = followed.execution
  const ref = { executionId, url: consoleUrl }
  const retried = retriedEnding(port, followed, signal)
  let last = ''
  let lastCall: CallKind = 'progress'
  let lastStatusAt = followed.startedAt
  let lastProgressAt = followed.startedAt
  let progressAllowed = true
  // After a failed poll, the retry policy's jittered backoff replaces the planner's delay.
  let backoffMs: number | undefined
  // A followed execution may have run for minutes, or ended, before the step found it: its status is asked at once.
  let first: PollPlan | undefined = followed.execution.origin === 'followed' ? { call: 'status', delayMs: 0 } : undefined
  for (;;) {
    retried.checkOverdue(clock.now(), executionId, consoleUrl)
    const asked = { lastCall, lastStatusAt, lastProgressAt, limits: deps.limits }
    const plan: PollPlan = first ?? deps.planner({ now: clock.now(), ...known(followed), ...asked })
    first = undefined
    await clock.sleep(backoffMs ?? plan.delayMs, signal)
    backoffMs = undefined
    lastCall = progressAllowed ? plan.call : 'status'
    try {
      if (lastCall === 'progress') {
        lastProgressAt = clock.now()
        await pollProgress(port, followed, signal)
        outage.succeeded()
        await afterProgressPoll(followed, signal)
        continue
      }
      lastStatusAt = clock.now()
      const state = await port.getExecution(pipelineName, executionId, signal)
      outage.succeeded()
      if (await retried.isVerdict(state.status, isTerminal(state.status))) return finished(deps, state)
      if (isTerminal(state.status)) continue // a stale read of the ending before the retry: poll on
      last = sayStatus(log, executionId, state, last)
      await followed.waits?.afterStatus(followed.progress.latest, signal)
    } catch (err) {
      if (isAbortError(err) || signal?.aborted) throw err
      // Progress is a nicety: without the permission, the verdict still comes from the status.
      if (lastCall === 'progress' && awsErrorName(err) === 'AccessDeniedException') {
        progressAllowed = false
        log.warning(`No progress will be shown: ${errorMessage(err)}`)
        continue
      }
      backoffMs = outage.failed(err, (e, kind) => pollFailure(e, kind, outage.failingForMs(), ref))
      const what = lastCall === 'progress' ? "the execution's progress" : "the execution's status"
      log.warning(`Could not get ${what} (${errorMessage(err)}); trying again in ${Math.round(backoffMs / 1000)} s.`)
    }
  }
}
