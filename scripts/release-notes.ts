// `tsx scripts/release-notes.ts v1.2.3`: prints CHANGELOG.md's entry for 1.2.3 (the release notes), after
// checking that the tag is a plain version that package.json carries too. Exits 1, saying why, otherwise.
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

/** The body of `## [version]` in a Keep a Changelog file; undefined when there is no such entry. */
export function changelogEntry(changelog: string, version: string): string | undefined {
  const lines = changelog.split('\n')
  const heading = new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`)
  const start = lines.findIndex((line) => heading.test(line))
  if (start < 0) return undefined
  const end = lines.findIndex((line, i) => i > start && /^## /.test(line))
  const body = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .filter((line) => !/^\[[^\]]+\]: /.test(line)) // link definitions at the file's end
    .join('\n')
    .trim()
  return body || undefined
}

/** The release notes for a tag, or the one-line reason there can be no release. */
export function releaseNotes(tag: string, changelog: string, packageVersion: string): { notes: string } | { error: string } {
  const version = /^v(\d+\.\d+\.\d+)$/.exec(tag)?.[1]
  if (!version) return { error: `tag '${tag}' is not a release tag: expected v<major>.<minor>.<patch>, e.g. v1.2.3` }
  if (packageVersion !== version) return { error: `tag ${tag} but package.json says ${packageVersion}: bump package.json first` }
  const notes = changelogEntry(changelog, version)
  if (!notes) return { error: `CHANGELOG.md has no entry '## [${version}]' (or it is empty): write it first` }
  return { notes }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
  const result = releaseNotes(process.argv[2] ?? '', readFileSync('CHANGELOG.md', 'utf8'), pkg.version)
  if ('error' in result) {
    console.error(`release-notes: ${result.error}`)
    process.exitCode = 1
  } else {
    console.log(result.notes)
  }
}
