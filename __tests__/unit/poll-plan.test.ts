import {
  END_MARGIN_MS,
  LAST_STAGE_CAP_MS,
  planNextPoll,
  STATUS_AT_LEAST_EVERY_MS,
  type PlanInput,
  type PollPlan
} from '../../src/execution/poll-plan.js'
import type { ProgressView } from '../../src/report/progress.js'

const T0 = 1_700_000_000_000
const quiet: ProgressView = { approvalWaiting: false, suggestsEnd: false }
const limits = { minMs: 1000, maxMs: 60_000 }

function input(at: number, overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    now: T0 + at,
    startedAt: T0,
    progress: quiet,
    lastCall: 'progress',
    lastStatusAt: T0 + at,
    lastProgressAt: T0 + at,
    limits,
    ...overrides
  }
}

/** Runs the planner on a virtual clock until `endAt` (ms after the start) is seen by a status call. */
function simulate(endAt: number, overrides: Partial<PlanInput> = {}, progressAt: (t: number) => ProgressView = () => quiet) {
  let now = 0
  let lastCall: PlanInput['lastCall'] = 'progress'
  let lastStatusAt = 0
  let lastProgressAt = 0
  let progress = quiet
  const calls: PollPlan[] = []
  for (let i = 0; i < 200; i++) {
    const plan = planNextPoll({
      ...input(now, overrides),
      progress,
      lastCall,
      lastStatusAt: T0 + lastStatusAt,
      lastProgressAt: T0 + lastProgressAt
    })
    now += plan.delayMs
    calls.push(plan)
    lastCall = plan.call
    if (plan.call === 'status') {
      lastStatusAt = now
      if (now >= endAt) return { calls, latency: now - endAt }
    } else {
      lastProgressAt = now
      progress = progressAt(now)
    }
  }
  throw new Error('never ended')
}

describe('with history', () => {
  test('a 61.3 s pipeline as usual: sparse progress, then one status just after the expected end', () => {
    const { calls, latency } = simulate(61_300, { expectedMs: 61_300 })
    expect(calls.map((c) => c.call)).toEqual(['progress', 'progress', 'progress', 'status'])
    expect(latency).toBe(END_MARGIN_MS)
  })
  test.each([
    // Earlier than usual, with no hint from progress: seen at the expected end.
    [59_000, 61_300, 2550, 4],
    [61_300, 60_000, 1000, 6],
    [64_000, 61_300, 2000, 7],
    [75_000, 61_300, 10_000, 9]
  ])('ends at %d ms, expected %d ms: seen within %d ms, in at most %d calls', (endAt, expectedMs, maxLatency, maxCalls) => {
    const { calls, latency } = simulate(endAt, { expectedMs })
    expect(latency).toBeLessThanOrEqual(maxLatency)
    expect(calls.length).toBeLessThanOrEqual(maxCalls)
  })
  test('ends early, and progress shows it: the status is asked at once', () => {
    const endsAt = 30_000
    const { latency, calls } = simulate(endsAt, { expectedMs: 61_300 }, (t) => (t >= endsAt ? { ...quiet, suggestsEnd: true } : quiet))
    expect(calls.at(-1)).toEqual({ call: 'status', delayMs: 0 })
    expect(latency).toBeLessThan(16_000)
  })
  test('far longer than history: falls back to the capped backoff', () => {
    const plan = planNextPoll(input(200_000, { expectedMs: 60_000 }))
    expect(plan.delayMs).toBeLessThanOrEqual(60_000)
    expect(plan.delayMs).toBeGreaterThan(10_000)
  })
})

describe("with each action's own history: the predicted end", () => {
  const MIN = 60_000
  // A 2 h approval, answered at 120 min; what remains after it is 6 min; the run's usual length (51 min) is no help.
  const approvedAt = 120 * MIN
  const endAt = approvedAt + 6 * MIN + 3200
  const progressAt = (t: number): ProgressView => ({ ...quiet, approvalWaiting: t < approvedAt })
  function run(predictedFrom: (t: number) => number | undefined) {
    let now = 0
    let lastCall: PlanInput['lastCall'] = 'progress'
    let [lastStatusAt, lastProgressAt, predictedEndAt, progress] = [0, 0, undefined as number | undefined, quiet]
    const calls: number[] = []
    for (let i = 0; i < 400; i++) {
      const plan = planNextPoll({
        ...input(now, { expectedMs: 51 * MIN, predictedEndAt }),
        progress,
        lastCall,
        lastStatusAt: T0 + lastStatusAt,
        lastProgressAt: T0 + lastProgressAt
      })
      now += plan.delayMs
      calls.push(now)
      lastCall = plan.call
      if (plan.call === 'status') {
        lastStatusAt = now
        if (now >= endAt) return { latency: now - endAt, calls }
      } else {
        lastProgressAt = now
        progress = progressAt(now)
        const predicted = predictedFrom(now)
        predictedEndAt = predicted === undefined ? undefined : T0 + predicted
      }
    }
    throw new Error('never ended')
  }
  test('once the approval is answered, the known remainder: the end is seen within a second', () => {
    const { latency, calls } = run((t) => (t >= approvedAt ? endAt : undefined))
    expect(latency).toBe(END_MARGIN_MS)
    // No denser than the approval's pace after it either: a status lands on the end.
    expect(calls.filter((t) => t > approvedAt).length).toBeLessThanOrEqual(8)
  })
  test('without the remainder (the usual length only), the same run is seen later', () => {
    expect(run(() => undefined).latency).toBeGreaterThan(5000)
  })
  test('a prediction a little early: polls back off from the predicted end, the latency under the lateness', () => {
    const { latency } = run((t) => (t >= approvedAt ? endAt - 4000 : undefined))
    expect(latency).toBeLessThanOrEqual(4000)
  })
})

describe('without history', () => {
  test('a 61.3 s first run: the last stage is seen, polled densely, the end found within 5 s, under 16 polls', () => {
    const lastStageAt = 46_300
    const progressAt = (t: number): ProgressView => ({
      approvalWaiting: false,
      suggestsEnd: t >= 61_300,
      lastStageStartedAt: t >= lastStageAt && t < 61_300 ? T0 + lastStageAt : undefined
    })
    const { calls, latency } = simulate(61_300, {}, progressAt)
    expect(latency).toBeLessThanOrEqual(5000)
    expect(calls.length).toBeLessThanOrEqual(16)
  })
  test('capped backoff: from 2 s, growing, capped at 10 s while young, sparser for long runs', () => {
    expect(planNextPoll(input(0)).delayMs).toBe(2000)
    expect(planNextPoll(input(10_000)).delayMs).toBe(5000)
    expect(planNextPoll(input(40_000)).delayMs).toBe(10_000)
    expect(planNextPoll(input(600_000)).delayMs).toBe(60_000)
    expect(planNextPoll(input(600_000, { limits: { minMs: 1000, maxMs: 30_000 } })).delayMs).toBe(30_000)
  })
  test('once the last stage runs, no sparser than LAST_STAGE_CAP_MS, however long it runs', () => {
    const lastStage = { ...quiet, lastStageStartedAt: T0 + 1500_000 }
    expect(planNextPoll(input(1510_000, { progress: lastStage })).delayMs).toBe(2500)
    expect(planNextPoll(input(1790_000, { progress: lastStage })).delayMs).toBe(LAST_STAGE_CAP_MS)
  })
  test('the limits win over the built-in floor and cap', () => {
    expect(planNextPoll(input(0, { limits: { minMs: 5000, maxMs: 5000 } })).delayMs).toBe(5000)
    expect(planNextPoll(input(0, { limits: { minMs: 500, maxMs: 1000 } })).delayMs).toBe(1000)
  })
})

test('an approval waits: slow polls at the maximum, progress and status in turn', () => {
  const waiting = { ...quiet, approvalWaiting: true }
  expect(planNextPoll(input(5000, { progress: waiting, expectedMs: 61_300, lastCall: 'status' }))).toEqual({
    call: 'progress',
    delayMs: 60_000
  })
  expect(planNextPoll(input(65_000, { progress: waiting, expectedMs: 61_300, lastStatusAt: T0 + 5000 }))).toEqual({
    call: 'status',
    delayMs: 60_000
  })
})

test('the status is asked at least every minute, for Stopped/Superseded/Cancelled that no action shows', () => {
  const plan = planNextPoll(input(300_000, { lastStatusAt: T0 + 300_000 - STATUS_AT_LEAST_EVERY_MS + 1000 }))
  expect(plan.call).toBe('status')
  expect(planNextPoll(input(300_000, { lastStatusAt: T0 + 1000, lastCall: 'status' })).call).toBe('progress')
})

test('after a status that did not end it, a hint does not repeat the status at once', () => {
  const hinted = { ...quiet, suggestsEnd: true }
  expect(planNextPoll(input(10_000, { progress: hinted, lastCall: 'progress' }))).toEqual({ call: 'status', delayMs: 0 })
  expect(planNextPoll(input(10_000, { progress: hinted, lastCall: 'status' })).delayMs).toBeGreaterThan(0)
})

test('a long wait (queued, a disabled transition, a stage condition) is polled at the maximum, like an approval', () => {
  const waiting = { ...quiet, longWait: true }
  expect(planNextPoll(input(5000, { progress: waiting, lastCall: 'status' }))).toEqual({ call: 'progress', delayMs: limits.maxMs })
  expect(planNextPoll(input(5000, { progress: quiet, lastCall: 'status' })).delayMs).toBeLessThan(limits.maxMs)
})
