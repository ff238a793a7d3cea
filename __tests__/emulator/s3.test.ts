// The local service's S3, through the real SDK v3 client (flexible checksums, aws-chunked bodies) and
// lib-storage's multipart upload: versions, metadata, S3-style errors and the fault rules.
import { createHash } from 'node:crypto'
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  UploadPartCommand,
  CreateBucketCommand,
  HeadBucketCommand,
  PutBucketVersioningCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException
} from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { harness, type Harness } from '../support/emulator.js'

let h: Harness
let s3: S3Client

beforeAll(async () => {
  h = await harness({
    pipelines: [],
    buckets: [{ name: 'artifacts' }, { name: 'plain', versioning: 'Off' }, { name: 'paused', versioning: 'Suspended' }]
  })
  s3 = s3Client(h.emulator.url)
})
afterAll(async () => {
  s3.destroy()
  await h.emulator.close()
})
afterEach(() => h.emulator.setFaults({}))

function s3Client(endpoint: string, maxAttempts = 1): S3Client {
  return new S3Client({
    endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    maxAttempts,
    credentials: { accessKeyId: 'AKIDEMULATORTEST', secretAccessKey: 'secret' }
  })
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex')

async function failure(promise: Promise<unknown>): Promise<S3ServiceException> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!(error instanceof S3ServiceException)) throw new Error(`expected an S3 error, got ${String(error)}`)
  return error
}

test('PutObject on a versioned bucket answers a new VersionId each time; each version keeps its bytes and metadata', async () => {
  const put = (body: string, summary: string) =>
    s3.send(
      new PutObjectCommand({
        Bucket: 'artifacts',
        Key: 'app/app.zip',
        Body: body,
        Metadata: { 'codepipeline-artifact-revision-summary': summary }
      })
    )
  const first = await put('first build', 'octo/repo@abc1234: first')
  const second = await put('second build', 'octo/repo@def5678: second')
  expect(first.VersionId).toMatch(/^[\w-]{20,}$/)
  expect(second.VersionId).not.toBe(first.VersionId)
  expect(first.ETag).toBe(`"${createHash('md5').update('first build').digest('hex')}"`)

  const old = await s3.send(new GetObjectCommand({ Bucket: 'artifacts', Key: 'app/app.zip', VersionId: first.VersionId }))
  expect(await old.Body!.transformToString()).toBe('first build')
  expect(old.Metadata).toEqual({ 'codepipeline-artifact-revision-summary': 'octo/repo@abc1234: first' })
  const head = await s3.send(new HeadObjectCommand({ Bucket: 'artifacts', Key: 'app/app.zip' }))
  expect(head).toMatchObject({ VersionId: second.VersionId, ContentLength: 12, ETag: second.ETag })
  expect(h.emulator.objectVersions('artifacts', 'app/app.zip').map((v) => [v.versionId, v.sha256])).toEqual([
    [first.VersionId, sha256('first build')],
    [second.VersionId, sha256('second build')]
  ])
  // The SDK sent its default CRC32 checksum; the record shows the call and what it stored.
  expect(h.emulator.requests('PutObject').at(-1)).toMatchObject({
    status: 200,
    body: { Bucket: 'artifacts', Key: 'app/app.zip', VersionId: second.VersionId }
  })
})

test('an unversioned bucket answers no VersionId, and GetBucketVersioning tells the three states apart', async () => {
  const put = await s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'a.zip', Body: 'x' }))
  expect(put.VersionId).toBeUndefined()
  const status = async (Bucket: string) => (await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status
  expect(await status('plain')).toBeUndefined()
  expect(await status('paused')).toBe('Suspended')
  expect(await status('artifacts')).toBe('Enabled')
})

test('CreateBucket makes an unversioned bucket; PutBucketVersioning turns versioning on', async () => {
  await s3.send(new CreateBucketCommand({ Bucket: 'made-by-sdk' }))
  await s3.send(new HeadBucketCommand({ Bucket: 'made-by-sdk' }))
  expect((await s3.send(new PutObjectCommand({ Bucket: 'made-by-sdk', Key: 'k', Body: 'x' }))).VersionId).toBeUndefined()
  await s3.send(new PutBucketVersioningCommand({ Bucket: 'made-by-sdk', VersioningConfiguration: { Status: 'Enabled' } }))
  expect((await s3.send(new GetBucketVersioningCommand({ Bucket: 'made-by-sdk' }))).Status).toBe('Enabled')
  expect((await s3.send(new PutObjectCommand({ Bucket: 'made-by-sdk', Key: 'k', Body: 'y' }))).VersionId).toBeDefined()
  expect(h.emulator.objectVersions('made-by-sdk', 'k').map((v) => v.versionId)).toEqual(['null', expect.stringMatching(/^[\w-]{20,}$/)])
  const again = await failure(s3.send(new CreateBucketCommand({ Bucket: 'made-by-sdk' })))
  expect([again.name, again.$metadata.httpStatusCode]).toEqual(['BucketAlreadyOwnedByYou', 409])
})

test('lib-storage uploads a large body in parts; the object is the exact bytes, under a multipart ETag', async () => {
  const body = Buffer.alloc(12 * 1024 * 1024 + 123)
  for (let i = 0; i < body.length; i += 4096) body.writeUInt32BE(i, i)
  const upload = new Upload({
    client: s3,
    params: { Bucket: 'artifacts', Key: 'big.bin', Body: body, Metadata: { origin: 'lib-storage' } },
    partSize: 5 * 1024 * 1024
  })
  const done = await upload.done()
  expect(done.VersionId).toBeDefined()
  expect(done.ETag).toMatch(/^"[0-9a-f]{32}-3"$/)
  expect(h.emulator.requests('UploadPart')).toHaveLength(3)
  const [stored] = h.emulator.objectVersions('artifacts', 'big.bin')
  expect(stored).toMatchObject({ versionId: done.VersionId, size: body.length, sha256: sha256(body), metadata: { origin: 'lib-storage' } })
})

test('S3-style errors: NoSuchBucket, NoSuchKey, NoSuchVersion, NoSuchUpload', async () => {
  const missingBucket = await failure(s3.send(new PutObjectCommand({ Bucket: 'nope', Key: 'k', Body: 'x' })))
  expect([missingBucket.name, missingBucket.$metadata.httpStatusCode]).toEqual(['NoSuchBucket', 404])
  const missingKey = await failure(s3.send(new GetObjectCommand({ Bucket: 'artifacts', Key: 'none.zip' })))
  expect(missingKey.name).toBe('NoSuchKey')
  await s3.send(new PutObjectCommand({ Bucket: 'artifacts', Key: 'v.zip', Body: 'v' }))
  const missingVersion = await failure(s3.send(new GetObjectCommand({ Bucket: 'artifacts', Key: 'v.zip', VersionId: 'nope' })))
  expect(missingVersion.name).toBe('NoSuchVersion')
  const upload = await failure(s3.send(new AbortMultipartUploadCommand({ Bucket: 'artifacts', Key: 'v.zip', UploadId: 'nope' })))
  expect([upload.name, upload.$metadata.httpStatusCode]).toEqual(['NoSuchUpload', 404])
})

test('CompleteMultipartUpload checks the parts: InvalidPart for a wrong ETag, EntityTooSmall for a small part but the last', async () => {
  const Bucket = 'artifacts'
  const Key = 'parts.bin'
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }))
  const part = async (PartNumber: number, Body: Buffer) =>
    (await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber, Body }))).ETag!
  const first = await part(1, Buffer.alloc(1024, 1))
  const second = await part(2, Buffer.alloc(1024, 2))
  const complete = (Parts: { PartNumber: number; ETag: string }[]) =>
    failure(s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts } })))
  expect((await complete([{ PartNumber: 1, ETag: '"0123456789abcdef0123456789abcdef"' }])).name).toBe('InvalidPart')
  expect((await complete([{ PartNumber: 3, ETag: first }])).name).toBe('InvalidPart')
  expect(
    (
      await complete([
        { PartNumber: 2, ETag: second },
        { PartNumber: 1, ETag: first }
      ])
    ).name
  ).toBe('InvalidPartOrder')
  expect(
    (
      await complete([
        { PartNumber: 1, ETag: first },
        { PartNumber: 2, ETag: second }
      ])
    ).name
  ).toBe('EntityTooSmall')
  expect(h.emulator.objectVersions(Bucket, Key)).toEqual([])
  await s3.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }))
  expect((await failure(s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 3, Body: 'x' })))).name).toBe('NoSuchUpload')
})

test('fault rules apply to S3: SlowDown 503, AccessDenied naming s3:PutObject, a reset mid-upload stores nothing', async () => {
  h.emulator.setFaults({ rules: [{ operation: 'PutObject', kind: 'http503', times: 1 }] })
  const slow = await failure(s3.send(new PutObjectCommand({ Bucket: 'artifacts', Key: 'f.zip', Body: 'x' })))
  expect([slow.name, slow.$metadata.httpStatusCode]).toEqual(['SlowDown', 503])

  h.emulator.setFaults({ rules: [{ operation: 'PutObject', kind: 'accessDenied' }] })
  const denied = await failure(s3.send(new PutObjectCommand({ Bucket: 'artifacts', Key: 'f.zip', Body: 'x' })))
  expect(denied.name).toBe('AccessDenied')
  expect(denied.message).toContain('is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::artifacts/f.zip"')

  h.emulator.setFaults({ rules: [{ operation: 'PutObject', kind: 'reset' }] })
  await expect(s3.send(new PutObjectCommand({ Bucket: 'artifacts', Key: 'f.zip', Body: Buffer.alloc(1024 * 1024) }))).rejects.toThrow()
  expect(h.emulator.objectVersions('artifacts', 'f.zip')).toEqual([])

  // The SDK's own retries get through a storm of SlowDown.
  h.emulator.setFaults({ rules: [{ operation: 'PutObject', kind: 'throttle', times: 2 }] })
  const patient = s3Client(h.emulator.url, 3)
  const put = await patient.send(new PutObjectCommand({ Bucket: 'artifacts', Key: 'f.zip', Body: 'x' }))
  patient.destroy()
  expect(h.emulator.objectVersions('artifacts', 'f.zip').map((v) => v.versionId)).toEqual([put.VersionId])
})

test('lib-storage with the SDK retries: a reset mid-part and a lost completion answer still end in exactly one version', async () => {
  const body = Buffer.alloc(11 * 1024 * 1024, 3)
  h.emulator.setFaults({
    rules: [
      { operation: 'UploadPart', kind: 'reset', times: 1 },
      { operation: 'CompleteMultipartUpload', kind: 'http503', afterWork: true, times: 1 }
    ]
  })
  const patient = s3Client(h.emulator.url, 3)
  const done = await new Upload({ client: patient, params: { Bucket: 'artifacts', Key: 'retried.bin', Body: body } }).done()
  patient.destroy()
  expect(h.emulator.requests('UploadPart').filter((r) => r.body.Key === 'retried.bin' && r.status === 0)).toHaveLength(1)
  expect(
    h.emulator
      .requests('CompleteMultipartUpload')
      .filter((r) => r.body.Key === 'retried.bin')
      .map((r) => r.status)
  ).toEqual([503, 200])
  const versions = h.emulator.objectVersions('artifacts', 'retried.bin')
  expect(versions.map((v) => [v.versionId, v.sha256])).toEqual([[done.VersionId, sha256(body)]])
})
