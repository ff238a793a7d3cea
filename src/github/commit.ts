// Which commit the pipeline runs: the one the event is about, never a merge commit GitHub made up, never the
// default branch's tip standing in for an event that names its own commit. Each event's rule is in README's
// "Which commit runs" table.
import { ActionError } from '../errors.js'
import type { GitHubContext } from './context.js'
import { loadPullRequestReader, type PullRequestReaderLoader } from './pulls.js'

export interface CommitChoice {
  sha: string
  /** Why this commit, for the log. */
  reason: string
}

export interface CommitDeps {
  /** For issue_comment on a pull request: the PR's head is read through the API with it. */
  githubToken?: string
  loadPullRequests?: PullRequestReaderLoader
}

type Chooser = (ctx: GitHubContext, deps: CommitDeps) => CommitChoice | Promise<CommitChoice>

const ALL_ZEROS = /^0+$/

function field(obj: unknown, ...path: string[]): unknown {
  let value = obj
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key]
  return value
}

function text(obj: unknown, ...path: string[]): string {
  const value = field(obj, ...path)
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}

function missing(event: string, path: string): never {
  throw new ActionError(`The ${event} event's payload has no ${path}; set commit-id to the commit to run.`)
}

/** The event's own commit at `path` in its payload. */
function own(path: string[], describe: (ctx: GitHubContext) => string): Chooser {
  return (ctx) => {
    const sha = text(ctx.payload, ...path) || missing(ctx.eventName, path.join('.'))
    return { sha, reason: `${ctx.eventName}: ${describe(ctx)}` }
  }
}

function isFork(payload: unknown): string | undefined {
  const head = text(payload, 'pull_request', 'head', 'repo', 'full_name')
  const base = text(payload, 'pull_request', 'base', 'repo', 'full_name') || text(payload, 'repository', 'full_name')
  return head && base && head.toLowerCase() !== base.toLowerCase() ? head : undefined
}

/** The sentence for running a fork's code where the base repository's secrets are. */
export function forkRefusal(event: string, fork: string): ActionError {
  return new ActionError(
    `Refusing to run ${fork}'s pull request head on ${event}: ${event} runs with this repository's secrets and AWS role, ` +
      `so the pipeline would build code nobody has reviewed with them; set commit-id to a commit you have reviewed to run it anyway.`
  )
}

const pullRequest: Chooser = (ctx) => {
  const pr = (ctx.payload.pull_request ?? {}) as Record<string, unknown>
  const number = text(pr, 'number') || text(ctx.payload, 'number')
  if (ctx.payload.action === 'closed') {
    if (pr.merged !== true) {
      throw new ActionError(`Pull request #${number} was closed without being merged, so no commit of it landed; there is nothing to run.`)
    }
    const sha = text(pr, 'merge_commit_sha') || missing(ctx.eventName, 'pull_request.merge_commit_sha')
    return { sha, reason: `${ctx.eventName} #${number} merged: the commit that landed (merge_commit_sha)` }
  }
  const fork = isFork(ctx.payload)
  if (fork && ctx.eventName === 'pull_request_target') throw forkRefusal(ctx.eventName, fork)
  const sha = text(pr, 'head', 'sha') || missing(ctx.eventName, 'pull_request.head.sha')
  const label = text(pr, 'head', 'label') || text(pr, 'head', 'ref')
  const notMerge = ctx.sha && ctx.sha !== sha ? ` (not the merge commit GITHUB_SHA ${ctx.sha})` : ''
  return { sha, reason: `${ctx.eventName} #${number}: head of ${label}${notMerge}` }
}

const push: Chooser = (ctx) => {
  const after = text(ctx.payload, 'after')
  if (ctx.payload.deleted === true || (after && ALL_ZEROS.test(after))) {
    throw new ActionError(`This push deleted ${text(ctx.payload, 'ref') || 'a ref'}, so it has no commit to run.`)
  }
  // GITHUB_SHA is `after` for a push; the payload is the fallback.
  const sha = ctx.sha || after || missing('push', 'after')
  return { sha, reason: `push: GITHUB_SHA of ${ctx.ref || text(ctx.payload, 'ref') || 'the pushed ref'}` }
}

const issueComment: Chooser = async (ctx, deps) => {
  const number = Number(field(ctx.payload, 'issue', 'number'))
  if (!field(ctx.payload, 'issue', 'pull_request')) {
    throw new ActionError(
      `issue_comment on issue #${number}, which is not a pull request, names no commit; set commit-id (e.g. \${{ github.sha }} for the default branch's tip).`
    )
  }
  if (!deps.githubToken) {
    throw new ActionError(
      `issue_comment on pull request #${number}: its payload has no commit, and without github-token the pull request's head cannot be read; set github-token (pull-requests: read) or commit-id.`
    )
  }
  const load = deps.loadPullRequests ?? loadPullRequestReader
  const read = await load(deps.githubToken, ctx.apiUrl)
  const pr = await read({ ...ctx.repo, number })
  const base = `${ctx.repo.owner}/${ctx.repo.repo}`
  if (pr.headRepo && pr.headRepo.toLowerCase() !== base.toLowerCase()) throw forkRefusal('issue_comment', pr.headRepo)
  return { sha: pr.sha, reason: `issue_comment on pull request #${number}: its head, read through the GitHub API` }
}

/** The commit the other workflow ran on; a fork's (its pull request's CI) would run unreviewed code with our secrets. */
const workflowRun: Chooser = (ctx, deps) => {
  // The repository the other workflow ran in (this one) against the one its head commit lives in.
  const head = text(ctx.payload, 'workflow_run', 'head_repository', 'full_name')
  const base = text(ctx.payload, 'workflow_run', 'repository', 'full_name') || text(ctx.payload, 'repository', 'full_name')
  if (head && base && head.toLowerCase() !== base.toLowerCase()) throw forkRefusal('workflow_run', head)
  return own(['workflow_run', 'head_sha'], (c) => `the commit workflow "${text(c.payload, 'workflow_run', 'name')}" ran on`)(ctx, deps)
}

const noCommit =
  (why: string): Chooser =>
  (ctx) => {
    throw new ActionError(`The ${ctx.eventName} event ${why}, so it has no commit to run; set commit-id to the commit to run.`)
  }

const BY_EVENT: Record<string, Chooser> = {
  pull_request: pullRequest,
  pull_request_target: pullRequest,
  pull_request_review: pullRequest,
  pull_request_review_comment: pullRequest,
  merge_group: own(['merge_group', 'head_sha'], (c) => `head of the merge queue group for ${text(c.payload, 'merge_group', 'base_ref')}`),
  workflow_run: workflowRun,
  check_suite: own(['check_suite', 'head_sha'], () => "the check suite's head commit"),
  check_run: own(['check_run', 'head_sha'], () => "the check run's head commit"),
  deployment: own(['deployment', 'sha'], (c) => `the commit deployed to ${text(c.payload, 'deployment', 'environment')}`),
  deployment_status: own(['deployment', 'sha'], (c) => `the commit deployed to ${text(c.payload, 'deployment', 'environment')}`),
  status: own(['sha'], () => 'the commit whose status changed'),
  registry_package: own(['registry_package', 'package_version', 'target_oid'], () => "the package version's commit"),
  package: own(['package', 'package_version', 'target_oid'], () => "the package version's commit"),
  push,
  issue_comment: issueComment,
  delete: noCommit('deleted a branch or tag')
}

/** The commit to run: `commit-id` if given, else the one the event is about. */
export async function chooseCommit(ctx: GitHubContext, commitId?: string, deps: CommitDeps = {}): Promise<CommitChoice> {
  if (commitId) return { sha: commitId, reason: 'the commit-id input' }
  const choose = BY_EVENT[ctx.eventName]
  if (choose) return checked(await choose(ctx, deps))
  // release, create, workflow_dispatch, schedule, repository_dispatch...: GITHUB_SHA is the event's commit
  // (the tag's, the ref's tip); see README's table.
  if (!ctx.sha) throw new ActionError('GITHUB_SHA is not set; set commit-id to the commit to run.')
  const ref = ctx.ref ? ` of ${ctx.ref}` : ''
  return checked({ sha: ctx.sha, reason: `${ctx.eventName || 'unknown event'}: GITHUB_SHA${ref}` })
}

function checked(choice: CommitChoice): CommitChoice {
  if (ALL_ZEROS.test(choice.sha)) throw new ActionError(`The event names no commit (${choice.reason} is all zeros); set commit-id.`)
  return choice
}
