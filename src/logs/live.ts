// logs: all. After each progress poll, one GetLogEvents per running compute action, onwards from its
// nextForwardToken, so reads are paced like the progress polls. New lines are printed as they come, prefixed
// with the action's name, so that parallel builds stay readable; once an action has ended, the rest of its
// log is read and the whole of it is printed in one collapsed group.
import type { ActionRun } from '../codepipeline/port.js'
import type { Log } from '../ports.js'
import { latestRuns } from '../report/progress.js'
import type { LogAccess } from './access.js'
import { actionLabel, logSourceOf } from './locate.js'
import { printUntrusted, splitMessage } from './untrusted.js'

// Kept for the action's group; a longer log keeps its end (the beginning was shown live).
const MAX_KEPT_LINES = 10_000
// Reading the rest of an ended action's log: enough pages for any sane build (10,000 events or 1 MB each).
const MAX_DRAIN_PAGES = 20

interface Followed {
  token?: string
  lines: string[]
  dropped: number
  done: boolean
}

export class LiveLogs {
  private readonly followed = new Map<string, Followed>()

  constructor(
    private readonly access: LogAccess,
    private readonly log: Log
  ) {}

  /** The lines kept for a run (its whole log, or its end when long). */
  linesOf(actionExecutionId: string): string[] | undefined {
    return this.followed.get(actionExecutionId)?.lines
  }

  /** `final`: the execution has ended, so every log is read to its end and grouped. */
  async update(runs: ActionRun[], final: boolean, signal?: AbortSignal): Promise<void> {
    const candidates = [...latestRuns(runs).values()]
      .filter((run) => logSourceOf(run) !== undefined && !this.followed.get(run.actionExecutionId)?.done)
      .sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0))
    if (candidates.length === 0) return
    const streams = await this.access.streamsOf(candidates, signal)
    for (const run of candidates) {
      const stream = streams.get(run.actionExecutionId)
      const state = this.followed.get(run.actionExecutionId) ?? { lines: [], dropped: 0, done: false }
      this.followed.set(run.actionExecutionId, state)
      const ended = final || run.status !== 'InProgress'
      if (stream === undefined) {
        if (ended) state.done = true // no log to show (CloudWatch Logs off, or it could not be located)
        continue
      }
      if (!ended) {
        const fresh = await this.next(run, state, stream, signal)
        printUntrusted(this.log, fresh, { prefix: `${run.actionName} | ` })
        continue
      }
      for (let page = 0; page < MAX_DRAIN_PAGES; page++) {
        if ((await this.next(run, state, stream, signal)).length === 0) break
      }
      state.done = true
      this.printGroup(run, state)
    }
  }

  /** One read onwards from the token; the new lines (also kept). */
  private async next(
    run: ActionRun,
    state: Followed,
    stream: Parameters<LogAccess['forward']>[1],
    signal?: AbortSignal
  ): Promise<string[]> {
    const page = await this.access.forward(run, stream, state.token, signal)
    if (!page || page.nextForwardToken === state.token) return []
    state.token = page.nextForwardToken
    const lines = page.messages.flatMap(splitMessage)
    state.lines.push(...lines)
    if (state.lines.length > MAX_KEPT_LINES) state.dropped += state.lines.splice(0, state.lines.length - MAX_KEPT_LINES).length
    return lines
  }

  private printGroup(run: ActionRun, state: Followed): void {
    if (state.lines.length === 0) return
    const earlier = state.dropped > 0 ? ` (the first ${state.dropped} were shown live above)` : ''
    const title = `${actionLabel(run)}: its log, ${state.lines.length} lines${earlier}`
    printUntrusted(this.log, state.lines, { group: title })
  }
}
