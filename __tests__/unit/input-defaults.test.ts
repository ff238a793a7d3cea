import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { INPUT_DEFAULTS, withDefaults } from '../../src/inputs/defaults.js'

interface ActionYml {
  inputs: Record<string, { required?: boolean; default?: string }>
}
const actionYml = parseYaml(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as ActionYml

// Inputs with no default on purpose: required, or a secret that must not be defaulted.
const NO_DEFAULT = ['pipeline-name', 'github-token']

test('the defaults table says what action.yml says, input by input', () => {
  const declared = Object.fromEntries(
    Object.entries(actionYml.inputs)
      .filter(([name]) => !NO_DEFAULT.includes(name))
      .map(([name, spec]) => [name, spec.default])
  )
  expect(INPUT_DEFAULTS).toEqual(declared)
  for (const name of NO_DEFAULT) expect(actionYml.inputs[name]?.default).toBeUndefined()
})

test('withDefaults fills in only what the workflow left out', () => {
  const read = withDefaults((name) => (name === 'wait' ? 'false' : ''))
  expect(read('wait')).toBe('false')
  expect(read('pin-commit')).toBe('true')
  expect(read('github-token')).toBe('')
})
