import { setTimeout as delay } from 'node:timers/promises'
import type { Clock } from './ports.js'

// Node's timers hold at most 2^31-1 ms (about 24.8 days); a longer one fires at once. wait-timeout-minutes
// goes up to 99999 minutes (about 69 days), so a long sleep is a chain of timers that each fit.
export const MAX_TIMER_MS = 2 ** 31 - 1

export type Delay = (ms: number, signal?: AbortSignal) => Promise<void>

const nodeDelay: Delay = (ms, signal) => delay(ms, undefined, { signal })

/** Sleeps `ms` of any length, in timers no longer than Node allows; rejects with an AbortError on abort. */
export async function sleepAnyLength(ms: number, signal?: AbortSignal, wait: Delay = nodeDelay): Promise<void> {
  let left = Math.max(0, ms)
  while (left > MAX_TIMER_MS) {
    await wait(MAX_TIMER_MS, signal)
    left -= MAX_TIMER_MS
  }
  await wait(left, signal)
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleepAnyLength(ms, signal)
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError'
}

/** `work`, or an AbortError as soon as `signal` aborts, whether or not `work` listens to it. */
export function abortable<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work
  let onAbort = () => undefined as void
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortError(signal))
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
  })
  // The work may still settle (or fail) later: nobody waits for it any more.
  work.catch(() => undefined)
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort))
}

function abortError(signal: AbortSignal): Error {
  const message = signal.reason instanceof Error ? signal.reason.message : 'The operation was aborted'
  return Object.assign(new Error(message), { name: 'AbortError' })
}

/** A signal that aborts `ms` from now on `clock` (at once if `ms` <= 0); `clear()` once it is not needed. */
export function timeoutSignal(clock: Clock, ms: number): { signal: AbortSignal; clear: () => void } {
  const fired = new AbortController()
  const timer = new AbortController()
  if (ms <= 0) fired.abort()
  else
    clock.sleep(ms, timer.signal).then(
      () => fired.abort(),
      () => undefined
    )
  return { signal: fired.signal, clear: () => timer.abort() }
}
