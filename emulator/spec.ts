// Pipeline specs: load them from JSON/YAML, check them, and fill in defaults once so the engine never guesses.
import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { normalizeActionLogs } from './action-logs.js'
import { normalizeConditions, type StageConditions } from './conditions.js'
import type { ActionSpec, ExecutionMode, Fail, HistorySpec, PipelineSpec, StageSpec, VariableSpec } from './types.js'

export interface Action {
  name: string
  category: ActionSpec['category']
  provider: string
  owner: NonNullable<ActionSpec['owner']>
  version: string
  runOrder: number
  configuration: Record<string, string>
  durationMs: number
  outcome: NonNullable<ActionSpec['outcome']>
  retryOutcome: NonNullable<ActionSpec['outcome']>
  summary?: string
  errorCode: string
  errorMessage?: string
  externalUrl?: string
  revision?: string
  revisionSummary?: string
  inputArtifacts: string[]
  outputArtifacts: string[]
  namespace?: string
  outputVariables?: Record<string, string>
  /** Log lines in time order, each at an offset from the action's start (never after its end). */
  logs: { offsetMs: number; message: string }[]
  logGroup?: string
  eventTrigger?: { delayMs: number } // S3 and ECR sources: an upload or a push starts an execution (sources.ts)
}

export interface Stage extends StageConditions {
  name: string
  actions: Action[]
}

/** The first stage's actions: a checked pipeline always has a first stage, and it holds only sources. */
export function sourceActions(pipeline: Pick<Pipeline, 'stages'>): Action[] {
  return pipeline.stages[0]?.actions ?? []
}

export interface Pipeline {
  name: string
  executionMode: ExecutionMode
  pipelineType: 'V1' | 'V2'
  variables: VariableSpec[]
  stages: Stage[]
  history: HistorySpec[]
  staleReadAfterRetrySeconds: number
}

const CATEGORIES = ['Source', 'Build', 'Deploy', 'Test', 'Invoke', 'Approval', 'Compute']
const MODES = ['SUPERSEDED', 'QUEUED', 'PARALLEL']
const FINAL_STATUSES = ['Succeeded', 'Failed', 'Stopped', 'Superseded', 'Cancelled']
const NAME = /^[A-Za-z0-9.@\-_]{1,100}$/

/** Reads `{ pipelines: [...] }` from a .json, .yaml or .yml file. */
export function loadPipelines(file: string): PipelineSpec[] {
  const text = readFileSync(file, 'utf8')
  const ext = extname(file).toLowerCase()
  if (ext !== '.json' && ext !== '.yaml' && ext !== '.yml') throw new Error(`${file}: pipeline files must end in .json, .yaml or .yml`)
  const doc: unknown = ext === '.json' ? JSON.parse(text) : parseYaml(text)
  const pipelines = (doc as { pipelines?: unknown } | null)?.pipelines
  if (!Array.isArray(pipelines)) throw new Error(`${file}: expected a top-level "pipelines" list`)
  pipelines.forEach((p, i) => normalizePipeline(p as PipelineSpec, `${file}: pipelines[${i}]`))
  return pipelines as PipelineSpec[]
}

/** Checks a spec and resolves every default; throws a one-line error naming the bad field. */
export function normalizePipeline(spec: PipelineSpec, where = spec?.name ?? 'pipeline'): Pipeline {
  const fail = (field: string, problem: string): never => {
    throw new Error(`${where}.${field}: ${problem}`)
  }
  if (typeof spec?.name !== 'string' || !NAME.test(spec.name)) fail('name', 'must match [A-Za-z0-9.@-_]{1,100}')
  const executionMode = spec.executionMode ?? 'SUPERSEDED'
  if (!MODES.includes(executionMode)) fail('executionMode', `must be one of ${MODES.join(', ')}`)
  const defaultSeconds = spec.defaultDurationSeconds ?? 1
  if (!(defaultSeconds >= 0)) fail('defaultDurationSeconds', 'must be a number of seconds >= 0')
  if (!Array.isArray(spec.stages) || spec.stages.length === 0) fail('stages', 'must list at least one stage')
  const stages = spec.stages.map((stage, i) => normalizeStage(stage, defaultSeconds, (f, p) => fail(`stages[${i}].${f}`, p)))
  uniqueNames(stages, 'stages', fail)
  if (sourceActions({ stages }).some((a) => a.category !== 'Source')) fail('stages[0]', 'the first stage must contain only Source actions')
  // The user guide: a PARALLEL pipeline has no stage rollback, and no condition may have a ROLLBACK result.
  const rollsBack = (st: Stage) => st.onFailure?.result === 'ROLLBACK' || st.onSuccess.some((c) => c.result === 'ROLLBACK')
  const rollback = stages.findIndex(rollsBack)
  if (executionMode === 'PARALLEL' && rollback >= 0) fail(`stages[${rollback}]`, 'a PARALLEL pipeline cannot roll back (ROLLBACK result)')
  const history = (spec.history ?? []).map((h, i) => checkHistory(h, (f, p) => fail(`history[${i}].${f}`, p)))
  const variables = spec.variables ?? []
  variables.forEach((v, i) => {
    if (typeof v?.name !== 'string' || !/^[A-Za-z0-9@\-_]{1,128}$/.test(v.name))
      fail(`variables[${i}].name`, 'must match [A-Za-z0-9@-_]{1,128}')
  })
  const staleReadAfterRetrySeconds = spec.staleReadAfterRetrySeconds ?? 0
  if (!(staleReadAfterRetrySeconds >= 0)) fail('staleReadAfterRetrySeconds', 'must be a number of seconds >= 0')
  return { name: spec.name, executionMode, pipelineType: spec.pipelineType ?? 'V2', variables, stages, history, staleReadAfterRetrySeconds }
}

function normalizeStage(stage: StageSpec, defaultSeconds: number, fail: Fail): Stage {
  if (typeof stage?.name !== 'string' || !NAME.test(stage.name)) fail('name', 'must match [A-Za-z0-9.@-_]{1,100}')
  if (!Array.isArray(stage.actions) || stage.actions.length === 0) fail('actions', 'must list at least one action')
  const actions = stage.actions.map((a, i) => normalizeAction(a, defaultSeconds, (f, p) => fail(`actions[${i}].${f}`, p)))
  uniqueNames(actions, 'actions', fail)
  return { name: stage.name, actions, ...normalizeConditions(stage, fail) }
}

function normalizeAction(a: ActionSpec, defaultSeconds: number, fail: Fail): Action {
  if (typeof a?.name !== 'string' || !NAME.test(a.name)) fail('name', 'must match [A-Za-z0-9.@-_]{1,100}')
  if (!CATEGORIES.includes(a.category)) fail('category', `must be one of ${CATEGORIES.join(', ')}`)
  if (typeof a.provider !== 'string' || !/^[0-9A-Za-z_-]{1,35}$/.test(a.provider))
    fail('provider', 'must be a provider name such as CodeBuild')
  const runOrder = a.runOrder ?? 1
  if (!Number.isInteger(runOrder) || runOrder < 1 || runOrder > 999) fail('runOrder', 'must be an integer 1..999')
  const seconds = a.durationSeconds ?? defaultSeconds
  if (typeof seconds !== 'number' || !(seconds >= 0)) fail('durationSeconds', 'must be a number of seconds >= 0')
  const outcome = a.outcome ?? 'Succeeded'
  if (outcome !== 'Succeeded' && outcome !== 'Failed') fail('outcome', 'must be Succeeded or Failed')
  const retryOutcome = a.retryOutcome ?? outcome
  if (retryOutcome !== 'Succeeded' && retryOutcome !== 'Failed') fail('retryOutcome', 'must be Succeeded or Failed')
  const isSource = a.category === 'Source'
  return {
    name: a.name,
    category: a.category,
    provider: a.provider,
    owner: a.owner ?? 'AWS',
    version: a.version ?? '1',
    runOrder,
    configuration: Object.fromEntries(Object.entries(a.configuration ?? {}).map(([k, v]) => [k, String(v)])),
    durationMs: Math.round(seconds * 1000),
    outcome,
    retryOutcome,
    summary: a.summary,
    errorCode: a.errorCode ?? 'JobFailed',
    errorMessage: a.errorMessage,
    externalUrl: a.externalUrl,
    revision: a.revision,
    revisionSummary: a.revisionSummary,
    inputArtifacts: a.inputArtifacts ?? (isSource || a.category === 'Approval' ? [] : ['SourceArtifact']),
    outputArtifacts: a.outputArtifacts ?? (isSource ? ['SourceArtifact'] : []),
    eventTrigger: normalizeEventTrigger(a, fail),
    ...normalizeActionLogs(a, Math.round(seconds * 1000), fail)
  }
}

function normalizeEventTrigger(a: ActionSpec, fail: Fail): Action['eventTrigger'] {
  if (a.eventTrigger === undefined) return undefined
  if (a.category !== 'Source' || (a.provider !== 'S3' && a.provider !== 'ECR'))
    fail('eventTrigger', 'applies to S3 and ECR source actions only')
  const seconds = a.eventTrigger?.delaySeconds ?? 0
  if (typeof seconds !== 'number' || !(seconds >= 0)) fail('eventTrigger.delaySeconds', 'must be a number of seconds >= 0')
  return { delayMs: Math.round(seconds * 1000) }
}

function checkHistory(h: HistorySpec, fail: Fail): HistorySpec {
  if (!FINAL_STATUSES.includes(h?.status)) fail('status', `must be one of ${FINAL_STATUSES.join(', ')}`)
  if (!(h.durationSeconds >= 0)) fail('durationSeconds', 'must be a number of seconds >= 0')
  if (!(h.startedSecondsAgo >= h.durationSeconds)) fail('startedSecondsAgo', 'must be >= durationSeconds')
  return h
}

function uniqueNames(items: { name: string }[], field: string, fail: Fail): void {
  const seen = new Set<string>()
  for (const { name } of items) {
    if (seen.has(name)) fail(field, `duplicate name '${name}'`)
    seen.add(name)
  }
}
