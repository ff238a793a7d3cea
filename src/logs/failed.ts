// logs: failed (the default). Once the execution has ended, the last lines of each failed action's log, in a
// collapsed group named after the stage and action. Only failed actions are read, so a successful run makes
// no log or CodeBuild call at all: one BatchGetBuilds for the failed builds, one GetLogEvents per failed action.
import type { ActionRun } from '../codepipeline/port.js'
import type { Log } from '../ports.js'
import { latestRuns } from '../report/progress.js'
import type { LogAccess } from './access.js'
import { actionLabel, logSourceOf } from './locate.js'
import { printUntrusted, splitMessage } from './untrusted.js'

export const TAIL_LINES = 50
// Parallel actions that all failed: each gets its tail, up to this many (the rest are in the console).
const MAX_FAILED_SHOWN = 5

/** Prints the tails; returns each shown action run's lines (by actionExecutionId). */
export async function showFailedTails(
  access: LogAccess,
  log: Log,
  runs: ActionRun[],
  signal?: AbortSignal
): Promise<Map<string, string[]>> {
  const failed = [...latestRuns(runs).values()]
    .filter((run) => run.status === 'Failed' && logSourceOf(run) !== undefined)
    .sort((a, b) => (a.lastUpdateTime ?? 0) - (b.lastUpdateTime ?? 0))
    .slice(0, MAX_FAILED_SHOWN)
  const tails = new Map<string, string[]>()
  if (failed.length === 0) return tails
  const streams = await access.streamsOf(failed, signal)
  for (const run of failed) {
    const stream = streams.get(run.actionExecutionId)
    const messages = stream && (await access.tail(run, stream, TAIL_LINES, signal))
    if (!messages || messages.length === 0) continue
    const lines = messages.flatMap(splitMessage).slice(-TAIL_LINES)
    printUntrusted(log, lines, { group: `${actionLabel(run)}: the last ${lines.length} lines of its log` })
    tails.set(run.actionExecutionId, lines)
  }
  return tails
}
