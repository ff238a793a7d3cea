// Runs a pipeline's executions on the clock. Nothing moves by itself: every request first calls
// advanceTo(now), which replays the action completions due since the last call, in time order, so the
// outcome depends only on the clock readings and never on timers or request timing.
import { randomUUID } from 'node:crypto'
import { ServiceError } from './errors.js'
import type { Action, Pipeline, Stage } from './spec.js'
import type { ExecutionMode } from './types.js'

export type ExecutionStatus = 'InProgress' | 'Stopping' | 'Stopped' | 'Succeeded' | 'Failed' | 'Superseded' | 'Cancelled'
export type StageStatus = 'InProgress' | 'Stopping' | 'Stopped' | 'Succeeded' | 'Failed' | 'Cancelled'
export type ActionStatus = 'InProgress' | 'Abandoned' | 'Succeeded' | 'Failed'

export interface ActionRun {
  id: string
  executionId: string
  stageIndex: number
  stage: Stage
  action: Action
  status: ActionStatus
  startMs: number
  endMs: number // planned while InProgress, actual afterwards
  externalExecutionId: string
}

export interface SourceRevision {
  actionName: string
  revisionId: string
  summary: string
  url?: string
  createdMs: number
}

export interface Execution {
  id: string
  status: ExecutionStatus
  statusSummary?: string
  mode: ExecutionMode
  startMs: number
  lastUpdateMs: number
  variables: { name: string; resolvedValue: string }[]
  revisions: SourceRevision[]
  /** How it was started: StartPipelineExecution unless a trigger started it (triggers.ts). */
  triggerType?: string
  triggerDetail: string
  stopReason?: string // set once a stop was requested; '' when no reason was given
  stageIndex: number // the stage it is in, or waiting to enter
  inStage: boolean
  runOrder: number // the runOrder group running in its stage
  runs: ActionRun[]
  stageStatus: (StageStatus | undefined)[]
}

export interface NewExecution {
  /** Given when the id was promised before the start (a scheduled trigger). */
  id?: string
  variables: Execution['variables']
  revisions: SourceRevision[]
  triggerType?: string
  triggerDetail: string
}

const isActive = (e: Execution): boolean => e.status === 'InProgress' || e.status === 'Stopping'

export class PipelineRuntime {
  readonly executions: Execution[] = [] // oldest first
  readonly version = 1
  private readonly occupant: (Execution | undefined)[]
  private readonly waiting: Execution[][]

  constructor(
    readonly pipeline: Pipeline,
    readonly createdMs: number,
    history: Execution[]
  ) {
    this.occupant = pipeline.stages.map(() => undefined)
    this.waiting = pipeline.stages.map(() => [])
    this.executions.push(...history)
  }

  find(id: string): Execution | undefined {
    return this.executions.find((e) => e.id === id)
  }

  /** The execution waiting to enter a stage, if any (GetPipelineState's inboundExecution). */
  inbound(stageIndex: number): Execution | undefined {
    return this.queueAt(stageIndex)[0]
  }

  private stageAt(index: number): Stage {
    const stage = this.pipeline.stages[index]
    if (!stage) throw new Error(`emulator: pipeline ${this.pipeline.name} has no stage ${index}`)
    return stage
  }

  private queueAt(index: number): Execution[] {
    return (this.waiting[index] ??= [])
  }

  advanceTo(now: number): void {
    for (;;) {
      const active = this.executions.filter(isActive)
      let due = Infinity
      for (const e of active) for (const r of e.runs) if (r.status === 'InProgress' && r.endMs < due) due = r.endMs
      if (due > now) return
      const settled: Execution[] = []
      for (const e of active) {
        const ending = e.runs.filter((r) => r.status === 'InProgress' && r.endMs === due)
        for (const r of ending) r.status = r.action.outcome
        if (ending.length > 0) e.lastUpdateMs = due
        if (ending.length > 0 && !e.runs.some((r) => r.status === 'InProgress')) settled.push(e)
      }
      for (const e of settled) this.groupSettled(e, due)
    }
  }

  start({ id = randomUUID(), ...request }: NewExecution, now: number): Execution {
    const e: Execution = {
      id,
      status: 'InProgress',
      mode: this.pipeline.executionMode,
      startMs: now,
      lastUpdateMs: now,
      ...request,
      stageIndex: 0,
      inStage: false,
      runOrder: 0,
      runs: [],
      stageStatus: []
    }
    this.executions.push(e)
    this.request(e, now)
    return e
  }

  stop(e: Execution, now: number, abandon: boolean, reason: string): void {
    if (e.status === 'Stopping' && !abandon)
      throw new ServiceError(
        'DuplicatedStopRequestException',
        `Execution '${e.id}' is already being stopped. To stop it at once, stop it again with abandon.`
      )
    if (!isActive(e))
      throw new ServiceError('PipelineExecutionNotStoppableException', `Execution '${e.id}' is ${e.status} and cannot be stopped.`)
    e.stopReason = reason
    const running = e.runs.filter((r) => r.status === 'InProgress')
    if (abandon || running.length === 0) {
      for (const r of running) Object.assign(r, { status: 'Abandoned', endMs: now })
      this.finish(e, now, 'Stopped', reason || undefined, 'Stopped')
      return
    }
    e.status = 'Stopping'
    e.stageStatus[e.stageIndex] = 'Stopping'
    e.lastUpdateMs = now
  }

  /** Every action of the current runOrder group has ended. */
  private groupSettled(e: Execution, t: number): void {
    const stage = this.stageAt(e.stageIndex)
    const group = e.runs.filter((r) => r.stageIndex === e.stageIndex && r.action.runOrder === e.runOrder)
    const failed = group.find((r) => r.status === 'Failed')
    if (failed !== undefined) {
      const why = failed.action.errorMessage ?? failed.action.summary ?? 'the action failed'
      return this.finish(e, t, 'Failed', `Action '${failed.action.name}' in stage '${stage.name}' failed: ${why}`, 'Failed')
    }
    if (e.status === 'Stopping') return this.finish(e, t, 'Stopped', e.stopReason || undefined, 'Stopped')
    const later = stage.actions.map((a) => a.runOrder).filter((o) => o > e.runOrder)
    if (later.length > 0) return this.startGroup(e, Math.min(...later), t)
    e.stageStatus[e.stageIndex] = 'Succeeded'
    this.leaveStage(e, t)
    e.stageIndex += 1
    if (e.stageIndex === this.pipeline.stages.length) {
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
    if (e.inStage) {
      e.stageStatus[e.stageIndex] = stage
      this.leaveStage(e, t)
    } else {
      const queue = this.queueAt(e.stageIndex)
      const at = queue.indexOf(e)
      if (at >= 0) queue.splice(at, 1)
    }
  }

  /** An execution wants to enter its next stage; in SUPERSEDED and QUEUED a stage holds one execution at a time. */
  private request(e: Execution, t: number): void {
    const i = e.stageIndex
    const queue = this.queueAt(i)
    if (e.mode === 'PARALLEL' || (this.occupant[i] === undefined && queue.length === 0)) return this.enter(e, t)
    if (e.mode === 'SUPERSEDED') {
      for (const older of queue.splice(0)) {
        older.status = 'Superseded'
        older.statusSummary = `Superseded by execution ${e.id}`
        older.lastUpdateMs = t
      }
    }
    queue.push(e)
  }

  private enter(e: Execution, t: number): void {
    if (e.mode !== 'PARALLEL') this.occupant[e.stageIndex] = e
    e.inStage = true
    e.stageStatus[e.stageIndex] = 'InProgress'
    const orders = this.stageAt(e.stageIndex).actions.map((a) => a.runOrder)
    this.startGroup(e, Math.min(...orders), t)
  }

  private leaveStage(e: Execution, t: number): void {
    const i = e.stageIndex
    e.inStage = false
    if (this.occupant[i] !== e) return
    this.occupant[i] = undefined
    const next = this.queueAt(i).shift()
    if (next !== undefined) this.enter(next, t)
  }

  private startGroup(e: Execution, runOrder: number, t: number): void {
    e.runOrder = runOrder
    e.lastUpdateMs = t
    const stage = this.stageAt(e.stageIndex)
    for (const action of stage.actions.filter((a) => a.runOrder === runOrder)) {
      e.runs.push({
        id: randomUUID(),
        executionId: e.id,
        stageIndex: e.stageIndex,
        stage,
        action,
        status: 'InProgress',
        startMs: t,
        endMs: t + action.durationMs,
        externalExecutionId: externalId(action, e)
      })
    }
  }
}

function externalId(action: Action, e: Execution): string {
  if (action.category === 'Source') return e.revisions.find((r) => r.actionName === action.name)?.revisionId ?? randomUUID()
  if (action.provider === 'CodeBuild') return `${action.configuration.ProjectName ?? action.name}:${randomUUID()}`
  return randomUUID()
}
