// The CodePipeline operations, on validated input. Each advances its pipeline to "now" first.
import { answerInConsole, putApprovalResult, type ApprovalAnswer } from './approvals.js'
import { PipelineRuntime } from './engine.js'
import { executionNotFound, invalidNextToken, pipelineNotFound, ServiceError } from './errors.js'
import { historyExecutions, newExecution } from './executions.js'
import { normalizePipeline } from './spec.js'
import type { OperationInputs, OperationName, RequestBody } from './inputs.js'
import { TriggerSchedule, type TriggerRequest } from './triggers.js'
import type { SourceWorld } from './sources.js'
import type { Action } from './spec.js'
import { stageOperations } from './stage-operations.js'
import type { PipelineSpec } from './types.js'
import { actionDetailView, asRead, executionView, pipelineView, stateView, summaryView } from './views.js'

export interface RequestContext {
  now: number
  callerArn: string
  /** An emptyPage fault fired: GetLogEvents answers a forward read with an empty page (logs.ts). */
  emptyPage?: boolean
}

export interface ConsoleApproval extends ApprovalAnswer {
  pipelineName: string
  stageName: string
  actionName: string
}

export type Operations = { [K in OperationName]: (body: OperationInputs[K], ctx: RequestContext) => object }

export class PipelineStore {
  private readonly pipelines = new Map<string, PipelineRuntime>()
  /** clientRequestToken → execution id, per pipeline. */
  private readonly tokens = new Map<string, string>()
  private readonly triggers: TriggerSchedule

  constructor(
    readonly region: string,
    private readonly world: SourceWorld = { region }
  ) {
    this.triggers = new TriggerSchedule(world)
  }

  add(spec: PipelineSpec, now: number): void {
    const pipeline = normalizePipeline(spec)
    const runtime = new PipelineRuntime(pipeline, now, historyExecutions(pipeline, now))
    for (const trigger of spec.triggers ?? []) this.triggers.schedule(runtime, trigger, now)
    this.pipelines.set(pipeline.name, runtime)
  }

  /** Schedules an execution as the pipeline's own trigger would start it; returns its id-to-be. */
  trigger({ pipelineName, ...spec }: TriggerRequest, now: number): string {
    return this.triggers.schedule(this.runtime(pipelineName, now), spec, now)
  }

  /**
   * An upload or a push that source actions with `eventTrigger` watch (`matches`) starts an execution of each
   * of their pipelines, as their EventBridge rule would; returns the ids-to-be.
   */
  sourceChanged(matches: (action: Action) => boolean, revision: string, now: number): string[] {
    return [...this.pipelines.values()].flatMap((runtime) =>
      runtime.pipeline.stages[0]!.actions.filter((a) => a.eventTrigger !== undefined && matches(a)).map((a) =>
        this.triggers.schedule(
          runtime,
          { triggerType: 'CloudWatchEvent', revision, sourceAction: a.name, delaySeconds: a.eventTrigger!.delayMs / 1000 },
          now
        )
      )
    )
  }

  runtime(name: string, now: number): PipelineRuntime {
    const runtime = this.pipelines.get(name)
    if (runtime === undefined) throw pipelineNotFound(name)
    this.triggers.fire(runtime, now)
    runtime.advanceTo(now)
    return runtime
  }

  /** Every pipeline, advanced to `now` (for the logs and CodeBuild services, which look across pipelines). */
  all(now: number): PipelineRuntime[] {
    return [...this.pipelines.values()].map((runtime) => (runtime.advanceTo(now), runtime))
  }

  readonly operations: Operations = {
    StartPipelineExecution: (body, ctx) => {
      const runtime = this.runtime(body.name, ctx.now)
      const tokenKey = `${body.name}\u0000${body.clientRequestToken}`
      const known = body.clientRequestToken === undefined ? undefined : this.tokens.get(tokenKey)
      if (known !== undefined) return { pipelineExecutionId: known }
      const request = newExecution(runtime.pipeline, body, ctx.now, ctx.callerArn, this.world)
      const execution = runtime.start(request, ctx.now)
      if (body.clientRequestToken !== undefined) this.tokens.set(tokenKey, execution.id)
      return { pipelineExecutionId: execution.id }
    },

    GetPipelineExecution: (body, ctx) => {
      const runtime = this.runtime(body.pipelineName, ctx.now)
      return { pipelineExecution: executionView(runtime, asRead(this.execution(runtime, body.pipelineExecutionId), ctx.now)) }
    },

    StopPipelineExecution: (body, ctx) => {
      const runtime = this.runtime(body.pipelineName, ctx.now)
      // StopPipelineExecution declares no not-found error: an unknown execution is not in progress, so not stoppable.
      const execution = runtime.find(body.pipelineExecutionId)
      if (execution === undefined)
        throw new ServiceError(
          'PipelineExecutionNotStoppableException',
          `Pipeline execution '${body.pipelineExecutionId}' does not exist in pipeline '${runtime.pipeline.name}'`
        )
      runtime.stop(execution, ctx.now, body.abandon === true, body.reason ?? '')
      return { pipelineExecutionId: execution.id }
    },

    GetPipeline: (body, ctx) => {
      const runtime = this.runtime(body.name, ctx.now)
      if (body.version !== undefined && body.version !== runtime.version)
        throw new ServiceError('PipelineVersionNotFoundException', `Pipeline '${body.name}' has no version ${body.version}`)
      return pipelineView(runtime, this.region)
    },

    GetPipelineState: (body, ctx) => stateView(this.runtime(body.name, ctx.now), this.region),

    ListActionExecutions: (body, ctx) => {
      const runtime = this.runtime(body.pipelineName, ctx.now)
      const executionId: string | undefined =
        body.filter?.pipelineExecutionId ?? body.filter?.latestInPipelineExecution?.pipelineExecutionId
      const executions = executionId === undefined ? runtime.executions : [this.execution(runtime, executionId)]
      const details = executions
        .flatMap((e) => e.runs.map((run) => ({ e, run })))
        .sort((a, b) => b.run.startMs - a.run.startMs)
        .map(({ e, run }) => actionDetailView(runtime, e, run, this.region))
      const page = paginate(details, body, `actions:${runtime.pipeline.name}:${executionId ?? '*'}`)
      return { actionExecutionDetails: page.items, nextToken: page.nextToken }
    },

    ListPipelineExecutions: (body, ctx) => {
      const runtime = this.runtime(body.pipelineName, ctx.now)
      const stageName: string | undefined = body.filter?.succeededInStage?.stageName
      const stageIndex = runtime.pipeline.stages.findIndex((s) => s.name === stageName)
      const summaries = [...runtime.executions]
        .reverse()
        .filter((e) => stageName === undefined || (stageIndex >= 0 && e.stageIndex > stageIndex))
        .map((e) => summaryView(asRead(e, ctx.now)))
      const page = paginate(summaries, body, `executions:${runtime.pipeline.name}:${stageName ?? '*'}`)
      return { pipelineExecutionSummaries: page.items, nextToken: page.nextToken }
    },

    PutApprovalResult: (body, ctx) => putApprovalResult(this.runtime(body.pipelineName, ctx.now), body, ctx.callerArn, ctx.now),

    ...stageOperations({ runtime: (name, now) => this.runtime(name, now), paginate, region: () => this.region })
  }

  /** An answer in the console to the approval waiting at stageName.actionName; returns its execution's id. */
  answerApproval({ pipelineName, stageName, actionName, ...given }: ConsoleApproval, now: number): string {
    return answerInConsole(this.runtime(pipelineName, now), stageName, actionName, given, now)
  }

  /** The operation X-Amz-Target names, or undefined; the caller validates the body against the model first. */
  handler(operation: string): ((validated: RequestBody, ctx: RequestContext) => object) | undefined {
    if (!Object.hasOwn(this.operations, operation)) return undefined
    const run = this.operations[operation as OperationName] as (body: RequestBody, ctx: RequestContext) => object
    return run
  }

  private execution(runtime: PipelineRuntime, id: string) {
    const execution = runtime.find(id)
    if (execution === undefined) throw executionNotFound(runtime.pipeline.name, id)
    return execution
  }
}

/** Opaque tokens: the offset, bound to the listing they came from. */
function paginate<T>(items: T[], body: { maxResults?: number; nextToken?: string }, listing: string): { items: T[]; nextToken?: string } {
  let offset = 0
  if (body.nextToken !== undefined) {
    const decoded = decodeToken(body.nextToken)
    if (decoded === undefined || decoded.listing !== listing || decoded.offset > items.length) throw invalidNextToken()
    offset = decoded.offset
  }
  const size = body.maxResults ?? 100
  const end = offset + size
  return {
    items: items.slice(offset, end),
    nextToken: end < items.length ? Buffer.from(JSON.stringify({ listing, offset: end })).toString('base64url') : undefined
  }
}

function decodeToken(token: string): { listing: string; offset: number } | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Record<string, unknown>> | null
    const { listing, offset } = value ?? {}
    return typeof listing === 'string' && typeof offset === 'number' && Number.isInteger(offset) ? { listing, offset } : undefined
  } catch {
    return undefined
  }
}
