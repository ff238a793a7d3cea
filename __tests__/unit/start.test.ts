import { ActionError } from '../../src/errors.js'
import { executionUrl } from '../../src/execution/execution.js'
import { provesNothingStarted, StartAttempt, type StartDeps, type StartPlan } from '../../src/execution/start.js'
import { awsError, FakeClock, FakeLog, FakeOutputs, FakePort } from '../support/fakes.js'

const ID = '11111111-2222-3333-4444-555555555555'
const SHA = 'a'.repeat(40)
const TOKEN = 'gha-42-1-abc'
const pipeline = { pipelineName: 'p', region: 'us-east-1' }

/** What main plans for pipeline p: no variables, no pins unless given. */
function plan(overrides: Partial<StartPlan> = {}, request: Partial<StartPlan['request']> = {}): StartPlan {
  return {
    pipeline,
    request: { pipelineName: 'p', variables: [], sourceRevisions: [], clientRequestToken: TOKEN, ...request },
    commitId: undefined,
    wait: true,
    startRetryMs: 120_000,
    ...overrides
  }
}

/** The id the start answers, or its failure. */
async function startExecution(deps: StartDeps, startPlan: StartPlan): Promise<string> {
  return (await new StartAttempt(deps, startPlan).answer).executionId
}

function setup(port = new FakePort()) {
  const log = new FakeLog()
  const outputs = new FakeOutputs()
  const clock = new FakeClock()
  const saved: string[] = []
  const deps: StartDeps = {
    port,
    log,
    outputs,
    clock,
    retry: { outageToleranceMs: 60_000, backoff: (n) => n * 1000 },
    state: {
      saveStartSent: () => void saved.push('start sent'),
      saveStarted: (execution) => void saved.push(execution.executionId),
      saveNothingStarted: () => void saved.push('nothing started')
    }
  }
  return { port, log, outputs, clock, saved, deps, options: plan() }
}

test('the console link of an execution', () => {
  expect(executionUrl('eu-west-1', 'my.pipe@1', ID)).toBe(
    `https://eu-west-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/my.pipe@1/executions/${ID}/timeline?region=eu-west-1`
  )
})

test('sends name, variables, source revisions and the token; saves the id, then sets the outputs and logs the link', async () => {
  const { port, log, outputs, deps } = setup()
  const events: string[] = []
  const variables = [{ name: 'ENV', value: 'prod' }]
  const sourceRevisions = [{ actionName: 'App', revisionType: 'COMMIT_ID' as const, revisionValue: SHA }]
  const id = await startExecution(
    {
      ...deps,
      outputs: { setOutput: (n, v) => (events.push(`output ${n}`), outputs.setOutput(n, v)) },
      state: { ...deps.state, saveStarted: (started) => events.push(`saved ${started.executionId}`) }
    },
    plan({ commitId: SHA }, { variables, sourceRevisions })
  )
  expect(id).toBe(ID)
  expect(port.calls).toEqual([
    { op: 'start', args: [{ pipelineName: 'p', variables, sourceRevisions, clientRequestToken: TOKEN }, expect.any(AbortSignal)] }
  ])
  expect(events).toEqual([`saved ${ID}`, 'output pipeline-execution-id', 'output execution-url', 'output commit-id'])
  expect(outputs.values).toEqual({
    'pipeline-execution-id': ID,
    'execution-url': executionUrl('us-east-1', 'p', ID),
    'commit-id': SHA
  })
  expect(log.lines).toEqual([
    'info: Starting pipeline p with variables ENV',
    `info: Started execution ${ID}: ${executionUrl('us-east-1', 'p', ID)}`
  ])
})

test('a failed start sets no output and saves nothing', async () => {
  const { port, outputs, saved, deps, options } = setup()
  port.startAnswer = awsError('ValidationException', 'bad')
  await expect(startExecution(deps, options)).rejects.toThrow('bad')
  expect(outputs.order).toEqual([])
  expect(saved).toEqual(['start sent', 'nothing started'])
  expect(port.ops()).toEqual(['start'])
})

/** A port whose start fails with `errors` in turn, then answers ID. */
function failingStarts(...errors: Error[]): FakePort {
  const port = new FakePort()
  port.startAnswer = () => errors.shift() ?? ID
  return port
}

test.each(['ConflictException', 'ConcurrentPipelineExecutionsLimitExceededException', 'ThrottlingException', 'InternalFailure'])(
  '%s is retried with backoff and the same token until the start answers',
  async (name) => {
    const { port, clock, log, deps, options } = setup(failingStarts(awsError(name, 'busy'), awsError(name, 'busy')))
    expect(await startExecution(deps, options)).toBe(ID)
    expect(port.calls.map((c) => (c.args[0] as { clientRequestToken: string }).clientRequestToken)).toEqual([TOKEN, TOKEN, TOKEN])
    expect(clock.sleeps).toEqual([1000, 2000])
    expect(log.text()).toContain('warning: Pipeline p did not start (busy); trying again in 1 s.')
  }
)

test('a pipeline busy for longer than start-retry-minutes fails clearly, saying nothing was started', async () => {
  const { deps, options } = setup(
    failingStarts(...Array.from({ length: 100 }, () => awsError('ConcurrentPipelineExecutionsLimitExceededException', 'limit')))
  )
  const err = await startExecution(deps, { ...options, startRetryMs: 10_000 }).catch((e) => e)
  expect(err).toBeInstanceOf(ActionError)
  expect(err.message).toMatch(
    /^Pipeline p did not accept a new execution for 1\d s \(ConcurrentPipelineExecutionsLimitExceededException: limit\); nothing was started\. Raise start-retry-minutes/
  )
})

test('a sustained outage while starting fails after outage-tolerance-minutes', async () => {
  const { deps, options } = setup(failingStarts(...Array.from({ length: 100 }, () => awsError('ServiceUnavailableException', 'down'))))
  const err = await startExecution(deps, options).catch((e) => e)
  expect(err.message).toMatch(/^Could not start pipeline p: CodePipeline kept failing for 6\d s \(outage-tolerance-minutes\): down$/)
})

test('asking again sends one request, no retries (the cancel handler asking again)', async () => {
  const port = new FakePort()
  port.startAnswer = awsError('ThrottlingException')
  const { deps, options } = setup(port)
  const attempt = new StartAttempt({ ...deps, clock: new FakeClock(false) }, options)
  await new Promise((r) => setImmediate(r))
  attempt.abort()
  await expect(attempt.answer).rejects.toThrow(/abort/i)
  await expect(attempt.again(new AbortController().signal)).rejects.toThrow('ThrottlingException happened')
  expect(port.ops()).toEqual(['start', 'start'])
})

test('startRetryMs 0 gives up on a busy pipeline at once, but still retries a throttled start', async () => {
  const busy = setup(failingStarts(awsError('ConflictException')))
  await expect(startExecution(busy.deps, { ...busy.options, startRetryMs: 0 })).rejects.toThrow(/nothing was started/)
  expect(busy.port.ops()).toEqual(['start'])
  const throttled = setup(failingStarts(awsError('ThrottlingException'), awsError('ThrottlingException')))
  await expect(startExecution(throttled.deps, { ...throttled.options, startRetryMs: 0 })).resolves.toBe(ID)
  expect(throttled.port.ops()).toEqual(['start', 'start', 'start'])
})

test('an abort during the backoff ends the start at once', async () => {
  const port = failingStarts(awsError('ConflictException'))
  const { deps, options } = setup(port)
  const clock = new FakeClock(false)
  const attempt = new StartAttempt({ ...deps, clock }, options)
  await new Promise((r) => setImmediate(r))
  attempt.abort()
  await expect(attempt.answer).rejects.toThrow(/abort/i)
  expect(port.ops()).toEqual(['start'])
})

describe('which answers prove that nothing was started', () => {
  test.each([
    ['ThrottlingException', true],
    ['ConflictException', true],
    ['ConcurrentPipelineExecutionsLimitExceededException', true],
    ['ValidationException', true],
    ['AccessDeniedException', true],
    ['PipelineNotFoundException', true],
    ['ExpiredTokenException', true],
    ['InternalFailure', false],
    ['ServiceUnavailableException', false],
    ['TimeoutError', false],
    ['Error', false],
    ['AbortError', false]
  ])('%s: %s', (name, proves) => {
    expect(provesNothingStarted(awsError(name))).toBe(proves)
  })

  test('an unclear answer stays unclear: a later refusal does not prove the earlier try started nothing', async () => {
    const { deps, options, saved } = setup(failingStarts(awsError('InternalFailure'), awsError('ThrottlingException')))
    const attempt = new StartAttempt({ ...deps, clock: new FakeClock(false) }, options)
    await new Promise((r) => setImmediate(r))
    expect(attempt.mayHaveStarted()).toBe(true)
    attempt.abort()
    await expect(attempt.answer).rejects.toThrow(/abort/i)
    expect(attempt.mayHaveStarted()).toBe(true)
    expect(saved).toEqual(['start sent'])
  })

  test('refusals only: nothing may have started, and that is saved', async () => {
    const { deps, options, saved } = setup(failingStarts(awsError('ThrottlingException')))
    const attempt = new StartAttempt({ ...deps, clock: new FakeClock(false) }, options)
    await new Promise((r) => setImmediate(r))
    expect(attempt.mayHaveStarted()).toBe(false)
    attempt.abort()
    await expect(attempt.answer).rejects.toThrow(/abort/i)
    expect(saved).toEqual(['start sent', 'nothing started'])
  })
})
