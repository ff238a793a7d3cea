// StartPipelineExecution, retried while the pipeline is busy or AWS has a bad moment, and everything
// that must happen the moment it answers.
import type { CodePipelinePort, StartRequest } from '../codepipeline/port.js'
import { ActionError, awsErrorName, errorMessage } from '../errors.js'
import type { Settings } from '../inputs/settings.js'
import type { Clock, Log, Outputs } from '../ports.js'
import { withRetries, type FailureKind, type RetryPolicy } from './retry.js'
import type { SourcePlan } from '../codepipeline/source.js'

// Pipeline names are [A-Za-z0-9.@\-_]+ (checked as an input), safe in a URL path as they are.
export function executionUrl(region: string, pipelineName: string, executionId: string): string {
  return (
    `https://${region}.console.aws.amazon.com/codesuite/codepipeline/pipelines/${pipelineName}` +
    `/executions/${executionId}/timeline?region=${region}`
  )
}

export interface StartDeps {
  port: Pick<CodePipelinePort, 'startExecution'>
  log: Log
  outputs: Outputs
  clock: Clock
  retry: RetryPolicy
  /** Saves the id for the post step; called before anything else can go wrong. */
  onStarted: (executionId: string) => void
}

export interface StartOptions {
  clientRequestToken: string
  /** How long to keep retrying while the pipeline refuses new executions (busy); 0 gives up on busy at once. */
  startRetryMs: number
  /** One request, no retries: the cancel handler asking again within its exit deadline. */
  once?: boolean
  signal?: AbortSignal
}

export function startRequest(
  settings: Pick<Settings, 'pipelineName' | 'variables'>,
  plan: SourcePlan,
  clientRequestToken: string
): StartRequest {
  return { pipelineName: settings.pipelineName, variables: settings.variables, sourceRevisions: plan.sourceRevisions, clientRequestToken }
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

/** Sends the start, the same token each time, until it answers, or it is not worth trying again. */
function sendStart(deps: StartDeps, request: StartRequest, options: StartOptions): Promise<string> {
  const send = (signal?: AbortSignal) => deps.port.startExecution(request, signal)
  if (options.once) return send(options.signal)
  // Transient faults are retried for outage-tolerance-minutes whatever startRetryMs says: each try is one request.
  return withRetries(deps, {
    what: `Pipeline ${request.pipelineName} did not start`,
    send,
    signal: options.signal,
    limitMs: (kind) => (kind === 'busy' ? options.startRetryMs : undefined),
    giveUp: (err, kind, failingForMs) => startFailure(err, kind, failingForMs, request.pipelineName)
  })
}

export async function startExecution(
  deps: StartDeps,
  settings: Pick<Settings, 'pipelineName' | 'variables' | 'region'>,
  plan: SourcePlan,
  options: StartOptions
): Promise<string> {
  const { pipelineName, variables, region } = settings
  const names = variables.map((v) => v.name).join(', ')
  deps.log.info(`Starting pipeline ${pipelineName}${names ? ` with variables ${names}` : ''}`)
  const executionId = await sendStart(deps, startRequest(settings, plan, options.clientRequestToken), options)
  deps.onStarted(executionId)
  const url = executionUrl(region, pipelineName, executionId)
  deps.outputs.setOutput('pipeline-execution-id', executionId)
  deps.outputs.setOutput('execution-url', url)
  deps.outputs.setOutput('commit-id', plan.commitId)
  deps.log.info(`Started execution ${executionId}: ${url}`)
  return executionId
}
