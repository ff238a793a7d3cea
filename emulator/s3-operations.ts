// The S3 operations the local service serves, each on one parsed request. Bodies stream to files
// (s3-body.ts); the answers carry S3's headers (ETag, x-amz-version-id, x-amz-meta-*) and XML documents.
import { createReadStream } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import { receiveBody, type ReceivedBody } from './s3-body.js'
import type { ObjectStore, ObjectVersion, ObjectWrite } from './s3-store.js'
import { invalidArgument, parseCompleteParts, S3Error, xmlDocument } from './s3-xml.js'

export interface S3Call {
  req: IncomingMessage
  bucket: string
  key: string
  query: URLSearchParams
  now: number
  resetAfterBytes?: number // the `reset` fault
}

export interface S3Answer {
  status?: number
  headers?: Record<string, string>
  body?: string
  file?: Readable
  recorded?: Record<string, unknown> // added to the request record (the version stored, the metadata…)
}

type Operation = (objects: ObjectStore, call: S3Call) => S3Answer | Promise<S3Answer>

const XML = { 'content-type': 'application/xml' }
const MAX_XML_BYTES = 1024 * 1024

export const s3Operations: Record<string, Operation> = {
  PutObject: async (objects, call) => {
    objects.versioning(call.bucket) // NoSuchBucket before the body is read
    const write = objectWrite(call.req)
    const [file, body] = await receive(objects, call)
    const version = objects.put(call.bucket, call.key, file, body, write, call.now)
    return { headers: { ...versionHeaders(version), ...checksumHeaders(body) }, recorded: recorded(version, write) }
  },

  CreateMultipartUpload: (objects, call) => {
    const write = objectWrite(call.req)
    const uploadId = objects.createUpload(call.bucket, call.key, write)
    const algorithm = call.req.headers['x-amz-checksum-algorithm']
    return {
      headers: { ...XML, ...(typeof algorithm === 'string' ? { 'x-amz-checksum-algorithm': algorithm } : {}) },
      body: xmlDocument('InitiateMultipartUploadResult', { Bucket: call.bucket, Key: call.key, UploadId: uploadId }),
      recorded: { UploadId: uploadId, Metadata: write.metadata }
    }
  },

  UploadPart: async (objects, call) => {
    const partNumber = Number(call.query.get('partNumber'))
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10000)
      throw invalidArgument(
        'Part number must be an integer between 1 and 10000, inclusive',
        'partNumber',
        call.query.get('partNumber') ?? ''
      )
    const uploadId = call.query.get('uploadId') ?? ''
    objects.checkUpload(call.bucket, call.key, uploadId) // NoSuchUpload before the body is read
    const [file, body] = await receive(objects, call)
    const etag = objects.putPart(call.bucket, call.key, uploadId, partNumber, file, body)
    return { headers: { ETag: etag, ...checksumHeaders(body) }, recorded: { ContentLength: body.size } }
  },

  CompleteMultipartUpload: async (objects, call) => {
    const parts = parseCompleteParts(await readXml(call.req))
    const version = await objects.complete(call.bucket, call.key, call.query.get('uploadId') ?? '', parts, call.now)
    const location = `http://${call.req.headers.host ?? 'localhost'}/${encodeURIComponent(call.bucket)}/${call.key.split('/').map(encodeURIComponent).join('/')}`
    return {
      headers: { ...XML, ...versionHeaders(version) },
      body: xmlDocument('CompleteMultipartUploadResult', { Location: location, Bucket: call.bucket, Key: call.key, ETag: version.etag }),
      recorded: recorded(version, version)
    }
  },

  AbortMultipartUpload: (objects, call) => {
    objects.abort(call.bucket, call.key, call.query.get('uploadId') ?? '')
    return { status: 204 }
  },

  HeadObject: (objects, call) => ({ headers: objectHeaders(objects.get(call.bucket, call.key, versionParam(call))) }),

  GetObject: (objects, call) => {
    const version = objects.get(call.bucket, call.key, versionParam(call))
    return { headers: objectHeaders(version), file: createReadStream(version.file) }
  },

  GetBucketVersioning: (objects, call) => {
    const status = objects.versioning(call.bucket)
    return { headers: XML, body: xmlDocument('VersioningConfiguration', { Status: status === 'Off' ? undefined : status }) }
  },

  PutBucketVersioning: async (objects, call) => {
    const status = /<Status>(Enabled|Suspended)<\/Status>/.exec(await readXml(call.req))?.[1]
    if (status !== 'Enabled' && status !== 'Suspended')
      throw new S3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema')
    objects.setVersioning(call.bucket, status)
    return {}
  },

  CreateBucket: async (objects, call) => {
    if (objects.has(call.bucket))
      throw new S3Error(
        'BucketAlreadyOwnedByYou',
        'Your previous request to create the named bucket succeeded and you already own it.',
        409
      )
    await readXml(call.req)
    objects.addBucket({ name: call.bucket, versioning: 'Off' })
    return { headers: { Location: `/${call.bucket}` } }
  },

  HeadBucket: (objects, call) => (objects.versioning(call.bucket), {})
}

async function receive(objects: ObjectStore, call: S3Call): Promise<[string, ReceivedBody]> {
  const file = objects.newFile()
  try {
    return [file, await receiveBody(call.req, file, { resetAfterBytes: call.resetAfterBytes })]
  } catch (error) {
    objects.discard(file)
    throw error
  }
}

/** The version a GET or HEAD names; S3 calls the unversioned one 'null'. */
function versionParam(call: S3Call): string | undefined {
  return call.query.get('versionId') ?? undefined
}

function objectWrite(req: IncomingMessage): ObjectWrite {
  const metadata: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers))
    if (name.startsWith('x-amz-meta-') && typeof value === 'string') metadata[name.slice('x-amz-meta-'.length)] = value
  const contentType = req.headers['content-type']
  return { metadata, contentType }
}

function versionHeaders(version: ObjectVersion): Record<string, string> {
  return { ETag: version.etag, ...(version.versionId === 'null' ? {} : { 'x-amz-version-id': version.versionId }) }
}

function checksumHeaders(body: ReceivedBody): Record<string, string> {
  return Object.fromEntries(Object.entries(body.checksums).map(([algorithm, value]) => [`x-amz-checksum-${algorithm}`, value]))
}

function objectHeaders(version: ObjectVersion): Record<string, string> {
  const meta = Object.fromEntries(Object.entries(version.metadata).map(([k, v]) => [`x-amz-meta-${k}`, v]))
  return {
    ...versionHeaders(version),
    'content-type': version.contentType,
    'content-length': String(version.size),
    'last-modified': new Date(version.lastModifiedMs).toUTCString(),
    'accept-ranges': 'bytes',
    ...meta
  }
}

function recorded(version: ObjectVersion, write: ObjectWrite): Record<string, unknown> {
  return { VersionId: version.versionId, ContentLength: version.size, ETag: version.etag, Metadata: write.metadata }
}

/** A small XML request body (Complete's part list, a versioning configuration), chunked or not. */
async function readXml(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_XML_BYTES) throw new S3Error('MaxMessageLengthExceeded', 'Your request was too big.')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}
