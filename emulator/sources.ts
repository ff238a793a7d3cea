// What a source action runs: the revision an execution shows for it. S3 sources read the object version
// from the local service's buckets, ECR sources the image digest from its registry; a source on a bucket
// or repository the service does not hold, and every other provider, runs the scripted revision.
import { createHash, randomUUID } from 'node:crypto'
import type { ImageRegistry } from './ecr.js'
import type { SourceRevision } from './model.js'
import type { ObjectStore } from './s3-store.js'
import { S3Error } from './s3-xml.js'
import type { Action } from './spec.js'

/** The S3 buckets and ECR images the sources read. */
export interface SourceWorld {
  objects?: ObjectStore
  images?: ImageRegistry
  region: string
}

/** The override type that carries a provider's revision (what a trigger of that source sends). */
export function revisionType(provider: string): string {
  return provider === 'S3' ? 'S3_OBJECT_VERSION_ID' : provider === 'ECR' ? 'IMAGE_DIGEST' : 'COMMIT_ID'
}

/**
 * The revision of one source action: `chosen` holds its overrides by revision type (none: the latest);
 * `fallback` is the scripted revision when the service holds nothing for it.
 */
export function revisionFor(
  world: SourceWorld,
  action: Action,
  chosen: Map<string, string> | undefined,
  now: number,
  fallback?: string
): SourceRevision {
  const c = action.configuration
  if (action.provider === 'S3' && c.S3Bucket !== undefined && world.objects?.has(c.S3Bucket))
    return s3Revision(world.objects, action, chosen, now)
  if (action.provider === 'ECR' && c.RepositoryName !== undefined && world.images !== undefined)
    return ecrRevision(world as Required<SourceWorld>, action, chosen?.get('IMAGE_DIGEST'), now, fallback)
  const given = chosen?.get('S3_OBJECT_VERSION_ID') ?? (chosen === undefined ? undefined : [...chosen.values()][0])
  return sourceRevision(action, given ?? fallback ?? action.revision ?? fakeCommit(), now)
}

function s3Revision(objects: ObjectStore, action: Action, chosen: Map<string, string> | undefined, now: number): SourceRevision {
  const bucket = action.configuration.S3Bucket!
  const key = chosen?.get('S3_OBJECT_KEY') ?? action.configuration.S3ObjectKey ?? ''
  const versionId = chosen?.get('S3_OBJECT_VERSION_ID')
  const failed = (failure: string): SourceRevision => ({ actionName: action.name, revisionId: versionId ?? '', createdMs: now, failure })
  if (objects.versioning(bucket) !== 'Enabled')
    return failed(`Bucket '${bucket}' does not have versioning enabled; the S3 source action needs a versioned bucket.`)
  try {
    const v = objects.get(bucket, key, versionId)
    const etag = v.etag.replaceAll('"', '')
    return {
      actionName: action.name,
      revisionId: v.versionId,
      summary: v.metadata['codepipeline-artifact-revision-summary'],
      changeIdentifier: etag,
      createdMs: v.lastModifiedMs,
      outputVariables: { BucketName: bucket, ObjectKey: key, VersionId: v.versionId, ETag: etag }
    }
  } catch (error) {
    if (!(error instanceof S3Error)) throw error
    const version = versionId === undefined ? '' : ` with version id '${versionId}'`
    return failed(`The object with key '${key}'${version} does not exist in bucket '${bucket}'.`)
  }
}

function ecrRevision(
  world: Required<SourceWorld>,
  action: Action,
  digest: string | undefined,
  now: number,
  fallback?: string
): SourceRevision {
  const repository = action.configuration.RepositoryName!
  const tag = action.configuration.ImageTag ?? 'latest'
  const imageDigest = digest ?? world.images.latest(repository, tag) ?? fallback ?? action.revision ?? fakeDigest()
  const registry = `123456789012.dkr.ecr.${world.region}.amazonaws.com`
  const revision: SourceRevision = { actionName: action.name, revisionId: imageDigest, summary: action.revisionSummary, createdMs: now }
  if (world.images.knows(repository) && !world.images.holds(repository, imageDigest))
    return { ...revision, failure: `The image with digest '${imageDigest}' does not exist in repository '${repository}'.` }
  const imageTag = world.images.tagOf(repository, imageDigest) ?? tag
  return {
    ...revision,
    outputVariables: {
      ImageDigest: imageDigest,
      ImageTag: imageTag,
      ImageURI: `${registry}/${repository}:${imageTag}`,
      RegistryId: '123456789012',
      RepositoryName: repository
    }
  }
}

/** A scripted revision: a commit of the source's repository, with a GitHub link for connection sources. */
export function sourceRevision(action: Action, revisionId: string, createdMs: number): SourceRevision {
  const repository = action.configuration.FullRepositoryId
  const message = action.revisionSummary ?? 'Update README.md'
  const github = action.provider === 'CodeStarSourceConnection' && repository !== undefined
  return {
    actionName: action.name,
    revisionId,
    summary: github ? JSON.stringify({ ProviderType: 'GitHub', CommitMessage: message }) : message,
    url: github ? `https://github.com/${repository}/commit/${revisionId}` : undefined,
    createdMs
  }
}

export function fakeCommit(): string {
  return createHash('sha1').update(randomUUID()).digest('hex')
}

function fakeDigest(): string {
  return `sha256:${createHash('sha256').update(randomUUID()).digest('hex')}`
}

/** Source actions whose EventBridge rule matches an upload to bucket/key. */
export const uploadedTo = (bucket: string, key: string) => (a: Action) =>
  a.provider === 'S3' && a.configuration.S3Bucket === bucket && a.configuration.S3ObjectKey === key

/** Source actions whose EventBridge rule matches a push of repository:tag. */
export const pushedTo = (repository: string, tag: string) => (a: Action) =>
  a.provider === 'ECR' && a.configuration.RepositoryName === repository && (a.configuration.ImageTag ?? 'latest') === tag
