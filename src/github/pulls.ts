// A pull request's head, read through the GitHub API: issue_comment payloads name the pull request but not
// its commit. @actions/github (and octokit with it) is loaded only then, as a chunk of its own (as for statuses).
import { ActionError, errorMessage } from '../errors.js'

export interface PullRequestHead {
  sha: string
  /** owner/name of the head's repository: another one for a fork. */
  headRepo: string
}

export type ReadPullRequest = (ref: { owner: string; repo: string; number: number }) => Promise<PullRequestHead>
export type PullRequestReaderLoader = (token: string, baseUrl: string) => Promise<ReadPullRequest>

// A GitHub that does not answer must not hold the step for long.
const REQUEST_TIMEOUT_MS = 10_000

export const loadPullRequestReader: PullRequestReaderLoader = async (token, baseUrl) => {
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(token, { baseUrl })
  return async ({ owner, repo, number }) => {
    try {
      const { data } = await octokit.rest.pulls.get({
        owner,
        repo,
        pull_number: number,
        request: { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }
      })
      return { sha: data.head.sha, headRepo: data.head.repo?.full_name ?? '' }
    } catch (err) {
      throw new ActionError(
        `Could not read pull request #${number} of ${owner}/${repo} to learn its head (${errorMessage(err)}); give github-token pull-requests: read, or set commit-id.`,
        { cause: err }
      )
    }
  }
}
