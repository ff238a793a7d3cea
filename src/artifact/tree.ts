// What `artifact` names, read before any AWS call: a file (uploaded as it is) or a directory (zipped), every
// entry listed in a fixed order with its mode and size. A symlink is archived as what it points to, and only
// when that is inside the workspace: a link to ~/.aws or /etc must never end up in a bucket.
import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { ActionError } from '../errors.js'

export interface TreeEntry {
  /** The entry's name in the zip: '/'-separated, relative to the directory. */
  name: string
  /** Where its bytes are read from (a link's target). */
  source: string
  kind: 'file' | 'dir'
  /** Permission bits (0o755...): executables stay executable. */
  mode: number
  size: number
}

export type ArtifactSource =
  | { kind: 'file'; path: string; size: number }
  | { kind: 'dir'; path: string; entries: TreeEntry[]; /** The files' bytes, before compression. */ size: number }

const inside = (root: string, path: string) => {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

function refuse(sentence: string): never {
  throw new ActionError(sentence)
}

interface Walk {
  input: string
  workspace: string
  entries: TreeEntry[]
}

/** Where a link leads, refused when that is outside the workspace or nothing. */
async function followLink(walk: Walk, link: string, shown: string): Promise<string> {
  const target = await realpath(link).catch(() =>
    refuse(`Input artifact '${walk.input}' holds a symlink, ${shown}, that points to nothing; remove it or build what it names.`)
  )
  if (!inside(walk.workspace, target)) {
    refuse(
      `Input artifact '${walk.input}' holds a symlink, ${shown}, that points outside the workspace (${target}); ` +
        `the action uploads nothing from outside it: copy the file into the workspace instead of linking to it.`
    )
  }
  return target
}

/** Lists `dir` depth-first, names sorted at each level; `ancestors` (real paths) stops a link loop. */
async function walkDir(walk: Walk, dir: string, prefix: string, ancestors: string[]): Promise<void> {
  const names = (await readdir(dir)).sort()
  for (const name of names) {
    const path = join(dir, name)
    const zipName = prefix + name
    const shown = `${walk.input.replace(/\/+$/, '')}/${zipName}`
    let source = path
    let info = await lstat(path)
    if (info.isSymbolicLink()) {
      source = await followLink(walk, path, shown)
      info = await stat(source)
    }
    if (info.isDirectory()) {
      const real = await realpath(source)
      if (ancestors.includes(real)) refuse(`Input artifact '${walk.input}' holds a symlink loop at ${shown}; remove the link.`)
      walk.entries.push({ name: `${zipName}/`, source, kind: 'dir', mode: info.mode & 0o777, size: 0 })
      await walkDir(walk, source, `${zipName}/`, [...ancestors, real])
    } else if (info.isFile()) {
      walk.entries.push({ name: zipName, source, kind: 'file', mode: info.mode & 0o777, size: info.size })
    } else {
      refuse(`Input artifact '${walk.input}' holds ${shown}, which is neither a file nor a directory (a socket or device); remove it.`)
    }
  }
}

/** Reads the artifact input against the workspace (GITHUB_WORKSPACE, the step's working directory). */
export async function readArtifactSource(input: string, workspaceDir: string): Promise<ArtifactSource> {
  const workspace = await realpath(workspaceDir)
  const given = resolve(workspace, input)
  if (!inside(workspace, given)) {
    refuse(`Input artifact '${input}' is outside the workspace (${workspace}); build the artifact inside it and pass its path.`)
  }
  await lstat(given).catch(() =>
    refuse(`Input artifact '${input}' does not exist in the workspace (${workspace}); build it before this step, or fix the path.`)
  )
  // realpath: a link anywhere on the way (the path itself or a directory in it) counts as where it leads.
  const path = await realpath(given).catch(() =>
    refuse(`Input artifact '${input}' is a symlink that points to nothing; pass the file or directory itself.`)
  )
  if (!inside(workspace, path)) {
    refuse(`Input artifact '${input}' leads outside the workspace (${path}) through a symlink; the action uploads nothing from outside it.`)
  }
  const walk: Walk = { input, workspace, entries: [] }
  const target = await stat(path)
  if (target.isFile()) return { kind: 'file', path, size: target.size }
  if (!target.isDirectory()) refuse(`Input artifact '${input}' is neither a file nor a directory; pass a file or a directory.`)
  await walkDir(walk, path, '', [path])
  const files = walk.entries.filter((e) => e.kind === 'file')
  if (files.length === 0) {
    refuse(`Input artifact '${input}' is an empty directory (no files in it); build the artifact into it before this step.`)
  }
  return { kind: 'dir', path, entries: walk.entries, size: files.reduce((sum, e) => sum + e.size, 0) }
}

/** "a file" / "a directory of 12 files, zipped", for the log. */
export function describeSource(source: ArtifactSource): string {
  if (source.kind === 'file') return 'a file, uploaded as it is'
  const files = source.entries.filter((e) => e.kind === 'file').length
  return `a directory of ${files} file${files === 1 ? '' : 's'}, zipped`
}
