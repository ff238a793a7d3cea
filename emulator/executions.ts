// Turns a StartPipelineExecution request, or a history entry, into the data an execution starts with.
import type { OperationInputs } from './inputs.js'
import type { Execution, NewExecution, SourceRevision } from './model.js'
import { blankExecution } from './runs.js'
import { validationError } from './errors.js'
import { fakeCommit, revisionFor, sourceRevision, type SourceWorld } from './sources.js'
import { sourceActions, type Pipeline } from './spec.js'

export type StartRequest = OperationInputs['StartPipelineExecution']

const REVISION_TYPES: Record<string, string[]> = {
  CodeStarSourceConnection: ['COMMIT_ID'],
  CodeCommit: ['COMMIT_ID'],
  GitHub: ['COMMIT_ID'],
  ECR: ['IMAGE_DIGEST'],
  S3: ['S3_OBJECT_VERSION_ID', 'S3_OBJECT_KEY']
}

export function newExecution(
  pipeline: Pipeline,
  request: StartRequest,
  now: number,
  triggerDetail: string,
  world: SourceWorld
): NewExecution {
  return {
    variables: resolveVariables(pipeline, request.variables ?? []),
    revisions: resolveRevisions(pipeline, request.sourceRevisions ?? [], now, world),
    triggerDetail
  }
}

function resolveVariables(pipeline: Pipeline, given: { name: string; value: string }[]): NewExecution['variables'] {
  if (given.length > 0 && pipeline.pipelineType !== 'V2')
    throw validationError(`Pipeline '${pipeline.name}' is a V1 pipeline; variables need a V2 pipeline`)
  const values = new Map<string, string>()
  for (const { name, value } of given) {
    if (values.has(name)) throw validationError(`Variable '${name}' is given more than once`)
    if (!pipeline.variables.some((v) => v.name === name))
      throw validationError(`Variable '${name}' is not declared in pipeline '${pipeline.name}'`)
    values.set(name, value)
  }
  return pipeline.variables.map((declared) => {
    const resolvedValue = values.get(declared.name) ?? declared.defaultValue
    if (resolvedValue === undefined)
      throw validationError(`Variable '${declared.name}' has no default value in pipeline '${pipeline.name}'; give it a value`)
    return { name: declared.name, resolvedValue }
  })
}

function resolveRevisions(
  pipeline: Pipeline,
  overrides: StartRequest['sourceRevisions'] & {},
  now: number,
  world: SourceWorld
): SourceRevision[] {
  const sources = sourceActions(pipeline)
  const chosen = new Map<string, Map<string, string>>() // action → revision type → value
  for (const o of overrides) {
    const action = sources.find((a) => a.name === o.actionName)
    if (action === undefined)
      throw validationError(
        `Source revision override names '${o.actionName}', which is not a source action of pipeline '${pipeline.name}' ` +
          `(source actions: ${sources.map((a) => a.name).join(', ')})`
      )
    const allowed = REVISION_TYPES[action.provider]
    if (allowed !== undefined && !allowed.includes(o.revisionType))
      throw validationError(
        `Revision type '${o.revisionType}' does not apply to source action '${action.name}' (${action.provider}); use ${allowed.join(' or ')}`
      )
    const types = chosen.get(o.actionName) ?? new Map<string, string>()
    // The API documents one pair: an S3 object key together with its version id. Anything else is an override twice.
    if (types.has(o.revisionType) || (types.size > 0 && !isS3Pair([...types.keys(), o.revisionType])))
      throw validationError(`Source action '${o.actionName}' is overridden more than once`)
    chosen.set(o.actionName, types.set(o.revisionType, o.revisionValue))
  }
  return sources.map((a) => revisionFor(world, a, chosen.get(a.name), now))
}

const isS3Pair = (types: string[]): boolean =>
  types.length === 2 && types.includes('S3_OBJECT_KEY') && types.includes('S3_OBJECT_VERSION_ID')

/** Past executions from the spec, oldest first; they have no action runs. */
export function historyExecutions(pipeline: Pipeline, now: number): Execution[] {
  return [...pipeline.history].reverse().map((h) => {
    const startMs = now - Math.round(h.startedSecondsAgo * 1000)
    const request = {
      variables: pipeline.variables.map((v) => ({ name: v.name, resolvedValue: v.defaultValue ?? '' })),
      revisions: sourceActions(pipeline).map((a) => sourceRevision(a, h.revision ?? fakeCommit(), startMs)),
      triggerType: h.triggerType,
      triggerDetail: 'arn:aws:sts::123456789012:assumed-role/emulator/history'
    }
    return {
      ...blankExecution(pipeline.executionMode, startMs, request),
      status: h.status,
      statusSummary: h.statusSummary,
      lastUpdateMs: startMs + Math.round(h.durationSeconds * 1000),
      stageIndex: h.status === 'Succeeded' ? pipeline.stages.length : 0
    }
  })
}
