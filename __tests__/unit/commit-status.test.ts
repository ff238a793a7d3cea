import { CommitStatus, statusFor, type StatusRequest } from '../../src/report/commit-status.js'
import { FakeLog } from '../support/fakes.js'

const target = { owner: 'o', repo: 'r', sha: 'a'.repeat(40), apiUrl: 'https://ghe.example/api/v3', pipelineName: 'p' }

test('loads the client once, with the token and GITHUB_API_URL, and posts the status', async () => {
  const loads: string[][] = []
  const posted: StatusRequest[] = []
  const log = new FakeLog()
  const status = new CommitStatus('tok', target, log, async (token, baseUrl) => {
    loads.push([token, baseUrl])
    return async (request) => posted.push(request)
  })
  await status.post('pending', 'started', 'https://console')
  await status.post('success', 'x'.repeat(200))
  expect(loads).toEqual([['tok', 'https://ghe.example/api/v3']])
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
  expect(posted[0].request.signal).toBeInstanceOf(AbortSignal)
  expect(log.lines).toContain('info: Commit status CodePipeline/p on aaaaaaa: pending')
})

test('a failing GitHub call is a warning, never a throw', async () => {
  const log = new FakeLog()
  const status = new CommitStatus('tok', target, log, async () => async () => {
    throw new Error('connect ECONNREFUSED')
  })
  await expect(status.post('success', 'ok')).resolves.toBeUndefined()
  expect(log.lines).toEqual(['warning: Could not post the commit status CodePipeline/p (success) on aaaaaaa: connect ECONNREFUSED'])
})

test('a client that cannot load is a warning too', async () => {
  const log = new FakeLog()
  await new CommitStatus('tok', target, log, () => Promise.reject(new Error('no module'))).post('pending', 'x')
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
