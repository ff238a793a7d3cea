// The README's input and output tables against action.yml: every input and output is documented, nothing
// documented is gone, and every default is the one the runner passes. Tables are found by their header
// (first column "Input" or "Output"), so a feature may keep its inputs in a table of its own section.
import { readdirSync, readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'

interface ActionYml {
  inputs: Record<string, { required?: boolean; default?: string; description?: string }>
  outputs: Record<string, unknown>
}

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')
const actionYml = parseYaml(read('action.yml')) as ActionYml
const readme = read('README.md')
// The full reference lives in docs/ (the README keeps the few inputs most workflows set).
const docs = readdirSync(new URL('../../docs/', import.meta.url))
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => read(`docs/${name}`))
const reference = [readme, ...docs].join('\n\n')

interface Row {
  name: string
  default: string
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim())

/** The rows of every Markdown table whose first header cell is `kind` ("Input" or "Output"). */
function documented(markdown: string, kind: string): Row[] {
  const rows: Row[] = []
  let inTable = false
  for (const line of markdown.split('\n')) {
    if (!line.trim().startsWith('|')) {
      inTable = false
      continue
    }
    const [first = '', second = ''] = cells(line)
    if (!inTable) {
      inTable = first === kind
      continue
    }
    if (/^:?-+:?$/.test(first)) continue // the separator row
    rows.push({ name: /^`([^`]+)`$/.exec(first)?.[1] ?? first, default: second })
  }
  return rows
}

/** What the README says wrong about the inputs and outputs, one sentence each, with the fix. */
function readmeProblems(markdown: string, action: ActionYml): string[] {
  const problems: string[] = []
  const inputs = documented(markdown, 'Input')
  for (const [name, spec] of Object.entries(action.inputs)) {
    const rows = inputs.filter((row) => row.name === name)
    const want = spec.required ? '(required)' : spec.default ? `\`${spec.default}\`` : undefined
    if (rows.length !== 1) {
      problems.push(
        `input ${name}: ${rows.length} README rows; add one row | \`${name}\` | ${want ?? 'what happens'} | ... | to an Input table`
      )
      continue
    }
    const cell = rows[0].default
    if (want && cell !== want) problems.push(`input ${name}: README default is '${cell}', action.yml's is ${want}`)
    if (!want && /^`[^`]*`$/.test(cell))
      problems.push(
        `input ${name}: README default ${cell} reads as a literal default, but action.yml passes none: say what happens instead`
      )
  }
  for (const row of inputs)
    if (!(row.name in action.inputs)) problems.push(`input ${row.name}: in the README, not in action.yml; remove its row`)
  const outputs = documented(markdown, 'Output').map((row) => row.name)
  for (const name of Object.keys(action.outputs))
    if (outputs.filter((o) => o === name).length !== 1) problems.push(`output ${name}: needs exactly one row in a README Output table`)
  for (const name of outputs)
    if (!(name in action.outputs)) problems.push(`output ${name}: in the README, not in action.yml; remove its row`)
  return problems
}

test("the README and docs/ document every input with action.yml's default, and every output", () => {
  expect(documented(reference, 'Input').length).toBeGreaterThan(0)
  expect(readmeProblems(reference, actionYml)).toEqual([])
})

test("the README's most-used inputs exist, with action.yml's defaults", () => {
  const rows = documented(readme, 'Most-used input')
  expect(rows.length).toBeGreaterThanOrEqual(5)
  for (const row of rows) {
    const spec = actionYml.inputs[row.name]
    expect(spec).toBeDefined()
    const want = spec?.required ? '(required)' : spec?.default ? `\`${spec.default}\`` : undefined
    if (want) expect(row.default).toBe(want)
    else expect(row.default).not.toMatch(/^`[^`]*`$/)
  }
})

test("action.yml's descriptions are short summaries, and say the default the reference gives when the runner passes none", () => {
  const rows = documented(reference, 'Input')
  const problems = Object.entries(actionYml.inputs).flatMap(([name, spec]) => {
    const description = spec.description ?? ''
    const row = rows.find((r) => r.name === name)
    const issues: string[] = []
    if (description.length > 320)
      issues.push(`${name}: the description is ${description.length} characters; keep it under 320 and link the reference`)
    if (!spec.required && !spec.default && row && row.default !== '' && row.default !== '(none)' && !/Default:/.test(description))
      issues.push(`${name}: the reference's default is '${row.default}', but action.yml's description says no 'Default:'`)
    return issues
  })
  expect(problems).toEqual([])
})

test('the check notices a wrong default, a missing input, a stale output and a literal for an empty default', () => {
  const action: ActionYml = {
    inputs: { a: { required: true }, b: { default: 'true' }, c: { default: '' }, d: { default: '5' } },
    outputs: { x: {} }
  }
  const markdown = [
    '| Input | Default | Description |',
    '| ----- | ------- | ----------- |',
    '| `a`   | (required) | A. |',
    '| `b`   | `false` | B. |',
    '| `c`   | `60` | C. |',
    '',
    '| Output | Description |',
    '| ------ | ----------- |',
    '| `x` | X. |',
    '| `y` | Y. |'
  ].join('\n')
  expect(readmeProblems(markdown, action)).toEqual([
    "input b: README default is '`false`', action.yml's is `true`",
    'input c: README default `60` reads as a literal default, but action.yml passes none: say what happens instead',
    'input d: 0 README rows; add one row | `d` | `5` | ... | to an Input table',
    'output y: in the README, not in action.yml; remove its row'
  ])
})

/** GitHub's heading anchors: lower case, punctuation other than - and _ dropped, spaces as dashes. */
const anchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-')

test("the README's links to its own sections lead somewhere", () => {
  const anchors = new Set([...readme.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchor(m[1])))
  const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1])
  expect(links.filter((link) => !anchors.has(link))).toEqual([])
})

test('the README is for users: nothing about this repository’s CI machine or the folder beside it', () => {
  expect(readme).not.toMatch(/\.\.\/shared|\.ci\/run|CI machine/)
})
