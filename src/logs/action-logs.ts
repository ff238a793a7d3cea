// The logs of the execution's compute actions, as the `logs` input asks: the failed actions' tails at the end
// (failed), every log live (all), or nothing (none). What the main step calls; it never throws, and nothing
// it reads changes the verdict.
import type { ActionRun } from '../codepipeline/port.js'
import { errorMessage } from '../errors.js'
import type { LogsMode } from '../inputs/settings.js'
import type { Log } from '../ports.js'
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
  /** Default: the SDK clients, imported on first use. */
  load?: LogReaderLoader
}

/** A failed action's last lines, for the failure annotation and the check run. */
export interface LogTail {
  stageName: string
  actionName: string
  lines: string[]
}

export const ANNOTATION_LINES = 10

export class ActionLogs {
  private readonly access: LogAccess
  private readonly live: LiveLogs
  private readonly tails = new Map<string, string[]>()

  constructor(private readonly deps: ActionLogsDeps) {
    this.access = new LogAccess({ ...deps, load: deps.load ?? loadLogReader })
    this.live = new LiveLogs(this.access, deps.log)
  }

  /** After each progress poll: with logs: all, the running actions' new lines and a group per ended action. */
  readonly afterProgress = async (runs: ActionRun[], signal?: AbortSignal): Promise<void> => {
    if (this.deps.mode !== 'all' || signal?.aborted) return
    await this.guard(() => this.live.update(runs, false, signal))
  }

  /**
   * Once the execution has ended: the failed actions' tails, read backwards from each log's end (for the
   * annotation; printed with logs: failed), and with logs: all the rest of every log.
   */
  async atEnd(runs: ActionRun[], signal?: AbortSignal): Promise<void> {
    const failed = failedWithLogs(runs)
    if (this.deps.mode === 'failed')
      await this.guard(async () => {
        await readTails(this.access, failed, TAIL_LINES, this.tails, signal)
        printTails(this.deps.log, failed, this.tails)
      })
    if (this.deps.mode === 'all')
      await this.guard(async () => {
        await readTails(this.access, failed, ANNOTATION_LINES, this.tails, signal)
        await this.live.update(runs, true, signal)
      })
  }

  /** The last lines of a failed run's log (after atEnd), or undefined when its end could not be read. */
  tailOf(run: ActionRun, count = ANNOTATION_LINES): LogTail | undefined {
    const lines = (this.tails.get(run.actionExecutionId) ?? this.live.endOf(run.actionExecutionId))?.slice(-count)
    return lines && lines.length > 0 ? { stageName: run.stageName, actionName: run.actionName, lines } : undefined
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
  const cut = tail.lines.map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line))
  return `${message}\n\nThe last ${cut.length} lines of the log of ${actionLabel(tail)}:\n${cut.join('\n')}`
}
