import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describeRun, readGitHubContext } from '../../src/github/context.js'
import { tempDir } from '../support/temp.js'

test('reads the run from the runner environment and the event file', () => {
  const dir = tempDir('ctx-')
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify({ pull_request: { head: { sha: 'abc' } } }))
  const ctx = readGitHubContext({
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_REF: 'refs/pull/1/merge',
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_SERVER_URL: 'https://ghe.example.com',
    GITHUB_API_URL: 'https://ghe.example.com/api/v3',
    GITHUB_RUN_ID: '42',
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_WORKFLOW_REF: 'octo/app/.github/workflows/deploy.yml@refs/pull/1/merge'
  })
  expect(ctx).toEqual({
    eventName: 'pull_request',
    sha: 'f'.repeat(40),
    ref: 'refs/pull/1/merge',
    payload: { pull_request: { head: { sha: 'abc' } } },
    repo: { owner: 'octo', repo: 'app' },
    serverUrl: 'https://ghe.example.com',
    apiUrl: 'https://ghe.example.com/api/v3',
    runId: 42,
    runAttempt: 2,
    workflowPath: '.github/workflows/deploy.yml'
  })
  expect(describeRun(ctx)).toBe('https://ghe.example.com/octo/app/actions/runs/42 (attempt 2)')
})

test('first attempts are the plain run URL; without a run id, the repository', () => {
  const ctx = readGitHubContext({ GITHUB_REPOSITORY: 'octo/app', GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '1' })
  expect(describeRun(ctx)).toBe('https://github.com/octo/app/actions/runs/7')
  expect(describeRun(readGitHubContext({ GITHUB_REPOSITORY: 'octo/app' }))).toBe('a workflow run of octo/app')
})

test('without GITHUB_REPOSITORY, the repository from the payload; a missing event file is an empty payload', () => {
  const dir = tempDir('ctx-')
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify({ repository: { name: 'Hello-World', owner: { login: 'Codertocat' } } }))
  expect(readGitHubContext({ GITHUB_EVENT_PATH: eventPath }).repo).toEqual({ owner: 'Codertocat', repo: 'Hello-World' })
  expect(readGitHubContext({ GITHUB_EVENT_PATH: join(dir, 'missing.json') }).payload).toEqual({})
})
