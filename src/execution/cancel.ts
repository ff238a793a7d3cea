// SIGINT/SIGTERM: the runner sends one when the workflow is cancelled or the step times out, SIGTERM 7.5 s
// later, SIGKILL 2.5 s after that. In that window: find what we may have started, stop it, report, exit non-zero.
// Once the outcome is decided (a verdict, a timeout, giving up), a signal changes nothing: main finishes its report.
import type { Settings } from '../inputs/settings.js'
import type { Clock, StepProcess } from '../ports.js'
import type { ActionState } from '../state.js'
import { errorMessage } from '../errors.js'
import { mayStop, pipelineUrl, type Execution, type PipelineRef } from './execution.js'
import { stopExecution, stopReason, type StopDeps } from './stop.js'

export const STOP_TIMEOUT_MS = 4000
// A start in flight gets this long to answer; then it is abandoned and asked again with the same token.
export const START_ANSWER_GRACE_MS = 800
const START_AGAIN_TIMEOUT_MS = 2500
// Whatever happens (a start that never answers, an API that is slow or throttling), exit before the runner's
// SIGTERM, 7.5 s after its SIGINT; a second of margin for a busy machine.
export const EXIT_DEADLINE_MS = 6500
// When there is a cancel report to make (the final commit status, the check run, the summary), the stop leaves
// it this much of the deadline: a stop given up on is said in the report, a report never made is a check
// stuck in progress (and the post step stops the execution still).
export const REPORT_RESERVE_MS = 2500
const MIN_STOP_MS = 500
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']

export interface CancelDeps extends StopDeps {
  /** Where signals come from, and how the step exits. */
  process: StepProcess
  clock: Clock
  settings: Pick<Settings, 'stopOnCancel' | 'abandonOnCancel'>
  /** The workflow run's URL (and attempt), for the stop reason. */
  workflowRun: string
  /** Told that a cancel came and what it did: the post step reads it. */
  state: Pick<ActionState, 'markCancelled' | 'markStopped' | 'saveNothingStarted'>
}

/** A StartPipelineExecution in flight (with its retries), as the guard sees it: start.ts's StartAttempt. */
export interface StartInFlight {
  pipeline: PipelineRef
  answer: Promise<Execution>
  /** Abandons the call and its retries. */
  abort(): void
  /** Whether a request is on the wire whose answer has not come (false during a backoff between tries). */
  onWire(): boolean
  /** On the wire, or some answer so far could not prove that nothing was started (5xx, timeout, dropped). */
  mayHaveStarted(): boolean
  /** Sends it once more with the same clientRequestToken: the execution the first call made, if it made one. */
  again(signal: AbortSignal): Promise<Execution>
}

/** What the cancel did about the execution, for the summary and the commit status. */
export type CancelOutcome = 'stopped' | 'not stopped' | 'left running' | 'not ours'

/** Reports a cancel; everything it does must be done by `byMs` (clock time), when the step exits. */
export type CancelReport = (outcome: CancelOutcome, byMs: number) => Promise<void>

/** What the start made, as far as the cancel handler can learn. */
type StartLearned = { execution: Execution } | { nothing: true } | { unknown: string }

export class CancelGuard {
  private readonly controller = new AbortController()
  private start: StartInFlight | undefined
  private execution: Execution | undefined
  private handling: Promise<void> | undefined
  private report: CancelReport | undefined
  private awaiting: (() => Promise<void>) | undefined
  /** Set once the outcome is decided: the exit code a late signal exits with, if main takes too long. */
  private decidedExitCode: number | undefined
  private readonly lateDeadline = new AbortController()
  private lateSignalSeen = false
  private readonly listeners = SIGNALS.map((name) => [name, () => this.onSignal(name)] as const)

  constructor(private readonly deps: CancelDeps) {}

  /** Aborted on the first signal before the outcome is decided: the start and the wait stop. */
  get signal(): AbortSignal {
    return this.controller.signal
  }

  /** Settles once a cancel has been handled (and exit called); undefined while no cancel came. */
  get cancelling(): Promise<void> | undefined {
    return this.handling
  }

  install(): void {
    for (const [name, fn] of this.listeners) this.deps.process.on(name, fn)
  }

  uninstall(): void {
    for (const [name, fn] of this.listeners) this.deps.process.removeListener(name, fn)
    this.lateDeadline.abort()
  }

  /** The StartPipelineExecution call in flight; a signal waits briefly for its answer, or asks again. */
  trackStart(start: StartInFlight): void {
    this.start = start
  }

  /**
   * The execution the step follows (started by it or not), and how to report a cancel (the summary, the commit
   * status, the check run) within the same exit deadline. One the step did not start is never stopped.
   */
  following(execution: Execution, report: CancelReport): void {
    this.execution = execution
    this.report = report
  }

  /** The step waits for an execution it will follow but did not start (follow-trigger): how to report a cancel meanwhile. */
  awaitingFollow(report: () => Promise<void>): void {
    this.awaiting = report
  }

  /**
   * The outcome is decided (a verdict, or a timeout or outage that main handles): a signal from now on
   * neither stops nor reports; main finishes, and exits with `exitCode` if it is not done by the deadline.
   */
  decided(exitCode = 1): void {
    this.decidedExitCode = exitCode
  }

  private onSignal(signal: NodeJS.Signals): void {
    const { log } = this.deps
    if (this.handling) return log.info(`Received ${signal} again; already cancelling.`)
    if (this.decidedExitCode !== undefined) return this.finishDecided(signal)
    log.info(`Received ${signal}: the workflow was cancelled or the step timed out.`)
    this.deps.state.markCancelled()
    this.controller.abort()
    const deadline = new AbortController()
    const exitAt = this.deps.clock.now() + EXIT_DEADLINE_MS
    const timedOut = this.deps.clock.sleep(EXIT_DEADLINE_MS, deadline.signal).then(
      () => log.error(`Gave up cancelling after ${EXIT_DEADLINE_MS / 1000} s.`),
      () => undefined
    )
    const handled = this.stopStarted(exitAt)
      .catch((err: unknown) => (log.error(`Cancelling failed: ${errorMessage(err)}`), 'not stopped' as const))
      .then((outcome) => (outcome ? this.report?.(outcome, exitAt) : this.awaiting?.()))
      .catch((err: unknown) => log.warning(`Could not report the cancelled run: ${errorMessage(err)}`))
    this.handling = Promise.race([handled, timedOut]).then(() => {
      deadline.abort()
      this.deps.process.exit(1)
    })
  }

  /** After the verdict: main is writing the report; it must not be overwritten, only bounded in time. */
  private finishDecided(signal: NodeJS.Signals): void {
    if (this.lateSignalSeen) return this.deps.log.info(`Received ${signal} again; finishing the report.`)
    this.lateSignalSeen = true
    this.deps.log.info(`Received ${signal} after the outcome was decided; finishing the report.`)
    const code = this.decidedExitCode ?? 1
    this.deps.clock.sleep(EXIT_DEADLINE_MS, this.lateDeadline.signal).then(
      () => this.deps.process.exit(code),
      () => undefined
    )
  }

  /** What the start made, within about 1 s even when it hangs in retries, plus one more ask when in doubt. */
  private async startedExecution(start: StartInFlight): Promise<StartLearned> {
    const answered = start.answer.then(
      (execution) => ({ execution }),
      () => undefined
    )
    const { clock, log } = this.deps
    // Between tries, stop trying at once; the answers so far tell whether one may have started.
    if (!start.onWire()) start.abort()
    const waited = await raceSleep(clock, START_ANSWER_GRACE_MS, answered)
    if (waited) return waited
    start.abort()
    if (!start.mayHaveStarted()) return { nothing: true }
    log.info('The start got no clear answer; asking again with the same client request token to learn its execution.')
    return raceSleep(clock, START_AGAIN_TIMEOUT_MS, (signal) => start.again(signal)).then(
      (execution) => (execution ? { execution } : { unknown: `no answer within ${START_AGAIN_TIMEOUT_MS / 1000} s` }),
      (err: unknown) => ({ unknown: errorMessage(err) })
    )
  }

  /** How long the stop may take: what the deadline leaves after the report's share, within STOP_TIMEOUT_MS. */
  private stopBudget(exitAt: number): number {
    const reserve = this.report ? REPORT_RESERVE_MS : MIN_STOP_MS
    return Math.max(MIN_STOP_MS, Math.min(STOP_TIMEOUT_MS, exitAt - reserve - this.deps.clock.now()))
  }

  /** Finds what the start made and stops it; says what became of it, or undefined when there is nothing to report. */
  private async stopStarted(exitAt: number): Promise<CancelOutcome | undefined> {
    const { log, settings } = this.deps
    const { start, execution } = this
    const learned: StartLearned = execution ? { execution } : start ? await this.startedExecution(start) : { nothing: true }
    if ('nothing' in learned) {
      if (start) this.deps.state.saveNothingStarted()
      log.info(this.awaiting ? 'Stopped waiting for the execution to follow; this step started nothing.' : 'No execution was started.')
      return undefined
    }
    if ('unknown' in learned) {
      log.warning(
        `Could not learn whether an execution of pipeline ${start!.pipeline.pipelineName} was started (${learned.unknown}); ` +
          `if one was, it is still running: ${pipelineUrl(start!.pipeline)}`
      )
      return undefined
    }
    const { executionId, consoleUrl } = learned.execution
    if (!mayStop(learned.execution)) {
      log.info(`Stopped following execution ${executionId}; it was not started by this step and keeps running: ${consoleUrl}`)
      return 'not ours'
    }
    if (!settings.stopOnCancel) {
      log.warning(`stop-on-cancel is false: execution ${executionId} is left running: ${consoleUrl}`)
      return 'left running'
    }
    const reason = stopReason('Workflow run cancelled:', this.deps.workflowRun)
    const stopped = await stopExecution(
      this.deps,
      learned.execution,
      { abandon: settings.abandonOnCancel, reason },
      this.stopBudget(exitAt)
    )
    if (stopped) this.deps.state.markStopped()
    return stopped ? 'stopped' : 'not stopped'
  }
}

/** `work` (a promise, or a call taking an abort signal) or undefined after `ms`, whichever comes first. */
async function raceSleep<T>(clock: Clock, ms: number, work: Promise<T> | ((signal: AbortSignal) => Promise<T>)): Promise<T | undefined> {
  const timer = new AbortController()
  const cut = new AbortController()
  const timedOut = clock.sleep(ms, timer.signal).then(
    () => cut.abort(),
    () => undefined
  )
  try {
    return await Promise.race([typeof work === 'function' ? work(cut.signal) : work, timedOut.then(() => undefined)])
  } finally {
    timer.abort()
  }
}
