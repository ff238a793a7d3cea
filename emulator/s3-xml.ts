// S3's REST-XML wire shapes: the error document, the few result documents the local service answers, and
// the one request document it reads (CompleteMultipartUpload's part list).

export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/'

/** An S3 error: HTTP status plus `<Error><Code>…</Code><Message>…</Message></Error>`. */
export class S3Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly extra: Record<string, string> = {}
  ) {
    super(message)
  }
}

export const noSuchBucket = (bucket: string): S3Error =>
  new S3Error('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket })
export const noSuchKey = (key: string): S3Error => new S3Error('NoSuchKey', 'The specified key does not exist.', 404, { Key: key })
export const noSuchVersion = (key: string, versionId: string): S3Error =>
  new S3Error('NoSuchVersion', 'The specified version does not exist.', 404, { Key: key, VersionId: versionId })
export const noSuchUpload = (uploadId: string): S3Error =>
  new S3Error(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    404,
    { UploadId: uploadId }
  )
export const invalidPart = (partNumber: number): S3Error =>
  new S3Error(
    'InvalidPart',
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
    400,
    { PartNumber: String(partNumber) }
  )
export const badDigest = (what: string): S3Error =>
  new S3Error('BadDigest', `The ${what} you specified did not match the calculated checksum.`)
export const invalidArgument = (message: string, name?: string, value?: string): S3Error =>
  new S3Error('InvalidArgument', message, 400, name === undefined ? {} : { ArgumentName: name, ArgumentValue: value ?? '' })

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`)
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
    if (named[e] !== undefined) return named[e]
    return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
  })
}

/** `<Name xmlns=…>` with child elements in order; undefined children are left out. */
export function xmlDocument(root: string, children: Record<string, string | undefined>, namespace = true): string {
  const body = Object.entries(children)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<${k}>${escapeXml(v!)}</${k}>`)
    .join('')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${namespace ? ` xmlns="${S3_NAMESPACE}"` : ''}>${body}</${root}>`
}

export function errorDocument(error: S3Error, resource: string, requestId: string): string {
  return xmlDocument(
    'Error',
    { Code: error.code, Message: error.message, ...error.extra, Resource: resource, RequestId: requestId, HostId: requestId },
    false
  )
}

export interface CompletedPart {
  partNumber: number
  etag: string
  checksums: Record<string, string> // e.g. ChecksumCRC32 → base64
}

/** The parts of a CompleteMultipartUpload body, in the order given; MalformedXML when it is not that document. */
export function parseCompleteParts(xml: string): CompletedPart[] {
  const root = /<CompleteMultipartUpload(?:\s[^>]*)?>([\s\S]*)<\/CompleteMultipartUpload>/.exec(xml)
  if (root === null) throw malformedXml()
  const parts = [...(root[1] ?? '').matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map(([, inner = '']) => {
    const fields = Object.fromEntries([...inner.matchAll(/<(\w+)>([\s\S]*?)<\/\1>/g)].map(([, k = '', v = '']) => [k, unescapeXml(v)]))
    const partNumber = Number(fields.PartNumber)
    if (!Number.isInteger(partNumber) || fields.ETag === undefined) throw malformedXml()
    const checksums = Object.fromEntries(Object.entries(fields).filter(([k]) => k.startsWith('Checksum')))
    return { partNumber, etag: fields.ETag, checksums }
  })
  if (parts.length === 0) throw malformedXml()
  return parts
}

const malformedXml = (): S3Error =>
  new S3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema')
