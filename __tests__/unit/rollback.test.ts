import type { PastExecution } from '../../src/codepipeline/port.js'
import { reportRollback, type RollbackDeps } from '../../src/report/rollback.js'
import { awsError, FakeClock, FakeLog, FakeOutputs } from '../support/fakes.js'

const OURS = 'ours'
const T = 1_000_000 // AWS's clock; the runner's FakeClock is far from it on purpose

function deps(listings: (PastExecution[] | Error)[], statuses: (string | Error)[] = []) {
  const log = new FakeLog()
  const outputs = new FakeOutputs()
  const next = <T>(queue: (T | Error)[]): Promise<T> => {
    const answer = queue.shift()
    if (answer === undefined) throw new Error('no more answers')
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer)
  }
  const d: RollbackDeps = {
    port: { listRecentExecutions: () => next(listings), getExecution: async () => ({ status: await next(statuses) }) },
    log,
    clock: new FakeClock(),
    outputs,
    retry: { outageToleranceMs: 60_000, backoff: () => 1000 }
  }
  return { d, log, outputs }
}

const rollback = (id: string, startTime?: number): PastExecution => ({
  id,
  status: 'InProgress',
  startTime,
  type: 'ROLLBACK',
  triggerType: 'AutomatedRollback',
  rollbackTargetId: 'good'
})
const ours = (startTime: number): PastExecution => ({ id: OURS, status: 'Failed', startTime, type: 'STANDARD' })
const query = { pipelineName: 'p', executionId: OURS, wait: true, pollMs: 1000 }

test("ours is found by AWS's own start times, whatever the runner's clock says; an older rollback is not ours", async () => {
  const { d, outputs } = deps([[rollback('new', T + 5000), ours(T), rollback('old', T - 60_000)]], ['Succeeded'])
  expect(await reportRollback(d, query)).toMatchObject({ executionId: 'new', status: 'Succeeded' })
  expect(outputs.values).toMatchObject({ 'rollback-execution-id': 'new', 'rollback-status': 'Succeeded' })
  const older = deps([[ours(T), rollback('old', T - 60_000)]])
  expect(await reportRollback(older.d, query)).toBeUndefined()
})

test('throttled while looking and while following: retried, then reported with its status', async () => {
  const throttled = () => awsError('ThrottlingException', 'Rate exceeded')
  const { d, outputs, log } = deps(
    [throttled(), [rollback('new', T + 5000), ours(T)]],
    [throttled(), 'InProgress', throttled(), 'Succeeded']
  )
  expect(await reportRollback(d, query)).toMatchObject({ executionId: 'new', status: 'Succeeded' })
  expect(outputs.values['rollback-status']).toBe('Succeeded')
  expect(log.text()).not.toContain('Could not tell whether CodePipeline rolled back')
  expect(log.text()).toContain('Rate exceeded')
})
