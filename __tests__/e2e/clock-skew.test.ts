// Times in the log and the poll plan never mix the runner's clock with AWS's: the local service runs 10 minutes
// off the runner's clock (both ways), and dist/ still prints offsets from the start and sees the end promptly.
import { startEmulator } from '../../emulator/index.js'
import { runAction } from '../../harness/runner.js'
import { uniqueName } from '../support/e2e.js'
import { shortPipeline } from '../support/pipelines.js'

test.each([
  ['ahead of AWS', -600_000],
  ['behind AWS', 600_000]
])('a runner 10 minutes %s: offsets from the start, no delayed verdict', async (_label, awsOffset) => {
  const emulator = await startEmulator({ pipelines: [], clock: { now: () => Date.now() + awsOffset } })
  try {
    const name = uniqueName('skew')
    const spec = shortPipeline({ name })
    // A last stage long enough to be polled while it runs (the planner then aims at its end).
    spec.stages[2].actions[0].durationSeconds = 4
    emulator.addPipeline(spec)
    const began = Date.now()
    const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name } })
    const tookMs = Date.now() - began
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^\[\+0\.1s\] Source \/ App succeeded after 0\.1s/m)
    expect(result.stdout).toMatch(/^\[\+4\.4s\] Deploy \/ Ship succeeded after 4\.0s/m)
    expect(result.stdout).not.toMatch(/\[\+\d+m/)
    // Mixing the clocks made the planner wait its 60 s maximum; a prompt verdict comes well before that.
    expect(tookMs).toBeLessThan(40_000)
  } finally {
    await emulator.close()
  }
})
