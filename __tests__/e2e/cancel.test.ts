// Cancellation with real signals on the bundled action, as the runner sends them: SIGINT on cancel or
// step timeout, SIGTERM 7.5 s later; and the post step as the backstop when main was killed.
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { startAction, runPost, type RunOptions } from '../../harness/runner.js'
import { shortPipeline } from '../support/pipelines.js'
import { callsFor, uniqueName, until } from '../support/e2e.js'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
})
afterAll(async () => emulator.close())

const RUN_URL = 'https://github.com/Codertocat/Hello-World/actions/runs/1658821493'
const idPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/

function slowPipeline(prefix: string): string {
  const name = uniqueName(prefix)
  emulator.addPipeline(shortPipeline({ name, buildSeconds: 30 }))
  return name
}

/** The first poll of the wait loop, progress or status. */
function firstPoll(name: string) {
  return callsFor(emulator, name).find((r) => r.operation === 'ListActionExecutions' || r.operation === 'GetPipelineExecution')
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`${signal} while waiting: stops the execution within 2 s and exits non-zero before the runner's SIGTERM`, async () => {
    const name = slowPipeline(signal.toLowerCase())
    const options: RunOptions = { endpoint: emulator.url, inputs: { 'pipeline-name': name } }
    const run = startAction(options)
    await until(() => firstPoll(name))
    const sentAt = Date.now()
    run.child.kill(signal)
    const result = await run.done
    const exitedAfter = Date.now() - sentAt

    const stops = callsFor(emulator, name, 'StopPipelineExecution')
    expect(stops).toHaveLength(1)
    expect(stops[0].time - sentAt).toBeLessThan(2000)
    expect(stops[0].body).toMatchObject({
      pipelineName: name,
      pipelineExecutionId: result.outputs['pipeline-execution-id'],
      abandon: false
    })
    expect(stops[0].body.reason?.length).toBeLessThanOrEqual(200)
    expect(stops[0].body.reason).toContain(RUN_URL)
    expect(result.code).not.toBe(0)
    expect(result.code).not.toBeNull()
    expect(exitedAfter).toBeLessThan(7500)
    expect(result.summary).toContain('The workflow run was cancelled')

    // The post step sees that main already stopped it: no second stop, no AWS call at all.
    const before = callsFor(emulator, name).length
    const post = await runPost(result, options)
    expect(post.code).toBe(0)
    expect(callsFor(emulator, name)).toHaveLength(before)
  })
}

test('abandon-on-cancel sends abandon: true', async () => {
  const name = slowPipeline('abandon')
  const run = startAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, 'abandon-on-cancel': 'true' } })
  await until(() => firstPoll(name))
  run.child.kill('SIGINT')
  await run.done
  const [stop] = callsFor(emulator, name, 'StopPipelineExecution')
  expect(stop.body.abandon).toBe(true)
})

test('a signal while StartPipelineExecution is in flight: waits for the answer and stops that execution', async () => {
  const name = slowPipeline('inflight')
  emulator.setFaults({ rules: [{ operation: 'StartPipelineExecution', kind: 'slow', delayMs: 1500, times: 1 }] })
  try {
    const run = startAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, 'pin-commit': 'false' } })
    await until(() => emulator.requests('StartPipelineExecution').find((r) => r.body.name === name))
    run.child.kill('SIGINT')
    const result = await run.done
    const [stop] = callsFor(emulator, name, 'StopPipelineExecution')
    expect(stop).toBeDefined()
    expect(stop.body.pipelineExecutionId).toBe(result.outputs['pipeline-execution-id'])
    expect(result.code).not.toBe(0)
  } finally {
    emulator.setFaults({})
  }
})

test('stop-on-cancel: false leaves the execution running and says so', async () => {
  const name = slowPipeline('leave')
  const run = startAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, 'stop-on-cancel': 'false' } })
  await until(() => firstPoll(name))
  run.child.kill('SIGINT')
  const result = await run.done
  expect(callsFor(emulator, name, 'StopPipelineExecution')).toHaveLength(0)
  expect(result.stdout).toMatch(/left running|still running|leav/i)
  expect(result.code).not.toBe(0)
})

test('main killed outright (SIGKILL): the post step stops the execution it never saw finish', async () => {
  const name = slowPipeline('killed')
  const options: RunOptions = { endpoint: emulator.url, inputs: { 'pipeline-name': name } }
  const run = startAction(options)
  await until(() => firstPoll(name))
  run.child.kill('SIGKILL')
  const main = await run.done
  const id = main.state && Object.values(main.state).find((v) => idPattern.test(v))
  expect(id).toBeDefined()

  const post = await runPost(main, options)
  expect(post.code).toBe(0)
  const stops = callsFor(emulator, name, 'StopPipelineExecution')
  expect(stops).toHaveLength(1)
  expect(stops[0].body.pipelineExecutionId).toBe(id)
  expect(stops[0].body.reason).toContain(RUN_URL)
})
