// The parts of an action spec that the logs and outputs feature reads: its variable namespace, its output
// variables, the lines it writes to its log and, for CodeBuild, a custom log group. Checked like the rest.
import type { ActionSpec } from './types.js'

export interface ActionLogFields {
  namespace?: string
  outputVariables?: Record<string, string>
  logs: { offsetMs: number; message: string }[]
  logGroup?: string
}

type Fail = (field: string, problem: string) => never

// The model's patterns: ActionNamespace, OutputVariablesKey, and CloudWatch Logs' LogGroupName.
const NAMESPACE = /^[A-Za-z0-9@\-_]{1,100}$/
const VARIABLE_KEY = /^[A-Za-z0-9@\-_]+$/
const LOG_GROUP = /^[.\-_/#A-Za-z0-9]{1,512}$/

function checkOutputVariables(value: unknown, fail: Fail): Record<string, string> | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('outputVariables', 'must be a map of names to strings')
  for (const [key, v] of Object.entries(value)) {
    if (!VARIABLE_KEY.test(key)) fail(`outputVariables.${key}`, 'names must match [A-Za-z0-9@-_]+')
    if (typeof v !== 'string') fail(`outputVariables.${key}`, 'values must be strings')
  }
  return value as Record<string, string>
}

/** Plain lines share the duration evenly (the last one at the end); timed lines are clamped to it. */
function timeLines(lines: unknown, durationMs: number, fail: Fail): ActionLogFields['logs'] {
  if (lines === undefined) return []
  if (!Array.isArray(lines)) return fail('logs', 'must be a list of lines')
  const timed = lines.map((line: unknown, i) => {
    if (typeof line === 'string') return { offsetMs: Math.round((durationMs * (i + 1)) / lines.length), message: line }
    const entry = line as { atSeconds?: unknown; message?: unknown } | null
    if (typeof entry?.message !== 'string' || typeof entry.atSeconds !== 'number' || !(entry.atSeconds >= 0))
      return fail(`logs[${i}]`, 'must be a string or { atSeconds: number >= 0, message: string }')
    return { offsetMs: Math.min(durationMs, Math.round(entry.atSeconds * 1000)), message: entry.message }
  })
  return timed.sort((a, b) => a.offsetMs - b.offsetMs)
}

export function normalizeActionLogs(a: ActionSpec, durationMs: number, fail: Fail): ActionLogFields {
  if (a.namespace !== undefined && !NAMESPACE.test(a.namespace)) fail('namespace', 'must match [A-Za-z0-9@-_]{1,100}')
  if (a.logGroup !== undefined && (a.provider !== 'CodeBuild' || !LOG_GROUP.test(a.logGroup)))
    fail('logGroup', 'is for CodeBuild actions and must match [.-_/#A-Za-z0-9]{1,512}')
  return {
    namespace: a.namespace,
    outputVariables: checkOutputVariables(a.outputVariables, fail),
    logs: timeLines(a.logs, durationMs, fail),
    logGroup: a.logGroup
  }
}
