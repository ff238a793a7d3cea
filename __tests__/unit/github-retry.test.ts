import { CheckRun } from '../../src/github/check-run.js'
import { GITHUB_TRIES, GitHubGaveUp, retrying } from '../../src/github/retrying.js'
import { FakeClock, FakeLog } from '../support/fakes.js'
import { FakeGitHub } from '../support/github.js'

const httpError = (status: number) => Object.assign(new Error(`HTTP ${status}`), { status })
const deadline = () => ({ signal: AbortSignal.timeout(60_000) })
const status = { owner: 'o', repo: 'r', sha: 'a'.repeat(40), state: 'success' as const, context: 'c', description: 'd' }
const create = {
  owner: 'o',
  repo: 'r',
  name: 'CodePipeline / p',
  head_sha: 'a'.repeat(40),
  status: 'in_progress' as const,
  details_url: 'https://console',
  external_id: 'exec-1',
  started_at: '2026-01-01T00:00:00Z',
  output: { title: 't', summary: 's' }
}

/** FakeGitHub whose calls of one kind fail with these errors, one per call, then succeed. */
function flaky(op: 'status' | 'create' | 'update' | 'find', errors: Error[]): FakeGitHub {
  const fake = new FakeGitHub()
  fake.failures[op] = errors
  return fake
}

function wired(fake: FakeGitHub) {
  const clock = new FakeClock()
  const log = new FakeLog()
  return { client: retrying(fake, { clock, log, backoff: (n) => 1000 * n }), clock, log }
}

test('a 502 is tried again after a backoff, and said in the debug log', async () => {
  const fake = flaky('status', [httpError(502)])
  const { client, clock, log } = wired(fake)
  await client.createCommitStatus({ ...status, request: deadline() })
  expect(fake.ops()).toEqual(['status', 'status'])
  expect(clock.sleeps).toEqual([1000])
  expect(log.text()).toContain('GitHub: posting the commit status failed (HTTP 502); trying again in 1000 ms (2 of 4)')
})

test('a 4xx is not tried again', async () => {
  const fake = flaky('update', [httpError(422)])
  const { client } = wired(fake)
  const update = { owner: 'o', repo: 'r', check_run_id: 1, output: { title: 't', summary: 's' }, request: deadline() }
  await expect(client.updateCheckRun(update)).rejects.toMatchObject({ status: 422, message: 'HTTP 422' })
  expect(fake.ops()).toEqual(['update'])
})

test('bounded: after the last try, the failure says how many tries it took, with GitHub status', async () => {
  const fake = flaky(
    'status',
    Array.from({ length: 10 }, () => httpError(503))
  )
  const { client, clock } = wired(fake)
  const failure = client.createCommitStatus({ ...status, request: deadline() })
  await expect(failure).rejects.toBeInstanceOf(GitHubGaveUp)
  await expect(failure).rejects.toMatchObject({ status: 503, message: `HTTP 503 (still failing after ${GITHUB_TRIES} tries)` })
  expect(fake.ops()).toHaveLength(GITHUB_TRIES)
  expect(clock.sleeps).toEqual([1000, 2000, 3000])
})

test("the caller's deadline ends the tries", async () => {
  const fake = flaky('status', [httpError(502), httpError(502)])
  const { client } = wired(fake)
  const controller = new AbortController()
  controller.abort()
  await expect(client.createCommitStatus({ ...status, request: { signal: controller.signal } })).rejects.toMatchObject({ status: 502 })
  expect(fake.ops()).toEqual(['status'])
})

test('a create whose answer was lost: the check run GitHub made is found, and no second one is made', async () => {
  const fake = flaky('create', [new Error('The operation was aborted due to timeout')])
  fake.found = 7
  const { client } = wired(fake)
  await expect(client.createCheckRun({ ...create, request: deadline() })).resolves.toBe(7)
  expect(fake.ops()).toEqual(['create', 'find'])
  expect(fake.calls[1]).toMatchObject({
    op: 'find',
    request: { owner: 'o', repo: 'r', ref: create.head_sha, check_name: 'CodePipeline / p', external_id: 'exec-1' }
  })
})

test('a create that failed with a 502 and made nothing: made again', async () => {
  const fake = flaky('create', [httpError(502)])
  const { client } = wired(fake)
  await expect(client.createCheckRun({ ...create, request: deadline() })).resolves.toBe(42)
  expect(fake.ops()).toEqual(['create', 'find', 'create'])
})

test('a create never answered: the completion finds the check run and completes it', async () => {
  const fake = flaky(
    'create',
    Array.from({ length: 10 }, () => httpError(504))
  )
  fake.found = undefined
  const clock = new FakeClock()
  const log = new FakeLog()
  const client = retrying(fake, { clock, log, backoff: () => 10 })
  const target = { owner: 'o', repo: 'r', sha: 'a'.repeat(40), pipelineName: 'p', executionId: 'exec-1', consoleUrl: 'https://c' }
  const checkRun = new CheckRun({ client: () => Promise.resolve(client), log, clock }, target, () => ({ title: 't', summary: 's' }))
  checkRun.start()
  while (!log.text().includes('Could not create')) await new Promise((resolve) => setImmediate(resolve))
  expect(log.text()).toContain('(still failing after 4 tries). The step goes on without it. GitHub may have made it anyway')
  expect(fake.ops().filter((op) => op === 'find')).toHaveLength(GITHUB_TRIES - 1) // none found while it tried
  fake.found = 9 // GitHub made it after all
  await checkRun.complete('success', { title: 'done', summary: 's' })
  expect(fake.updates.map((u) => [u.check_run_id, u.conclusion])).toEqual([[9, 'success']])
})
