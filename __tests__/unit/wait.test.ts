import type { ExecutionState } from '../../src/codepipeline.js'
import { ActionError } from '../../src/errors.js'
import { DEFAULT_OUTAGE_TOLERANCE_MS } from '../../src/retry.js'
import { executionUrl } from '../../src/start.js'
import { cappedBackoff, isTerminal, judgeExecution, waitForExecution, type WaitDeps } from '../../src/wait.js'
import { awsError, FakeClock, FakeLog, FakeOutputs, FakePort } from './fakes.js'

const ID = '11111111-2222-3333-4444-555555555555'

function setup(executions: FakePort['executions']) {
  const port = new FakePort()
  port.executions = executions
  const clock = new FakeClock()
  const log = new FakeLog()
  const outputs = new FakeOutputs()
  const finished: ExecutionState[] = []
  const deps: WaitDeps = {
    port,
    clock,
    log,
    outputs,
    schedule: cappedBackoff(),
    retry: { outageToleranceMs: DEFAULT_OUTAGE_TOLERANCE_MS, backoff: () => 10_000 },
    region: 'us-east-1',
    onFinished: (s) => finished.push(s)
  }
  return { port, clock, log, outputs, finished, deps }
}

describe('polls until a terminal status', () => {
  test.each(['Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Superseded'])('%s is terminal', async (status) => {
    const { port, outputs, finished, deps } = setup([
      { status: 'InProgress' },
      { status: 'Stopping' },
      { status: 'InProgress' },
      { status, statusSummary: `summary of ${status}` }
    ])
    const final = await waitForExecution(deps, 'p', ID)
    expect(final).toEqual({ status, statusSummary: `summary of ${status}` })
    expect(port.ops()).toEqual(['get', 'get', 'get', 'get'])
    expect(finished).toEqual([final])
    expect(outputs.values).toEqual({ status, 'status-summary': `summary of ${status}` })
  })
  test.each(['InProgress', 'Stopping'])('%s is not terminal', (status) => {
    expect(isTerminal(status)).toBe(false)
  })
  test('always asks about the started execution', async () => {
    const { port, deps } = setup([{ status: 'InProgress' }, { status: 'InProgress' }, { status: 'Succeeded' }])
    await waitForExecution(deps, 'p', ID)
    for (const call of port.calls) expect(call.args.slice(0, 2)).toEqual(['p', ID])
  })
  test('logs each change of status once', async () => {
    const { log, deps } = setup([{ status: 'InProgress' }, { status: 'InProgress' }, { status: 'Succeeded', statusSummary: 'ok' }])
    await waitForExecution(deps, 'p', ID)
    expect(log.lines).toEqual([`info: Execution ${ID} is InProgress`, `info: Execution ${ID} is Succeeded: ok`])
  })
  test('sleeps by the schedule between polls, and not after the last', async () => {
    const { clock, deps } = setup([{ status: 'InProgress' }, { status: 'InProgress' }, { status: 'InProgress' }, { status: 'Succeeded' }])
    await waitForExecution({ ...deps, schedule: (n) => n * 100 }, 'p', ID)
    expect(clock.sleeps).toEqual([100, 200, 300])
  })
  test('an empty statusSummary output when there is none', async () => {
    const { outputs, deps } = setup([{ status: 'Succeeded' }])
    await waitForExecution(deps, 'p', ID)
    expect(outputs.values['status-summary']).toBe('')
  })
})

test('cappedBackoff grows and is capped', () => {
  const schedule = cappedBackoff({ firstMs: 1000, factor: 2, maxMs: 5000 })
  expect([1, 2, 3, 4, 5].map(schedule)).toEqual([1000, 2000, 4000, 5000, 5000])
  const standard = cappedBackoff()
  expect(standard(1)).toBeGreaterThan(0)
  expect(standard(100)).toBe(standard(50))
})

describe('errors while polling', () => {
  test('a transient error is a warning; polling goes on', async () => {
    const { log, deps, finished } = setup([{ status: 'InProgress' }, awsError('ThrottlingException', 'Rate exceeded'), { status: 'Succeeded' }])
    await expect(waitForExecution(deps, 'p', ID)).resolves.toEqual({ status: 'Succeeded' })
    expect(log.lines).toContain("warning: Could not get the execution's status (Rate exceeded); trying again in 10 s.")
    expect(finished).toHaveLength(1)
  })
  test('errors that keep coming for the tolerance fail the step', async () => {
    const { deps, clock } = setup([{ status: 'InProgress' }, awsError('InternalFailure', 'service down')])
    const err = await waitForExecution(deps, 'p', ID).catch((e) => e)
    expect(err).toBeInstanceOf(ActionError)
    expect(err.message).toBe(
      `Could not get the status of execution ${ID} for 300 s (outage-tolerance-minutes): service down; ` +
        `the step fails, though the execution may still be running: ${executionUrl('us-east-1', 'p', ID)}`
    )
    expect(clock.sleeps.length).toBe(31)
  })
  test('a success in between resets the tolerance', async () => {
    const down = awsError('InternalFailure', 'down')
    const script: FakePort['executions'] = []
    for (let i = 0; i < 5; i++) script.push(down, down, down, { status: 'InProgress' })
    script.push({ status: 'Succeeded' })
    const { deps } = setup(script)
    await expect(waitForExecution({ ...deps, retry: { outageToleranceMs: 25_000, backoff: () => 10_000 } }, 'p', ID)).resolves.toEqual({ status: 'Succeeded' })
  })
  test.each(['PipelineExecutionNotFoundException', 'AccessDeniedException', 'ValidationException', 'PipelineNotFoundException'])(
    '%s fails at once',
    async (name) => {
      const { port, deps } = setup([{ status: 'InProgress' }, awsError(name)])
      await expect(waitForExecution(deps, 'p', ID)).rejects.toThrow(`${name} happened`)
      expect(port.ops()).toEqual(['get', 'get'])
    }
  )
  test('an abort stops the wait at once and is not retried', async () => {
    const { deps, port } = setup([{ status: 'InProgress' }])
    const controller = new AbortController()
    const clock = new FakeClock(false)
    const waiting = waitForExecution({ ...deps, clock }, 'p', ID, controller.signal)
    await new Promise((r) => setImmediate(r))
    controller.abort()
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' })
    expect(port.ops()).toEqual(['get'])
    expect(port.calls[0].args[2]).toBe(controller.signal)
  })
})

describe('the verdict', () => {
  test('Succeeded passes', () => {
    expect(() => judgeExecution('p', ID, { status: 'Succeeded' }, false)).not.toThrow()
  })
  test('Superseded passes only with allow-superseded', () => {
    expect(() => judgeExecution('p', ID, { status: 'Superseded' }, true)).not.toThrow()
    expect(() => judgeExecution('p', ID, { status: 'Superseded' }, false)).toThrow(
      `Pipeline p execution ${ID} ended Superseded (a newer execution overtook it, so this commit did not finish the pipeline; set allow-superseded: true to accept that)`
    )
  })
  test.each([
    ['Failed', 'Stage Build failed', `Pipeline p execution ${ID} ended Failed: Stage Build failed`],
    ['Stopped', 'operator', `Pipeline p execution ${ID} ended Stopped (it was stopped): operator`],
    ['Cancelled', undefined, `Pipeline p execution ${ID} ended Cancelled (the pipeline's definition changed while it ran)`]
  ])('%s fails, naming pipeline, status and summary', (status, statusSummary, message) => {
    expect(() => judgeExecution('p', ID, { status, statusSummary }, true)).toThrow(new ActionError(message))
  })
})
