// logs: all. After each progress poll, one GetLogEvents per running compute action, onwards from its
// nextForwardToken, so reads are paced like the progress polls. New lines are printed as they come, prefixed
// with the action's name, so that parallel builds stay readable; once an action has ended, the rest of its
// log is read (until the forward token comes back unchanged: an empty page is not the end) and the log is
// printed in one collapsed group, whose title says how many lines it holds, were shown live, or are left out.
import type { ActionRun } from '../codepipeline/port.js'
import type { Log } from '../ports.js'
import { latestRuns } from '../report/progress.js'
import type { LogAccess } from './access.js'
import { actionLabel, logSourceOf } from './locate.js'
import type { LogStream } from './types.js'
import { printUntrusted, splitMessage } from './untrusted.js'

// Kept for the action's group; a longer log keeps its end.
export const MAX_KEPT_LINES = 10_000
// A sanity bound on reading the rest of an ended action's log (10,000 events or 1 MB a page): far beyond any
// build, it only stops a service that keeps answering fresh tokens; the group then says it was not read to its end.
const MAX_DRAIN_PAGES = 1000

interface Followed {
  token?: string
  /** The end of what was read, at most MAX_KEPT_LINES. */
  lines: string[]
  /** Every line read so far, kept or not. */
  read: number
  /** Lines printed live (always the log's first ones). */
  shownLive: number
  /** Read until the forward token came back unchanged. */
  complete: boolean
  /** A read failed (LogAccess has said so, with the link). */
  failed: boolean
  /** Its group is printed (or it has no log). */
  done: boolean
}

type Step = 'more' | 'end' | 'failed'

/** What one read gave: the new lines, and whether there may be more. */
interface Read {
  step: Step
  lines: string[]
}

export class LiveLogs {
  private readonly followed = new Map<string, Followed>()

  constructor(
    private readonly access: LogAccess,
    private readonly log: Log
  ) {}

  /** The last lines of a run's log, when it was read to its end. */
  endOf(actionExecutionId: string): string[] | undefined {
    const state = this.followed.get(actionExecutionId)
    return state?.complete ? state.lines : undefined
  }

  /** `final`: the execution has ended, so every log is read to its end and grouped. */
  async update(runs: ActionRun[], final: boolean, signal?: AbortSignal): Promise<void> {
    const candidates = [...latestRuns(runs).values()]
      .filter((run) => logSourceOf(run) !== undefined && !this.followed.get(run.actionExecutionId)?.done)
      .sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0))
    if (candidates.length === 0) return
    const streams = await this.access.streamsOf(candidates, signal)
    for (const run of candidates) {
      if (signal?.aborted) return
      const stream = streams.get(run.actionExecutionId)
      const state = this.stateOf(run)
      const ended = final || run.status !== 'InProgress'
      if (stream === undefined) {
        if (ended) state.done = true // no log to show (CloudWatch Logs off, or it could not be located)
        continue
      }
      if (!ended) {
        const { lines } = await this.next(run, state, stream, signal)
        if (signal?.aborted) return
        printUntrusted(this.log, lines, { prefix: `${run.actionName} | ` })
        state.shownLive = state.read
        continue
      }
      await this.drain(run, state, stream, signal)
      if (signal?.aborted) return
      this.printGroup(run, state)
    }
  }

  private stateOf(run: ActionRun): Followed {
    const known = this.followed.get(run.actionExecutionId)
    if (known) return known
    const state: Followed = { lines: [], read: 0, shownLive: 0, complete: false, failed: false, done: false }
    this.followed.set(run.actionExecutionId, state)
    return state
  }

  /** Reads on until the forward token repeats (the end), a read fails, or the sanity bound. */
  private async drain(run: ActionRun, state: Followed, stream: LogStream, signal?: AbortSignal): Promise<void> {
    for (let page = 0; page < MAX_DRAIN_PAGES && !signal?.aborted; page++) {
      const { step } = await this.next(run, state, stream, signal)
      state.complete = step === 'end'
      state.failed = step === 'failed'
      if (step !== 'more') return
    }
  }

  /** One read onwards from the token; its lines are kept (the end of the log, when long). */
  private async next(run: ActionRun, state: Followed, stream: LogStream, signal?: AbortSignal): Promise<Read> {
    const page = await this.access.forward(run, stream, state.token, signal)
    if (!page) return { step: 'failed', lines: [] }
    // The same token back is the end; so is none (a stream not created yet, read as empty).
    if (page.nextForwardToken === undefined || page.nextForwardToken === state.token) return { step: 'end', lines: [] }
    state.token = page.nextForwardToken
    const lines = page.messages.flatMap(splitMessage)
    state.read += lines.length
    // Not push(...lines): a 1 MB page of one-character lines is more arguments than a call can take.
    state.lines = state.lines.concat(lines.slice(-MAX_KEPT_LINES)).slice(-MAX_KEPT_LINES)
    return { step: 'more', lines }
  }

  /**
   * The grace at the verdict is over: each log not yet grouped gets what was read of it, and a warning saying
   * why the rest is missing, with the link. Nothing is read or printed after this.
   */
  finish(runs: ActionRun[], why: string): void {
    for (const run of latestRuns(runs).values()) {
      if (logSourceOf(run) === undefined) continue
      const state = this.stateOf(run)
      if (!state.done) this.printGroup(run, state, why)
    }
  }

  private printGroup(run: ActionRun, state: Followed, why = 'it was not read to its end'): void {
    state.done = true
    const label = actionLabel(run)
    const kept = state.lines.length
    const left = state.read - kept
    const liveBefore = Math.min(left, state.shownLive)
    const hidden = left - liveBefore
    const cut = !state.complete && !state.failed // a failed read was said where it failed (LogAccess)
    if (kept > 0) {
      const of = state.complete ? `its ${state.read} lines` : `the ${state.read} lines read of its log`
      const what = left === 0 ? `its log, ${kept} lines` : `the last ${kept} of ${of}`
      const notes = [
        liveBefore > 0 ? `the first ${liveBefore} were shown live above` : '',
        hidden > 0 ? `${hidden} lines before these are not shown` : '',
        state.complete ? '' : 'not read to its end'
      ].filter((note) => note !== '')
      printUntrusted(this.log, state.lines, { group: `${label}: ${what}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}` })
    }
    const parts = [hidden > 0 ? `the first ${hidden} lines are not shown here (at most ${MAX_KEPT_LINES} are kept)` : '', cut ? why : '']
    const said = parts.filter((part) => part !== '').join('; ')
    if (said === '') return
    const line = `The log of ${label}: ${said}. The whole log is at ${this.access.linkOf(run)}`
    if (cut) this.log.warning(line)
    else this.log.info(line)
  }
}
