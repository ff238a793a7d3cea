// After a re-run's RetryStageExecution, CodePipeline's reads may still answer the execution's old ending for a
// moment: its reads are eventually consistent and the API promises no read-after-write. A merge gate must never
// report that old ending as the retry's verdict. GetPipelineExecution carries no time, so a terminal status counts
// only once the execution was seen running again, or ListPipelineExecutions shows the same status with a
// lastUpdateTime later than the one read before the retry (AWS's clock on both sides, never the runner's).
import type { CodePipelinePort, PastExecution } from '../codepipeline/port.js'

/** The execution as read before the retry: its ending and lastUpdateTime (epoch ms, AWS's clock). */
export interface StaleMarker {
  status: string
  lastUpdateTime?: number
}

/** How long a retried execution may keep showing only its old ending before the step gives up on it. */
export const STALE_LIMIT_MS = 120_000

/** Whether the listed execution shows this ending, newer than the retry. Unknown times are never newer. */
export function isFreshEnding(marker: StaleMarker, status: string, listed: PastExecution | undefined): boolean {
  if (listed === undefined || listed.status !== status) return false
  if (marker.lastUpdateTime === undefined || listed.lastUpdateTime === undefined) return false
  return listed.lastUpdateTime > marker.lastUpdateTime
}

/** Tells a retried execution's real ending from a stale read of its old one; without a marker every ending counts. */
export class RetriedEnding {
  private seenRunning = false
  private staleSeen = false

  constructor(
    private readonly marker: StaleMarker | undefined,
    private readonly retriedAt: number,
    private readonly listed: () => Promise<PastExecution | undefined>
  ) {}

  /** Whether this status is the verdict: an ending, and not a stale read of the one before the retry. */
  async isVerdict(status: string, terminal: boolean): Promise<boolean> {
    if (!terminal) {
      // Not an ending: the reads show the retry, so later endings are the retry's.
      this.seenRunning = true
      this.staleSeen = false
      return false
    }
    if (this.marker === undefined || this.seenRunning) return true
    this.staleSeen = !isFreshEnding(this.marker, status, await this.listed())
    return !this.staleSeen
  }

  /** Throws when only the old ending has shown for STALE_LIMIT_MS since the retry (runner clock: a duration only). */
  checkOverdue(now: number, executionId: string, consoleUrl: string): void {
    if (!this.staleSeen || now - this.retriedAt < STALE_LIMIT_MS) return
    const minutes = Math.round(STALE_LIMIT_MS / 60_000)
    throw new Error(
      `CodePipeline accepted the retry of execution ${executionId}, but for ${minutes} minutes it never showed the retried execution running, only its earlier ending (${this.marker?.status ?? 'unknown'}), so the retry has no verdict yet: ${consoleUrl}`
    )
  }
}

/** The followed execution's RetriedEnding: its ListPipelineExecutions entry is looked for on the newest page. */
export function retriedEnding(
  port: Pick<CodePipelinePort, 'listExecutionPage'>,
  followed: { execution: { pipelineName: string; executionId: string }; startedAt: number; staleBefore?: StaleMarker },
  signal?: AbortSignal
): RetriedEnding {
  const { pipelineName, executionId } = followed.execution
  const listed = async () =>
    (await port.listExecutionPage(pipelineName, 50, undefined, signal)).executions.find((e) => e.id === executionId)
  return new RetriedEnding(followed.staleBefore, followed.startedAt, listed)
}
