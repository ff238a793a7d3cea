// The one way out to GitHub: the client every part of the action uses, loaded on first use, each call tried
// again when GitHub fails transiently (retrying.ts) and each request redacted (redact.ts) before it leaves.
import { loadGitHubClient, type GitHubClient, type GitHubClientLoader } from './client.js'
import type { Secrets } from './redact.js'
import { retrying, type RetryDeps } from './retrying.js'

// Fields that address what a request is about (the action's own identifiers, never text) and its abort signal.
const ADDRESSES = new Set(['owner', 'repo', 'sha', 'head_sha', 'ref', 'external_id', 'check_run_id', 'request'])
// GitHub's limits on the text fields the action fills, applied after redaction: *** is longer than a short value.
const LIMITS: Partial<Record<string, number>> = {
  description: 140,
  title: 255,
  summary: 65_535,
  text: 65_535,
  message: 65_535,
  raw_details: 65_535
}

function fit(text: string, max = Infinity): string {
  const chars = Array.from(text)
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text
}

/** A request as it may leave: every text redacted (redact.ts), then cut to GitHub's limits. */
function outgoing(value: unknown, secrets: Secrets, key = ''): unknown {
  if (typeof value === 'string') return fit(secrets.redact(value), LIMITS[key])
  if (Array.isArray(value)) return value.map((item) => outgoing(item, secrets))
  if (value === null || typeof value !== 'object') return value
  const fields = Object.entries(value as Record<string, unknown>).map(([name, field]) => [
    name,
    ADDRESSES.has(name) ? field : outgoing(field, secrets, name)
  ])
  return Object.fromEntries(fields)
}

/**
 * The one way out to GitHub: every call of the client, present and future, has its request redacted. The runner
 * masks the log and the job summary, not what the action sends through the API.
 */
export function redacting(client: GitHubClient, secrets: Secrets): GitHubClient {
  return new Proxy(client, {
    get(target, name) {
      const member: unknown = Reflect.get(target, name)
      if (typeof member !== 'function') return member
      return (request: unknown) => (member as (request: unknown) => unknown).call(target, outgoing(request, secrets))
    }
  })
}

export interface ClientSource extends RetryDeps {
  token: string
  baseUrl: string
  /** The masked values; the token is added to them. */
  secrets: Secrets
  load?: GitHubClientLoader
}

/** One client for the whole step, loaded on first use (a failed load is tried again on the next call): retried, then redacted. */
export function lazyClient({ token, baseUrl, secrets, load = loadGitHubClient, ...retry }: ClientSource): () => Promise<GitHubClient> {
  secrets.add(token)
  let client: Promise<GitHubClient> | undefined
  return () => {
    client ??= load(token, baseUrl).then(
      (loaded) => redacting(retrying(loaded, retry), secrets),
      (err: unknown) => {
        client = undefined
        throw err
      }
    )
    return client
  }
}
