// StartPipelineExecution, and everything that must happen the moment it answers.
import type { CodePipelinePort } from './codepipeline.js'
import type { Log, Outputs } from './ports.js'
import type { SourcePlan } from './source.js'
import type { Settings } from './inputs.js'

// Pipeline names are [A-Za-z0-9.@\-_]+ (checked as an input), safe in a URL path as they are.
export function executionUrl(region: string, pipelineName: string, executionId: string): string {
  return (
    `https://${region}.console.aws.amazon.com/codesuite/codepipeline/pipelines/${pipelineName}` +
    `/executions/${executionId}/timeline?region=${region}`
  )
}

export interface StartDeps {
  port: CodePipelinePort
  log: Log
  outputs: Outputs
  /** Saves the id for the post step; called before anything else can go wrong. */
  onStarted: (executionId: string) => void
}

export async function startExecution(
  deps: StartDeps,
  settings: Pick<Settings, 'pipelineName' | 'variables' | 'region'>,
  plan: SourcePlan
): Promise<string> {
  const { pipelineName, variables, region } = settings
  const names = variables.map((v) => v.name).join(', ')
  deps.log.info(`Starting pipeline ${pipelineName}${names ? ` with variables ${names}` : ''}`)
  const executionId = await deps.port.startExecution({ pipelineName, variables, sourceRevisions: plan.sourceRevisions })
  deps.onStarted(executionId)
  const url = executionUrl(region, pipelineName, executionId)
  deps.outputs.setOutput('pipeline-execution-id', executionId)
  deps.outputs.setOutput('execution-url', url)
  deps.outputs.setOutput('commit-id', plan.commitId)
  deps.log.info(`Started execution ${executionId}: ${url}`)
  return executionId
}
