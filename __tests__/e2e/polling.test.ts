// Adaptive polling through dist/, in real time on short pipelines (the 61 s budget is checked on a virtual
// clock in __tests__/integration/budget.test.ts).
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { runAction } from '../../harness/runner.js'
import { callsFor, operations, uniqueName } from '../support/e2e.js'
import { shortPipeline } from '../support/pipelines.js'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
})
afterAll(async () => emulator.close())

test('with history: one ListPipelineExecutions, then few polls, the status asked just after the usual end', async () => {
  const name = uniqueName('history')
  const spec = shortPipeline({ name, buildSeconds: 2.3 })
  spec.history = [2.5, 2.6, 2.4].map((durationSeconds, i) => ({
    status: 'Succeeded' as const,
    durationSeconds,
    startedSecondsAgo: 600 * (i + 1)
  }))
  emulator.addPipeline(spec)
  const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name } })
  expect(result.code).toBe(0)
  expect(result.stdout).toContain('Recent successful executions took about 3 s.')
  const ops = operations(callsFor(emulator, name))
  expect(ops.filter((op) => op === 'ListPipelineExecutions')).toHaveLength(1)
  expect(callsFor(emulator, name, 'ListPipelineExecutions')[0].body.maxResults).toBe(10)
  expect(ops.length).toBeLessThanOrEqual(9)
})

test('bad poll intervals fail before any AWS call, naming the input', async () => {
  const name = uniqueName('badpoll')
  emulator.addPipeline(shortPipeline({ name }))
  const result = await runAction({
    endpoint: emulator.url,
    inputs: { 'pipeline-name': name, 'poll-interval-min-seconds': '30', 'poll-interval-max-seconds': '5' }
  })
  expect(result.code).not.toBe(0)
  expect(result.errors).toEqual([
    'Input poll-interval-min-seconds (30) is more than poll-interval-max-seconds (5); lower it or raise the maximum.'
  ])
  expect(callsFor(emulator, name)).toHaveLength(0)
})

test('a minimum above 60 s alone is accepted: the maximum follows it (every input passed with its action.yml default)', async () => {
  const name = uniqueName('slowpoll')
  emulator.addPipeline(shortPipeline({ name }))
  // wait: false reads and checks every input, then starts without polling: the test needs no 90 s pause.
  const result = await runAction({
    endpoint: emulator.url,
    inputs: { 'pipeline-name': name, 'poll-interval-min-seconds': '90', wait: 'false' }
  })
  expect(result.errors).toEqual([])
  expect(result.code).toBe(0)
  expect(operations(callsFor(emulator, name))).toContain('StartPipelineExecution')
})
