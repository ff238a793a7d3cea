// The small interfaces the core logic takes injected. @actions/core satisfies Log and Outputs as-is.

/** An annotation's title, as @actions/core takes it. */
export interface Annotation {
  title?: string
}

export interface Log {
  info(message: string): void
  warning(message: string): void
  error(message: string, annotation?: Annotation): void
  debug(message: string): void
  notice(message: string, annotation?: Annotation): void
  /** A collapsed group (::group::) until endGroup; the title is the action's own text, never AWS's. */
  startGroup?(title: string): void
  endGroup?(): void
  /** Prints lines from AWS (build logs) so that none can act as a workflow command (logs/untrusted.ts). */
  printUntrusted?(lines: string[]): void
}

export interface Outputs {
  setOutput(name: string, value: string): void
  /** Masks a value in the log from now on (@actions/core's setSecret). */
  setSecret?(value: string): void
}

/** Time, as the wait loop and the cancel handler see it. */
export interface Clock {
  now(): number
  /** Resolves after `ms`; rejects with an AbortError as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/** The part of `process` that delivers signals. */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: () => void): unknown
  removeListener(signal: NodeJS.Signals, listener: () => void): unknown
}

/** The step's process as the cancel handler sees it: its signals, and how it exits. */
export interface StepProcess extends SignalSource {
  exit(code: number): void
}
