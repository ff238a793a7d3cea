import {
  CancelGuard,
  EXIT_DEADLINE_MS,
  REPORT_RESERVE_MS,
  START_ANSWER_GRACE_MS,
  STOP_TIMEOUT_MS,
  type CancelDeps,
  type StartInFlight
} from '../../src/execution/cancel.js'
import type { StopRequest } from '../../src/codepipeline/port.js'
import { executionUrl } from '../../src/execution/execution.js'
import { describeExecution, pipelineUrl, type Execution } from '../../src/execution/execution.js'
import { awsError, deferred, FakeClock, FakeLog, FakePort, FakeProcess, settle } from '../support/fakes.js'

const ID = '11111111-2222-3333-4444-555555555555'
const RUN = 'https://github.com/octo/app/actions/runs/42 (attempt 2)'
const EXECUTION = describeExecution({ pipelineName: 'p', region: 'us-east-1' }, ID, 'started')

function setup(settings: Partial<CancelDeps['settings']> = {}) {
  const port = new FakePort()
  const clock = new FakeClock(false)
  const log = new FakeLog()
  const signals = new FakeProcess()
  const exits = signals.exits
  let stopped = 0
  const saved: string[] = []
  const guard = new CancelGuard({
    process: signals,
    port,
    log,
    clock,
    settings: { stopOnCancel: true, abandonOnCancel: false, ...settings },
    workflowRun: RUN,
    state: {
      markStopped: () => stopped++,
      markCancelled: () => void saved.push('cancelled'),
      saveNothingStarted: () => void saved.push('nothing started')
    }
  })
  guard.install()
  return { port, clock, log, signals, exits, guard, saved, stoppedCount: () => stopped }
}

/** A start as main tracks it; asking again answers `again` (default: the same id, as the token makes AWS do). */
function inFlight(
  answerId: Promise<string>,
  againId: () => Promise<string> = () => answerId,
  onWire = true,
  unclear = false
): StartInFlight & { aborted: () => boolean; asked: () => number } {
  let aborted = false
  let asked = 0
  let answered = false
  const started = (id: string): Execution => ({ ...EXECUTION, executionId: id })
  const answer = answerId.then(started)
  answer.then(
    () => (answered = true),
    () => (answered = true)
  )
  return {
    pipeline: { pipelineName: 'p', region: 'us-east-1' },
    answer,
    onWire: () => onWire && !answered,
    mayHaveStarted: () => (onWire && !answered) || unclear,
    abort: () => void (aborted = true),
    again: () => (asked++, againId().then(started)),
    aborted: () => aborted,
    asked: () => asked
  }
}

function stops(port: FakePort): StopRequest[] {
  return port.calls.filter((c) => c.op === 'stop').map((c) => c.args[0] as StopRequest)
}

test('listens to SIGINT and SIGTERM, and stops listening when uninstalled', () => {
  const { signals, guard } = setup()
  expect([signals.count('SIGINT'), signals.count('SIGTERM')]).toEqual([1, 1])
  guard.uninstall()
  expect([signals.count('SIGINT'), signals.count('SIGTERM')]).toEqual([0, 0])
})

describe.each(['SIGINT', 'SIGTERM'] as const)('%s while waiting', (signal) => {
  test('aborts the wait, stops the started execution at once, then exits 1', async () => {
    const { port, signals, exits, guard, log, stoppedCount } = setup()
    guard.trackStart(inFlight(Promise.resolve(ID)))
    signals.emit(signal)
    expect(guard.signal.aborted).toBe(true)
    await settle()
    expect(stops(port)).toEqual([{ pipelineName: 'p', executionId: ID, abandon: false, reason: `Workflow run cancelled: ${RUN}` }])
    await guard.cancelling
    expect(exits).toEqual([1])
    expect(stoppedCount()).toBe(1)
    expect(log.text()).toContain(`Received ${signal}`)
    expect(log.text()).toContain(`Stopped execution ${ID}: ${executionUrl('us-east-1', 'p', ID)}`)
  })
})

test('abandon-on-cancel is sent as abandon', async () => {
  const { port, signals, guard } = setup({ abandonOnCancel: true })
  guard.trackStart(inFlight(Promise.resolve(ID)))
  signals.emit('SIGINT')
  await guard.cancelling
  expect(stops(port)[0].abandon).toBe(true)
})

test('a second signal does not stop twice', async () => {
  const { port, signals, guard, exits, log } = setup()
  guard.trackStart(inFlight(Promise.resolve(ID)))
  signals.emit('SIGINT')
  signals.emit('SIGTERM')
  await guard.cancelling
  signals.emit('SIGTERM')
  await settle()
  expect(stops(port)).toHaveLength(1)
  expect(exits).toEqual([1])
  expect(log.text()).toContain('Received SIGTERM again; already cancelling.')
})

test('a signal while StartPipelineExecution is in flight waits for its answer and stops that execution', async () => {
  const { port, signals, guard, exits } = setup()
  const start = deferred<string>()
  guard.trackStart(inFlight(start.promise))
  signals.emit('SIGINT')
  await settle()
  expect(stops(port)).toEqual([])
  expect(exits).toEqual([])
  start.resolve(ID)
  await guard.cancelling
  expect(stops(port).map((s) => s.executionId)).toEqual([ID])
  expect(exits).toEqual([1])
})

test('a start that fails after the signal leaves nothing to stop', async () => {
  const { port, signals, guard, exits, log } = setup()
  const start = deferred<string>()
  guard.trackStart(inFlight(start.promise))
  signals.emit('SIGINT')
  start.reject(new Error('throttled'))
  await guard.cancelling
  expect(stops(port)).toEqual([])
  expect(exits).toEqual([1])
  expect(log.text()).toContain('No execution was started.')
})

test('a signal before any start: nothing to stop, exit 1', async () => {
  const { port, signals, guard, exits } = setup()
  signals.emit('SIGTERM')
  await guard.cancelling
  expect(port.calls).toEqual([])
  expect(exits).toEqual([1])
})

test('after the outcome is decided a signal neither stops nor reports; main finishes, bounded by the deadline', async () => {
  const { port, signals, guard, exits, clock, log, saved } = setup()
  const reported: string[] = []
  guard.trackStart(inFlight(Promise.resolve(ID)))
  guard.following(EXECUTION, (outcome) => Promise.resolve(void reported.push(outcome)))
  guard.decided(0)
  signals.emit('SIGINT')
  signals.emit('SIGTERM')
  await settle()
  expect(guard.signal.aborted).toBe(false)
  expect(guard.cancelling).toBeUndefined()
  expect([port.calls, reported, saved]).toEqual([[], [], []])
  expect(log.text()).toContain('Received SIGINT after the outcome was decided; finishing the report.')
  await clock.advance(EXIT_DEADLINE_MS - 1)
  expect(exits).toEqual([])
  await clock.advance(1)
  expect(exits).toEqual([0])
})

test('main finishing its report in time (uninstall) leaves nothing to exit for', async () => {
  const { signals, guard, exits, clock } = setup()
  guard.decided(1)
  signals.emit('SIGINT')
  guard.uninstall()
  await clock.advance(EXIT_DEADLINE_MS)
  expect(exits).toEqual([])
})

test('a cancel while following: saved as cancelled, stopped, then reported as stopped', async () => {
  const { signals, guard, saved } = setup()
  const reported: string[] = []
  guard.trackStart(inFlight(Promise.resolve(ID)))
  guard.following(EXECUTION, (outcome) => Promise.resolve(void reported.push(outcome)))
  signals.emit('SIGINT')
  await guard.cancelling
  expect(saved).toEqual(['cancelled'])
  expect(reported).toEqual(['stopped'])
})

test.each([
  ['stop-on-cancel false', { stopOnCancel: false }, undefined, 'left running'],
  ['a failing stop', {}, awsError('AccessDeniedException'), 'not stopped']
])('the report is told the truth: %s', async (_what, settings, stopAnswer, outcome) => {
  const { port, signals, guard } = setup(settings)
  if (stopAnswer) port.stopAnswer = stopAnswer
  const reported: string[] = []
  guard.trackStart(inFlight(Promise.resolve(ID)))
  guard.following(EXECUTION, (o) => Promise.resolve(void reported.push(o)))
  signals.emit('SIGINT')
  await guard.cancelling
  expect(reported).toEqual([outcome])
})

test('stop-on-cancel false: no stop; says it is left running, with its link', async () => {
  const { port, signals, guard, exits, log, stoppedCount } = setup({ stopOnCancel: false })
  guard.trackStart(inFlight(Promise.resolve(ID)))
  signals.emit('SIGINT')
  await guard.cancelling
  expect(port.calls).toEqual([])
  expect(exits).toEqual([1])
  expect(stoppedCount()).toBe(0)
  expect(log.lines).toContain(`warning: stop-on-cancel is false: execution ${ID} is left running: ${executionUrl('us-east-1', 'p', ID)}`)
})

test('an execution that already finished (NotStoppable) counts as stopped', async () => {
  const { port, signals, guard, stoppedCount, log } = setup()
  port.stopAnswer = awsError('PipelineExecutionNotStoppableException')
  guard.trackStart(inFlight(Promise.resolve(ID)))
  signals.emit('SIGINT')
  await guard.cancelling
  expect(stoppedCount()).toBe(1)
  expect(log.text()).toContain('had already finished; nothing to stop')
})

test('a failing stop is an error with the console link; still exits 1', async () => {
  const { port, signals, guard, stoppedCount, log, exits } = setup()
  port.stopAnswer = awsError('AccessDeniedException', 'not allowed')
  guard.trackStart(inFlight(Promise.resolve(ID)))
  signals.emit('SIGINT')
  await guard.cancelling
  expect(stoppedCount()).toBe(0)
  expect(exits).toEqual([1])
  expect(log.lines).toContain(
    `error: Could not stop execution ${ID} (not allowed); stop it in the console: ${executionUrl('us-east-1', 'p', ID)}`
  )
})

test(`a stop that hangs is given up after ${STOP_TIMEOUT_MS} ms, then exit 1`, async () => {
  const { port, signals, guard, clock, exits, log } = setup()
  port.stopAnswer = () =>
    new Promise<void>((_, reject) => {
      const signal = port.calls.at(-1)!.args[1] as AbortSignal
      signal.addEventListener('abort', () => reject(awsError('AbortError')))
    })
  guard.trackStart(inFlight(Promise.resolve(ID)))
  signals.emit('SIGINT')
  await settle()
  await clock.advance(STOP_TIMEOUT_MS - 1)
  expect(exits).toEqual([])
  await clock.advance(1)
  await guard.cancelling
  expect(exits).toEqual([1])
  expect(log.text()).toContain(`no answer within ${STOP_TIMEOUT_MS / 1000} s`)
})

test('a start that does not answer within the grace is abandoned and sent again with the same token; that execution is stopped', async () => {
  const { port, signals, guard, clock, exits } = setup()
  const start = inFlight(new Promise<string>(() => undefined), () => Promise.resolve(ID))
  guard.trackStart(start)
  signals.emit('SIGINT')
  await clock.advance(START_ANSWER_GRACE_MS - 1)
  expect([start.aborted(), start.asked()]).toEqual([false, 0])
  await clock.advance(1)
  await guard.cancelling
  expect([start.aborted(), start.asked()]).toEqual([true, 1])
  expect(stops(port).map((s) => s.executionId)).toEqual([ID])
  expect(exits).toEqual([1])
})

test('a start waiting between tries (its last answer: not started) is abandoned without asking again', async () => {
  const { port, signals, guard, clock, exits, log } = setup()
  const start = inFlight(new Promise<string>(() => undefined), () => Promise.resolve(ID), false)
  guard.trackStart(start)
  signals.emit('SIGINT')
  expect([start.aborted(), start.asked()]).toEqual([true, 0])
  await clock.advance(START_ANSWER_GRACE_MS)
  await guard.cancelling
  expect(start.asked()).toBe(0)
  expect(stops(port)).toEqual([])
  expect(exits).toEqual([1])
  expect(log.text()).toContain('No execution was started.')
})

test('a start that never answers, asked again without an answer either: says it cannot tell, with the pipeline link; exit 1 before the deadline', async () => {
  const { port, signals, guard, clock, exits, log } = setup()
  const never = () => new Promise<string>(() => undefined)
  guard.trackStart(inFlight(never(), never))
  signals.emit('SIGINT')
  for (let t = 0; t < EXIT_DEADLINE_MS && exits.length === 0; t += 100) await clock.advance(100)
  await guard.cancelling
  expect(exits).toEqual([1])
  expect(clock.time - 1_000_000).toBeLessThan(EXIT_DEADLINE_MS)
  expect(stops(port)).toEqual([])
  expect(log.lines).toContain(
    'warning: Could not learn whether an execution of pipeline p was started (no answer within 2.5 s); if one was, it is still running: ' +
      pipelineUrl({ pipelineName: 'p', region: 'us-east-1' })
  )
  expect(log.text()).not.toContain('No execution was started')
})

test('between tries after an unclear answer (5xx, timeout, dropped): asks again with the same token and stops what comes back', async () => {
  const { port, signals, guard, clock, exits, log } = setup()
  const start = inFlight(new Promise<string>(() => undefined), () => Promise.resolve(ID), false, true)
  guard.trackStart(start)
  signals.emit('SIGINT')
  expect(start.aborted()).toBe(true)
  await clock.advance(START_ANSWER_GRACE_MS)
  await guard.cancelling
  expect(start.asked()).toBe(1)
  expect(stops(port).map((s) => s.executionId)).toEqual([ID])
  expect(exits).toEqual([1])
  expect(log.text()).not.toContain('No execution was started')
})

test('asked again after an unclear answer and refused: cannot tell, never "No execution was started"', async () => {
  const { port, signals, guard, clock, log, saved } = setup()
  const start = inFlight(new Promise<string>(() => undefined), () => Promise.reject(awsError('InternalFailure', 'down')), false, true)
  guard.trackStart(start)
  signals.emit('SIGINT')
  await clock.advance(START_ANSWER_GRACE_MS)
  await guard.cancelling
  expect(stops(port)).toEqual([])
  expect(log.text()).toMatch(
    /Could not learn whether an execution of pipeline p was started \(down\); if one was, it is still running: https:/
  )
  expect(log.text()).not.toContain('No execution was started')
  expect(saved).toEqual(['cancelled'])
})

test(`everything hangs: exit 1 after ${EXIT_DEADLINE_MS} ms anyway`, async () => {
  const { port, signals, guard, clock, exits } = setup()
  port.stopAnswer = () => new Promise<void>(() => undefined) // ignores its abort signal
  guard.trackStart(inFlight(new Promise<string>(() => undefined), () => Promise.resolve(ID)))
  signals.emit('SIGINT')
  await clock.advance(START_ANSWER_GRACE_MS)
  await clock.advance(EXIT_DEADLINE_MS - START_ANSWER_GRACE_MS - 1)
  expect(exits).toEqual([])
  await clock.advance(1)
  await guard.cancelling
  expect(exits).toEqual([1])
})

test('the exit deadline is before the runner follows up (7.5 s)', () => {
  expect(STOP_TIMEOUT_MS).toBeLessThan(EXIT_DEADLINE_MS)
  expect(EXIT_DEADLINE_MS).toBeLessThan(7500)
})

test('a followed execution (not started by this step) is never stopped; the report says it runs on', async () => {
  const { port, signals, guard, exits } = setup()
  const reported: string[] = []
  guard.following({ ...EXECUTION, origin: 'followed' }, (o) => Promise.resolve(void reported.push(o)))
  signals.emit('SIGINT')
  await guard.cancelling
  expect(stops(port)).toEqual([])
  expect(reported).toEqual(['not ours'])
  expect(exits).toEqual([1])
})

test('with a report to make, a hanging stop leaves the report its share of the exit deadline; the report is told the deadline', async () => {
  const { port, signals, guard, clock, exits } = setup()
  port.stopAnswer = () =>
    new Promise<void>((_, reject) => {
      const signal = port.calls.at(-1)!.args[1] as AbortSignal
      signal.addEventListener('abort', () => reject(awsError('AbortError')))
    })
  const reported: [string, number, number][] = []
  guard.following(EXECUTION, (outcome, byMs) => Promise.resolve(void reported.push([outcome, byMs, clock.time])))
  const t0 = clock.time
  signals.emit('SIGINT')
  await settle()
  await clock.advance(EXIT_DEADLINE_MS - REPORT_RESERVE_MS - 1)
  expect(reported).toEqual([])
  await clock.advance(1)
  await guard.cancelling
  expect(reported).toEqual([['not stopped', t0 + EXIT_DEADLINE_MS, t0 + EXIT_DEADLINE_MS - REPORT_RESERVE_MS]])
  expect(exits).toEqual([1])
  expect(EXIT_DEADLINE_MS - REPORT_RESERVE_MS).toBeLessThanOrEqual(STOP_TIMEOUT_MS)
})
