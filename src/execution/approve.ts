// input approve: the step answers the manual approvals it was told to, for its own execution only. The token
// comes from GetPipelineState, whose stage shows one execution at a time: an approval is answered only when
// that stage's latest execution is ours and the action's run there is the very run ListActionExecutions
// shows for our execution. Anything else (another execution's approval, one not listed) is left alone.
import type { ActionRun, ApprovalRequest, CodePipelinePort, StageView } from '../codepipeline/port.js'
import { isAbortError } from '../clock.js'
import type { PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import { ActionError, awsErrorName, errorMessage } from '../errors.js'
import type { Clock, Log } from '../ports.js'
import { isApproval, latestRuns } from '../report/progress.js'
import type { Execution } from './execution.js'

// Someone else answered first (the console, the CLI, another job): a fact to report, not a failure.
const ANSWERED_ELSEWHERE = new Set(['InvalidApprovalTokenException', 'ApprovalAlreadyCompletedException'])
// PutApprovalResult's summary is at most 512 characters.
const MAX_SUMMARY = 512

export interface ApproveDeps {
  port: Pick<CodePipelinePort, 'putApprovalResult'>
  log: Log
  clock: Clock
  /** GetPipelineState, read the way waits.ts reads it (undefined when it cannot be read). */
  stageViews(signal?: AbortSignal): Promise<StageView[] | undefined>
}

/** Who asks, for the approval's summary: the workflow run, the actor and the commit. */
export interface Approving {
  /** The `approve` input: `Stage.Action` or `Action` per entry. */
  approve: string[]
  runUrl: string
  actor?: string
  commitId?: string
}

/** Whether `Stage.Action` or `Action` of an entry names this run's action. */
export function listed(entries: readonly string[], run: Pick<ActionRun, 'stageName' | 'actionName'>): boolean {
  return entries.some((e) => e === run.actionName || e === `${run.stageName}.${run.actionName}`)
}

/** The summary CodePipeline keeps with the approval (shown in the console and the action's state). */
export function approvalSummary(who: Approving): string {
  const actor = who.actor ? ` by ${who.actor}` : ''
  const commit = who.commitId ? ` for commit ${who.commitId}` : ''
  return `Approved from GitHub Actions${actor}${commit}: ${who.runUrl}`.slice(0, MAX_SUMMARY)
}

/** The token of our execution's waiting approval, as GetPipelineState shows it; undefined when it shows another's. */
export function tokenFor(stages: StageView[], executionId: string, run: ActionRun): string | undefined {
  const stage = stages.find((s) => s.name === run.stageName)
  if (stage?.latest?.executionId !== executionId) return undefined
  const state = stage.actions?.find((a) => a.name === run.actionName)
  if (state?.status !== 'InProgress' || !state.token) return undefined
  // The action's latest run must be ours: the stage's latest execution alone could be a step behind.
  if (state.actionExecutionId !== undefined && state.actionExecutionId !== run.actionExecutionId) return undefined
  return state.token
}

const nameOf = (run: Pick<ActionRun, 'stageName' | 'actionName'>) => `${run.stageName}.${run.actionName}`

/** Answers the listed approvals of one execution as they come; remembers what it did, for the report. */
export class Approver {
  /** One line per approval the step answered or tried to, for the summary and the check run. */
  readonly told: string[] = []
  private readonly done = new Set<string>()
  private readonly approved = new Set<string>()

  constructor(
    private readonly deps: ApproveDeps,
    private readonly execution: Execution,
    private readonly who: Approving,
    /** The pipeline runs in PARALLEL mode (from its declaration). */
    private readonly parallel = false
  ) {}

  /** Whether every approval of ours that the last progress shows waiting is one the step approved. */
  approvedAll(runs: ActionRun[]): boolean {
    const waiting = [...latestRuns(runs).values()].filter((r) => isApproval(r) && r.status === 'InProgress')
    return waiting.length > 0 && waiting.every((r) => this.approved.has(r.actionExecutionId))
  }

  /** After a progress poll: approve each listed approval of ours that waits and was not tried yet. */
  async afterProgress(runs: ActionRun[], signal?: AbortSignal): Promise<void> {
    const waiting = [...latestRuns(runs).values()].filter(
      (r) => isApproval(r) && r.status === 'InProgress' && !this.done.has(r.actionExecutionId) && listed(this.who.approve, r)
    )
    if (waiting.length === 0) return
    // PARALLEL: GetPipelineState shows no token; the documented one is our run's externalExecutionId, ours by construction.
    if (this.parallel) {
      for (const run of waiting) if (run.externalExecutionId) await this.answer(run, run.externalExecutionId, signal)
      return
    }
    const stages = await this.deps.stageViews(signal)
    if (stages === undefined) return
    for (const run of waiting) {
      const token = tokenFor(stages, this.execution.executionId, run)
      // Not shown as ours yet (GetPipelineState can lag): the next progress poll asks again.
      if (token !== undefined) await this.answer(run, token, signal)
    }
  }

  private async answer(run: ActionRun, token: string, signal?: AbortSignal): Promise<void> {
    const { pipelineName, executionId } = this.execution
    const request: ApprovalRequest = {
      pipelineName,
      stageName: run.stageName,
      actionName: run.actionName,
      token,
      summary: approvalSummary(this.who)
    }
    try {
      await this.deps.port.putApprovalResult?.(request, signal)
    } catch (err) {
      if (isAbortError(err) || signal?.aborted) throw err
      return this.refused(run, err, signal)
    }
    this.done.add(run.actionExecutionId)
    this.approved.add(run.actionExecutionId)
    const line = `Approved ${nameOf(run)} of execution ${executionId} at ${new Date(this.deps.clock.now()).toISOString()} (${request.summary})`
    this.told.push(line)
    this.deps.log.info(line)
  }

  private async refused(run: ActionRun, err: unknown, signal?: AbortSignal): Promise<void> {
    const name = awsErrorName(err)
    if (ANSWERED_ELSEWHERE.has(name)) {
      this.done.add(run.actionExecutionId)
      const line = `${nameOf(run)} of execution ${this.execution.executionId} was already answered${await this.answeredBy(run, signal)}; the step did not answer it, and goes on following.`
      this.told.push(line)
      return this.deps.log.info(line)
    }
    if (name === 'AccessDeniedException' || name === 'AccessDenied') {
      this.done.add(run.actionExecutionId)
      const line = `Could not approve ${nameOf(run)}: ${errorMessage(err)} The approval waits for an answer in the console.`
      this.told.push(line)
      return this.deps.log.warning(line)
    }
    // Anything else (a throttle, an outage) is tried again after the next progress poll.
    this.deps.log.warning(`Could not approve ${nameOf(run)} yet (${errorMessage(err)}); trying again at the next poll.`)
  }

  /** Who answered instead, from the action's state (text from AWS: the Log port neutralises it). */
  private async answeredBy(run: ActionRun, signal?: AbortSignal): Promise<string> {
    const stages = await this.deps.stageViews(signal)
    const state = stages?.find((s) => s.name === run.stageName)?.actions?.find((a) => a.name === run.actionName)
    if (state === undefined || state.actionExecutionId !== run.actionExecutionId) return ''
    const by = state.lastUpdatedBy ? ` by ${state.lastUpdatedBy}` : ''
    const outcome = state.status === 'Succeeded' ? ' (approved)' : state.status === 'Failed' ? ' (rejected)' : ''
    const comment = state.summary ? `: "${state.summary}"` : ''
    return `${by}${outcome}${comment}`
  }
}

/** What the main step knows that an approver needs. */
export interface ApproverContext {
  settings: { approve: string[] }
  port: ApproveDeps['port']
  log: Log
  clock: Clock
  /** The workflow run's URL (and attempt). */
  workflowRun: string
  github: { actor?: string }
}

/** An approver for the execution the step follows, when the approve input lists any approval. */
export function approverFor(
  ctx: ApproverContext,
  execution: Execution,
  views: { stageViews(signal?: AbortSignal): Promise<StageView[] | undefined> },
  source: { commitId?: string; pipeline?: PipelineDeclaration }
): Approver | undefined {
  if (ctx.settings.approve.length === 0) return undefined
  const deps = { port: ctx.port, log: ctx.log, clock: ctx.clock, stageViews: (signal?: AbortSignal) => views.stageViews(signal) }
  const who = { approve: ctx.settings.approve, runUrl: ctx.workflowRun, actor: ctx.github.actor, commitId: source.commitId || undefined }
  return new Approver(deps, execution, who, source.pipeline?.executionMode === 'PARALLEL')
}

/** Before the start, when discovery read the declaration anyway: an entry that names no approval action is a typo. */
export function checkApprovals(entries: readonly string[], pipeline: PipelineDeclaration | undefined): void {
  if (pipeline === undefined || entries.length === 0) return
  const approvals = (pipeline.stages ?? []).flatMap((s) =>
    (s.actions ?? [])
      .filter((a) => a.actionTypeId?.category === 'Approval')
      .map((a) => ({ stageName: s.name ?? '', actionName: a.name ?? '' }))
  )
  const unknown = entries.find((e) => !approvals.some((a) => listed([e], a)))
  if (unknown === undefined) return
  const list = approvals.length > 0 ? `its approval actions are ${approvals.map(nameOf).join(', ')}` : 'it has no approval action'
  throw new ActionError(
    `approve: ${unknown} is not a manual approval action of pipeline ${pipeline.name ?? ''} (${list}); fix or remove the line.`
  )
}
