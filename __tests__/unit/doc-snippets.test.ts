// The workflow snippets users copy from README.md and docs/: every one is valid YAML, and no `run:` script
// expands an expression. `${{ steps.x.outputs.y }}` inside `run:` is pasted into the script before the shell
// reads it: a value a pull request can influence (a build's output variable, a status summary) becomes code.
// Such values go through `env:` and are read as "$VAR".
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'

const root = new URL('../../', import.meta.url).pathname

function markdownFiles(): string[] {
  const docs = (() => {
    try {
      return readdirSync(join(root, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => join('docs', name))
    } catch {
      return []
    }
  })()
  return ['README.md', ...docs.sort()]
}

interface Snippet {
  where: string
  text: string
}

function snippets(): Snippet[] {
  return markdownFiles().flatMap((file) => {
    const markdown = readFileSync(join(root, file), 'utf8')
    return [...markdown.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => ({
      where: `${file}:${markdown.slice(0, m.index).split('\n').length}`,
      text: m[1] ?? ''
    }))
  })
}

/** Every `run:` value in a parsed snippet, wherever it is nested. */
function runScripts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(runScripts)
  if (node === null || typeof node !== 'object') return []
  return Object.entries(node).flatMap(([key, value]) => (key === 'run' && typeof value === 'string' ? [value] : runScripts(value)))
}

/** What is wrong with one snippet, one sentence each. */
export function snippetProblems(snippet: Snippet): string[] {
  const documents = parseAllDocuments(snippet.text)
  const invalid = (Array.isArray(documents) ? documents : [documents]).flatMap((doc) => doc.errors)
  if (invalid.length > 0) return [`${snippet.where}: not valid YAML (${invalid[0]?.message.split('\n')[0] ?? ''})`]
  const values = (Array.isArray(documents) ? documents : [documents]).map((doc) => doc.toJS() as unknown)
  return runScripts(values)
    .filter((script) => script.includes('${{'))
    .map((script) => {
      const expression = /\$\{\{[^}]*\}\}/.exec(script)?.[0] ?? '${{'
      return `${snippet.where}: a run: script expands ${expression}; pass it through env: and read it as "$NAME"`
    })
}

test('the snippet check refuses an expression inside run: and accepts it through env:', () => {
  const unsafe = 'steps:\n  - run: echo "${{ steps.deploy.outputs.output-variables }}"\n'
  const safe = 'steps:\n  - env:\n      VARS: ${{ steps.deploy.outputs.output-variables }}\n    run: echo "$VARS"\n'
  expect(snippetProblems({ where: 'x', text: unsafe })).toEqual([
    'x: a run: script expands ${{ steps.deploy.outputs.output-variables }}; pass it through env: and read it as "$NAME"'
  ])
  expect(snippetProblems({ where: 'x', text: safe })).toEqual([])
  expect(snippetProblems({ where: 'x', text: 'steps:\n  - run: |\n      echo ${{ env.X }}\n' })).toHaveLength(1)
})

test('every workflow snippet in README.md and docs/ is valid YAML and expands nothing inside run:', () => {
  const all = snippets()
  expect(all.length).toBeGreaterThan(3)
  expect(all.flatMap(snippetProblems)).toEqual([])
})
