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

const path = (dotted: string): string[] => dotted.split('.')

// Per event, the fields that say when it happened, best first. An event that follows from another (a workflow
// run, a check suite, a deployment's status) takes the time its chain began, which is when the push that also
// fired the pipeline's trigger happened: workflow_run.created_at, not updated_at (the other run's end, minutes
// later); a check suite's created_at, not its completion. release: published_at (its created_at is the date of
// the release's commit, which can be months old). create: the ref's creation is a push (repository.pushed_at).
export const EVENT_TIME_FIELDS: Readonly<Record<string, readonly string[]>> = {
  push: ['repository.pushed_at', 'head_commit.timestamp'],
  create: ['repository.pushed_at'],
  pull_request: ['pull_request.updated_at'],
  pull_request_target: ['pull_request.updated_at'],
  pull_request_review: ['review.submitted_at', 'pull_request.updated_at'],
  pull_request_review_comment: ['comment.created_at', 'pull_request.updated_at'],
  merge_group: ['merge_group.head_commit.timestamp'],
  workflow_run: ['workflow_run.created_at', 'workflow_run.run_started_at'],
  check_suite: ['check_suite.created_at'],
  check_run: ['check_run.check_suite.created_at', 'check_run.started_at'],
  deployment: ['deployment.created_at'],
  deployment_status: ['deployment.created_at', 'deployment_status.created_at'],
  status: ['created_at'],
  release: ['release.published_at'],
  registry_package: ['registry_package.package_version.created_at', 'registry_package.updated_at'],
  package: ['package.package_version.created_at', 'package.updated_at'],
  issue_comment: ['comment.created_at'],
  issues: ['issue.updated_at'],
  discussion: ['discussion.updated_at'],
  discussion_comment: ['comment.updated_at'],
  milestone: ['milestone.updated_at'],
  branch_protection_rule: ['rule.updated_at'],
  page_build: ['build.updated_at'],
  project: ['project.updated_at'],
  project_card: ['project_card.updated_at'],
  project_column: ['project_column.updated_at'],
  fork: ['forkee.created_at']
}

/**
 * Events whose payload carries no time of the event (repository.pushed_at there is the repository's last
 * push, whenever that was): the window is widened instead (see locate.ts).
 */
export const EVENTS_WITHOUT_TIME: readonly string[] = [
  'workflow_dispatch',
  'repository_dispatch',
  'schedule',
  'delete',
  'gollum',
  'label',
  'public',
  'watch'
]

/** The event's time, or undefined when its payload does not say (workflow_dispatch, schedule, ...). */
export function eventTime(ctx: Pick<GitHubContext, 'eventName' | 'payload'>): EventTime | undefined {
  const fields = Object.hasOwn(EVENT_TIME_FIELDS, ctx.eventName) ? (EVENT_TIME_FIELDS[ctx.eventName] ?? []) : []
  for (const field of fields) {
    const ms = parse(at(ctx.payload, path(field)))
    if (ms !== undefined) return { ms, source: `${ctx.eventName} ${field}` }
  }
  return undefined
}
