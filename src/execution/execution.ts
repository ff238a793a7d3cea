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

// The AWS console of each partition, by the region patterns of the SDK's partition table (@aws-sdk/core, which
// names partitions but not their consoles; a unit test checks these patterns against it). The aws partition has a
// console per region. China and GovCloud each have one console, the region in the query, as AWS documents. The
// European Sovereign Cloud and the isolated partitions: `console.` on the domain of the SDK's own sign-in
// endpoints for them, the reading that links to that partition's console and never to another partition's.
const CONSOLES: [partition: string, pattern: RegExp, host: string][] = [
  ['aws-cn', /^cn-/, 'console.amazonaws.cn'],
  ['aws-us-gov', /^us-gov-/, 'console.amazonaws-us-gov.com'],
  ['aws-eusc', /^eusc-/, 'console.amazonaws-eusc.eu'],
  ['aws-iso', /^us-iso-/, 'console.c2shome.ic.gov'],
  ['aws-iso-b', /^us-isob-/, 'console.sc2shome.sgov.gov'],
  ['aws-iso-f', /^us-isof-/, 'console.csphome.hci.ic.gov'],
  ['aws-iso-e', /^eu-isoe-/, 'console.csphome.adc-e.uk']
]

/** The region's partition, as the SDK's partition table places it ('aws' for every other region). */
export function partitionOf(region: string): string {
  return CONSOLES.find(([, pattern]) => pattern.test(region))?.[0] ?? 'aws'
}

/** https://<the console of the region's partition>, e.g. https://us-east-1.console.aws.amazon.com. */
export function consoleOrigin(region: string): string {
  const host = CONSOLES.find(([, pattern]) => pattern.test(region))?.[2]
  return `https://${host ?? `${region}.console.aws.amazon.com`}`
}

// Pipeline names are [A-Za-z0-9.@\-_]+ (checked as an input), safe in a URL path as they are.
export function pipelineUrl({ region, pipelineName }: PipelineRef): string {
  return `${consoleOrigin(region)}/codesuite/codepipeline/pipelines/${pipelineName}/view?region=${region}`
}

export function executionUrl(region: string, pipelineName: string, executionId: string): string {
  return (
    `${consoleOrigin(region)}/codesuite/codepipeline/pipelines/${pipelineName}` + `/executions/${executionId}/timeline?region=${region}`
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
