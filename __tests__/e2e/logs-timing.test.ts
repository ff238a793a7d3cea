// Build logs off the verdict's path (issue 20), through dist/ against the local service: with CloudWatch Logs
// answering after 10 minutes, the poll loop never waits for a log, the verdict's report waits a bounded grace
// and says the log could not be read in time, and a cancel is never held back by a log read.
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { runAction, startAction } from '../../harness/runner.js'
import { callsFor, until } from '../support/e2e.js'
import { addFailingBuild, annotation, numbered } from '../support/failing-build.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
})
afterAll(async () => emulator.close())
afterEach(() => emulator.setFaults({}))

// Far beyond any deadline in the action or the test: only a read that is never awaited lets the step end.
const TEN_MINUTES = 600_000
const slowLogs = () => emulator.setFaults({ rules: [{ operation: 'GetLogEvents', kind: 'slow', delayMs: TEN_MINUTES }] })

const logReads = (since: number) =>
  emulator
    .requests()
    .slice(since)
    .filter((r) => r.operation === 'GetLogEvents')
const unreadNote =
  /\n\nThe log of Build \/ Compile could not be read in time; it is at https:\/\/console\.aws\.amazon\.com\/codesuite\/codebuild\/\S+$/

describe('GetLogEvents answering after 10 minutes', () => {
  for (const logs of ['failed', 'all']) {
    test(`logs: ${logs}: a 5 s pipeline is judged promptly; the annotation says the log could not be read in time`, async () => {
      const name = addFailingBuild(emulator, `slow-${logs}`, 5, numbered('slow line', 5))
      const since = emulator.requests().length
      slowLogs()
      const started = Date.now()
      const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, logs, 'poll-interval-max-seconds': '1' } })
      // Before: each read waited out the SDK's timeouts (3 tries of 15 s), in the poll loop and before the report.
      expect(Date.now() - started).toBeLessThan(40_000)
      expect(result.code).toBe(1)
      expect(result.outputs.status).toBe('Failed')
      expect(result.errors.at(-1)).toMatch(/failed in stage Build, action Compile: Build terminated with state: FAILED/)
      expect(annotation(result, name)).toMatch(unreadNote)
      expect(result.summary).toContain('Failed')
      expect(result.stdout).not.toContain('slow line')
      expect(logReads(since).length).toBeGreaterThan(0)
    }, 180_000)
  }

  test('a cancel after the verdict, while the logs are still read: the report is written at once', async () => {
    const name = addFailingBuild(emulator, 'slow-late-cancel', 1, numbered('late line', 3))
    const since = emulator.requests().length
    slowLogs()
    const run = startAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name } })
    // logs: failed reads only once the verdict is known.
    await until(() => logReads(since).at(0), 60_000)
    const sentAt = Date.now()
    run.child.kill('SIGINT')
    const result = await run.done
    const exitedAfter = Date.now() - sentAt
    // Before: the step's own exit deadline (6 s after a late signal) came first, and nothing was reported.
    expect(result.summary).toContain(result.outputs['pipeline-execution-id'])
    expect(result.summary).toContain('Failed')
    expect(annotation(result, name)).toMatch(unreadNote)
    expect(result.stdout).toContain('Received SIGINT after the outcome was decided; finishing the report.')
    expect(result.code).toBe(1)
    expect(exitedAfter).toBeLessThan(5000)
  }, 120_000)

  test('a cancel while a live read is in flight: stopped and reported within the runner grace, not held by the read', async () => {
    const name = addFailingBuild(emulator, 'slow-cancel', 60, numbered('live line', 3))
    const since = emulator.requests().length
    slowLogs()
    const run = startAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, logs: 'all', 'poll-interval-max-seconds': '1' } })
    await until(() => logReads(since).at(0), 60_000)
    const sentAt = Date.now()
    run.child.kill('SIGINT')
    const result = await run.done
    expect(Date.now() - sentAt).toBeLessThan(7500)
    expect(callsFor(emulator, name, 'StopPipelineExecution')).toHaveLength(1)
    expect(result.code).not.toBe(0)
    expect(result.summary).toContain('The workflow run was cancelled')
  }, 120_000)
})
