// How long an execution still has to go, learned from the pipeline's own past: for each action, the median
// time from its start, and from its end, to the end of its (successful) execution. Measured from the action
// rather than from the execution's start, so that what varies from run to run before it (a manual approval
// answered after ten minutes or three hours, a queue) does not blur the prediction: once the approval is
// answered, or the last stage's last action starts, the rest is as long as it usually is.
import type { ActionRun, PastExecution } from '../codepipeline/port.js'
import { latestRuns } from '../report/progress.js'

/** Per stage/action (`stage\u0000action`): the usual ms from its start, and from its end, to the execution's end. */
export interface Remainders {
  afterStart: Map<string, number>
  afterEnd: Map<string, number>
}

// As for the whole run's duration (history.ts): recent enough to reflect today's pipeline.
const MEDIAN_OF = 5

/** NaN for no values. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (i: number): number => sorted[i] ?? Number.NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2
}

const keyOf = (run: Pick<ActionRun, 'stageName' | 'actionName'>) => `${run.stageName}\u0000${run.actionName}`

function medians(samples: Map<string, number[]>): Map<string, number> {
  return new Map([...samples].map(([key, values]) => [key, median(values.slice(0, MEDIAN_OF))]))
}

/** From past executions (newest first) and their action runs; undefined when no successful one has runs. */
export function learnRemainders(past: PastExecution[], runs: ActionRun[], excludeId?: string): Remainders | undefined {
  const ends = new Map(
    past
      .filter((e) => e.status === 'Succeeded' && e.id !== excludeId && e.lastUpdateTime !== undefined)
      .map((e) => [e.id, e.lastUpdateTime!] as const)
  )
  const afterStart = new Map<string, number[]>()
  const afterEnd = new Map<string, number[]>()
  const add = (to: Map<string, number[]>, key: string, ms: number) => {
    if (ms >= 0) to.set(key, [...(to.get(key) ?? []), ms])
  }
  // Newest execution first, so each action's first samples are its newest.
  for (const [id, end] of ends) {
    const own = runs.filter((r) => r.executionId === id)
    for (const run of latestRuns(own).values()) {
      if (run.status !== 'Succeeded') continue
      if (run.startTime !== undefined) add(afterStart, keyOf(run), end - run.startTime)
      if (run.lastUpdateTime !== undefined) add(afterEnd, keyOf(run), end - run.lastUpdateTime)
    }
  }
  if (afterStart.size === 0 && afterEnd.size === 0) return undefined
  return { afterStart: medians(afterStart), afterEnd: medians(afterEnd) }
}

/**
 * When this execution should end, on AWS's clock, from its newest known moment: the latest action start or
 * end that history knows the remainder of. Undefined while a manual approval waits (nobody knows when it is
 * answered) or when history knows none of the actions seen.
 */
export function predictEnd(remainders: Remainders, runs: ActionRun[]): number | undefined {
  const latest = [...latestRuns(runs).values()]
  if (latest.some((r) => r.category === 'Approval' && r.status === 'InProgress')) return undefined
  let best: { at: number; end: number } | undefined
  const consider = (at: number | undefined, remainder: number | undefined) => {
    if (at === undefined || remainder === undefined) return
    const end = at + remainder
    // The newest moment knows the most; at the same moment (parallel actions), the later end is the truth.
    if (best === undefined || at > best.at || (at === best.at && end > best.end)) best = { at, end }
  }
  for (const run of latest) {
    if (run.status === 'Succeeded') consider(run.lastUpdateTime, remainders.afterEnd.get(keyOf(run)))
    else if (run.status === 'InProgress') consider(run.startTime, remainders.afterStart.get(keyOf(run)))
  }
  return best?.end
}
