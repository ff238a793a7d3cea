import { readFileSync } from 'node:fs'
import { ACTION_NAME, ACTION_VERSION } from '../../src/version.js'

test('the user agent names the package and its version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string }
  expect(ACTION_NAME).toBe(pkg.name)
  expect(ACTION_VERSION).toBe(pkg.version)
})
