// The final summary of a Succeeded run shows how each action ended: the read after the verdict is retried like
// any call, and when it still fails the summary says the table is as last seen. dist/ against the local service.
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { runAction } from '../../harness/runner.js'
import { uniqueName } from '../support/e2e.js'
import { shortPipeline } from '../support/pipelines.js'

let emulator: Emulator
beforeEach(async () => (emulator = await startEmulator({ pipelines: [] })))
afterEach(() => emulator.close())

/** A pipeline whose usual duration is its own, so the first poll is the status, at the end: no progress call before. */
function pipeline(): string {
  const name = uniqueName('final')
  emulator.addPipeline({ ...shortPipeline({ name }), history: [{ status: 'Succeeded', durationSeconds: 0.5, startedSecondsAgo: 600 }] })
  return name
}

/** The Status column of the summary's action table. */
const statuses = (summary: string) => [...summary.matchAll(/<tr><td>[^<]*<\/td><td>[^<]*<\/td><td>([^<]*)<\/td>/g)].map((m) => m[1])

test('a failing last read is retried: the table shows every action as it ended', async () => {
  // Five: the SDK's own attempts all fail, so the action's retry is what gets the answer. After one: the first
  // ListActionExecutions reads past executions' action runs (history.ts), before the run is followed.
  emulator.setFaults({ rules: [{ operation: 'ListActionExecutions', kind: 'http500', times: 5, after: 1 }] })
  const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': pipeline() } })
  expect(result.code).toBe(0)
  expect(statuses(result.summary)).toEqual(['✅ Succeeded', '✅ Succeeded', '✅ Succeeded'])
  expect(result.summary).not.toContain('could not be read')
})

test('a last read that keeps failing: the summary says the table is as last seen', async () => {
  emulator.setFaults({ rules: [{ operation: 'ListActionExecutions', kind: 'http500' }] })
  const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': pipeline(), 'outage-tolerance-minutes': '0.05' } })
  expect(result.code).toBe(0)
  expect(result.summary).toMatch(/<p>⚠️ The actions' final states could not be read \([^)]*\): the table shows them as last seen\.<\/p>/)
})
