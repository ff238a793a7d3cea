// Runs a pipeline's executions on the clock. Nothing moves by itself: every request first calls
// advanceTo(now), which replays what came due since the last call (action and rule completions, retries,
// abandons), in time order, so the outcome depends only on the clock readings and never on timers.
import { ServiceError } from './errors.js'
import { isActive, latestRuns, type ActionRun, type Execution, type ExecutionStatus, type NewExecution, type StageStatus } from './model.js'
import { conditionOutcome, startConditions } from './rules.js'
import { rollbackTarget, rollbackExecution } from './rollback.js'
import { AUTO_RETRY_DELAY_MS, actionsToRetry, noteRetry } from './retry.js'
import type { Action, Pipeline, Stage } from './spec.js'
import { actionRun, blankExecution, nextEvent } from './runs.js'
import { Transitions } from './transitions.js'

export type * from './model.js'

/** The user guide: an abandoned execution "is in a Stopping state for a very short time" before Stopped. */
export const ABANDON_MS = 500

export class PipelineRuntime {
  readonly executions: Execution[] = [] // oldest first
  readonly version = 1
  readonly transitions: Transitions
  private readonly occupant: (Execution | undefined)[]
  private readonly waiting: Execution[][]

  constructor(
    readonly pipeline: Pipeline,
    readonly createdMs: number,
    history: Execution[]
  ) {
    this.occupant = pipeline.stages.map(() => undefined)
    this.waiting = pipeline.stages.map(() => [])
    this.transitions = new Transitions(pipeline, createdMs)
    this.executions.push(...history)
  }

  find(id: string): Execution | undefined {
    return this.executions.find((e) => e.id === id)
  }

  /** The executions waiting to enter a stage, first in line first (GetPipelineState's inboundExecution(s)). */
  inbound(stageIndex: number): readonly Execution[] {
    return this.queueAt(stageIndex)
  }

  private stageAt(index: number): Stage {
    const stage = this.pipeline.stages[index]
    if (!stage) throw new Error(`emulator: pipeline ${this.pipeline.name} has no stage ${index}`)
    return stage
  }

  private queueAt(index: number): Execution[] {
    return (this.waiting[index] ??= [])
  }

  occupied(stageIndex: number): boolean {
    return this.occupant[stageIndex] !== undefined
  }

  advanceTo(now: number): void {
    for (;;) {
      const active = this.executions.filter(isActive)
      const due = Math.min(...active.map(nextEvent))
      if (!(due <= now)) return
      for (const e of active) this.settle(e, due)
    }
  }

  /** Everything of one execution that comes due at `t`. */
  private settle(e: Execution, t: number): void {
    if (e.abandonedUntilMs === t) {
      e.abandonedUntilMs = undefined
      return this.finish(e, t, 'Stopped', e.stopReason || undefined, 'Stopped')
    }
    if (e.retryAtMs === t) {
      e.retryAtMs = undefined
      return this.retry(e, 'AutomatedStageRetry', t)
    }
    const actions = e.runs.filter((r) => r.status === 'InProgress' && r.endMs === t)
    for (const r of actions) r.status = r.outcome
    const rules = e.ruleRuns.filter((r) => r.status === 'InProgress' && r.endMs === t)
    for (const r of rules) r.status = r.rule.outcome
    if (actions.length + rules.length > 0) e.lastUpdateMs = t
    if (actions.length > 0 && !e.runs.some((r) => r.status === 'InProgress')) this.groupSettled(e, t)
    if (rules.length > 0 && !e.ruleRuns.some((r) => r.status === 'InProgress')) this.conditionsSettled(e, t)
  }

  start(request: NewExecution, now: number): Execution {
    const e = blankExecution(this.pipeline.executionMode, now, request)
    this.executions.push(e)
    this.request(e, now)
    return e
  }

  /** RollbackStage, or an automatic rollback: a new ROLLBACK execution redeploys the target's revisions in one stage. */
  rollback(stageIndex: number, target: Execution, trigger: 'AutomatedRollback' | 'ManualRollback', t: number, by: string): Execution {
    const e = rollbackExecution(
      blankExecution(this.pipeline.executionMode, t, { variables: target.variables, revisions: target.revisions, triggerDetail: by }),
      target,
      stageIndex,
      trigger
    )
    this.executions.push(e)
    this.request(e, t)
    return e
  }

  stop(e: Execution, now: number, abandon: boolean, reason: string): void {
    // The model: a stop-and-wait, or an abandon, cannot be asked twice; a stop-and-wait can still be abandoned.
    if (e.status === 'Stopping' && (!abandon || e.abandonedUntilMs !== undefined))
      throw new ServiceError(
        'DuplicatedStopRequestException',
        abandon
          ? `Execution '${e.id}' is already being abandoned.`
          : `Execution '${e.id}' is already being stopped. To stop it at once, stop it again with abandon.`
      )
    if (!isActive(e))
      throw new ServiceError('PipelineExecutionNotStoppableException', `Execution '${e.id}' is ${e.status} and cannot be stopped.`)
    e.stopReason = reason
    e.retryAtMs = undefined
    // Rules are checks, not work: a stop ends them at once.
    for (const r of e.ruleRuns.filter((r) => r.status === 'InProgress')) Object.assign(r, { status: 'Abandoned', endMs: now })
    const running = e.runs.filter((r) => r.status === 'InProgress')
    if (running.length === 0) return this.finish(e, now, 'Stopped', reason || undefined, 'Stopped')
    if (abandon) {
      for (const r of running) Object.assign(r, { status: 'Abandoned', endMs: now })
      e.abandonedUntilMs = now + ABANDON_MS
    }
    e.status = 'Stopping'
    e.statusSummary = reason || undefined // the stop reason shows while it stops, as it does once Stopped
    e.stageStatus[e.stageIndex] = 'Stopping'
    e.lastUpdateMs = now
  }

  /** RetryStageExecution: the failed or stopped stage runs again under the same execution id. */
  retryManually(e: Execution, stageIndex: number, mode: 'FAILED_ACTIONS' | 'ALL_ACTIONS', t: number): void {
    e.status = 'InProgress'
    e.statusSummary = undefined
    e.stopReason = undefined
    e.stageIndex = stageIndex
    this.retry(e, 'ManualStageRetry', t, mode)
  }

  /** PutApprovalResult, or an answer in the console: the approval ends now, and with it maybe its group. */
  endApproval(e: Execution, run: ActionRun, outcome: 'Succeeded' | 'Failed', t: number): void {
    Object.assign(run, { status: outcome, outcome, endMs: t })
    e.lastUpdateMs = t
    if (!e.runs.some((r) => r.status === 'InProgress')) this.groupSettled(e, t)
  }

  /** OverrideStageCondition: the running entry or success condition is set aside and the stage goes on. */
  overrideCondition(e: Execution, kind: 'beforeEntry' | 'onSuccess', t: number): void {
    for (const r of e.ruleRuns.filter((r) => r.status === 'InProgress'))
      Object.assign(r, { status: 'Abandoned', endMs: t, overridden: true })
    e.lastUpdateMs = t
    if (kind === 'beforeEntry') this.startActions(e, t)
    else this.stageDone(e, t, 'Succeeded')
  }

  setTransition(stageIndex: number, enabled: boolean, reason: string | undefined, by: string, t: number): void {
    this.transitions.set(stageIndex, enabled, reason, by, t)
    if (enabled) this.drain(stageIndex, t)
  }

  /** Every action of the current runOrder group has ended. */
  private groupSettled(e: Execution, t: number): void {
    // A stop requested while actions ran wins over their outcome: the execution ends Stopped even when one fails.
    if (e.status === 'Stopping') return this.finish(e, t, 'Stopped', e.stopReason || undefined, 'Stopped')
    const stage = this.stageAt(e.stageIndex)
    const group = latestRuns(e, e.stageIndex).filter((r) => r.action.runOrder === e.runOrder)
    const failed = group.find((r) => r.status === 'Failed')
    if (failed !== undefined) {
      const why = failed.errorMessage ?? failed.action.errorMessage ?? failed.action.summary ?? 'the action failed'
      return this.stageFailed(e, t, `Action '${failed.action.name}' in stage '${stage.name}' failed: ${why}`)
    }
    const later = stage.actions.map((a) => a.runOrder).filter((o) => o > e.runOrder)
    if (later.length > 0) return this.startGroup(e, Math.min(...later), t, stage.actions)
    if (stage.onSuccess.length > 0 && e.type === 'STANDARD') {
      e.phase = 'success'
      return startConditions(e, stage, e.stageIndex, 'onSuccess', t)
    }
    this.stageDone(e, t, 'Succeeded')
  }

  /** Every rule of the stage's entry or success conditions has ended. */
  private conditionsSettled(e: Execution, t: number): void {
    const stage = this.stageAt(e.stageIndex)
    const kind = e.phase === 'entry' ? 'beforeEntry' : 'onSuccess'
    const outcome = conditionOutcome(e, stage, e.stageIndex, kind)
    if (outcome === undefined) return kind === 'beforeEntry' ? this.startActions(e, t) : this.stageDone(e, t, 'Succeeded')
    if (outcome.result === 'SKIP') return this.stageDone(e, t, 'Skipped')
    if (outcome.result === 'ROLLBACK') return this.failAndRollBack(e, t, outcome.summary)
    this.finish(e, t, 'Failed', outcome.summary, 'Failed')
  }

  private stageFailed(e: Execution, t: number, summary: string): void {
    const onFailure = this.stageAt(e.stageIndex).onFailure
    const retries = e.retries[e.stageIndex]
    // The user guide: an automatic stage retry is attempted once.
    if (onFailure?.result === 'RETRY' && (retries?.auto ?? 0) === 0 && e.type === 'STANDARD') {
      e.stageStatus[e.stageIndex] = 'Failed'
      e.statusSummary = summary
      e.retryAtMs = t + AUTO_RETRY_DELAY_MS
      return
    }
    if (onFailure?.result === 'ROLLBACK') return this.failAndRollBack(e, t, summary)
    this.finish(e, t, 'Failed', summary, 'Failed')
  }

  private failAndRollBack(e: Execution, t: number, summary: string): void {
    const stageIndex = e.stageIndex
    this.finish(e, t, 'Failed', summary, 'Failed')
    const target = e.type === 'STANDARD' ? rollbackTarget(this.executions, e, stageIndex) : undefined
    if (target !== undefined) this.rollback(stageIndex, target, 'AutomatedRollback', t, 'arn:aws:codepipeline:automated-rollback')
  }

  private retry(
    e: Execution,
    trigger: 'AutomatedStageRetry' | 'ManualStageRetry',
    t: number,
    mode?: 'FAILED_ACTIONS' | 'ALL_ACTIONS'
  ): void {
    const stage = this.stageAt(e.stageIndex)
    noteRetry(e, e.stageIndex, trigger)
    const actions = actionsToRetry(e, stage, mode ?? stage.onFailure?.retryMode ?? 'FAILED_ACTIONS')
    if (this.occupant[e.stageIndex] !== e && e.mode !== 'PARALLEL') this.occupant[e.stageIndex] = e
    e.inStage = true
    e.phase = 'actions'
    e.statusSummary = undefined
    e.stageStatus[e.stageIndex] = 'InProgress'
    this.startGroup(e, Math.min(...actions.map((a) => a.runOrder)), t, actions)
  }

  /** The stage ended well (Succeeded) or was skipped by an entry condition: on to the next stage. */
  private stageDone(e: Execution, t: number, status: 'Succeeded' | 'Skipped'): void {
    e.stageStatus[e.stageIndex] = status
    this.leaveStage(e, t)
    e.stageIndex += 1
    if (e.stageIndex === this.pipeline.stages.length || e.onlyStage !== undefined) {
      e.status = 'Succeeded'
      e.lastUpdateMs = t
      return
    }
    this.request(e, t)
  }

  private finish(e: Execution, t: number, status: ExecutionStatus, summary: string | undefined, stage: StageStatus): void {
    e.status = status
    e.statusSummary = summary
    e.lastUpdateMs = t
    e.retryAtMs = undefined
    e.abandonedUntilMs = undefined // an ended abandon must not end a later retry of this execution
    if (e.inStage) {
      e.stageStatus[e.stageIndex] = stage
      this.leaveStage(e, t)
    } else {
      const queue = this.queueAt(e.stageIndex)
      const at = queue.indexOf(e)
      if (at >= 0) queue.splice(at, 1)
    }
  }

  /**
   * An execution wants to enter its next stage. In SUPERSEDED and QUEUED a stage holds one execution at a time;
   * a disabled inbound transition holds every mode back.
   */
  private request(e: Execution, t: number): void {
    const i = e.stageIndex
    const queue = this.queueAt(i)
    const open = this.transitions.enabled(i)
    if (open && (e.mode === 'PARALLEL' || (this.occupant[i] === undefined && queue.length === 0))) return this.enter(e, t)
    if (e.mode === 'SUPERSEDED') {
      for (const older of queue.splice(0)) {
        older.status = 'Superseded'
        older.statusSummary = `Superseded by execution ${e.id}`
        older.lastUpdateMs = t
      }
    }
    queue.push(e)
  }

  /** Lets waiting executions in while the transition is open and the stage has room. */
  private drain(i: number, t: number): void {
    const queue = this.queueAt(i)
    for (let next = queue[0]; next !== undefined; next = queue[0]) {
      if (!this.transitions.enabled(i) || (next.mode !== 'PARALLEL' && this.occupant[i] !== undefined)) return
      queue.shift()
      this.enter(next, t)
    }
  }

  private enter(e: Execution, t: number): void {
    if (e.mode !== 'PARALLEL') this.occupant[e.stageIndex] = e
    e.inStage = true
    e.stageStatus[e.stageIndex] = 'InProgress'
    const stage = this.stageAt(e.stageIndex)
    if (stage.beforeEntry.length > 0 && e.type === 'STANDARD') {
      e.phase = 'entry'
      e.lastUpdateMs = t
      return startConditions(e, stage, e.stageIndex, 'beforeEntry', t)
    }
    this.startActions(e, t)
  }

  private startActions(e: Execution, t: number): void {
    const actions = this.stageAt(e.stageIndex).actions
    e.phase = 'actions'
    this.startGroup(e, Math.min(...actions.map((a) => a.runOrder)), t, actions)
  }

  private leaveStage(e: Execution, t: number): void {
    const i = e.stageIndex
    e.inStage = false
    if (this.occupant[i] === e) this.occupant[i] = undefined
    this.drain(i, t)
  }

  /** Starts the `runOrder` group among `actions` (all of the stage's, or those a retry runs again). */
  private startGroup(e: Execution, runOrder: number, t: number, actions: Action[]): void {
    e.runOrder = runOrder
    e.lastUpdateMs = t
    const stage = this.stageAt(e.stageIndex)
    for (const action of actions.filter((a) => a.runOrder === runOrder)) e.runs.push(actionRun(e, stage, action, t))
  }
}
