// Which commit the pipeline runs: the one the workflow is about, never a merge commit GitHub made up.
import { ActionError } from '../errors.js'
import type { GitHubContext } from './context.js'

export interface CommitChoice {
  sha: string
  /** Why this commit, for the log. */
  reason: string
}

function field(obj: unknown, ...path: string[]): unknown {
  let value = obj
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key]
  return value
}

function text(obj: unknown, ...path: string[]): string {
  const value = field(obj, ...path)
  return typeof value === 'string' ? value : ''
}

function missing(event: string, path: string): never {
  throw new ActionError(`The ${event} event's payload has no ${path}; set commit-id to the commit to run.`)
}

function pullRequestHead(ctx: GitHubContext): CommitChoice {
  const sha = text(ctx.payload, 'pull_request', 'head', 'sha') || missing(ctx.eventName, 'pull_request.head.sha')
  const number = field(ctx.payload, 'pull_request', 'number') ?? field(ctx.payload, 'number')
  const label = text(ctx.payload, 'pull_request', 'head', 'label') || text(ctx.payload, 'pull_request', 'head', 'ref')
  const notMerge = ctx.sha && ctx.sha !== sha ? ` (not the merge commit GITHUB_SHA ${ctx.sha})` : ''
  return { sha, reason: `${ctx.eventName} #${String(number)}: head of ${label}${notMerge}` }
}

function mergeGroupHead(ctx: GitHubContext): CommitChoice {
  const sha = text(ctx.payload, 'merge_group', 'head_sha') || missing('merge_group', 'merge_group.head_sha')
  const base = text(ctx.payload, 'merge_group', 'base_ref')
  return { sha, reason: `merge_group: head of the merge queue group${base ? ` for ${base}` : ''}` }
}

/** The commit to run: `commit-id` if given, else the one the event is about. */
export function chooseCommit(ctx: GitHubContext, commitId?: string): CommitChoice {
  if (commitId) return { sha: commitId, reason: 'the commit-id input' }
  switch (ctx.eventName) {
    case 'pull_request':
    case 'pull_request_target':
      return pullRequestHead(ctx)
    case 'merge_group':
      return mergeGroupHead(ctx)
  }
  if (!ctx.sha) throw new ActionError('GITHUB_SHA is not set; set commit-id to the commit to run.')
  const ref = ctx.ref ? ` of ${ctx.ref}` : ''
  return { sha: ctx.sha, reason: `${ctx.eventName || 'unknown event'}: GITHUB_SHA${ref}` }
}
