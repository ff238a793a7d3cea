// The deterministic zip: yazl (streaming, well kept) over the sorted entries, every timestamp the same fixed
// DOS time, modes kept. The same tree (with the same Node, whose zlib deflates) gives the same bytes, so
// artifact-sha256 is stable across re-runs. Part of the artifact chunk (load.ts).
import { createReadStream } from 'node:fs'
import { Transform, type Readable } from 'node:stream'
import yazl from 'yazl'
import type { TreeEntry } from './tree.js'

// Local components on purpose: yazl writes the DOS fields from the Date's local getters, so this is
// 1980-01-01 00:00 in every time zone. forceDosTimestamp leaves out the UTC extra field, which would differ.
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0)
const FILE_TYPE = 0o100000
const DIR_TYPE = 0o040000

function counted(path: string, onRead: (bytes: number) => void): Readable {
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onRead(chunk.length)
      done(null, chunk)
    }
  })
  return createReadStream(path)
    .on('error', (err) => counter.destroy(err))
    .pipe(counter)
}

export function zipEntries(entries: TreeEntry[], onRead: (bytes: number) => void): Readable {
  const zip = new yazl.ZipFile()
  for (const entry of entries) {
    if (entry.kind === 'dir') {
      zip.addEmptyDirectory(entry.name, { mtime: FIXED_TIME, mode: DIR_TYPE | entry.mode, forceDosTimestamp: true })
      continue
    }
    // Lazily: one file open at a time, however many the tree holds. The size is checked by yazl, so a
    // file that changes while it is read fails the upload instead of shipping a torn zip.
    const options = { mtime: FIXED_TIME, mode: FILE_TYPE | entry.mode, size: entry.size, forceDosTimestamp: true, compress: true }
    zip.addReadStreamLazy(entry.name, options, (cb) => cb(null, counted(entry.source, onRead)))
  }
  zip.end()
  const output = zip.outputStream as Readable
  zip.on('error', (err: Error) => output.destroy(err))
  return output
}
