// Stage retries: automatic (onFailure RETRY, once, as the user guide documents) and manual (RetryStageExecution).
// Retried actions run as new action executions under the same pipeline execution id.
import { ServiceError } from './errors.js'
import { latestRuns, type Execution } from './model.js'
import type { Action, Stage } from './spec.js'

/** How long a failed stage shows Failed before CodePipeline retries it automatically. */
export const AUTO_RETRY_DELAY_MS = 2000

export function noteRetry(e: Execution, stageIndex: number, trigger: 'AutomatedStageRetry' | 'ManualStageRetry'): void {
  const retries = e.retries[stageIndex] ?? { auto: 0, manual: 0 }
  if (trigger === 'AutomatedStageRetry') retries.auto += 1
  else retries.manual += 1
  retries.latest = trigger
  e.retries[stageIndex] = retries
}

/** FAILED_ACTIONS: the failed or abandoned actions of the latest attempt; ALL_ACTIONS: the whole stage. */
export function actionsToRetry(e: Execution, stage: Stage, mode: 'FAILED_ACTIONS' | 'ALL_ACTIONS'): Action[] {
  if (mode === 'ALL_ACTIONS') return stage.actions
  const failed = latestRuns(e, e.stageIndex).filter((r) => r.status === 'Failed' || r.status === 'Abandoned')
  return failed.map((r) => r.action)
}

/** Why RetryStageExecution refuses, as the API's errors say; undefined when the retry can go ahead. */
export function retryRefusal(executions: readonly Execution[], e: Execution, stageIndex: number, mode: string): ServiceError | undefined {
  const status = e.stageStatus[stageIndex]
  const stageName = e.runs.find((r) => r.stageIndex === stageIndex)?.stage.name ?? `#${stageIndex}`
  if (e.status === 'InProgress' || e.status === 'Stopping' || (status !== 'Failed' && status !== 'Stopped'))
    return new ServiceError('StageNotRetryableException', `Stage '${stageName}' of execution '${e.id}' has not failed or stopped`)
  const newer = executions.slice(executions.indexOf(e) + 1).find((o) => o.stageStatus[stageIndex] !== undefined)
  if (newer !== undefined)
    return new ServiceError(
      'NotLatestPipelineExecutionException',
      `Execution '${newer.id}' ran stage '${stageName}' after execution '${e.id}'; only the latest can be retried`
    )
  if (mode === 'FAILED_ACTIONS' && !latestRuns(e, stageIndex).some((r) => r.status === 'Failed' || r.status === 'Abandoned'))
    return new ServiceError('StageNotRetryableException', `Stage '${stageName}' of execution '${e.id}' has no failed actions`)
  return undefined
}
