// The SDK side of the artifact upload, a chunk of its own (load.ts): the S3 client, lib-storage's Upload
// (PutObject for a small body, else a multipart upload with parts read one queue at a time, so memory stays
// flat whatever the size) and the zip. No credentials here on purpose: the default chain, as everywhere.
import { GetBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { AwsCallError, awsErrorName } from '../errors.js'
import { ACTION_NAME, ACTION_VERSION } from '../version.js'
import { customS3Endpoint, describeS3Endpoint, describeS3Error, type S3CallContext } from './errors.js'
import type { ArtifactStore, ArtifactTools, UploadRequest } from './store.js'
import { zipEntries } from './zip.js'

// S3's minimum part, one in flight: the upload holds about 10 MiB of the body at once (the part being sent, the
// next one filling), whatever the artifact's size.
export const PART_SIZE = 5 * 1024 * 1024
const QUEUE_SIZE = 1

// lib-storage copies the stream into a fresh 5 MiB buffer per part. Those live outside V8's heap, and V8 collects
// them only once about 64 MiB of them have piled up: peak RSS would grow by that much on any large upload. A
// collection after each part (a few ms, on a heap of a few MiB) keeps the growth flat. This chunk loads only with
// `artifact`, so no other run pays for the flag.
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

function createClient(region: string): S3Client {
  return new S3Client({
    region,
    customUserAgent: [[ACTION_NAME, ACTION_VERSION]],
    // A custom endpoint (LocalStack, MinIO, the local service) has no wildcard DNS for bucket.host names.
    forcePathStyle: customS3Endpoint(),
    // Throttling (503 SlowDown), 5xx and dropped connections are retried per request, each part on its own.
    retryMode: 'standard',
    maxAttempts: 6,
    // A checksum only where S3 requires one: the bytes' sha256 is computed here anyway (artifact-sha256),
    // and S3-compatible services differ in the flexible checksums they accept.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { requestTimeout: 60_000, throwOnRequestTimeout: true, connectionTimeout: 10_000 }
  })
}

class S3Store implements ArtifactStore {
  private readonly client: S3Client
  private readonly endpoint: string

  constructor(private readonly region: string) {
    this.client = createClient(region)
    this.endpoint = describeS3Endpoint(region)
  }

  private async call<T>(ctx: Omit<S3CallContext, 'region' | 'endpoint'>, send: () => Promise<T>): Promise<T> {
    try {
      return await send()
    } catch (err) {
      if (err instanceof Error && err.name === 'AbortError') throw err
      const full = { ...ctx, region: this.region, endpoint: this.endpoint }
      throw new AwsCallError(describeS3Error(err, full), awsErrorName(err), err)
    }
  }

  async versioning(bucket: string, signal?: AbortSignal): Promise<string> {
    const out = await this.call({ iamAction: 's3:GetBucketVersioning', bucket }, () =>
      this.client.send(new GetBucketVersioningCommand({ Bucket: bucket }), { abortSignal: signal })
    )
    return out.Status ?? ''
  }

  async upload({ bucket, key, body, metadata, contentType }: UploadRequest, signal?: AbortSignal): Promise<{ versionId?: string }> {
    const abortController = new AbortController()
    const onAbort = () => abortController.abort()
    signal?.addEventListener('abort', onAbort, { once: true })
    const upload = new Upload({
      client: this.client,
      params: { Bucket: bucket, Key: key, Body: body, Metadata: metadata, ContentType: contentType },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      abortController
    })
    upload.on('httpUploadProgress', () => collectGarbage())
    try {
      const out = await this.call({ iamAction: 's3:PutObject', bucket, key }, () => upload.done())
      return { versionId: out.VersionId }
    } finally {
      signal?.removeEventListener('abort', onAbort)
      body.destroy()
    }
  }
}

export function createArtifactTools(region: string): ArtifactTools {
  return { store: new S3Store(region), zip: zipEntries }
}
