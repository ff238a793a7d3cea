import { describeExecution } from '../../src/execution/execution.js'
import { ActionState } from '../../src/state.js'
import { FakeStateStore } from '../support/fakes.js'

test('main saves what the post step reads', () => {
  const store = new FakeStateStore()
  const state = new ActionState(store)
  expect(state.read()).toEqual({
    pipelineName: '',
    region: '',
    startSent: false,
    executionId: undefined,
    origin: 'started',
    gaveUp: false,
    cancelled: false,
    wait: false,
    finished: false,
    stopped: false,
    leftRunning: false
  })
  state.saveStarted(describeExecution({ pipelineName: 'p', region: 'us-east-1' }, 'id-1', 'started'), true)
  expect(state.read()).toMatchObject({
    pipelineName: 'p',
    region: 'us-east-1',
    executionId: 'id-1',
    wait: true,
    finished: false,
    stopped: false
  })
  state.markFinished()
  state.markStopped()
  expect(state.read()).toMatchObject({ finished: true, stopped: true })
})

test('wait false is saved as false', () => {
  const store = new FakeStateStore()
  new ActionState(store).saveStarted(describeExecution({ pipelineName: 'p', region: 'us-east-1' }, 'id-1', 'started'), false)
  expect(store.values.wait).toBe('false')
})
