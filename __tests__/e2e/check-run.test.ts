// The live check run (check-run: true): dist/ as a child process against the local service and the stand-in
// GitHub API. Each test asserts the creation, an update while the pipeline runs, and the completion.
import {
  CodePipelineClient,
  EnableStageTransitionCommand,
  RetryStageExecutionCommand,
  StartPipelineExecutionCommand
} from '@aws-sdk/client-codepipeline'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { exampleEvent, runAction, startAction, type ActionResult, type RunOptions } from '../../harness/runner.js'
import { startGitHubApi, type CheckRunBody, type CheckRunRecord, type GitHubApi } from '../../harness/github-api.js'
import { action, v2Pipeline } from '../../harness/scenarios.js'
import { callsFor, uniqueName, until } from '../support/e2e.js'
import { shortPipeline } from '../support/pipelines.js'

let emulator: Emulator
let github: GitHubApi

beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
  github = await startGitHubApi()
})
afterAll(async () => Promise.all([emulator.close(), github.close()]))

const TOKEN = 'ghs_' + 'c'.repeat(36)

function pipeline(prefix: string, options: Omit<Parameters<typeof shortPipeline>[0], 'name'> = {}): string {
  const name = uniqueName(prefix)
  emulator.addPipeline(shortPipeline({ name, ...options }))
  return name
}

function options(name: string, inputs: Record<string, string> = {}, api = github): RunOptions {
  return {
    endpoint: emulator.url,
    inputs: { 'pipeline-name': name, 'github-token': TOKEN, 'check-run': 'true', ...inputs },
    env: { GITHUB_API_URL: api.url }
  }
}

/** The check run made for `name`, and every request sent for it (create first), in order. */
function checkRunOf(name: string, api = github): { record: CheckRunRecord; bodies: CheckRunBody[] } {
  const record = [...api.checkRuns.values()].find((r) => r.name === `CodePipeline / ${name}`)
  if (!record) throw new Error(`no check run for ${name}`)
  const requests = api.requests.filter(
    (r) =>
      (r.method === 'POST' && r.path.endsWith('/check-runs') && r.body?.name === record.name) ||
      (r.method === 'PATCH' && r.path.endsWith(`/check-runs/${record.id}`))
  )
  return { record, bodies: requests.map((r) => r.body as CheckRunBody) }
}

function checkRunRequests(api: GitHubApi): number {
  return api.requests.filter((r) => r.path.includes('/check-runs')).length
}

/** The creation and at least one live update, as every followed run must show them. */
function expectLive(result: ActionResult, name: string): CheckRunBody[] {
  const { bodies } = checkRunOf(name)
  const [created, ...rest] = bodies
  expect(created).toMatchObject({
    name: `CodePipeline / ${name}`,
    head_sha: result.outputs['commit-id'],
    status: 'in_progress',
    details_url: result.outputs['execution-url'],
    external_id: result.outputs['pipeline-execution-id']
  })
  const live = rest.filter((b) => b.status === undefined)
  expect(live.length).toBeGreaterThanOrEqual(1)
  expect(live.map((b) => b.output?.title)).toContain('Build / Compile running')
  const during = live.find((b) => b.output?.title === 'Build / Compile running')!
  expect(during.output?.summary).toMatch(/<td>Compile<\/td><td>⏳ InProgress<\/td>/)
  expect(during.output?.text).toMatch(/Build \/ Compile started/)
  expect(rest.at(-1)?.status).toBe('completed')
  expect(rest.filter((b) => b.status === 'completed')).toHaveLength(1)
  return bodies
}

test('Succeeded: created in progress, updated while it runs, completed success; through GITHUB_API_URL, token masked', async () => {
  const name = pipeline('check-ok', { buildSeconds: 6 })
  const result = await runAction(options(name))
  expect(result.code).toBe(0)
  expectLive(result, name)
  const { record } = checkRunOf(name)
  expect(record).toMatchObject({ status: 'completed', conclusion: 'success' })
  expect(record.output.title).toMatch(/^Succeeded in \d/)
  expect(record.output.summary).toMatch(/<td>Deploy<\/td><td>Ship<\/td><td>✅ Succeeded<\/td>/)
  expect(record.output.text).toMatch(/Deploy \/ Ship succeeded/)
  expect(record.output.annotations).toEqual([])
  const sent = github.requests.filter((r) => r.path.includes('/check-runs') && r.headers.authorization === `token ${TOKEN}`)
  expect(sent.length).toBeGreaterThanOrEqual(3)
  expect(result.stdout).toContain(`::add-mask::${TOKEN}`)
  expect(result.stdout.replace(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN)
  expect(result.stdout).toContain(`Check run CodePipeline / ${name} on ${(result.outputs['commit-id'] ?? '').slice(0, 7)}: success`)
  // The commit status stays as it was: both are on.
  const statuses = github.requests.filter((r) => r.path.includes('/statuses/') && r.body?.context === `CodePipeline/${name}`)
  expect(statuses.map((r) => r.body?.state)).toEqual(['pending', 'success'])
})

test('Failed: failure, with the failed action annotated on the workflow file; text from AWS is escaped', async () => {
  const evil = '<img src=x onerror=alert(1)> **bold** | cell </td></table> @octocat ::error::injected'
  const name = pipeline('check-fail', { buildSeconds: 6, buildFails: true, buildError: evil })
  const result = await runAction(options(name))
  expect(result.code).not.toBe(0)
  expectLive(result, name)
  const { record } = checkRunOf(name)
  expect(record).toMatchObject({ status: 'completed', conclusion: 'failure' })
  expect(record.output.title).toBe('Build / Compile failed')
  for (const raw of ['<img', '</td></table>', '**bold**', '| cell', '@octocat']) {
    expect(record.output.summary).not.toContain(raw)
    expect(record.output.text).not.toContain(raw)
  }
  expect(record.output.summary).toContain('&#60;img src=x onerror=alert(1)&#62;')
  expect(record.output.annotations).toEqual([
    {
      path: '.github/workflows/deploy.yml',
      start_line: 1,
      end_line: 1,
      annotation_level: 'failure',
      title: `${name}: Build / Compile failed`,
      message: expect.stringContaining(`failed in stage Build, action Compile: ${evil}`) as unknown
    }
  ])
})

describe('Superseded', () => {
  test.each([
    ['false', 'failure', 'Superseded by a newer execution'],
    ['true', 'success', 'Superseded by a newer execution (allowed by allow-superseded)']
  ])('allow-superseded %s: %s, never neutral', async (allow, conclusion, title) => {
    const name = pipeline('check-superseded', { buildSeconds: 8, executionMode: 'SUPERSEDED' })
    const client = new CodePipelineClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
    })
    // An earlier execution holds the Build stage (8 s); ours waits behind it once its source is done, and a
    // newer one overtakes it there. Waiting for the log line, not for time, keeps this independent of load.
    await client.send(new StartPipelineExecutionCommand({ name }))
    const run = startAction(options(name, { 'allow-superseded': allow }))
    await run.waitForLine(/Source \/ App succeeded/)
    await client.send(new StartPipelineExecutionCommand({ name }))
    const result = await run.done
    expect(result.outputs.status).toBe('Superseded')
    const { record, bodies } = checkRunOf(name)
    expect(bodies[0]).toMatchObject({ status: 'in_progress', external_id: result.outputs['pipeline-execution-id'] })
    // Ours never got past Source: the live update shows it waiting with Source done.
    const live = bodies.slice(1).filter((b) => b.status === undefined)
    expect(live.length).toBeGreaterThanOrEqual(1)
    expect(live[0]?.output?.title).toMatch(/^(Running: 1 of 3 actions done|Source \/ App running)$/)
    expect(live[0]?.output?.text).toMatch(/Source \/ App (started|succeeded)/)
    expect(record).toMatchObject({ status: 'completed', conclusion })
    expect(record.output.title).toBe(title)
    expect(record.output.summary).toContain('a newer execution overtook it')
  })
})

test('a V2 wait (a disabled transition) is in the live check run: its title, its summary, then the list of waits', async () => {
  const name = uniqueName('check-wait')
  const reason = 'Change freeze until the release review'
  emulator.addPipeline(v2Pipeline(name, {}, { disabledTransition: { reason } }))
  // A long wait is polled at poll-interval-max-seconds: 1 s notices the enabled transition at once.
  const run = startAction(options(name, { 'poll-interval-min-seconds': '0.5', 'poll-interval-max-seconds': '1' }))
  const wait = `Waiting before stage Deploy: its inbound transition is disabled (reason: ${reason}); it continues once someone enables it`
  // Only once the live check run says why it waits does someone enable the transition (so this needs no timing).
  const created = () => [...github.checkRuns.values()].some((r) => r.name === `CodePipeline / ${name}`)
  const shown = (b: CheckRunBody, i: number) => i > 0 && b.status === undefined && b.output?.title === wait
  const live = await until(() => (created() ? checkRunOf(name).bodies.find(shown) : undefined), 60_000)
  const client = new CodePipelineClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
  })
  await client.send(new EnableStageTransitionCommand({ pipelineName: name, stageName: 'Deploy', transitionType: 'Inbound' }))
  const result = await run.done
  expect(result.code).toBe(0)
  expect(result.stdout).toContain(wait)
  expect(live.output?.summary).toMatch(/^<p>⏳ Waiting before stage Deploy: its inbound transition is disabled/)
  expect(live.output?.summary).toContain('<h3>Waits</h3>')
  const { record } = checkRunOf(name)
  expect(record).toMatchObject({ status: 'completed', conclusion: 'success' })
  expect(record.output.summary).toContain(`<li>${wait}</li>`)
}, 90_000)

test('a manual stage retry, followed again: the check run says the attempt and that it was retried manually', async () => {
  const name = uniqueName('check-manual-retry')
  const compile = action('Compile', 1, { outcome: 'Failed', retryOutcome: 'Succeeded', errorMessage: 'Out of disk space' })
  emulator.addPipeline(v2Pipeline(name, { actions: [compile] }))
  // The same token: the second run gets the retried execution back, as a re-run with client-request-token does.
  const token = { 'client-request-token': `retry-${name}` }
  const first = await runAction(options(name, token))
  expect(first.outputs.status).toBe('Failed')
  const client = new CodePipelineClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
  })
  const pipelineExecutionId = first.outputs['pipeline-execution-id']
  await client.send(
    new RetryStageExecutionCommand({ pipelineName: name, stageName: 'Build', pipelineExecutionId, retryMode: 'FAILED_ACTIONS' })
  )
  const second = await runAction(options(name, token))
  expect(second.code).toBe(0)
  // One check run per run of the step, each completed.
  const records = [...github.checkRuns.values()].filter((r) => r.name === `CodePipeline / ${name}`)
  expect(records.map((r) => r.conclusion)).toEqual(['failure', 'success'])
  expect(records[1]?.output.summary).toContain('<td>Compile</td><td>✅ Succeeded (attempt 2, retried manually)</td>')
}, 90_000)

test('cancel: the check run is completed as cancelled before the runner would kill the step', async () => {
  const name = pipeline('check-cancel', { buildSeconds: 30 })
  const run = startAction(options(name))
  await run.waitForLine(/Build \/ Compile started/)
  await until(() => checkRunOf(name).bodies.find((b, i) => i > 0 && b.output?.title === 'Build / Compile running'))
  const sentAt = Date.now()
  run.child.kill('SIGINT')
  const result = await run.done
  expect(Date.now() - sentAt).toBeLessThan(7500)
  expect(result.code).not.toBe(0)
  expectLive(result, name)
  const { record } = checkRunOf(name)
  expect(record).toMatchObject({ status: 'completed', conclusion: 'cancelled' })
  expect(record.output.title).toBe('Cancelled with the workflow run')
  expect(record.output.summary).toContain('The workflow run was cancelled')
  expect(callsFor(emulator, name, 'StopPipelineExecution')).toHaveLength(1)
})

test('wait: false: no check run, and the log says why', async () => {
  const name = pipeline('check-nowait')
  const before = checkRunRequests(github)
  const result = await runAction(options(name, { wait: 'false' }))
  expect(result.code).toBe(0)
  expect(checkRunRequests(github)).toBe(before)
  expect(result.stdout).toContain('No check run: wait is false, so the action would never learn the outcome to complete it with.')
})

test('GitHub refusing (403, no checks: write): one warning naming the permission, the same verdict', async () => {
  const refusing = await startGitHubApi({ status: 403 })
  try {
    const name = pipeline('check-403', { buildFails: true })
    const result = await runAction(options(name, {}, refusing))
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('Failed')
    expect(result.errors.at(-1)).toMatch(/failed in stage Build, action Compile/)
    expect(refusing.requests.filter((r) => r.path.includes('/check-runs')).map((r) => r.method)).toEqual(['POST'])
    const warnings = result.warnings.filter((w) => w.includes('check run'))
    expect(warnings).toEqual([
      expect.stringMatching(/^Could not create the check run CodePipeline \/ .* \(the token needs `permissions: checks: write`\)/)
    ])
  } finally {
    await refusing.close()
  }
})

test('GitHub failing on live updates (5xx) for good: each tried again, then one warning; the completion still made', async () => {
  const flaky = await startGitHubApi({ fail: (r) => (r.method === 'PATCH' && r.body.status === undefined ? 502 : undefined) })
  try {
    // Long enough for one live update to use up its tries (about 4-7 s of backoff).
    const name = pipeline('check-5xx', { buildSeconds: 10 })
    const result = await runAction(options(name, {}, flaky))
    expect(result.code).toBe(0)
    expect(result.warnings.filter((w) => w.startsWith('Could not update the check run'))).toEqual([
      expect.stringMatching(/Server Error \(still failing after 4 tries\)$/)
    ])
    const patches = flaky.requests.filter((r) => r.method === 'PATCH' && r.body.status === undefined)
    expect(patches.length).toBeGreaterThanOrEqual(4)
    expect(checkRunOf(name, flaky).record).toMatchObject({ status: 'completed', conclusion: 'success' })
  } finally {
    await flaky.close()
  }
}, 60_000)

test('a pull request from a fork (read-only token): said once, no check-runs call', async () => {
  const name = pipeline('check-fork')
  const event = exampleEvent('pull_request', 'opened')
  const pr = event.payload.pull_request as { head: { repo: object }; base: { repo: object } }
  pr.head.repo = { ...pr.base.repo, full_name: 'fork-owner/Hello-World' }
  const before = checkRunRequests(github)
  const result = await runAction({ ...options(name), event })
  expect(result.code).toBe(0)
  expect(checkRunRequests(github)).toBe(before)
  expect(result.stdout.match(/No check run: this pull request comes from the fork fork-owner\/Hello-World/g)).toHaveLength(1)
  expect(result.warnings).toEqual([])
})
