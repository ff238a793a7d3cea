// Commit statuses (`CodePipeline/<pipeline>`) for merge gates and the PR's checks list. Only with a
// github-token: octokit is loaded then, and not before. A failing GitHub call is a warning, never the verdict.
import { errorMessage } from '../errors.js'
import type { Log } from '../ports.js'

export type StatusState = 'pending' | 'success' | 'failure' | 'error'

export interface StatusTarget {
  owner: string
  repo: string
  sha: string
  /** GITHUB_API_URL, so that GitHub Enterprise Server works. */
  apiUrl: string
  pipelineName: string
}

export interface StatusRequest {
  owner: string
  repo: string
  sha: string
  state: StatusState
  context: string
  description: string
  target_url?: string
  request: { signal: AbortSignal }
}

/** The octokit call used, so tests and the loader agree on its shape. */
export type CreateStatus = (request: StatusRequest) => Promise<unknown>
export type StatusClientLoader = (token: string, baseUrl: string) => Promise<CreateStatus>

// A GitHub that does not answer must not hold the step for long.
const REQUEST_TIMEOUT_MS = 10_000
const MAX_DESCRIPTION = 140

/**
 * Loads @actions/github (and octokit with it) only now: runs without a token never evaluate it. "eager" keeps
 * it in the one bundle file (ncc writes licenses.txt for one chunk only) while the module still runs on demand.
 */
export const loadStatusClient: StatusClientLoader = async (token, baseUrl) => {
  const { getOctokit } = await import(/* webpackMode: "eager" */ '@actions/github')
  const octokit = getOctokit(token, { baseUrl })
  return (request) => octokit.rest.repos.createCommitStatus({ ...request })
}

export class CommitStatus {
  private client: Promise<CreateStatus> | undefined

  constructor(
    private readonly token: string,
    private readonly target: StatusTarget,
    private readonly log: Log,
    private readonly load: StatusClientLoader = loadStatusClient
  ) {}

  get context(): string {
    return `CodePipeline/${this.target.pipelineName}`
  }

  /** Posts the status; says so, or warns why not. Never throws. */
  async post(state: StatusState, description: string, targetUrl?: string): Promise<void> {
    const { owner, repo, sha, apiUrl } = this.target
    try {
      this.client ??= this.load(this.token, apiUrl)
      const create = await this.client
      const cut = description.length > MAX_DESCRIPTION ? `${description.slice(0, MAX_DESCRIPTION - 1)}…` : description
      await create({
        owner,
        repo,
        sha,
        state,
        context: this.context,
        description: cut,
        target_url: targetUrl,
        request: { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }
      })
      this.log.info(`Commit status ${this.context} on ${sha.slice(0, 7)}: ${state}`)
    } catch (err) {
      this.log.warning(`Could not post the commit status ${this.context} (${state}) on ${sha.slice(0, 7)}: ${errorMessage(err)}`)
    }
  }
}

/** The status for a final execution status: the verdict, in GitHub's four words. */
export function statusFor(passed: boolean, executionStatus: string): StatusState {
  if (passed) return 'success'
  return executionStatus === 'Failed' ? 'failure' : 'error'
}
