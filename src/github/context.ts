// The workflow run as the runner describes it in the environment. Read here rather than through
// @actions/github's `context`, whose module loads octokit: a run without a GitHub token should not pay for it.
import { existsSync, readFileSync } from 'node:fs'

export interface GitHubContext {
  eventName: string
  sha: string
  ref?: string
  // Webhook payloads are loosely typed by nature; commit.ts reads the few fields it needs defensively.
  payload: Record<string, unknown>
  repo: { owner: string; repo: string }
  serverUrl: string
  /** GITHUB_API_URL: api.github.com, or a GitHub Enterprise Server's. */
  apiUrl: string
  runId: number
  runAttempt: number
  /** The workflow file (from GITHUB_WORKFLOW_REF), e.g. .github/workflows/deploy.yml: where check annotations point. */
  workflowPath?: string
  /** GITHUB_ACTOR: who started the run (or re-ran it), named in what the step approves. */
  actor?: string
}

function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path || !existsSync(path)) return {}
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
}

function repoOf(env: NodeJS.ProcessEnv, payload: Record<string, unknown>): { owner: string; repo: string } {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (owner && repo) return { owner, repo }
  const repository = payload.repository as { name?: string; owner?: { login?: string } } | undefined
  return { owner: repository?.owner?.login ?? '', repo: repository?.name ?? '' }
}

// GITHUB_WORKFLOW_REF is owner/repo/.github/workflows/deploy.yml@refs/heads/main.
function workflowPath(ref: string | undefined): string | undefined {
  return /^[^/]+\/[^/]+\/(.+?)@[^@]*$/.exec(ref ?? '')?.[1]
}

export function readGitHubContext(env: NodeJS.ProcessEnv = process.env): GitHubContext {
  const payload = readPayload(env.GITHUB_EVENT_PATH)
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF,
    payload,
    repo: repoOf(env, payload),
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    runId: Number.parseInt(env.GITHUB_RUN_ID ?? '', 10),
    runAttempt: Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10),
    workflowPath: workflowPath(env.GITHUB_WORKFLOW_REF),
    actor: env.GITHUB_ACTOR || undefined
  }
}

/** The run's page, e.g. https://github.com/octo/app/actions/runs/42 (attempt 2). */
export function describeRun(ctx: GitHubContext): string {
  const repo = `${ctx.repo.owner}/${ctx.repo.repo}`
  if (!Number.isFinite(ctx.runId)) return `a workflow run of ${repo}`
  const url = `${ctx.serverUrl}/${repo}/actions/runs/${ctx.runId}`
  return Number.isFinite(ctx.runAttempt) && ctx.runAttempt > 1 ? `${url} (attempt ${ctx.runAttempt})` : url
}
