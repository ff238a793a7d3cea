// The local service's S3 buckets: objects and their versions, multipart uploads. Bodies live in files in a
// temporary folder of the service's own (removed on close), so memory does not grow with what is uploaded.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import type { ReceivedBody } from './s3-body.js'
import { invalidPart, noSuchBucket, noSuchKey, noSuchUpload, noSuchVersion, S3Error } from './s3-xml.js'

/** 'Off': versioning was never enabled (GetBucketVersioning answers no Status). */
export type Versioning = 'Enabled' | 'Suspended' | 'Off'

export interface BucketSpec {
  name: string
  versioning?: Versioning // default Enabled
}

export interface ObjectVersion {
  key: string
  versionId: string // 'null' in a bucket whose versioning is not Enabled, as S3 says
  size: number
  etag: string // quoted, as S3 answers it
  sha256: string // hex of the whole object
  metadata: Record<string, string> // x-amz-meta-* without the prefix
  contentType: string
  lastModifiedMs: number
  file: string
}

export interface ObjectWrite {
  metadata: Record<string, string>
  contentType?: string
}

interface Part {
  file: string
  size: number
  md5: Buffer
  checksums: Record<string, string>
}

interface Upload extends ObjectWrite {
  bucket: string
  key: string
  parts: Map<number, Part>
}

/** S3's minimum size of every part but the last. */
export const MIN_PART_BYTES = 5 * 1024 * 1024
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/

export class ObjectStore {
  /** Made with the first body, so a service that never stores one (or fails to start) leaves nothing behind. */
  private dir?: string
  private readonly buckets = new Map<string, { versioning: Versioning; objects: Map<string, ObjectVersion[]> }>()
  private readonly uploads = new Map<string, Upload>()
  /** Completed uploads: a completion sent again (its answer was lost) gets the same version back, not a new one. */
  private readonly completed = new Map<string, { bucket: string; key: string; version: ObjectVersion }>()
  private files = 0
  /** Called with every version stored (PutObject, CompleteMultipartUpload): the upload triggers hang here. */
  onStored: (bucket: string, version: ObjectVersion) => void = () => {}

  addBucket(spec: BucketSpec): void {
    const versioning = spec.versioning ?? 'Enabled'
    if (typeof spec.name !== 'string' || !BUCKET_NAME.test(spec.name))
      throw new Error(`bucket name '${spec.name}' is not a valid S3 bucket name`)
    if (!['Enabled', 'Suspended', 'Off'].includes(versioning)) throw new Error('bucket versioning must be Enabled, Suspended or Off')
    const known = this.buckets.get(spec.name)
    if (known !== undefined) known.versioning = versioning
    else this.buckets.set(spec.name, { versioning, objects: new Map() })
  }

  has(bucket: string): boolean {
    return this.buckets.has(bucket)
  }

  versioning(bucket: string): Versioning {
    return this.bucket(bucket).versioning
  }

  setVersioning(bucket: string, status: 'Enabled' | 'Suspended'): void {
    this.bucket(bucket).versioning = status
  }

  /** A fresh file path for a body about to be received. */
  newFile(): string {
    this.dir ??= mkdtempSync(join(tmpdir(), 'emulator-s3-'))
    return join(this.dir, `body-${++this.files}`)
  }

  discard(file: string): void {
    rmSync(file, { force: true })
  }

  /** Every version of a key, oldest first. */
  versions(bucket: string, key: string): ObjectVersion[] {
    return [...(this.bucket(bucket).objects.get(key) ?? [])]
  }

  /** A version, or the latest; NoSuchKey / NoSuchVersion as S3 answers. */
  get(bucket: string, key: string, versionId?: string): ObjectVersion {
    const versions = this.versions(bucket, key)
    if (versionId === undefined) return versions.at(-1) ?? throwError(noSuchKey(key))
    const found = versions.find((v) => v.versionId === versionId)
    if (found !== undefined) return found
    throw versions.length === 0 ? noSuchKey(key) : noSuchVersion(key, versionId)
  }

  put(
    bucket: string,
    key: string,
    file: string,
    body: Pick<ReceivedBody, 'size' | 'md5' | 'sha256'>,
    write: ObjectWrite,
    now: number
  ): ObjectVersion {
    return this.store(bucket, key, file, { ...body, etag: `"${body.md5.toString('hex')}"` }, write, now)
  }

  createUpload(bucket: string, key: string, write: ObjectWrite): string {
    this.bucket(bucket)
    const id = randomBytes(32).toString('base64url')
    this.uploads.set(id, { bucket, key, parts: new Map(), ...write })
    return id
  }

  /** Stores one part (a part sent again replaces the earlier one); returns its ETag. */
  putPart(bucket: string, key: string, uploadId: string, partNumber: number, file: string, body: ReceivedBody): string {
    const upload = this.upload(bucket, key, uploadId)
    const earlier = upload.parts.get(partNumber)
    if (earlier !== undefined) this.discard(earlier.file)
    upload.parts.set(partNumber, { file, size: body.size, md5: body.md5, checksums: body.checksums })
    return `"${body.md5.toString('hex')}"`
  }

  /** Joins the named parts, in order, into a new version; the upload is gone afterwards. */
  async complete(
    bucket: string,
    key: string,
    uploadId: string,
    named: { partNumber: number; etag: string; checksums: Record<string, string> }[],
    now: number
  ): Promise<ObjectVersion> {
    const done = this.completed.get(uploadId)
    if (done !== undefined && done.bucket === bucket && done.key === key) return done.version
    const upload = this.upload(bucket, key, uploadId)
    const parts = checkParts(upload, named)
    const file = this.newFile()
    const sha256 = createHash('sha256')
    const hash = new Transform({ transform: (chunk: Buffer, _e, done) => (sha256.update(chunk), done(null, chunk)) })
    const joined = async function* () {
      for (const part of parts) yield* createReadStream(part.file) as AsyncIterable<Buffer>
    }
    await pipeline(joined, hash, createWriteStream(file))
    this.uploads.delete(uploadId)
    for (const part of upload.parts.values()) this.discard(part.file)
    const md5s = createHash('md5')
      .update(Buffer.concat(parts.map((p) => p.md5)))
      .digest('hex')
    const size = parts.reduce((sum, p) => sum + p.size, 0)
    const version = this.store(bucket, key, file, { size, sha256: sha256.digest('hex'), etag: `"${md5s}-${parts.length}"` }, upload, now)
    this.completed.set(uploadId, { bucket, key, version })
    return version
  }

  abort(bucket: string, key: string, uploadId: string): void {
    const upload = this.upload(bucket, key, uploadId)
    for (const part of upload.parts.values()) this.discard(part.file)
    this.uploads.delete(uploadId)
  }

  close(): void {
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true })
    this.dir = undefined
  }

  private bucket(name: string) {
    return this.buckets.get(name) ?? throwError(noSuchBucket(name))
  }

  checkUpload(bucket: string, key: string, uploadId: string): void {
    this.upload(bucket, key, uploadId)
  }

  private upload(bucket: string, key: string, uploadId: string): Upload {
    this.bucket(bucket)
    const upload = this.uploads.get(uploadId)
    if (upload === undefined || upload.bucket !== bucket || upload.key !== key) throw noSuchUpload(uploadId)
    return upload
  }

  private store(
    bucket: string,
    key: string,
    file: string,
    body: { size: number; sha256: string; etag: string },
    write: ObjectWrite,
    now: number
  ): ObjectVersion {
    const b = this.bucket(bucket)
    const versioned = b.versioning === 'Enabled'
    const versions = b.objects.get(key) ?? []
    // Without versioning a write replaces the 'null' version; with it, every write is a new version.
    const replaced = versioned ? -1 : versions.findIndex((v) => v.versionId === 'null')
    if (replaced >= 0) this.discard(versions.splice(replaced, 1)[0]!.file)
    const version: ObjectVersion = {
      key,
      versionId: versioned ? versionId() : 'null',
      ...body,
      metadata: write.metadata,
      contentType: write.contentType ?? 'binary/octet-stream',
      lastModifiedMs: Math.floor(now / 1000) * 1000, // S3 keeps whole seconds
      file
    }
    versions.push(version)
    b.objects.set(key, versions)
    this.onStored(bucket, version)
    return version
  }
}

function checkParts(upload: Upload, named: { partNumber: number; etag: string; checksums: Record<string, string> }[]): Part[] {
  if (named.some((n, i) => i > 0 && n.partNumber <= named[i - 1]!.partNumber))
    throw new S3Error('InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.')
  return named.map((n, i) => {
    const part = upload.parts.get(n.partNumber)
    if (part === undefined || n.etag.replaceAll('"', '') !== part.md5.toString('hex')) throw invalidPart(n.partNumber)
    for (const [name, value] of Object.entries(n.checksums)) {
      const sent = part.checksums[name.slice('Checksum'.length).toLowerCase()]
      if (sent !== undefined && sent !== value) throw invalidPart(n.partNumber)
    }
    if (i < named.length - 1 && part.size < MIN_PART_BYTES)
      throw new S3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.', 400, {
        PartNumber: String(n.partNumber)
      })
    return part
  })
}

/** 32 letters and digits, like S3's opaque version ids (never starting with a dash, which reads as a CLI flag). */
function versionId(): string {
  return randomBytes(48)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 32)
}

function throwError(error: Error): never {
  throw error
}
