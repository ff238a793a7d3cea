// S3's failures as one sentence each, at the SDK boundary (tools.ts), naming the bucket, the key and the
// permission; and which of them are worth a whole new upload.
import { ActionError, AwsCallError, awsErrorName, describeAwsError, errorMessage } from '../errors.js'

export interface S3CallContext {
  /** The IAM action of the call: s3:PutObject for every request of an upload, multipart included. */
  iamAction: 's3:PutObject' | 's3:GetBucketVersioning'
  bucket: string
  key?: string
  region: string
  endpoint: string
}

const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'Forbidden', 'AllAccessDisabled'])
// Asking again won't help: the request or the bucket is wrong, or the credentials are.
const PERMANENT = new Set([
  ...DENIED,
  'NoSuchBucket',
  'InvalidBucketName',
  'InvalidArgument',
  'InvalidRequest',
  'EntityTooLarge',
  'KeyTooLongError',
  'MetadataTooLarge',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'TokenRefreshRequired',
  'CredentialsProviderError',
  'PermanentRedirect',
  'AuthorizationHeaderMalformed',
  'AbortError'
])

/** Where the SDK sends S3 requests, for error messages; the SDK itself resolves it the same way. */
export function describeS3Endpoint(region: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || `https://s3.${region}.amazonaws.com`
}

/** Whether a custom endpoint is set: LocalStack, MinIO and our local service want path-style requests. */
export function customS3Endpoint(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL)
}

export function isDenied(err: unknown): boolean {
  return DENIED.has(awsErrorName(err)) || httpStatus(err) === 403
}

function httpStatus(err: unknown): number | undefined {
  const metadata = (e: unknown) => (e as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode
  return metadata(err) ?? (err instanceof AwsCallError ? metadata(err.cause) : undefined)
}

/** SlowDown, 5xx, resets and timeouts (after the SDK's own retries): a fresh upload may well succeed. */
export function isTransientS3(err: unknown): boolean {
  // The action's own sentences (no versioning...) are verdicts, not faults.
  if (err instanceof ActionError && !(err instanceof AwsCallError)) return false
  return !PERMANENT.has(awsErrorName(err)) && httpStatus(err) !== 403 && httpStatus(err) !== 404
}

function where(ctx: S3CallContext): string {
  return ctx.key === undefined ? `bucket ${ctx.bucket}` : `s3://${ctx.bucket}/${ctx.key}`
}

export function describeS3Error(err: unknown, ctx: S3CallContext): string {
  const name = awsErrorName(err)
  if (isDenied(err)) {
    return (
      `Access denied: the AWS credentials are not allowed ${ctx.iamAction} on ${where(ctx)} (${name}); ` +
      `add it to the IAM policy of the role the workflow assumes, for that bucket and key.`
    )
  }
  if (name === 'NoSuchBucket') {
    return `Bucket ${ctx.bucket} does not exist in ${ctx.region} (NoSuchBucket); check the S3 source action's S3Bucket and aws-region.`
  }
  const sentence = describeAwsError(err, { iamAction: ctx.iamAction, pipelineName: '', region: ctx.region, endpoint: ctx.endpoint })
  if (sentence.startsWith('Could not reach CodePipeline')) {
    return `Could not reach S3 at ${ctx.endpoint} for ${where(ctx)} (${name === 'Error' ? errorMessage(err) : name}); check the network and AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL.`
  }
  return `S3 refused ${ctx.iamAction} on ${where(ctx)}: ${sentence}`
}
