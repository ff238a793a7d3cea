// Pull requests from forks run without the repository's secrets and without an OIDC token, so the
// AWS credentials are simply absent. Say that, rather than the generic "no credentials".
import { ActionError, awsErrorName } from '../errors.js'
import type { GitHubContext } from './context.js'

function fullName(payload: Record<string, unknown>, side: 'head' | 'base'): string {
  const pr = payload.pull_request as Record<string, { repo?: { full_name?: unknown } } | undefined> | undefined
  const name = pr?.[side]?.repo?.full_name
  return typeof name === 'string' ? name : ''
}

/** The fork's owner/repo when this run is for a pull_request from a fork; undefined otherwise. */
export function forkOf(ctx: Pick<GitHubContext, 'eventName' | 'payload'>): string | undefined {
  if (ctx.eventName !== 'pull_request') return undefined
  const head = fullName(ctx.payload, 'head')
  const base = fullName(ctx.payload, 'base')
  return head && base && head.toLowerCase() !== base.toLowerCase() ? head : undefined
}

/** Replaces a missing-credentials error on a fork's pull request by one that says why they are missing. */
export function explainForkCredentials(err: unknown, ctx: Pick<GitHubContext, 'eventName' | 'payload'>): unknown {
  const fork = forkOf(ctx)
  if (!fork || awsErrorName(err) !== 'CredentialsProviderError') return err
  return new ActionError(
    `No AWS credentials: this pull request comes from the fork ${fork}, and GitHub gives workflows of pull requests ` +
      `from forks no secrets and no OIDC token, so the pipeline cannot run for it here (run it after review, e.g. on merge_group or push).`,
    { cause: err }
  )
}
