// What the execution's actions are doing, from ListActionExecutions: one log line per transition, and
// what the poll planner needs to know (an approval waits, the end looks near).
import type { ActionRun, Structure } from '../codepipeline/port.js'
import type { Log } from '../ports.js'

export type { Structure }

/** What the progress calls reveal, for the poll planner. */
export interface ProgressView {
  /** A manual approval is waiting: nothing will happen soon. */
  approvalWaiting: boolean
  /** Something ran and nothing runs now, an action failed or was abandoned, or the last stage is done. */
  suggestsEnd: boolean
  /** When the last stage started (on the runner's clock), while it runs: the end is near even without history. */
  lastStageStartedAt?: number
  /** A wait that will last (queued, a disabled transition, a stage condition): waits.ts says so. */
  longWait?: boolean
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, ms) / 1000
  if (s < 60) return `${s.toFixed(1)}s`
  const whole = Math.round(s)
  if (whole < 3600) return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`
  return `${Math.floor(whole / 3600)}h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`
}

export function isApproval(run: ActionRun): boolean {
  return run.category === 'Approval'
}

/** The newest run of each stage/action: a retried action has several. */
export function latestRuns(runs: ActionRun[]): Map<string, ActionRun> {
  const latest = new Map<string, ActionRun>()
  for (const run of [...runs].sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0))) {
    latest.set(`${run.stageName}\u0000${run.actionName}`, run)
  }
  return latest
}

/** Who retried a stage, by stage and attempt (retryKey): GetPipelineState's latestRetryTrigger when it was seen. */
export type RetryTriggers = ReadonlyMap<string, string>

export const retryKey = (stageName: string, attempt: number): string => `${stageName}\u0000${attempt}`

/** " (attempt 2, retried manually)" for a run of a retried stage; "" for a first attempt. */
export function attemptLabel(stageName: string, attempt = 1, triggers?: RetryTriggers): string {
  if (attempt <= 1) return ''
  const trigger = triggers?.get(retryKey(stageName, attempt))
  const by = trigger === 'ManualStageRetry' ? ', retried manually' : trigger === 'AutomatedStageRetry' ? ', retried automatically' : ''
  return ` (attempt ${attempt}${by})`
}

/** The log line for a run that has just reached `run.status`; `startedAt` is the execution's start on AWS's clock. */
export function describeTransition(run: ActionRun, startedAt: number, approvalUrl: string, attempt = 1, triggers?: RetryTriggers): string {
  const at = (run.status === 'InProgress' ? run.startTime : run.lastUpdateTime) ?? startedAt
  const when = `[+${formatDuration(at - startedAt)}]`
  // A stage retry (automatic or manual) runs actions again under the same execution: say which attempt, and who.
  const name = `${run.stageName} / ${run.actionName}${attemptLabel(run.stageName, attempt, triggers)}`
  const took =
    run.startTime !== undefined && run.lastUpdateTime !== undefined ? ` after ${formatDuration(run.lastUpdateTime - run.startTime)}` : ''
  const url = run.externalUrl ? `: ${run.externalUrl}` : ''
  switch (run.status) {
    case 'InProgress':
      if (isApproval(run)) return `${when} ${name} is waiting for a manual approval: ${run.externalUrl ?? approvalUrl}`
      return `${when} ${name} started${url}`
    case 'Succeeded':
      return `${when} ${name} succeeded${took}${url}`
    case 'Failed': {
      const why = run.errorMessage ?? run.summary
      return `${when} ${name} failed${took}${why ? `: ${why}` : ''}${run.externalUrl ? ` (${run.externalUrl})` : ''}`
    }
    case 'Abandoned':
      return `${when} ${name} abandoned${took}`
    default:
      return `${when} ${name} is ${run.status}${url}`
  }
}

/** Which attempt of its stage/action each run is (1 for the first), in start order. */
export function attemptNumbers(runs: ActionRun[]): Map<string, number> {
  const seen = new Map<string, number>()
  const attempt = new Map<string, number>()
  for (const run of [...runs].sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0))) {
    const key = `${run.stageName}\u0000${run.actionName}`
    seen.set(key, (seen.get(key) ?? 0) + 1)
    attempt.set(run.actionExecutionId, seen.get(key) ?? 1)
  }
  return attempt
}

// When the run reached its status; at the same instant, an end is told before the start it led to.
function transitionTime(run: ActionRun): number {
  return run.status === 'InProgress' ? (run.startTime ?? 0) + 0.5 : (run.lastUpdateTime ?? 0)
}

/**
 * Remembers what was said about each action run, so that each transition is said once. AWS's times and the
 * runner's clock are never compared: the log's offsets count from the first action's start on AWS's clock, and
 * an AWS time reaches the planner translated by that same anchor (the first action started when Start answered),
 * so a runner whose clock is minutes off neither prints +10m offsets nor polls as if the stage had run for ten minutes.
 */
export class ProgressTracker {
  private readonly said = new Map<string, string>()
  private readonly told: string[] = []
  private runs: ActionRun[] = []
  /** Called after an update that had something new to say (the live check run listens). */
  onChange: (() => void) | undefined
  /** Who retried which stage (waits.ts learns it before the update that shows the retry). */
  retryTriggers: RetryTriggers | undefined
  private unreadWhy: string | undefined
  /** The earliest action start seen, on AWS's clock. */
  private awsStart: number | undefined

  constructor(
    private readonly log: Log,
    private readonly startedAt: number,
    private readonly approvalUrl: string,
    private structure?: Structure
  ) {}

  setStructure(structure: Structure | undefined): void {
    this.structure = structure
  }

  /** The stages and actions in order, when known. */
  get stages(): Structure | undefined {
    return this.structure
  }

  get latest(): ActionRun[] {
    return this.runs
  }

  /** Every transition line said so far, oldest first. */
  get lines(): readonly string[] {
    return this.told
  }

  /** Why the final read failed, when it did: the actions are as last seen, not as they ended. */
  get unread(): string | undefined {
    return this.unreadWhy
  }

  /** The read after the verdict, so the table shows how each action ended; remembers why when it fails. */
  async finalUpdate(read: () => Promise<ActionRun[]>): Promise<void> {
    try {
      this.update(await read())
    } catch (err) {
      this.unreadWhy = err instanceof Error ? err.message : String(err)
    }
  }

  /** Logs the transitions since the last update, oldest first. */
  update(runs: ActionRun[]): void {
    this.runs = runs
    for (const run of runs)
      if (run.startTime !== undefined && !(run.startTime >= (this.awsStart ?? Infinity))) this.awsStart = run.startTime
    const byTime = [...runs].sort((a, b) => transitionTime(a) - transitionTime(b))
    const before = this.told.length
    const attempts = attemptNumbers(runs)
    for (const run of byTime) {
      if (this.said.get(run.actionExecutionId) === run.status) continue
      this.said.set(run.actionExecutionId, run.status)
      const attempt = attempts.get(run.actionExecutionId)
      const line = describeTransition(run, this.awsStart ?? transitionTime(run), this.approvalUrl, attempt, this.retryTriggers)
      this.told.push(line)
      this.log.info(line)
    }
    if (this.told.length > before) this.onChange?.()
  }

  /** An AWS time as the runner's clock would have read it. */
  onRunnerClock(awsTime: number): number {
    return this.startedAt + (awsTime - (this.awsStart ?? awsTime))
  }

  view(): ProgressView {
    const runs = [...latestRuns(this.runs).values()]
    const running = runs.filter((r) => r.status === 'InProgress')
    const lastStage = this.structure?.at(-1)
    const inLast = (r: ActionRun) => r.stageName === lastStage?.name
    const lastStageDone =
      lastStage !== undefined &&
      lastStage.actions.every((name) => runs.some((r) => inLast(r) && r.actionName === name && r.status === 'Succeeded'))
    const broken = runs.some((r) => r.status === 'Failed' || r.status === 'Abandoned')
    return {
      approvalWaiting: running.some(isApproval),
      suggestsEnd: broken || lastStageDone || (runs.length > 0 && running.length === 0),
      lastStageStartedAt: running.some(inLast)
        ? this.onRunnerClock(Math.min(...runs.filter(inLast).map((r) => r.startTime ?? Infinity)))
        : undefined
    }
  }
}
