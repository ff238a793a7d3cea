import { executionUrl, startExecution } from '../../src/start.js'
import { FakeLog, FakeOutputs, FakePort } from './fakes.js'

const ID = '11111111-2222-3333-4444-555555555555'
const SHA = 'a'.repeat(40)

test('the console link of an execution', () => {
  expect(executionUrl('eu-west-1', 'my.pipe@1', ID)).toBe(
    `https://eu-west-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/my.pipe@1/executions/${ID}/timeline?region=eu-west-1`
  )
})

test('sends name, variables and source revisions; saves the id, then sets the outputs and logs the link', async () => {
  const port = new FakePort()
  const log = new FakeLog()
  const outputs = new FakeOutputs()
  const events: string[] = []
  const variables = [{ name: 'ENV', value: 'prod' }]
  const sourceRevisions = [{ actionName: 'App', revisionType: 'COMMIT_ID' as const, revisionValue: SHA }]
  const id = await startExecution(
    {
      port,
      log,
      outputs: { setOutput: (n, v) => (events.push(`output ${n}`), outputs.setOutput(n, v)) },
      onStarted: (started) => events.push(`saved ${started}`)
    },
    { pipelineName: 'p', variables, region: 'us-east-1' },
    { sourceRevisions, commitId: SHA }
  )
  expect(id).toBe(ID)
  expect(port.calls).toEqual([{ op: 'start', args: [{ pipelineName: 'p', variables, sourceRevisions }] }])
  expect(events).toEqual([`saved ${ID}`, 'output pipeline-execution-id', 'output execution-url', 'output commit-id'])
  expect(outputs.values).toEqual({
    'pipeline-execution-id': ID,
    'execution-url': executionUrl('us-east-1', 'p', ID),
    'commit-id': SHA
  })
  expect(log.lines).toEqual(['info: Starting pipeline p with variables ENV', `info: Started execution ${ID}: ${executionUrl('us-east-1', 'p', ID)}`])
})

test('a failed start sets no output and saves nothing', async () => {
  const port = new FakePort()
  port.startAnswer = new Error('boom')
  const outputs = new FakeOutputs()
  let saved = false
  await expect(
    startExecution({ port, log: new FakeLog(), outputs, onStarted: () => (saved = true) }, { pipelineName: 'p', variables: [], region: 'us-east-1' }, { sourceRevisions: [], commitId: '' })
  ).rejects.toThrow('boom')
  expect(outputs.order).toEqual([])
  expect(saved).toBe(false)
})
