// SIGINT/SIGTERM: the runner sends one when the workflow is cancelled or the step times out, and
// SIGKILL 7.5 s later. In that window: stop what we started, then exit non-zero.
import type { CodePipelinePort } from '../codepipeline/port.js'
import type { Settings } from '../inputs/settings.js'
import type { Clock, Log, SignalSource } from '../ports.js'
import { errorMessage } from '../errors.js'
import { executionUrl } from './start.js'
import { stopExecution, stopReason } from './stop.js'

export const STOP_TIMEOUT_MS = 4000
// A start in flight gets this long to answer; then it is abandoned and asked again with the same token.
export const START_ANSWER_GRACE_MS = 800
const START_AGAIN_TIMEOUT_MS = 2500
// Whatever happens (a start that never answers), exit before the runner's SIGKILL.
export const EXIT_DEADLINE_MS = 6000
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']

export interface CancelDeps {
  signals: SignalSource
  port: CodePipelinePort
  log: Log
  clock: Clock
  settings: Pick<Settings, 'pipelineName' | 'region' | 'stopOnCancel' | 'abandonOnCancel'>
  /** The workflow run's URL (and attempt), for the stop reason. */
  run: string
  exit: (code: number) => void
  onStopped: () => void
}

/** A StartPipelineExecution in flight (with its retries), as the guard sees it. */
export interface StartInFlight {
  answer: Promise<string>
  /** Abandons the call and its retries. */
  abort(): void
  /** Whether a request is on the wire whose answer has not come (false during a backoff between tries). */
  onWire(): boolean
  /** Sends it once more with the same clientRequestToken: the execution the first call made, if it made one. */
  again(signal: AbortSignal): Promise<string>
}

export class CancelGuard {
  private readonly controller = new AbortController()
  private start: StartInFlight | undefined
  private finished = false
  private handling: Promise<void> | undefined
  private report: (() => Promise<void>) | undefined
  private readonly listeners = SIGNALS.map((name) => [name, () => this.onSignal(name)] as const)

  constructor(private readonly deps: CancelDeps) {}

  /** Aborted on the first signal: the wait stops polling. */
  get signal(): AbortSignal {
    return this.controller.signal
  }

  /** Settles once the signal has been handled (and exit called); undefined while no signal came. */
  get cancelling(): Promise<void> | undefined {
    return this.handling
  }

  install(): void {
    for (const [name, fn] of this.listeners) this.deps.signals.on(name, fn)
  }

  uninstall(): void {
    for (const [name, fn] of this.listeners) this.deps.signals.removeListener(name, fn)
  }

  /** The StartPipelineExecution call in flight; a signal waits briefly for its answer, then asks again. */
  trackStart(start: StartInFlight): void {
    this.start = start
  }

  /** What to report after stopping (the summary, the commit status), within the same exit deadline. */
  reportWith(report: () => Promise<void>): void {
    this.report = report
  }

  /** A terminal status was seen: there is nothing left to stop. */
  markFinished(): void {
    this.finished = true
  }

  private onSignal(signal: NodeJS.Signals): void {
    if (this.handling) {
      this.deps.log.info(`Received ${signal} again; already cancelling.`)
      return
    }
    this.deps.log.info(`Received ${signal}: the workflow was cancelled or the step timed out.`)
    this.controller.abort()
    const deadline = new AbortController()
    const timedOut = this.deps.clock.sleep(EXIT_DEADLINE_MS, deadline.signal).then(
      () => this.deps.log.error(`Gave up cancelling after ${EXIT_DEADLINE_MS / 1000} s.`),
      () => undefined
    )
    const stopped = this.stopStarted()
      .catch((err: unknown) => this.deps.log.error(`Cancelling failed: ${String(err)}`))
      .then(() => this.report?.())
      .catch((err: unknown) => this.deps.log.warning(`Could not report the cancelled run: ${String(err)}`))
    this.handling = Promise.race([stopped, timedOut]).then(() => {
      deadline.abort()
      this.deps.exit(1)
    })
  }

  /** The id of the execution the start made, if it made one, within about 1 s even when the start hangs in retries. */
  private async startedExecution(): Promise<string | undefined> {
    const { start } = this
    if (!start) return undefined
    const answered = start.answer.then(
      (id) => ({ id }),
      () => ({ id: undefined })
    )
    const { clock, log } = this.deps
    // Between tries nothing is on the wire and the last answer said "not started": stop trying at once.
    if (!start.onWire()) start.abort()
    const waited = await raceSleep(clock, START_ANSWER_GRACE_MS, answered)
    if (waited) return waited.id
    const unanswered = start.onWire()
    start.abort()
    if (!unanswered) return undefined // between tries: the last answer said no execution was started
    log.info('The start has not answered yet; asking again with the same client request token to learn its execution.')
    return raceSleep(clock, START_AGAIN_TIMEOUT_MS, (signal) => start.again(signal)).then(
      (id) => id,
      (err: unknown) => void log.warning(`Could not learn whether an execution was started: ${errorMessage(err)}`)
    )
  }

  private async stopStarted(): Promise<void> {
    const { log, settings } = this.deps
    const executionId = await this.startedExecution()
    if (!executionId) {
      log.info('No execution was started.')
      return
    }
    const url = executionUrl(settings.region, settings.pipelineName, executionId)
    if (this.finished) {
      log.info(`Execution ${executionId} had already finished; nothing to stop.`)
      return
    }
    if (!settings.stopOnCancel) {
      log.warning(`stop-on-cancel is false: execution ${executionId} is left running: ${url}`)
      return
    }
    const reason = stopReason('Workflow run cancelled:', this.deps.run)
    const target = { ...settings, executionId, abandon: settings.abandonOnCancel, reason }
    if (await stopExecution(this.deps, target, STOP_TIMEOUT_MS)) this.deps.onStopped()
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
