import type { ActionRun } from '../../src/codepipeline/port.js'
import { describeTransition, formatDuration, latestRuns, ProgressTracker } from '../../src/report/progress.js'
import { FakeLog } from '../support/fakes.js'

const T0 = 1_700_000_000_000
const STRUCTURE = [
  { name: 'Source', actions: ['App'] },
  { name: 'Build', actions: ['Compile', 'Lint'] },
  { name: 'Deploy', actions: ['Ship'] }
]

function run(stageName: string, actionName: string, status: string, start: number, end = start, extra: Partial<ActionRun> = {}): ActionRun {
  return {
    actionExecutionId: `${stageName}-${actionName}-${start}`,
    stageName,
    actionName,
    status,
    startTime: T0 + start,
    lastUpdateTime: T0 + end,
    ...extra
  }
}

test.each([
  [0, '0.0s'],
  [1234, '1.2s'],
  [59_949, '59.9s'],
  [65_000, '1m 05s'],
  [3_725_000, '1h 02m'],
  [-5, '0.0s']
])('formatDuration(%d) = %s', (ms, text) => {
  expect(formatDuration(ms)).toBe(text)
})

describe('transition lines', () => {
  test.each([
    [run('Build', 'Compile', 'InProgress', 1100, 1100, { externalUrl: 'https://logs' }), '[+1.1s] Build / Compile started: https://logs'],
    [run('Build', 'Compile', 'Succeeded', 1100, 46_300), '[+46.3s] Build / Compile succeeded after 45.2s'],
    [
      run('Build', 'Compile', 'Failed', 1000, 4000, { errorMessage: 'tests failed', externalUrl: 'https://logs' }),
      '[+4.0s] Build / Compile failed after 3.0s: tests failed (https://logs)'
    ],
    [
      run('Build', 'Compile', 'Failed', 1000, 4000, { summary: 'from the summary' }),
      '[+4.0s] Build / Compile failed after 3.0s: from the summary'
    ],
    [run('Deploy', 'Ship', 'Abandoned', 1000, 2000), '[+2.0s] Deploy / Ship abandoned after 1.0s'],
    [
      run('Gate', 'Approve', 'InProgress', 5000, 5000, { category: 'Approval' }),
      '[+5.0s] Gate / Approve is waiting for a manual approval: https://console'
    ]
  ])('%#', (r, line) => {
    expect(describeTransition(r, T0, 'https://console')).toBe(line)
  })
})

test('each transition is said once, oldest first', () => {
  const log = new FakeLog()
  const tracker = new ProgressTracker(log, T0, 'https://console', STRUCTURE)
  tracker.update([run('Source', 'App', 'InProgress', 0)])
  tracker.update([run('Source', 'App', 'InProgress', 0)])
  tracker.update([run('Build', 'Compile', 'InProgress', 1000), run('Source', 'App', 'Succeeded', 0, 1000)])
  expect(log.lines).toEqual([
    'info: [+0.0s] Source / App started',
    'info: [+1.0s] Source / App succeeded after 1.0s',
    'info: [+1.0s] Build / Compile started'
  ])
})

test('a retried action: the newest run counts', () => {
  const runs = [run('Build', 'Compile', 'Failed', 0, 10), run('Build', 'Compile', 'Succeeded', 20, 30)]
  expect([...latestRuns(runs).values()].map((r) => r.status)).toEqual(['Succeeded'])
})

describe('what progress tells the planner', () => {
  function view(runs: ActionRun[], structure: typeof STRUCTURE | null = STRUCTURE) {
    const tracker = new ProgressTracker(new FakeLog(), T0, '', structure ?? undefined)
    tracker.update(runs)
    return tracker.view()
  }
  test('nothing yet: no hint', () => {
    expect(view([])).toEqual({ approvalWaiting: false, suggestsEnd: false, lastStageStartedAt: undefined })
  })
  test('an action runs: no hint', () => {
    expect(view([run('Source', 'App', 'Succeeded', 0, 1), run('Build', 'Compile', 'InProgress', 1)]).suggestsEnd).toBe(false)
  })
  test.each(['Failed', 'Abandoned'])('an action %s: the end is near', (status) => {
    expect(view([run('Build', 'Compile', status, 1, 2), run('Build', 'Lint', 'InProgress', 1)]).suggestsEnd).toBe(true)
  })
  test('nothing runs any more: the end (or a queue) is near', () => {
    expect(view([run('Source', 'App', 'Succeeded', 0, 1)]).suggestsEnd).toBe(true)
  })
  test('the last stage runs, then is done', () => {
    const done = [
      run('Source', 'App', 'Succeeded', 0, 1),
      run('Build', 'Compile', 'Succeeded', 1, 2),
      run('Build', 'Lint', 'Succeeded', 1, 2)
    ]
    expect(view([...done, run('Deploy', 'Ship', 'InProgress', 2)])).toEqual({
      approvalWaiting: false,
      suggestsEnd: false,
      lastStageStartedAt: T0 + 2
    })
    expect(view([...done, run('Deploy', 'Ship', 'Succeeded', 2, 3)]).suggestsEnd).toBe(true)
  })
  test('an approval waits', () => {
    expect(view([run('Build', 'Compile', 'InProgress', 1, 1, { category: 'Approval' })]).approvalWaiting).toBe(true)
  })
  test('without the structure, no last-stage hint', () => {
    expect(view([run('Deploy', 'Ship', 'InProgress', 2)], null).lastStageStartedAt).toBeUndefined()
  })
})

describe.each([
  ['10 minutes ahead of AWS', 600_000],
  ['10 minutes behind AWS', -600_000]
])('a runner whose clock is %s', (_label, skew) => {
  test('log offsets count on AWS time alone, and the planner gets the last stage start on the runner clock', () => {
    const log = new FakeLog()
    const runnerStart = T0 + skew
    const tracker = new ProgressTracker(log, runnerStart, '', STRUCTURE)
    tracker.update([run('Source', 'App', 'Succeeded', 0, 1000), run('Deploy', 'Ship', 'InProgress', 2000)])
    expect(log.lines).toEqual(['info: [+1.0s] Source / App succeeded after 1.0s', 'info: [+2.0s] Deploy / Ship started'])
    expect(tracker.view().lastStageStartedAt).toBe(runnerStart + 2000)
  })
})
