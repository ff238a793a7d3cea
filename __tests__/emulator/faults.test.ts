import { GetPipelineCommand, StartPipelineExecutionCommand } from '@aws-sdk/client-codepipeline'
import { FaultInjector } from '../../emulator/faults.js'
import type { FaultRule } from '../../emulator/index.js'
import { client, harness, raw, type Harness } from '../support/emulator.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
})
afterAll(() => h.emulator.close())
beforeEach(() => {
  h.emulator.setFaults({})
  h.emulator.clearRequests()
})

const getPipeline = () => raw(h.emulator, 'GetPipeline', { name: 'sample-pipeline' })
const start = () => raw(h.emulator, 'StartPipelineExecution', { name: 'sample-pipeline' })

test.each([
  ['throttle', 400, 'ThrottlingException', 'Rate exceeded'],
  ['http500', 500, 'InternalFailure', undefined],
  ['http503', 503, 'ServiceUnavailable', undefined],
  ['conflict', 409, 'ConflictException', undefined],
  ['concurrentLimit', 400, 'ConcurrentPipelineExecutionsLimitExceededException', undefined],
  ['expiredToken', 403, 'ExpiredTokenException', 'The security token included in the request is expired']
] as const)('%s answers %i %s', async (kind, status, type, message) => {
  h.emulator.setFaults({ rules: [{ operation: 'StartPipelineExecution', kind, times: 1 }] })
  const answer = await start()
  expect(answer.status).toBe(status)
  expect(answer.json.__type).toBe(type)
  if (message !== undefined) expect(answer.json.message).toBe(message)
  expect((await start()).status).toBe(200)
  expect(h.emulator.requests().map((r) => [r.status, r.errorType])).toEqual([
    [status, type],
    [200, undefined]
  ])
})

test('the SDK sees the faults as AWS errors, and retries the transient ones', async () => {
  h.emulator.setFaults({ rules: [{ kind: 'throttle', times: 1 }] })
  await expect(h.cp.send(new GetPipelineCommand({ name: 'sample-pipeline' }))).rejects.toMatchObject({
    name: 'ThrottlingException',
    message: 'Rate exceeded'
  })
  h.emulator.setFaults({ rules: [{ kind: 'http503', times: 1 }] })
  const retrying = client(h.emulator, 3)
  await expect(retrying.send(new GetPipelineCommand({ name: 'sample-pipeline' }))).resolves.toBeDefined()
  expect(h.emulator.requests('GetPipeline').map((r) => r.status)).toEqual([400, 503, 200])
})

test('drop closes the connection without an answer and records status 0', async () => {
  h.emulator.setFaults({ rules: [{ operation: 'GetPipeline', kind: 'drop', times: 1 }] })
  await expect(getPipeline()).rejects.toThrow()
  expect((await getPipeline()).status).toBe(200)
  expect(h.emulator.requests().map((r) => r.status)).toEqual([0, 200])
})

test('slow answers normally after delayMs', async () => {
  h.emulator.setFaults({ rules: [{ kind: 'slow', delayMs: 300 }] })
  const before = Date.now()
  expect((await getPipeline()).status).toBe(200)
  expect(Date.now() - before).toBeGreaterThanOrEqual(290)
})

test('close does not wait for slow answers or keep-alive sockets', async () => {
  const { emulator } = await harness({ faults: { rules: [{ kind: 'slow', delayMs: 60_000 }] } })
  const pending = client(emulator)
    .send(new GetPipelineCommand({ name: 'sample-pipeline' }))
    .catch(() => 'failed')
  await new Promise((resolve) => setTimeout(resolve, 100))
  const before = Date.now()
  await emulator.close()
  expect(Date.now() - before).toBeLessThan(2000)
  expect(await pending).toBe('failed')
})

test('a request-rate limit throttles on the emulator clock', async () => {
  h.emulator.setFaults({ rateLimit: { requestsPerSecond: 2 } })
  const statuses = []
  for (let i = 0; i < 3; i++) statuses.push((await getPipeline()).status)
  expect(statuses).toEqual([200, 200, 400])
  h.clock.advance(0.5) // one token back
  expect((await getPipeline()).status).toBe(200)
  expect((await getPipeline()).json.__type).toBe('ThrottlingException')
})

test('faults given at start apply from the first request', async () => {
  const { emulator } = await harness({ faults: { rules: [{ kind: 'expiredToken' }] } })
  await expect(client(emulator).send(new StartPipelineExecutionCommand({ name: 'sample-pipeline' }))).rejects.toMatchObject({
    name: 'ExpiredTokenException'
  })
  await emulator.close()
})

describe('which requests a rule hits', () => {
  const fired = (rule: Omit<FaultRule, 'kind'>, count: number, clockAt = (i: number) => i * 1000, seed?: number) => {
    const injector = new FaultInjector({ rules: [{ kind: 'throttle', ...rule }], seed })
    return Array.from({ length: count }, (_, i) => (injector.decide('GetPipeline', clockAt(i)) ? 1 : 0))
  }

  test('times, after and every count matching requests', () => {
    expect(fired({ times: 2 }, 4)).toEqual([1, 1, 0, 0])
    expect(fired({ after: 1, times: 2 }, 4)).toEqual([0, 1, 1, 0])
    expect(fired({ every: 3 }, 7)).toEqual([0, 0, 1, 0, 0, 1, 0])
  })

  test('fromMs/untilMs use the clock; operation narrows the rule', () => {
    expect(fired({ fromMs: 2000, untilMs: 4000 }, 6)).toEqual([0, 0, 1, 1, 0, 0])
    expect(fired({ operation: 'StopPipelineExecution' }, 3)).toEqual([0, 0, 0])
    expect(fired({ operation: ['StopPipelineExecution', 'GetPipeline'] }, 2)).toEqual([1, 1])
  })

  test('probability replays identically for the same seed', () => {
    const a = fired({ probability: 0.5 }, 40, undefined, 7)
    expect(fired({ probability: 0.5 }, 40, undefined, 7)).toEqual(a)
    expect(a.filter(Boolean).length).toBeGreaterThan(5)
    expect(a.filter(Boolean).length).toBeLessThan(35)
    expect(fired({ probability: 0.5 }, 40, undefined, 8)).not.toEqual(a)
  })

  test('bad rules are refused with a message naming the field', () => {
    expect(() => new FaultInjector({ rules: [{ kind: 'throttle', every: 0 }] })).toThrow(/every/)
    expect(() => new FaultInjector({ rules: [{ kind: 'throttle', probability: 2 }] })).toThrow(/probability/)
    expect(() => new FaultInjector({ rateLimit: { requestsPerSecond: 0 } })).toThrow(/requestsPerSecond/)
  })
})
