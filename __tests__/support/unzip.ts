// A minimal zip reader for assertions: the central directory's entries (name, Unix mode, DOS time) and each
// file's inflated bytes. Enough to check what the action's zip holds without another dependency.
import { inflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  /** The Unix mode from the external attributes' high 16 bits (type and permission bits). */
  mode: number
  dosTime: number
  dosDate: number
  data: Buffer
}

export function readZip(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (eocd < 0) throw new Error('not a zip: no end of central directory')
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  const entries: ZipEntry[] = []
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`)
    const method = zip.readUInt16LE(at + 10)
    const [dosTime, dosDate] = [zip.readUInt16LE(at + 12), zip.readUInt16LE(at + 14)]
    const compressed = zip.readUInt32LE(at + 20)
    const [nameLength, extraLength, commentLength] = [zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32)]
    const mode = zip.readUInt32LE(at + 38) >>> 16
    const local = zip.readUInt32LE(at + 42)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength)
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const raw = zip.subarray(start, start + compressed)
    entries.push({ name, mode, dosTime, dosDate, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}
