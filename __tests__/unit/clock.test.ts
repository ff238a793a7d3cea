import { abortable, MAX_TIMER_MS, sleepAnyLength, systemClock, timeoutSignal } from '../../src/clock.js'
import { FakeClock } from '../support/fakes.js'

test('a sleep longer than a Node timer holds is a chain of timers that each fit, adding up to it', async () => {
  const waits: number[] = []
  const ms = 99_999 * 60_000 // wait-timeout-minutes at its largest
  await sleepAnyLength(ms, undefined, async (t) => void waits.push(t))
  expect(Math.max(...waits)).toBeLessThanOrEqual(MAX_TIMER_MS)
  expect(waits.reduce((a, b) => a + b, 0)).toBe(ms)
})

test('the real clock does not fire a 30-day sleep at once, and an abort still ends it', async () => {
  const abort = new AbortController()
  let settled = ''
  const sleeping = systemClock.sleep(30 * 24 * 3600 * 1000, abort.signal).then(
    () => (settled = 'resolved'),
    (err: Error) => (settled = err.name)
  )
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(settled).toBe('')
  abort.abort()
  await sleeping
  expect(settled).toBe('AbortError')
})

test('short and zero sleeps still work', async () => {
  await expect(systemClock.sleep(0)).resolves.toBeUndefined()
  await expect(systemClock.sleep(5)).resolves.toBeUndefined()
})

test('abortable: an AbortError as soon as the signal aborts, whether the work listens or not; the answer otherwise', async () => {
  const never = new Promise<string>(() => undefined)
  const controller = new AbortController()
  const pending = abortable(never, controller.signal)
  controller.abort()
  await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  await expect(abortable(Promise.resolve('answer'), new AbortController().signal)).resolves.toBe('answer')
  await expect(abortable(never, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' })
})

test('timeoutSignal aborts after its time on the given clock, at once for no time, never once cleared', async () => {
  const clock = new FakeClock(false)
  const later = timeoutSignal(clock, 1000)
  await clock.advance(999)
  expect(later.signal.aborted).toBe(false)
  await clock.advance(1)
  expect(later.signal.aborted).toBe(true)
  expect(timeoutSignal(clock, 0).signal.aborted).toBe(true)
  const cleared = timeoutSignal(clock, 1000)
  cleared.clear()
  await clock.advance(2000)
  expect(cleared.signal.aborted).toBe(false)
})
