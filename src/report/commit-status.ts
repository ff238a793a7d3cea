// Commit statuses (`CodePipeline/<pipeline>`) for merge gates and the PR's checks list. Only with a
// github-token: octokit is loaded then (github/client.ts), and not before. A failing GitHub call is a
// warning, never the verdict.
import { abortable } from '../clock.js'
import { errorMessage } from '../errors.js'
import type { GitHubClient } from '../github/client.js'
import { GITHUB_CALL_BUDGET_MS } from '../github/retrying.js'
import type { Log } from '../ports.js'

export type StatusState = 'pending' | 'success' | 'failure' | 'error'

export interface StatusTarget {
  owner: string
  repo: string
  sha: string
  pipelineName: string
}

const MAX_DESCRIPTION = 140

export class CommitStatus {
  // One at a time, in order: a cancel's final status must never be overtaken by the pending one still in flight.
  private last: Promise<void> | undefined

  constructor(
    private readonly client: () => Promise<GitHubClient>,
    private readonly target: StatusTarget,
    private readonly log: Log
  ) {}

  get context(): string {
    return `CodePipeline/${this.target.pipelineName}`
  }

  /**
   * Posts the status after any posted before it; says so, or warns why not. Never throws. A transient failure is
   * tried again (github/retrying.ts) for GITHUB_CALL_BUDGET_MS from when it is sent; `signal` bounds it all (a
   * cancel's deadline), the wait for the one before included.
   */
  post(state: StatusState, description: string, targetUrl?: string, signal?: AbortSignal): Promise<void> {
    const send = () => this.send(state, description, targetUrl, signal)
    this.last = this.last ? abortable(this.last, signal).then(send, send) : send()
    return this.last
  }

  private async send(state: StatusState, description: string, targetUrl?: string, signal?: AbortSignal): Promise<void> {
    const { owner, repo, sha } = this.target
    try {
      const client = await this.client()
      // By characters: an emoji in an AWS message is never cut in two.
      const chars = Array.from(description)
      const cut = chars.length > MAX_DESCRIPTION ? `${chars.slice(0, MAX_DESCRIPTION - 1).join('')}…` : description
      await client.createCommitStatus({
        owner,
        repo,
        sha,
        state,
        context: this.context,
        description: cut,
        target_url: targetUrl,
        request: { signal: AbortSignal.any([AbortSignal.timeout(GITHUB_CALL_BUDGET_MS), ...(signal ? [signal] : [])]) }
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
