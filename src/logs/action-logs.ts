// The logs of the execution's compute actions, as the `logs` input asks: the failed actions' tails at the end
// (failed), every log live (all), or nothing (none). What the main step calls; it never throws, nothing it
// reads changes the verdict, and nothing waits for it: live reads run beside the poll loop (a poll never waits
// for a log), and at the verdict the reads still to do get a bounded grace, then the report goes on without
// them and says which log could not be read in time, with its link. A signal (a cancel) ends the grace at once.
import type { ActionRun } from '../codepipeline/port.js'
import { errorMessage } from '../errors.js'
import type { LogsMode } from '../inputs/settings.js'
import { systemClock } from '../clock.js'
import type { Clock, Log, SignalSource } from '../ports.js'
import { LogAccess } from './access.js'
import { loadLogReader } from './clients.js'
import { failedWithLogs, printTails, readTails, TAIL_LINES } from './failed.js'
import { LiveLogs } from './live.js'
import { actionLabel } from './locate.js'
import type { LogReaderLoader } from './types.js'

export interface ActionLogsDeps {
  log: Log
  mode: LogsMode
  region: string
  consoleUrl: string
  /** Times the grace at the verdict; real time by default, as the reads it bounds are (a virtual clock would cut them). */
  clock?: Clock
  /** SIGINT/SIGTERM: a cancel after the verdict ends the grace for logs at once, so the report fits its deadline. */
  signals?: SignalSource
  /** Default: the SDK clients, imported on first use. */
  load?: LogReaderLoader
}

/** A failed action's last lines, for the failure annotation and the check run. */
export interface LogTail {
  stageName: string
  actionName: string
  lines: string[]
  /** No lines: the log could not be read in time; it is here. */
  unreadAt?: string
}

export const ANNOTATION_LINES = 10
// How long the report waits at the verdict for the logs still to read (a read in flight included). A healthy
// CloudWatch Logs answers in well under a second; a slow one must not hold the verdict back.
export const LOG_GRACE_MS = 10_000
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']

export class ActionLogs {
  private readonly access: LogAccess
  private readonly live: LiveLogs
  private readonly tails = new Map<string, string[]>()
  /** Aborts every read; once aborted, nothing more is read or printed. */
  private readonly stopper = new AbortController()
  private inFlight: Promise<void> | undefined
  private readonly unread = new Set<string>()
  /** A SIGINT or SIGTERM came: no log is worth the time any more (the cancel's report, or the verdict's). */
  private signalled = false
  private readonly onSignal = () => {
    this.signalled = true
    this.stop()
  }

  constructor(private readonly deps: ActionLogsDeps) {
    this.access = new LogAccess({ ...deps, load: deps.load ?? loadLogReader })
    this.live = new LiveLogs(this.access, deps.log)
    for (const name of SIGNALS) deps.signals?.on(name, this.onSignal)
  }

  /**
   * After each progress poll, with logs: all: the running actions' new lines and a group per ended action,
   * read beside the poll loop (this returns at once); skipped while the previous read is still going.
   */
  readonly afterProgress = (runs: ActionRun[], signal?: AbortSignal): Promise<void> => {
    if (this.deps.mode !== 'all' || signal?.aborted || this.stopper.signal.aborted || this.inFlight) return Promise.resolve()
    const reading = signal ? AbortSignal.any([signal, this.stopper.signal]) : this.stopper.signal
    this.inFlight = this.guard(() => this.live.update(runs, false, reading)).finally(() => (this.inFlight = undefined))
    return Promise.resolve()
  }

  /**
   * Once the execution has ended, within LOG_GRACE_MS: the failed actions' tails, read backwards from each
   * log's end (for the annotation; printed with logs: failed), and with logs: all the rest of every log.
   */
  async atEnd(runs: ActionRun[]): Promise<void> {
    if (this.deps.mode === 'none') return
    const expired = await this.within(LOG_GRACE_MS, () => this.readAtEnd(runs))
    this.stop()
    const failed = failedWithLogs(runs)
    if (this.deps.mode === 'failed') printTails(this.deps.log, failed, this.tails)
    if (!expired) return
    const when = this.signalled ? 'before the workflow run was cancelled' : `within ${LOG_GRACE_MS / 1000} s`
    this.live.finish(runs, `it could not be read to its end ${when}`)
    for (const run of failed.filter((r) => !this.tails.has(r.actionExecutionId))) {
      this.unread.add(run.actionExecutionId)
      if (this.deps.mode === 'failed')
        this.deps.log.warning(`Could not read the log of ${actionLabel(run)} ${when}; it is at ${this.access.linkOf(run)}`)
    }
  }

  /** Stops every read (at the end, or when the wait ended without a verdict): nothing more is read or printed. */
  stop(): void {
    this.stopper.abort()
    for (const name of SIGNALS) this.deps.signals?.removeListener(name, this.onSignal)
  }

  private async readAtEnd(runs: ActionRun[]): Promise<void> {
    const signal = this.stopper.signal
    await this.inFlight
    const failed = failedWithLogs(runs)
    const lines = this.deps.mode === 'failed' ? TAIL_LINES : ANNOTATION_LINES
    await this.guard(() => readTails(this.access, failed, lines, this.tails, signal))
    if (this.deps.mode === 'all' && !signal.aborted) await this.guard(() => this.live.update(runs, true, signal))
  }

  /** Runs `work` for at most `ms`, less if a signal comes (or came); true when it was cut short. */
  private async within(ms: number, work: () => Promise<void>): Promise<boolean> {
    if (this.signalled) return true
    const timer = new AbortController()
    let expired = false
    const cut = () => ((expired = true), timer.abort())
    this.stopper.signal.addEventListener('abort', cut, { once: true })
    try {
      const grace = (this.deps.clock ?? systemClock).sleep(ms, timer.signal).then(cut, () => undefined)
      await Promise.race([work(), grace])
    } finally {
      timer.abort()
      this.stopper.signal.removeEventListener('abort', cut)
    }
    return expired
  }

  /** The last lines of a failed run's log (after atEnd); lines: [] with unreadAt when it could not be read in time. */
  tailOf(run: ActionRun, count = ANNOTATION_LINES): LogTail | undefined {
    const id = run.actionExecutionId
    const read = this.tails.get(id)
    const lines = (read && read.length > 0 ? read : this.live.endOf(id))?.slice(-count)
    const where = { stageName: run.stageName, actionName: run.actionName }
    if (lines && lines.length > 0) return { ...where, lines }
    return this.unread.has(id) ? { ...where, lines: [], unreadAt: this.access.linkOf(run) } : undefined
  }

  private async guard(read: () => Promise<void>): Promise<void> {
    try {
      await read()
    } catch (err) {
      // A bug here must not cost the user the verdict: say it, and go on without logs.
      this.deps.log.warning(`Could not show the build logs: ${errorMessage(err)}`)
    }
  }
}

/** The failure annotation's message, with the failed action's last log lines under it. */
export function withLogTail(message: string, tail: LogTail | undefined): string {
  if (!tail) return message
  if (tail.lines.length === 0)
    return tail.unreadAt ? `${message}\n\nThe log of ${actionLabel(tail)} could not be read in time; it is at ${tail.unreadAt}` : message
  const cut = tail.lines.map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line))
  return `${message}\n\nThe last ${cut.length} lines of the log of ${actionLabel(tail)}:\n${cut.join('\n')}`
}
