import type { StopRequest } from '../../src/codepipeline/port.js'
import { runPostStep, reasonToLeaveAlone, type PostDeps } from '../../src/post-step.js'
import type { SavedState } from '../../src/state.js'
import { awsError, FakeClock, FakeLog, FakePort } from '../support/fakes.js'

const ID = '11111111-2222-3333-4444-555555555555'
const RUN = 'https://github.com/octo/app/actions/runs/42'

const unfinished: SavedState = {
  pipelineName: 'p',
  region: 'eu-west-1',
  startSent: true,
  executionId: ID,
  origin: 'started',
  wait: true,
  finished: false,
  stopped: false,
  leftRunning: false,
  gaveUp: false,
  cancelled: false
}

function setup(saved: Partial<SavedState>, stop = { stopOnCancel: true, abandonOnCancel: false }) {
  const port = new FakePort()
  const log = new FakeLog()
  const created: string[] = []
  let inputsRead = 0
  const deps: PostDeps = {
    saved: { ...unfinished, ...saved },
    readStopSettings: () => {
      inputsRead++
      return stop
    },
    createPort: async (region) => {
      created.push(region)
      return Promise.resolve(port)
    },
    log,
    clock: new FakeClock(false),
    workflowRun: RUN
  }
  return { deps, port, log, created, inputsRead: () => inputsRead }
}

describe('does nothing and makes no AWS call', () => {
  test.each([
    ['no execution was started', { executionId: undefined, startSent: false }],
    ['main gave up following it (an outage) and said so', { gaveUp: true }],
    ['the step did not start it', { origin: 'followed' as const }],
    ['wait was false', { wait: false }],
    ['main saw it finish', { finished: true }],
    ['main already stopped it', { stopped: true }]
  ])('when %s', async (_why, saved) => {
    const { deps, created, inputsRead, log } = setup(saved)
    expect(reasonToLeaveAlone(deps.saved)).toBeDefined()
    await runPostStep(deps)
    expect(created).toEqual([])
    expect(inputsRead()).toBe(0)
    expect(log.lines.every((l) => l.startsWith('debug:'))).toBe(true)
  })
  test('when stop-on-cancel is false: says it is left running', async () => {
    const { deps, created, log } = setup({}, { stopOnCancel: false, abandonOnCancel: false })
    await runPostStep(deps)
    expect(created).toEqual([])
    expect(log.text()).toContain('left running')
  })
})

test('an execution main waited for and never saw finish is stopped, in its region, naming the run', async () => {
  const { deps, port, created } = setup({}, { stopOnCancel: true, abandonOnCancel: true })
  expect(reasonToLeaveAlone(deps.saved)).toBeUndefined()
  await runPostStep(deps)
  expect(created).toEqual(['eu-west-1'])
  const [stop] = port.calls.map((c) => c.args[0] as StopRequest)
  expect(stop).toEqual({
    pipelineName: 'p',
    executionId: ID,
    abandon: true,
    reason: `The step ended before it saw this execution finish: ${RUN}`
  })
  expect(stop.reason.length).toBeLessThanOrEqual(200)
})

test('after a cancel main could not finish, the stop reason says the workflow run was cancelled', async () => {
  const { deps, port, log } = setup({ cancelled: true })
  await runPostStep(deps)
  const [stop] = port.calls.map((c) => c.args[0] as StopRequest)
  expect(stop.reason).toBe(`Workflow run cancelled; the step ended before it could stop this execution: ${RUN}`)
  expect(log.text()).toContain('the workflow run was cancelled and the main step ended before it could stop it')
})

test('main killed between sending the start and its answer: no AWS call; says it cannot tell, with the pipeline link', async () => {
  const { deps, created, log } = setup({ executionId: undefined, startSent: true })
  await runPostStep(deps)
  expect(created).toEqual([])
  expect(log.lines).toEqual([
    'warning: The main step ended while starting pipeline p, before it learned whether an execution was started; ' +
      'if one was, it is still running: https://eu-west-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/p/view?region=eu-west-1'
  ])
})

test('an execution that finished meanwhile (NotStoppable) is only info', async () => {
  const { deps, port, log } = setup({})
  port.stopAnswer = awsError('PipelineExecutionNotStoppableException')
  await expect(runPostStep(deps)).resolves.toBeUndefined()
  expect(log.lines.filter((l) => l.startsWith('error:') || l.startsWith('warning:'))).toEqual([])
  expect(log.text()).toContain('had already finished')
})

test('a failing stop is logged as an error, not thrown', async () => {
  const { deps, port, log } = setup({})
  port.stopAnswer = awsError('ThrottlingException', 'Rate exceeded')
  await expect(runPostStep(deps)).resolves.toBeUndefined()
  expect(log.text()).toContain(`error: Could not stop execution ${ID} (Rate exceeded)`)
})

test('a wait that timed out with stop-on-timeout false is left alone: it runs on by choice', () => {
  expect(reasonToLeaveAlone({ ...unfinished, leftRunning: true })).toMatch(/stop-on-timeout is false/)
})
