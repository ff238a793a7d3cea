// The AWS services the emulator answers on its one port, told apart by their X-Amz-Target prefix as AWS
// JSON 1.1 does: CodePipeline, plus CloudWatch Logs and CodeBuild for the action's build logs.
import { batchGetBuilds, batchGetBuildsInput } from './codebuild.js'
import { inputConstraints, type Structure } from './constraints.js'
import { getLogEvents, getLogEventsInput } from './logs.js'
import type { RequestBody } from './inputs.js'
import type { PipelineStore, RequestContext } from './operations.js'

/** An operation on a body already validated against its input constraints. */
type Handler = (validated: RequestBody, ctx: RequestContext) => object

export interface ResolvedTarget {
  operation: string
  /** The IAM action prefix, for AccessDenied messages (codepipeline, logs, codebuild). */
  iamPrefix: string
  run: Handler
  input: Structure
}

interface Service {
  prefix: string
  iamPrefix: string
  handler: (store: PipelineStore, operation: string) => Handler | undefined
  inputs: Record<string, Structure>
}

const SERVICES: Service[] = [
  {
    prefix: 'CodePipeline_20150709.',
    iamPrefix: 'codepipeline',
    handler: (store, operation) => store.handler(operation),
    inputs: inputConstraints
  },
  {
    prefix: 'Logs_20140328.',
    iamPrefix: 'logs',
    handler: (store, operation) => (operation === 'GetLogEvents' ? (body, ctx) => getLogEvents(store, body, ctx) : undefined),
    inputs: { GetLogEvents: getLogEventsInput }
  },
  {
    prefix: 'CodeBuild_20161006.',
    iamPrefix: 'codebuild',
    handler: (store, operation) => (operation === 'BatchGetBuilds' ? (body, ctx) => batchGetBuilds(store, body, ctx) : undefined),
    inputs: { BatchGetBuilds: batchGetBuildsInput }
  }
]

/** The operation a target names, if one of the services serves it. */
export function resolveTarget(store: PipelineStore, target: string): ResolvedTarget | undefined {
  const service = SERVICES.find((s) => target.startsWith(s.prefix))
  if (service === undefined) return undefined
  const operation = target.slice(service.prefix.length)
  const run = service.handler(store, operation)
  const input = Object.hasOwn(service.inputs, operation) ? service.inputs[operation] : undefined
  return run === undefined || input === undefined ? undefined : { operation, iamPrefix: service.iamPrefix, run, input }
}
