import type { StopRequest } from '../../src/codepipeline/port.js'
import { describeExecution, executionUrl } from '../../src/execution/execution.js'
import { handleTimeout, WaitTimeout, type TimeoutDeps } from '../../src/execution/timeout.js'
import { awsError, FakeClock, FakeLog, FakePort } from '../support/fakes.js'

const ID = 'exec-1'
const EXECUTION = describeExecution({ pipelineName: 'p', region: 'us-east-1' }, ID, 'started')

test('WaitTimeout aborts its signal when the time is up, and never without a limit', async () => {
  const clock = new FakeClock(false)
  const timeout = new WaitTimeout(clock, 90_000)
  const none = new WaitTimeout(clock, undefined)
  await clock.advance(89_999)
  expect([timeout.signal.aborted, timeout.reached]).toEqual([false, false])
  await clock.advance(1)
  expect([timeout.signal.aborted, timeout.reached]).toEqual([true, true])
  await clock.advance(1e9)
  expect(none.signal.aborted).toBe(false)
})

test('disposed, it never fires', async () => {
  const clock = new FakeClock(false)
  const timeout = new WaitTimeout(clock, 1000)
  timeout.dispose()
  await clock.advance(5000)
  expect(timeout.reached).toBe(false)
})

function setup(stopOnTimeout: boolean) {
  const port = new FakePort()
  const events: string[] = []
  const deps: TimeoutDeps = {
    port,
    log: new FakeLog(),
    clock: new FakeClock(false),
    settings: { waitTimeoutMs: 90_000, stopOnTimeout, abandonOnCancel: false },
    workflowRun: 'https://github.com/o/r/actions/runs/1',
    state: { markStopped: () => events.push('stopped'), markLeftRunning: () => events.push('left running') }
  }
  return { port, events, deps }
}

test('stop-on-timeout: stops it once, with a reason naming the timeout and the run', async () => {
  const { port, events, deps } = setup(true)
  const err = await handleTimeout(deps, EXECUTION)
  const stops = port.calls.filter((c) => c.op === 'stop').map((c) => c.args[0] as StopRequest)
  expect(stops).toEqual([
    { pipelineName: 'p', executionId: ID, abandon: false, reason: 'wait-timeout-minutes reached in https://github.com/o/r/actions/runs/1' }
  ])
  expect(events).toEqual(['stopped'])
  expect(err.message).toBe(
    `Execution ${ID} of pipeline p did not finish within 1.5 minutes (wait-timeout-minutes); it was stopped (stop-on-timeout): ${executionUrl('us-east-1', 'p', ID)}`
  )
})

test('a failing stop says so', async () => {
  const { port, events, deps } = setup(true)
  port.stopAnswer = awsError('AccessDeniedException', 'no')
  expect((await handleTimeout(deps, EXECUTION)).message).toMatch(/; stopping it failed \(stop-on-timeout\)/)
  expect(events).toEqual([])
})

test('without stop-on-timeout: no AWS call; left running, and the post step is told so', async () => {
  const { port, events, deps } = setup(false)
  const err = await handleTimeout(deps, EXECUTION)
  expect(port.calls).toEqual([])
  expect(events).toEqual(['left running'])
  expect(err.message).toMatch(
    /did not finish within 1.5 minutes \(wait-timeout-minutes\); it is left running \(set stop-on-timeout: true to stop it\)/
  )
})
