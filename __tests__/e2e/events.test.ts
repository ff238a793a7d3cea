// The commit is the one the event is about: GitHub's own webhook examples (@octokit/webhooks-examples), through
// dist/ against the local service; the start request shows which commit the pipeline was given.
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { startGitHubApi, type GitHubApi } from '../../harness/github-api.js'
import { exampleEvent, runAction, type GitHubEvent, type WebhookPayload } from '../../harness/runner.js'
import { callsFor, uniqueName } from '../support/e2e.js'
import { shortPipeline } from '../support/pipelines.js'

let emulator: Emulator
let github: GitHubApi
const PR_HEAD = 'b'.repeat(40)

beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
  github = await startGitHubApi({
    pulls: [
      { number: 1, headSha: PR_HEAD, headRepo: 'Codertocat/Hello-World' },
      { number: 7, headSha: PR_HEAD, headRepo: 'mallory/Hello-World' }
    ]
  })
})
afterAll(async () => Promise.all([emulator.close(), github.close()]))

async function run(event: GitHubEvent, inputs: Record<string, string> = {}) {
  const name = uniqueName('event')
  emulator.addPipeline(shortPipeline({ name, sourceRepo: event.payload.repository?.full_name as string }))
  const result = await runAction({
    endpoint: emulator.url,
    event,
    inputs: { 'pipeline-name': name, ...inputs },
    env: { GITHUB_API_URL: github.url }
  })
  const start = callsFor(emulator, name, 'StartPipelineExecution')[0]
  return { result, started: start?.body.sourceRevisions?.[0]?.revisionValue, calls: callsFor(emulator, name) }
}

function modified(name: string, action: string | undefined, change: (p: WebhookPayload) => void): GitHubEvent {
  const event = exampleEvent(name, action)
  change(event.payload)
  return event
}

test.each([
  ['workflow_run', (p: WebhookPayload) => p.workflow_run.head_sha],
  ['check_run', (p: WebhookPayload) => p.check_run.head_sha],
  ['check_suite', (p: WebhookPayload) => p.check_suite.head_sha],
  ['deployment_status', (p: WebhookPayload) => p.deployment.sha]
])("%s: the event's own commit, not GITHUB_SHA", async (name, sha) => {
  const event = exampleEvent(name)
  const { result, started } = await run(event)
  expect(result.code).toBe(0)
  expect(started).toBe(sha(event.payload))
  expect(started).not.toBe(result.env.GITHUB_SHA)
  expect(result.outputs['commit-id']).toBe(started)
})

test('a merged pull request: the commit that landed (merge_commit_sha)', async () => {
  const event = modified('pull_request', 'closed', (p) => (p.pull_request.merged = true))
  const { result, started } = await run(event)
  expect(result.code).toBe(0)
  expect(started).toBe(event.payload.pull_request.merge_commit_sha)
})

test.each([
  ['a pull request closed unmerged', exampleEvent('pull_request', 'closed'), /^Pull request #2 was closed without being merged/],
  [
    "workflow_run of a fork's pull request",
    modified('workflow_run', undefined, (p) => (p.workflow_run.head_repository.full_name = 'mallory/octo-repo')),
    /^Refusing to run mallory\/octo-repo's pull request head on workflow_run: /
  ],
  [
    'a push that deletes a branch',
    modified('push', undefined, (p) => Object.assign(p, { ref: 'refs/heads/feature', deleted: true, after: '0'.repeat(40) })),
    /^This push deleted refs\/heads\/feature, so it has no commit to run\.$/
  ],
  [
    'pull_request_target from a fork',
    {
      name: 'pull_request_target',
      payload: modified('pull_request', 'opened', (p) => (p.pull_request.head.repo.full_name = 'mallory/Hello-World')).payload
    },
    /^Refusing to run mallory\/Hello-World's pull request head on pull_request_target: .*secrets and AWS role/
  ],
  [
    'issue_comment on a pull request without github-token',
    modified('issue_comment', 'created', (p) => (p.issue.pull_request = { url: 'x' })),
    /set github-token \(pull-requests: read\) or commit-id/
  ]
] as const)('%s: one clear error, no AWS call', async (_label, event, message) => {
  const { result, calls } = await run(event)
  expect(result.code).toBe(1)
  expect(result.errors).toEqual([expect.stringMatching(message)])
  expect(calls).toHaveLength(0)
})

test('issue_comment on a pull request: its head, read through the GitHub API with github-token', async () => {
  const event = modified('issue_comment', 'created', (p) => (p.issue.pull_request = { url: 'x' }))
  const { result, started } = await run(event, { 'github-token': 'ghs_test' })
  expect(result.code).toBe(0)
  expect(started).toBe(PR_HEAD)
  expect(github.requests.some((r) => r.method === 'GET' && r.path === '/repos/Codertocat/Hello-World/pulls/1')).toBe(true)
})

test("issue_comment on a fork's pull request: refused, like pull_request_target", async () => {
  const event = modified('issue_comment', 'created', (p) => ((p.issue.pull_request = { url: 'x' }), (p.issue.number = 7)))
  const { result, calls } = await run(event, { 'github-token': 'ghs_test' })
  expect(result.code).toBe(1)
  expect(result.errors).toEqual([expect.stringMatching(/^Refusing to run mallory\/Hello-World's pull request head on issue_comment/)])
  expect(calls).toHaveLength(0)
})

describe('source-revisions', () => {
  const connection = (name: string, repository: string) => ({
    name,
    category: 'Source' as const,
    provider: 'CodeStarSourceConnection',
    configuration: {
      FullRepositoryId: repository,
      BranchName: 'main',
      ConnectionArn: 'arn:aws:codestar-connections:us-east-1:1:connection/x'
    },
    durationSeconds: 0.1
  })
  const image = {
    name: 'Img',
    category: 'Source' as const,
    provider: 'ECR',
    configuration: { RepositoryName: 'app' },
    durationSeconds: 0.1
  }
  const build = { name: 'Build', actions: [{ name: 'Compile', category: 'Build' as const, provider: 'CodeBuild', durationSeconds: 0.2 }] }

  async function runWith(revisions: string) {
    const name = uniqueName('revisions')
    emulator.addPipeline({
      name,
      stages: [
        { name: 'Source', actions: [connection('Infra', 'octo-org/infra'), connection('App', 'Codertocat/Hello-World'), image] },
        build
      ]
    })
    const result = await runAction({
      endpoint: emulator.url,
      inputs: { 'pipeline-name': name, 'source-revisions': revisions, 'github-token': 'ghs_test' },
      env: { GITHUB_API_URL: github.url }
    })
    return {
      result,
      statuses: github.requests.filter(
        (r) => r.method === 'POST' && r.path.includes(`/statuses/`) && r.body?.context === `CodePipeline/${name}`
      )
    }
  }

  test("the commit output, the summary's link and the commit status use this repository's COMMIT_ID line, not the first", async () => {
    const infra = 'a'.repeat(40)
    const app = 'c'.repeat(40)
    const { result, statuses } = await runWith(`Infra:COMMIT_ID:${infra}\nApp:COMMIT_ID:${app}`)
    expect(result.code).toBe(0)
    expect(result.outputs['commit-id']).toBe(app)
    expect(result.summary).toContain(`<a href="https://github.com/Codertocat/Hello-World/commit/${app}">ccccccc</a>`)
    expect(statuses.map((s) => s.path)).toEqual([
      `/repos/Codertocat/Hello-World/statuses/${app}`,
      `/repos/Codertocat/Hello-World/statuses/${app}`
    ])
  })

  test('pinned to an image digest: the summary says so, not "the source\'s latest revision"; no commit, no status', async () => {
    const digest = `sha256:${'d'.repeat(64)}`
    const { result, statuses } = await runWith(`Img:IMAGE_DIGEST:${digest}`)
    expect(result.code).toBe(0)
    expect(result.outputs['commit-id']).toBe('')
    expect(result.summary).toContain('<b>Commit</b>: none of this repository; source-revisions pins Img: IMAGE&#95;DIGEST sha256:dddd')
    expect(result.summary).not.toContain('latest revision')
    expect(statuses).toEqual([])
  })
})
