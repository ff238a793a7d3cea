// Rewrites bundle files so they are pure ASCII: each non-ASCII UTF-16 code unit becomes a \uXXXX escape, as
// esbuild's default `charset: ascii` does. V8 keeps a script's source in memory as one-byte characters only when
// every character fits: a single '…' in a log message makes the whole 1.2 MB bundle a two-byte string, and costs
// ~2-3 MiB of peak RSS. The escapes mean the same in strings, templates, regular expressions and comments; they do
// not in a tagged template's raw text, so a bundle with non-ASCII inside a tagged template is refused.
import { readFileSync, writeFileSync } from 'node:fs'

const NON_ASCII = /[\u0080-\uffff]/g
// An identifier, `)` or `]` right before a template that holds non-ASCII text: a tagged template, whose raw
// text (String.raw and the like) would change.
const TAGGED_TEMPLATE_WITH_NON_ASCII = /[\w$)\]]`[^`]*[\u0080-\uffff]/

export function asciiOnly(source: string): string {
  return source.replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

// `ascii-bundle.ts FILE…` refuses a file it cannot rewrite; `--chunks FILE…` leaves such a chunk as it is (one a run
// loads only sometimes, e.g. undici's or octokit's, which hold non-ASCII in tagged templates).
if (process.argv[1]?.endsWith('ascii-bundle.ts')) {
  const lenient = process.argv[2] === '--chunks'
  for (const file of process.argv.slice(lenient ? 3 : 2)) {
    const source = readFileSync(file, 'utf8')
    const tagged = TAGGED_TEMPLATE_WITH_NON_ASCII.exec(source)
    if (tagged && lenient) continue
    if (tagged) throw new Error(`${file}: non-ASCII text in a tagged template (${tagged[0].slice(0, 60)}): escape it in the source`)
    writeFileSync(file, asciiOnly(source))
  }
}
