// What to do when a CodePipeline call fails after the SDK's own retries: give up at once, or wait
// (capped, jittered backoff) and try again until a sustained outage has lasted too long.
import { isAbortError } from '../clock.js'
import { ActionError, awsErrorName, errorMessage } from '../errors.js'
import type { Clock, Log } from '../ports.js'

/** permanent: asking again won't help; expired: the credentials ran out; busy: the pipeline refuses a start for now. */
export type FailureKind = 'permanent' | 'expired' | 'busy' | 'transient'

const PERMANENT = new Set([
  'PipelineNotFoundException',
  'PipelineExecutionNotFoundException',
  'PipelineVersionNotFoundException',
  'ValidationException',
  'InvalidParameterValueException',
  'AccessDeniedException',
  'AccessDenied',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'MissingAuthenticationTokenException',
  'CredentialsProviderError',
  'PipelineExecutionNotStoppableException',
  'DuplicatedStopRequestException'
])
// Names AWS and the SDK use for a session whose temporary credentials have run out.
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired'])
const BUSY = new Set(['ConflictException', 'ConcurrentPipelineExecutionsLimitExceededException'])

export function classifyFailure(err: unknown): FailureKind {
  const name = awsErrorName(err)
  if (EXPIRED.has(name)) return 'expired'
  if (BUSY.has(name)) return 'busy'
  if (PERMANENT.has(name)) return 'permanent'
  // Throttling, 5xx, timeouts, dropped connections, and anything unknown: worth another try.
  return 'transient'
}

/** How long to wait before try number `failure + 1` after `failure` failures in a row. */
export type Backoff = (failure: number) => number

/** Exponential, capped, with "equal jitter" so that many runners throttled together spread out. */
export function jitteredBackoff({ baseMs = 2000, maxMs = 30000, random = Math.random } = {}): Backoff {
  return (failure) => {
    const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failure - 1))
    return Math.round(ceiling / 2 + random() * (ceiling / 2))
  }
}

export interface RetryPolicy {
  /** How long calls may keep failing transiently before the step fails. */
  outageToleranceMs: number
  backoff: Backoff
}

export function defaultRetryPolicy(outageToleranceMs: number): RetryPolicy {
  return { outageToleranceMs, backoff: jitteredBackoff() }
}

/** The execution a failure is about, for the message. */
export interface ExecutionRef {
  executionId: string
  url: string
}

export function expiredCredentialsError(err: unknown, ref: ExecutionRef): ActionError {
  return new ActionError(
    `The AWS credentials expired while following execution ${ref.executionId} (${awsErrorName(err)}): the session ` +
      `outlived its duration, so set role-duration-seconds of aws-actions/configure-aws-credentials longer than the ` +
      `pipeline takes (and the role's maximum session duration with it); the execution may still be running: ${ref.url}`,
    { cause: err }
  )
}

/** Tracks one run of failures in a row; a success ends it. */
export class OutageWatch {
  private failingSince: number | undefined
  private failures = 0

  constructor(
    private readonly clock: Clock,
    private readonly policy: RetryPolicy
  ) {}

  succeeded(): void {
    this.failingSince = undefined
    this.failures = 0
  }

  /** How long the current run of failures has lasted (0 when none). */
  failingForMs(): number {
    return this.failingSince === undefined ? 0 : this.clock.now() - this.failingSince
  }

  /**
   * After a failed call: throws `giveUp(err)` when it is not worth retrying or the outage has lasted
   * `limitMs` (default: the outage tolerance); otherwise returns how long to wait before the next try.
   */
  failed(err: unknown, giveUp: (err: unknown, kind: FailureKind) => unknown, limitMs = this.policy.outageToleranceMs): number {
    const kind = classifyFailure(err)
    if (kind === 'permanent' || kind === 'expired') throw giveUp(err, kind)
    this.failingSince ??= this.clock.now()
    this.failures += 1
    if (this.failingForMs() >= limitMs) throw giveUp(err, kind)
    return this.policy.backoff(this.failures)
  }
}

/** The step's failure after a sustained outage while following an execution. */
export function outageError(err: unknown, failingForMs: number, ref: ExecutionRef): ActionError {
  const message = errorMessage(err).replace(/\.$/, '')
  return new ActionError(
    `Could not get the status of execution ${ref.executionId} for ${Math.round(failingForMs / 1000)} s ` +
      `(outage-tolerance-minutes): ${message}; the step fails, though the execution may still be running: ${ref.url}`,
    { cause: err }
  )
}

/** What a poll that will not be retried fails the step with. */
export function pollFailure(err: unknown, kind: FailureKind, failingForMs: number, ref: ExecutionRef): unknown {
  if (kind === 'expired') return expiredCredentialsError(err, ref)
  if (kind === 'permanent') return err
  return outageError(err, failingForMs, ref)
}

export interface RetryingCall<T> {
  /** For the warnings: what is being done, e.g. "Pipeline p did not start". */
  what: string
  send: (signal?: AbortSignal) => Promise<T>
  signal?: AbortSignal
  /** How long failures of this kind may last; default: the outage tolerance. */
  limitMs?: (kind: FailureKind) => number | undefined
  /** The error to fail with when it is not worth another try; default: the error itself. */
  giveUp?: (err: unknown, kind: FailureKind, failingForMs: number) => unknown
}

/** Sends `send` until it answers, backing off between tries, or throws once it is not worth another try. */
export async function withRetries<T>(deps: { clock: Clock; log: Log; retry: RetryPolicy }, call: RetryingCall<T>): Promise<T> {
  const outage = new OutageWatch(deps.clock, deps.retry)
  for (;;) {
    try {
      return await call.send(call.signal)
    } catch (err) {
      if (isAbortError(err) || call.signal?.aborted) throw err
      const kind = classifyFailure(err)
      const giveUp = (e: unknown, k: FailureKind) => (call.giveUp ? call.giveUp(e, k, outage.failingForMs()) : e)
      const delayMs = outage.failed(err, giveUp, call.limitMs?.(kind))
      deps.log.warning(`${call.what} (${errorMessage(err)}); trying again in ${Math.round(delayMs / 1000)} s.`)
      await deps.clock.sleep(delayMs, call.signal)
    }
  }
}
