// CodePipeline's automatic rollback after a failure, reported through dist/ against the local service even when
// the runner's clock is ahead of AWS's (which execution is "ours" is read on AWS's own clock) and when the
// service throttles while the rollback is looked for and followed (retried like every other poll).
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { exampleEvent, runAction, startAction, type ActionResult } from '../../harness/runner.js'
import { v2Pipeline, action } from '../../harness/scenarios.js'
import { callsFor, uniqueName } from '../support/e2e.js'

const ID = '[0-9a-f-]{36}'
const services: Emulator[] = []
afterAll(async () => Promise.all(services.map((s) => s.close())))

/** Deploy fails and rolls back to the last good execution; the rollback redeploys for `shipSeconds`. */
async function rollingBack(prefix: string, awsOffsetMs = 0, shipSeconds = 1): Promise<{ emulator: Emulator; name: string }> {
  const emulator = await startEmulator({ pipelines: [], clock: { now: () => Date.now() + awsOffsetMs } })
  services.push(emulator)
  const name = uniqueName(prefix)
  const history = [{ status: 'Succeeded' as const, durationSeconds: 3, startedSecondsAgo: 3600, revision: 'f00dfeedcafe'.padEnd(40, '0') }]
  const ship = action('Ship', shipSeconds, { outcome: 'Failed', errorMessage: 'Health check failed on 3 of 4 hosts' })
  emulator.addPipeline(v2Pipeline(name, {}, { actions: [ship], onFailure: { result: 'ROLLBACK' } }, { history }))
  return { emulator, name }
}

const inputs = (name: string) => ({
  'pipeline-name': name,
  'wait-for-rollback': 'true',
  'poll-interval-min-seconds': '0.5',
  'poll-interval-max-seconds': '1'
})

function expectRollbackReported(r: ActionResult): void {
  const rollbackId = r.outputs['rollback-execution-id']
  expect(rollbackId).toMatch(new RegExp(`^${ID}$`))
  expect(r.stdout).toMatch(
    new RegExp(`CodePipeline rolled back to execution ${ID} \\(revision f00dfeedcafe\\): rollback execution ${rollbackId}`)
  )
  expect(r.stdout).toContain(`Rollback execution ${rollbackId} ended Succeeded.`)
  expect(r.outputs['rollback-status']).toBe('Succeeded')
  expect(r.errors.at(-1)).toMatch(/CodePipeline rolled back to execution .* \(revision f00dfeedcafe\)/)
  expect(r.outputs.status).toBe('Failed')
  expect(r.code).not.toBe(0)
}

test.concurrent.each([
  ['10 minutes ahead of AWS', -600_000],
  ['10 minutes behind AWS', 600_000]
])('a runner %s: the rollback is found and followed', async (_label, awsOffsetMs) => {
  const { emulator, name } = await rollingBack('rollback-skew', awsOffsetMs)
  const r = await runAction({ endpoint: emulator.url, event: exampleEvent('pull_request', 'opened'), inputs: inputs(name) })
  expectRollbackReported(r)
})

const throttled = (emulator: Emulator, name: string, operation: 'ListPipelineExecutions' | 'GetPipelineExecution') =>
  callsFor(emulator, name, operation).filter((c) => c.errorType === 'ThrottlingException')

// Five refusals in a row outlast the SDK's own five attempts: only the action's retry gets past them.
test.concurrent('throttled while the rollback is looked for: retried, reported, rollback-status set', async () => {
  // The first ListPipelineExecutions is the history read; the look for the rollback comes next.
  const { emulator, name } = await rollingBack('rollback-look-throttled')
  emulator.setFaults({ rules: [{ operation: 'ListPipelineExecutions', kind: 'throttle', after: 1, times: 5 }] })
  const r = await runAction({ endpoint: emulator.url, event: exampleEvent('pull_request', 'opened'), inputs: inputs(name) })
  expectRollbackReported(r)
  expect(r.warnings.join('\n')).toMatch(/Rate exceeded/)
  expect(throttled(emulator, name, 'ListPipelineExecutions')).toHaveLength(5)
})

test.concurrent('throttled while the rollback is followed: retried, reported, rollback-status set', async () => {
  const { emulator, name } = await rollingBack('rollback-follow-throttled', 0, 6)
  const run = startAction({ endpoint: emulator.url, event: exampleEvent('pull_request', 'opened'), inputs: inputs(name) })
  await run.waitForLine(/CodePipeline rolled back .* is InProgress\./, 60_000)
  emulator.setFaults({ rules: [{ operation: 'GetPipelineExecution', kind: 'throttle', times: 5 }] })
  const r = await run.done
  expectRollbackReported(r)
  expect(r.warnings.join('\n')).toMatch(/Rate exceeded/)
  expect(throttled(emulator, name, 'GetPipelineExecution')).toHaveLength(5)
})
