import { CheckRun, conclusionFor, MAX_UPDATES, MIN_UPDATE_INTERVAL_MS, whyNoCheckRun } from '../../src/github/check-run.js'
import type { CheckOutput } from '../../src/github/client.js'
import { deferred, FakeClock, FakeLog, settle } from '../support/fakes.js'
import { FakeGitHub } from '../support/github.js'

const SHA = 'c'.repeat(40)
const target = { owner: 'o', repo: 'r', sha: SHA, pipelineName: 'p', executionId: 'e-1', consoleUrl: 'https://console/e-1' }

function setup() {
  const github = new FakeGitHub()
  const clock = new FakeClock(false)
  const log = new FakeLog()
  let state = 'Starting'
  const render = (): CheckOutput => ({ title: state, summary: `summary of ${state}` })
  const check = new CheckRun({ client: github.client, log, clock }, target, render)
  return { github, clock, log, check, show: (s: string) => (state = s) }
}

function refusal(status: number): Error {
  return Object.assign(new Error('Resource not accessible by integration'), { status })
}

test('created in progress on the commit, with the console link, the execution id and the current output', async () => {
  const { github, check, log, clock } = setup()
  check.start()
  await settle()
  const created = github.creates.at(0)
  expect(created).toEqual({
    owner: 'o',
    repo: 'r',
    name: 'CodePipeline / p',
    head_sha: SHA,
    status: 'in_progress',
    details_url: 'https://console/e-1',
    external_id: 'e-1',
    started_at: new Date(clock.time).toISOString(),
    output: { title: 'Starting', summary: 'summary of Starting' },
    request: { signal: expect.any(AbortSignal) as unknown }
  })
  expect(log.lines).toContain('info: Check run CodePipeline / p on ccccccc: in progress')
})

test('the first change is sent at once; later ones at most once per interval, with the latest state', async () => {
  const { github, check, clock, show } = setup()
  check.start()
  show('Source / App running')
  check.changed()
  await clock.advance(0)
  expect(github.updates.map((u) => u.output.title)).toEqual(['Source / App running'])
  await clock.advance(1000)
  show('Build / Compile running')
  check.changed()
  show('Build / Test running')
  check.changed()
  await clock.advance(MIN_UPDATE_INTERVAL_MS - 1001)
  expect(github.updates).toHaveLength(1)
  await clock.advance(1)
  expect(github.updates.map((u) => [u.check_run_id, u.output.title, u.status])).toEqual([
    [42, 'Source / App running', undefined],
    [42, 'Build / Test running', undefined]
  ])
})

test(`never more than ${MAX_UPDATES} updates; the completion still goes`, async () => {
  const { github, check, clock } = setup()
  check.start()
  for (let i = 0; i < MAX_UPDATES + 10; i++) {
    check.changed()
    await clock.advance(MIN_UPDATE_INTERVAL_MS)
  }
  expect(github.updates).toHaveLength(MAX_UPDATES)
  await check.complete('success', { title: 'done', summary: 's' })
  expect(github.updates).toHaveLength(MAX_UPDATES + 1)
})

test('completed with the conclusion and output; a scheduled update is dropped', async () => {
  const { github, check, clock, log } = setup()
  check.start()
  check.changed()
  await clock.advance(0)
  check.changed() // scheduled for 10 s later
  await check.complete('failure', { title: 'Build / Compile failed', summary: 's' })
  await clock.advance(MIN_UPDATE_INTERVAL_MS * 2)
  check.changed()
  await clock.advance(MIN_UPDATE_INTERVAL_MS)
  expect(github.updates.map((u) => [u.status, u.conclusion, u.output.title])).toEqual([
    [undefined, undefined, 'Starting'],
    ['completed', 'failure', 'Build / Compile failed']
  ])
  expect(github.updates.at(1)?.completed_at).toBe(new Date(clock.time - MIN_UPDATE_INTERVAL_MS * 3).toISOString())
  expect(log.lines).toContain('info: Check run CodePipeline / p on ccccccc: failure')
})

test('an update still on the wire is abandoned for the completion', async () => {
  const { github, check, clock } = setup()
  const held = deferred<void>()
  check.start()
  await settle()
  github.hold.update = held.promise
  check.changed()
  await clock.advance(0)
  const signal = github.updates.at(0)?.request.signal
  const completing = check.complete('cancelled', { title: 'Cancelled with the workflow run', summary: 's' })
  await settle()
  expect(signal?.aborted).toBe(true)
  held.resolve()
  await completing
  expect(github.updates.at(-1)).toMatchObject({ status: 'completed', conclusion: 'cancelled' })
})

test('a completion waits for the create still in flight', async () => {
  const { github, check } = setup()
  const held = deferred<void>()
  github.hold.create = held.promise
  check.start()
  const completing = check.complete('success', { title: 'ok', summary: 's' })
  await settle()
  expect(github.updates).toHaveLength(0)
  held.resolve()
  await completing
  expect(github.ops()).toEqual(['create', 'update'])
})

test('a refused create is one warning naming the permission; nothing else is sent', async () => {
  const { github, check, clock, log } = setup()
  github.fail.create = refusal(403)
  check.start()
  check.changed()
  await clock.advance(MIN_UPDATE_INTERVAL_MS)
  await check.complete('success', { title: 'ok', summary: 's' })
  expect(github.ops()).toEqual(['create'])
  expect(log.lines.filter((l) => l.startsWith('warning'))).toEqual([
    'warning: Could not create the check run CodePipeline / p on ccccccc: Resource not accessible by integration ' +
      '(the token needs `permissions: checks: write`). The step goes on without it.'
  ])
})

test('failing updates warn once; the completion is still tried, and its failure is a warning too', async () => {
  const { github, check, clock, log } = setup()
  check.start()
  github.fail.update = new Error('Server Error')
  for (let i = 0; i < 3; i++) {
    check.changed()
    await clock.advance(MIN_UPDATE_INTERVAL_MS)
  }
  await expect(check.complete('success', { title: 'ok', summary: 's' })).resolves.toBeUndefined()
  expect(github.updates).toHaveLength(4)
  expect(log.lines.filter((l) => l.startsWith('warning'))).toEqual([
    'warning: Could not update the check run CodePipeline / p on ccccccc: Server Error',
    'warning: Could not complete the check run CodePipeline / p on ccccccc (success): Server Error'
  ])
})

test('never started (no check run for this run): completing sends nothing', async () => {
  const { github, check } = setup()
  await check.complete('success', { title: 'ok', summary: 's' })
  expect(github.calls).toEqual([])
})

test.each([
  [true, 'Succeeded', 'success'],
  [true, 'Superseded', 'success'],
  [false, 'Superseded', 'failure'],
  [false, 'Failed', 'failure'],
  [false, 'Stopped', 'cancelled'],
  [false, 'Cancelled', 'cancelled'],
  [false, 'Unknown', 'failure']
])('passed %s, %s → %s (never neutral)', (passed, status, conclusion) => {
  expect(conclusionFor(passed, status)).toBe(conclusion)
})

describe('why no check run', () => {
  const push = { eventName: 'push', payload: {} }
  const forkPr = {
    eventName: 'pull_request',
    payload: { pull_request: { head: { repo: { full_name: 'someone/app' } }, base: { repo: { full_name: 'octo/app' } } } }
  }
  test('wait: false, no pinned commit, a fork', () => {
    expect(whyNoCheckRun({ wait: false }, push, SHA)).toMatch(/^No check run: wait is false/)
    expect(whyNoCheckRun({ wait: true }, push, '')).toMatch(/^No check run: the execution is not pinned to a commit/)
    expect(whyNoCheckRun({ wait: true }, forkPr, SHA)).toMatch(
      /^No check run: this pull request comes from the fork someone\/app.*read-only token/
    )
    expect(whyNoCheckRun({ wait: true }, push, SHA)).toBeUndefined()
  })
})
