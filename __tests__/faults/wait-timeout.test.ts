// wait-timeout-minutes ends the wait at its limit even while a call to CodePipeline hangs: the bundled action
// (dist/) against the local service, every progress and status read made to hang past the SDK's own timeout.
import { startEmulator } from '../../emulator/index.js'
import { startAction } from '../../harness/runner.js'
import { shortPipeline } from '../support/pipelines.js'
import { callsFor, executionsOf, POLLS, uniqueName, until } from '../support/faults.js'

test('wait-timeout-minutes ends the wait at its limit while a progress read hangs', async () => {
  const name = uniqueName('timeout-hang')
  const emulator = await startEmulator({ pipelines: [shortPipeline({ name, buildSeconds: 120 })] })
  try {
    const began = Date.now()
    const run = startAction({
      endpoint: emulator.url,
      inputs: { 'pipeline-name': name, 'wait-timeout-minutes': '0.1', 'stop-on-timeout': 'true' }
    })
    await until(() => callsFor(emulator, name, 'StartPipelineExecution')[0], 20_000)
    // Every progress and status read from now on hangs longer than the SDK's own 30 s request timeout.
    emulator.setFaults({ rules: [{ operation: POLLS, kind: 'slow', delayMs: 60_000 }] })
    const result = await run.done
    const tookMs = Date.now() - began
    expect(result.errors).toEqual([
      expect.stringMatching(/did not finish within 0\.1 minutes \(wait-timeout-minutes\); it was stopped \(stop-on-timeout\)/)
    ])
    const [execution] = await executionsOf(emulator, name)
    expect(execution?.stops).toBe(1)
    // 6 s, then the stop (at most 4 s) and the report; a hung read held it for the SDK's 30 s request timeout and more.
    expect(tookMs).toBeGreaterThanOrEqual(6000)
    expect(tookMs).toBeLessThan(25_000)
  } finally {
    await emulator.close()
  }
}, 120_000)
