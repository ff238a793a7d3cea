// After a failure: did CodePipeline roll a stage back (a stage's onFailure or onSuccess result ROLLBACK)? The
// rollback is a new execution of type ROLLBACK; the API does not link it to the execution that failed, so the
// safe reading is the newest AutomatedRollback execution that started after ours did, both times read on AWS's
// clock (the runner's may be minutes off). It never changes the verdict: the commit did not pass, whatever the
// rollback did. With wait-for-rollback, it is followed to its end. Every read is retried like any poll.
import type { CodePipelinePort, PastExecution } from '../codepipeline/port.js'
import { errorMessage } from '../errors.js'
import { withRetries, type RetryPolicy } from '../execution/retry.js'
import type { Clock, Log, Outputs } from '../ports.js'

// ListPipelineExecutions, newest first: the rollback starts with the failure, so it is among the newest. One look,
// right after the failure: a failing run never waits to find out (the verdict is a failure either way).
const LOOK_AT = 10
// The look holds the verdict back: retried, but not for a whole outage (as the last progress read).
const LOOK_RETRY_MS = 30_000

export interface Rollback {
  executionId: string
  targetId?: string
  commit?: string
  status: string
}

export interface RollbackDeps {
  port: Pick<CodePipelinePort, 'listRecentExecutions' | 'getExecution'>
  log: Log
  clock: Clock
  outputs: Outputs
  /** The backoff and the outage tolerance every poll uses. */
  retry: RetryPolicy
}

export interface RollbackQuery {
  pipelineName: string
  executionId: string
  /** Follow the rollback to its end (wait-for-rollback). */
  wait: boolean
  /** How often to ask while following it. */
  pollMs: number
  signal?: AbortSignal
}

/**
 * The newest AutomatedRollback that started after ours, on AWS's clock: ours is in the same listing (newest
 * first); if it is not among the newest, every execution listed started after it.
 */
function newestRollback(past: PastExecution[], q: RollbackQuery): PastExecution | undefined {
  const oursStarted = past.find((e) => e.id === q.executionId)?.startTime ?? -Infinity
  return past.find(
    (e) =>
      e.type === 'ROLLBACK' && e.triggerType === 'AutomatedRollback' && e.id !== q.executionId && (e.startTime ?? -Infinity) >= oursStarted
  )
}

async function look(deps: RollbackDeps, q: RollbackQuery): Promise<PastExecution | undefined> {
  const past = await withRetries(deps, {
    what: 'Could not look for a rollback',
    send: (signal) => deps.port.listRecentExecutions(q.pipelineName, LOOK_AT, signal),
    signal: q.signal,
    limitMs: () => Math.min(deps.retry.outageToleranceMs, LOOK_RETRY_MS)
  })
  return newestRollback(past, q)
}

/** The rollback's status, retried like the wait's polls (within the outage tolerance). */
function statusOf(deps: RollbackDeps, q: RollbackQuery, rollbackId: string): Promise<string> {
  return withRetries(deps, {
    what: `Could not get the status of rollback execution ${rollbackId}`,
    send: async (signal) => (await deps.port.getExecution(q.pipelineName, rollbackId, signal)).status,
    signal: q.signal
  })
}

const TERMINAL = new Set(['Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Superseded'])

/** Finds the rollback (and follows it with `wait`); logs it and sets the rollback outputs. Never throws. */
export async function reportRollback(deps: RollbackDeps, q: RollbackQuery): Promise<Rollback | undefined> {
  try {
    const found = await look(deps, q)
    if (found === undefined) return undefined
    const rollback: Rollback = {
      executionId: found.id,
      targetId: found.rollbackTargetId,
      commit: found.revisionIds?.[0],
      status: found.status
    }
    const to = rollback.targetId
      ? ` to execution ${rollback.targetId}${rollback.commit ? ` (revision ${rollback.commit.slice(0, 12)})` : ''}`
      : ''
    deps.log.info(`CodePipeline rolled back${to}: rollback execution ${rollback.executionId} is ${rollback.status}.`)
    deps.outputs.setOutput('rollback-execution-id', rollback.executionId)
    while (q.wait && !TERMINAL.has(rollback.status)) {
      await deps.clock.sleep(q.pollMs, q.signal)
      rollback.status = await statusOf(deps, q, rollback.executionId)
    }
    if (q.wait) deps.log.info(`Rollback execution ${rollback.executionId} ended ${rollback.status}.`)
    deps.outputs.setOutput('rollback-status', rollback.status)
    return rollback
  } catch (err) {
    if (q.signal?.aborted) throw err
    deps.log.warning(`Could not tell whether CodePipeline rolled back: ${errorMessage(err)}`)
    return undefined
  }
}

/** The sentence the failure message adds. */
export function describeRollback(r: Rollback): string {
  const to = r.targetId ? ` to execution ${r.targetId}${r.commit ? ` (revision ${r.commit.slice(0, 12)})` : ''}` : ''
  return `CodePipeline rolled back${to} in execution ${r.executionId} (${r.status})`
}
