// The reliability inputs: time limits in decimal minutes, and the start's idempotency token.
import { InputError } from './input-error.js'
import type { InputReader } from './inputs.js'

const DECIMAL = /^\d+(\.\d+)?$|^\.\d+$/
const REQUEST_TOKEN = /^[a-zA-Z0-9-]+$/
// About 69 days: beyond any runner's job limit; keeps setTimeout (max 2^31-1 ms) honest.
const MAX_MINUTES = 99_999

/** Decimal minutes as ms; `fallback` when empty. `positive` rejects 0. */
export function readMinutes(read: InputReader, name: string, fallbackMs: number | undefined, positive = true): number | undefined {
  const value = read(name)
  if (value === '') return fallbackMs
  const minutes = DECIMAL.test(value) ? Number(value) : Number.NaN
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
