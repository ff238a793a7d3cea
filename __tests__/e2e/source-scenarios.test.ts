// The demo's S3 and ECR scenarios through dist/ against the local service: the execution the action starts
// and follows runs exactly the uploaded object version, or exactly the pushed digest.
import { ListPipelineExecutionsCommand, CodePipelineClient } from '@aws-sdk/client-codepipeline'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { DEMO_BUCKET, DEMO_DIGEST, DEMO_KEY } from '../../harness/source-scenarios.js'
import { SCENARIOS } from '../../harness/scenarios.js'
import { uniqueName } from '../support/e2e.js'

let emulator: Emulator
let cp: CodePipelineClient
beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
  cp = new CodePipelineClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'x' }
  })
})
afterAll(async () => {
  cp.destroy()
  await emulator.close()
})

async function run(scenario: string) {
  const name = uniqueName(scenario)
  const { results } = await SCENARIOS[scenario].run({ url: emulator.url, addPipeline: (spec) => emulator.addPipeline(spec) }, name)
  const executions = (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!
  return { result: results[0], executions }
}

test('s3-artifact: the started execution runs the uploaded version, its summary from the object metadata', async () => {
  const { result, executions } = await run('s3-artifact')
  const [uploaded] = emulator.objectVersions(DEMO_BUCKET, DEMO_KEY)
  expect(result.code).toBe(0)
  expect(executions).toHaveLength(1)
  expect(executions[0]).toMatchObject({
    pipelineExecutionId: result.outputs['pipeline-execution-id'],
    status: 'Succeeded',
    sourceRevisions: [
      {
        actionName: 'Artifact',
        revisionId: uploaded.versionId,
        revisionSummary: uploaded.metadata['codepipeline-artifact-revision-summary']
      }
    ]
  })
  expect(JSON.parse(result.outputs['output-variables'])['Source.Artifact']).toMatchObject({ VersionId: uploaded.versionId })
  expect(result.outputs['artifact-version-id']).toBe(uploaded.versionId)
  expect(uploaded.metadata['codepipeline-artifact-revision-summary']).toMatch(/^Codertocat\/Hello-World@[0-9a-f]{7}/)
}, 60_000)

test('ecr-image: the started execution deploys the pushed digest', async () => {
  const { result, executions } = await run('ecr-image')
  expect(result.code).toBe(0)
  expect(executions).toMatchObject([
    { pipelineExecutionId: result.outputs['pipeline-execution-id'], sourceRevisions: [{ actionName: 'Image', revisionId: DEMO_DIGEST }] }
  ])
}, 60_000)
