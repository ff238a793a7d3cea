// Receives an S3 request body straight to a file: decodes aws-chunked (the SDK's streaming uploads with a
// trailing checksum), hashes as it goes (MD5 for the ETag, SHA-256, CRC32), and checks the checksums the
// client sent. Nothing is buffered beyond one network chunk, whatever the object's size.
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { Transform, type TransformCallback, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { crc32 } from 'node:zlib'
import { badDigest, invalidArgument, S3Error } from './s3-xml.js'

export interface ReceivedBody {
  size: number
  md5: Buffer
  sha256: string // hex
  crc32: string // base64 of the big-endian CRC32, as x-amz-checksum-crc32
  checksums: Record<string, string> // what the client sent (header or trailer), e.g. { crc32: '…' }
}

/** Decodes `size[;chunk-signature=…]\r\n data \r\n … 0\r\n trailer: value\r\n \r\n`. */
class AwsChunkedDecoder extends Transform {
  readonly trailers: Record<string, string> = {}
  private pending = Buffer.alloc(0)
  private left = 0 // data bytes left in the current chunk
  private state: 'header' | 'data' | 'crlf' | 'trailer' | 'done' = 'header'

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk
    this.pending = Buffer.alloc(0)
    try {
      while (buf.length > 0 && this.state !== 'done') {
        if (this.state === 'data') {
          const take = Math.min(this.left, buf.length)
          this.push(buf.subarray(0, take))
          buf = buf.subarray(take)
          this.left -= take
          if (this.left === 0) this.state = 'crlf'
          continue
        }
        const eol = buf.indexOf('\r\n')
        if (eol < 0) break
        this.line(buf.subarray(0, eol).toString('latin1'))
        buf = buf.subarray(eol + 2)
      }
    } catch (error) {
      return done(error as Error)
    }
    this.pending = Buffer.from(buf)
    done()
  }

  override _flush(done: TransformCallback): void {
    done(this.state === 'done' ? undefined : new S3Error('IncompleteBody', 'The request body terminated unexpectedly'))
  }

  private line(text: string): void {
    if (this.state === 'crlf') {
      if (text !== '') throw invalidArgument('Invalid chunk: data longer than its declared size')
      this.state = 'header'
    } else if (this.state === 'header') {
      const size = parseInt(text.split(';')[0] ?? '', 16)
      if (!Number.isInteger(size) || size < 0) throw invalidArgument(`Invalid chunk header '${text.slice(0, 40)}'`)
      this.left = size
      this.state = size === 0 ? 'trailer' : 'data'
    } else if (text === '') {
      this.state = 'done'
    } else {
      const colon = text.indexOf(':')
      if (colon > 0) this.trailers[text.slice(0, colon).trim().toLowerCase()] = text.slice(colon + 1).trim()
    }
  }
}

export interface ReceiveOptions {
  /** Destroy the connection once this many body bytes arrived (the `reset` fault): nothing is stored. */
  resetAfterBytes?: number
}

/** Streams the request's (decoded) body into `file`; throws an S3Error when it is incomplete or a checksum differs. */
export async function receiveBody(req: IncomingMessage, file: string, options: ReceiveOptions = {}): Promise<ReceivedBody> {
  const chunked = isChunked(req)
  const decoder = chunked ? new AwsChunkedDecoder() : undefined
  const md5 = createHash('md5')
  const sha256 = createHash('sha256')
  let crc = 0
  let size = 0
  let raw = 0
  const tap = new Transform({
    transform(chunk: Buffer, _e, done) {
      md5.update(chunk)
      sha256.update(chunk)
      crc = crc32(chunk, crc)
      size += chunk.length
      done(null, chunk)
    }
  })
  const reset = options.resetAfterBytes
  if (reset !== undefined)
    req.on('data', (chunk: Buffer) => {
      raw += chunk.length
      if (raw >= reset) req.socket.destroy()
    })
  const out = createWriteStream(file)
  await pipeline([req, ...(decoder ? [decoder] : []), tap, out] as [IncomingMessage, ...Transform[], Writable])
  const body = { size, md5: md5.digest(), sha256: sha256.digest('hex'), crc32: crcBase64(crc), checksums: {} }
  body.checksums = sentChecksums(req, decoder?.trailers ?? {})
  checkBody(req, body, chunked)
  return body
}

function isChunked(req: IncomingMessage): boolean {
  const encoding = String(req.headers['content-encoding'] ?? '')
  return (
    encoding.split(',').some((e) => e.trim() === 'aws-chunked') ||
    String(req.headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-')
  )
}

function sentChecksums(req: IncomingMessage, trailers: Record<string, string>): Record<string, string> {
  const all = { ...req.headers, ...trailers }
  const found: Record<string, string> = {}
  for (const [name, value] of Object.entries(all))
    if (
      name.startsWith('x-amz-checksum-') &&
      name !== 'x-amz-checksum-algorithm' &&
      name !== 'x-amz-checksum-type' &&
      typeof value === 'string'
    )
      found[name.slice('x-amz-checksum-'.length)] = value
  return found
}

function checkBody(req: IncomingMessage, body: ReceivedBody, chunked: boolean): void {
  const declared = req.headers[chunked ? 'x-amz-decoded-content-length' : 'content-length']
  if (typeof declared === 'string' && Number(declared) !== body.size)
    throw new S3Error('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header')
  const md5 = req.headers['content-md5']
  if (typeof md5 === 'string' && md5 !== body.md5.toString('base64')) throw badDigest('Content-MD5')
  const sha = String(req.headers['x-amz-content-sha256'] ?? '')
  if (/^[0-9a-f]{64}$/.test(sha) && sha !== body.sha256)
    throw new S3Error('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.")
  const expected: Record<string, string> = { crc32: body.crc32, sha256: Buffer.from(body.sha256, 'hex').toString('base64') }
  for (const [algorithm, value] of Object.entries(body.checksums))
    if (expected[algorithm] !== undefined && expected[algorithm] !== value) throw badDigest(`${algorithm.toUpperCase()} checksum`)
}

export function crcBase64(value: number): string {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(value >>> 0)
  return b.toString('base64')
}
