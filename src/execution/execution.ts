// The one execution a run is about: built once, when the start answers (or, for an execution the step
// follows without having started it, when it is named), then passed everywhere: wait, cancel, timeout,
// stop, the ending, the summary, the commit status and the outputs.

/** Who made the execution: only one this step started may ever be stopped by it. */
export type Origin = 'started' | 'followed'

export interface Execution {
  readonly pipelineName: string
  readonly region: string
  readonly executionId: string
  /** The execution's page in the AWS console. */
  readonly consoleUrl: string
  readonly origin: Origin
}

/** The pipeline a run is about, before there is an execution. */
export interface PipelineRef {
  pipelineName: string
  region: string
}

// Pipeline names are [A-Za-z0-9.@\-_]+ (checked as an input), safe in a URL path as they are.
export function pipelineUrl({ region, pipelineName }: PipelineRef): string {
  return `https://${region}.console.aws.amazon.com/codesuite/codepipeline/pipelines/${pipelineName}/view?region=${region}`
}

export function executionUrl(region: string, pipelineName: string, executionId: string): string {
  return (
    `https://${region}.console.aws.amazon.com/codesuite/codepipeline/pipelines/${pipelineName}` +
    `/executions/${executionId}/timeline?region=${region}`
  )
}

export function describeExecution(pipeline: PipelineRef, executionId: string, origin: Origin): Execution {
  const { pipelineName, region } = pipeline
  return { pipelineName, region, executionId, consoleUrl: executionUrl(region, pipelineName, executionId), origin }
}

/** Whether this step may stop it: never one it did not start. */
export function mayStop(execution: Execution): boolean {
  return execution.origin === 'started'
}
