// on-rerun through dist/ against the local service: attempt 1 fails in Deploy; attempt 2 of the same run retries
// only Deploy's failed actions of that execution and passes with it; a newer execution that overtook it, on-rerun:
// start, and another commit's or another run's failed execution each lead to a plain new start, said in one line.
import { StartPipelineExecutionCommand } from '@aws-sdk/client-codepipeline'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { exampleEvent, runAction, startAction } from '../../harness/runner.js'
import { action, SCENARIOS, v2Pipeline } from '../../harness/scenarios.js'
import { client } from '../support/emulator.js'
import { callsFor, uniqueName } from '../support/e2e.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
})
afterAll(() => emulator.close())

const event = exampleEvent('pull_request', 'opened')
const ID = '[0-9a-f-]{36}'

/** Deploy's Ship fails on its first attempt only; the pipeline declares the run marker's variable. */
function flakyDeploy(prefix: string): string {
  const name = uniqueName(prefix)
  const ship = action('Ship', 1, { outcome: 'Failed', retryOutcome: 'Succeeded', errorMessage: 'Health check failed on 1 of 4 hosts' })
  emulator.addPipeline(v2Pipeline(name, {}, { actions: [ship] }, { variables: [{ name: 'GITHUB_RUN_STEP', defaultValue: 'none' }] }))
  return name
}

const attempt = (name: string, n: number, inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
  runAction({
    endpoint: emulator.url,
    event,
    inputs: { 'pipeline-name': name, 'poll-interval-min-seconds': '0.5', 'poll-interval-max-seconds': '1', ...inputs },
    env: { GITHUB_RUN_ATTEMPT: String(n), ...env }
  })

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

test('attempt 2 retries only the failed stage of attempt 1’s execution, starts nothing, and passes with it', async () => {
  const name = flakyDeploy('rerun-retry')
  const first = await attempt(name, 1)
  expect(first.outputs.status).toBe('Failed')
  const failed = first.outputs['pipeline-execution-id']
  const second = await attempt(name, 2)
  expect(callsFor(emulator, name, 'StartPipelineExecution')).toHaveLength(1) // attempt 1's only
  const retries = callsFor(emulator, name, 'RetryStageExecution')
  expect(retries.map((r) => r.body)).toEqual([
    { pipelineName: name, stageName: 'Deploy', pipelineExecutionId: failed, retryMode: 'FAILED_ACTIONS' }
  ])
  const line = `Retried stage Deploy of execution ${failed} (started by attempt 1), failed actions only.`
  expect(second.stdout).toContain(line)
  expect(text(second.summary)).toContain(line)
  expect(second.outputs['pipeline-execution-id']).toBe(failed)
  expect(second.outputs.status).toBe('Succeeded')
  expect(second.code).toBe(0)
}, 90_000)

test('attempt 2 when reads still answer the old Failed after the retry: it waits for the retried execution’s real ending', async () => {
  const name = uniqueName('rerun-stale-read')
  const ship = action('Ship', 1, { outcome: 'Failed', retryOutcome: 'Succeeded' })
  // For 5 s after RetryStageExecution, GetPipelineExecution and ListPipelineExecutions still answer Failed.
  const extra = { variables: [{ name: 'GITHUB_RUN_STEP', defaultValue: 'none' }], staleReadAfterRetrySeconds: 5 }
  emulator.addPipeline(v2Pipeline(name, {}, { actions: [ship] }, extra))
  const first = await attempt(name, 1)
  expect(first.outputs.status).toBe('Failed')
  const second = await attempt(name, 2)
  const [retry] = callsFor(emulator, name, 'RetryStageExecution')
  // The old Failed was read after the retry (the guard had something to guard against), and was not the verdict.
  const staleReads = callsFor(emulator, name, 'GetPipelineExecution').filter((r) => r.time > retry.time && r.time < retry.time + 5000)
  expect(staleReads.length).toBeGreaterThan(0)
  expect(second.outputs['pipeline-execution-id']).toBe(first.outputs['pipeline-execution-id'])
  expect(second.outputs.status).toBe('Succeeded')
  expect(second.code).toBe(0)
}, 90_000)

test('attempt 2 when a newer execution has passed Deploy: a new start, saying why in one line', async () => {
  const name = flakyDeploy('rerun-overtaken')
  const first = await attempt(name, 1)
  const failed = first.outputs['pipeline-execution-id']
  // Someone else's execution runs Deploy after it (and fails there too).
  await client(emulator).send(new StartPipelineExecutionCommand({ name }))
  await new Promise((r) => setTimeout(r, 3500))
  const second = await attempt(name, 2)
  expect(second.stdout).toMatch(
    new RegExp(
      `Re-run \\(on-rerun: retry\\): could not retry stage Deploy of execution ${failed} \\(started by attempt 1\\): a newer execution has passed that stage \\(.*\\); starting a new execution\\.`
    )
  )
  expect(callsFor(emulator, name, 'RetryStageExecution')).toHaveLength(1)
  expect(callsFor(emulator, name, 'StartPipelineExecution')).toHaveLength(3)
  expect(second.outputs['pipeline-execution-id']).not.toBe(failed)
}, 90_000)

test('attempt 2 with on-rerun: start starts a new execution', async () => {
  const name = flakyDeploy('rerun-start')
  const first = await attempt(name, 1, { 'on-rerun': 'start' })
  const second = await attempt(name, 2, { 'on-rerun': 'start' })
  expect(callsFor(emulator, name, 'RetryStageExecution')).toHaveLength(0)
  expect(callsFor(emulator, name, 'StartPipelineExecution')).toHaveLength(2)
  expect(second.outputs['pipeline-execution-id']).not.toBe(first.outputs['pipeline-execution-id'])
}, 90_000)

test("attempt 2 never retries another commit's or another run's failed execution", async () => {
  const name = flakyDeploy('rerun-other')
  // This run's attempt 1 ran another commit; another run ran this commit: both failed in Deploy.
  await attempt(name, 1, { 'commit-id': 'c'.repeat(40) })
  await attempt(name, 1, {}, { GITHUB_RUN_ID: '777' })
  const second = await attempt(name, 2)
  expect(callsFor(emulator, name, 'RetryStageExecution')).toHaveLength(0)
  expect(callsFor(emulator, name, 'StartPipelineExecution')).toHaveLength(3)
  expect(second.stdout).toMatch(
    /Re-run \(on-rerun: retry\): no execution of pipeline .* carries this run's marker for this job and step .*; starting a new execution\./
  )
}, 90_000)

test("attempt 2 when the pipeline does not declare the marker's variable: a new start, saying why", async () => {
  const name = uniqueName('rerun-undeclared')
  emulator.addPipeline(v2Pipeline(name, {}, { actions: [action('Ship', 1, { outcome: 'Failed', retryOutcome: 'Succeeded' })] }))
  await attempt(name, 1)
  const second = await attempt(name, 2)
  expect(second.stdout).toContain(`does not declare the variable GITHUB_RUN_STEP`)
  expect(callsFor(emulator, name, 'RetryStageExecution')).toHaveLength(0)
  expect(new RegExp(ID).test(second.outputs['pipeline-execution-id'] ?? '')).toBe(true)
}, 90_000)

/** Deploy succeeds after `seconds`; the pipeline declares the run marker's variable. */
function steadyDeploy(prefix: string, seconds: number): string {
  const name = uniqueName(prefix)
  emulator.addPipeline(
    v2Pipeline(name, {}, { actions: [action('Ship', seconds)] }, { variables: [{ name: 'GITHUB_RUN_STEP', defaultValue: 'none' }] })
  )
  return name
}

test('attempt 2 while attempt 1’s execution still runs: follows it and starts nothing', async () => {
  const name = steadyDeploy('rerun-running', 4)
  const first = await attempt(name, 1, { wait: 'false' })
  const running = first.outputs['pipeline-execution-id']
  const second = await attempt(name, 2)
  expect(second.stdout).toContain(
    `Re-run: execution ${running} (started by attempt 1) is still running; following it and starting nothing.`
  )
  expect(callsFor(emulator, name, 'StartPipelineExecution')).toHaveLength(1)
  expect(callsFor(emulator, name, 'RetryStageExecution')).toHaveLength(0)
  expect(second.outputs).toMatchObject({ 'pipeline-execution-id': running, status: 'Succeeded' })
  expect(second.code).toBe(0)
}, 90_000)

test('attempt 2 after attempt 1 succeeded: a deliberate redeploy, a new start', async () => {
  const name = steadyDeploy('rerun-green', 1)
  const first = await attempt(name, 1)
  expect(first.outputs.status).toBe('Succeeded')
  const second = await attempt(name, 2)
  expect(second.stdout).toContain(
    `Re-run (on-rerun: retry): execution ${first.outputs['pipeline-execution-id']} (started by attempt 1) succeeded, and a re-run of a green job is a deliberate redeploy; starting a new execution.`
  )
  expect(callsFor(emulator, name, 'StartPipelineExecution')).toHaveLength(2)
  expect(second.outputs['pipeline-execution-id']).not.toBe(first.outputs['pipeline-execution-id'])
}, 90_000)

test('the demo scenarios: approve passes at its approval; rerun fails in attempt 1 and passes by retrying Deploy in attempt 2', async () => {
  const ctx = { url: emulator.url, addPipeline: (spec: Parameters<Emulator['addPipeline']>[0]) => emulator.addPipeline(spec) }
  const approved = await SCENARIOS.approve.run(ctx, uniqueName('demo-approve'))
  expect(approved.results.map((r) => r.code)).toEqual([0])
  expect(approved.results[0].stdout).toMatch(/Approved Release\.Approve of execution/)
  const rerun = await SCENARIOS.rerun.run(ctx, uniqueName('demo-rerun'))
  expect(rerun.results.map((r) => r.outputs.status)).toEqual(['Failed', 'Succeeded'])
  expect(rerun.results[1].stdout).toMatch(/Retried stage Deploy of execution .* \(started by attempt 1\), failed actions only\./)
}, 90_000)

test('with execution-id, on-rerun has no effect: a followed execution is never retried', async () => {
  const name = flakyDeploy('rerun-follow')
  const first = await attempt(name, 1)
  const failed = first.outputs['pipeline-execution-id']
  const second = await attempt(name, 2, { 'execution-id': failed })
  expect(callsFor(emulator, name, 'RetryStageExecution')).toHaveLength(0)
  expect(callsFor(emulator, name, 'StartPipelineExecution')).toHaveLength(1)
  expect(second.stdout).not.toContain('Re-run')
  expect(second.outputs).toMatchObject({ 'pipeline-execution-id': failed, status: 'Failed' })
}, 90_000)

test("attempt 1 cancelled in Deploy (abandon-on-cancel): attempt 2 retries the stopped stage's abandoned actions and passes", async () => {
  const name = uniqueName('rerun-cancelled')
  const ship = action('Ship', 6, { outcome: 'Failed', retryOutcome: 'Succeeded' })
  emulator.addPipeline(v2Pipeline(name, {}, { actions: [ship] }, { variables: [{ name: 'GITHUB_RUN_STEP', defaultValue: 'none' }] }))
  const first = startAction({
    endpoint: emulator.url,
    event,
    inputs: { 'pipeline-name': name, 'abandon-on-cancel': 'true', 'poll-interval-min-seconds': '0.5', 'poll-interval-max-seconds': '1' },
    env: { GITHUB_RUN_ATTEMPT: '1' }
  })
  await first.waitForLine(/Deploy \/ Ship started/, 30_000)
  first.child.kill('SIGINT')
  const cancelled = await first.done
  const stopped = cancelled.outputs['pipeline-execution-id']
  expect(callsFor(emulator, name, 'StopPipelineExecution')).toHaveLength(1)
  await new Promise((r) => setTimeout(r, 1000)) // a re-run comes after the cancelled job has ended
  const second = await attempt(name, 2)
  expect(second.stdout).toContain('Retried')
  expect(callsFor(emulator, name, 'RetryStageExecution').map((r) => r.body)).toEqual([
    { pipelineName: name, stageName: 'Deploy', pipelineExecutionId: stopped, retryMode: 'FAILED_ACTIONS' }
  ])
  expect(second.stdout).toContain(`Retried stage Deploy of execution ${stopped} (started by attempt 1), failed actions only.`)
  expect(second.outputs).toMatchObject({ 'pipeline-execution-id': stopped, status: 'Succeeded' })
  expect(callsFor(emulator, name, 'StartPipelineExecution')).toHaveLength(1)
}, 90_000)
