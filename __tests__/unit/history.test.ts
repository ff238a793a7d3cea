import type { ActionRun } from '../../src/codepipeline/port.js'
import { expectedDuration, learnExpectations } from '../../src/execution/history.js'
import { awsError, FakeLog, FakePort } from '../support/fakes.js'

const past = (id: string, status: string, seconds: number) => ({ id, status, startTime: 1000, lastUpdateTime: 1000 + seconds * 1000 })

test('median of the latest successful executions, this one left out', () => {
  expect(
    expectedDuration(
      [
        past('me', 'InProgress', 1),
        past('a', 'Succeeded', 60),
        past('b', 'Failed', 5),
        past('c', 'Succeeded', 62),
        past('d', 'Succeeded', 61)
      ],
      'me'
    )
  ).toBe(61_000)
  expect(expectedDuration([past('a', 'Succeeded', 60), past('b', 'Succeeded', 62)])).toBe(61_000)
  expect(expectedDuration([past('a', 'Failed', 60), past('b', 'Stopped', 62)])).toBeUndefined()
  expect(expectedDuration([])).toBeUndefined()
})

test('only the 5 newest successes count', () => {
  const runs = [10, 10, 10, 10, 10, 500, 500, 500, 500, 500].map((s, i) => past(String(i), 'Succeeded', s))
  expect(expectedDuration(runs)).toBe(10_000)
})

test('one ListPipelineExecutions, and GetPipelineState names only when discovery did not read the declaration', async () => {
  const port = new FakePort()
  port.history = [past('a', 'Succeeded', 61.3)]
  port.structure = [{ name: 'S', actions: ['A'] }]
  expect(await learnExpectations(port, new FakeLog(), 'p', 'me')).toEqual({
    expectedMs: 61_300,
    structure: [{ name: 'S', actions: ['A'] }]
  })
  expect(port.ops()).toEqual(['history', 'structure'])
  expect(port.calls[0].args).toEqual(['p', 10])

  const declared = new FakePort()
  const declaration = { name: 'p', roleArn: 'r', stages: [{ name: 'Build', actions: [{ name: 'Make', actionTypeId: undefined }] }] }
  expect((await learnExpectations(declared, new FakeLog(), 'p', 'me', declaration as never)).structure).toEqual([
    { name: 'Build', actions: ['Make'] }
  ])
  expect(declared.ops()).toEqual(['history'])
})

test('failures only cost precision', async () => {
  const port = new FakePort()
  port.history = awsError('AccessDeniedException')
  port.structure = awsError('AccessDeniedException')
  expect(await learnExpectations(port, new FakeLog(), 'p', 'me')).toEqual({ expectedMs: undefined, structure: undefined })
})

/** A port that also lists past action runs (ListActionExecutions without a filter). */
class PortWithPastRuns extends FakePort {
  pastRuns: ActionRun[] = []
  async listPastActionRuns(pipelineName: string, maxResults: number): Promise<ActionRun[]> {
    this.calls.push({ op: 'pastActions', args: [pipelineName, maxResults] })
    return Promise.resolve(this.pastRuns)
  }
}

test('past action runs: one call, only when there are past successes; they give what remains after each action', async () => {
  const port = new PortWithPastRuns()
  port.history = [past('a', 'Succeeded', 61.3)]
  port.pastRuns = [
    {
      actionExecutionId: 'x',
      executionId: 'a',
      stageName: 'S',
      actionName: 'A',
      status: 'Succeeded',
      startTime: 1000,
      lastUpdateTime: 51_300
    }
  ]
  const learned = await learnExpectations(port, new FakeLog(), 'p', 'me', { name: 'p', roleArn: 'r', stages: [] })
  expect(port.ops()).toEqual(['history', 'pastActions'])
  expect(port.calls[1].args).toEqual(['p', 100])
  expect(learned.remainders?.afterEnd.get('S\u0000A')).toBe(11_000)

  const first = new PortWithPastRuns()
  first.history = [past('me', 'InProgress', 1)]
  expect((await learnExpectations(first, new FakeLog(), 'p', 'me', { name: 'p', roleArn: 'r', stages: [] })).remainders).toBeUndefined()
  expect(first.ops()).toEqual(['history'])
})

test('past action runs that cannot be read only cost precision', async () => {
  const port = new PortWithPastRuns()
  port.history = [past('a', 'Succeeded', 61.3)]
  port.listPastActionRuns = () => Promise.reject(awsError('AccessDeniedException'))
  expect(await learnExpectations(port, new FakeLog(), 'p', 'me', { name: 'p', roleArn: 'r', stages: [] })).toEqual({
    expectedMs: 61_300,
    remainders: undefined,
    structure: []
  })
})
