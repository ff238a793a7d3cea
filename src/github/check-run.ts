// The live check run (`CodePipeline / <pipeline>`, check-run: true): created in progress when the execution
// starts, updated on transitions, completed with the verdict. The GitHub API's rate limits are shared by the
// whole workflow, so updates are spaced and counted; a failing GitHub call is a warning, never the verdict.
import { abortable } from '../clock.js'
import { errorMessage } from '../errors.js'
import { forkOf } from './fork.js'
import type { GitHubContext } from './context.js'
import type { CheckConclusion, CheckOutput, GitHubClient } from './client.js'
import { GITHUB_CALL_BUDGET_MS, isTransient } from './retrying.js'
import type { Clock, Log } from '../ports.js'

/** The first transition is shown at once; after that, at most one update per interval. */
export const MIN_UPDATE_INTERVAL_MS = 10_000
/** Live updates in one run, at most; the completion always comes on top and carries everything. */
export const MAX_UPDATES = 30

export interface CheckRunTarget {
  owner: string
  repo: string
  /** The pinned commit the execution runs. */
  sha: string
  pipelineName: string
  executionId: string
  consoleUrl: string
}

export interface CheckRunDeps {
  client: () => Promise<GitHubClient>
  log: Log
  clock: Clock
}

/** The conclusion for a verdict. Never `neutral`: branch protection counts it as passing. */
export function conclusionFor(passed: boolean, executionStatus: string): CheckConclusion {
  if (passed) return 'success'
  return executionStatus === 'Stopped' || executionStatus === 'Cancelled' ? 'cancelled' : 'failure'
}

/** Why no check run can be made for this run, if one cannot; said once, before any GitHub call. */
export function whyNoCheckRun(
  settings: { wait: boolean },
  github: Pick<GitHubContext, 'eventName' | 'payload'>,
  commitId: string
): string | undefined {
  if (!settings.wait) return 'No check run: wait is false, so the action would never learn the outcome to complete it with.'
  if (!commitId) return 'No check run: the execution is not pinned to a commit, so it is unknown which commit it tests.'
  const fork = forkOf(github)
  if (fork) {
    return (
      `No check run: this pull request comes from the fork ${fork}, and GitHub gives such workflows a read-only token, ` +
      'so no check run can be created here; the job summary and the step itself still report the outcome.'
    )
  }
  return undefined
}

function describeFailure(err: unknown): string {
  const status = (err as { status?: unknown } | undefined)?.status
  const hint = status === 403 || status === 404 ? ' (the token needs `permissions: checks: write`)' : ''
  return `${errorMessage(err)}${hint}`
}

export class CheckRun {
  private id: Promise<number | undefined> = Promise.resolve(undefined)
  private lastUpdateAt = -Infinity
  private updates = 0
  private scheduled: AbortController | undefined
  /** Aborts every live update still trying when the completion comes: none may land after it. */
  private readonly live = new AbortController()
  /** The create failed without an answer: GitHub may have made it, so the completion looks for it. */
  private lost = false
  private frozen = false
  private updateWarned = false

  constructor(
    private readonly deps: CheckRunDeps,
    private readonly target: CheckRunTarget,
    /** The live output, rendered when an update is sent (so a delayed update shows the latest state). */
    private readonly render: () => CheckOutput
  ) {}

  get name(): string {
    return `CodePipeline / ${this.target.pipelineName}`
  }

  private get where(): string {
    return `${this.name} on ${this.target.sha.slice(0, 7)}`
  }

  /** Creates it, in progress; does not wait for GitHub. */
  start(): void {
    this.id = this.create()
  }

  private async create(): Promise<number | undefined> {
    const { owner, repo, sha, executionId, consoleUrl } = this.target
    try {
      const client = await this.deps.client()
      const id = await client.createCheckRun({
        owner,
        repo,
        name: this.name,
        head_sha: sha,
        status: 'in_progress',
        details_url: consoleUrl,
        external_id: executionId,
        started_at: new Date(this.deps.clock.now()).toISOString(),
        output: this.render(),
        request: { signal: AbortSignal.timeout(GITHUB_CALL_BUDGET_MS) }
      })
      this.deps.log.info(`Check run ${this.where}: in progress`)
      return id
    } catch (err) {
      this.lost = isTransient(err)
      const then = this.lost ? ' GitHub may have made it anyway: the completion looks for it.' : ''
      this.deps.log.warning(`Could not create the check run ${this.where}: ${describeFailure(err)}. The step goes on without it.${then}`)
      return undefined
    }
  }

  /** The check run a lost create answer was about, if GitHub made it; undefined otherwise. */
  private async findLost(deadline: AbortSignal): Promise<number | undefined> {
    const { owner, repo, sha, executionId } = this.target
    try {
      const client = await this.deps.client()
      const request = { owner, repo, ref: sha, check_name: this.name, external_id: executionId, request: { signal: deadline } }
      const id = await client.findCheckRun(request)
      if (id === undefined) this.deps.log.info(`Check run ${this.where}: GitHub has none, so there is nothing to complete`)
      return id
    } catch (err) {
      this.deps.log.warning(`Could not look for the check run ${this.where} whose creation went unanswered: ${describeFailure(err)}`)
      return undefined
    }
  }

  /** Something changed: update now, or once the interval since the last update has passed. */
  changed(): void {
    if (this.frozen || this.scheduled) return // a scheduled update renders the latest state when it goes
    if (this.updates >= MAX_UPDATES) return
    const timer = new AbortController()
    this.scheduled = timer
    const waitMs = Math.max(0, this.lastUpdateAt + MIN_UPDATE_INTERVAL_MS - this.deps.clock.now())
    void this.deps.clock.sleep(waitMs, timer.signal).then(
      () => {
        this.scheduled = undefined
        return this.update()
      },
      () => undefined
    )
  }

  private async update(): Promise<void> {
    const id = await this.id
    if (id === undefined || this.frozen) return
    this.updates++
    this.lastUpdateAt = this.deps.clock.now()
    try {
      const client = await this.deps.client()
      const signal = AbortSignal.any([this.live.signal, AbortSignal.timeout(GITHUB_CALL_BUDGET_MS)])
      await client.updateCheckRun({ ...this.ids(id), output: this.render(), request: { signal } })
      this.deps.log.debug(`Check run ${this.where}: update ${this.updates} of at most ${MAX_UPDATES}`)
    } catch (err) {
      if (this.live.signal.aborted) return // the completion took over
      // One warning: a GitHub that refuses one update refuses the next ones too.
      const message = `Could not update the check run ${this.where}: ${describeFailure(err)}`
      if (this.updateWarned) this.deps.log.debug(message)
      else this.deps.log.warning(message)
      this.updateWarned = true
    }
  }

  private ids(id: number): { owner: string; repo: string; check_run_id: number } {
    return { owner: this.target.owner, repo: this.target.repo, check_run_id: id }
  }

  /** No more live updates: the ending is being prepared (its last progress must not trigger one). */
  freeze(): void {
    this.frozen = true
    this.scheduled?.abort()
    this.scheduled = undefined
  }

  /**
   * Completes it with the verdict; updates still trying are abandoned. Never throws. A transient failure is tried
   * again (github/retrying.ts) for GITHUB_CALL_BUDGET_MS; `signal` bounds it all (a cancel's deadline).
   */
  async complete(conclusion: CheckConclusion, output: CheckOutput, signal?: AbortSignal): Promise<void> {
    this.freeze()
    this.live.abort()
    const deadline = AbortSignal.any([AbortSignal.timeout(GITHUB_CALL_BUDGET_MS), ...(signal ? [signal] : [])])
    try {
      let id = await abortable(this.id, signal)
      if (id === undefined && this.lost) id = await this.findLost(deadline)
      if (id === undefined) return // the create already warned (or GitHub has none)
      const client = await this.deps.client()
      await client.updateCheckRun({
        ...this.ids(id),
        status: 'completed',
        conclusion,
        completed_at: new Date(this.deps.clock.now()).toISOString(),
        output,
        request: { signal: deadline }
      })
      this.deps.log.info(`Check run ${this.where}: ${conclusion}`)
    } catch (err) {
      this.deps.log.warning(`Could not complete the check run ${this.where} (${conclusion}): ${describeFailure(err)}`)
    }
  }
}
