// The numeric and token inputs: time limits in decimal minutes, poll intervals in decimal seconds, and the
// start's idempotency token.
import { InputError } from './input-error.js'
import type { InputReader } from './inputs.js'
import type { PollLimits } from './poll-plan.js'

const DECIMAL = /^\d+(\.\d+)?$|^\.\d+$/
const REQUEST_TOKEN = /^[a-zA-Z0-9-]+$/
// About 69 days: beyond any runner's job limit; keeps setTimeout (max 2^31-1 ms) honest.
const MAX_MINUTES = 99_999

/** A plain decimal input (no sign, no exponent): undefined when empty, NaN when not a decimal. */
function readDecimal(read: InputReader, name: string): { value: string; number: number } | undefined {
  const value = read(name)
  if (value === '') return undefined
  return { value, number: DECIMAL.test(value) ? Number(value) : Number.NaN }
}

/** Decimal minutes as ms; `fallback` when empty. `positive` rejects 0. */
export function readMinutes(read: InputReader, name: string, fallbackMs: number | undefined, positive = true): number | undefined {
  const input = readDecimal(read, name)
  if (!input) return fallbackMs
  const { value, number: minutes } = input
  if (!Number.isFinite(minutes) || minutes > MAX_MINUTES || (positive && minutes === 0)) {
    throw new InputError(
      `Input ${name} is '${value}'; use a number of minutes${positive ? ' greater than 0' : ''} such as 30 or 2.5 (at most ${MAX_MINUTES}).`
    )
  }
  return Math.round(minutes * 60_000)
}

/** The clientRequestToken override, checked as the API model checks it; undefined to derive one. */
export function readClientRequestToken(read: InputReader): string | undefined {
  const token = read('client-request-token')
  if (token === '') return undefined
  if (token.length > 128 || !REQUEST_TOKEN.test(token)) {
    throw new InputError(
      `Input client-request-token must be 1-128 letters, digits and - ([a-zA-Z0-9-]+); leave it empty to derive one from the run.`
    )
  }
  return token
}

const DEFAULT_POLL_MIN_SECONDS = 1
const DEFAULT_POLL_MAX_SECONDS = 60

function readSeconds(read: InputReader, name: string, fallback: number, low: number, high: number): number {
  const input = readDecimal(read, name)
  if (!input) return fallback
  if (!(input.number >= low && input.number <= high)) {
    throw new InputError(`Input ${name} is '${input.value}'; it must be a number of seconds from ${low} to ${high}.`)
  }
  return input.number
}

/** The shortest and longest pause between two polls. */
export function readPollLimits(read: InputReader): PollLimits {
  const min = readSeconds(read, 'poll-interval-min-seconds', DEFAULT_POLL_MIN_SECONDS, 0.5, 3600)
  const max = readSeconds(read, 'poll-interval-max-seconds', Math.max(min, DEFAULT_POLL_MAX_SECONDS), 0.5, 3600)
  if (min > max) {
    throw new InputError(`Input poll-interval-min-seconds (${min}) is more than poll-interval-max-seconds (${max}); lower it or raise the maximum.`)
  }
  return { minMs: min * 1000, maxMs: max * 1000 }
}
