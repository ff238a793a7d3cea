// input approve through dist/ against the local service: the step approves its own execution's approval (never
// an older execution's pending one, never one not listed), says so in the log and the summary, and a console
// answer that races it, or a missing permission, is a clear line rather than a failure or a silent wait.
import { GetPipelineExecutionCommand, GetPipelineStateCommand, StartPipelineExecutionCommand } from '@aws-sdk/client-codepipeline'
import { startEmulator, type Emulator, type StageSpec } from '../../emulator/index.js'
import { startGitHubApi } from '../../harness/github-api.js'
import { exampleEvent, runAction, startAction } from '../../harness/runner.js'
import { v2Pipeline } from '../../harness/scenarios.js'
import { client } from '../support/emulator.js'
import { callsFor, uniqueName, until } from '../support/e2e.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
})
afterAll(() => emulator.close())
afterEach(() => emulator.setFaults({}))

const event = exampleEvent('pull_request', 'opened')
const HEAD = event.payload.pull_request.head.sha as string
const RUN_URL = 'https://github.com/Codertocat/Hello-World/actions/runs/1658821493'
const ALICE = 'arn:aws:iam::123456789012:user/alice'

/** An approval stage; nobody answers it for `seconds`, then the console does (the local service's rule). */
const approval = (stage: string, action: string, seconds: number): StageSpec => ({
  name: stage,
  actions: [{ name: action, category: 'Approval', provider: 'Manual', durationSeconds: seconds }]
})

/** Source, Build, then the given stages. */
function pipelineWith(prefix: string, stages: StageSpec[]): string {
  const name = uniqueName(prefix)
  const base = v2Pipeline(name)
  emulator.addPipeline({ ...base, stages: [...base.stages.slice(0, 2), ...stages] })
  return name
}

const inputs = (name: string, approve: string) => ({
  'pipeline-name': name,
  approve,
  'poll-interval-min-seconds': '0.5',
  'poll-interval-max-seconds': '1'
})

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

const actionState = async (name: string, stage: string) =>
  (await client(emulator).send(new GetPipelineStateCommand({ name }))).stageStates!.find((s) => s.stageName === stage)!.actionStates![0]
    .latestExecution

test("approves its own execution's approval, not an older execution's pending one, and the summary names the run", async () => {
  const name = pipelineWith('approve-own', [approval('Gate', 'Approve', 20)])
  // An older execution, started by someone else, waits at Gate with its own token.
  const olderId = (await client(emulator).send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId!
  const olderToken = await pollToken(name)
  const running = startAction({ endpoint: emulator.url, event, inputs: inputs(name, 'Gate.Approve') })
  await running.waitForLine(/Queued before stage Gate/, 30_000)
  // Someone answers the older one in the console; ours then reaches Gate, and the step answers it.
  emulator.answerApproval({ pipelineName: name, stageName: 'Gate', actionName: 'Approve', status: 'Approved', summary: 'ok', by: ALICE })
  const result = await running.done
  const ours = result.outputs['pipeline-execution-id']
  expect(ours).not.toBe(olderId)
  const puts = callsFor(emulator, name, 'PutApprovalResult')
  expect(puts).toHaveLength(1)
  expect(puts[0].body.token).not.toBe(olderToken)
  expect(puts[0].body.result).toMatchObject({ status: 'Approved', summary: expect.stringContaining(RUN_URL) })
  expect(result.stdout).toMatch(new RegExp(`Approved Gate\\.Approve of execution ${ours} at \\d{4}-\\d\\d-\\d\\dT`))
  const summary = text(result.summary)
  expect(summary).toContain(`Approvals Approved Gate.Approve of execution ${ours}`)
  expect(summary).toContain(RUN_URL)
  expect(summary).toContain('by octocat')
  expect(summary).toContain(`commit ${HEAD}`)
  expect((await actionState(name, 'Gate'))?.lastUpdatedBy).not.toBe(ALICE)
  expect(result.outputs.status).toBe('Succeeded')
  expect(result.code).toBe(0)
}, 90_000)

async function pollToken(name: string): Promise<string> {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const token = (await actionState(name, 'Gate'))?.token
    if (token) return token
  }
  throw new Error('the older execution never reached Gate')
}

test('an approval not listed is not answered: the step waits and explains the wait', async () => {
  const name = pipelineWith('approve-unlisted', [approval('Gate', 'Approve', 20), approval('Prod', 'Signoff', 3)])
  const result = await runAction({ endpoint: emulator.url, event, inputs: inputs(name, 'Gate.Approve') })
  const puts = callsFor(emulator, name, 'PutApprovalResult')
  expect(puts.map((p) => `${p.body.stageName}.${p.body.actionName}`)).toEqual(['Gate.Approve'])
  expect(result.stdout).toMatch(/Prod \/ Signoff is waiting for a manual approval/)
  expect((await actionState(name, 'Prod'))?.lastUpdatedBy).toMatch(/console-approver/)
  expect(text(result.summary)).not.toContain('Approved Prod.Signoff')
  expect(result.code).toBe(0)
}, 90_000)

test("a console answer races the step's: one clear line naming who answered, and the step goes on to the verdict", async () => {
  const name = pipelineWith('approve-race', [approval('Gate', 'Approve', 60)])
  // The step's PutApprovalResult is held 1.5 s on the way; the console answers meanwhile.
  emulator.setFaults({ rules: [{ operation: 'PutApprovalResult', kind: 'slow', delayMs: 1500 }] })
  const running = startAction({ endpoint: emulator.url, event, inputs: inputs(name, 'Approve') })
  await until(() => (callsFor(emulator, name, 'PutApprovalResult').length > 0 ? true : undefined), 30_000)
  emulator.answerApproval({
    pipelineName: name,
    stageName: 'Gate',
    actionName: 'Approve',
    status: 'Approved',
    summary: 'LGTM, shipping it\n::error::injected <b>bold</b>',
    by: ALICE
  })
  const result = await running.done
  const ours = result.outputs['pipeline-execution-id']
  expect(callsFor(emulator, name, 'PutApprovalResult')[0].errorType).toBe('ApprovalAlreadyCompletedException')
  expect(result.stdout).toContain(`Gate.Approve of execution ${ours} was already answered by ${ALICE} (approved): "LGTM, shipping it`)
  // The comment is the approver's text: it can neither command the runner nor add markup to the summary.
  expect(result.stdout).not.toMatch(/^::error::injected/m)
  expect(result.summary).not.toContain('<b>bold</b>')
  expect(result.errors).toEqual([])
  expect(result.warnings).toEqual([])
  expect(text(result.summary)).toContain('was already answered by')
  expect(result.code).toBe(0)
}, 90_000)

test('without codepipeline:PutApprovalResult: a warning naming the permission, and the approval waits for the console', async () => {
  const name = pipelineWith('approve-denied', [approval('Gate', 'Approve', 3)])
  emulator.setFaults({ rules: [{ operation: 'PutApprovalResult', kind: 'accessDenied' }] })
  const result = await runAction({ endpoint: emulator.url, event, inputs: inputs(name, 'Gate.Approve') })
  expect(result.warnings).toHaveLength(1)
  expect(result.warnings[0]).toContain('codepipeline:PutApprovalResult')
  expect(result.warnings[0]).toContain('The approval waits for an answer in the console.')
  expect(callsFor(emulator, name, 'PutApprovalResult')).toHaveLength(1)
  expect(result.code).toBe(0)
}, 90_000)

test("PARALLEL mode: the token is the approval run's externalExecutionId, and only this step's execution is approved", async () => {
  const name = uniqueName('approve-parallel')
  const base = v2Pipeline(name, {}, {}, { executionMode: 'PARALLEL' })
  emulator.addPipeline({ ...base, stages: [...base.stages.slice(0, 2), approval('Gate', 'Approve', 20)] })
  // Another execution waits at the same approval side by side.
  const other = (await client(emulator).send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId!
  const result = await runAction({ endpoint: emulator.url, event, inputs: inputs(name, 'Gate.Approve') })
  const ours = result.outputs['pipeline-execution-id']
  const puts = callsFor(emulator, name, 'PutApprovalResult')
  expect(puts).toHaveLength(1)
  expect(puts[0].status).toBe(200)
  expect(result.stdout).toContain(`Approved Gate.Approve of execution ${ours}`)
  expect(result.code).toBe(0)
  const theirs = await client(emulator).send(new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: other }))
  expect(theirs.pipelineExecution?.status).toBe('InProgress')
}, 90_000)

test('the check run says which approvals the step answered, and when', async () => {
  const github = await startGitHubApi()
  try {
    const name = pipelineWith('approve-check', [approval('Gate', 'Approve', 20)])
    const result = await runAction({
      endpoint: emulator.url,
      event,
      inputs: { ...inputs(name, 'Gate.Approve'), 'github-token': 'ghs_' + 'a'.repeat(36), 'check-run': 'true' },
      env: { GITHUB_API_URL: github.url }
    })
    const ours = result.outputs['pipeline-execution-id']
    const record = [...github.checkRuns.values()].find((r) => r.name === `CodePipeline / ${name}`)
    expect(record?.conclusion).toBe('success')
    expect(text(record?.output.summary ?? '')).toMatch(new RegExp(`Approvals Approved Gate\\.Approve of execution ${ours} at \\d{4}-`))
    expect(result.code).toBe(0)
  } finally {
    await github.close()
  }
}, 90_000)
