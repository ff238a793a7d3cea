// The API budget of issue 5, on a virtual clock: the real wait loop and poll planner, through the real SDK,
// against the local service running its executions on the same clock. A 61.3 s pipeline takes milliseconds,
// and the detection latency is exact: virtual time from the execution's end to the action's verdict.
import { startEmulator, type Emulator, type PipelineSpec } from '../../emulator/index.js'
import { CASES, LATENCY_GOAL_MS, measureBudget, STEADY_RATE_GOAL } from '../../scripts/bench/budget.js'
import { FakeOutputs } from '../support/fakes.js'
import { runOnVirtualClock, VirtualClock, virtualGitHub } from '../support/virtual-run.js'

const REPO = 'octo/app'

const clock = new VirtualClock()
let emulator: Emulator
let counter = 0

beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [], clock })
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_CODEPIPELINE: emulator.url,
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    AWS_EC2_METADATA_DISABLED: 'true'
  })
})
afterAll(async () => emulator.close())

/** Source 1.1 s, Build 45.2 s, Deploy 15 s: 61.3 s, not a round number. */
function pipeline61(history: number[]): PipelineSpec {
  return {
    name: `budget-${++counter}`,
    executionMode: 'PARALLEL',
    stages: [
      {
        name: 'Source',
        actions: [
          {
            name: 'App',
            category: 'Source',
            provider: 'CodeStarSourceConnection',
            configuration: { FullRepositoryId: REPO },
            durationSeconds: 1.1
          }
        ]
      },
      { name: 'Build', actions: [{ name: 'Compile', category: 'Build', provider: 'CodeBuild', durationSeconds: 45.2 }] },
      { name: 'Deploy', actions: [{ name: 'Ship', category: 'Deploy', provider: 'CodeDeploy', durationSeconds: 15 }] }
    ],
    history: history.map((seconds, i) => ({ status: 'Succeeded', durationSeconds: seconds, startedSecondsAgo: 3600 * (i + 1) }))
  }
}

/** One run of the main step; its calls, and how long after the execution's end the verdict came. */
async function measure(history: number[]) {
  const spec = pipeline61(history)
  emulator.addPipeline(spec)
  const port = await runOnVirtualClock(spec.name, clock)
  const verdictAt = clock.now()
  const calls = emulator.requests().filter((r) => r.body?.pipelineName === spec.name || r.body?.name === spec.name)
  const [execution] = await port.listRecentExecutions(spec.name, 1)
  expect(execution.status).toBe('Succeeded')
  return { operations: calls.map((c) => c.operation), latencyMs: verdictAt - execution.lastUpdateTime! }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

test('61.3 s with a history of similar runs: median latency ≤ 2 s, ≤ 12 calls in the whole run', async () => {
  const histories = [
    [61.3, 61.0, 61.6, 60.9, 61.8],
    [60.2, 60.5, 60.1, 60.4, 60.6],
    [62.4, 62.0, 62.7, 62.2, 62.5],
    [61.1, 61.4, 61.2],
    [59.8, 63.1, 61.0, 60.7, 62.2]
  ]
  const runs = []
  for (const history of histories) runs.push(await measure(history))
  for (const run of runs) {
    expect(run.operations.length).toBeLessThanOrEqual(12)
    expect(run.operations.slice(0, 3)).toEqual(['GetPipeline', 'StartPipelineExecution', 'ListPipelineExecutions'])
    expect(run.operations.at(-1)).toBe('ListActionExecutions')
  }
  expect(median(runs.map((r) => r.latencyMs))).toBeLessThanOrEqual(2000)
})

test('61.3 s on a first run, no history: latency ≤ 5 s, ≤ 20 calls', async () => {
  const run = await measure([])
  expect(run.operations.length).toBeLessThanOrEqual(20)
  expect(run.latencyMs).toBeLessThanOrEqual(5000)
})

/** follow-trigger on the same virtual clock: the looks while waiting for the trigger's execution, and the whole run. */
async function measureFollow(triggerAfterSeconds: number | undefined, timeoutMinutes: number) {
  const spec = pipeline61([61.3, 61.0, 61.6])
  emulator.addPipeline(spec)
  const startedAt = clock.now()
  const id =
    triggerAfterSeconds === undefined
      ? undefined
      : emulator.trigger({ pipelineName: spec.name, revision: virtualGitHub.sha, delaySeconds: triggerAfterSeconds })
  const outputs = new FakeOutputs()
  const settings = { follow: { kind: 'trigger' as const, timeoutMs: timeoutMinutes * 60_000 } }
  const pushed = { ...virtualGitHub, payload: { repository: { pushed_at: startedAt / 1000 } } }
  const failure = await runOnVirtualClock(spec.name, clock, pushed, { settings, outputs }).then(
    () => undefined,
    (err: unknown) => err as Error
  )
  const calls = emulator.requests().filter((r) => r.body?.pipelineName === spec.name || r.body?.name === spec.name)
  const looks = calls.filter((c) => c.operation === 'ListPipelineExecutions').map((c) => (c.time - startedAt) / 1000)
  return { id, failure, outputs, operations: calls.map((c) => c.operation), looks }
}

test('follow-trigger, the execution appears after 3 min: ≤ 11 looks while waiting, spaced 5 s growing to 30 s; ≤ 20 calls in all', async () => {
  const run = await measureFollow(180, 10)
  expect(run.failure).toBeUndefined()
  expect(run.outputs.values['pipeline-execution-id']).toBe(run.id)
  expect(run.operations).not.toContain('StartPipelineExecution')
  // The last ListPipelineExecutions is the history read (the usual duration) once it is followed.
  const waiting = run.looks.slice(0, -1)
  expect(waiting.length).toBeLessThanOrEqual(11)
  expect(waiting.at(-2)).toBeLessThanOrEqual(180 + 30) // found within one pause of its start
  const gaps = waiting.slice(1).map((t, i) => t - waiting[i])
  for (const [i, gap] of gaps.entries()) {
    expect(gap).toBeGreaterThanOrEqual(5)
    expect(gap).toBeLessThanOrEqual(30)
    if (i > 0 && i < gaps.length - 1) expect(gap).toBeGreaterThanOrEqual(gaps[i - 1])
  }
  expect(run.operations.length).toBeLessThanOrEqual(20)
})

test('follow-trigger, nothing appears in 10 min: ≤ 25 looks, then the sentence', async () => {
  const run = await measureFollow(undefined, 10)
  expect(run.failure?.message).toMatch(/^No execution of pipeline budget-\d+ for commit c{40} on source action App/)
  expect(run.looks.length).toBeLessThanOrEqual(25)
  expect(run.looks.at(-1)).toBe(600)
  expect(run.operations.filter((op) => op !== 'ListPipelineExecutions')).toEqual(['GetPipeline'])
})

// Issue 23: long runs (the bench's cases). The verdict at most 5 s after the end with history (each action's own
// past, the approval answered), 15 s without (the last stage polled at least every 15 s); at most 1.5 calls a
// minute from minute 10 on, except where that cannot hold with the latency goal (the case says why).
describe.each(CASES.map((spec) => [spec.name, spec] as const))('%s', (_, spec) => {
  test('the verdict within its bound after the end; the calls a minute from minute 10 on within theirs', async () => {
    const [run] = await measureBudget([spec])
    expect(run.latencyMs).toBeLessThanOrEqual(run.history ? LATENCY_GOAL_MS.history : LATENCY_GOAL_MS.none)
    expect(run.steadyCallsPerMinute).toBeLessThanOrEqual(spec.rateBound?.callsPerMinute ?? STEADY_RATE_GOAL)
  })
})
