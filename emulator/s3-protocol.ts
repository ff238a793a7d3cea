// S3's wire protocol (REST-XML, path-style: /bucket/key) on the service's one port. Tells the operation
// from the method, path and query, checks the signature's presence as the JSON services do, applies the
// fault rules, records the request and answers S3-style XML errors.
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FaultDecision } from './faults.js'
import type { ProtocolDeps, RecordedRequest } from './protocol.js'
import { s3Operations, type S3Answer, type S3Call } from './s3-operations.js'
import type { ObjectStore } from './s3-store.js'
import { errorDocument, noSuchBucket, S3Error } from './s3-xml.js'

export interface S3Deps extends ProtocolDeps {
  objects: ObjectStore
}

const FAULTS: Partial<Record<FaultDecision['kind'], [string, string, number]>> = {
  throttle: ['SlowDown', 'Please reduce your request rate.', 503],
  http503: ['SlowDown', 'Please reduce your request rate.', 503],
  http500: ['InternalError', 'We encountered an internal error. Please try again.', 500],
  expiredToken: ['ExpiredToken', 'The provided token has expired.', 400],
  conflict: [
    'OperationAborted',
    'A conflicting conditional operation is currently in progress against this resource. Please try again.',
    409
  ],
  concurrentLimit: ['SlowDown', 'Please reduce your request rate.', 503]
}

/** Which S3 operation a request is, from its shape; undefined when the local service does not serve it. */
export function s3Operation(method: string, call: Pick<S3Call, 'bucket' | 'key' | 'query'>): string | undefined {
  const q = call.query
  if (call.bucket === '') return undefined
  if (call.key === '') {
    if (q.has('versioning')) return method === 'GET' ? 'GetBucketVersioning' : method === 'PUT' ? 'PutBucketVersioning' : undefined
    return method === 'PUT' && [...q.keys()].length === 0 ? 'CreateBucket' : method === 'HEAD' ? 'HeadBucket' : undefined
  }
  if (method === 'PUT') return q.has('uploadId') ? 'UploadPart' : 'PutObject'
  if (method === 'POST') return q.has('uploads') ? 'CreateMultipartUpload' : q.has('uploadId') ? 'CompleteMultipartUpload' : undefined
  if (method === 'DELETE' && q.has('uploadId')) return 'AbortMultipartUpload'
  if (method === 'GET') return 'GetObject'
  if (method === 'HEAD') return 'HeadObject'
  return undefined
}

export async function handleS3Request(deps: S3Deps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const received = deps.clock.now()
  const url = new URL(req.url ?? '/', 'http://s3')
  const [bucket = '', ...rest] = url.pathname.slice(1).split('/')
  const call: S3Call = { req, bucket: safeDecode(bucket), key: rest.map(safeDecode).join('/'), query: url.searchParams, now: received }
  const method = req.method ?? 'GET'
  const operation = s3Operation(method, call) ?? ''
  const entry: RecordedRequest = { operation, body: describe(call), text: '', time: received, status: 0, headers: { ...req.headers } }
  deps.record.push(entry)
  const resource = url.pathname
  const requestId = randomBytes(8).toString('hex').toUpperCase()
  const answer = ({ status = 200, headers = {}, body, file }: S3Answer, errorType?: string) => {
    Object.assign(entry, { status, errorType })
    deps.log?.(`${new Date(received).toISOString()} S3 ${operation || method} ${resource} ${status}${errorType ? ` ${errorType}` : ''}`)
    if (res.destroyed) return
    res.writeHead(status, { 'x-amz-request-id': requestId, ...headers })
    if (method === 'HEAD') return void res.end()
    if (file !== undefined) return void file.pipe(res)
    res.end(body)
  }
  try {
    // An unknown bucket is NoSuchBucket whatever was asked of it (only CreateBucket makes one).
    if (operation !== 'CreateBucket' && !deps.objects.has(call.bucket)) throw noSuchBucket(call.bucket)
    if (operation === '')
      throw new S3Error('NotImplemented', 'A header or query you provided implies functionality that is not implemented', 501)
    checkAuthorization(req)
    const fault = deps.faults.decide(operation, received)
    if (fault?.kind === 'drop' && !fault.afterWork) return void req.socket.destroy()
    if (fault?.kind === 'slow') await deps.sleep(fault.delayMs)
    else if (fault?.kind === 'accessDenied' && !fault.afterWork) throw accessDenied(fault, req, operation, call)
    else if (fault !== undefined && !fault.afterWork && fault.kind !== 'reset') throw faultError(fault)
    const run = s3Operations[operation]!
    const result = await run(deps.objects, { ...call, resetAfterBytes: fault?.kind === 'reset' ? resetPoint(req) : undefined })
    Object.assign(entry.body, result.recorded ?? {})
    if (fault?.afterWork) {
      result.file?.destroy()
      if (fault.kind === 'drop') return void req.socket.destroy()
      throw fault.kind === 'accessDenied' ? accessDenied(fault, req, operation, call) : faultError(fault)
    }
    answer(result)
  } catch (error) {
    if (req.socket.destroyed) return void Object.assign(entry, { status: 0 })
    const s3 = error instanceof S3Error ? error : new S3Error('InternalError', String(error), 500)
    answer({ status: s3.status, headers: { 'content-type': 'application/xml' }, body: errorDocument(s3, resource, requestId) }, s3.code)
    if (!req.complete) req.resume() // an error before the body was read: let the client finish sending
  }
}

function describe(call: Pick<S3Call, 'bucket' | 'key' | 'query'>): Record<string, unknown> {
  const q = call.query
  return Object.fromEntries(
    Object.entries({
      Bucket: call.bucket,
      Key: call.key || undefined,
      VersionId: q.get('versionId') ?? undefined,
      UploadId: q.get('uploadId') ?? undefined,
      PartNumber: q.has('partNumber') ? Number(q.get('partNumber')) : undefined
    }).filter(([, v]) => v !== undefined)
  )
}

function checkAuthorization(req: IncomingMessage): void {
  const auth = req.headers.authorization
  if (auth === undefined) throw new S3Error('AccessDenied', 'Access Denied', 403)
  const service = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(auth)?.[1]
  if (service !== undefined && service !== 's3')
    throw new S3Error(
      'AuthorizationHeaderMalformed',
      `The authorization header is malformed; incorrect service "${service}". This endpoint belongs to "s3".`
    )
}

/** A reset mid-upload: about half of the body arrives, then the connection is gone. */
function resetPoint(req: IncomingMessage): number {
  const length = Number(req.headers['content-length'] ?? 0)
  return Math.max(1, Math.floor(length / 2))
}

function faultError(fault: FaultDecision): S3Error {
  const [code, message, status] = FAULTS[fault.kind] ?? ['InternalError', 'We encountered an internal error. Please try again.', 500]
  return new S3Error(code, fault.message ?? message, status)
}

/** IAM's wording; the multipart operations are authorised by s3:PutObject, as IAM documents. */
function accessDenied(fault: FaultDecision, req: IncomingMessage, operation: string, call: S3Call): S3Error {
  const action = `s3:${IAM_ACTIONS[operation] ?? operation}`
  const keyId = /Credential=([^/,\s]+)/.exec(req.headers.authorization ?? '')?.[1] ?? 'anonymous'
  const resource = `arn:aws:s3:::${call.bucket}${call.key ? `/${call.key}` : ''}`
  const message =
    fault.message ??
    `User: arn:aws:sts::123456789012:assumed-role/emulator/${keyId} is not authorized to perform: ${action} on resource: "${resource}" because no identity-based policy allows the ${action} action`
  return new S3Error('AccessDenied', message, 403)
}

const IAM_ACTIONS: Record<string, string> = {
  CreateMultipartUpload: 'PutObject',
  UploadPart: 'PutObject',
  CompleteMultipartUpload: 'PutObject',
  HeadObject: 'GetObject',
  GetBucketVersioning: 'GetBucketVersioning',
  PutBucketVersioning: 'PutBucketVersioning',
  HeadBucket: 'ListBucket'
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}
