import { ActionError } from '../../src/errors.js'
import { InputError } from '../../src/inputs/readers.js'
import { reportFailure } from '../../src/step-io.js'

function report(err: unknown) {
  const failed: string[] = []
  const debug: string[] = []
  reportFailure(err, { setFailed: (m) => void failed.push(String(m)), debug: (m) => void debug.push(m) })
  return { failed, debug }
}

test('an expected failure is its one sentence; the stack only in the debug log', () => {
  const { failed, debug } = report(new InputError("Input wait is 'yes'; it must be true or false."))
  expect(failed).toEqual(["Input wait is 'yes'; it must be true or false."])
  expect(debug[0]).toMatch(/\n\s+at /)
})

test('an unexpected error says so, still in one line', () => {
  const { failed } = report(new TypeError('x is undefined'))
  expect(failed).toEqual(['Unexpected error: x is undefined'])
  expect(report(new ActionError('fine')).failed).toEqual(['fine'])
  expect(report('thrown string').failed).toEqual(['Unexpected error: thrown string'])
})
