import {
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  InvalidNextTokenException,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  PipelineExecutionNotFoundException,
  PipelineVersionNotFoundException,
  StartPipelineExecutionCommand,
  paginateListActionExecutions,
  paginateListPipelineExecutions
} from '@aws-sdk/client-codepipeline'
import { samplePipeline, startEmulator } from '../../emulator/index.js'
import { client, harness, pipeline, T0, UUID, type Harness } from '../support/emulator.js'

let h: Harness
beforeAll(async () => {
  h = await harness({
    pipelines: [
      samplePipeline(),
      pipeline('ordered', [
        {
          name: 'Build',
          actions: [
            { name: 'Lint', seconds: 2, runOrder: 1 },
            { name: 'Unit', seconds: 3, runOrder: 1 },
            { name: 'Package', seconds: 1, runOrder: 2 }
          ]
        },
        { name: 'Deploy', actions: [{ name: 'Ship', seconds: 1 }] }
      ]),
      {
        name: 's3-source',
        stages: [
          {
            name: 'Source',
            actions: [{ name: 'Bundle', category: 'Source', provider: 'S3', configuration: { S3Bucket: 'b', S3ObjectKey: 'app.zip' } }]
          },
          { name: 'Build', actions: [{ name: 'Compile', category: 'Build', provider: 'CodeBuild' }] }
        ]
      },
      pipeline('failing', [
        { name: 'Build', actions: [{ name: 'Compile', seconds: 2, fails: true }] },
        { name: 'Deploy', actions: [{ name: 'Ship', seconds: 1 }] }
      ])
    ]
  })
})
afterAll(() => h.emulator.close())

const start = async (name: string, extra = {}) =>
  (await h.cp.send(new StartPipelineExecutionCommand({ name, ...extra }))).pipelineExecutionId!
const execution = async (pipelineName: string, pipelineExecutionId: string) =>
  (await h.cp.send(new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId }))).pipelineExecution!
const actions = async (pipelineName: string, pipelineExecutionId: string) =>
  (await h.cp.send(new ListActionExecutionsCommand({ pipelineName, filter: { pipelineExecutionId } }))).actionExecutionDetails!
const statuses = async (pipelineName: string, id: string) =>
  Object.fromEntries((await actions(pipelineName, id)).map((a) => [a.actionName, a.status]))

test('stages run in order and actions within a stage by runOrder, on the clock', async () => {
  const id = await start('ordered')
  expect(await statuses('ordered', id)).toEqual({ Source: 'InProgress' })
  h.clock.advance(1)
  expect(await statuses('ordered', id)).toEqual({ Source: 'Succeeded', Lint: 'InProgress', Unit: 'InProgress' })
  h.clock.advance(2)
  expect(await statuses('ordered', id)).toEqual({ Source: 'Succeeded', Lint: 'Succeeded', Unit: 'InProgress' })
  h.clock.advance(1)
  expect(await statuses('ordered', id)).toMatchObject({ Unit: 'Succeeded', Package: 'InProgress' })
  expect((await execution('ordered', id)).status).toBe('InProgress')
  h.clock.advance(1)
  expect(await statuses('ordered', id)).toMatchObject({ Package: 'Succeeded', Ship: 'InProgress' })
  h.clock.advance(1)
  expect(await statuses('ordered', id)).toMatchObject({ Ship: 'Succeeded' })
  expect((await execution('ordered', id)).status).toBe('Succeeded')
  const ship = (await actions('ordered', id)).find((a) => a.actionName === 'Ship')!
  expect(ship.startTime).toEqual(new Date(T0 + 5000))
  expect(ship.lastUpdateTime).toEqual(new Date(T0 + 6000))
})

test('a failed action fails its stage and the execution, and later stages never run', async () => {
  const id = await start('failing')
  h.clock.advance(10)
  const failed = await execution('failing', id)
  expect(failed.status).toBe('Failed')
  expect(failed.statusSummary).toBe("Action 'Compile' in stage 'Build' failed: Compile broke")
  const compile = (await actions('failing', id)).find((a) => a.actionName === 'Compile')!
  expect(compile.status).toBe('Failed')
  expect(compile.output?.executionResult?.errorDetails).toEqual({ code: 'JobFailed', message: 'Compile broke' })
  expect(await statuses('failing', id)).toEqual({ Source: 'Succeeded', Compile: 'Failed' })
  const state = await h.cp.send(new GetPipelineStateCommand({ name: 'failing' }))
  expect(state.stageStates?.map((s) => s.latestExecution?.status)).toEqual(['Succeeded', 'Failed', undefined])
})

test('GetPipelineExecution shows variables, source revisions, mode and trigger', async () => {
  const sha = 'a'.repeat(40)
  const id = await start('sample-pipeline', {
    variables: [{ name: 'DEPLOY_ENV', value: 'prod' }],
    sourceRevisions: [{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: sha }]
  })
  const e = await execution('sample-pipeline', id)
  expect(e).toMatchObject({
    pipelineName: 'sample-pipeline',
    pipelineVersion: 1,
    pipelineExecutionId: id,
    status: 'InProgress',
    executionMode: 'SUPERSEDED',
    variables: [{ name: 'DEPLOY_ENV', resolvedValue: 'prod' }],
    trigger: { triggerType: 'StartPipelineExecution', triggerDetail: expect.stringContaining('AKIDEMULATORTEST') }
  })
  expect(e.artifactRevisions).toEqual([
    expect.objectContaining({
      name: 'SourceArtifact',
      revisionId: sha,
      revisionUrl: `https://github.com/Codertocat/Hello-World/commit/${sha}`
    })
  ])
  h.clock.advance(30)
  const details = await actions('sample-pipeline', id)
  const source = details.find((a) => a.actionName === 'Source')!
  expect(source.output?.outputVariables?.CommitId).toBe(sha)
  const build = details.find((a) => a.actionName === 'Build')!
  expect(build.input?.actionTypeId).toEqual({ category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' })
  expect(build.output?.executionResult).toEqual({
    externalExecutionId: expect.stringMatching(/^sample-build:/),
    externalExecutionSummary: 'Build succeeded',
    externalExecutionUrl: expect.stringContaining('/projects/sample-build/build/sample-build%3A')
  })
})

test('an S3 source takes S3_OBJECT_KEY and S3_OBJECT_VERSION_ID together, as the API documents; not the same type twice', async () => {
  const override = (revisionType: string, revisionValue: string) => ({ actionName: 'Bundle', revisionType, revisionValue })
  const id = await start('s3-source', {
    sourceRevisions: [override('S3_OBJECT_KEY', 'app.zip'), override('S3_OBJECT_VERSION_ID', 'v-42')]
  })
  expect((await execution('s3-source', id)).artifactRevisions?.[0]?.revisionId).toBe('v-42')
  await expect(
    start('s3-source', { sourceRevisions: [override('S3_OBJECT_KEY', 'a.zip'), override('S3_OBJECT_KEY', 'b.zip')] })
  ).rejects.toThrow(/overridden more than once/)
})

test('the same clientRequestToken returns the same execution', async () => {
  const first = await start('sample-pipeline', { clientRequestToken: 'same-token' })
  const again = await start('sample-pipeline', { clientRequestToken: 'same-token' })
  const other = await start('sample-pipeline', { clientRequestToken: 'other-token' })
  expect(again).toBe(first)
  expect(other).not.toBe(first)
  expect(first).toMatch(UUID)
})

test('unknown execution ids answer PipelineExecutionNotFoundException', async () => {
  const get = h.cp.send(new GetPipelineExecutionCommand({ pipelineName: 'ordered', pipelineExecutionId: crypto.randomUUID() }))
  await expect(get).rejects.toBeInstanceOf(PipelineExecutionNotFoundException)
})

test('GetPipeline shows the declaration, variables and metadata; unknown versions are refused', async () => {
  const { pipeline: p, metadata } = await h.cp.send(new GetPipelineCommand({ name: 'sample-pipeline' }))
  expect(p?.stages?.map((s) => s.name)).toEqual(['Source', 'Build', 'Deploy'])
  expect(p?.stages?.[0].actions?.[0]).toMatchObject({
    actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
    configuration: expect.objectContaining({ FullRepositoryId: 'Codertocat/Hello-World' }),
    outputArtifacts: [{ name: 'SourceArtifact' }]
  })
  expect(p).toMatchObject({ version: 1, executionMode: 'SUPERSEDED', pipelineType: 'V2' })
  expect(p?.variables).toEqual([expect.objectContaining({ name: 'DEPLOY_ENV', defaultValue: 'staging' })])
  expect(metadata?.pipelineArn).toBe('arn:aws:codepipeline:us-east-1:123456789012:sample-pipeline')
  await expect(h.cp.send(new GetPipelineCommand({ name: 'sample-pipeline', version: 2 }))).rejects.toBeInstanceOf(
    PipelineVersionNotFoundException
  )
})

test('ListPipelineExecutions pages newest first and includes the history', async () => {
  const emulator = await startEmulator({ clock: h.clock })
  const cp = client(emulator)
  const ids = []
  for (let i = 0; i < 3; i++) ids.push((await cp.send(new StartPipelineExecutionCommand({ name: 'sample-pipeline' }))).pipelineExecutionId)
  const pages = []
  for await (const page of paginateListPipelineExecutions({ client: cp, pageSize: 2 }, { pipelineName: 'sample-pipeline' }))
    pages.push(page.pipelineExecutionSummaries!)
  expect(pages.map((p) => p.length)).toEqual([2, 2, 2])
  const all = pages.flat()
  expect(all.slice(0, 3).map((s) => s.pipelineExecutionId)).toEqual(ids.reverse())
  expect(all.slice(3).map((s) => s.status)).toEqual(['Succeeded', 'Succeeded', 'Succeeded'])
  expect(all[3].startTime).toEqual(new Date(h.clock.now() - 3600_000))
  expect(all[3].sourceRevisions?.[0]).toMatchObject({ actionName: 'Source', revisionId: expect.stringMatching(/^[0-9a-f]{40}$/) })
  const bad = cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'sample-pipeline', nextToken: 'garbage' }))
  await expect(bad).rejects.toBeInstanceOf(InvalidNextTokenException)
  await emulator.close()
})

test('ListPipelineExecutions filters by succeededInStage', async () => {
  const emulator = await startEmulator({ clock: h.clock, pipelines: [samplePipeline({ fail: true })] })
  const cp = client(emulator)
  const { pipelineExecutionId } = await cp.send(new StartPipelineExecutionCommand({ name: 'sample-pipeline' }))
  h.clock.advance(30)
  const list = async (stageName: string) =>
    (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'sample-pipeline', filter: { succeededInStage: { stageName } } })))
      .pipelineExecutionSummaries!
  expect((await list('Source')).map((s) => s.pipelineExecutionId)).toContain(pipelineExecutionId)
  expect((await list('Build')).map((s) => s.pipelineExecutionId)).not.toContain(pipelineExecutionId)
  await emulator.close()
})

test('ListActionExecutions pages with maxResults and nextToken, newest first', async () => {
  const id = await start('ordered')
  h.clock.advance(10)
  const pages = []
  for await (const page of paginateListActionExecutions(
    { client: h.cp, pageSize: 2 },
    { pipelineName: 'ordered', filter: { pipelineExecutionId: id } }
  ))
    pages.push(page.actionExecutionDetails!.map((a) => a.actionName))
  expect(pages.map((p) => p.length)).toEqual([2, 2, 1])
  expect(pages.flat()[0]).toBe('Ship')
  expect(pages.flat().sort()).toEqual(['Lint', 'Package', 'Ship', 'Source', 'Unit'])
  const first = await h.cp.send(
    new ListActionExecutionsCommand({ pipelineName: 'ordered', filter: { pipelineExecutionId: id }, maxResults: 2 })
  )
  const crossed = h.cp.send(new ListActionExecutionsCommand({ pipelineName: 'failing', nextToken: first.nextToken }))
  await expect(crossed).rejects.toBeInstanceOf(InvalidNextTokenException)
})

test('GetPipelineState shows each stage, its latest execution and its actions', async () => {
  const id = await start('ordered')
  h.clock.advance(1.5)
  const { stageStates } = await h.cp.send(new GetPipelineStateCommand({ name: 'ordered' }))
  const build = stageStates!.find((s) => s.stageName === 'Build')!
  expect(build.latestExecution).toEqual({ pipelineExecutionId: id, status: 'InProgress', type: 'STANDARD' })
  const lint = build.actionStates!.find((a) => a.actionName === 'Lint')!
  expect(lint.latestExecution).toMatchObject({ status: 'InProgress', externalExecutionId: expect.stringMatching(/^lint:/) })
  h.clock.advance(30)
})

test('with the real clock, short durations finish', async () => {
  const emulator = await startEmulator({
    pipelines: [pipeline('quick', [{ name: 'Build', actions: [{ name: 'B', seconds: 0.1 }] }], { defaultDurationSeconds: 0.05 })]
  })
  const cp = client(emulator)
  const { pipelineExecutionId } = await cp.send(new StartPipelineExecutionCommand({ name: 'quick' }))
  const deadline = Date.now() + 10_000
  let status: string | undefined
  while (Date.now() < deadline && status !== 'Succeeded') {
    await new Promise((resolve) => setTimeout(resolve, 50))
    status = (await cp.send(new GetPipelineExecutionCommand({ pipelineName: 'quick', pipelineExecutionId }))).pipelineExecution?.status
  }
  expect(status).toBe('Succeeded')
  await emulator.close()
})
