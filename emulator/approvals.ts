// Manual approvals: PutApprovalResult with the token GetPipelineState shows, and an answer given "in the
// console" (by the tests and the demo). An approval nobody answers ends after its durationSeconds, as if
// an approver had answered in the console then: that keeps every existing pipeline spec meaningful.
import type { ActionRun, Execution, PipelineRuntime } from './engine.js'
import { ServiceError } from './errors.js'
import type { OperationInputs } from './inputs.js'

/** Who answered an approval that ended by its duration: someone in the console. */
export const CONSOLE_APPROVER = 'arn:aws:iam::123456789012:user/console-approver'

export interface ApprovalAnswer {
  status: 'Approved' | 'Rejected'
  summary: string
  by: string
}

interface Found {
  e: Execution
  run: ActionRun
}

function approvalRuns(runtime: PipelineRuntime, stageName: string, actionName: string): Found[] {
  const stage = runtime.pipeline.stages.find((s) => s.name === stageName)
  if (stage === undefined)
    throw new ServiceError('StageNotFoundException', `Pipeline '${runtime.pipeline.name}' has no stage named '${stageName}'`)
  const action = stage.actions.find((a) => a.name === actionName)
  if (action === undefined || action.category !== 'Approval')
    throw new ServiceError('ActionNotFoundException', `Stage '${stageName}' has no approval action named '${actionName}'`)
  return runtime.executions.flatMap((e) => e.runs.filter((run) => run.action === action).map((run) => ({ e, run })))
}

function answer(runtime: PipelineRuntime, { e, run }: Found, given: ApprovalAnswer, now: number): void {
  run.answeredBy = given.by
  run.answerSummary = given.summary || undefined
  runtime.endApproval(e, run, given.status === 'Approved' ? 'Succeeded' : 'Failed', now)
}

/** PutApprovalResult: the token must be the waiting approval's; an answered one is ApprovalAlreadyCompleted. */
export function putApprovalResult(runtime: PipelineRuntime, body: OperationInputs['PutApprovalResult'], by: string, now: number) {
  const found = approvalRuns(runtime, body.stageName, body.actionName).find((f) => f.run.approvalToken === body.token)
  // An abandoned approval (its execution was stopped) has expired, as has a token nobody issued.
  if (found === undefined || found.run.status === 'Abandoned')
    throw new ServiceError('InvalidApprovalTokenException', `The token is not valid for approval action '${body.actionName}'`)
  if (found.run.status !== 'InProgress')
    throw new ServiceError(
      'ApprovalAlreadyCompletedException',
      `The approval action '${body.actionName}' has already been ${found.run.status === 'Succeeded' ? 'approved' : 'rejected'}`
    )
  answer(runtime, found, { status: body.result.status, summary: body.result.summary, by }, now)
  return { approvedAt: now / 1000 }
}

/** An answer in the console to the approval waiting in that stage; returns the execution it belonged to. */
export function answerInConsole(runtime: PipelineRuntime, stageName: string, actionName: string, given: ApprovalAnswer, now: number) {
  const waiting = approvalRuns(runtime, stageName, actionName).find((f) => f.run.status === 'InProgress')
  if (waiting === undefined) throw new Error(`emulator: no approval is waiting at ${stageName}.${actionName}`)
  answer(runtime, waiting, given, now)
  return waiting.e.id
}

/** GetPipelineState's approval fields of an action's latest run. */
export function approvalStateView(run: ActionRun, e: Execution | undefined) {
  if (run.approvalToken === undefined) return {}
  // PutApprovalResult's documentation: in PARALLEL mode GetPipelineState shows no token (it is the run's externalExecutionId).
  if (run.status === 'InProgress') return { token: e?.mode === 'PARALLEL' ? undefined : run.approvalToken }
  if (run.status === 'Abandoned') return {}
  return { lastUpdatedBy: run.answeredBy ?? CONSOLE_APPROVER, summary: run.answerSummary ?? run.action.summary }
}
