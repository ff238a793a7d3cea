// Why the execution is waiting, when no action of it runs and CodePipeline still says InProgress: queued
// behind other executions, held by a disabled transition, checking an entry condition, baking in a success
// condition, or about to retry a failed stage. One GetPipelineState tells; it is asked only then, and again
// only when the progress changed or a minute passed, so an ordinary run never pays for it. Each explanation
// is logged once, when the wait starts and when it changes. Text from AWS (rule summaries, disabled reasons)
// goes through the Log port, which neutralises it.
import type { ActionRun, CodePipelinePort, StageView } from '../codepipeline/port.js'
import { awsErrorName, errorMessage } from '../errors.js'
import type { Clock, Log } from '../ports.js'
import { attemptNumbers, isApproval, latestRuns, retryKey } from './progress.js'

// A wait that lasts is looked at again this often (its queue position or rule may change).
export const RECHECK_MS = 60_000
// An execution with no action yet is only "waiting" after this long: Source starts within seconds.
export const FIRST_ACTION_GRACE_MS = 10_000

export interface WaitExplanation {
  text: string
  /** Nothing will move soon (queue, transition, condition): poll at the slow pace. */
  long: boolean
  skipped?: string
}

export interface WaitDeps {
  port: Pick<CodePipelinePort, 'getStageViews'>
  log: Log
  clock: Clock
}

const runsKey = (runs: ActionRun[]): string => runs.map((r) => `${r.actionExecutionId}:${r.status}`).join(',')

function rulesText(rules: StageView['entry']): string {
  const checking = (rules?.rules ?? []).filter((r) => r.status === 'InProgress')
  const shown = (checking.length > 0 ? checking : (rules?.rules ?? [])).map(
    (r) => `rule ${r.name}${r.summary ? ` (${r.summary})` : ''}${r.url ? `: ${r.url}` : ''}`
  )
  return shown.length > 0 ? shown.join('; ') : 'its rules'
}

/** The explanation GetPipelineState gives for execution `id`, or undefined when it shows nothing to explain. */
export function explainWait(stages: StageView[], id: string, runs: ActionRun[]): WaitExplanation | undefined {
  const here = stages.find((s) => s.latest?.executionId === id && s.latest.status !== 'Succeeded' && s.latest.status !== 'Skipped')
  if (here !== undefined) {
    if (here.entry?.status === 'InProgress')
      return { text: `Stage ${here.name} waits for its entry condition: ${rulesText(here.entry)}`, long: true }
    if (here.success?.status === 'InProgress')
      return { text: `Stage ${here.name}'s actions are done; its success condition is baking: ${rulesText(here.success)}`, long: true }
    if (here.latest?.status === 'Failed') {
      // Failed stage, execution still InProgress: CodePipeline retries it automatically (once, as documented).
      const failed = [...latestRuns(runs).values()].filter((r) => r.stageName === here.name && r.status === 'Failed')
      const names = failed.map((r) => `${r.stageName} / ${r.actionName}`).join(', ') || `Stage ${here.name}`
      const attempt = (here.retry?.auto ?? 0) + 1
      return { text: `${names} failed, attempt ${attempt} of 2; CodePipeline retries the stage`, long: false }
    }
  }
  const target = stages.find((s) => s.inbound.includes(id))
  if (target === undefined) return undefined
  if (!target.transition.enabled)
    return {
      text: `Waiting before stage ${target.name}: its inbound transition is disabled${target.transition.reason ? ` (reason: ${target.transition.reason})` : ''}; it continues once someone enables it`,
      long: true
    }
  const ahead = target.inbound.indexOf(id)
  const running = target.latest?.status === 'InProgress' && target.latest.executionId !== id ? 1 : 0
  const behind = ahead + running
  const who = running === 1 ? ` (execution ${target.latest?.executionId} is in it)` : ''
  // Not a long wait: the queue moves whenever the stage frees up, and in SUPERSEDED mode a newer execution
  // may supersede this one at any moment; the usual pace sees either soon.
  return { text: `Queued before stage ${target.name} behind ${behind} execution${behind === 1 ? '' : 's'}${who}`, long: false }
}

/** Says why the execution waits, at most once per change; tells the poll planner when the wait is a long one. */
export class WaitExplainer {
  private said = ''
  /** The progress when the wait in force was explained: it holds while the progress stays as it was. */
  private saidFor: string | undefined
  private checkedAt = -Infinity
  private checkedRuns: string | undefined
  private longFor: string | undefined
  private unavailable = false
  readonly skipped = new Set<string>()
  /** Every explanation given, in order, for the job summary. */
  readonly told: string[] = []
  /** Who retried which stage and attempt (retryKey), from GetPipelineState's retryStageMetadata. */
  readonly retryTriggers = new Map<string, string>()
  /** Called after a new explanation was given (the live check run listens). */
  onChange: (() => void) | undefined

  constructor(
    private readonly deps: WaitDeps,
    private readonly pipelineName: string,
    private readonly executionId: string,
    private readonly startedAt: number
  ) {}

  /** Why it waits now, if it does: the last explanation, while the progress is what it was then. */
  current(runs: ActionRun[]): string | undefined {
    return this.saidFor !== undefined && this.saidFor === runsKey(runs) ? this.said : undefined
  }

  /** A long wait holds while the progress is what it was when explained. */
  longWait(runs: ActionRun[]): boolean {
    return this.longFor !== undefined && this.longFor === runsKey(runs)
  }

  /** After a status call found the execution still going: explain, if nothing of it runs. */
  async afterStatus(runs: ActionRun[], signal?: AbortSignal): Promise<void> {
    const latest = [...latestRuns(runs).values()]
    const now = this.deps.clock.now()
    if (this.unavailable || this.deps.port.getStageViews === undefined) return
    if (latest.some((r) => r.status === 'InProgress' && !isApproval(r))) return
    if (latest.some(isApproval) && latest.some((r) => r.status === 'InProgress')) return // progress says it
    if (latest.length === 0 && now - this.startedAt < FIRST_ACTION_GRACE_MS) return
    const key = runsKey(runs)
    if (key === this.checkedRuns && now - this.checkedAt < RECHECK_MS) return
    this.checkedRuns = key
    this.checkedAt = now
    const stages = await this.stageViews(signal)
    if (stages === undefined) return
    for (const s of stages) if (s.latest?.executionId === this.executionId && s.latest.status === 'Skipped') this.skipped.add(s.name)
    const why = explainWait(stages, this.executionId, runs)
    this.longFor = why?.long ? key : undefined
    this.saidFor = why === undefined ? undefined : key
    if (why === undefined || why.text === this.said) return
    this.said = why.text
    this.told.push(why.text)
    this.deps.log.info(why.text)
    this.onChange?.()
  }

  /**
   * Before a progress update shows a retried stage's runs: who retried it (latestRetryTrigger), asked once per new
   * attempt, and only then, so a run without retries never pays for it.
   */
  async learnRetries(runs: ActionRun[], signal?: AbortSignal): Promise<void> {
    if (this.unavailable || this.deps.port.getStageViews === undefined) return
    const attempts = attemptNumbers(runs)
    const unknown = runs
      .map((r) => ({ stage: r.stageName, attempt: attempts.get(r.actionExecutionId) ?? 1 }))
      .filter(({ stage, attempt }) => attempt > 1 && !this.retryTriggers.has(retryKey(stage, attempt)))
    if (unknown.length === 0) return
    const stages = await this.stageViews(signal)
    for (const { stage, attempt } of unknown) {
      const view = stages?.find((s) => s.name === stage && s.latest?.executionId === this.executionId)
      // Not told (or not readable): said as a plain "attempt 2", and not asked again.
      this.retryTriggers.set(retryKey(stage, attempt), view?.retry?.latest ?? '')
    }
  }

  /** GetPipelineState; without the permission, waits go unexplained (said once), as progress does without its own. */
  async stageViews(signal?: AbortSignal): Promise<StageView[] | undefined> {
    try {
      return await this.deps.port.getStageViews?.(this.pipelineName, signal)
    } catch (err) {
      if (signal?.aborted) throw err
      if (awsErrorName(err) === 'AccessDeniedException') {
        this.unavailable = true
        this.deps.log.warning(`Waits will not be explained: ${errorMessage(err)}`)
      } else this.deps.log.debug(`Could not read the pipeline's state: ${errorMessage(err)}`)
      return undefined
    }
  }
}
