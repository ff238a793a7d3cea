// Manual approvals: PutApprovalResult with GetPipelineState's token, the model's errors, console answers,
// and a stage that fails on its first attempt only (retryOutcome), on a hand-driven clock.
import {
  ActionNotFoundException,
  ApprovalAlreadyCompletedException,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  InvalidApprovalTokenException,
  ListActionExecutionsCommand,
  PutApprovalResultCommand,
  RetryStageExecutionCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  type ApprovalStatus
} from '@aws-sdk/client-codepipeline'
import { harness, type Harness } from '../support/emulator.js'
import { buildAction, v2Pipeline } from '../support/v2-pipelines.js'

const gate = { name: 'Gate', actions: [{ name: 'Approve', category: 'Approval' as const, provider: 'Manual', durationSeconds: 600 }] }
const flakyDeploy = buildAction('Ship', 2, { outcome: 'Failed', retryOutcome: 'Succeeded', errorMessage: 'health check failed' })

let h: Harness
beforeAll(async () => {
  h = await harness({
    pipelines: [
      { ...v2Pipeline('approvals'), stages: [...v2Pipeline('approvals').stages.slice(0, 2), gate] },
      { ...v2Pipeline('approvals-parallel', {}, {}, { executionMode: 'PARALLEL' }), stages: [v2Pipeline('x').stages[0], gate] },
      v2Pipeline('flaky-deploy', {}, { actions: [flakyDeploy] })
    ]
  })
})
afterAll(() => h.emulator.close())

const start = async (name: string) => (await h.cp.send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId!
const status = async (pipelineName: string, pipelineExecutionId: string) =>
  (await h.cp.send(new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId }))).pipelineExecution!.status
const gateState = async (name: string) => {
  const state = await h.cp.send(new GetPipelineStateCommand({ name }))
  const stage = state.stageStates!.find((s) => s.stageName === 'Gate')!
  return { stage: stage.latestExecution, action: stage.actionStates![0].latestExecution! }
}
const put = (token: string, status: ApprovalStatus = 'Approved', name = 'approvals', actionName = 'Approve') =>
  h.cp.send(new PutApprovalResultCommand({ pipelineName: name, stageName: 'Gate', actionName, token, result: { status, summary: 'ok' } }))

test('PutApprovalResult with the token GetPipelineState shows approves the waiting approval, once', async () => {
  const id = await start('approvals')
  h.clock.advance(3.5) // Source 1 s, Build 2 s: the approval waits
  const waiting = await gateState('approvals')
  expect(waiting.stage).toMatchObject({ pipelineExecutionId: id, status: 'InProgress' })
  expect(waiting.action.status).toBe('InProgress')
  expect(waiting.action.token).toMatch(/^[0-9a-f-]{36}$/)
  const answer = await put(waiting.action.token!)
  expect(answer.approvedAt).toBeInstanceOf(Date)
  expect(await status('approvals', id)).toBe('Succeeded')
  const done = await gateState('approvals')
  expect(done.action).toMatchObject({ status: 'Succeeded', summary: 'ok', lastUpdatedBy: expect.stringContaining('AKIDEMULATORTEST') })
  expect(done.action.token).toBeUndefined()
  await expect(put(waiting.action.token!)).rejects.toBeInstanceOf(ApprovalAlreadyCompletedException)
  const runs = await h.cp.send(new ListActionExecutionsCommand({ pipelineName: 'approvals', filter: { pipelineExecutionId: id } }))
  expect(runs.actionExecutionDetails![0].output?.executionResult?.externalExecutionSummary).toBe('ok')
})

test('a rejection fails the execution; an unknown token or a non-approval action is refused as the model says', async () => {
  const id = await start('approvals')
  h.clock.advance(3.5)
  const { action } = await gateState('approvals')
  await expect(put('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(InvalidApprovalTokenException)
  await expect(put(action.token!, 'Approved', 'approvals', 'Nope')).rejects.toBeInstanceOf(ActionNotFoundException)
  await put(action.token!, 'Rejected')
  expect(await status('approvals', id)).toBe('Failed')
})

test('a console answer completes the approval; the token then answers ApprovalAlreadyCompleted, and the state says who', async () => {
  const id = await start('approvals')
  h.clock.advance(3.5)
  const { action } = await gateState('approvals')
  const answered = h.emulator.answerApproval({
    pipelineName: 'approvals',
    stageName: 'Gate',
    actionName: 'Approve',
    status: 'Approved',
    summary: 'LGTM',
    by: 'arn:aws:iam::123456789012:user/alice'
  })
  expect(answered).toBe(id)
  await expect(put(action.token!)).rejects.toBeInstanceOf(ApprovalAlreadyCompletedException)
  expect((await gateState('approvals')).action).toMatchObject({ summary: 'LGTM', lastUpdatedBy: 'arn:aws:iam::123456789012:user/alice' })
  expect(await status('approvals', id)).toBe('Succeeded')
})

test('an approval of a stopped execution has expired; PARALLEL mode shows no token', async () => {
  const id = await start('approvals')
  h.clock.advance(3.5)
  const { action } = await gateState('approvals')
  await h.cp.send(new StopPipelineExecutionCommand({ pipelineName: 'approvals', pipelineExecutionId: id, abandon: true }))
  await expect(put(action.token!)).rejects.toBeInstanceOf(InvalidApprovalTokenException)
  await start('approvals-parallel')
  h.clock.advance(1.5)
  expect((await gateState('approvals-parallel')).action).toMatchObject({ status: 'InProgress' })
  expect((await gateState('approvals-parallel')).action.token).toBeUndefined()
})

test('an approval nobody answers ends after its duration, answered in the console', async () => {
  const id = await start('approvals')
  h.clock.advance(3.5 + 600)
  expect(await status('approvals', id)).toBe('Succeeded')
  expect((await gateState('approvals')).action.lastUpdatedBy).toMatch(/console-approver/)
})

test('retryOutcome: a stage that fails on attempt 1 only succeeds when retried', async () => {
  const id = await start('flaky-deploy')
  h.clock.advance(5.5)
  expect(await status('flaky-deploy', id)).toBe('Failed')
  const retried = await h.cp.send(
    new RetryStageExecutionCommand({
      pipelineName: 'flaky-deploy',
      stageName: 'Deploy',
      pipelineExecutionId: id,
      retryMode: 'FAILED_ACTIONS'
    })
  )
  expect(retried.pipelineExecutionId).toBe(id)
  h.clock.advance(2.5)
  expect(await status('flaky-deploy', id)).toBe('Succeeded')
})
