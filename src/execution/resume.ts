// The main step's side of on-rerun: on a re-run with on-rerun: retry, resume the earlier attempt's execution
// (rerun.ts decides), and make it the step's own: saved for the post step, in the outputs, stopped on a cancel.
import type { PipelineDeclaration, PipelineVariable, SourceRevisionOverride } from '@aws-sdk/client-codepipeline'
import type { Settings } from '../inputs/settings.js'
import type { Clock, Log, Outputs } from '../ports.js'
import type { ActionState } from '../state.js'
import { describeExecution, type Execution } from './execution.js'
import type { StepIdentity } from './request-token.js'
import { carriesMarker, resumeEarlier, RUN_MARKER_VARIABLE, runMarker, type RerunDeps } from './rerun.js'
import type { RetryPolicy } from './retry.js'
import type { StaleMarker } from './stale.js'

export interface ResumeContext {
  settings: Pick<Settings, 'pipelineName' | 'region' | 'variables' | 'onRerun' | 'wait'>
  step: StepIdentity
  port: RerunDeps['port']
  log: Log
  clock: Clock
  retry: RetryPolicy
  state: Pick<ActionState, 'saveStarted'>
  outputs: Outputs
  signal: AbortSignal
}

interface Sources {
  sourceRevisions: SourceRevisionOverride[]
  commitId: string
  pipeline?: PipelineDeclaration
}

/** The variables to start with: the workflow's, plus the run marker when the pipeline declares its variable. */
export function variablesToSend(
  step: StepIdentity,
  settings: Pick<Settings, 'pipelineName' | 'variables'>,
  source: Sources
): PipelineVariable[] {
  if (!carriesMarker(source.pipeline, settings.variables)) return settings.variables
  const value = runMarker(step, {
    pipelineName: settings.pipelineName,
    variables: settings.variables,
    sourceRevisions: source.sourceRevisions
  })
  return value === undefined ? settings.variables : [...settings.variables, { name: RUN_MARKER_VARIABLE, value }]
}

/** The earlier attempt's execution, resumed (retried, or still running), with the line that says so; else undefined. */
export async function resumeOnRerun(
  ctx: ResumeContext,
  source: Sources
): Promise<{ execution: Execution; line: string; staleBefore?: StaleMarker } | undefined> {
  const { settings, step } = ctx
  if (settings.onRerun !== 'retry' || !(Number(step.runAttempt ?? '1') > 1)) return undefined
  if (source.pipeline === undefined) {
    // source-action, pin-commit: false, or source-revisions without COMMIT_ID: no GetPipeline, so no start sent the marker.
    ctx.log.info(
      "Re-run (on-rerun: retry): the pipeline's declaration was not read (source-action, pin-commit: false, or source-revisions without a COMMIT_ID line), so no start carries the run marker; starting a new execution."
    )
    return undefined
  }
  const sent = { pipelineName: settings.pipelineName, variables: settings.variables, sourceRevisions: source.sourceRevisions }
  const resumed = await resumeEarlier(ctx, sent, carriesMarker(source.pipeline, settings.variables), ctx.signal)
  if (resumed === undefined) return undefined
  // This step's own execution, from an earlier attempt: stopped on a cancel like one it started now.
  const execution = describeExecution(settings, resumed.executionId, 'started')
  ctx.state.saveStarted(execution, settings.wait)
  ctx.outputs.setOutput('pipeline-execution-id', execution.executionId)
  ctx.outputs.setOutput('execution-url', execution.consoleUrl)
  ctx.outputs.setOutput('commit-id', source.commitId)
  return { execution, line: resumed.line, staleBefore: resumed.staleBefore }
}
