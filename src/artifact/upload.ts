// The upload: the bucket must keep versions (a VersionId is what the start pins), then the bytes stream to
// S3, hashed on the way (artifact-sha256). A transient failure the SDK's own retries did not absorb (a
// SlowDown storm, a reset) restarts the whole upload from fresh bytes, a few times. Only the version the
// final, successful upload returns is the run's artifact: nothing else is ever started or followed.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { pipeline, Transform, type Readable } from 'node:stream'
import { isAbortError } from '../clock.js'
import { ActionError, errorMessage } from '../errors.js'
import type { Backoff } from '../execution/retry.js'
import type { Clock, Log } from '../ports.js'
import { isDenied, isTransientS3 } from './errors.js'
import { mib, UploadProgress } from './progress.js'
import type { ArtifactTools } from './store.js'
import type { ArtifactSource } from './tree.js'

export const UPLOAD_TRIES = 3
export const REVISION_SUMMARY_KEY = 'codepipeline-artifact-revision-summary'

export interface UploadDeps {
  tools: ArtifactTools
  clock: Clock
  log: Log
  backoff: Backoff
}

export interface UploadTarget {
  bucket: string
  key: string
  /** codepipeline-artifact-revision-summary: where the artifact comes from, for the console. */
  revisionSummary: string
}

export interface UploadedArtifact {
  versionId: string
  /** Hex sha256 of the bytes uploaded. */
  sha256: string
  /** Bytes uploaded (the zip's, for a directory). */
  size: number
}

function noVersioning(bucket: string, why: string): ActionError {
  return new ActionError(
    `Bucket ${bucket} ${why}, so there is no object version to start the pipeline on; enable versioning on it ` +
      `(aws s3api put-bucket-versioning --bucket ${bucket} --versioning-configuration Status=Enabled), as CodePipeline's S3 source requires.`
  )
}

/** Refuses an unversioned bucket before anything is written; without s3:GetBucketVersioning, PutObject's answer tells. */
async function checkVersioning(deps: UploadDeps, bucket: string, signal?: AbortSignal): Promise<void> {
  try {
    const status = await deps.tools.store.versioning(bucket, signal)
    if (status !== 'Enabled')
      throw noVersioning(bucket, status === 'Suspended' ? 'has versioning suspended' : 'does not have versioning enabled')
  } catch (err) {
    if (!isDenied(err)) throw err
    deps.log.info(`Could not read the versioning of bucket ${bucket} (no s3:GetBucketVersioning); the upload's answer will tell.`)
  }
}

/** The body to send, read afresh for each try, hashed and counted on the way. */
function body(
  deps: UploadDeps,
  source: ArtifactSource,
  progress: UploadProgress
): { stream: Readable; digest: () => { sha256: string; size: number } } {
  const hash = createHash('sha256')
  let size = 0
  const hasher = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk)
      size += chunk.length
      if (source.kind === 'file') progress.add(chunk.length)
      done(null, chunk)
    }
  })
  const raw = source.kind === 'file' ? createReadStream(source.path) : deps.tools.zip(source.entries, (n) => progress.add(n))
  const stream = pipeline(raw, hasher, () => undefined)
  return { stream, digest: () => ({ sha256: hash.digest('hex'), size }) }
}

async function tryOnce(deps: UploadDeps, source: ArtifactSource, target: UploadTarget, progress: UploadProgress, signal?: AbortSignal) {
  const { stream, digest } = body(deps, source, progress)
  const contentType = source.kind === 'dir' || source.path.endsWith('.zip') ? 'application/zip' : 'application/octet-stream'
  const metadata = { [REVISION_SUMMARY_KEY]: target.revisionSummary }
  const { versionId } = await deps.tools.store.upload(
    { bucket: target.bucket, key: target.key, body: stream, metadata, contentType },
    signal
  )
  // Suspended versioning answers "null": a version no start can pin apart from the next upload's.
  if (!versionId || versionId === 'null') throw noVersioning(target.bucket, 'gave the upload no VersionId (versioning is not enabled)')
  return { versionId, ...digest() }
}

export async function uploadArtifact(
  deps: UploadDeps,
  source: ArtifactSource,
  target: UploadTarget,
  signal?: AbortSignal
): Promise<UploadedArtifact> {
  const where = `s3://${target.bucket}/${target.key}`
  await checkVersioning(deps, target.bucket, signal)
  const progress = new UploadProgress(deps.log, deps.clock, source.size, where)
  deps.log.info(`Uploading ${where} (${mib(source.size)} to read).`)
  for (let attempt = 1; ; attempt++) {
    try {
      return await tryOnce(deps, source, target, progress, signal)
    } catch (err) {
      if (signal?.aborted || isAbortError(err) || attempt >= UPLOAD_TRIES || !isTransientS3(err)) throw err
      const waitMs = deps.backoff(attempt)
      deps.log.warning(
        `The upload to ${where} failed (${errorMessage(err)}); uploading it again in ${Math.round(waitMs / 1000)} s (try ${attempt + 1} of ${UPLOAD_TRIES}).`
      )
      await deps.clock.sleep(waitMs, signal)
      progress.restart()
    }
  }
}
