import { lazyClient } from '../../src/github/outbound.js'
import { Secrets } from '../../src/github/redact.js'
import { CommitStatus, statusFor } from '../../src/report/commit-status.js'
import { FakeClock, FakeLog } from '../support/fakes.js'
import { FakeGitHub } from '../support/github.js'

const target = { owner: 'o', repo: 'r', sha: 'a'.repeat(40), pipelineName: 'p' }

test('posts the status on the commit, with the console link; a long description is cut', async () => {
  const github = new FakeGitHub()
  const log = new FakeLog()
  const status = new CommitStatus(github.client, target, log)
  await status.post('pending', 'started', 'https://console')
  await status.post('success', 'x'.repeat(200))
  const posted = github.statuses
  expect(posted.map(({ request: _request, ...rest }) => rest)).toEqual([
    {
      owner: 'o',
      repo: 'r',
      sha: target.sha,
      state: 'pending',
      context: 'CodePipeline/p',
      description: 'started',
      target_url: 'https://console'
    },
    {
      owner: 'o',
      repo: 'r',
      sha: target.sha,
      state: 'success',
      context: 'CodePipeline/p',
      description: 'x'.repeat(139) + '…',
      target_url: undefined
    }
  ])
  expect(posted.at(0)?.request.signal).toBeInstanceOf(AbortSignal)
  expect(log.lines).toContain('info: Commit status CodePipeline/p on aaaaaaa: pending')
})

test('the client is loaded once, with the token and GITHUB_API_URL; a failed load is tried again', async () => {
  const loads: string[][] = []
  let failNext = true
  const load = (token: string, baseUrl: string) => {
    loads.push([token, baseUrl])
    if (failNext) {
      failNext = false
      return Promise.reject(new Error('no module'))
    }
    return Promise.resolve(new FakeGitHub())
  }
  const client = lazyClient({
    token: 'tok',
    baseUrl: 'https://ghe.example/api/v3',
    secrets: new Secrets(),
    load,
    clock: new FakeClock(),
    log: new FakeLog()
  })
  await expect(client()).rejects.toThrow('no module')
  const first = await client()
  expect(await client()).toBe(first)
  expect(loads).toEqual([
    ['tok', 'https://ghe.example/api/v3'],
    ['tok', 'https://ghe.example/api/v3']
  ])
})

test('a failing GitHub call is a warning, never a throw', async () => {
  const github = new FakeGitHub()
  github.fail.status = new Error('connect ECONNREFUSED')
  const log = new FakeLog()
  await expect(new CommitStatus(github.client, target, log).post('success', 'ok')).resolves.toBeUndefined()
  expect(log.lines).toEqual(['warning: Could not post the commit status CodePipeline/p (success) on aaaaaaa: connect ECONNREFUSED'])
})

test('a client that cannot load is a warning too', async () => {
  const log = new FakeLog()
  await new CommitStatus(() => Promise.reject(new Error('no module')), target, log).post('pending', 'x')
  expect(log.text()).toContain('no module')
})

test.each([
  [true, 'Succeeded', 'success'],
  [true, 'Superseded', 'success'],
  [false, 'Failed', 'failure'],
  [false, 'Stopped', 'error'],
  [false, 'Superseded', 'error'],
  [false, 'Cancelled', 'error']
])('passed %s, %s → %s', (passed, status, state) => {
  expect(statusFor(passed, status)).toBe(state)
})
