// V2 explanations as pure functions: why an execution waits, variables against the declaration, a rule failure.
import type { ActionRun, StageView } from '../../src/codepipeline/port.js'
import { checkVariables } from '../../src/codepipeline/variables.js'
import { diagnose } from '../../src/report/diagnosis.js'
import { explainWait } from '../../src/report/waits.js'

const ID = 'e0000000-0000-4000-8000-000000000000'
const OTHER = 'e1111111-1111-4111-8111-111111111111'
const stage = (name: string, extra: Partial<StageView> = {}): StageView => ({ name, inbound: [], transition: { enabled: true }, ...extra })
const run = (stageName: string, actionName: string, status: string, id = `${stageName}/${actionName}`): ActionRun => ({
  actionExecutionId: id,
  stageName,
  actionName,
  status,
  startTime: 1
})

describe('explainWait', () => {
  test('an entry condition: the stage and the rules it checks, with their links', () => {
    const entry = { status: 'InProgress', rules: [{ name: 'Window', status: 'InProgress', url: 'https://x/Window' }] }
    const why = explainWait([stage('Build', { latest: { executionId: ID, status: 'InProgress' }, entry })], ID, [])
    expect(why).toEqual({ text: 'Stage Build waits for its entry condition: rule Window: https://x/Window', long: true })
  })

  test('a success condition: baking after the actions are done', () => {
    const success = { status: 'InProgress', rules: [{ name: 'Bake', status: 'InProgress', summary: 'watching' }] }
    const why = explainWait([stage('Deploy', { latest: { executionId: ID, status: 'InProgress' }, success })], ID, [])
    expect(why?.text).toBe("Stage Deploy's actions are done; its success condition is baking: rule Bake (watching)")
  })

  test('a failed stage while the execution goes on: the automatic retry, with the attempt', () => {
    const why = explainWait([stage('Build', { latest: { executionId: ID, status: 'Failed' } })], ID, [run('Build', 'Compile', 'Failed')])
    expect(why).toEqual({ text: 'Build / Compile failed, attempt 1 of 2; CodePipeline retries the stage', long: false })
  })

  test('queued: how many are ahead, counting the one in the stage; a disabled transition wins, with its reason', () => {
    const queued = stage('Build', { latest: { executionId: OTHER, status: 'InProgress' }, inbound: ['x', ID] })
    expect(explainWait([queued], ID, [])).toEqual({
      text: `Queued before stage Build behind 2 executions (execution ${OTHER} is in it)`,
      long: false // the queue moves (or a newer execution supersedes this one) at any moment: the usual pace
    })
    const held = { ...queued, transition: { enabled: false, reason: 'Freeze' } }
    expect(explainWait([held], ID, [])?.text).toMatch(/^Waiting before stage Build: its inbound transition is disabled \(reason: Freeze\)/)
  })

  test("another execution's condition is not ours to explain", () => {
    const entry = { status: 'InProgress', rules: [] }
    expect(explainWait([stage('Build', { latest: { executionId: OTHER, status: 'InProgress' }, entry })], ID, [])).toBeUndefined()
  })
})

describe('checkVariables (when discovery read the declaration)', () => {
  const v2 = {
    name: 'p',
    roleArn: 'arn:aws:iam::1:role/r',
    pipelineType: 'V2' as const,
    variables: [{ name: 'ENV' }, { name: 'REGION' }],
    stages: []
  }
  test('declared ones pass; an undeclared one is named with the declared ones', () => {
    expect(() => checkVariables([{ name: 'ENV', value: 'x' }], v2)).not.toThrow()
    expect(() => checkVariables([{ name: 'PR_NUMBER', value: '1' }], v2)).toThrow(
      'variables: PR_NUMBER is not declared in pipeline p (it declares ENV, REGION); declare it in the pipeline (variables section) or remove it from the variables input.'
    )
  })
  test('a V1 pipeline given variables: one sentence saying they need V2', () => {
    expect(() => checkVariables([{ name: 'ENV', value: 'x' }], { ...v2, pipelineType: 'V1' })).toThrow(
      /is a V1 pipeline, and pipeline variables need a V2 pipeline/
    )
  })
  test('without a declaration (no discovery) nothing is checked', () => {
    expect(() => checkVariables([{ name: 'X', value: '1' }], undefined)).not.toThrow()
  })
})

test('a rule that failed the stage is named like a failed action; a rollback is added, and the step still fails', () => {
  const d = diagnose({
    pipelineName: 'p',
    executionId: ID,
    state: { status: 'Failed' },
    runs: [run('Source', 'Src', 'Succeeded')],
    consoleUrl: 'https://console',
    commitId: 'abc',
    allowSuperseded: false,
    failedRule: {
      stageName: 'Deploy',
      ruleName: 'Bake',
      status: 'Failed',
      provider: 'CloudWatchAlarm',
      errorMessage: 'in ALARM',
      url: 'https://alarm'
    },
    rollback: { executionId: OTHER, targetId: 'good', commit: 'f'.repeat(40), status: 'Succeeded' }
  })
  expect(d.passed).toBe(false)
  expect(d.annotation?.title).toBe('p: Deploy / rule Bake failed')
  expect(d.annotation?.message).toBe(
    `Rule Bake (CloudWatchAlarm) of stage Deploy failed: in ALARM\nDetails: https://alarm\nCodePipeline rolled back to execution good (revision ffffffffffff) in execution ${OTHER} (Succeeded); the commit did not pass.`
  )
})
