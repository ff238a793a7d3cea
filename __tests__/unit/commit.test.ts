// Commit choice on GitHub's own webhook payloads (@octokit/webhooks-examples).
import type { WebhookPayload } from '../../harness/runner.js'
import { createRequire } from 'node:module'
import { chooseCommit } from '../../src/github/commit.js'
import { ActionError } from '../../src/errors.js'
import type { GitHubContext } from '../../src/github/context.js'

const require = createRequire(import.meta.url)
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as {
  name: string
  examples: WebhookPayload[]
}[]

function payloads(event: string): WebhookPayload[] {
  const found = examples.find((e) => e.name === event)
  if (!found) throw new Error(`no ${event} examples`)
  return found.examples
}

const MERGE_SHA = 'f'.repeat(40)

function context(eventName: string, payload: WebhookPayload, sha = MERGE_SHA): GitHubContext {
  return {
    eventName,
    sha,
    ref: 'refs/heads/main',
    payload,
    repo: { owner: 'Codertocat', repo: 'Hello-World' },
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    runId: 1,
    runAttempt: 1
  }
}

describe.each(['pull_request', 'pull_request_target'])('%s', (eventName) => {
  test.each(payloads('pull_request').map((p) => [p.action, p] as const))(
    '%s: the head of the pull request, never GITHUB_SHA',
    (_action, payload) => {
      const choice = chooseCommit(context(eventName, payload))
      expect(choice.sha).toBe(payload.pull_request.head.sha)
      expect(choice.sha).not.toBe(MERGE_SHA)
      expect(choice.reason).toBe(
        `${eventName} #${payload.pull_request.number}: head of ${payload.pull_request.head.label} (not the merge commit GITHUB_SHA ${MERGE_SHA})`
      )
    }
  )
  test('a payload without the head fails and says to set commit-id', () => {
    expect(() => chooseCommit(context(eventName, { pull_request: {} }))).toThrow(ActionError)
    expect(() => chooseCommit(context(eventName, {}))).toThrow(/pull_request.head.sha; set commit-id/)
  })
})

describe('merge_group', () => {
  test.each(payloads('merge_group').map((p) => [p.action, p] as const))('%s: merge_group.head_sha', (_action, payload) => {
    const choice = chooseCommit(context('merge_group', payload))
    expect(choice.sha).toBe(payload.merge_group.head_sha)
    expect(choice.reason).toBe(`merge_group: head of the merge queue group for ${payload.merge_group.base_ref}`)
  })
  test('without head_sha: fails, saying to set commit-id', () => {
    expect(() => chooseCommit(context('merge_group', { merge_group: {} }))).toThrow(/merge_group.head_sha; set commit-id/)
  })
})

describe.each(['push', 'workflow_dispatch'])('%s', (eventName) => {
  test.each(payloads(eventName).map((p, i) => [i, p] as const))('example %s: GITHUB_SHA', (_i, payload) => {
    const sha = 'c'.repeat(40)
    const choice = chooseCommit(context(eventName, payload, sha))
    expect(choice).toEqual({ sha, reason: `${eventName}: GITHUB_SHA of refs/heads/main` })
  })
})

test.each(['schedule', 'release', 'workflow_run', 'repository_dispatch'])('%s: GITHUB_SHA', (eventName) => {
  expect(chooseCommit(context(eventName, {}, 'd'.repeat(40))).sha).toBe('d'.repeat(40))
})

test('commit-id overrides the event, even a pull request', () => {
  const pr = payloads('pull_request')[0]
  expect(chooseCommit(context('pull_request', pr), 'e'.repeat(40))).toEqual({ sha: 'e'.repeat(40), reason: 'the commit-id input' })
})

test('no GITHUB_SHA on an event that needs it: fails, saying to set commit-id', () => {
  expect(() => chooseCommit(context('push', {}, ''))).toThrow(/GITHUB_SHA is not set; set commit-id/)
})
