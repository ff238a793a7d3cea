// Control endpoints for S3 buckets and ECR pushes, for processes that only know the service's URL (the CLI,
// the demo): create a bucket, list what a key holds, push an image.
import { ImageRegistry, type ImagePush } from './ecr.js'
import type { PipelineStore } from './operations.js'
import { ObjectStore, type BucketSpec, type ObjectVersion } from './s3-store.js'
import { pushedTo, uploadedTo, type SourceWorld } from './sources.js'

export interface SourceServices {
  store: PipelineStore
  objects: ObjectStore
  images: ImageRegistry
  now: () => number
}

/** The buckets (those given, created) and the image registry the S3 and ECR sources read. */
export function sourceWorld(region: string, buckets: BucketSpec[] = []): Required<SourceWorld> {
  const objects = new ObjectStore()
  for (const bucket of buckets) objects.addBucket(bucket)
  return { region, objects, images: new ImageRegistry() }
}

/** Every upload to a watched bucket/key starts the pipelines whose S3 source has an eventTrigger. */
export function watchUploads(services: SourceServices): SourceServices {
  services.objects.onStored = (bucket, version) => {
    if (version.versionId !== 'null') services.store.sourceChanged(uploadedTo(bucket, version.key), version.versionId, services.now())
  }
  return services
}

/** A push: recorded, then the pipelines whose ECR source watches that repository and tag start. */
export function pushImage(services: SourceServices, push: ImagePush): string[] {
  const pushed = services.images.push(push, services.now())
  return services.store.sourceChanged(pushedTo(pushed.repositoryName, pushed.imageTag), pushed.imageDigest, services.now())
}

/** What GET /_emulator/buckets/<bucket>/objects?key=… answers: the key's versions, oldest first, without file paths. */
export function versionsView(versions: ObjectVersion[]) {
  return versions.map(({ file: _file, lastModifiedMs, ...v }) => ({ ...v, lastModified: new Date(lastModifiedMs).toISOString() }))
}

/** Routes /_emulator/buckets… and /_emulator/ecr/push; undefined when the path is none of them. */
export function routeSourceControl(services: SourceServices, method: string, url: URL, text: string): [number, unknown] | undefined {
  const path = url.pathname
  try {
    if (method === 'POST' && path === '/_emulator/buckets') {
      services.objects.addBucket(JSON.parse(text) as BucketSpec)
      return [200, {}]
    }
    const listing = /^\/_emulator\/buckets\/([^/]+)\/objects$/.exec(path)
    if (method === 'GET' && listing !== null) {
      const bucket = decodeURIComponent(listing[1]!)
      return services.objects.has(bucket)
        ? [200, versionsView(services.objects.versions(bucket, url.searchParams.get('key') ?? ''))]
        : [404, { message: `No bucket '${bucket}'` }]
    }
    if (method === 'POST' && path === '/_emulator/ecr/push')
      return [200, { pipelineExecutionIds: pushImage(services, JSON.parse(text) as ImagePush) }]
  } catch (error) {
    return [400, { message: error instanceof Error ? error.message : String(error) }]
  }
  return undefined
}
