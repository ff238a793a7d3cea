// logs: failed (the default). Once the execution has ended, the last lines of each failed action's log, in a
// collapsed group named after the stage and action. Only failed actions are read, so a successful run makes
// no log or CodeBuild call at all: one BatchGetBuilds for the failed builds, one GetLogEvents per failed action.
// Each tail is read backwards from the log's end (startFromHead: false), so it is the end whatever came before.
import type { ActionRun } from '../codepipeline/port.js'
import type { Log } from '../ports.js'
import { latestRuns } from '../report/progress.js'
import type { LogAccess } from './access.js'
import { actionLabel, logSourceOf } from './locate.js'
import { printUntrusted, splitMessage } from './untrusted.js'

export const TAIL_LINES = 50
// Parallel actions that all failed: each gets its tail, up to this many (the rest are in the console).
const MAX_FAILED_SHOWN = 5

/** The failed runs whose tails are read, oldest failure first. */
export function failedWithLogs(runs: ActionRun[]): ActionRun[] {
  return [...latestRuns(runs).values()]
    .filter((run) => run.status === 'Failed' && logSourceOf(run) !== undefined)
    .sort((a, b) => (a.lastUpdateTime ?? 0) - (b.lastUpdateTime ?? 0))
    .slice(0, MAX_FAILED_SHOWN)
}

/**
 * Reads the last `limit` lines of each failed run's log, all at once; each lands in `into` (by actionExecutionId)
 * as it comes: [] when there is no log or it could not be read. A run cut short by the signal is left out.
 */
export async function readTails(
  access: LogAccess,
  failed: ActionRun[],
  limit: number,
  into: Map<string, string[]>,
  signal?: AbortSignal
): Promise<void> {
  if (failed.length === 0) return
  const streams = await access.streamsOf(failed, signal)
  await Promise.all(
    failed.map(async (run) => {
      const stream = streams.get(run.actionExecutionId)
      const messages = stream ? await access.tail(run, stream, limit, signal) : undefined
      if (!signal?.aborted) into.set(run.actionExecutionId, (messages ?? []).flatMap(splitMessage).slice(-limit))
    })
  )
}

/** Prints the tails read, in the order of the failures. */
export function printTails(log: Log, failed: ActionRun[], tails: Map<string, string[]>): void {
  for (const run of failed) {
    const lines = tails.get(run.actionExecutionId)
    if (lines && lines.length > 0) printUntrusted(log, lines, { group: `${actionLabel(run)}: the last ${lines.length} lines of its log` })
  }
}
