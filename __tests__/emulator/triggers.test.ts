// Executions a pipeline's own trigger starts: scheduled on the service's clock, through the spec or the
// control endpoint, visible in ListPipelineExecutions with their source revision and trigger.
import { GetPipelineExecutionCommand, ListPipelineExecutionsCommand } from '@aws-sdk/client-codepipeline'
import { harness, pipeline, T0, UUID, type Harness } from '../support/emulator.js'

const COMMIT = 'a'.repeat(40)
const OTHER = 'b'.repeat(40)
let h: Harness

beforeAll(async () => {
  h = await harness({
    pipelines: [
      pipeline('by-spec', [{ name: 'Build', actions: [{ name: 'Compile', seconds: 2 }] }], {
        history: [{ status: 'Succeeded', durationSeconds: 5, startedSecondsAgo: 600, revision: COMMIT, triggerType: 'WebhookV2' }],
        triggers: [{ revision: COMMIT, delaySeconds: 5 }]
      }),
      pipeline('by-endpoint', [{ name: 'Build', actions: [{ name: 'Compile', seconds: 2 }] }])
    ]
  })
})
afterAll(() => h.emulator.close())

async function list(name: string) {
  const out = await h.cp.send(new ListPipelineExecutionsCommand({ pipelineName: name }))
  return out.pipelineExecutionSummaries ?? []
}

test('a spec trigger starts its execution once its delay has passed, with the commit and the trigger', async () => {
  expect(await list('by-spec')).toHaveLength(1) // the history entry only
  h.clock.advance(4.9)
  expect(await list('by-spec')).toHaveLength(1)
  h.clock.advance(0.2)
  const [newest, older] = await list('by-spec')
  expect(newest).toMatchObject({
    status: 'InProgress',
    startTime: new Date(T0 + 5000),
    sourceRevisions: [expect.objectContaining({ actionName: 'Source', revisionId: COMMIT })],
    trigger: { triggerType: 'WebhookV2', triggerDetail: expect.stringContaining(':webhook:') }
  })
  expect(older?.trigger?.triggerType).toBe('WebhookV2')
  h.clock.advance(10)
  const got = await h.cp.send(
    new GetPipelineExecutionCommand({ pipelineName: 'by-spec', pipelineExecutionId: newest?.pipelineExecutionId })
  )
  expect(got.pipelineExecution?.status).toBe('Succeeded')
})

test('the control endpoint promises the id, and the execution starts after the delay', async () => {
  const post = (body: unknown) => fetch(`${h.emulator.url}/_emulator/trigger`, { method: 'POST', body: JSON.stringify(body) })
  const answer = await post({ pipelineName: 'by-endpoint', revision: OTHER, triggerType: 'CloudWatchEvent', delaySeconds: 3 })
  expect(answer.status).toBe(200)
  const { pipelineExecutionId } = (await answer.json()) as { pipelineExecutionId: string }
  expect(pipelineExecutionId).toMatch(UUID)
  const direct = h.emulator.trigger({ pipelineName: 'by-endpoint', revision: COMMIT, triggerType: 'PutActionRevision', delaySeconds: 1 })
  h.clock.advance(1)
  expect((await list('by-endpoint')).map((e) => e.pipelineExecutionId)).toEqual([direct])
  h.clock.advance(2)
  const [newest] = await list('by-endpoint')
  expect(newest).toMatchObject({
    pipelineExecutionId,
    sourceRevisions: [expect.objectContaining({ revisionId: OTHER })],
    trigger: { triggerType: 'CloudWatchEvent' }
  })
})

test('a bad trigger is refused with a line naming the field', async () => {
  const post = (body: unknown) => fetch(`${h.emulator.url}/_emulator/trigger`, { method: 'POST', body: JSON.stringify(body) })
  const cases: [unknown, RegExp][] = [
    [{ pipelineName: 'by-endpoint', revision: COMMIT, triggerType: 'StartPipelineExecution' }, /triggerType must be one of/],
    [{ pipelineName: 'by-endpoint', revision: '' }, /revision must be/],
    [{ pipelineName: 'by-endpoint', revision: COMMIT, sourceAction: 'Nope' }, /sourceAction 'Nope' is not a source action/],
    [{ pipelineName: 'by-endpoint', revision: COMMIT, delaySeconds: -1 }, /delaySeconds/],
    [{ pipelineName: 'missing', revision: COMMIT }, /missing/]
  ]
  for (const [body, message] of cases) {
    const answer = await post(body)
    expect(answer.status).toBe(400)
    expect(((await answer.json()) as { message: string }).message).toMatch(message)
  }
})
