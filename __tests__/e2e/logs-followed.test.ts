// Build logs for an execution the step follows but did not start (execution-id, follow-trigger), through dist/
// against the local service: the same `logs` input, the same groups and annotation as for one it started.
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { exampleEvent, runAction } from '../../harness/runner.js'
import { callsFor } from '../support/e2e.js'
import { addFailingBuild, annotation, numbered } from '../support/failing-build.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
})
afterAll(async () => emulator.close())

describe('logs for an execution the step follows', () => {
  const timed = (count: number) => Array.from({ length: count }, (_, i) => ({ atSeconds: 0.5 + i, message: `followed line ${i + 1}` }))

  test('execution-id, logs: all: the running build live, then its group, and its last lines in the annotation', async () => {
    const name = addFailingBuild(emulator, 'follow-id', 6, timed(6))
    const executionId = emulator.trigger({ pipelineName: name, revision: 'a'.repeat(40) })
    const result = await runAction({
      endpoint: emulator.url,
      inputs: { 'pipeline-name': name, 'execution-id': executionId, logs: 'all', 'poll-interval-max-seconds': '1' }
    })
    expect(result.code).toBe(1)
    expect(result.outputs['pipeline-execution-id']).toBe(executionId)
    const lines = result.stdout.split('\n')
    const failedAt = lines.findIndex((l) => /Build \/ Compile failed/.test(l))
    expect(lines.indexOf('Compile | followed line 1')).toBeGreaterThan(0)
    expect(lines.indexOf('Compile | followed line 1')).toBeLessThan(failedAt)
    expect(lines).toContain('::group::Build / Compile: its log, 6 lines')
    expect(annotation(result, name)).toMatch(/\n\nThe last 6 lines of the log of Build \/ Compile:\nfollowed line 1\n[^]*followed line 6$/)
    expect(callsFor(emulator, name, 'StartPipelineExecution')).toHaveLength(0)
  }, 60_000)

  test("follow-trigger, logs: failed: the trigger's failed build has its tail in a group and in the annotation", async () => {
    const event = exampleEvent('pull_request', 'synchronize')
    event.payload.pull_request.updated_at = new Date().toISOString()
    const head = event.payload.pull_request.head.sha as string
    const name = addFailingBuild(emulator, 'follow-trigger', 1, numbered('trigger line', 4))
    emulator.trigger({ pipelineName: name, revision: head, delaySeconds: 1 })
    const result = await runAction({ endpoint: emulator.url, event, inputs: { 'pipeline-name': name, 'follow-trigger': 'true' } })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('::group::Build / Compile: the last 4 lines of its log')
    expect(annotation(result, name)).toMatch(
      /\n\nThe last 4 lines of the log of Build \/ Compile:\ntrigger line 1\ntrigger line 2\ntrigger line 3\ntrigger line 4$/
    )
    expect(callsFor(emulator, name, 'StartPipelineExecution')).toHaveLength(0)
  }, 90_000)
})
