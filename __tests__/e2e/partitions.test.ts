// Regions outside the aws partition, through dist/ against the local service: console links on each partition's
// own console (China, GovCloud, the European Sovereign Cloud), and every region the AWS SDK's partition table
// knows accepted, while a region code no partition has is still refused before any AWS call.
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { runAction } from '../../harness/runner.js'
import { callsFor, uniqueName } from '../support/e2e.js'
import { shortPipeline } from '../support/pipelines.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
})
afterAll(() => emulator.close())

test.concurrent.each([
  ['cn-north-1', 'https://console.amazonaws.cn'],
  ['cn-northwest-1', 'https://console.amazonaws.cn'],
  ['us-gov-west-1', 'https://console.amazonaws-us-gov.com'],
  ['us-gov-east-1', 'https://console.amazonaws-us-gov.com'],
  ['eusc-de-east-1', 'https://console.amazonaws-eusc.eu'],
  ['us-east-1', 'https://us-east-1.console.aws.amazon.com']
])('%s: accepted, and every link goes to %s', async (region, console) => {
  const name = uniqueName(`partition-${region}`)
  emulator.addPipeline(shortPipeline({ name }))
  const r = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, 'aws-region': region } })
  expect(r.errors).toEqual([])
  expect(r.code).toBe(0)
  const id = r.outputs['pipeline-execution-id']
  expect(r.outputs['execution-url']).toBe(`${console}/codesuite/codepipeline/pipelines/${name}/executions/${id}/timeline?region=${region}`)
  expect(r.summary).toContain(`href="${console}/codesuite/codepipeline/pipelines/${name}/executions/${id}/timeline?region=${region}"`)
  // Every link of ours (the pipeline's and the execution's pages) is on that console.
  const ours = [...`${r.stdout}\n${r.summary}`.matchAll(/https:\/\/[^\s"<>()]*\/codesuite\/codepipeline\/[^\s"<>()]*/g)].map((m) => m[0])
  expect(ours.length).toBeGreaterThan(0)
  for (const link of ours) expect(link.startsWith(`${console}/`)).toBe(true)
})

test.concurrent('a region code no partition has (us-east1) is still refused before any AWS call', async () => {
  const name = uniqueName('partition-typo')
  emulator.addPipeline(shortPipeline({ name }))
  const r = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, 'aws-region': 'us-east1' } })
  expect(r.code).not.toBe(0)
  expect(r.errors).toEqual([expect.stringMatching(/^Input aws-region is 'us-east1', which is not an AWS region/)])
  expect(callsFor(emulator, name)).toEqual([])
})
