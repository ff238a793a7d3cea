// Checks a request body against the constraint table and words the failures as AWS does:
// "2 validation errors detected: Value 'x' at 'a.1.member.b' failed to satisfy constraint: …; …"
import type { Constraint, Structure } from './constraints.js'
import { ServiceError, validationError } from './errors.js'

/** Throws ValidationException (or SerializationException for wrong JSON types); returns nothing when valid. */
export function validateInput(shape: Structure, body: unknown): void {
  const problems: string[] = []
  checkValue(shape, body, '', problems)
  if (problems.length === 0) return
  const count = problems.length === 1 ? '1 validation error' : `${problems.length} validation errors`
  throw validationError(`${count} detected: ${problems.join('; ')}`)
}

function checkValue(shape: Constraint, value: unknown, path: string, problems: string[]): void {
  switch (shape.type) {
    case 'structure':
      return checkStructure(shape, value, path, problems)
    case 'list':
      if (!Array.isArray(value)) throw serialization(path, 'a list')
      lengthProblems(shape, value.length, value, path, 'length', problems)
      value.forEach((item, i) => checkMember(shape.member, item, `${path}.${i + 1}.member`, false, problems))
      return
    case 'string':
      if (typeof value !== 'string') throw serialization(path, 'a string')
      lengthProblems(shape, value.length, value, path, 'length', problems)
      if (shape.pattern !== undefined && !fullMatch(shape.pattern, value))
        problems.push(failure(value, path, `Member must satisfy regular expression pattern: ${shape.pattern}`))
      if (shape.enum !== undefined && !shape.enum.includes(value))
        problems.push(failure(value, path, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`))
      return
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw serialization(path, 'an integer')
      lengthProblems(shape, value, value, path, 'value', problems)
      return
    case 'boolean':
      if (typeof value !== 'boolean') throw serialization(path, 'a boolean')
  }
}

function checkStructure(shape: Structure, value: unknown, path: string, problems: string[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw serialization(path, 'an object')
  const record = value as Record<string, unknown>
  for (const [name, member] of Object.entries(shape.members)) {
    const required = shape.required?.includes(name) ?? false
    checkMember(member, record[name], path === '' ? name : `${path}.${name}`, required, problems)
  }
}

function checkMember(shape: Constraint, value: unknown, path: string, required: boolean, problems: string[]): void {
  if (value === undefined || value === null) {
    if (required) problems.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`)
    return
  }
  checkValue(shape, value, path, problems)
}

function lengthProblems(
  shape: { min?: number; max?: number },
  size: number,
  value: unknown,
  path: string,
  what: 'length' | 'value',
  problems: string[]
): void {
  if (shape.min !== undefined && size < shape.min)
    problems.push(failure(value, path, `Member must have ${what} greater than or equal to ${shape.min}`))
  if (shape.max !== undefined && size > shape.max)
    problems.push(failure(value, path, `Member must have ${what} less than or equal to ${shape.max}`))
}

const patterns = new Map<string, RegExp>()

/** AWS (Java) patterns must match the whole value; '.' does not match line breaks in either language. */
export function fullMatch(pattern: string, value: string): boolean {
  let re = patterns.get(pattern)
  if (re === undefined) {
    re = new RegExp(`^(?:${pattern.replace(/^\^/, '').replace(/\$$/, '')})$`)
    patterns.set(pattern, re)
  }
  return re.test(value)
}

function failure(value: unknown, path: string, rule: string): string {
  return `Value ${render(value)} at '${path}' failed to satisfy constraint: ${rule}`
}

function render(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return `'${value}'`
  return `'${JSON.stringify(value)}'`
}

function serialization(path: string, expected: string): ServiceError {
  return new ServiceError('SerializationException', `Expected ${expected} at '${path || 'the request body'}'`)
}
