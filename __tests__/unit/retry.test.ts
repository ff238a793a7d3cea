import { ActionError } from '../../src/errors.js'
import { classifyFailure, expiredCredentialsError, jitteredBackoff, OutageWatch, pollFailure } from '../../src/execution/retry.js'
import { awsError, FakeClock } from '../support/fakes.js'

const ref = { executionId: 'exec-1', url: 'https://console/exec-1' }

test.each([
  ['ThrottlingException', 'transient'],
  ['InternalFailure', 'transient'],
  ['ServiceUnavailableException', 'transient'],
  ['ECONNRESET', 'transient'],
  ['TimeoutError', 'transient'],
  ['ConflictException', 'busy'],
  ['ConcurrentPipelineExecutionsLimitExceededException', 'busy'],
  ['ExpiredTokenException', 'expired'],
  ['ExpiredToken', 'expired'],
  ['RequestExpired', 'expired'],
  ['AccessDeniedException', 'permanent'],
  ['PipelineNotFoundException', 'permanent'],
  ['ValidationException', 'permanent'],
  ['CredentialsProviderError', 'permanent']
])('%s is %s', (name, kind) => {
  expect(classifyFailure(awsError(name))).toBe(kind)
})

test('jittered backoff doubles, is capped, and stays within [half, full] of its ceiling', () => {
  const low = jitteredBackoff({ baseMs: 1000, maxMs: 8000, random: () => 0 })
  const high = jitteredBackoff({ baseMs: 1000, maxMs: 8000, random: () => 0.999999 })
  expect([1, 2, 3, 4, 5, 10].map(low)).toEqual([500, 1000, 2000, 4000, 4000, 4000])
  expect([1, 2, 3, 4, 5, 10].map(high)).toEqual([1000, 2000, 4000, 8000, 8000, 8000])
})

describe('OutageWatch', () => {
  const giveUp = (err: unknown, kind: string) => new Error(`gave up (${kind}): ${(err as Error).name}`)

  test('transient failures wait by the backoff until the tolerance, then give up', () => {
    const clock = new FakeClock()
    const watch = new OutageWatch(clock, { outageToleranceMs: 10_000, backoff: (n) => n * 1000 })
    const waits: number[] = []
    expect(() => {
      for (;;) {
        const ms = watch.failed(awsError('InternalFailure'), giveUp)
        waits.push(ms)
        clock.time += ms
      }
    }).toThrow('gave up (transient): InternalFailure')
    expect(waits).toEqual([1000, 2000, 3000, 4000])
  })

  test('a success ends the outage: the tolerance and the backoff start over', () => {
    const clock = new FakeClock()
    const watch = new OutageWatch(clock, { outageToleranceMs: 10_000, backoff: (n) => n * 1000 })
    clock.time += watch.failed(awsError('ThrottlingException'), giveUp)
    clock.time += 9_000
    watch.succeeded()
    expect(watch.failingForMs()).toBe(0)
    expect(watch.failed(awsError('ThrottlingException'), giveUp)).toBe(1000)
  })

  test.each(['AccessDeniedException', 'ExpiredTokenException'])('%s gives up at once', (name) => {
    const watch = new OutageWatch(new FakeClock(), { outageToleranceMs: 10_000, backoff: () => 1 })
    expect(() => watch.failed(awsError(name), giveUp)).toThrow(`gave up`)
  })

  test('a limit of its own (start-retry-minutes for a busy pipeline)', () => {
    const clock = new FakeClock()
    const watch = new OutageWatch(clock, { outageToleranceMs: 60_000, backoff: () => 1000 })
    clock.time += watch.failed(awsError('ConflictException'), giveUp, 1500)
    clock.time += watch.failed(awsError('ConflictException'), giveUp, 1500)
    expect(() => watch.failed(awsError('ConflictException'), giveUp, 1500)).toThrow('gave up (busy)')
  })
})

test('expired credentials: says the session outlived its duration, names role-duration-seconds, the execution and its link', () => {
  const err = expiredCredentialsError(awsError('ExpiredTokenException', 'The security token included in the request is expired'), ref)
  expect(err).toBeInstanceOf(ActionError)
  expect(err.message).toMatch(/expired while following execution exec-1 \(ExpiredTokenException\)/)
  expect(err.message).toMatch(/outlived its duration/)
  expect(err.message).toMatch(/role-duration-seconds of aws-actions\/configure-aws-credentials/)
  expect(err.message).toMatch(/https:\/\/console\/exec-1$/)
  expect(err.message).not.toContain('\n')
})

test('pollFailure: permanent errors pass through unchanged', () => {
  const denied = awsError('AccessDeniedException')
  expect(pollFailure(denied, 'permanent', 0, ref)).toBe(denied)
  expect((pollFailure(awsError('InternalFailure', 'down.'), 'transient', 301_000, ref) as Error).message).toBe(
    'Could not get the status of execution exec-1 for 301 s (outage-tolerance-minutes): down; the step fails, though the execution may still be running: https://console/exec-1'
  )
})
