// The start's idempotency token and the poll intervals.
import { InputError, readSeconds, type InputReader } from './readers.js'
import { DEFAULT_POLL_MAX_SECONDS } from './defaults.js'

/** The shortest and longest pause between two polls, in ms. */
export interface PollLimits {
  minMs: number
  maxMs: number
}

const REQUEST_TOKEN = /^[a-zA-Z0-9-]+$/

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

/** The shortest and longest pause between two polls. */
export function readPollLimits(read: InputReader): PollLimits {
  const min = readSeconds(read, 'poll-interval-min-seconds', 0.5, 3600) ?? 1
  const max = readSeconds(read, 'poll-interval-max-seconds', 0.5, 3600) ?? Math.max(min, DEFAULT_POLL_MAX_SECONDS)
  if (min > max) {
    throw new InputError(
      `Input poll-interval-min-seconds (${min}) is more than poll-interval-max-seconds (${max}); lower it or raise the maximum.`
    )
  }
  return { minMs: min * 1000, maxMs: max * 1000 }
}
