// The primitive input readers: each reads one input, checks it and names it in a one-line error.
import { ActionError } from '../errors.js'

/** A bad input: the message names the input and the fix, in one line. */
export class InputError extends ActionError {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

/** Returns an input's value, trimmed, '' when unset (what `core.getInput` does). */
export type InputReader = (name: string) => string

const DECIMAL = /^\d+(\.\d+)?$|^\.\d+$/
// About 69 days: beyond any runner's job limit.
export const MAX_MINUTES = 99_999

/** Booleans exactly as `core.getBooleanInput` reads them (YAML 1.2 core schema). */
export function readBoolean(read: InputReader, name: string): boolean {
  const value = read(name)
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new InputError(`Input ${name} is '${value}'; it must be true or false.`)
}

/** A plain decimal input (no sign, no exponent): undefined when empty, NaN when not a decimal. */
function readDecimal(read: InputReader, name: string): { value: string; number: number } | undefined {
  const value = read(name)
  if (value === '') return undefined
  return { value, number: DECIMAL.test(value) ? Number(value) : Number.NaN }
}

/** Decimal minutes as ms; undefined when empty. `positive` rejects 0. */
export function readMinutes(read: InputReader, name: string, positive = true): number | undefined {
  const input = readDecimal(read, name)
  if (!input) return undefined
  const { value, number: minutes } = input
  if (!Number.isFinite(minutes) || minutes > MAX_MINUTES || (positive && minutes === 0)) {
    throw new InputError(
      `Input ${name} is '${value}'; use a number of minutes${positive ? ' greater than 0' : ''} such as 30 or 2.5 (at most ${MAX_MINUTES}).`
    )
  }
  return Math.round(minutes * 60_000)
}

/** Decimal seconds from `low` to `high`; undefined when empty. */
export function readSeconds(read: InputReader, name: string, low: number, high: number): number | undefined {
  const input = readDecimal(read, name)
  if (!input) return undefined
  if (!(input.number >= low && input.number <= high)) {
    throw new InputError(`Input ${name} is '${input.value}'; it must be a number of seconds from ${low} to ${high}.`)
  }
  return input.number
}
