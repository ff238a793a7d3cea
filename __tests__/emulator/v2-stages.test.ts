// The V2 model: stage conditions and rules, stage retries, rollbacks and transitions, on a hand-driven clock.
import {
  ConditionNotOverridableException,
  OverrideStageConditionCommand,
  DisableStageTransitionCommand,
  EnableStageTransitionCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  ListRuleExecutionsCommand,
  NotLatestPipelineExecutionException,
  RetryStageExecutionCommand,
  RollbackStageCommand,
  StageNotRetryableException,
  StartPipelineExecutionCommand
} from '@aws-sdk/client-codepipeline'
import { harness, type Harness } from '../support/emulator.js'
import { buildAction, rule, v2Pipeline } from '../support/v2-pipelines.js'

const flaky = buildAction('Compile', 2, { outcome: 'Failed', retryOutcome: 'Succeeded', errorMessage: 'flaky test' })
const broken = buildAction('Compile', 2, { outcome: 'Failed', errorMessage: 'compile error' })

let h: Harness
beforeAll(async () => {
  h = await harness({
    pipelines: [
      v2Pipeline('entry-pass', { beforeEntry: { conditions: [{ rules: [rule('Window', 'DeploymentWindow', 5)] }] } }),
      v2Pipeline('entry-fail', { beforeEntry: { conditions: [{ rules: [rule('ProdAlarm', 'CloudWatchAlarm', 3, true)] }] } }),
      v2Pipeline('entry-skip', { beforeEntry: { conditions: [{ result: 'SKIP', rules: [rule('OnlyMain', 'VariableCheck', 1, true)] }] } }),
      v2Pipeline('bake', {}, { onSuccess: { conditions: [{ rules: [rule('Bake', 'CloudWatchAlarm', 10, true)] }] } }),
      v2Pipeline('auto-retry', { actions: [flaky], onFailure: { result: 'RETRY' } }),
      v2Pipeline('retry-fails', { actions: [broken], onFailure: { result: 'RETRY', retryMode: 'ALL_ACTIONS' } }),
      v2Pipeline('manual-retry', { actions: [flaky] }, {}, { executionMode: 'PARALLEL' }),
      v2Pipeline('gated', {}, { disabledTransition: { reason: 'Change freeze until Monday' } }, { executionMode: 'QUEUED' }),
      v2Pipeline('rollback', {}, {}, { executionMode: 'QUEUED' })
    ]
  })
})
afterAll(() => h.emulator.close())

const start = async (name: string) => (await h.cp.send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId!
const execution = async (pipelineName: string, pipelineExecutionId: string) =>
  (await h.cp.send(new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId }))).pipelineExecution!
const stage = async (name: string, stageName: string) =>
  (await h.cp.send(new GetPipelineStateCommand({ name }))).stageStates!.find((s) => s.stageName === stageName)!
const actions = async (pipelineName: string, pipelineExecutionId: string) =>
  (await h.cp.send(new ListActionExecutionsCommand({ pipelineName, filter: { pipelineExecutionId } })))
    .actionExecutionDetails!.map((a) => `${a.actionName}:${a.status}`)
    .reverse()
const rules = async (pipelineName: string, pipelineExecutionId: string) =>
  (await h.cp.send(new ListRuleExecutionsCommand({ pipelineName, filter: { pipelineExecutionId } }))).ruleExecutionDetails!

test('an entry condition holds the stage, with no action executions, until its rule passes', async () => {
  const id = await start('entry-pass')
  h.clock.advance(2) // Source done at 1 s; the Window rule checks until 6 s
  const build = await stage('entry-pass', 'Build')
  expect(build.latestExecution).toMatchObject({ pipelineExecutionId: id, status: 'InProgress' })
  expect(build.beforeEntryConditionState?.latestExecution?.status).toBe('InProgress')
  expect(build.beforeEntryConditionState?.conditionStates?.[0]?.ruleStates?.[0]).toMatchObject({
    ruleName: 'Window',
    latestExecution: { status: 'InProgress' }
  })
  expect(await actions('entry-pass', id)).toEqual(['Source:Succeeded'])
  expect((await rules('entry-pass', id))[0]).toMatchObject({ ruleName: 'Window', stageName: 'Build', status: 'InProgress' })
  h.clock.advance(4)
  expect(await actions('entry-pass', id)).toEqual(['Source:Succeeded', 'Compile:InProgress'])
  h.clock.advance(10)
  expect((await execution('entry-pass', id)).status).toBe('Succeeded')
})

test('OverrideStageCondition: the running entry condition is Overridden and the stage goes on; not twice', async () => {
  const id = await start('entry-pass')
  h.clock.advance(2)
  const override = { pipelineName: 'entry-pass', stageName: 'Build', pipelineExecutionId: id, conditionType: 'BEFORE_ENTRY' as const }
  await h.cp.send(new OverrideStageConditionCommand(override))
  const build = await stage('entry-pass', 'Build')
  expect(build.beforeEntryConditionState?.latestExecution?.status).toBe('Overridden')
  expect(await actions('entry-pass', id)).toEqual(['Source:Succeeded', 'Compile:InProgress'])
  await expect(h.cp.send(new OverrideStageConditionCommand(override))).rejects.toBeInstanceOf(ConditionNotOverridableException)
  h.clock.advance(10)
  expect((await execution('entry-pass', id)).status).toBe('Succeeded')
})

test('an entry condition whose rule fails fails the stage (result FAIL), naming the rule', async () => {
  const id = await start('entry-fail')
  h.clock.advance(5)
  const e = await execution('entry-fail', id)
  expect(e.status).toBe('Failed')
  expect(e.statusSummary).toContain("Rule 'ProdAlarm'")
  expect((await rules('entry-fail', id))[0]).toMatchObject({
    status: 'Failed',
    output: { executionResult: { errorDetails: { message: expect.stringContaining('ProdAlarm is in ALARM') } } }
  })
  expect(await actions('entry-fail', id)).toEqual(['Source:Succeeded'])
})

test('result SKIP: the stage is Skipped and the next stage runs', async () => {
  const id = await start('entry-skip')
  h.clock.advance(20)
  expect((await execution('entry-skip', id)).status).toBe('Succeeded')
  expect((await stage('entry-skip', 'Build')).latestExecution?.status).toBe('Skipped')
  expect(await actions('entry-skip', id)).toEqual(['Source:Succeeded', 'Ship:Succeeded'])
})

test('a success condition bakes after the actions succeed; its alarm rolls the stage back to the last good execution', async () => {
  const id = await start('bake')
  h.clock.advance(6) // Deploy's Ship done at 5 s: baking until 15 s
  expect(await actions('bake', id)).toContain('Ship:Succeeded')
  const deploy = await stage('bake', 'Deploy')
  expect(deploy.latestExecution?.status).toBe('InProgress')
  expect(deploy.onSuccessConditionState?.latestExecution?.status).toBe('InProgress')
  h.clock.advance(10)
  const e = await execution('bake', id)
  expect(e.status).toBe('Failed')
  expect(e.statusSummary).toContain("Rule 'Bake'")
  // No earlier execution succeeded in Deploy: nothing to roll back to.
  const { pipelineExecutionSummaries } = await h.cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'bake' }))
  expect(pipelineExecutionSummaries).toHaveLength(1)
})

test('automatic retry: the execution stays InProgress, the retried action is a new action execution, then Succeeded', async () => {
  const id = await start('auto-retry')
  h.clock.advance(3.5) // Compile failed at 3 s; the retry starts 2 s later
  expect((await execution('auto-retry', id)).status).toBe('InProgress')
  expect((await stage('auto-retry', 'Build')).latestExecution?.status).toBe('Failed')
  h.clock.advance(2)
  const build = await stage('auto-retry', 'Build')
  expect(build.retryStageMetadata).toEqual({ autoStageRetryAttempt: 1, latestRetryTrigger: 'AutomatedStageRetry' })
  expect(await actions('auto-retry', id)).toEqual(['Source:Succeeded', 'Compile:Failed', 'Compile:InProgress'])
  h.clock.advance(10)
  expect((await execution('auto-retry', id)).status).toBe('Succeeded')
})

test('automatic retry is attempted once: a second failure fails the execution', async () => {
  const id = await start('retry-fails')
  h.clock.advance(20)
  expect((await execution('retry-fails', id)).status).toBe('Failed')
  expect(await actions('retry-fails', id)).toEqual(['Source:Succeeded', 'Compile:Failed', 'Compile:Failed'])
})

test('manual retry: RetryStageExecution runs the failed actions again under the same execution id', async () => {
  const id = await start('manual-retry')
  h.clock.advance(5)
  expect((await execution('manual-retry', id)).status).toBe('Failed')
  const retry = { pipelineName: 'manual-retry', stageName: 'Build', pipelineExecutionId: id, retryMode: 'FAILED_ACTIONS' as const }
  await expect(h.cp.send(new RetryStageExecutionCommand({ ...retry, stageName: 'Deploy' }))).rejects.toBeInstanceOf(
    StageNotRetryableException
  )
  expect((await h.cp.send(new RetryStageExecutionCommand(retry))).pipelineExecutionId).toBe(id)
  expect((await execution('manual-retry', id)).status).toBe('InProgress')
  expect((await stage('manual-retry', 'Build')).retryStageMetadata).toEqual({
    manualStageRetryAttempt: 1,
    latestRetryTrigger: 'ManualStageRetry'
  })
  h.clock.advance(10)
  expect((await execution('manual-retry', id)).status).toBe('Succeeded')
  expect(await actions('manual-retry', id)).toEqual(['Source:Succeeded', 'Compile:Failed', 'Compile:Succeeded', 'Ship:Succeeded'])
  const older = await start('manual-retry')
  h.clock.advance(5)
  const newer = await start('manual-retry')
  h.clock.advance(5)
  await expect(h.cp.send(new RetryStageExecutionCommand({ ...retry, pipelineExecutionId: older }))).rejects.toBeInstanceOf(
    NotLatestPipelineExecutionException
  )
  expect((await execution('manual-retry', newer)).status).toBe('Failed')
})

test('a disabled transition holds every execution before the stage, with its reason, until it is enabled', async () => {
  const a = await start('gated')
  const b = await start('gated')
  h.clock.advance(10)
  const deploy = await stage('gated', 'Deploy')
  expect(deploy.inboundTransitionState).toMatchObject({ enabled: false, disabledReason: 'Change freeze until Monday' })
  expect(deploy.inboundExecutions?.map((e) => e.pipelineExecutionId)).toEqual([a, b])
  expect((await execution('gated', a)).status).toBe('InProgress')
  await h.cp.send(new EnableStageTransitionCommand({ pipelineName: 'gated', stageName: 'Deploy', transitionType: 'Inbound' }))
  expect((await stage('gated', 'Deploy')).inboundTransitionState).toMatchObject({ enabled: true })
  h.clock.advance(10)
  for (const id of [a, b]) expect((await execution('gated', id)).status).toBe('Succeeded')
  await h.cp.send(
    new DisableStageTransitionCommand({ pipelineName: 'gated', stageName: 'Build', transitionType: 'Outbound', reason: 'Hold (again)' })
  )
  expect((await stage('gated', 'Deploy')).inboundTransitionState).toMatchObject({ enabled: false, disabledReason: 'Hold (again)' })
})

test('RollbackStage starts a ROLLBACK execution that redeploys the target in that stage only', async () => {
  const good = await start('rollback')
  h.clock.advance(10)
  const { pipelineExecutionId } = await h.cp.send(
    new RollbackStageCommand({ pipelineName: 'rollback', stageName: 'Deploy', targetPipelineExecutionId: good })
  )
  const r = await execution('rollback', pipelineExecutionId!)
  expect(r).toMatchObject({
    executionType: 'ROLLBACK',
    trigger: { triggerType: 'ManualRollback' },
    rollbackMetadata: { rollbackTargetPipelineExecutionId: good },
    artifactRevisions: (await execution('rollback', good)).artifactRevisions
  })
  h.clock.advance(5)
  expect((await execution('rollback', pipelineExecutionId!)).status).toBe('Succeeded')
  expect(await actions('rollback', pipelineExecutionId!)).toEqual(['Ship:Succeeded'])
})

test('automatic rollback: a failure with onFailure ROLLBACK starts an AutomatedRollback execution to the last good one', async () => {
  h.emulator.addPipeline(
    v2Pipeline(
      'auto-rollback',
      {},
      { actions: [buildAction('Ship', 2, { outcome: 'Failed', errorMessage: 'deploy broke' })], onFailure: { result: 'ROLLBACK' } },
      {
        history: [{ status: 'Succeeded', durationSeconds: 60, startedSecondsAgo: 3600, revision: 'f'.repeat(40) }]
      }
    )
  )
  const id = await start('auto-rollback')
  h.clock.advance(10)
  expect((await execution('auto-rollback', id)).status).toBe('Failed')
  const { pipelineExecutionSummaries } = await h.cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'auto-rollback' }))
  const [rollback, failed, good] = pipelineExecutionSummaries!
  expect(failed?.pipelineExecutionId).toBe(id)
  expect(rollback).toMatchObject({
    executionType: 'ROLLBACK',
    trigger: { triggerType: 'AutomatedRollback' },
    rollbackMetadata: { rollbackTargetPipelineExecutionId: good?.pipelineExecutionId },
    sourceRevisions: [expect.objectContaining({ revisionId: 'f'.repeat(40) })]
  })
  h.clock.advance(5)
  expect((await execution('auto-rollback', rollback.pipelineExecutionId!)).status).toBe('Succeeded')
})
