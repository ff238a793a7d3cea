import { deriveRequestToken, stepIdentity } from '../../src/execution/request-token.js'

const step = { runId: '1658821493', runAttempt: '1', job: 'deploy', action: '__run' }
const request = { pipelineName: 'p', variables: [{ name: 'ENV', value: 'prod' }], sourceRevisions: [] }
const PATTERN = /^[a-zA-Z0-9-]+$/

test('read from the runner environment', () => {
  expect(stepIdentity({ GITHUB_RUN_ID: '1', GITHUB_RUN_ATTEMPT: '2', GITHUB_JOB: 'j', GITHUB_ACTION: 'a' })).toEqual({
    runId: '1',
    runAttempt: '2',
    job: 'j',
    action: 'a'
  })
})

test('the same step of the same attempt gets the same token, matching the model (pattern, at most 128)', () => {
  const token = deriveRequestToken(step, request)
  expect(deriveRequestToken({ ...step }, { ...request })).toBe(token)
  expect(token).toMatch(PATTERN)
  expect(token.length).toBeLessThanOrEqual(128)
  expect(token).toMatch(/^gha-1658821493-1-[0-9a-f]{64}$/)
})

test.each([
  ['a re-run (new attempt)', { ...step, runAttempt: '2' }, request],
  ['another run', { ...step, runId: '1658821494' }, request],
  ['another job', { ...step, job: 'other' }, request],
  ['another step', { ...step, action: '__run_2' }, request],
  ['another pipeline', step, { ...request, pipelineName: 'q' }],
  ['a matrix leg sending other variables', step, { ...request, variables: [{ name: 'ENV', value: 'dev' }] }],
  [
    'other source revisions',
    step,
    { ...request, sourceRevisions: [{ actionName: 'App', revisionType: 'COMMIT_ID' as const, revisionValue: 'a'.repeat(40) }] }
  ]
])('%s gets another token', (_label, otherStep, otherRequest) => {
  expect(deriveRequestToken(otherStep, otherRequest)).not.toBe(deriveRequestToken(step, request))
})

test('odd characters in the run id and a very long one still give a valid token', () => {
  const token = deriveRequestToken({ ...step, runId: `12_34/${'9'.repeat(200)}` }, request)
  expect(token).toMatch(PATTERN)
  expect(token.length).toBeLessThanOrEqual(128)
})

test('outside a workflow run: a random valid token', () => {
  const a = deriveRequestToken({}, request)
  expect(a).toMatch(PATTERN)
  expect(deriveRequestToken({}, request)).not.toBe(a)
})
