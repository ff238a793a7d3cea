// Creating executions and action runs, and when an execution next has something due.
import { randomUUID } from 'node:crypto'
import type { ActionRun, Execution, NewExecution } from './model.js'
import type { Action, Stage } from './spec.js'

export function actionRun(e: Execution, stage: Stage, action: Action, t: number): ActionRun {
  const attempt = e.runs.filter((r) => r.stageIndex === e.stageIndex && r.action === action).length
  const unreadable = action.category === 'Source' ? e.revisions.find((r) => r.actionName === action.name)?.failure : undefined
  if (unreadable !== undefined) return { ...run(e, stage, action, t, 'Failed'), errorMessage: unreadable }
  // A rollback redeploys a revision that passed this stage before.
  return run(e, stage, action, t, e.type === 'ROLLBACK' ? 'Succeeded' : attempt === 0 ? action.outcome : action.retryOutcome)
}

function run(e: Execution, stage: Stage, action: Action, t: number, outcome: ActionRun['outcome']): ActionRun {
  const approvalToken = action.category === 'Approval' ? randomUUID() : undefined
  return {
    id: randomUUID(),
    executionId: e.id,
    stageIndex: e.stageIndex,
    stage,
    action,
    status: 'InProgress',
    outcome,
    startMs: t,
    endMs: t + action.durationMs,
    // PutApprovalResult's documentation: in PARALLEL mode an approval's token is its externalExecutionId.
    externalExecutionId: approvalToken ?? externalId(action, e),
    approvalToken
  }
}

export function nextEvent(e: Execution): number {
  let due = Math.min(e.abandonedUntilMs ?? Infinity, e.retryAtMs ?? Infinity)
  for (const r of e.runs) if (r.status === 'InProgress') due = Math.min(due, r.endMs)
  for (const r of e.ruleRuns) if (r.status === 'InProgress') due = Math.min(due, r.endMs)
  return due
}

export function blankExecution(mode: Execution['mode'], now: number, request: NewExecution): Execution {
  return {
    id: request.id ?? randomUUID(),
    status: 'InProgress',
    mode,
    type: 'STANDARD',
    triggerType: request.triggerType ?? 'StartPipelineExecution',
    startMs: now,
    lastUpdateMs: now,
    variables: request.variables,
    revisions: request.revisions,
    triggerDetail: request.triggerDetail,
    stageIndex: 0,
    inStage: false,
    phase: 'actions',
    runOrder: 0,
    runs: [],
    ruleRuns: [],
    stageStatus: [],
    retries: []
  }
}

function externalId(action: Action, e: Execution): string {
  if (action.category === 'Source') return e.revisions.find((r) => r.actionName === action.name)?.revisionId ?? randomUUID()
  if (action.provider === 'CodeBuild') return `${action.configuration.ProjectName ?? action.name}:${randomUUID()}`
  return randomUUID()
}
