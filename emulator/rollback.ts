// Stage rollbacks: a new execution of type ROLLBACK redeploys, in one stage, the source revisions of an earlier
// execution that succeeded there (automatically when a stage's onFailure or onSuccess result is ROLLBACK).
import type { Execution } from './model.js'

/** The newest STANDARD execution before `failed` that succeeded in the stage; a ROLLBACK one is never a target. */
export function rollbackTarget(executions: readonly Execution[], failed: Execution, stageIndex: number): Execution | undefined {
  const before = executions.slice(0, executions.indexOf(failed))
  return before.reverse().find((e) => isRollbackTarget(e, stageIndex))
}

export function isRollbackTarget(e: Execution, stageIndex: number): boolean {
  return e.type === 'STANDARD' && (e.stageStatus[stageIndex] === 'Succeeded' || (e.status === 'Succeeded' && e.runs.length === 0))
}

export function rollbackExecution(
  e: Execution,
  target: Execution,
  stageIndex: number,
  trigger: 'AutomatedRollback' | 'ManualRollback'
): Execution {
  return { ...e, type: 'ROLLBACK', triggerType: trigger, rollbackTargetId: target.id, stageIndex, onlyStage: stageIndex }
}
