// When the workflow's event happened, from its payload: the trigger's execution for the commit started after
// it, while an earlier run of the same commit (a previous push, the branch before the pull request) did not.
import type { GitHubContext } from './context.js'

export interface EventTime {
  ms: number
  /** The payload field it came from, for the log. */
  source: string
}

function at(payload: unknown, path: string[]): unknown {
  let value = payload
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key]
  return value
}

/** A payload timestamp: ISO text, or epoch seconds (push events' repository.pushed_at). */
function parse(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000
  if (typeof value !== 'string' || value === '') return undefined
  const ms = Date.parse(value)
  return Number.isFinite(ms) ? ms : undefined
}

// Per event, the fields that say when it happened, best first.
const FIELDS: Record<string, string[][]> = {
  pull_request: [['pull_request', 'updated_at']],
  pull_request_target: [['pull_request', 'updated_at']],
  merge_group: [['merge_group', 'head_commit', 'timestamp']],
  push: [
    ['repository', 'pushed_at'],
    ['head_commit', 'timestamp']
  ]
}

/** The event's time, or undefined when its payload does not say (workflow_dispatch, schedule, ...). */
export function eventTime(ctx: Pick<GitHubContext, 'eventName' | 'payload'>): EventTime | undefined {
  for (const path of FIELDS[ctx.eventName] ?? []) {
    const ms = parse(at(ctx.payload, path))
    if (ms !== undefined) return { ms, source: `${ctx.eventName} ${path.join('.')}` }
  }
  return undefined
}
