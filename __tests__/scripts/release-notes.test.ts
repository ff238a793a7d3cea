import { readFileSync } from 'node:fs'
import { changelogEntry, releaseNotes } from '../../scripts/release-notes.js'

const changelog = [
  '# Changelog',
  '',
  '## [Unreleased]',
  '',
  '## [1.2.0] - 2026-12-01',
  '',
  '### Added',
  '- Logs.',
  '',
  '## [1.1.0] - 2026-11-30',
  '',
  '- Outputs.',
  '',
  '[1.2.0]: https://example.com/v1.2.0',
  '[1.1.0]: https://example.com/v1.1.0'
].join('\n')

test("the release notes are the version's entry alone, without the next entry or the link definitions", () => {
  expect(changelogEntry(changelog, '1.2.0')).toBe('### Added\n- Logs.')
  expect(changelogEntry(changelog, '1.1.0')).toBe('- Outputs.')
  expect(changelogEntry(changelog, '1.1')).toBeUndefined()
  expect(changelogEntry(changelog, '1.3.0')).toBeUndefined()
})

test('no release for a tag that is not v<semver>, that package.json does not carry, or without an entry', () => {
  expect(releaseNotes('v1.2.0', changelog, '1.2.0')).toEqual({ notes: '### Added\n- Logs.' })
  expect(releaseNotes('v1', changelog, '1.2.0')).toEqual({ error: expect.stringContaining('expected v<major>.<minor>.<patch>') })
  expect(releaseNotes('v1.2.0-rc.1', changelog, '1.2.0')).toEqual({ error: expect.stringContaining('not a release tag') })
  expect(releaseNotes('v1.2.0', changelog, '1.1.0')).toEqual({ error: 'tag v1.2.0 but package.json says 1.1.0: bump package.json first' })
  expect(releaseNotes('v1.3.0', changelog, '1.3.0')).toEqual({ error: expect.stringContaining("no entry '## [1.3.0]'") })
})

test("CHANGELOG.md has an entry for package.json's version, so the release workflow can publish it", () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
  expect(releaseNotes(`v${pkg.version}`, readFileSync('CHANGELOG.md', 'utf8'), pkg.version)).toHaveProperty('notes')
})
