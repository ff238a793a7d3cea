// What the artifact upload asks of S3 (and of the zip library): a small port, so that the rest never sees the
// SDK. The S3 client, lib-storage and yazl are a chunk of their own (load.ts), loaded only by a run with
// `artifact`: a run without it loads none of them.
import type { Readable } from 'node:stream'
import type { TreeEntry } from './tree.js'

export interface UploadRequest {
  bucket: string
  key: string
  /** Read once; a restarted upload gets a fresh one. */
  body: Readable
  /** User metadata (x-amz-meta-*): codepipeline-artifact-revision-summary. */
  metadata: Record<string, string>
  contentType: string
}

export interface ArtifactStore {
  /** GetBucketVersioning's Status: Enabled, Suspended, or '' for a bucket that never had versioning. */
  versioning(bucket: string, signal?: AbortSignal): Promise<string>
  /** Uploads the body (in parts when it is large); the VersionId S3 gave the new object, if any. */
  upload(request: UploadRequest, signal?: AbortSignal): Promise<{ versionId?: string }>
}

export interface ArtifactTools {
  store: ArtifactStore
  /** The entries as a zip stream: the same tree gives the same bytes. `onRead` counts the files' bytes read. */
  zip(entries: TreeEntry[], onRead: (bytes: number) => void): Readable
}

/** Creates the tools; the default imports the chunk on first use (load.ts). */
export type ArtifactToolsLoader = (region: string) => Promise<ArtifactTools>
