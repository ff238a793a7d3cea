// The event's time, over every example payload of @octokit/webhooks-examples for every event that can run a
// workflow: each event either has its fields (and the time comes from the expected one) or says it has none.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { EVENT_TIME_FIELDS, EVENTS_WITHOUT_TIME, eventTime } from '../../src/github/event-time.js'

type Payload = Record<string, unknown>
const require = createRequire(import.meta.url)
const examples = JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8')) as {
  name: string
  examples: Payload[]
}[]

// GitHub's "Events that trigger workflows" (workflow_call runs with its caller's event).
const WORKFLOW_EVENTS = [
  'branch_protection_rule',
  'check_run',
  'check_suite',
  'create',
  'delete',
  'deployment',
  'deployment_status',
  'discussion',
  'discussion_comment',
  'fork',
  'gollum',
  'issue_comment',
  'issues',
  'label',
  'merge_group',
  'milestone',
  'page_build',
  'project',
  'project_card',
  'project_column',
  'public',
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'pull_request_target',
  'push',
  'registry_package',
  'release',
  'repository_dispatch',
  'schedule',
  'status',
  'watch',
  'workflow_dispatch',
  'workflow_run'
]

// The field each event's examples take their time from (the first of EVENT_TIME_FIELDS they have).
const EXPECTED: Record<string, string> = {
  branch_protection_rule: 'rule.updated_at',
  check_run: 'check_run.check_suite.created_at',
  check_suite: 'check_suite.created_at',
  create: 'repository.pushed_at',
  deployment: 'deployment.created_at',
  deployment_status: 'deployment.created_at',
  discussion: 'discussion.updated_at',
  discussion_comment: 'comment.updated_at',
  fork: 'forkee.created_at',
  issue_comment: 'comment.created_at',
  issues: 'issue.updated_at',
  merge_group: 'merge_group.head_commit.timestamp',
  milestone: 'milestone.updated_at',
  page_build: 'build.updated_at',
  project: 'project.updated_at',
  project_card: 'project_card.updated_at',
  project_column: 'project_column.updated_at',
  pull_request: 'pull_request.updated_at',
  pull_request_target: 'pull_request.updated_at',
  pull_request_review: 'review.submitted_at',
  pull_request_review_comment: 'comment.created_at',
  push: 'repository.pushed_at',
  registry_package: 'registry_package.package_version.created_at',
  package: 'package.package_version.created_at',
  release: 'release.published_at',
  status: 'created_at',
  workflow_run: 'workflow_run.created_at'
}

const at = (payload: unknown, dotted: string): unknown =>
  dotted.split('.').reduce<unknown>((value, key) => (value as Payload | undefined)?.[key], payload)

/** The examples of an event; the ones the package lacks are made from their twins. */
function payloadsOf(event: string): Payload[] {
  const own = (name: string) => examples.find((e) => e.name === name)?.examples ?? []
  if (event === 'pull_request_target') return own('pull_request')
  if (event === 'registry_package') return own('package').map(({ package: registry_package, ...rest }) => ({ ...rest, registry_package }))
  if (event === 'schedule') return [{ schedule: '*/15 * * * *' }]
  return own(event)
}

test('every workflow event is decided: it has time fields or is listed as having none', () => {
  for (const event of WORKFLOW_EVENTS) {
    const decided = Object.hasOwn(EVENT_TIME_FIELDS, event) !== EVENTS_WITHOUT_TIME.includes(event)
    expect({ event, decided }).toEqual({ event, decided: true })
  }
})

describe.each(WORKFLOW_EVENTS)('%s', (event) => {
  const payloads = payloadsOf(event)
  test('every example payload gives the time of the expected field, or none', () => {
    expect(payloads.length).toBeGreaterThan(0)
    for (const payload of payloads) {
      const time = eventTime({ eventName: event, payload })
      if (EVENTS_WITHOUT_TIME.includes(event)) {
        // repository.pushed_at is in nearly every payload: the repository's last push, not this event.
        expect(time).toBeUndefined()
        continue
      }
      const field = EXPECTED[event]
      const raw = at(payload, field)
      expect({ event, field, present: raw !== undefined && raw !== null }).toEqual({ event, field, present: true })
      expect(time).toEqual({ ms: typeof raw === 'number' ? raw * 1000 : Date.parse(raw as string), source: `${event} ${field}` })
    }
  })
})

test('an event that follows from another takes the time its chain began, never a later one', () => {
  for (const payload of payloadsOf('workflow_run')) {
    const run = payload.workflow_run as Payload
    expect(eventTime({ eventName: 'workflow_run', payload })?.ms).toBeLessThanOrEqual(Date.parse(run.updated_at as string))
  }
  for (const payload of payloadsOf('check_suite')) {
    const suite = payload.check_suite as Payload
    expect(eventTime({ eventName: 'check_suite', payload })?.ms).toBeLessThanOrEqual(Date.parse(suite.updated_at as string))
  }
  for (const payload of payloadsOf('deployment_status')) {
    const status = payload.deployment_status as Payload
    expect(eventTime({ eventName: 'deployment_status', payload })?.ms).toBeLessThanOrEqual(Date.parse(status.created_at as string))
  }
})

test('release: published_at, never created_at (the date of its commit); a draft has no time', () => {
  const release = { created_at: '2020-01-01T00:00:00Z', published_at: '2026-01-01T00:00:00Z' }
  expect(eventTime({ eventName: 'release', payload: { release } })?.ms).toBe(Date.UTC(2026, 0, 1))
  expect(eventTime({ eventName: 'release', payload: { release: { ...release, published_at: null } } })).toBeUndefined()
})

test('fallbacks, bad values and names that are not events', () => {
  expect(eventTime({ eventName: 'push', payload: { head_commit: { timestamp: '2026-01-01T00:00:00Z' } } })?.source).toBe(
    'push head_commit.timestamp'
  )
  expect(eventTime({ eventName: 'push', payload: { repository: { pushed_at: 'soon' } } })).toBeUndefined()
  expect(eventTime({ eventName: 'constructor', payload: {} })).toBeUndefined()
  expect(eventTime({ eventName: '', payload: {} })).toBeUndefined()
})
