// Reads the official CodePipeline model (botocore's service-2.json in ../shared/reference), which stays out of
// the repo, and turns it into facts the conformance test compares with the emulator.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Constraint } from '../../emulator/constraints.js'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const inReference = (dir: string): string => join(dir, 'shared', 'reference', 'botocore-codepipeline-2015-07-09', 'service-2.json')
// ../shared next to the checkout (CI), or one level further up for a worktree in a folder of worktrees.
const candidates = [resolve(repoRoot, '..'), resolve(repoRoot, '..', '..')].map(inReference)
export const modelFile = candidates.find((file) => existsSync(file)) ?? candidates[0]

interface ModelShape {
  type: string
  required?: string[]
  members?: Record<string, { shape: string }>
  member?: { shape: string }
  key?: { shape: string }
  value?: { shape: string }
  min?: number
  max?: number
  pattern?: string
  enum?: string[]
}

export interface Model {
  shapes: Record<string, ModelShape>
  operations: Record<string, { input: { shape: string }; output?: { shape: string }; errors?: { shape: string }[] }>
}

export const loadModel = (): Model | undefined => (existsSync(modelFile) ? JSON.parse(readFileSync(modelFile, 'utf8')) : undefined)

/** One constraint at one member path, e.g. { path: ['variables', 0, 'name'], rule: 'pattern', value: '…' }. */
export interface Fact {
  path: (string | number)[]
  rule: 'required' | 'min' | 'max' | 'pattern' | 'enum' | 'type'
  value: unknown
  kind: string // string | integer | list | boolean | structure
}

export const factKey = (f: Fact): string => `${awsPath(f.path)} ${f.rule}=${JSON.stringify(f.value)} (${f.kind})`

/** AWS writes list members as `.1.member`. */
export const awsPath = (path: (string | number)[]): string => path.map((p) => (typeof p === 'number' ? `${p + 1}.member` : p)).join('.')

export function modelFacts(model: Model, shapeName: string, path: (string | number)[] = [], facts: Fact[] = []): Fact[] {
  const shape = model.shapes[shapeName]
  const kind = shape.type === 'long' ? 'integer' : shape.type
  facts.push({ path, rule: 'type', value: kind, kind })
  for (const rule of ['min', 'max', 'pattern', 'enum'] as const)
    if (shape[rule] !== undefined) facts.push({ path, rule, value: shape[rule], kind })
  if (shape.type === 'structure')
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      if (shape.required?.includes(name)) facts.push({ path: [...path, name], rule: 'required', value: true, kind: 'member' })
      modelFacts(model, member.shape, [...path, name], facts)
    }
  if (shape.type === 'list') modelFacts(model, shape.member!.shape, [...path, 0], facts)
  return facts
}

export function tableFacts(c: Constraint, path: (string | number)[] = [], facts: Fact[] = []): Fact[] {
  facts.push({ path, rule: 'type', value: c.type, kind: c.type })
  for (const rule of ['min', 'max', 'pattern', 'enum'] as const) {
    const value = (c as Record<string, unknown>)[rule]
    if (value !== undefined) facts.push({ path, rule, value, kind: c.type })
  }
  if (c.type === 'structure')
    for (const [name, member] of Object.entries(c.members)) {
      if (c.required?.includes(name)) facts.push({ path: [...path, name], rule: 'required', value: true, kind: 'member' })
      tableFacts(member, [...path, name], facts)
    }
  if (c.type === 'list') tableFacts(c.member, [...path, 0], facts)
  return facts
}

/** Problems with an answer against the model's output shape: unknown or missing members, types, enums, lengths. */
export function outputProblems(model: Model, shapeName: string, value: unknown, path = '$'): string[] {
  const shape = model.shapes[shapeName]
  const problems: string[] = []
  const bad = (what: string) => problems.push(`${path} (${shapeName}): ${what}`)
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected an object`]
      const record = value as Record<string, unknown>
      for (const name of shape.required ?? []) if (record[name] === undefined) bad(`missing required member ${name}`)
      for (const [name, member] of Object.entries(record)) {
        const declared = shape.members?.[name]
        if (declared === undefined) bad(`unknown member ${name}`)
        else problems.push(...outputProblems(model, declared.shape, member, `${path}.${name}`))
      }
      break
    }
    case 'list':
      if (!Array.isArray(value)) return [`${path}: expected a list`]
      sizeProblems(shape, value.length, bad)
      value.forEach((item, i) => problems.push(...outputProblems(model, shape.member!.shape, item, `${path}[${i}]`)))
      break
    case 'map':
      if (typeof value !== 'object' || value === null) return [`${path}: expected a map`]
      sizeProblems(shape, Object.keys(value).length, bad)
      for (const [k, v] of Object.entries(value)) {
        problems.push(...outputProblems(model, shape.key!.shape, k, `${path}{key ${k}}`))
        problems.push(...outputProblems(model, shape.value!.shape, v, `${path}.${k}`))
      }
      break
    case 'string':
      if (typeof value !== 'string') return [`${path}: expected a string, got ${JSON.stringify(value)}`]
      sizeProblems(shape, value.length, bad)
      if (shape.enum !== undefined && !shape.enum.includes(value)) bad(`'${value}' is not one of ${shape.enum.join(', ')}`)
      if (shape.pattern !== undefined && !new RegExp(`^(?:${shape.pattern.replace(/^\^|\$$/g, '')})$`).test(value))
        bad(`'${value}' does not match ${shape.pattern}`)
      break
    case 'integer':
    case 'long':
      if (!Number.isInteger(value)) return [`${path}: expected an integer`]
      sizeProblems(shape, value as number, bad)
      break
    case 'timestamp':
      if (typeof value !== 'number') bad(`timestamps must be epoch-second numbers, got ${JSON.stringify(value)}`)
      break
    case 'boolean':
      if (typeof value !== 'boolean') bad('expected a boolean')
      break
  }
  return problems
}

function sizeProblems(shape: ModelShape, size: number, bad: (what: string) => void): void {
  if (shape.min !== undefined && size < shape.min) bad(`${size} is below the minimum ${shape.min}`)
  if (shape.max !== undefined && size > shape.max) bad(`${size} is above the maximum ${shape.max}`)
}
