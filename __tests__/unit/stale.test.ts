import { describeExecution } from '../../src/execution/execution.js'
import { isFreshEnding, RetriedEnding, STALE_LIMIT_MS } from '../../src/execution/stale.js'
import { waitForExecution, type WaitDeps } from '../../src/execution/wait.js'
import { ProgressTracker } from '../../src/report/progress.js'
import { FakeClock, FakeLog, FakeOutputs, FakePort } from '../support/fakes.js'

const ID = '11111111-2222-3333-4444-555555555555'
const before = { status: 'Failed', lastUpdateTime: 1_000_000 }
const listed = (status: string, lastUpdateTime?: number) => ({ id: ID, status, lastUpdateTime, sourceRevisions: [] })

describe('isFreshEnding: an ending counts only when AWS shows it later than the one read before the retry', () => {
  test.each([
    ['the same time: the old ending, still read', listed('Failed', 1_000_000), false],
    ['an earlier time', listed('Failed', 999_000), false],
    ['a later time: the retry failed again', listed('Failed', 1_000_001), true],
    ['a later time, another status than GetPipelineExecution answered', listed('Succeeded', 1_050_000), false],
    ['no time', listed('Failed'), false],
    ['not listed', undefined, false]
  ])('%s', (_why, entry, fresh) => {
    expect(isFreshEnding(before, 'Failed', entry)).toBe(fresh)
  })
  test('no time read before the retry: nothing is fresh by time', () => {
    expect(isFreshEnding({ status: 'Failed' }, 'Failed', listed('Failed', 2_000_000))).toBe(false)
  })
})

describe('RetriedEnding', () => {
  test('without a marker (not a retry) every ending is the verdict, and nothing is listed', async () => {
    const ending = new RetriedEnding(undefined, 0, () => Promise.reject(new Error('not asked')))
    await expect(ending.isVerdict('Failed', true)).resolves.toBe(true)
  })
  test('once the retry was seen running, an ending is its verdict without a listing', async () => {
    const ending = new RetriedEnding(before, 0, () => Promise.reject(new Error('not asked')))
    await expect(ending.isVerdict('InProgress', false)).resolves.toBe(false)
    await expect(ending.isVerdict('Failed', true)).resolves.toBe(true)
  })
  test('only the old ending for the limit: one sentence with the console link, never the old failure', async () => {
    const ending = new RetriedEnding(before, 0, () => Promise.resolve(listed('Failed', 1_000_000)))
    await expect(ending.isVerdict('Failed', true)).resolves.toBe(false)
    expect(() => ending.checkOverdue(STALE_LIMIT_MS - 1, ID, 'https://console/x')).not.toThrow()
    expect(() => ending.checkOverdue(STALE_LIMIT_MS, ID, 'https://console/x')).toThrow(
      `CodePipeline accepted the retry of execution ${ID}, but for 2 minutes it never showed the retried execution running, only its earlier ending (Failed), so the retry has no verdict yet: https://console/x`
    )
  })
})

function setup() {
  const port = new FakePort()
  const clock = new FakeClock()
  const log = new FakeLog()
  const deps: WaitDeps = {
    port,
    clock,
    log,
    outputs: new FakeOutputs(),
    planner: () => ({ call: 'status', delayMs: 1000 }),
    limits: { minMs: 1000, maxMs: 60_000 },
    retry: { outageToleranceMs: 5 * 60_000, backoff: () => 10_000 },
    state: { markFinished: () => undefined }
  }
  const followed = {
    execution: describeExecution({ pipelineName: 'p', region: 'us-east-1' }, ID, 'started'),
    startedAt: clock.now(),
    progress: new ProgressTracker(log, clock.now(), 'https://console'),
    staleBefore: before
  }
  return { port, clock, deps, followed }
}

describe('waitForExecution after a retry', () => {
  test('the old Failed, still read, is not the verdict: the retried execution’s real ending is', async () => {
    const { port, deps, followed } = setup()
    port.executions = [{ status: 'Failed' }, { status: 'Failed' }, { status: 'Succeeded' }]
    port.pages = [{ executions: [listed('Failed', 1_000_000)] }, { executions: [listed('Succeeded', 1_090_000)] }]
    await expect(waitForExecution(deps, followed)).resolves.toEqual({ status: 'Succeeded' })
  })
  test('an old Failed that never goes away fails the wait after the limit, not with that failure', async () => {
    const { port, clock, deps, followed } = setup()
    port.executions = [{ status: 'Failed' }]
    port.pages = [{ executions: [listed('Failed', 1_000_000)] }]
    await expect(waitForExecution(deps, followed)).rejects.toThrow(/never showed the retried execution running/)
    expect(clock.now() - followed.startedAt).toBeGreaterThanOrEqual(STALE_LIMIT_MS)
  })
})
