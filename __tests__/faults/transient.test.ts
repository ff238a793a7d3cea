// Fault matrix, part 1: throttling, 5xx, slow answers and dropped connections at different rates never
// fail a run that is going fine; only a sustained outage does, and it says which execution and where.
import { startEmulator, type Emulator, type FaultConfig } from '../../emulator/index.js'
import { runAction } from '../../harness/runner.js'
import { shortPipeline } from '../support/pipelines.js'
import { answers, callsFor, executionsOf, POLLS, uniqueName } from '../support/faults.js'

// Each test has a service of its own, so that the tests run side by side with faults of their own.
const services: Emulator[] = []
afterAll(async () => Promise.all(services.map((s) => s.close())))

async function pipeline(prefix: string, buildSeconds = 1): Promise<{ emulator: Emulator; name: string }> {
  const name = uniqueName(prefix)
  const emulator = await startEmulator({ pipelines: [] })
  services.push(emulator)
  emulator.addPipeline(shortPipeline({ name, buildSeconds }))
  return { emulator, name }
}

const ALL = undefined
const cases: [string, FaultConfig][] = [
  ['throttling on 30% of all calls', { seed: 1, rules: [{ operation: ALL, kind: 'throttle', probability: 0.3 }] }],
  ['throttling on 70% of the polls', { seed: 2, rules: [{ operation: POLLS, kind: 'throttle', probability: 0.7 }] }],
  ['HTTP 500 on 30% of all calls', { seed: 3, rules: [{ kind: 'http500', probability: 0.3 }] }],
  [
    'HTTP 503 on 60% of starts and polls',
    { seed: 4, rules: [{ operation: ['StartPipelineExecution', ...POLLS], kind: 'http503', probability: 0.6 }] }
  ],
  [
    'the start fails twice with 500, then twice throttled',
    {
      rules: [
        { operation: 'StartPipelineExecution', kind: 'http500', times: 2 },
        { operation: 'StartPipelineExecution', kind: 'throttle', times: 2 }
      ]
    }
  ],
  ['a rate limit of 2 requests per second', { rateLimit: { requestsPerSecond: 2, burst: 1 } }],
  ['slow answers (1.5 s) on every 2nd call', { rules: [{ kind: 'slow', delayMs: 1500, every: 2 }] }],
  ['dropped connections on 30% of all calls', { seed: 5, rules: [{ kind: 'drop', probability: 0.3 }] }],
  ['dropped connections on the first 6 polls', { rules: [{ operation: POLLS, kind: 'drop', times: 6 }] }]
]

test.concurrent.each(cases)('%s: the run succeeds, with exactly one execution', async (label, faults) => {
  const { emulator, name } = await pipeline('transient')
  emulator.setFaults(faults)
  const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name } })
  expect(result.errors).toEqual([])
  expect(result.code).toBe(0)
  expect(result.outputs.status).toBe('Succeeded')
  const executions = await executionsOf(emulator, name)
  expect(executions.map((e) => [e.id, e.status])).toEqual([[result.outputs['pipeline-execution-id'], 'Succeeded']])
  // Every start request carried the same token, so retries could not start a second execution.
  const tokens = new Set(callsFor(emulator, name, 'StartPipelineExecution').map((r) => r.body.clientRequestToken))
  expect(tokens.size).toBe(1)
  const failed = [...POLLS, 'StartPipelineExecution' as const].flatMap((op) => answers(emulator, name, op)).filter((a) => a !== '200')
  if (!label.startsWith('slow')) expect(failed.length).toBeGreaterThan(0) // the faults did happen
})

test.concurrent('a sustained outage fails the step after outage-tolerance-minutes, naming the execution and its link', async () => {
  const { emulator, name } = await pipeline('outage', 30)
  emulator.setFaults({ rules: [{ operation: POLLS, kind: 'http503' }] })
  const began = Date.now()
  const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, 'outage-tolerance-minutes': '0.05' } })
  expect(Date.now() - began).toBeGreaterThanOrEqual(3000)
  const id = result.outputs['pipeline-execution-id']
  expect(id).toBeTruthy()
  expect(result.code).not.toBe(0)
  expect(result.errors).toHaveLength(1)
  expect(result.errors[0]).toMatch(
    new RegExp(
      `^Could not get the status of execution ${id} for \\d+ s \\(outage-tolerance-minutes\\): .*the execution may still be running: ${result.outputs['execution-url'].replace(/[.?]/g, '\\$&')}$`
    )
  )
  // Warnings along the way, one per failed poll after the SDK's retries, never an error before the end.
  expect(result.warnings.some((w) => /Could not get the execution's (status|progress) .*trying again in \d+ s/.test(w))).toBe(true)
})
