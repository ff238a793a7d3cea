// The few GitHub REST calls the action makes (commit statuses, check runs), as one small port. Octokit is
// loaded only when there is a token: runs without one never evaluate it.

/** Every call carries its own abort signal: a GitHub that does not answer must not hold the step. */
interface Signalled {
  request: { signal: AbortSignal }
}

export interface CommitStatusRequest extends Signalled {
  owner: string
  repo: string
  sha: string
  state: 'pending' | 'success' | 'failure' | 'error'
  context: string
  description: string
  target_url?: string
}

export interface CheckAnnotation {
  path: string
  start_line: number
  end_line: number
  annotation_level: 'notice' | 'warning' | 'failure'
  title?: string
  message: string
  raw_details?: string
}

export interface CheckOutput {
  title: string
  summary: string
  text?: string
  annotations?: CheckAnnotation[]
}

export type CheckConclusion = 'success' | 'failure' | 'cancelled'

export interface CreateCheckRunRequest extends Signalled {
  owner: string
  repo: string
  name: string
  head_sha: string
  status: 'in_progress'
  details_url: string
  external_id: string
  started_at: string
  output: CheckOutput
}

export interface UpdateCheckRunRequest extends Signalled {
  owner: string
  repo: string
  check_run_id: number
  status?: 'completed'
  conclusion?: CheckConclusion
  completed_at?: string
  output: CheckOutput
}

/** The check run made for this execution on this commit, if GitHub has one: by name and head SHA, then external_id. */
export interface FindCheckRunRequest extends Signalled {
  owner: string
  repo: string
  /** The commit SHA the check run is on. */
  ref: string
  check_name: string
  external_id: string
}

export interface GitHubClient {
  createCommitStatus(request: CommitStatusRequest): Promise<unknown>
  /** Answers the new check run's id. */
  createCheckRun(request: CreateCheckRunRequest): Promise<number>
  updateCheckRun(request: UpdateCheckRunRequest): Promise<unknown>
  /** Answers the id of the check run found, or undefined. */
  findCheckRun(request: FindCheckRunRequest): Promise<number | undefined>
}

export type GitHubClientLoader = (token: string, baseUrl: string) => Promise<GitHubClient>

/**
 * Loads @actions/github (and octokit with it) only now: it is a chunk of its own (dist/NNN.index.js), which runs
 * without a token never load.
 */
export const loadGitHubClient: GitHubClientLoader = async (token, baseUrl) => {
  const { getOctokit } = await import('@actions/github')
  const { rest } = getOctokit(token, { baseUrl })
  return {
    createCommitStatus: (request) => rest.repos.createCommitStatus({ ...request }),
    createCheckRun: async (request) => (await rest.checks.create({ ...request })).data.id,
    updateCheckRun: (request) => rest.checks.update({ ...request }),
    findCheckRun: async ({ external_id, ...query }) => {
      // filter: all, or GitHub lists only the newest check run of each name; 100 per page is GitHub's most.
      const { data } = await rest.checks.listForRef({ ...query, filter: 'all', per_page: 100 })
      const ours = data.check_runs.filter((run) => run.external_id === external_id).sort((a, b) => b.id - a.id)
      return (ours.find((run) => run.status !== 'completed') ?? ours[0])?.id
    }
  }
}
