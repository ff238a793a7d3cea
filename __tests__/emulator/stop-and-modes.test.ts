import {
  DuplicatedStopRequestException,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  PipelineExecutionNotStoppableException,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand
} from '@aws-sdk/client-codepipeline'
import type { ExecutionMode } from '../../emulator/index.js'
import { harness, pipeline, type Harness } from '../support/emulator.js'

// Source 1 s, Build 4 s, Deploy 2 s.
const spec = (name: string, executionMode: ExecutionMode) =>
  pipeline(
    name,
    [
      { name: 'Build', actions: [{ name: 'Compile', seconds: 4 }] },
      { name: 'Deploy', actions: [{ name: 'Ship', seconds: 2 }] }
    ],
    { executionMode }
  )

let h: Harness
beforeAll(async () => {
  h = await harness({
    pipelines: [
      pipeline('stop-then-fail', [{ name: 'Build', actions: [{ name: 'Compile', seconds: 4, fails: true }] }], {
        executionMode: 'PARALLEL'
      }),
      spec('stoppable', 'PARALLEL'),
      spec('superseded', 'SUPERSEDED'),
      spec('queued', 'QUEUED'),
      spec('parallel', 'PARALLEL')
    ]
  })
})
afterAll(() => h.emulator.close())

const start = async (name: string) => (await h.cp.send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId!
const status = async (pipelineName: string, pipelineExecutionId: string) =>
  (await h.cp.send(new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId }))).pipelineExecution!.status
const stop = (pipelineName: string, pipelineExecutionId: string, abandon?: boolean, reason?: string) =>
  h.cp.send(new StopPipelineExecutionCommand({ pipelineName, pipelineExecutionId, abandon, reason }))
const actionStatuses = async (pipelineName: string, pipelineExecutionId: string) =>
  Object.fromEntries(
    (await h.cp.send(new ListActionExecutionsCommand({ pipelineName, filter: { pipelineExecutionId } }))).actionExecutionDetails!.map(
      (a) => [a.actionName, a.status]
    )
  )

describe('StopPipelineExecution', () => {
  test('without abandon: Stopping until the running action ends, then Stopped; later stages never run', async () => {
    const id = await start('stoppable')
    h.clock.advance(2) // in Build
    expect((await stop('stoppable', id, false, 'enough')).pipelineExecutionId).toBe(id)
    expect(await status('stoppable', id)).toBe('Stopping')
    await expect(stop('stoppable', id)).rejects.toBeInstanceOf(DuplicatedStopRequestException)
    h.clock.advance(3) // Compile ends at 5 s
    expect(await status('stoppable', id)).toBe('Stopped')
    h.clock.advance(10)
    expect(await actionStatuses('stoppable', id)).toEqual({ Source: 'Succeeded', Compile: 'Succeeded' })
    const { pipelineExecutionSummaries } = await h.cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'stoppable' }))
    expect(pipelineExecutionSummaries!.find((s) => s.pipelineExecutionId === id)?.stopTrigger).toEqual({ reason: 'enough' })
    await expect(stop('stoppable', id)).rejects.toBeInstanceOf(PipelineExecutionNotStoppableException)
  })

  test('with abandon: running actions become Abandoned; the execution passes through Stopping briefly, then Stopped', async () => {
    const id = await start('stoppable')
    h.clock.advance(2)
    await stop('stoppable', id, true)
    expect(await status('stoppable', id)).toBe('Stopping')
    expect(await actionStatuses('stoppable', id)).toEqual({ Source: 'Succeeded', Compile: 'Abandoned' })
    h.clock.advance(0.5)
    expect(await status('stoppable', id)).toBe('Stopped')
    expect(await actionStatuses('stoppable', id)).toEqual({ Source: 'Succeeded', Compile: 'Abandoned' })
    h.clock.advance(10)
    expect(await actionStatuses('stoppable', id)).toEqual({ Source: 'Succeeded', Compile: 'Abandoned' })
  })

  test('a Stopping execution can still be abandoned', async () => {
    const id = await start('stoppable')
    h.clock.advance(2)
    await stop('stoppable', id)
    await stop('stoppable', id, true)
    h.clock.advance(0.5)
    expect(await status('stoppable', id)).toBe('Stopped')
    expect((await actionStatuses('stoppable', id)).Compile).toBe('Abandoned')
  })

  test('without abandon, an action that then fails still leaves the execution Stopped, not Failed', async () => {
    const id = await start('stop-then-fail')
    h.clock.advance(2) // Compile runs until 5 s and fails
    await stop('stop-then-fail', id, false, 'enough')
    h.clock.advance(5)
    expect(await actionStatuses('stop-then-fail', id)).toEqual({ Source: 'Succeeded', Compile: 'Failed' })
    expect(await status('stop-then-fail', id)).toBe('Stopped')
  })

  test('finished executions are not stoppable', async () => {
    const id = await start('stoppable')
    h.clock.advance(20)
    expect(await status('stoppable', id)).toBe('Succeeded')
    await expect(stop('stoppable', id, true)).rejects.toBeInstanceOf(PipelineExecutionNotStoppableException)
  })
})

describe('execution modes', () => {
  test('SUPERSEDED: a newer execution overtakes one waiting between stages', async () => {
    const a = await start('superseded')
    h.clock.advance(1.5) // a in Build
    const b = await start('superseded')
    h.clock.advance(1) // b finished Source, waits for Build
    const c = await start('superseded')
    h.clock.advance(1) // c finished Source: b is overtaken
    expect(await status('superseded', b)).toBe('Superseded')
    expect(await actionStatuses('superseded', b)).toEqual({ Source: 'Succeeded' })
    h.clock.advance(30)
    expect(await status('superseded', a)).toBe('Succeeded')
    expect(await status('superseded', c)).toBe('Succeeded')
    const b2 = (await h.cp.send(new GetPipelineExecutionCommand({ pipelineName: 'superseded', pipelineExecutionId: b }))).pipelineExecution
    expect(b2?.statusSummary).toContain(c)
  })

  test('an execution waiting between stages shows as inbound, and stopping it stops it at once', async () => {
    const a = await start('queued')
    h.clock.advance(1.5) // a in Build until 5 s
    const b = await start('queued')
    h.clock.advance(1.5) // b waits for Build
    const { stageStates } = await h.cp.send(new GetPipelineStateCommand({ name: 'queued' }))
    expect(stageStates?.find((s) => s.stageName === 'Build')?.inboundExecution).toMatchObject({ pipelineExecutionId: b })
    await stop('queued', b)
    expect(await status('queued', b)).toBe('Stopped')
    h.clock.advance(30)
    expect(await status('queued', a)).toBe('Succeeded')
    expect(await actionStatuses('queued', b)).toEqual({ Source: 'Succeeded' })
  })

  test('QUEUED: executions wait their turn for each stage and all finish', async () => {
    const a = await start('queued')
    const b = await start('queued')
    const c = await start('queued')
    const source = (await h.cp.send(new GetPipelineStateCommand({ name: 'queued' }))).stageStates?.[0]
    expect(source?.inboundExecutions?.map((e) => e.pipelineExecutionId)).toEqual([b, c]) // every waiting one, in order
    expect(source?.inboundExecution?.pipelineExecutionId).toBe(b)
    h.clock.advance(1) // a through Source; b enters Source
    expect(await actionStatuses('queued', b)).toEqual({ Source: 'InProgress' })
    expect(await actionStatuses('queued', c)).toEqual({})
    h.clock.advance(1) // b waits for Build (a holds it until 5 s)
    expect(await actionStatuses('queued', b)).toEqual({ Source: 'Succeeded' })
    h.clock.advance(3) // 5 s: a moves to Deploy, b enters Build
    expect(await actionStatuses('queued', b)).toEqual({ Source: 'Succeeded', Compile: 'InProgress' })
    h.clock.advance(30)
    for (const id of [a, b, c]) expect(await status('queued', id)).toBe('Succeeded')
  })

  test('PARALLEL: executions run side by side', async () => {
    const a = await start('parallel')
    h.clock.advance(0.5)
    const b = await start('parallel')
    h.clock.advance(2)
    expect(await actionStatuses('parallel', a)).toEqual({ Source: 'Succeeded', Compile: 'InProgress' })
    expect(await actionStatuses('parallel', b)).toEqual({ Source: 'Succeeded', Compile: 'InProgress' })
    h.clock.advance(5)
    expect(await status('parallel', a)).toBe('Succeeded')
    expect(await status('parallel', b)).toBe('Succeeded')
  })
})
