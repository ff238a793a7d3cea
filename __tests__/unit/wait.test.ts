import type { ActionRun } from '../../src/codepipeline/port.js'
import { ActionError } from '../../src/errors.js'
import type { PollPlanner } from '../../src/execution/poll-plan.js'
import { ProgressTracker } from '../../src/report/progress.js'
import { describeExecution, executionUrl } from '../../src/execution/execution.js'
import { isTerminal, waitForExecution, type Followed, type WaitDeps } from '../../src/execution/wait.js'
import { awsError, FakeClock, FakeLog, FakeOutputs, FakePort } from '../support/fakes.js'

const ID = '11111111-2222-3333-4444-555555555555'
const everySecond: PollPlanner = () => ({ call: 'status', delayMs: 1000 })

function setup(executions: FakePort['executions'], planner: PollPlanner = everySecond) {
  const port = new FakePort()
  port.executions = executions
  const clock = new FakeClock()
  const log = new FakeLog()
  const outputs = new FakeOutputs()
  const finished: string[] = []
  const deps: WaitDeps = {
    port,
    clock,
    log,
    outputs,
    planner,
    limits: { minMs: 1000, maxMs: 60_000 },
    retry: { outageToleranceMs: 5 * 60_000, backoff: () => 10_000 },
    state: { markFinished: () => finished.push('finished') }
  }
  const run: Followed = {
    execution: describeExecution({ pipelineName: 'p', region: 'us-east-1' }, ID, 'started'),
    startedAt: clock.now(),
    progress: new ProgressTracker(log, clock.now(), 'https://console')
  }
  return { port, clock, log, outputs, finished, deps, run }
}

describe('polls until a terminal status', () => {
  test.each(['Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Superseded'])('%s is terminal', async (status) => {
    const { port, outputs, finished, deps, run } = setup([
      { status: 'InProgress' },
      { status: 'Stopping' },
      { status: 'InProgress' },
      { status, statusSummary: `summary of ${status}` }
    ])
    const final = await waitForExecution(deps, run)
    expect(final).toEqual({ status, statusSummary: `summary of ${status}` })
    expect(port.ops()).toEqual(['get', 'get', 'get', 'get'])
    expect(finished).toEqual(['finished'])
    expect(outputs.values).toEqual({ status, 'status-summary': `summary of ${status}` })
  })
  test('a followed execution, which may have ended before the step found it, is asked its status at once', async () => {
    const slowProgress: PollPlanner = () => ({ call: 'progress', delayMs: 30_000 })
    const { port, clock, deps, run } = setup([{ status: 'Succeeded' }], slowProgress)
    const followed = { ...run, execution: describeExecution({ pipelineName: 'p', region: 'us-east-1' }, ID, 'followed') }
    const began = clock.now()
    await expect(waitForExecution(deps, followed)).resolves.toEqual({ status: 'Succeeded' })
    expect(port.ops()).toEqual(['get'])
    expect(clock.now() - began).toBe(0)
  })
  test.each(['InProgress', 'Stopping'])('%s is not terminal', (status) => {
    expect(isTerminal(status)).toBe(false)
  })
  test('always asks about the started execution, for status and progress alike', async () => {
    let n = 0
    const alternate: PollPlanner = () => ({ call: n++ % 2 === 0 ? 'progress' : 'status', delayMs: 1000 })
    const { port, deps, run } = setup([{ status: 'InProgress' }, { status: 'Succeeded' }], alternate)
    await waitForExecution(deps, run)
    expect(port.ops()).toEqual(['actions', 'get', 'actions', 'get'])
    for (const call of port.calls) expect(call.args.slice(0, 2)).toEqual(['p', ID])
  })
  test('logs each change of a running status once; not the usual InProgress, nor the final one (the verdict says that)', async () => {
    const { log, deps, run } = setup([
      { status: 'InProgress' },
      { status: 'Stopping' },
      { status: 'Stopping' },
      { status: 'Stopped', statusSummary: 'ok' }
    ])
    await waitForExecution(deps, run)
    expect(log.lines).toEqual([`info: Execution ${ID} is Stopping`])
  })
  test('sleeps as planned, and gives the planner what it learned', async () => {
    const inputs: Parameters<PollPlanner>[0][] = []
    const planner: PollPlanner = (input) => {
      inputs.push(input)
      return { call: inputs.length === 1 ? 'progress' : 'status', delayMs: inputs.length * 100 }
    }
    const { clock, deps, run, port } = setup([{ status: 'InProgress' }, { status: 'Succeeded' }], planner)
    const failed: ActionRun = {
      actionExecutionId: 'a',
      stageName: 'Build',
      actionName: 'Compile',
      status: 'Failed',
      startTime: run.startedAt,
      lastUpdateTime: run.startedAt + 50
    }
    port.actionRuns = [[failed]]
    await waitForExecution(deps, { ...run, expectedMs: 5000 })
    expect(clock.sleeps).toEqual([100, 200, 300])
    expect(inputs[1]).toMatchObject({
      lastCall: 'progress',
      expectedMs: 5000,
      progress: { suggestsEnd: true },
      lastProgressAt: run.startedAt + 100
    })
    expect(inputs[2]).toMatchObject({ lastCall: 'status', lastStatusAt: run.startedAt + 300 })
  })
  test('an empty statusSummary output when there is none', async () => {
    const { outputs, deps, run } = setup([{ status: 'Succeeded' }])
    await waitForExecution(deps, run)
    expect(outputs.values['status-summary']).toBe('')
  })
})

describe('errors while polling', () => {
  test('a transient error is a warning; polling goes on', async () => {
    const { log, deps, finished, run } = setup([
      { status: 'InProgress' },
      awsError('ThrottlingException', 'Rate exceeded'),
      { status: 'Succeeded' }
    ])
    await expect(waitForExecution(deps, run)).resolves.toEqual({ status: 'Succeeded' })
    expect(log.lines).toContain("warning: Could not get the execution's status (Rate exceeded); trying again in 10 s.")
    expect(finished).toHaveLength(1)
  })
  test('a failing progress call is tolerated the same way', async () => {
    let n = 0
    const planner: PollPlanner = () => ({ call: n++ === 0 ? 'progress' : 'status', delayMs: 1000 })
    const { deps, run, port, log } = setup([{ status: 'Succeeded' }], planner)
    port.actionRuns = [awsError('InternalFailure', 'oops')]
    await expect(waitForExecution(deps, run)).resolves.toEqual({ status: 'Succeeded' })
    expect(log.text()).toContain('(oops); trying again')
  })
  test('errors that keep coming for the tolerance fail the step', async () => {
    const { deps, clock, run } = setup([{ status: 'InProgress' }, awsError('InternalFailure', 'service down')], () => ({
      call: 'status',
      delayMs: 10_000
    }))
    const err = await waitForExecution(deps, run).catch((e) => e)
    expect(err).toBeInstanceOf(ActionError)
    expect(err.message).toBe(
      `Could not get the status of execution ${ID} for 300 s (outage-tolerance-minutes): service down; ` +
        `the step fails, though the execution may still be running: ${executionUrl('us-east-1', 'p', ID)}`
    )
    expect(clock.sleeps.length).toBe(32)
  })
  test('a success in between resets the tolerance', async () => {
    const down = awsError('InternalFailure', 'down')
    const script: FakePort['executions'] = []
    for (let i = 0; i < 5; i++) script.push(down, down, down, { status: 'InProgress' })
    script.push({ status: 'Succeeded' })
    const { deps, run } = setup(script, () => ({ call: 'status', delayMs: 10_000 }))
    await expect(waitForExecution({ ...deps, retry: { outageToleranceMs: 25_000, backoff: () => 10_000 } }, run)).resolves.toEqual({
      status: 'Succeeded'
    })
  })
  test.each(['PipelineExecutionNotFoundException', 'AccessDeniedException', 'ValidationException', 'PipelineNotFoundException'])(
    '%s fails at once',
    async (name) => {
      const { port, deps, run } = setup([{ status: 'InProgress' }, awsError(name)])
      await expect(waitForExecution(deps, run)).rejects.toThrow(`${name} happened`)
      expect(port.ops()).toEqual(['get', 'get'])
    }
  )
  test('an abort stops the wait at once and is not retried', async () => {
    const { deps, port, run } = setup([{ status: 'InProgress' }], () => ({ call: 'status', delayMs: 0 }))
    const controller = new AbortController()
    const clock = new FakeClock(false)
    let n = 0
    const waiting = waitForExecution(
      { ...deps, clock, planner: () => ({ call: 'status', delayMs: n++ === 0 ? 0 : 1000 }) },
      run,
      controller.signal
    )
    await clock.advance(0)
    controller.abort()
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' })
    expect(port.ops()).toEqual(['get'])
    expect(port.calls[0].args[2]).toBe(controller.signal)
  })
})

test('no permission for ListActionExecutions: a warning, then status polls only', async () => {
  const { deps, run, port, log } = setup([{ status: 'InProgress' }, { status: 'Succeeded' }], () => ({ call: 'progress', delayMs: 1000 }))
  port.actionRuns = [awsError('AccessDeniedException', 'not allowed codepipeline:ListActionExecutions')]
  await expect(waitForExecution(deps, run)).resolves.toEqual({ status: 'Succeeded' })
  expect(port.ops()).toEqual(['actions', 'get', 'get'])
  expect(log.lines).toContain('warning: No progress will be shown: not allowed codepipeline:ListActionExecutions')
})
