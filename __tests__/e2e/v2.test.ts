// V2 pipelines through dist/ against the local service: every wait explained, skipped stages, retries,
// rollbacks, queues, transitions and PARALLEL runs, each asserting the log, the summary, the outputs and the verdict.
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { exampleEvent, runAction } from '../../harness/runner.js'
import { SCENARIOS, ALARM_URL, v2Pipeline, type ScenarioRun } from '../../harness/scenarios.js'
import { callsFor, operations, uniqueName } from '../support/e2e.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
})
afterAll(() => emulator.close())

const run = async (scenario: string): Promise<ScenarioRun & { name: string }> => {
  const name = uniqueName(scenario)
  const result = await SCENARIOS[scenario].run({ url: emulator.url, addPipeline: (spec) => emulator.addPipeline(spec) }, name)
  return { ...result, name }
}

/** The summary as text: tags dropped, entities decoded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

const ID = '[0-9a-f-]{36}'

test('an entry condition that passes: the wait and its rule are explained, then the run passes', async () => {
  const { results, name } = await run('entry-condition')
  const [r] = results
  expect(r.stdout).toContain(`Stage Build waits for its entry condition: rule BusinessHours: ${ALARM_URL}BusinessHours`)
  expect(r.stdout.match(/waits for its entry condition/g)).toHaveLength(1) // said once
  expect(text(r.summary)).toContain('Waits Stage Build waits for its entry condition: rule BusinessHours')
  expect(r.outputs.status).toBe('Succeeded')
  expect(r.code).toBe(0)
  expect(operations(callsFor(emulator, name, 'GetPipelineState'))).toHaveLength(1)
}, 60_000)

test('an entry condition that fails the stage: the rule is named in the annotation with its message and link', async () => {
  const { results } = await run('entry-condition-fails')
  const [r] = results
  expect(r.stdout).toContain('Stage Build waits for its entry condition: rule ProdErrorRate')
  expect(r.stdout).toMatch(
    new RegExp(
      `^::error title=[^:]*Build / rule ProdErrorRate failed::.*Rule ProdErrorRate \\(CloudWatchAlarm\\) of stage Build failed: ProdErrorRate is in ALARM`,
      'm'
    )
  )
  expect(r.errors.at(-1)).toContain(`${ALARM_URL}ProdErrorRate`)
  expect(text(r.summary)).toContain('❌ Failed')
  expect(text(r.summary)).toContain("Rule 'ProdErrorRate' of the entry condition of stage 'Build' failed")
  expect(r.outputs.status).toBe('Failed')
  expect(r.code).not.toBe(0)
}, 60_000)

test('a bake alarm: the baking is explained after the actions are done; the alarm fails the stage and CodePipeline rolls back', async () => {
  const { results } = await run('bake')
  const [r] = results
  expect(r.stdout).toContain("Stage Deploy's actions are done; its success condition is baking: rule BakeAlarm")
  expect(r.stdout).toMatch(new RegExp(`CodePipeline rolled back to execution ${ID} \\(revision f00dfeedcafe\\): rollback execution ${ID}`))
  expect(r.stdout).toMatch(/::error title=[^:]*Deploy \/ rule BakeAlarm failed::/)
  expect(text(r.summary)).toMatch(/Rollback : CodePipeline rolled back to execution .* \(revision f00dfeedcafe\)/)
  expect(r.outputs['rollback-execution-id']).toMatch(new RegExp(`^${ID}$`))
  expect(r.outputs.status).toBe('Failed')
  expect(r.code).not.toBe(0)
}, 60_000)

test('a skipped stage shows as Skipped in the log and the summary; the run passes', async () => {
  const { results } = await run('skipped')
  const [r] = results
  expect(r.stdout).toContain("Stage Build was skipped: its entry condition's result is SKIP.")
  expect(text(r.summary)).toMatch(/Build Compile ⏭️ Skipped/)
  expect(text(r.summary)).toMatch(/Deploy Ship ✅ Succeeded/)
  expect(r.outputs.status).toBe('Succeeded')
  expect(r.code).toBe(0)
}, 60_000)

test('an automatic retry: the run is not over while CodePipeline retries; attempts in the log and the summary', async () => {
  const { results } = await run('auto-retry')
  const [r] = results
  expect(r.stdout).toContain('Build / Compile failed, attempt 1 of 2; CodePipeline retries the stage')
  expect(r.stdout).toMatch(/Build \/ Compile \(attempt 2, retried automatically\) succeeded/)
  expect(r.errors).toEqual([])
  expect(text(r.summary)).toMatch(/Build Compile ✅ Succeeded \(attempt 2, retried automatically\)/)
  expect(r.outputs.status).toBe('Succeeded')
  expect(r.code).toBe(0)
}, 60_000)

test('a manual retry: the failed run fails; the re-run with the same token follows the retried execution to success', async () => {
  const { results } = await run('manual-retry')
  const [first, second] = results
  expect(first.code).not.toBe(0)
  expect(first.outputs.status).toBe('Failed')
  expect(second.outputs['pipeline-execution-id']).toBe(first.outputs['pipeline-execution-id'])
  // Who retried it: GetPipelineState's retryStageMetadata.latestRetryTrigger (ManualStageRetry).
  expect(second.stdout).toMatch(/Build \/ Compile \(attempt 2, retried manually\) (started|succeeded)/)
  expect(text(second.summary)).toMatch(/Build Compile ✅ Succeeded \(attempt 2, retried manually\)/)
  expect(second.outputs.status).toBe('Succeeded')
  expect(second.code).toBe(0)
}, 90_000)

test('an automatic rollback with wait-for-rollback: which execution rolled back, to which, how it ended; the step fails', async () => {
  const { results } = await run('rollback')
  const [r] = results
  const rollbackId = r.outputs['rollback-execution-id']
  expect(rollbackId).toMatch(new RegExp(`^${ID}$`))
  expect(r.stdout).toContain(`Rollback execution ${rollbackId} ended Succeeded.`)
  expect(r.errors.at(-1)).toMatch(
    /failed in stage Deploy, action Ship: Health check failed .* CodePipeline rolled back to execution .* \(revision f00dfeedcafe\)/
  )
  expect(r.outputs['rollback-status']).toBe('Succeeded')
  expect(text(r.summary)).toContain(`in execution ${rollbackId}: ✅ Succeeded`)
  expect(r.outputs.status).toBe('Failed')
  expect(r.code).not.toBe(0)
}, 60_000)

test('a queued execution: queued behind the execution in the stage, said once, then it runs and passes', async () => {
  const { results, others } = await run('queued')
  const [r] = results
  expect(r.stdout).toContain(`Queued before stage Build behind 1 execution (execution ${others[0]} is in it)`)
  expect(r.stdout.match(/Queued before stage Build/g)).toHaveLength(1)
  expect(text(r.summary)).toContain('Waits Queued before stage Build behind 1 execution')
  expect(r.outputs.status).toBe('Succeeded')
  expect(r.code).toBe(0)
}, 60_000)

test('a disabled transition: the wait names the stage and the reason; once enabled, the run passes', async () => {
  const { results } = await run('disabled-transition')
  const [r] = results
  expect(r.stdout).toContain(
    'Waiting before stage Deploy: its inbound transition is disabled (reason: Change freeze until the release review (ticket 42)); it continues once someone enables it'
  )
  expect(text(r.summary)).toContain('Waits Waiting before stage Deploy: its inbound transition is disabled')
  expect(r.outputs.status).toBe('Succeeded')
  expect(r.code).toBe(0)
}, 60_000)

test('PARALLEL: two runs side by side, each following its own execution and commit, no wait to explain', async () => {
  const { results, name } = await run('parallel')
  const [a, b] = results
  expect(a.outputs['pipeline-execution-id']).not.toBe(b.outputs['pipeline-execution-id'])
  expect(a.outputs['commit-id']).toBe('a'.repeat(40))
  expect(b.outputs['commit-id']).toBe('b'.repeat(40))
  for (const r of [a, b]) {
    expect(r.stdout).not.toMatch(/Queued|Waiting before/)
    expect(text(r.summary)).toMatch(/Build Compile ✅ Succeeded/)
    expect(r.outputs.status).toBe('Succeeded')
    expect(r.code).toBe(0)
  }
  // Side by side: both Compile runs overlapped in time.
  const starts = callsFor(emulator, name, 'StartPipelineExecution').map((c) => c.time)
  expect(Math.abs(starts[0] - starts[1])).toBeLessThan(3000)
  expect(operations(callsFor(emulator, name, 'GetPipelineState'))).toEqual([])
}, 60_000)

describe('variables against the declaration discovery read (no extra call, nothing started)', () => {
  const runWith = async (spec: Parameters<Emulator['addPipeline']>[0], variables: string) => {
    emulator.addPipeline(spec)
    return runAction({
      endpoint: emulator.url,
      event: exampleEvent('pull_request', 'opened'),
      inputs: { 'pipeline-name': spec.name, variables }
    })
  }

  test('an undeclared variable is named, with the declared ones', async () => {
    const name = uniqueName('undeclared')
    const r = await runWith({ ...v2Pipeline(name), variables: [{ name: 'DEPLOY_ENV', defaultValue: 'dev' }] }, 'PR_NUMBER=7')
    expect(r.code).not.toBe(0)
    expect(r.errors.at(-1)).toBe(
      `variables: PR_NUMBER is not declared in pipeline ${name} (it declares DEPLOY_ENV); declare it in the pipeline (variables section) or remove it from the variables input.`
    )
    expect(operations(callsFor(emulator, name))).toEqual(['GetPipeline'])
  })

  test('a V1 pipeline given variables: one sentence, variables need a V2 pipeline', async () => {
    const name = uniqueName('v1')
    const r = await runWith({ ...v2Pipeline(name), pipelineType: 'V1' }, 'DEPLOY_ENV=prod')
    expect(r.code).not.toBe(0)
    expect(r.errors.at(-1)).toMatch(new RegExp(`^variables: pipeline ${name} is a V1 pipeline, and pipeline variables need a V2 pipeline`))
    expect(operations(callsFor(emulator, name))).toEqual(['GetPipeline'])
  })
})
