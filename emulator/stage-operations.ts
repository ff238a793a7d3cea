// The V2 stage operations: rule executions, stage retry, stage rollback, and stage transitions.
import type { Execution, PipelineRuntime } from './engine.js'
import { executionNotFound, ServiceError } from './errors.js'
import { isRollbackTarget } from './rollback.js'
import { retryRefusal } from './retry.js'
import { ruleDetailView } from './stage-views.js'
import type { OperationInputs } from './inputs.js'

export interface StageOperationDeps {
  runtime(name: string, now: number): PipelineRuntime
  paginate<T>(items: T[], body: { maxResults?: number; nextToken?: string }, listing: string): { items: T[]; nextToken?: string }
  region(): string
}

interface Context {
  now: number
  callerArn: string
}

type StageOperationName =
  | 'ListRuleExecutions'
  | 'RetryStageExecution'
  | 'RollbackStage'
  | 'EnableStageTransition'
  | 'DisableStageTransition'
  | 'OverrideStageCondition'
type Operation<K extends StageOperationName> = (body: OperationInputs[K], ctx: Context) => object

function stageIndex(runtime: PipelineRuntime, name: string): number {
  const i = runtime.pipeline.stages.findIndex((s) => s.name === name)
  if (i < 0) throw new ServiceError('StageNotFoundException', `Pipeline '${runtime.pipeline.name}' has no stage named '${name}'`)
  return i
}

function execution(runtime: PipelineRuntime, id: string): Execution {
  const e = runtime.find(id)
  if (e === undefined) throw executionNotFound(runtime.pipeline.name, id)
  return e
}

const transition =
  (deps: StageOperationDeps, enabled: boolean): Operation<'EnableStageTransition' | 'DisableStageTransition'> =>
  (body, ctx) => {
    const runtime = deps.runtime(body.pipelineName, ctx.now)
    let i = stageIndex(runtime, body.stageName)
    // An Outbound transition of a stage is the inbound one of the stage after it.
    if (body.transitionType === 'Outbound') i += 1
    if (i >= runtime.pipeline.stages.length || i === 0)
      throw new ServiceError('ValidationException', `Stage '${body.stageName}' has no ${body.transitionType} transition`)
    runtime.setTransition(i, enabled, 'reason' in body ? body.reason : undefined, ctx.callerArn, ctx.now)
    return {}
  }

const listRuleExecutions =
  (deps: StageOperationDeps): Operation<'ListRuleExecutions'> =>
  (body, ctx) => {
    const runtime = deps.runtime(body.pipelineName, ctx.now)
    const filter = body.filter
    const executionId = filter?.pipelineExecutionId ?? filter?.latestInPipelineExecution?.pipelineExecutionId
    const executions = executionId === undefined ? runtime.executions : [execution(runtime, executionId)]
    const details = executions
      .flatMap((e) => e.ruleRuns)
      .sort((a, b) => b.startMs - a.startMs)
      .map((r) => ruleDetailView(runtime, r, deps.region()))
    const page = deps.paginate(details, body, `rules:${runtime.pipeline.name}:${executionId ?? '*'}`)
    return { ruleExecutionDetails: page.items, nextToken: page.nextToken }
  }

const retryStageExecution =
  (deps: StageOperationDeps): Operation<'RetryStageExecution'> =>
  (body, ctx) => {
    const runtime = deps.runtime(body.pipelineName, ctx.now)
    const i = stageIndex(runtime, body.stageName)
    // RetryStageExecution does not declare PipelineExecutionNotFoundException: an unknown id is not retryable.
    const e = runtime.find(body.pipelineExecutionId)
    if (e === undefined)
      throw new ServiceError('StageNotRetryableException', `Pipeline execution '${body.pipelineExecutionId}' does not exist`)
    const mode = body.retryMode
    const refusal = retryRefusal(runtime.executions, e, i, mode)
    if (refusal !== undefined) throw refusal
    if (e.mode !== 'PARALLEL' && runtime.occupied(i))
      throw new ServiceError('ConflictException', `Stage '${body.stageName}' is running another execution; retry when it is free`, 409)
    const staleMs = runtime.pipeline.staleReadAfterRetrySeconds * 1000
    if (staleMs > 0)
      e.staleRead = { status: e.status, statusSummary: e.statusSummary, lastUpdateMs: e.lastUpdateMs, untilMs: ctx.now + staleMs }
    runtime.retryManually(e, i, mode, ctx.now)
    return { pipelineExecutionId: e.id }
  }

/** The user guide: a source stage cannot be rolled back, and PARALLEL mode has no rollback. */
function rollbackRefusal(runtime: PipelineRuntime, i: number): string | undefined {
  const stage = runtime.pipeline.stages[i]
  if (stage?.actions.some((a) => a.category === 'Source')) return `Stage '${stage.name}' is a source stage, which cannot be rolled back`
  if (runtime.pipeline.executionMode === 'PARALLEL')
    return `Pipeline '${runtime.pipeline.name}' runs in PARALLEL mode, which does not support rollback`
  return undefined
}

const rollbackStage =
  (deps: StageOperationDeps): Operation<'RollbackStage'> =>
  (body, ctx) => {
    const runtime = deps.runtime(body.pipelineName, ctx.now)
    const i = stageIndex(runtime, body.stageName)
    const refusal = rollbackRefusal(runtime, i)
    if (refusal !== undefined) throw new ServiceError('UnableToRollbackStageException', refusal)
    const target = execution(runtime, body.targetPipelineExecutionId)
    if (!isRollbackTarget(target, i))
      throw new ServiceError(
        'PipelineExecutionOutdatedException',
        `Execution '${target.id}' did not succeed in stage '${body.stageName}' and cannot be a rollback target`
      )
    if (runtime.occupied(i) || runtime.executions.some((e) => e.inStage && e.stageIndex === i))
      throw new ServiceError('UnableToRollbackStageException', `Stage '${body.stageName}' is running; roll it back once it is idle`)
    return { pipelineExecutionId: runtime.rollback(i, target, 'ManualRollback', ctx.now, ctx.callerArn).id }
  }

const overrideStageCondition =
  (deps: StageOperationDeps): Operation<'OverrideStageCondition'> =>
  (body, ctx) => {
    const runtime = deps.runtime(body.pipelineName, ctx.now)
    const i = stageIndex(runtime, body.stageName)
    // OverrideStageCondition declares no not-found error: an unknown execution has no condition to override.
    const e = runtime.find(body.pipelineExecutionId)
    if (e === undefined)
      throw new ServiceError('ConditionNotOverridableException', `Pipeline execution '${body.pipelineExecutionId}' does not exist`)
    const newer = runtime.executions.slice(runtime.executions.indexOf(e) + 1).some((o) => o.stageStatus[i] !== undefined)
    if (newer) throw new ServiceError('NotLatestPipelineExecutionException', `A later execution ran stage '${body.stageName}'`)
    const kind = body.conditionType === 'BEFORE_ENTRY' ? 'beforeEntry' : 'onSuccess'
    const running = e.ruleRuns.some((r) => r.stageIndex === i && r.kind === kind && r.status === 'InProgress')
    // The user guide: a condition whose result is SKIP cannot be overridden.
    const skip = runtime.pipeline.stages[i]?.[kind].some((c) => c.result === 'SKIP') ?? false
    if (!running || skip || e.stageIndex !== i || !e.inStage)
      throw new ServiceError(
        'ConditionNotOverridableException',
        `No ${body.conditionType} condition of stage '${body.stageName}' can be overridden now`
      )
    runtime.overrideCondition(e, kind, ctx.now)
    return {}
  }

export function stageOperations(deps: StageOperationDeps): { [K in StageOperationName]: Operation<K> } {
  return {
    ListRuleExecutions: listRuleExecutions(deps),
    RetryStageExecution: retryStageExecution(deps),
    RollbackStage: rollbackStage(deps),
    EnableStageTransition: transition(deps, true),
    DisableStageTransition: transition(deps, false),
    OverrideStageCondition: overrideStageCondition(deps)
  }
}
