// What a V2 pipeline shows about its stages (GetPipelineState) and rules (ListRuleExecutions), reduced to
// what the action explains: why an execution waits, which rule failed it, which stages were skipped.
import type { GetPipelineStateOutput, RuleExecutionDetail, StageConditionState, StageState } from '@aws-sdk/client-codepipeline'

export interface RuleView {
  name: string
  status: string
  summary?: string
  url?: string
  errorMessage?: string
}

export interface ConditionView {
  status: string
  rules: RuleView[]
}

/** An action's latest run in a stage, as GetPipelineState tells it (for approvals: the token, who answered). */
export interface ActionStateView {
  name: string
  actionExecutionId?: string
  status?: string
  token?: string
  summary?: string
  lastUpdatedBy?: string
}

/** One stage, as GetPipelineState tells it. Its latest execution may be another execution than ours. */
export interface StageView {
  name: string
  latest?: { executionId: string; status: string; type?: string }
  /** Executions waiting to enter, first in line first. */
  inbound: string[]
  transition: { enabled: boolean; reason?: string }
  entry?: ConditionView
  success?: ConditionView
  retry?: { auto: number; manual: number; latest?: string }
  /** Its actions' latest runs: of the stage's latest execution, not necessarily ours. */
  actions?: ActionStateView[]
}

/** One rule execution of our execution, from ListRuleExecutions. Times are epoch ms. */
export interface RuleRun {
  stageName: string
  ruleName: string
  status: string
  provider?: string
  summary?: string
  errorMessage?: string
  url?: string
  lastUpdateTime?: number
}

function conditionView(state: StageConditionState | undefined): ConditionView | undefined {
  const status = state?.latestExecution?.status
  if (status === undefined) return undefined
  const rules = (state?.conditionStates ?? []).flatMap((c) =>
    (c.ruleStates ?? []).map((r) => ({
      name: r.ruleName ?? '',
      status: r.latestExecution?.status ?? 'Unknown',
      summary: r.latestExecution?.summary,
      url: r.latestExecution?.externalExecutionUrl ?? r.entityUrl,
      errorMessage: r.latestExecution?.errorDetails?.message
    }))
  )
  return { status, rules }
}

function stageView(s: StageState): StageView {
  const inbound = (s.inboundExecutions ?? (s.inboundExecution ? [s.inboundExecution] : [])).map((e) => e.pipelineExecutionId ?? '')
  const latest = s.latestExecution
  const retry = s.retryStageMetadata
  return {
    name: s.stageName ?? '',
    latest: latest?.pipelineExecutionId
      ? { executionId: latest.pipelineExecutionId, status: latest.status ?? 'Unknown', type: latest.type }
      : undefined,
    inbound,
    // No transition state means the transition was never disabled.
    transition: { enabled: s.inboundTransitionState?.enabled ?? true, reason: s.inboundTransitionState?.disabledReason },
    entry: conditionView(s.beforeEntryConditionState),
    success: conditionView(s.onSuccessConditionState),
    actions: (s.actionStates ?? []).map((a) => ({
      name: a.actionName ?? '',
      actionExecutionId: a.latestExecution?.actionExecutionId,
      status: a.latestExecution?.status,
      token: a.latestExecution?.token,
      summary: a.latestExecution?.summary,
      lastUpdatedBy: a.latestExecution?.lastUpdatedBy
    })),
    retry: retry && {
      auto: retry.autoStageRetryAttempt ?? 0,
      manual: retry.manualStageRetryAttempt ?? 0,
      latest: retry.latestRetryTrigger
    }
  }
}

export const toStageViews = (out: GetPipelineStateOutput): StageView[] => (out.stageStates ?? []).map(stageView)

export function toRuleRun(d: RuleExecutionDetail): RuleRun {
  const result = d.output?.executionResult
  return {
    stageName: d.stageName ?? '',
    ruleName: d.ruleName ?? '',
    status: d.status ?? 'Unknown',
    provider: d.input?.ruleTypeId?.provider,
    summary: result?.externalExecutionSummary,
    errorMessage: result?.errorDetails?.message,
    url: result?.externalExecutionUrl,
    lastUpdateTime: d.lastUpdateTime?.getTime()
  }
}
