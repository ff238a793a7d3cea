import type { ActionRun, PastExecution } from '../../src/codepipeline/port.js'
import { learnRemainders, predictEnd } from '../../src/execution/remainders.js'

const MIN = 60_000
let ids = 0

function run(
  executionId: string,
  stageName: string,
  actionName: string,
  startTime: number,
  endTime?: number,
  category = 'Build'
): ActionRun {
  const status = endTime === undefined ? 'InProgress' : 'Succeeded'
  return {
    actionExecutionId: `a${++ids}`,
    executionId,
    stageName,
    actionName,
    category,
    status,
    startTime,
    lastUpdateTime: endTime ?? startTime
  }
}

/** A past success: source 1 min, an approval answered after `approval`, build 2 min, deploy 5 min. */
function pastRun(id: string, at: number, approval: number): { execution: PastExecution; runs: ActionRun[] } {
  const approved = at + MIN + approval
  const end = approved + 7 * MIN
  return {
    execution: { id, status: 'Succeeded', startTime: at, lastUpdateTime: end },
    runs: [
      run(id, 'Source', 'App', at, at + MIN, 'Source'),
      run(id, 'Approve', 'Release', at + MIN, approved, 'Approval'),
      run(id, 'Build', 'Compile', approved, approved + 2 * MIN),
      run(id, 'Deploy', 'Ship', approved + 2 * MIN, end, 'Deploy')
    ]
  }
}

const past = [pastRun('p1', 0, 20 * MIN), pastRun('p2', 100 * MIN, 3 * 60 * MIN), pastRun('p3', 400 * MIN, 45 * MIN)]
const remainders = learnRemainders(
  past.map((p) => p.execution),
  past.flatMap((p) => p.runs)
)!

test('from each action of past successes: the median time from its start and from its end to the execution end', () => {
  expect(remainders.afterEnd.get('Approve\u0000Release')).toBe(7 * MIN)
  expect(remainders.afterStart.get('Deploy\u0000Ship')).toBe(5 * MIN)
  expect(remainders.afterStart.get('Source\u0000App')).toBe(MIN + 45 * MIN + 7 * MIN) // the median approval
})

test('this execution, failed ones and executions without runs teach nothing', () => {
  const failed = { ...pastRun('f', 0, MIN), execution: { ...pastRun('f', 0, MIN).execution, status: 'Failed' } }
  expect(learnRemainders([failed.execution], failed.runs)).toBeUndefined()
  expect(learnRemainders([past[0].execution], past[0].runs, 'p1')).toBeUndefined()
  expect(learnRemainders([past[0].execution], [])).toBeUndefined()
})

test('the end is predicted from the newest known moment: the approval answered, then the last action started', () => {
  const at = 1000 * MIN
  const source = run('me', 'Source', 'App', at, at + MIN, 'Source')
  const waiting = run('me', 'Approve', 'Release', at + MIN, undefined, 'Approval')
  expect(predictEnd(remainders, [source, waiting])).toBeUndefined() // nobody knows when it is answered
  const approvedAt = at + 130 * MIN
  const approved = { ...waiting, status: 'Succeeded', lastUpdateTime: approvedAt }
  const build = run('me', 'Build', 'Compile', approvedAt)
  expect(predictEnd(remainders, [source, approved, build])).toBe(approvedAt + 7 * MIN)
  // The build took 4 min instead of 2: the deploy's start says the rest.
  const built = { ...build, status: 'Succeeded', lastUpdateTime: approvedAt + 4 * MIN }
  const deploy = run('me', 'Deploy', 'Ship', approvedAt + 4 * MIN)
  expect(predictEnd(remainders, [source, approved, built, deploy])).toBe(approvedAt + 9 * MIN)
})

test('an action history does not know predicts nothing', () => {
  expect(predictEnd(remainders, [run('me', 'New', 'Thing', 0)])).toBeUndefined()
})
