// Turns failures into the one sentence the step fails with. Expected failures are ActionErrors:
// main prints their message alone; anything else is a bug and gets its stack in the debug log.

export class ActionError extends Error {
  /** The failure annotation's title, when the failure has one (e.g. which action failed). */
  readonly title?: string

  constructor(message: string, options?: { cause?: unknown; title?: string }) {
    super(message, options)
    this.name = 'ActionError'
    this.title = options?.title
  }
}

/** An AWS call failed; `message` is the sentence for the user, `awsName` the error's own name. */
export class AwsCallError extends ActionError {
  constructor(
    message: string,
    readonly awsName: string,
    cause: unknown
  ) {
    super(message, { cause })
    this.name = 'AwsCallError'
  }
}

export interface AwsErrorContext {
  /** The IAM action of the call, e.g. codepipeline:StartPipelineExecution. */
  iamAction: string
  pipelineName: string
  region: string
  /** Where the SDK sends requests, for network errors. */
  endpoint: string
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH'])

/** The AWS error name (`PipelineNotFoundException`), or the Node error code, or the JS name. */
export function awsErrorName(err: unknown): string {
  if (err instanceof AwsCallError) return err.awsName
  if (typeof err !== 'object' || err === null) return 'Error'
  const e = err as { name?: unknown; code?: unknown; Code?: unknown }
  for (const candidate of [e.code, e.Code, e.name]) {
    if (typeof candidate === 'string' && candidate && candidate !== 'Error') return candidate
  }
  return 'Error'
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message
  return String(err)
}

function isNetworkError(err: unknown, name: string): boolean {
  if (NETWORK_CODES.has(name)) return true
  const cause = (err as { cause?: unknown })?.cause
  return cause !== undefined && cause !== err && NETWORK_CODES.has(awsErrorName(cause))
}

function describeAccessDenied(message: string, ctx: AwsErrorContext): string {
  const action = /perform:\s*(\S+)/.exec(message)?.[1] ?? ctx.iamAction
  const resource = /on resource:\s*(\S+)/.exec(message)?.[1]
  const where = resource ? ` on ${resource}` : ` on pipeline '${ctx.pipelineName}'`
  return (
    `Access denied: the AWS credentials are not allowed ${action}${where}; ` + `add it to the IAM policy of the role the workflow assumes.`
  )
}

/** One clear sentence for a failed AWS call. */
export function describeAwsError(err: unknown, ctx: AwsErrorContext): string {
  const name = awsErrorName(err)
  const message = errorMessage(err).trim().replace(/\s+/g, ' ')
  switch (name) {
    case 'PipelineNotFoundException':
      return `Pipeline '${ctx.pipelineName}' was not found in region ${ctx.region}; check pipeline-name and aws-region.`
    case 'PipelineExecutionNotFoundException':
      return `The execution was not found in pipeline '${ctx.pipelineName}' (region ${ctx.region}): ${message}`
    case 'ValidationException':
    case 'InvalidParameterValueException':
      return `CodePipeline rejected the request (${ctx.iamAction}): ${message}`
    case 'AccessDeniedException':
    case 'AccessDenied':
    case 'UnauthorizedOperation':
      return describeAccessDenied(message, ctx)
    case 'CredentialsProviderError':
      return (
        'No AWS credentials were found; configure them before this step, e.g. with ' +
        'aws-actions/configure-aws-credentials and OIDC (this action deliberately has no key inputs).'
      )
    case 'ExpiredTokenException':
    case 'ExpiredToken':
      return 'The AWS credentials have expired; configure longer-lived session credentials (role-duration-seconds of aws-actions/configure-aws-credentials).'
    case 'UnrecognizedClientException':
    case 'InvalidSignatureException':
    case 'InvalidClientTokenId':
      return `AWS rejected the credentials (${name}): ${message}`
  }
  if (/region is missing/i.test(message)) {
    return 'No AWS region is set; set the aws-region input or use aws-actions/configure-aws-credentials.'
  }
  if (isNetworkError(err, name)) {
    return `Could not reach CodePipeline at ${ctx.endpoint} (${name === 'Error' ? message : name}); check the network and AWS_ENDPOINT_URL_CODEPIPELINE / AWS_ENDPOINT_URL.`
  }
  return name === 'Error' || message.startsWith(name) ? message : `${name}: ${message}`
}
