// The engine's records: executions, action runs and rule runs, as they move on the clock.
import type { ConditionKind, Rule } from './conditions.js'
import type { Action, Stage } from './spec.js'
import type { ExecutionMode } from './types.js'

export type ExecutionStatus = 'InProgress' | 'Stopping' | 'Stopped' | 'Succeeded' | 'Failed' | 'Superseded' | 'Cancelled'
export type StageStatus = 'InProgress' | 'Stopping' | 'Stopped' | 'Succeeded' | 'Failed' | 'Cancelled' | 'Skipped'
export type RunStatus = 'InProgress' | 'Abandoned' | 'Succeeded' | 'Failed'
export type ActionStatus = RunStatus
/** StartPipelineExecution, a pipeline's own trigger (triggers.ts), or a rollback's. */
export type TriggerType = string

export interface ActionRun {
  id: string
  executionId: string
  stageIndex: number
  stage: Stage
  action: Action
  status: RunStatus
  outcome: 'Succeeded' | 'Failed' // what it ends with
  startMs: number
  endMs: number // planned while InProgress, actual afterwards
  externalExecutionId: string
  /** Approval actions: what GetPipelineState shows as the token while it waits (approvals.ts). */
  approvalToken?: string
  /** Approval actions: who answered (lastUpdatedBy) and their comment, once answered. */
  answeredBy?: string
  answerSummary?: string
  errorMessage?: string // errorDetails.message when this run fails for a reason of its own (a source it cannot read)
}

export interface RuleRun {
  id: string
  executionId: string
  stageIndex: number
  stage: Stage
  kind: ConditionKind
  conditionIndex: number
  rule: Rule
  status: RunStatus
  startMs: number
  endMs: number
  externalExecutionId: string
  overridden?: boolean // OverrideStageCondition ended it
}

export interface SourceRevision {
  actionName: string
  revisionId: string
  summary?: string
  url?: string
  createdMs: number
  changeIdentifier?: string // S3: the ETag (ArtifactRevision.revisionChangeIdentifier)
  outputVariables?: Record<string, string> // what the source action outputs (S3 and ECR sources)
  /** Why the source action cannot read it (a missing object version): the action fails with this message. */
  failure?: string
}

/** retryStageMetadata of one stage of one execution. */
export interface StageRetries {
  auto: number
  manual: number
  latest?: 'AutomatedStageRetry' | 'ManualStageRetry'
}

export interface Execution {
  id: string
  status: ExecutionStatus
  statusSummary?: string
  mode: ExecutionMode
  type: 'STANDARD' | 'ROLLBACK'
  triggerType: TriggerType
  rollbackTargetId?: string // ROLLBACK executions: the execution whose revisions they redeploy
  onlyStage?: number // ROLLBACK executions run this one stage
  startMs: number
  lastUpdateMs: number
  variables: { name: string; resolvedValue: string }[]
  revisions: SourceRevision[]
  triggerDetail: string
  stopReason?: string // set once a stop was requested; '' when no reason was given
  stageIndex: number // the stage it is in, or waiting to enter
  inStage: boolean
  phase: 'entry' | 'actions' | 'success' // within its stage: entry conditions, actions, success conditions
  runOrder: number // the runOrder group running in its stage
  runs: ActionRun[]
  ruleRuns: RuleRun[]
  stageStatus: (StageStatus | undefined)[]
  retries: (StageRetries | undefined)[]
  retryAtMs?: number // an automatic stage retry starts then
  abandonedUntilMs?: number // an abandoned execution shows Stopping until then
  /** Fault staleReadAfterRetrySeconds: what reads answer until untilMs, the execution as it was before the retry. */
  staleRead?: { status: ExecutionStatus; statusSummary?: string; lastUpdateMs: number; untilMs: number }
}

export interface NewExecution {
  /** Given when the id was promised before the start (a scheduled trigger). */
  id?: string
  variables: Execution['variables']
  revisions: SourceRevision[]
  triggerType?: string
  triggerDetail: string
}

export const isActive = (e: Execution): boolean => e.status === 'InProgress' || e.status === 'Stopping'

/** The latest attempt of each action of a stage: what a retry left behind counts, not what it replaced. */
export function latestRuns(e: Execution, stageIndex: number): ActionRun[] {
  const latest = new Map<string, ActionRun>()
  for (const r of e.runs) if (r.stageIndex === stageIndex) latest.set(r.action.name, r)
  return [...latest.values()]
}
