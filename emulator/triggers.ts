// Executions started the way a pipeline's own trigger starts them (a push or pull-request webhook, an
// EventBridge rule, PutActionRevision), at a set time: the source action runs the given commit and
// ListPipelineExecutions shows the trigger. Scheduled on the service's clock, started when a request first
// sees the time has come, so a virtual clock plays them exactly like a real one.
import { randomUUID } from 'node:crypto'
import type { PipelineRuntime } from './engine.js'
import { revisionFor, revisionType, type SourceWorld } from './sources.js'
import { sourceActions } from './spec.js'
import type { TriggerSpec, TriggerType } from './types.js'

/** Every TriggerType, for checking requests. */
export const TRIGGER_TYPES: readonly TriggerType[] = [
  'WebhookV2',
  'Webhook',
  'CloudWatchEvent',
  'PutActionRevision',
  'PollForSourceChanges'
]

/** The endpoint's body: which pipeline, plus the trigger. */
export interface TriggerRequest extends TriggerSpec {
  pipelineName: string
}

interface Pending {
  executionId: string
  atMs: number
  spec: TriggerSpec
}

function defaultDetail(type: TriggerType, pipelineName: string): string {
  if (type === 'WebhookV2' || type === 'Webhook') return `arn:aws:codepipeline:us-east-1:123456789012:webhook:${pipelineName}-trigger`
  if (type === 'CloudWatchEvent') return `arn:aws:events:us-east-1:123456789012:rule/${pipelineName}-source-change`
  return 'arn:aws:sts::123456789012:assumed-role/emulator/trigger'
}

/** Checks a trigger against the pipeline; throws a one-line error naming the bad field. */
export function checkTrigger(spec: TriggerSpec, runtime: PipelineRuntime): void {
  const type = spec.triggerType ?? 'WebhookV2'
  if (!TRIGGER_TYPES.includes(type)) throw new Error(`triggerType must be one of ${TRIGGER_TYPES.join(', ')}`)
  if (typeof spec.revision !== 'string' || spec.revision === '') throw new Error('revision must be a non-empty string (the commit)')
  const delay = spec.delaySeconds ?? 0
  if (typeof delay !== 'number' || !(delay >= 0)) throw new Error('delaySeconds must be a number of seconds >= 0')
  const sources = sourceActions(runtime.pipeline)
  if (spec.sourceAction !== undefined && !sources.some((a) => a.name === spec.sourceAction))
    throw new Error(`sourceAction '${spec.sourceAction}' is not a source action of pipeline '${runtime.pipeline.name}'`)
}

/** The triggers waiting for their time, per pipeline. */
export class TriggerSchedule {
  private readonly pending = new Map<string, Pending[]>()

  constructor(private readonly world: SourceWorld) {}

  /** Schedules it; returns the id the execution will have. */
  schedule(runtime: PipelineRuntime, spec: TriggerSpec, fromMs: number): string {
    checkTrigger(spec, runtime)
    const executionId = randomUUID()
    const list = this.pending.get(runtime.pipeline.name) ?? []
    list.push({ executionId, atMs: fromMs + Math.round((spec.delaySeconds ?? 0) * 1000), spec })
    list.sort((a, b) => a.atMs - b.atMs)
    this.pending.set(runtime.pipeline.name, list)
    return executionId
  }

  /** Starts every trigger due by `now`, each at its own time, with the pipeline advanced to that time first. */
  fire(runtime: PipelineRuntime, now: number): void {
    const list = this.pending.get(runtime.pipeline.name)
    while (list?.[0] !== undefined && list[0].atMs <= now) {
      const { executionId, atMs, spec } = list.shift()!
      runtime.advanceTo(atMs)
      const type = spec.triggerType ?? 'WebhookV2'
      const sources = sourceActions(runtime.pipeline)
      const target = spec.sourceAction ?? sources[0]?.name
      const revisions = sources.map((a) =>
        a.name === target
          ? revisionFor(this.world, a, new Map([[revisionType(a.provider), spec.revision]]), atMs)
          : revisionFor(this.world, a, undefined, atMs, a.revision ?? spec.revision)
      )
      runtime.start(
        {
          id: executionId,
          variables: runtime.pipeline.variables.map((v) => ({ name: v.name, resolvedValue: v.defaultValue ?? '' })),
          revisions,
          triggerType: type,
          triggerDetail: spec.triggerDetail ?? defaultDetail(type, runtime.pipeline.name)
        },
        atMs
      )
    }
  }
}

/** POST /_emulator/trigger: a TriggerRequest as JSON; answers the execution id it will start, or why not. */
export function routeTrigger(
  store: { trigger(request: TriggerRequest, now: number): string },
  now: number,
  text: string
): [number, object] {
  try {
    const request = JSON.parse(text) as TriggerRequest
    return [200, { pipelineExecutionId: store.trigger(request, now) }]
  } catch (error) {
    return [400, { message: error instanceof Error ? error.message : String(error) }]
  }
}
