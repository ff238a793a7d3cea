// Test doubles for the ports the action's core logic takes injected. They record and script; the code
// under test is always the real module.
import { summary } from '@actions/core'
import type { PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import type {
  ActionRun,
  Structure,
  CodePipelinePort,
  ExecutionPage,
  ExecutionState,
  PastExecution,
  StartRequest,
  StopRequest
} from '../../src/codepipeline/port.js'
import type { Settings } from '../../src/inputs/settings.js'
import type { Annotation, Clock, Log, Outputs, SignalSource, StepProcess } from '../../src/ports.js'
import type { StateStore } from '../../src/state.js'

export class FakeLog implements Log {
  readonly lines: string[] = []
  info = (m: string) => void this.lines.push(`info: ${m}`)
  warning = (m: string) => void this.lines.push(`warning: ${m}`)
  /** Titles of error and notice annotations, in order. */
  readonly titles: string[] = []
  error = (m: string, a?: Annotation) => void (this.lines.push(`error: ${m}`), a?.title && this.titles.push(a.title))
  debug = (m: string) => void this.lines.push(`debug: ${m}`)
  notice = (m: string, a?: Annotation) => void (this.lines.push(`notice: ${m}`), a?.title && this.titles.push(a.title))
  startGroup = (title: string) => void this.lines.push(`group: ${title}`)
  endGroup = () => void this.lines.push('endgroup')
  text(): string {
    return this.lines.join('\n')
  }
}

export class FakeOutputs implements Outputs {
  readonly values: Record<string, string> = {}
  readonly order: string[] = []
  setOutput = (name: string, value: string) => {
    this.values[name] = value
    this.order.push(name)
  }
}

export class FakeStateStore implements StateStore {
  readonly values: Record<string, string> = {}
  saveState = (name: string, value: string) => void (this.values[name] = value)
  getState = (name: string) => this.values[name] ?? ''
}

function abortError(): Error {
  const err = new Error('The operation was aborted')
  err.name = 'AbortError'
  return err
}

/**
 * Time that moves only when the test says so. With `autoAdvance`, every sleep advances the clock and
 * resolves at once (a wait loop runs through in one go); otherwise sleeps wait for advance().
 */
export class FakeClock implements Clock {
  time = 1_000_000
  readonly sleeps: number[] = []
  private pending: { until: number; resolve: () => void }[] = []

  constructor(private readonly autoAdvance = true) {}

  now = () => this.time

  sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    this.sleeps.push(ms)
    if (signal?.aborted) return Promise.reject(abortError())
    if (this.autoAdvance) {
      this.time += ms
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const entry = { until: this.time + ms, resolve }
      this.pending.push(entry)
      signal?.addEventListener('abort', () => {
        this.pending = this.pending.filter((p) => p !== entry)
        reject(abortError())
      })
    })
  }

  async advance(ms: number): Promise<void> {
    this.time += ms
    const due = this.pending.filter((p) => p.until <= this.time)
    this.pending = this.pending.filter((p) => p.until > this.time)
    for (const p of due) p.resolve()
    await settle()
  }
}

/** Lets queued promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve()
  await new Promise((r) => setImmediate(r))
}

export function awsError(name: string, message = `${name} happened`): Error {
  const err = new Error(message)
  err.name = name
  return err
}

type Answer<T> = T | Error | (() => T | Error | Promise<T>)

async function answer<T>(a: Answer<T>): Promise<T> {
  const value = typeof a === 'function' ? await (a as () => T | Error | Promise<T>)() : a
  if (value instanceof Error) throw value
  return value
}

/** A CodePipeline that answers from a script and records every call. */
export class FakePort implements CodePipelinePort {
  readonly calls: { op: string; args: unknown[] }[] = []
  startAnswer: Answer<string> = '11111111-2222-3333-4444-555555555555'
  /** GetPipelineExecution answers in order; the last one repeats. */
  executions: Answer<ExecutionState>[] = [{ status: 'Succeeded' }]
  stopAnswer: Answer<void> = undefined
  pipeline: Answer<PipelineDeclaration> = { name: 'p', roleArn: 'arn', stages: [] }
  /** ListActionExecutions answers in order; the last one repeats. */
  actionRuns: Answer<ActionRun[]>[] = [[]]
  history: Answer<PastExecution[]> = []
  structure: Answer<Structure> = []

  ops(): string[] {
    return this.calls.map((c) => c.op)
  }

  async startExecution(request: StartRequest, signal?: AbortSignal): Promise<string> {
    this.calls.push({ op: 'start', args: [request, signal] })
    return answer(this.startAnswer)
  }

  async getExecution(pipelineName: string, executionId: string, signal?: AbortSignal): Promise<ExecutionState> {
    this.calls.push({ op: 'get', args: [pipelineName, executionId, signal] })
    const next = this.executions.length > 1 ? this.executions.shift() : this.executions.at(0)
    if (next === undefined) throw new Error('FakePort: no execution state to answer with')
    return answer(next)
  }

  async stopExecution(request: StopRequest, signal?: AbortSignal): Promise<void> {
    this.calls.push({ op: 'stop', args: [request, signal] })
    return answer(this.stopAnswer)
  }

  async getPipeline(pipelineName: string, signal?: AbortSignal): Promise<PipelineDeclaration> {
    this.calls.push({ op: 'getPipeline', args: [pipelineName, signal] })
    return answer(this.pipeline)
  }

  async getStructure(pipelineName: string): Promise<Structure> {
    this.calls.push({ op: 'structure', args: [pipelineName] })
    return answer(this.structure)
  }

  async listActionRuns(pipelineName: string, executionId: string, signal?: AbortSignal): Promise<ActionRun[]> {
    this.calls.push({ op: 'actions', args: [pipelineName, executionId, signal] })
    const next = this.actionRuns.length > 1 ? this.actionRuns.shift() : this.actionRuns.at(0)
    if (next === undefined) throw new Error('FakePort: no action runs to answer with')
    return answer(next)
  }

  async listRecentExecutions(pipelineName: string, maxResults: number): Promise<PastExecution[]> {
    this.calls.push({ op: 'history', args: [pipelineName, maxResults] })
    return answer(this.history)
  }

  /** ListPipelineExecutions pages for follow-trigger, in order; the last one repeats. */
  pages: Answer<ExecutionPage>[] = [{ executions: [] }]

  async listExecutionPage(pipelineName: string, maxResults: number, nextToken?: string): Promise<ExecutionPage> {
    this.calls.push({ op: 'list', args: [pipelineName, maxResults, nextToken] })
    const next = this.pages.length > 1 ? this.pages.shift() : this.pages.at(0)
    if (next === undefined) throw new Error('FakePort: no execution pages to answer with')
    return answer(next)
  }
}

/** A `process` stand-in that delivers signals on demand. */
export class FakeSignals implements SignalSource {
  private readonly listeners = new Map<string, Set<() => void>>()
  on(signal: NodeJS.Signals, listener: () => void): this {
    if (!this.listeners.has(signal)) this.listeners.set(signal, new Set())
    this.listeners.get(signal)!.add(listener)
    return this
  }
  removeListener(signal: NodeJS.Signals, listener: () => void): this {
    this.listeners.get(signal)?.delete(listener)
    return this
  }
  count(signal: NodeJS.Signals): number {
    return this.listeners.get(signal)?.size ?? 0
  }
  emit(signal: NodeJS.Signals): void {
    for (const listener of [...(this.listeners.get(signal) ?? [])]) listener()
  }
}

/** The step's process: signals on demand, and the exit codes it was asked to exit with. */
export class FakeProcess extends FakeSignals implements StepProcess {
  readonly exits: number[] = []
  exit(code: number): void {
    this.exits.push(code)
  }
}

/** A deferred promise, for answers the test releases later. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** A job summary built with @actions/core's own summary, kept in memory instead of $GITHUB_STEP_SUMMARY. */
export class MemorySummary {
  written = ''
  addHeading = (text: string, level?: number | string) => (summary.addHeading(text, level), this)
  addList = (items: string[]) => (summary.addList(items), this)
  addTable = (rows: Parameters<typeof summary.addTable>[0]) => (summary.addTable(rows), this)
  addRaw = (text: string, addEOL?: boolean) => (summary.addRaw(text, addEOL), this)
  write = async () => {
    this.written += summary.stringify()
    summary.emptyBuffer()
  }
}

/** Settings as the inputs' defaults give them, for pipeline `pipelineName`. */
export function defaultSettings(pipelineName: string, overrides: Partial<Settings> = {}): Settings {
  return {
    pipelineName,
    variables: [],
    pinCommit: true,
    wait: true,
    stopOnCancel: true,
    abandonOnCancel: false,
    allowSuperseded: false,
    region: 'us-east-1',
    maskVariables: false,
    checkRun: false,
    pollLimits: { minMs: 1000, maxMs: 60_000 },
    stopOnTimeout: false,
    outageToleranceMs: 300_000,
    logs: 'failed',
    approve: [],
    onRerun: 'retry',
    startRetryMs: 300_000,
    waitForRollback: false,
    ...overrides
  }
}
