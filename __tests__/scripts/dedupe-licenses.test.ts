import { bundledPackages, groupLicenses } from '../../scripts/dedupe-licenses.js'

const APACHE = 'Apache License\nVersion 2.0, January 2004\n\nTERMS AND CONDITIONS'

test('each distinct license text once, under every package it covers', () => {
  const out = groupLicenses([
    { name: '@aws-sdk/core', license: 'Apache-2.0', text: APACHE },
    { name: 'tslib', license: '0BSD', text: 'Copyright (c) Microsoft Corporation.\n\nPermission to use…' },
    { name: '@smithy/types', license: 'Apache-2.0', text: APACHE },
    { name: 'bare', license: 'MIT', text: '' }
  ])
  expect(out.match(/TERMS AND CONDITIONS/g)).toHaveLength(1)
  expect(out).toContain('@aws-sdk/core, @smithy/types\nApache-2.0\n')
  expect(out).toContain('tslib\n0BSD\nCopyright (c) Microsoft Corporation.\n\nPermission to use…')
  expect(out).toContain('bare\nMIT')
})

test('the packages a source map names: scoped, nested, not our own sources', () => {
  const packages = bundledPackages([
    '.././node_modules/@smithy/core/dist-cjs/index.js',
    '.././node_modules/@smithy/core/dist-cjs/submodules/cbor/index.js',
    '.././node_modules/@actions/github/node_modules/undici/lib/fetch.js',
    '.././node_modules/tunnel/index.js',
    '.././src/main.ts',
    'webpack/runtime/compat'
  ])
  expect([...packages]).toEqual([
    ['node_modules/@smithy/core', '@smithy/core'],
    ['node_modules/@actions/github/node_modules/undici', 'undici'],
    ['node_modules/tunnel', 'tunnel']
  ])
})
