// Inputs as the runner passes them (INPUT_* exactly as written), through dist/ against the local service.
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { runAction } from '../../harness/runner.js'
import { callsFor, uniqueName } from '../support/e2e.js'
import { shortPipeline } from '../support/pipelines.js'

let emulator: Emulator
beforeAll(async () => (emulator = await startEmulator({ pipelines: [] })))
afterAll(() => emulator.close())

function pipeline(): string {
  const name = uniqueName('inputs')
  emulator.addPipeline(shortPipeline({ name }))
  return name
}

test('wait-timeout-minutes at its largest (99999) waits for the verdict; the timer does not overflow and fire at once', async () => {
  const name = pipeline()
  const result = await runAction({
    endpoint: emulator.url,
    inputs: { 'pipeline-name': name, 'wait-timeout-minutes': '99999', 'stop-on-timeout': 'true' }
  })
  expect(result.stdout).not.toMatch(/did not finish within/)
  expect(result.code).toBe(0)
  expect(result.outputs.status).toBe('Succeeded')
  expect(callsFor(emulator, name, 'StopPipelineExecution')).toHaveLength(0)
})

test('variables: the value keeps its spaces, and a lone CR breaks lines like LF', async () => {
  const name = pipeline()
  const result = await runAction({
    endpoint: emulator.url,
    inputs: { 'pipeline-name': name, variables: 'DEPLOY_ENV= blue  \rURL=https://x/?a=b  ' }
  })
  expect(result.code).toBe(0)
  const [start] = callsFor(emulator, name, 'StartPipelineExecution')
  expect(start.body.variables).toEqual([
    { name: 'DEPLOY_ENV', value: ' blue  ' },
    { name: 'URL', value: 'https://x/?a=b  ' }
  ])
})

test('mask-variables: a malformed line is named by its number, its text never printed', async () => {
  const name = pipeline()
  const result = await runAction({
    endpoint: emulator.url,
    inputs: { 'pipeline-name': name, 'mask-variables': 'true', variables: 'DEPLOY_ENV=prod\ns3cr3t-t0ken' }
  })
  expect(result.code).toBe(1)
  expect(result.errors).toEqual([expect.stringMatching(/^variables line 2: the line \(not shown: mask-variables\) is not NAME=value/)])
  expect(result.stdout + result.stderr).not.toContain('s3cr3t-t0ken')
  expect(callsFor(emulator, name)).toHaveLength(0)
})
