import { stopReason } from '../../src/execution/stop.js'

describe('stopReason', () => {
  const run = 'https://github.com/octo/app/actions/runs/1658821493 (attempt 3)'
  test('explanation and run link when they fit', () => {
    expect(stopReason('Workflow run cancelled:', run)).toBe(`Workflow run cancelled: ${run}`)
  })
  test('never over 200 characters, and keeps the run link whole', () => {
    const long = stopReason('x'.repeat(300), run)
    expect(long.length).toBeLessThanOrEqual(200)
    expect(long.endsWith(run)).toBe(true)
  })
  test('a run link longer than 200 characters is cut to 200', () => {
    const huge = `https://github.example.com/${'o'.repeat(250)}/actions/runs/1`
    expect(stopReason('Workflow run cancelled:', huge).length).toBe(200)
  })
  test('a long repository name still fits', () => {
    const longRun = `https://github.com/${'o'.repeat(39)}/${'r'.repeat(100)}/actions/runs/12345678901 (attempt 12)`
    const reason = stopReason('Step ended without seeing the execution finish (timed out or killed):', longRun)
    expect(reason.length).toBeLessThanOrEqual(200)
    expect(reason).toContain(longRun)
  })
})
