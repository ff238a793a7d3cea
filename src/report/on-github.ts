// Where the outcome shows on GitHub besides the step: the commit status and the live check run, each only when
// there is a token, a commit to put it on, and an outcome the action will learn (it waits). Says why not otherwise.
import type { GitHubContext } from '../github/context.js'
import { CheckRun, whyNoCheckRun } from '../github/check-run.js'
import type { GitHubClient, GitHubClientLoader } from '../github/client.js'
import { lazyClient } from '../github/outbound.js'
import type { Secrets } from '../github/redact.js'
import type { Settings } from '../inputs/settings.js'
import type { Clock, Log } from '../ports.js'
import { runningOutput } from './check-output.js'
import { CommitStatus } from './commit-status.js'
import { reportOf, type ReportContext } from './ending.js'

export interface OnGitHubDeps {
  settings: Pick<Settings, 'githubToken' | 'wait' | 'checkRun' | 'pipelineName'>
  github: GitHubContext
  log: Log
  clock: Clock
  /** The masked values: nothing sent to GitHub shows them. */
  secrets: Secrets
  /** How octokit is loaded; default: @actions/github, imported on first use. */
  loadGitHubClient?: GitHubClientLoader
}

function commitStatusFor(deps: OnGitHubDeps, report: ReportContext, client: () => Promise<GitHubClient>): CommitStatus | undefined {
  const { settings, github, log } = deps
  if (!settings.wait) {
    log.info('No commit status: wait is false, so the action would never learn the outcome to post.')
    return undefined
  }
  if (!report.commitId) {
    log.info('No commit status: the execution is not pinned to a commit, so it is unknown which commit it tests.')
    return undefined
  }
  return new CommitStatus(client, { ...github.repo, sha: report.commitId, pipelineName: settings.pipelineName }, log)
}

/** The live check run (check-run: true), created now and updated on each transition. */
function openCheckRun(deps: OnGitHubDeps, report: ReportContext, client: () => Promise<GitHubClient>): CheckRun | undefined {
  const { settings, github, log, clock } = deps
  if (!settings.checkRun) return undefined
  const why = whyNoCheckRun(settings, github, report.commitId ?? '')
  if (why) return void log.info(why)
  const { executionId, consoleUrl } = report.execution
  const target = { ...github.repo, sha: report.commitId ?? '', pipelineName: settings.pipelineName, executionId, consoleUrl }
  const render = () => {
    const now = { ...reportOf(clock, report, { status: 'InProgress' }), waits: report.waits?.told }
    return runningOutput(now, report.progress.lines, report.waits?.current(report.progress.latest))
  }
  const checkRun = new CheckRun({ client, log, clock }, target, render)
  report.progress.onChange = () => checkRun.changed()
  if (report.waits) report.waits.onChange = () => checkRun.changed()
  checkRun.start()
  return checkRun
}

/** Adds the commit status (posted pending at once) and the check run to the report, as far as they can be made. */
export function reportOnGitHub(deps: OnGitHubDeps, report: ReportContext): void {
  const { settings, github } = deps
  if (!settings.githubToken) return
  const { secrets, clock, log, loadGitHubClient: load } = deps
  const client = lazyClient({ token: settings.githubToken, baseUrl: github.apiUrl, secrets, clock, log, load })
  const { executionId, consoleUrl } = report.execution
  report.commitStatus = commitStatusFor(deps, report, client)
  // Not awaited: the commit status posts in order, so the final one always comes after it.
  const on = report.artifact ? ` on ${report.artifact.label}` : ''
  void report.commitStatus?.post('pending', `Execution ${executionId} started${on}`, consoleUrl)
  report.checkRun = openCheckRun(deps, report, client)
}
