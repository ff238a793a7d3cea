// Every bad input, through dist/: one line that names the input and the fix, exit 1, and not a single
// request to the service. Then the setups that are wrong outside the inputs, each one clear sentence.
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { exampleEvent, runAction } from '../../harness/runner.js'
import { BAD_INPUTS } from '../support/bad-inputs.js'
import { callsFor, operations, uniqueName } from '../support/e2e.js'
import { shortPipeline } from '../support/pipelines.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
})
afterAll(async () => emulator.close())

const STACK_LINE = /\n\s+at .*:\d+/

test(`the table has at least 20 bad inputs, covering every input that has a malformed shape`, () => {
  expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(20)
  const covered = new Set(BAD_INPUTS.flatMap(([, inputs]) => Object.keys(inputs)))
  for (const input of [
    'pipeline-name',
    'variables',
    'commit-id',
    'source-action',
    'source-revisions',
    'pin-commit',
    'wait',
    'stop-on-cancel',
    'abandon-on-cancel',
    'allow-superseded',
    'aws-region',
    'wait-timeout-minutes',
    'stop-on-timeout',
    'outage-tolerance-minutes',
    'start-retry-minutes',
    'client-request-token'
  ]) {
    expect({ input, covered: covered.has(input) }).toEqual({ input, covered: true })
  }
})

test.concurrent.each(BAD_INPUTS)('%s: one line naming the input, before any AWS call', async (_label, inputs, message) => {
  const pipelineName = uniqueName('bad')
  const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': pipelineName, ...inputs } })
  expect(result.code).toBe(1)
  expect(result.errors).toHaveLength(1)
  expect(result.errors[0]).toMatch(message)
  expect(result.errors[0]).not.toContain('\n')
  expect(result.stdout + result.stderr).not.toMatch(STACK_LINE)
  // Nothing reached the service for this run (each run has its own pipeline name; a bad name reaches nothing either).
  expect(callsFor(emulator, inputs['pipeline-name'] ?? pipelineName)).toEqual([])
})

test('no bad input above made any request at all', () => {
  expect(emulator.requests()).toEqual([])
})

describe('wrong setups: one clear sentence each', () => {
  test('a source-action the pipeline does not have', async () => {
    const name = uniqueName('nosource')
    emulator.addPipeline(shortPipeline({ name }))
    const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, 'source-action': 'Missing' } })
    expect(result.code).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toBe(
      `Input source-action 'Missing' is not a source action of pipeline '${name}'; set it to one of: App (CodeStarSourceConnection, Codertocat/Hello-World).`
    )
    expect(result.errors[0]).not.toContain('\n')
    expect(operations(callsFor(emulator, name))).not.toContain('GetPipelineExecution')
  })

  test('a pull request from a fork, where GitHub gives no secrets: says so', async () => {
    const event = exampleEvent('pull_request', 'opened')
    event.payload.pull_request.head.repo = { ...event.payload.pull_request.base.repo, full_name: 'fork-owner/Hello-World' }
    const result = await runAction({
      endpoint: emulator.url,
      event,
      inputs: { 'pipeline-name': 'any', 'source-action': 'App' },
      env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: undefined }
    })
    expect(result.code).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^No AWS credentials: this pull request comes from the fork fork-owner\/Hello-World, and GitHub gives workflows of pull requests from forks no secrets and no OIDC token/
      )
    ])
    expect(callsFor(emulator, 'any')).toEqual([])
  })
})
