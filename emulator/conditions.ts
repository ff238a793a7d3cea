// Stage conditions (V2 pipelines): the rules a stage checks before entry and after its actions succeed, and
// what CodePipeline does when a stage fails. The spec scripts each rule's duration and outcome.
import type { ActionOutcome, ConditionResult, Fail, RuleProvider, StageSpec } from './types.js'

export interface Rule {
  name: string
  provider: RuleProvider
  configuration: Record<string, string>
  durationMs: number
  outcome: ActionOutcome
  summary?: string
  errorMessage?: string
  externalUrl?: string
}

export interface Condition {
  result: ConditionResult
  rules: Rule[]
}

export type ConditionKind = 'beforeEntry' | 'onSuccess'

export interface StageConditions {
  beforeEntry: Condition[]
  onSuccess: Condition[]
  onFailure?: { result: 'RETRY' | 'ROLLBACK' | 'FAIL'; retryMode: 'FAILED_ACTIONS' | 'ALL_ACTIONS' }
  disabledReason?: string
}

const PROVIDERS = ['DeploymentWindow', 'CloudWatchAlarm', 'LambdaInvoke', 'VariableCheck', 'Commands']
const NAME = /^[A-Za-z0-9.@\-_]{1,100}$/
/** The user guide: entry conditions FAIL or SKIP the stage; success conditions ROLLBACK or FAIL it. */
const RESULTS: Record<ConditionKind, { allowed: ConditionResult[]; fallback: ConditionResult }> = {
  beforeEntry: { allowed: ['FAIL', 'SKIP'], fallback: 'FAIL' },
  onSuccess: { allowed: ['ROLLBACK', 'FAIL'], fallback: 'ROLLBACK' }
}
const DISABLED_REASON = /^[a-zA-Z0-9!@ ().*?-]{1,300}$/

export function normalizeConditions(stage: StageSpec, fail: Fail): StageConditions {
  const onFailure = stage.onFailure
  if (onFailure !== undefined && !['RETRY', 'ROLLBACK', 'FAIL'].includes(onFailure.result))
    fail('onFailure.result', 'must be RETRY, ROLLBACK or FAIL')
  const retryMode = onFailure?.retryMode ?? 'FAILED_ACTIONS'
  if (retryMode !== 'FAILED_ACTIONS' && retryMode !== 'ALL_ACTIONS') fail('onFailure.retryMode', 'must be FAILED_ACTIONS or ALL_ACTIONS')
  const reason = stage.disabledTransition?.reason
  if (reason !== undefined && !DISABLED_REASON.test(reason))
    fail('disabledTransition.reason', 'must match [a-zA-Z0-9!@ ().*?-]{1,300}, as the API requires')
  return {
    beforeEntry: conditions(stage.beforeEntry?.conditions, 'beforeEntry', fail),
    onSuccess: conditions(stage.onSuccess?.conditions, 'onSuccess', fail),
    onFailure: onFailure && { result: onFailure.result, retryMode },
    disabledReason: reason
  }
}

function conditions(list: unknown, kind: ConditionKind, fail: Fail): Condition[] {
  if (list === undefined) return []
  if (!Array.isArray(list) || list.length === 0) fail(`${kind}.conditions`, 'must list at least one condition')
  return (list as { result?: ConditionResult; rules?: unknown }[]).map((c, i) => {
    const where = `${kind}.conditions[${i}]`
    const result = c.result ?? RESULTS[kind].fallback
    if (!RESULTS[kind].allowed.includes(result)) fail(`${where}.result`, `must be ${RESULTS[kind].allowed.join(' or ')}`)
    if (!Array.isArray(c.rules) || c.rules.length === 0 || c.rules.length > 5) fail(`${where}.rules`, 'must list 1 to 5 rules')
    return { result, rules: (c.rules as Rule[]).map((r, j) => rule(r, (f, p) => fail(`${where}.rules[${j}].${f}`, p))) }
  })
}

function rule(r: Rule & { durationSeconds?: number }, fail: Fail): Rule {
  if (typeof r?.name !== 'string' || !NAME.test(r.name)) fail('name', 'must match [A-Za-z0-9.@-_]{1,100}')
  if (!PROVIDERS.includes(r.provider)) fail('provider', `must be one of ${PROVIDERS.join(', ')}`)
  const seconds = r.durationSeconds ?? 1
  if (!(seconds >= 0)) fail('durationSeconds', 'must be a number of seconds >= 0')
  const outcome = r.outcome ?? 'Succeeded'
  if (outcome !== 'Succeeded' && outcome !== 'Failed') fail('outcome', 'must be Succeeded or Failed')
  return {
    name: r.name,
    provider: r.provider,
    configuration: Object.fromEntries(Object.entries(r.configuration ?? {}).map(([k, v]) => [k, String(v)])),
    durationMs: Math.round(seconds * 1000),
    outcome,
    summary: r.summary,
    errorMessage: r.errorMessage,
    externalUrl: r.externalUrl
  }
}
