import type { ActionRun } from '../../src/codepipeline/port.js'
import { diagnose, type EndedExecution } from '../../src/report/diagnosis.js'

const ID = 'e-1'
const URL = 'https://console/e-1'
const failed: ActionRun = {
  actionExecutionId: 'a',
  stageName: 'Build',
  actionName: 'Compile',
  status: 'Failed',
  provider: 'CodeBuild',
  errorMessage: 'npm test exited with 1',
  externalUrl: 'https://logs',
  startTime: 1,
  lastUpdateTime: 2
}

function ending(overrides: Partial<EndedExecution> = {}): EndedExecution {
  return {
    pipelineName: 'p',
    executionId: ID,
    state: { status: 'Failed' },
    runs: [failed],
    consoleUrl: URL,
    commitId: 'abcdef0123'.repeat(4),
    allowSuperseded: false,
    ...overrides
  }
}

test('Succeeded passes, silently', () => {
  expect(diagnose(ending({ state: { status: 'Succeeded' } }))).toEqual({ passed: true })
})

test('Failed: stage, action, provider message and link, in the one sentence that is the annotation', () => {
  const sentence = `Pipeline p execution ${ID} failed in stage Build, action Compile: npm test exited with 1 (https://logs).`
  expect(diagnose(ending())).toEqual({
    passed: false,
    annotation: { level: 'error', title: 'p: Build / Compile failed', message: sentence },
    sentence
  })
})

test('Failed with only a summary and no link: the summary and the console', () => {
  const run = { ...failed, errorMessage: undefined, externalUrl: undefined, summary: 'Deployment failed' }
  expect(diagnose(ending({ runs: [run] })).sentence).toBe(
    `Pipeline p execution ${ID} failed in stage Build, action Compile: Deployment failed (${URL}).`
  )
})

test('Failed without a failed action: the status summary', () => {
  expect(diagnose(ending({ runs: [], state: { status: 'Failed', statusSummary: 'Role missing' } })).sentence).toBe(
    `Pipeline p execution ${ID} failed: Role missing (${URL}).`
  )
})

test.each([
  ['Stopped', /was stopped before it finished \(by ops\), so commit abcdef0 did not go through the whole pipeline; re-run/],
  [
    'Cancelled',
    /definition was updated while it ran, so CodePipeline cancelled it and commit abcdef0 did not go through the whole pipeline/
  ],
  [
    'Superseded',
    /a newer execution overtook it, so commit abcdef0 did not go through the rest of the pipeline .*set allow-superseded: true/
  ]
])('%s: what it means for this commit', (status, meaning) => {
  const d = diagnose(ending({ state: { status, statusSummary: 'by ops' } }))
  expect(d.passed).toBe(false)
  expect(d.annotation).toMatchObject({ level: 'error', title: `p ${status}`, message: expect.stringMatching(meaning) })
  expect(d.sentence).toMatch(new RegExp(`^Pipeline p execution ${ID} ended ${status}: .*\\(${URL}\\)\\.$`))
})

test('Superseded with allow-superseded passes, with a notice', () => {
  const d = diagnose(ending({ state: { status: 'Superseded' }, allowSuperseded: true }))
  expect(d.passed).toBe(true)
  expect(d.annotation?.level).toBe('notice')
  expect(d.annotation?.message).toContain('allow-superseded is true, so the step passes')
})

test('not pinned: the latest revision', () => {
  expect(diagnose(ending({ commitId: '', state: { status: 'Stopped' } })).sentence).toContain(
    "the source's latest revision did not go through"
  )
})
