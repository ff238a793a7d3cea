// The V2 parts of GetPipelineState (condition states, retry metadata) and ListRuleExecutions' details.
import type { Condition, ConditionKind } from './conditions.js'
import type { Execution, PipelineRuntime, RuleRun } from './engine.js'
import { latestRuleRuns } from './rules.js'
import type { Stage } from './spec.js'
import { compact, errorDetails, seconds } from './shapes.js'

const conditionsDeclaration = (conditions: Condition[]) =>
  conditions.length === 0
    ? undefined
    : {
        conditions: conditions.map((c) => ({
          result: c.result,
          rules: c.rules.map((r) => ({
            name: r.name,
            ruleTypeId: { category: 'Rule', owner: 'AWS', provider: r.provider, version: '1' },
            configuration: r.configuration
          }))
        }))
      }

/** GetPipeline's beforeEntry, onSuccess and onFailure of a stage. */
export function stageConditionsDeclaration(stage: Stage) {
  const onFailure = stage.onFailure
  return compact({
    beforeEntry: conditionsDeclaration(stage.beforeEntry),
    onSuccess: conditionsDeclaration(stage.onSuccess),
    onFailure:
      onFailure &&
      compact({
        result: onFailure.result,
        retryConfiguration: onFailure.result === 'RETRY' ? { retryMode: onFailure.retryMode } : undefined
      })
  })
}

/** Condition states and retry metadata of the execution that last ran the stage. */
export function stageV2View(latest: Execution, stage: Stage, i: number) {
  const retries = latest.retries[i]
  return compact({
    beforeEntryConditionState: conditionStateView(latest, stage, i, 'beforeEntry'),
    onSuccessConditionState: conditionStateView(latest, stage, i, 'onSuccess'),
    // RetryAttempt has a minimum of 1: a count of none is left out.
    retryStageMetadata:
      retries &&
      compact({
        autoStageRetryAttempt: retries.auto || undefined,
        manualStageRetryAttempt: retries.manual || undefined,
        latestRetryTrigger: retries.latest
      })
  })
}

function conditionStateView(e: Execution, stage: Stage, i: number, kind: ConditionKind) {
  const runs = latestRuleRuns(e, i, kind)
  if (runs.length === 0) return undefined
  const conditionStates = stage[kind].map((_, c) => {
    const own = runs.filter((r) => r.conditionIndex === c)
    const status = conditionStatus(own)
    return compact({
      latestExecution: { status, summary: undefined, lastStatusChange: seconds(Math.max(...own.map(ruleTime))) },
      ruleStates: own.map((r) => ({ ruleName: r.rule.name, latestExecution: ruleExecutionView(r), entityUrl: r.rule.externalUrl }))
    })
  })
  return { latestExecution: { status: conditionStatus(runs) }, conditionStates }
}

function conditionStatus(runs: RuleRun[]): string {
  if (runs.some((r) => r.overridden)) return 'Overridden'
  if (runs.some((r) => r.status === 'InProgress')) return 'InProgress'
  if (runs.some((r) => r.status === 'Failed')) return 'Failed'
  if (runs.some((r) => r.status === 'Abandoned')) return 'Abandoned'
  return 'Succeeded'
}

const ruleTime = (r: RuleRun): number => (r.status === 'InProgress' ? r.startMs : r.endMs)

function ruleExecutionView(r: RuleRun) {
  return compact({
    ruleExecutionId: r.id,
    status: r.status,
    summary: r.status === 'InProgress' ? undefined : r.rule.summary,
    lastStatusChange: seconds(ruleTime(r)),
    externalExecutionId: r.externalExecutionId,
    externalExecutionUrl: r.rule.externalUrl,
    errorDetails:
      r.status === 'Failed' ? errorDetails({ errorCode: 'RuleFailed', errorMessage: r.rule.errorMessage ?? 'The rule failed' }) : undefined
  })
}

/** One ListRuleExecutions detail. */
export function ruleDetailView(runtime: PipelineRuntime, r: RuleRun, region: string) {
  const done = r.status !== 'InProgress'
  return {
    pipelineExecutionId: r.executionId,
    ruleExecutionId: r.id,
    pipelineVersion: runtime.version,
    stageName: r.stage.name,
    ruleName: r.rule.name,
    startTime: seconds(r.startMs),
    lastUpdateTime: seconds(ruleTime(r)),
    status: r.status,
    input: {
      ruleTypeId: { category: 'Rule', owner: 'AWS', provider: r.rule.provider, version: '1' },
      configuration: r.rule.configuration,
      resolvedConfiguration: r.rule.configuration,
      region
    },
    output: {
      executionResult: compact({
        externalExecutionId: r.externalExecutionId,
        externalExecutionSummary: done ? r.rule.summary : undefined,
        externalExecutionUrl: r.rule.externalUrl,
        errorDetails:
          r.status === 'Failed'
            ? errorDetails({ errorCode: 'RuleFailed', errorMessage: r.rule.errorMessage ?? 'The rule failed' })
            : undefined
      })
    }
  }
}
