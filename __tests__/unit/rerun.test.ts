// on-rerun's decisions, on a scripted CodePipeline: which execution is the earlier attempt's (the run marker,
// the commit), and what each ending leads to (retry the failed stage, follow, or start, saying why).
import type { ListedExecution } from '../../src/codepipeline/port.js'
import { carriesMarker, markedAttempt, resumeEarlier, RUN_MARKER_VARIABLE, runMarker, type RerunDeps } from '../../src/execution/rerun.js'
import { awsError, FakeClock, FakeLog, FakePort } from '../support/fakes.js'

const SHA = 'a'.repeat(40)
const step = { runId: '42', runAttempt: '2', job: 'deploy', action: 'ship' }
const sent = {
  pipelineName: 'p',
  variables: [],
  sourceRevisions: [{ actionName: 'Source', revisionType: 'COMMIT_ID' as const, revisionValue: SHA }]
}
const X = '11111111-2222-4333-8444-555555555555'

function setup(listed: Partial<ListedExecution>, marker = runMarker({ ...step, runAttempt: '1' }, sent)) {
  const port = new FakePort()
  const retried: string[] = []
  const execution: ListedExecution = {
    id: X,
    status: 'Failed',
    triggerType: 'StartPipelineExecution',
    sourceRevisions: [{ actionName: 'Source', revisionId: SHA }],
    ...listed
  }
  port.pages = [{ executions: [execution] }]
  port.executions = [{ status: execution.status, variables: [{ name: RUN_MARKER_VARIABLE, value: marker ?? 'none' }] }]
  port.actionRuns = [
    [
      { actionExecutionId: 'a', stageName: 'Build', actionName: 'Compile', status: 'Succeeded', lastUpdateTime: 1 },
      { actionExecutionId: 'b', stageName: 'Deploy', actionName: 'Ship', status: 'Failed', lastUpdateTime: 2 }
    ]
  ]
  let refusal: Error | undefined
  const deps: RerunDeps = {
    port: Object.assign(port, {
      retryStage: (_p: string, stage: string, id: string) => (
        retried.push(`${stage}:${id}`),
        refusal ? Promise.reject(refusal) : Promise.resolve()
      )
    }),
    log: new FakeLog(),
    clock: new FakeClock(),
    retry: { outageToleranceMs: 60_000, backoff: () => 1000 },
    step
  }
  return { deps, retried, refuse: (e: Error) => void (refusal = e), log: deps.log as FakeLog }
}

describe('the marker', () => {
  test('names the run and attempt; only this run, job, step and request match, and only an earlier attempt', () => {
    const first = runMarker({ ...step, runAttempt: '1' }, sent)!
    expect(first).toMatch(/^run 42 attempt 1, job deploy, step ship \([0-9a-f]{16}\)$/)
    expect(markedAttempt(first, step, sent)).toBe(1)
    expect(markedAttempt(first, { ...step, runId: '43' }, sent)).toBeUndefined()
    expect(markedAttempt(first, { ...step, action: 'other' }, sent)).toBeUndefined()
    expect(markedAttempt(first, step, { ...sent, variables: [{ name: 'ENV', value: 'prod' }] })).toBeUndefined()
    expect(markedAttempt('none', step, sent)).toBeUndefined()
  })
  test('is sent only when the pipeline declares its variable and the workflow does not set it', () => {
    const declared = { name: 'p', roleArn: 'r', stages: [], variables: [{ name: RUN_MARKER_VARIABLE }] }
    expect(carriesMarker(declared, [])).toBe(true)
    expect(carriesMarker(declared, [{ name: RUN_MARKER_VARIABLE, value: 'mine' }])).toBe(false)
    expect(carriesMarker({ ...declared, variables: [] }, [])).toBe(false)
    expect(carriesMarker(undefined, [])).toBe(false)
  })
})

describe('the decision', () => {
  test('Failed: RetryStageExecution on the stage that failed, and follow it', async () => {
    const { deps, retried } = setup({ lastUpdateTime: 5000 })
    expect(await resumeEarlier(deps, sent, true)).toEqual({
      executionId: X,
      line: `Retried stage Deploy of execution ${X} (started by attempt 1), failed actions only.`,
      // What reads may still answer for a moment after the retry (stale.ts): AWS's own time, as listed.
      staleBefore: { status: 'Failed', lastUpdateTime: 5000 }
    })
    expect(retried).toEqual([`Deploy:${X}`])
  })

  test.each([
    ['NotLatestPipelineExecutionException', 'a newer execution has passed that stage'],
    ['StageNotRetryableException', 'CodePipeline says it cannot be retried'],
    ['ConflictException', 'the stage is busy']
  ])('%s: start, saying why', async (name, why) => {
    const { deps, refuse, log } = setup({})
    refuse(awsError(name))
    expect(await resumeEarlier(deps, sent, true)).toBeUndefined()
    expect(log.text()).toContain(`could not retry stage Deploy of execution ${X} (started by attempt 1): ${why}`)
  })

  test("Stopped by this run's cancel is retried; stopped by someone else is not", async () => {
    const ours = setup({ status: 'Stopped', stopReason: 'Cancelled by https://github.com/o/r/actions/runs/42' })
    expect(await resumeEarlier(ours.deps, sent, true)).toMatchObject({ executionId: X })
    const theirs = setup({ status: 'Stopped', stopReason: 'Stopped by https://github.com/o/r/actions/runs/421 (attempt 1)' })
    expect(await resumeEarlier(theirs.deps, sent, true)).toBeUndefined()
    expect(theirs.retried).toEqual([])
    expect(theirs.log.text()).toContain("was stopped, not by this run's cancel")
  })

  test('InProgress: follow it; Stopping or Succeeded: start', async () => {
    expect(await resumeEarlier(setup({ status: 'InProgress' }).deps, sent, true)).toMatchObject({ executionId: X })
    const stopping = setup({ status: 'Stopping' })
    expect(await resumeEarlier(stopping.deps, sent, true)).toBeUndefined()
    expect(stopping.log.text()).toContain('is still stopping; starting a new execution.')
    const green = setup({ status: 'Succeeded' })
    expect(await resumeEarlier(green.deps, sent, true)).toBeUndefined()
    expect(green.retried).toEqual([])
  })

  test("another commit's, or an undeclared marker: never retried", async () => {
    const other = setup({ sourceRevisions: [{ actionName: 'Source', revisionId: 'b'.repeat(40) }] })
    expect(await resumeEarlier(other.deps, sent, true)).toBeUndefined()
    expect(other.retried).toEqual([])
    const undeclared = setup({})
    expect(await resumeEarlier(undeclared.deps, sent, false)).toBeUndefined()
    expect(undeclared.log.text()).toContain(`does not declare the variable ${RUN_MARKER_VARIABLE}`)
  })

  test('a listing it may not make: start as usual, saying why', async () => {
    const { deps, log, retried } = setup({})
    ;(deps.port as FakePort).pages = [awsError('AccessDeniedException', 'not allowed codepipeline:ListPipelineExecutions')]
    expect(await resumeEarlier(deps, sent, true)).toBeUndefined()
    expect(log.text()).toContain("could not look for the earlier attempt's execution (not allowed codepipeline:ListPipelineExecutions)")
    expect(retried).toEqual([])
  })
})
