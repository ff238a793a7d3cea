// When to ask next, and what. A pure function of the time, the start, the history and the progress, so the
// schedule is tested on an injected clock. Two kinds of call: `progress` (ListActionExecutions: the log,
// and hints that the end is near) and `status` (GetPipelineExecution: the verdict). Each tick is one call.
import type { PollLimits } from '../inputs/limits.js'
import type { ProgressView } from '../report/progress.js'

export type CallKind = 'status' | 'progress'

export interface PollPlan {
  call: CallKind
  delayMs: number
}

export interface PlanInput {
  now: number
  /** When StartPipelineExecution answered. */
  startedAt: number
  /** The usual duration of a successful execution; undefined without history. */
  expectedMs?: number
  /** When this execution should end, from its newest known moment and each action's own history (remainders). */
  predictedEndAt?: number
  progress: ProgressView
  /** The call just made (`progress` before the first poll). */
  lastCall: CallKind
  lastStatusAt: number
  lastProgressAt: number
  limits: PollLimits
}

export type PollPlanner = (input: PlanInput) => PollPlan

// Aim just after the expected end: our start time is when Start answered, a little after AWS's.
export const END_MARGIN_MS = 250
// Stopped, Superseded and Cancelled show in no action, so the status is asked at least this often.
export const STATUS_AT_LEAST_EVERY_MS = 60_000
// Without history: never sooner than this (nothing ends in its first seconds worth a call each)...
const NO_HISTORY_FLOOR_MS = 2000
// ...and no sparser than this while the run is young, so the end is seen within a few seconds.
const NO_HISTORY_CAP_MS = 10_000
// Without history, once the last stage runs its end may come at any moment: no sparser than this.
export const LAST_STAGE_CAP_MS = 15_000

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value))

/** Aims just after `endAt`; `spanMs` (the run's usual length) sets the cadence until then. Undefined once
 * the end is later than history can explain. */
function towardEnd(input: PlanInput, endAt: number, spanMs: number): PollPlan | undefined {
  const { now, limits } = input
  const target = endAt + END_MARGIN_MS
  const cadence = clamp(spanMs / 4, limits.minMs, limits.maxMs)
  const remaining = target - now
  // Land exactly on the expected end rather than just before it.
  if (remaining > 0)
    return remaining <= cadence + limits.minMs ? { call: 'status', delayMs: remaining } : { call: 'progress', delayMs: cadence }
  const late = -remaining
  if (late > spanMs) return undefined // history was wrong about this run: back off as if there were none
  // Late: the further past the expected end, the less the next second matters (latency stays under the lateness).
  const delayMs = clamp(late, limits.minMs, limits.maxMs)
  return { call: now - input.lastProgressAt >= cadence ? 'progress' : 'status', delayMs }
}

/** Toward the predicted end (each action's own history), else the usual duration's end. */
function withHistory(input: PlanInput, expectedMs: number): PollPlan | undefined {
  const endAt = input.predictedEndAt ?? input.startedAt + expectedMs
  return towardEnd(input, endAt, Math.max(expectedMs, endAt - input.startedAt))
}

function withoutHistory(input: PlanInput): PollPlan {
  const { now, startedAt, limits } = input
  const elapsed = now - startedAt
  const floor = Math.max(limits.minMs, Math.min(NO_HISTORY_FLOOR_MS, limits.maxMs))
  // Long runs may be polled more sparsely; young ones must not be, or their end is seen late.
  const cap = clamp(elapsed / 6, Math.min(NO_HISTORY_CAP_MS, limits.maxMs), limits.maxMs)
  return { call: 'progress', delayMs: clamp(elapsed / 2, floor, cap) }
}

function inLastStage(input: PlanInput, startedMs: number): PollPlan {
  const { now, limits } = input
  const floor = Math.max(limits.minMs, Math.min(NO_HISTORY_FLOOR_MS, limits.maxMs))
  return { call: 'progress', delayMs: clamp((now - startedMs) / 4, floor, Math.min(LAST_STAGE_CAP_MS, limits.maxMs)) }
}

export const planNextPoll: PollPlanner = (input) => {
  const { progress, limits, now } = input
  if (input.lastCall === 'progress' && progress.suggestsEnd) return { call: 'status', delayMs: 0 }
  let plan: PollPlan
  // Nothing will happen soon: an approval, a queue, a disabled transition, a stage condition (waits.ts).
  if (progress.approvalWaiting || progress.longWait) plan = { call: 'progress', delayMs: limits.maxMs }
  else if (input.expectedMs !== undefined) plan = withHistory(input, input.expectedMs) ?? withoutHistory(input)
  else if (progress.lastStageStartedAt !== undefined) plan = inLastStage(input, progress.lastStageStartedAt)
  else plan = withoutHistory(input)
  // Alternating with progress, so slow regimes (an approval) still see their actions move.
  const statusDue = now + plan.delayMs - input.lastStatusAt >= STATUS_AT_LEAST_EVERY_MS
  if (statusDue && input.lastCall === 'progress') return { ...plan, call: 'status' }
  return plan
}
