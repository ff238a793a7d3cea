// GitHub answers a 502 now and then, and a request can outlast the client's patience. Each call is tried again on
// a 5xx, a timeout or a dropped connection, a few times with backoff, within the caller's own deadline (its
// signal). A check-run create is not idempotent: one whose answer was lost may have been made, so before another
// try the check run is looked for on its commit (by name, then external_id), and found, it is the one.
import { jitteredBackoff, type Backoff } from '../execution/retry.js'
import { errorMessage } from '../errors.js'
import type { Clock, Log } from '../ports.js'
import type { GitHubClient } from './client.js'

/** Tries of one call, the first included. */
export const GITHUB_TRIES = 4
/** How long one try may go unanswered; the caller's signal bounds all the tries together. */
export const GITHUB_TRY_TIMEOUT_MS = 10_000
/** How long a call may take, its tries together, unless its caller has a deadline of its own. */
export const GITHUB_CALL_BUDGET_MS = 30_000

export interface RetryDeps {
  clock: Clock
  log: Log
  backoff?: Backoff
}

/** The last failure of a call that was tried more than once: says so, and keeps GitHub's status. */
export class GitHubGaveUp extends Error {
  readonly status: unknown
  constructor(err: unknown, tries: number) {
    super(`${errorMessage(err)} (still failing after ${tries} tries)`, { cause: err })
    this.status = (err as { status?: unknown } | undefined)?.status
  }
}

/** A 5xx, or no answer (octokit reports a dropped connection and a timeout as 500); never a 4xx. */
export function isTransient(err: unknown): boolean {
  const status = (err as { status?: unknown } | undefined)?.status
  return typeof status !== 'number' || status >= 500
}

interface Call<T> {
  what: string
  deadline: AbortSignal
  send: (signal: AbortSignal) => Promise<T>
  /** Before another try: what makes it unnecessary (a check run the lost answer was about). */
  beforeRetry?: () => Promise<T | undefined>
}

async function retried<T>(deps: RetryDeps, backoff: Backoff, call: Call<T>): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await call.send(AbortSignal.any([call.deadline, AbortSignal.timeout(GITHUB_TRY_TIMEOUT_MS)]))
    } catch (err) {
      if (call.deadline.aborted || !isTransient(err) || tried >= GITHUB_TRIES) throw tried > 1 ? new GitHubGaveUp(err, tried) : err
      const waitMs = backoff(tried)
      deps.log.debug(`GitHub: ${call.what} failed (${errorMessage(err)}); trying again in ${waitMs} ms (${tried + 1} of ${GITHUB_TRIES})`)
      await deps.clock.sleep(waitMs, call.deadline)
      const done = await call.beforeRetry?.()
      if (done !== undefined) return done
    }
  }
}

/** The client with every call retried as above; a new call must say here whether it may simply be sent again. */
export function retrying(client: GitHubClient, deps: RetryDeps): GitHubClient {
  const backoff = deps.backoff ?? jitteredBackoff({ baseMs: 1000, maxMs: 8000 })
  const run = <T>(call: Call<T>) => retried(deps, backoff, call)
  const findCheckRun: GitHubClient['findCheckRun'] = (request) =>
    run({
      what: `looking for check run ${request.check_name}`,
      deadline: request.request.signal,
      send: (signal) => client.findCheckRun({ ...request, request: { signal } })
    })
  return {
    createCommitStatus: (request) =>
      run({
        what: 'posting the commit status',
        deadline: request.request.signal,
        send: (signal) => client.createCommitStatus({ ...request, request: { signal } })
      }),
    updateCheckRun: (request) =>
      run({
        what: 'updating the check run',
        deadline: request.request.signal,
        send: (signal) => client.updateCheckRun({ ...request, request: { signal } })
      }),
    findCheckRun,
    createCheckRun: (request) => {
      const { owner, repo, head_sha, name, external_id } = request
      const deadline = request.request.signal
      return run({
        what: `creating check run ${name}`,
        deadline,
        send: (signal) => client.createCheckRun({ ...request, request: { signal } }),
        // The lost answer may have been GitHub's "created": look before making a second one.
        beforeRetry: () => findCheckRun({ owner, repo, ref: head_sha, check_name: name, external_id, request: { signal: deadline } })
      })
    }
  }
}
