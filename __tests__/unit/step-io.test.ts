import { ActionError } from '../../src/errors.js'
import { InputError } from '../../src/inputs/readers.js'
import { reportFailure } from '../../src/step-io.js'

function report(err: unknown) {
  const failed: string[] = []
  const debug: string[] = []
  const errors: string[] = []
  let marked = 0
  reportFailure(err, {
    setFailed: (m) => void failed.push(String(m)),
    error: (m, p) => void errors.push(`${p?.title}: ${String(m)}`),
    debug: (m) => void debug.push(m),
    markFailed: () => void marked++
  })
  return { failed, debug, errors, marked }
}

test('a failure with a title is one titled error annotation, and fails the step', () => {
  const { failed, errors, marked } = report(new ActionError('Pipeline p failed in stage Build.', { title: 'p: Build / Compile failed' }))
  expect(failed).toEqual([])
  expect(errors).toEqual(['p: Build / Compile failed: Pipeline p failed in stage Build.'])
  expect(marked).toBe(1)
})

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

test('AWS text in a failure cannot drive the terminal: controls are shown as escapes', () => {
  const { failed, debug } = report(new ActionError('failed: \u001b[2Kcleared'))
  expect(failed).toEqual(['failed: \\u001b[2Kcleared'])
  expect(debug.join('')).not.toContain('\u001b')
})
