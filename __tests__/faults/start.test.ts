// Fault matrix, part 2: a busy pipeline on start, idempotent starts, expired credentials, wait timeouts.
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { runAction, runPost, type RunOptions } from '../../harness/runner.js'
import { shortPipeline } from '../support/pipelines.js'
import { callsFor, executionsOf, POLLS, statusOf, uniqueName } from '../support/faults.js'

// Each test has a service of its own, so that the tests run side by side with faults of their own.
const services: Emulator[] = []
afterAll(async () => Promise.all(services.map((s) => s.close())))

async function pipeline(prefix: string, buildSeconds = 0.5, executionMode?: 'PARALLEL'): Promise<{ emulator: Emulator; name: string }> {
  const name = uniqueName(prefix)
  const emulator = await startEmulator({ pipelines: [] })
  services.push(emulator)
  emulator.addPipeline(shortPipeline({ name, buildSeconds, executionMode }))
  return { emulator, name }
}

describe('conflicts on start', () => {
  test.concurrent.each(['conflict', 'concurrentLimit'] as const)(
    '%s a few times: retried with backoff and the same token, then one execution',
    async (kind) => {
      const { emulator, name } = await pipeline(kind)
      emulator.setFaults({ rules: [{ operation: 'StartPipelineExecution', kind, times: 2 }] })
      const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name } })
      expect(result.code).toBe(0)
      const starts = callsFor(emulator, name, 'StartPipelineExecution')
      expect(starts.map((r) => r.status)).toEqual([kind === 'conflict' ? 409 : 400, kind === 'conflict' ? 409 : 400, 200])
      expect(new Set(starts.map((r) => r.body.clientRequestToken)).size).toBe(1)
      expect((await executionsOf(emulator, name)).map((e) => e.status)).toEqual(['Succeeded'])
      expect(result.warnings.filter((w) => /did not start .*trying again in \d+ s/.test(w))).toHaveLength(2)
    }
  )

  test.concurrent('a pipeline that stays busy fails clearly after start-retry-minutes; nothing is started', async () => {
    const { emulator, name } = await pipeline('busy')
    emulator.setFaults({ rules: [{ operation: 'StartPipelineExecution', kind: 'concurrentLimit' }] })
    const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, 'start-retry-minutes': '0.05' } })
    expect(result.code).not.toBe(0)
    expect(result.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Pipeline ${name} did not accept a new execution for \\d+ s \\(ConcurrentPipelineExecutionsLimitExceededException: .*\\); nothing was started\\. Raise start-retry-minutes`
        )
      )
    ])
    expect(await executionsOf(emulator, name)).toEqual([])
    expect(result.outputs['pipeline-execution-id']).toBeUndefined()
  })
})

describe('idempotent start', () => {
  test.concurrent('a process launched again in the same run attempt gets the same execution back; a re-run starts a new one', async () => {
    const { emulator, name } = await pipeline('idem', 0.5, 'PARALLEL')
    const options: RunOptions = { endpoint: emulator.url, inputs: { 'pipeline-name': name } }
    const first = await runAction(options)
    const again = await runAction(options)
    const rerun = await runAction({ ...options, env: { GITHUB_RUN_ATTEMPT: '2' } })
    expect([first.code, again.code, rerun.code]).toEqual([0, 0, 0])
    expect(again.outputs['pipeline-execution-id']).toBe(first.outputs['pipeline-execution-id'])
    expect(rerun.outputs['pipeline-execution-id']).not.toBe(first.outputs['pipeline-execution-id'])
    expect(await executionsOf(emulator, name)).toHaveLength(2)
    const tokens = callsFor(emulator, name, 'StartPipelineExecution').map((r) => r.body.clientRequestToken)
    expect(tokens[0]).toMatch(/^gha-1658821493-1-[0-9a-f]{64}$/)
    expect(tokens[2]).toMatch(/^gha-1658821493-2-/)
  })

  test.concurrent('client-request-token overrides the derived token', async () => {
    const { emulator, name } = await pipeline('token')
    const result = await runAction({
      endpoint: emulator.url,
      inputs: { 'pipeline-name': name, 'client-request-token': 'release-2024-06-01' }
    })
    expect(result.code).toBe(0)
    expect(callsFor(emulator, name, 'StartPipelineExecution')[0].body.clientRequestToken).toBe('release-2024-06-01')
  })
})

test.concurrent(
  'expired credentials mid-wait: says the session outlived its duration, with role-duration-seconds, the execution and its link',
  async () => {
    const { emulator, name } = await pipeline('expired', 30)
    emulator.setFaults({ rules: [{ operation: POLLS, kind: 'expiredToken', after: 1 }] })
    const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name } })
    expect(result.code).not.toBe(0)
    const id = result.outputs['pipeline-execution-id']
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toContain(`expired while following execution ${id} (ExpiredTokenException)`)
    expect(result.errors[0]).toContain('outlived its duration')
    expect(result.errors[0]).toContain('role-duration-seconds of aws-actions/configure-aws-credentials')
    expect(result.errors[0]).toContain(result.outputs['execution-url'])
    // Not retried: the credentials won't get younger.
    expect(
      callsFor(emulator, name).filter((r) => (POLLS as string[]).includes(r.operation) && r.errorType === 'ExpiredTokenException')
    ).toHaveLength(1)
  }
)

describe('wait-timeout-minutes', () => {
  test.concurrent('stop-on-timeout: fails saying so, and stops the execution exactly once', async () => {
    const { emulator, name } = await pipeline('timeout-stop', 30)
    const options: RunOptions = {
      endpoint: emulator.url,
      inputs: { 'pipeline-name': name, 'wait-timeout-minutes': '0.03', 'stop-on-timeout': 'true' }
    }
    const began = Date.now()
    const result = await runAction(options)
    expect(Date.now() - began).toBeGreaterThanOrEqual(1800)
    expect(result.code).not.toBe(0)
    expect(result.errors).toEqual([
      expect.stringMatching(/did not finish within 0\.03 minutes \(wait-timeout-minutes\); it was stopped \(stop-on-timeout\)/)
    ])
    const [execution] = await executionsOf(emulator, name)
    expect(execution.stops).toBe(1)
    expect(execution.stopReason).toMatch(/^wait-timeout-minutes reached in https:\/\/github.com\//)
    await runPost(result, options)
    expect(callsFor(emulator, name, 'StopPipelineExecution')).toHaveLength(1)
  })

  test.concurrent('without stop-on-timeout: fails saying so, leaves it running, and the post step leaves it alone too', async () => {
    const { emulator, name } = await pipeline('timeout-leave', 30)
    const options: RunOptions = { endpoint: emulator.url, inputs: { 'pipeline-name': name, 'wait-timeout-minutes': '0.02' } }
    const result = await runAction(options)
    expect(result.code).not.toBe(0)
    expect(result.errors).toEqual([
      expect.stringMatching(/did not finish within 0\.02 minutes \(wait-timeout-minutes\); it is left running/)
    ])
    const post = await runPost(result, options)
    expect(post.code).toBe(0)
    expect(callsFor(emulator, name, 'StopPipelineExecution')).toHaveLength(0)
    expect(await statusOf(emulator, name, result.outputs['pipeline-execution-id'])).toBe('InProgress')
  })
})
