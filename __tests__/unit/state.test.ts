import { ActionState } from '../../src/state.js'
import { FakeStateStore } from '../support/fakes.js'

test('main saves what the post step reads', () => {
  const store = new FakeStateStore()
  const state = new ActionState(store)
  expect(state.read()).toEqual({
    pipelineName: '',
    region: '',
    executionId: '',
    wait: false,
    finished: false,
    stopped: false,
    leftRunning: false
  })
  state.saveStarted('p', 'us-east-1', 'id-1', true)
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
  new ActionState(store).saveStarted('p', 'us-east-1', 'id-1', false)
  expect(store.values.wait).toBe('false')
})
