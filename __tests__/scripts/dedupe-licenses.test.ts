import { groupLicenses, parseLicenses } from '../../scripts/dedupe-licenses.js'

const APACHE = 'Apache License\nVersion 2.0, January 2004\n\nTERMS AND CONDITIONS'
const ncc = [
  `@aws-sdk/core\nApache-2.0\n${APACHE}`,
  `tslib\n0BSD\nCopyright (c) Microsoft Corporation.\n\nPermission to use…`,
  `@smithy/types\nApache-2.0\n${APACHE}`,
  `bare\nMIT\n`
].join('\n\n')
const packages = new Set(['@aws-sdk/core', 'tslib', '@smithy/types', 'bare'])

test('each distinct license text once, under every package it covers', () => {
  const entries = parseLicenses(ncc, (n) => packages.has(n))
  expect(entries.map((e) => e.name)).toEqual(['@aws-sdk/core', 'tslib', '@smithy/types', 'bare'])
  const out = groupLicenses(entries)
  expect(out.match(/TERMS AND CONDITIONS/g)).toHaveLength(1)
  expect(out).toContain('@aws-sdk/core, @smithy/types\nApache-2.0\n')
  // Blank lines inside a text stay in it; they don't start a new package.
  expect(out).toContain('tslib\n0BSD\nCopyright (c) Microsoft Corporation.\n\nPermission to use…')
  expect(out).toContain('bare\nMIT')
})
