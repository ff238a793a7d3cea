// The approver: which approvals it answers (listed, ours, shown with our run), with what, and what a refusal says.
import type { ActionRun, ApprovalRequest, StageView } from '../../src/codepipeline/port.js'
import { approvalSummary, Approver, checkApprovals, listed, tokenFor } from '../../src/execution/approve.js'
import { describeExecution } from '../../src/execution/execution.js'
import { readApprove, readOnRerun } from '../../src/inputs/steps.js'
import { awsError, FakeClock, FakeLog } from '../support/fakes.js'

const OURS = '11111111-2222-4333-8444-555555555555'
const OLDER = '99999999-2222-4333-8444-555555555555'
const TOKEN = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'

const run = (over: Partial<ActionRun> = {}): ActionRun => ({
  actionExecutionId: 'run-1',
  stageName: 'Gate',
  actionName: 'Approve',
  status: 'InProgress',
  category: 'Approval',
  startTime: 1,
  ...over
})

const gate = (executionId: string, action: Partial<NonNullable<StageView['actions']>[number]> = {}): StageView[] => [
  {
    name: 'Gate',
    latest: { executionId, status: 'InProgress' },
    inbound: [],
    transition: { enabled: true },
    actions: [{ name: 'Approve', actionExecutionId: 'run-1', status: 'InProgress', token: TOKEN, ...action }]
  }
]

describe('which approvals', () => {
  test('Stage.Action or Action names it; another stage of the same action name does not', () => {
    expect(listed(['Gate.Approve'], run())).toBe(true)
    expect(listed(['Approve'], run())).toBe(true)
    expect(listed(['Prod.Approve'], run())).toBe(false)
    expect(listed(['Gate'], run())).toBe(false)
  })

  test("the token only when the stage's latest execution is ours and the action's run is ours", () => {
    expect(tokenFor(gate(OURS), OURS, run())).toBe(TOKEN)
    expect(tokenFor(gate(OLDER), OURS, run())).toBeUndefined()
    expect(tokenFor(gate(OURS, { actionExecutionId: 'older-run' }), OURS, run())).toBeUndefined()
    expect(tokenFor(gate(OURS, { status: 'Succeeded' }), OURS, run())).toBeUndefined()
    expect(tokenFor(gate(OURS, { token: undefined }), OURS, run())).toBeUndefined()
  })

  test('the summary names the run, the actor and the commit, within 512 characters', () => {
    const s = approvalSummary({ approve: [], runUrl: 'https://github.com/o/r/actions/runs/1', actor: 'octocat', commitId: 'abc' })
    expect(s).toBe('Approved from GitHub Actions by octocat for commit abc: https://github.com/o/r/actions/runs/1')
    expect(approvalSummary({ approve: [], runUrl: 'x'.repeat(600) })).toHaveLength(512)
  })
})

function approver(views: (StageView[] | undefined)[], put: (r: ApprovalRequest) => Promise<void>) {
  const log = new FakeLog()
  const requests: ApprovalRequest[] = []
  const reads: string[] = []
  const deps = {
    port: { putApprovalResult: (r: ApprovalRequest) => (requests.push(r), put(r)) },
    log,
    clock: new FakeClock(),
    stageViews: () => (reads.push('state'), Promise.resolve(views.length > 1 ? views.shift() : views[0]))
  }
  const execution = describeExecution({ pipelineName: 'p', region: 'us-east-1' }, OURS, 'started')
  const a = new Approver(deps, execution, { approve: ['Gate.Approve'], runUrl: 'https://github.com/o/r/actions/runs/1' })
  return { a, log, requests, reads }
}

describe('answering', () => {
  test('approves once, and reads the state only while a listed approval of ours waits', async () => {
    const { a, requests, reads } = approver([gate(OURS)], () => Promise.resolve())
    await a.afterProgress([run({ stageName: 'Build', actionName: 'Compile', category: 'Build' })])
    expect(reads).toEqual([])
    await a.afterProgress([run()])
    await a.afterProgress([run()])
    expect(requests).toEqual([expect.objectContaining({ stageName: 'Gate', actionName: 'Approve', token: TOKEN })])
    expect(a.told).toEqual([expect.stringMatching(/^Approved Gate\.Approve of execution 1111.* at \d{4}-/)])
    expect(a.approvedAll([run()])).toBe(true)
  })

  test("another execution's approval shown in the stage is never answered; ours is, once the state shows it", async () => {
    const { a, requests } = approver([gate(OLDER), gate(OURS)], () => Promise.resolve())
    await a.afterProgress([run()])
    expect(requests).toEqual([])
    await a.afterProgress([run()])
    expect(requests).toHaveLength(1)
  })

  test('answered elsewhere: one line saying who and what, not a warning', async () => {
    const answered = gate(OURS, { status: 'Failed', token: undefined, lastUpdatedBy: 'arn:aws:iam::1:user/bob', summary: 'not today' })
    const { a, log } = approver([gate(OURS), answered], () => Promise.reject(awsError('ApprovalAlreadyCompletedException')))
    await a.afterProgress([run()])
    expect(log.lines.filter((l) => l.startsWith('warning'))).toEqual([])
    expect(a.told).toEqual([
      `Gate.Approve of execution ${OURS} was already answered by arn:aws:iam::1:user/bob (rejected): "not today"; the step did not answer it, and goes on following.`
    ])
    expect(a.approvedAll([run()])).toBe(false)
  })

  test('a transient failure is tried again at the next poll', async () => {
    let fail = true
    const { a, requests } = approver([gate(OURS)], () =>
      fail ? ((fail = false), Promise.reject(awsError('ThrottlingException'))) : Promise.resolve()
    )
    await a.afterProgress([run()])
    await a.afterProgress([run()])
    expect(requests).toHaveLength(2)
    expect(a.told).toHaveLength(1)
  })
})

describe('inputs', () => {
  const reader = (values: Record<string, string>) => (name: string) => values[name] ?? ''
  test('approve: one entry per line; a bad name, or approve without wait, is one sentence', () => {
    expect(readApprove(reader({ approve: ' Gate.Approve \n\nRelease\n' }), true)).toEqual(['Gate.Approve', 'Release'])
    expect(() => readApprove(reader({ approve: 'Gate / Approve' }), true)).toThrow(/^Input approve has 'Gate \/ Approve'/)
    expect(() => readApprove(reader({ approve: 'Gate.Approve' }), false)).toThrow(/wait is false/)
    expect(readApprove(reader({}), false)).toEqual([])
  })
  test('on-rerun: retry or start', () => {
    expect(readOnRerun(reader({ 'on-rerun': 'START' }))).toBe('start')
    expect(() => readOnRerun(reader({ 'on-rerun': 'again' }))).toThrow("Input on-rerun is 'again'; use retry (the default) or start.")
  })
})

test('approve names an approval action of the declaration, or fails before the start with one sentence', () => {
  const approval = {
    name: 'Approve',
    actionTypeId: { category: 'Approval' as const, owner: 'AWS' as const, provider: 'Manual', version: '1' }
  }
  const build = {
    name: 'Compile',
    actionTypeId: { category: 'Build' as const, owner: 'AWS' as const, provider: 'CodeBuild', version: '1' }
  }
  const pipeline = {
    name: 'p',
    roleArn: 'r',
    stages: [
      { name: 'Gate', actions: [approval] },
      { name: 'Build', actions: [build] }
    ]
  }
  expect(() => checkApprovals(['Gate.Approve', 'Approve'], pipeline)).not.toThrow()
  expect(() => checkApprovals(['Gate.Aprove'], pipeline)).toThrow(
    'approve: Gate.Aprove is not a manual approval action of pipeline p (its approval actions are Gate.Approve); fix or remove the line.'
  )
  expect(() => checkApprovals(['Build.Compile'], pipeline)).toThrow(/not a manual approval action/)
  expect(() => checkApprovals(['Gate.Aprove'], undefined)).not.toThrow()
})
