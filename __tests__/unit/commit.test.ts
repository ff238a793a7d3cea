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

const FORK_HEAD = 'a'.repeat(40)

/** A pull request example made into a fork's: the head lives in another repository. */
function fromFork(payload: WebhookPayload): WebhookPayload {
  const copy = structuredClone(payload)
  copy.pull_request.head.repo = { ...copy.pull_request.head.repo, full_name: 'mallory/Hello-World' }
  return copy
}

const open = payloads('pull_request').filter((p) => p.action !== 'closed')

describe.each(['pull_request', 'pull_request_target', 'pull_request_review'])('%s', (eventName) => {
  test.each(open.map((p) => [p.action, p] as const))('%s: the head of the pull request, never GITHUB_SHA', async (_action, payload) => {
    const choice = await chooseCommit(context(eventName, payload))
    expect(choice.sha).toBe(payload.pull_request.head.sha)
    expect(choice.reason).toBe(
      `${eventName} #${payload.pull_request.number}: head of ${payload.pull_request.head.label} (not the merge commit GITHUB_SHA ${MERGE_SHA})`
    )
  })
  test('a payload without the head fails and says to set commit-id', async () => {
    await expect(chooseCommit(context(eventName, { pull_request: {} }))).rejects.toThrow(ActionError)
    await expect(chooseCommit(context(eventName, {}))).rejects.toThrow(/pull_request.head.sha; set commit-id/)
  })
})

describe('closed pull requests', () => {
  const closed = payloads('pull_request').find((p) => p.action === 'closed')!
  test('merged: the commit that landed (merge_commit_sha), not the pre-merge head', async () => {
    const merged = { ...structuredClone(closed), pull_request: { ...closed.pull_request, merged: true } }
    const choice = await chooseCommit(context('pull_request', merged))
    expect(choice.sha).toBe(closed.pull_request.merge_commit_sha)
    expect(choice.sha).not.toBe(closed.pull_request.head.sha)
    expect(choice.reason).toMatch(/merged: the commit that landed/)
  })
  test('closed without merging: an error that says so', async () => {
    await expect(chooseCommit(context('pull_request', closed))).rejects.toThrow(/^Pull request #2 was closed without being merged/)
  })
})

describe('forks', () => {
  const pr = fromFork(open[0])
  test('pull_request_target from a fork is refused, explaining the risk; commit-id runs it anyway', async () => {
    await expect(chooseCommit(context('pull_request_target', pr))).rejects.toThrow(
      /^Refusing to run mallory\/Hello-World's pull request head on pull_request_target: .*secrets and AWS role.*set commit-id/
    )
    expect((await chooseCommit(context('pull_request_target', pr), FORK_HEAD)).sha).toBe(FORK_HEAD)
  })
  test('pull_request from a fork runs without secrets anyway: its head', async () => {
    expect((await chooseCommit(context('pull_request', pr))).sha).toBe(pr.pull_request.head.sha)
  })
})

describe('push', () => {
  test.each(
    payloads('push')
      .filter((p) => !p.deleted)
      .map((p, i) => [i, p] as const)
  )('example %s: the pushed commit (GITHUB_SHA, which is after)', async (_i, payload) => {
    expect((await chooseCommit(context('push', payload, payload.after))).sha).toBe(payload.after)
  })
  test.each(
    payloads('push')
      .filter((p) => p.deleted)
      .map((p) => [p.ref, p] as const)
  )('deleting %s: no commit, never the default branch', async (ref, payload) => {
    await expect(chooseCommit(context('push', payload))).rejects.toThrow(`This push deleted ${ref}, so it has no commit to run.`)
  })
})

// Events whose payload carries their own commit, from GitHub's own examples.
const OWN_COMMIT: [string, (p: WebhookPayload) => string][] = [
  ['merge_group', (p) => p.merge_group.head_sha],
  ['workflow_run', (p) => p.workflow_run.head_sha],
  ['check_suite', (p) => p.check_suite.head_sha],
  ['check_run', (p) => p.check_run.head_sha],
  ['deployment', (p) => p.deployment.sha],
  ['deployment_status', (p) => p.deployment.sha],
  ['status', (p) => p.sha],
  ['package', (p) => p.package.package_version.target_oid]
]

describe.each(OWN_COMMIT)('%s', (eventName, sha) => {
  test.each(payloads(eventName).map((p, i) => [i, p] as const))(
    "example %s: the event's own commit, not GITHUB_SHA",
    async (_i, payload) => {
      const choice = await chooseCommit(context(eventName, payload))
      expect(choice.sha).toBe(sha(payload))
      expect(choice.sha).not.toBe(MERGE_SHA)
    }
  )
  test('without it: fails, saying to set commit-id', async () => {
    await expect(chooseCommit(context(eventName, {}))).rejects.toThrow(/; set commit-id to the commit to run\.$/)
  })
})

test("registry_package: the package version's commit", async () => {
  const payload = { registry_package: payloads('package')[0].package }
  expect((await chooseCommit(context('registry_package', payload))).sha).toBe(payload.registry_package.package_version.target_oid)
})

describe('issue_comment', () => {
  const onIssue = payloads('issue_comment')[0]
  const onPr = { ...structuredClone(onIssue), issue: { ...onIssue.issue, pull_request: { url: 'x' } } }
  const reader = (headRepo: string) => {
    const asked: unknown[] = []
    const load = async (token: string, baseUrl: string) => {
      asked.push({ token, baseUrl })
      return async (ref: unknown) => (asked.push(ref), { sha: FORK_HEAD, headRepo })
    }
    return { asked, load }
  }
  test('on a pull request: its head, read through the API with github-token', async () => {
    const { asked, load } = reader('Codertocat/Hello-World')
    const choice = await chooseCommit(context('issue_comment', onPr), undefined, { githubToken: 't', loadPullRequests: load })
    expect(choice.sha).toBe(FORK_HEAD)
    expect(asked).toEqual([
      { token: 't', baseUrl: 'https://api.github.com' },
      { owner: 'Codertocat', repo: 'Hello-World', number: 1 }
    ])
  })
  test('on a pull request without github-token: asks for it or commit-id', async () => {
    await expect(chooseCommit(context('issue_comment', onPr))).rejects.toThrow(/pull request #1: .*set github-token .* or commit-id/)
  })
  test("on a fork's pull request: refused like pull_request_target", async () => {
    const { load } = reader('mallory/Hello-World')
    await expect(chooseCommit(context('issue_comment', onPr), undefined, { githubToken: 't', loadPullRequests: load })).rejects.toThrow(
      /^Refusing to run mallory/
    )
  })
  test('on a plain issue: never the default branch silently', async () => {
    await expect(chooseCommit(context('issue_comment', onIssue))).rejects.toThrow(/not a pull request, names no commit; set commit-id/)
  })
})

test.each(['schedule', 'release', 'workflow_dispatch', 'repository_dispatch', 'create'])(
  '%s: GITHUB_SHA, the ref the event is about',
  async (eventName) => {
    expect(await chooseCommit(context(eventName, {}, 'd'.repeat(40)))).toEqual({
      sha: 'd'.repeat(40),
      reason: `${eventName}: GITHUB_SHA of refs/heads/main`
    })
  }
)

test('delete: no commit to run', async () => {
  await expect(chooseCommit(context('delete', payloads('delete')[0]))).rejects.toThrow(
    /deleted a branch or tag, so it has no commit to run/
  )
})

test('commit-id overrides the event, even a pull request', async () => {
  const pr = payloads('pull_request')[0]
  expect(await chooseCommit(context('pull_request', pr), 'e'.repeat(40))).toEqual({ sha: 'e'.repeat(40), reason: 'the commit-id input' })
})

test('no GITHUB_SHA on an event that needs it, or all zeros: fails, saying to set commit-id', async () => {
  await expect(chooseCommit(context('workflow_dispatch', {}, ''))).rejects.toThrow(/GITHUB_SHA is not set; set commit-id/)
  await expect(chooseCommit(context('workflow_dispatch', {}, '0'.repeat(40)))).rejects.toThrow(/all zeros\); set commit-id/)
})
