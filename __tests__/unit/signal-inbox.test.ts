import { SignalInbox } from '../../src/signal-inbox.js'
import { FakeSignals } from '../support/fakes.js'

test('listens to SIGINT and SIGTERM at once, and hands a signal that came early to the first listener', () => {
  const source = new FakeSignals()
  const inbox = new SignalInbox(source)
  expect([source.count('SIGINT'), source.count('SIGTERM')]).toEqual([1, 1])
  source.emit('SIGINT')
  expect(inbox.early).toEqual(['SIGINT'])
  const heard: string[] = []
  inbox.on('SIGTERM', () => heard.push('term'))
  expect(heard).toEqual([])
  inbox.on('SIGINT', () => heard.push('int'))
  expect(heard).toEqual(['int'])
  expect(inbox.early).toEqual([])
})

test('with a listener, signals go straight to it; removed, they are kept again', () => {
  const source = new FakeSignals()
  const inbox = new SignalInbox(source)
  const heard: string[] = []
  const listener = () => heard.push('int')
  inbox.on('SIGINT', listener)
  source.emit('SIGINT')
  expect(heard).toEqual(['int'])
  inbox.removeListener('SIGINT', listener)
  source.emit('SIGINT')
  expect(heard).toEqual(['int'])
  expect(inbox.early).toEqual(['SIGINT'])
})
