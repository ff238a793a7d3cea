// StartPipelineExecution, retried while the pipeline is busy or AWS has a bad moment, and everything
// that must happen the moment it answers. The attempt owns its requests, so a cancel can ask it what
// it knows: whether a request is on the wire, and the same request once more.
import type { CodePipelinePort, StartRequest } from '../codepipeline/port.js'
import type { SourcePlan } from '../codepipeline/source.js'
import { isAbortError } from '../clock.js'
import { ActionError, awsErrorName, errorMessage } from '../errors.js'
import type { Settings } from '../inputs/settings.js'
import type { Clock, Log, Outputs } from '../ports.js'
import type { ActionState } from '../state.js'
import { describeExecution, type Execution, type PipelineRef } from './execution.js'
import { deriveRequestToken, type StepIdentity } from './request-token.js'
import { classifyFailure, withRetries, type FailureKind, type RetryPolicy } from './retry.js'

export interface StartDeps {
  port: Pick<CodePipelinePort, 'startExecution'>
  log: Log
  outputs: Outputs
  clock: Clock
  retry: RetryPolicy
  /** Where the start is saved for the post step: before it is sent, and the id the moment it answers. */
  state: Pick<ActionState, 'saveStartSent' | 'saveStarted' | 'saveNothingStarted'>
}

/** What to start, and how long a busy pipeline may refuse it. */
export interface StartPlan {
  pipeline: PipelineRef
  request: StartRequest
  /** The commit it runs, for the output; undefined when not pinned to one. */
  commitId?: string
  /** Saved with the id: the post step leaves an execution alone that main was told not to wait for. */
  wait: boolean
  /** How long to keep retrying while the pipeline refuses new executions (busy); 0 gives up on busy at once. */
  startRetryMs: number
}

export function startRequest(
  settings: Pick<Settings, 'pipelineName' | 'variables'>,
  plan: Pick<SourcePlan, 'sourceRevisions'>,
  clientRequestToken: string
): StartRequest {
  return { pipelineName: settings.pipelineName, variables: settings.variables, sourceRevisions: plan.sourceRevisions, clientRequestToken }
}

/** The start for these settings and sources; the token is client-request-token, else derived from the step. */
export function planStart(settings: Settings, step: StepIdentity, source: Pick<SourcePlan, 'sourceRevisions' | 'commitId'>): StartPlan {
  const token = settings.clientRequestToken ?? deriveRequestToken(step, startRequest(settings, source, ''))
  return {
    pipeline: { pipelineName: settings.pipelineName, region: settings.region },
    request: startRequest(settings, source, token),
    commitId: source.commitId || undefined,
    wait: settings.wait,
    startRetryMs: settings.startRetryMs
  }
}

function startFailure(err: unknown, kind: FailureKind, failingForMs: number, pipelineName: string): unknown {
  const seconds = Math.round(failingForMs / 1000)
  if (kind === 'busy') {
    return new ActionError(
      `Pipeline ${pipelineName} did not accept a new execution for ${seconds} s (${awsErrorName(err)}: ${errorMessage(err)}); ` +
        `nothing was started. Raise start-retry-minutes, or let the running executions finish.`,
      { cause: err }
    )
  }
  if (kind === 'transient') {
    return new ActionError(
      `Could not start pipeline ${pipelineName}: CodePipeline kept failing for ${seconds} s (outage-tolerance-minutes): ${errorMessage(err)}`,
      { cause: err }
    )
  }
  return err
}

// Refused before anything was done: throttled as well as busy, invalid, denied or expired. A 5xx, a timeout, a
// dropped connection or a request we abandoned may have started an execution all the same.
const THROTTLED = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown'])

export function provesNothingStarted(err: unknown): boolean {
  return !isAbortError(err) && (classifyFailure(err) !== 'transient' || THROTTLED.has(awsErrorName(err)))
}

/** One start: its tries (the same token each time), and what a cancel needs to know about them. */
export class StartAttempt {
  /** The execution, once the start answers; rejects when it gives up or is abandoned. */
  readonly answer: Promise<Execution>
  readonly pipeline: PipelineRef
  private readonly abandoned = new AbortController()
  private requestsOnWire = 0
  /** Some answer could not prove that nothing was started; sticky: a later refusal does not undo it. */
  private unclear = false

  constructor(
    private readonly deps: StartDeps,
    private readonly plan: StartPlan
  ) {
    this.pipeline = plan.pipeline
    const { pipelineName, variables } = plan.request
    const names = variables.map((v) => v.name).join(', ')
    deps.log.info(`Starting pipeline ${pipelineName}${names ? ` with variables ${names}` : ''}`)
    deps.state.saveStartSent(plan.pipeline)
    this.answer = this.sendWithRetries().then(
      (id) => this.announce(id),
      (err: unknown) => {
        if (!this.mayHaveStarted()) deps.state.saveNothingStarted()
        throw err
      }
    )
  }

  /** A request is on the wire, or some answer could not prove that nothing was started. */
  mayHaveStarted(): boolean {
    return this.requestsOnWire > 0 || this.unclear
  }

  /** Whether a request is on the wire whose answer has not come (false during a backoff between tries). */
  onWire(): boolean {
    return this.requestsOnWire > 0
  }

  /** Abandons the request in flight and any further tries. */
  abort(): void {
    this.abandoned.abort()
  }

  /** The same request once more, no retries: the execution the first tries made, if they made one. */
  async again(signal: AbortSignal): Promise<Execution> {
    return this.announce(await this.send(signal))
  }

  private async send(signal?: AbortSignal): Promise<string> {
    this.requestsOnWire++
    try {
      return await this.deps.port.startExecution(this.plan.request, signal)
    } catch (err) {
      if (!provesNothingStarted(err)) this.unclear = true
      throw err
    } finally {
      this.requestsOnWire--
    }
  }

  // Transient faults are retried for outage-tolerance-minutes whatever startRetryMs says: each try is one request.
  private sendWithRetries(): Promise<string> {
    const { pipelineName } = this.plan.request
    return withRetries(this.deps, {
      what: `Pipeline ${pipelineName} did not start`,
      send: (signal) => this.send(signal),
      signal: this.abandoned.signal,
      limitMs: (kind) => (kind === 'busy' ? this.plan.startRetryMs : undefined),
      giveUp: (err, kind, failingForMs) => startFailure(err, kind, failingForMs, pipelineName)
    })
  }

  /** Saves the id for the post step first, then the outputs and the log line. */
  private announce(executionId: string): Execution {
    const execution = describeExecution(this.plan.pipeline, executionId, 'started')
    this.deps.state.saveStarted(execution, this.plan.wait)
    this.deps.outputs.setOutput('pipeline-execution-id', executionId)
    this.deps.outputs.setOutput('execution-url', execution.consoleUrl)
    this.deps.outputs.setOutput('commit-id', this.plan.commitId ?? '')
    this.deps.log.info(`Started execution ${executionId}: ${execution.consoleUrl}`)
    return execution
  }
}
