// The two multi-line inputs, checked as CodePipeline's API model checks them, so that a typo fails
// before any AWS call with the line that is wrong.
import type { PipelineVariable, SourceRevisionOverride, SourceRevisionType } from '@aws-sdk/client-codepipeline'
import { InputError } from './readers.js'

const MAX_ENTRIES = 50
const VARIABLE_NAME = /^[A-Za-z0-9@\-_]+$/
export const ACTION_NAME_PATTERN = /^[A-Za-z0-9.@\-_]+$/
const REVISION_TYPES: readonly SourceRevisionType[] = ['COMMIT_ID', 'IMAGE_DIGEST', 'S3_OBJECT_VERSION_ID', 'S3_OBJECT_KEY']

interface Line {
  number: number
  text: string
}

// LF, CRLF and a lone CR alike: a CR alone would otherwise hide inside a value.
const LINE_BREAK = /\r\n|\r|\n/
// Line terminators the API's `.*` pattern does not match inside a value (Java regex: NEL, LS, PS).
const NOT_IN_VALUE = /[\u0085\u2028\u2029]/

/** Non-blank, non-comment lines with their 1-based line numbers; `trim` decides what is cut from each. */
function contentLines(raw: string, trim: (line: string) => string = (line) => line.trim()): Line[] {
  return raw
    .split(LINE_BREAK)
    .map((text, i) => ({ number: i + 1, text: trim(text) }))
    .filter((line) => line.text.trim() !== '' && !line.text.startsWith('#'))
}

/** Length as the API model counts it (Smithy's length trait: Unicode code points, not UTF-16 units). */
export function characters(text: string): number {
  return Array.from(text).length
}

function checkCount(input: string, lines: Line[]): void {
  if (lines.length > MAX_ENTRIES) {
    throw new InputError(`${input} has ${lines.length} entries; CodePipeline accepts at most ${MAX_ENTRIES}.`)
  }
}

/**
 * `NAME=value` per line; the value is everything after the first `=`, spaces included at both ends (the
 * line's indentation and the spaces around the name are not part of it). `secret` (mask-variables): no error
 * quotes the line, since it may hold a value that is not masked yet.
 */
export function parseVariables(raw: string, { secret = false } = {}): PipelineVariable[] {
  const lines = contentLines(raw, (line) => line.trimStart())
  checkCount('variables', lines)
  const seen = new Map<string, number>()
  return lines.map(({ number, text }) => {
    const at = `variables line ${number}`
    const eq = text.indexOf('=')
    if (eq < 0) {
      const quoted = secret ? 'the line (not shown: mask-variables)' : `'${text.trim()}'`
      throw new InputError(`${at}: ${quoted} is not NAME=value; write one NAME=value per line.`)
    }
    const name = text.slice(0, eq).trim()
    const value = text.slice(eq + 1)
    if (name.length === 0 || name.length > 128 || !VARIABLE_NAME.test(name)) {
      const quoted = secret ? 'the variable name (not shown: mask-variables)' : `variable name '${name}'`
      throw new InputError(`${at}: ${quoted} must be 1-128 characters of letters, digits, @, - and _ ([A-Za-z0-9@\\-_]+).`)
    }
    const length = characters(value)
    if (length === 0 || length > 1000) {
      throw new InputError(`${at}: the value of ${name} must be 1-1000 characters (it has ${length}).`)
    }
    if (NOT_IN_VALUE.test(value)) {
      throw new InputError(`${at}: the value of ${name} contains a line separator (U+0085, U+2028 or U+2029), which CodePipeline refuses.`)
    }
    const earlier = seen.get(name)
    if (earlier !== undefined) throw new InputError(`${at}: variable ${name} is already set on line ${earlier}; set each variable once.`)
    seen.set(name, number)
    return { name, value }
  })
}

/** `ACTION_NAME:REVISION_TYPE:VALUE` per line; the value is everything after the second `:`. */
export function parseSourceRevisions(raw: string): SourceRevisionOverride[] {
  const lines = contentLines(raw)
  checkCount('source-revisions', lines)
  const seen = new Map<string, { line: number; type: string }>()
  return lines.map(({ number, text }) => {
    const at = `source-revisions line ${number}`
    const [actionName = '', revisionType = '', ...rest] = text.split(':')
    const revisionValue = rest.join(':')
    if (rest.length === 0) {
      throw new InputError(`${at}: '${text}' is not ACTION_NAME:REVISION_TYPE:VALUE; write one override per line.`)
    }
    if (actionName.length === 0 || actionName.length > 100 || !ACTION_NAME_PATTERN.test(actionName)) {
      throw new InputError(`${at}: action name '${actionName}' must be 1-100 characters of letters, digits, ., @, - and _.`)
    }
    if (!REVISION_TYPES.includes(revisionType as SourceRevisionType)) {
      throw new InputError(`${at}: revision type '${revisionType}' must be one of ${REVISION_TYPES.join(', ')}.`)
    }
    const length = characters(revisionValue)
    if (length === 0 || length > 1500) {
      throw new InputError(`${at}: the revision value must be 1-1500 characters (it has ${length}).`)
    }
    const earlier = seen.get(actionName)
    if (earlier !== undefined && !isS3Pair(earlier.type, revisionType)) {
      throw new InputError(
        `${at}: action ${actionName} is already overridden on line ${earlier.line}; give each action one revision ` +
          `(only S3_OBJECT_KEY and S3_OBJECT_VERSION_ID may be combined).`
      )
    }
    seen.set(actionName, { line: number, type: revisionType })
    return { actionName, revisionType: revisionType as SourceRevisionType, revisionValue }
  })
}

// The model lets one S3 source action take both an object key and a version id.
function isS3Pair(a: string, b: string): boolean {
  const pair = ['S3_OBJECT_KEY', 'S3_OBJECT_VERSION_ID']
  return a !== b && pair.includes(a) && pair.includes(b)
}
