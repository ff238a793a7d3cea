// The emulator's CloudWatch Logs (GetLogEvents) and CodeBuild (BatchGetBuilds), through the real SDK clients,
// and the CodePipeline side of it: output variables, namespaces and a Commands action's logStreamARN.
import {
  CloudWatchLogsClient,
  GetLogEventsCommand,
  InvalidParameterException,
  ResourceNotFoundException
} from '@aws-sdk/client-cloudwatch-logs'
import { BatchGetBuildsCommand, CodeBuildClient, InvalidInputException } from '@aws-sdk/client-codebuild'
import { GetPipelineExecutionCommand, ListActionExecutionsCommand, StartPipelineExecutionCommand } from '@aws-sdk/client-codepipeline'
import { githubSourceStage, type PipelineSpec } from '../../emulator/index.js'
import { harness, raw, type Harness } from '../support/emulator.js'

const credentials = { accessKeyId: 'AKIDEMULATORTEST', secretAccessKey: 'secret' }
const buildLines = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`)

const spec: PipelineSpec = {
  name: 'logged',
  variables: [{ name: 'DEPLOY_ENV', defaultValue: 'dev' }],
  stages: [
    githubSourceStage('octo/repo'),
    {
      name: 'Build',
      actions: [
        {
          name: 'Compile',
          category: 'Build',
          provider: 'CodeBuild',
          durationSeconds: 12,
          configuration: { ProjectName: 'app' },
          logGroup: 'custom/builds',
          namespace: 'BuildVariables',
          outputVariables: { IMAGE_TAG: 'v1.2.3' },
          logs: buildLines
        },
        {
          name: 'Check',
          category: 'Compute',
          provider: 'Commands',
          durationSeconds: 4,
          outcome: 'Failed',
          errorMessage: 'Command failed',
          logs: [
            { atSeconds: 1, message: 'npm test' },
            { atSeconds: 3, message: 'exit status 1' }
          ]
        }
      ]
    }
  ]
}

let h: Harness
let logs: CloudWatchLogsClient
let codebuild: CodeBuildClient
let executionId: string
beforeAll(async () => {
  h = await harness({ pipelines: [spec] })
  logs = new CloudWatchLogsClient({ endpoint: h.emulator.url, region: 'us-east-1', maxAttempts: 1, credentials })
  codebuild = new CodeBuildClient({ endpoint: h.emulator.url, region: 'us-east-1', maxAttempts: 1, credentials })
  executionId = (await h.cp.send(new StartPipelineExecutionCommand({ name: 'logged' }))).pipelineExecutionId!
  h.clock.advance(1) // the source action ends; Compile and Check start
})
afterAll(() => h.emulator.close())

async function actions() {
  const out = await h.cp.send(new ListActionExecutionsCommand({ pipelineName: 'logged', filter: { pipelineExecutionId: executionId } }))
  const byName = (name: string) => out.actionExecutionDetails!.find((d) => d.actionName === name)!
  return { compile: byName('Compile'), check: byName('Check') }
}

async function compileStream() {
  const { compile } = await actions()
  const build = await codebuild.send(new BatchGetBuildsCommand({ ids: [compile.output!.executionResult!.externalExecutionId!] }))
  return build.builds!.at(0)!.logs!
}

test("BatchGetBuilds finds the build by the action's externalExecutionId, with its custom log group", async () => {
  const { compile } = await actions()
  const id = compile.output!.executionResult!.externalExecutionId!
  expect(id).toMatch(/^app:[0-9a-f-]{36}$/)
  const out = await codebuild.send(new BatchGetBuildsCommand({ ids: [id, 'app:00000000-0000-0000-0000-000000000000'] }))
  expect(out.buildsNotFound).toEqual(['app:00000000-0000-0000-0000-000000000000'])
  expect(out.builds).toHaveLength(1)
  expect(out.builds![0]).toMatchObject({ id, buildStatus: 'IN_PROGRESS', projectName: 'app', buildComplete: false })
  expect(out.builds!.at(0)!.logs).toMatchObject({
    groupName: 'custom/builds',
    streamName: id.split(':')[1],
    cloudWatchLogsArn: `arn:aws:logs:us-east-1:123456789012:log-group:custom/builds:log-stream:${id.split(':')[1]}`,
    cloudWatchLogs: { status: 'ENABLED', groupName: 'custom/builds' }
  })
})

test('GetLogEvents: lines appear as the clock passes; forward tokens follow them and stay put at the end', async () => {
  const { groupName, streamName } = await compileStream()
  const read = (nextToken?: string) =>
    logs.send(new GetLogEventsCommand({ logGroupName: groupName, logStreamName: streamName, startFromHead: true, nextToken }))
  h.clock.advance(3) // 3 of 12 s: lines 1-3
  const first = await read()
  expect(first.events!.map((e) => e.message)).toEqual(['line 1', 'line 2', 'line 3'])
  const idle = await read(first.nextForwardToken)
  expect(idle.events).toEqual([])
  expect(idle.nextForwardToken).toBe(first.nextForwardToken)
  h.clock.advance(2)
  const more = await read(idle.nextForwardToken)
  expect(more.events!.map((e) => e.message)).toEqual(['line 4', 'line 5'])
  expect(more.events!.at(0)!.timestamp).toBeGreaterThan(first.events!.at(2)!.timestamp!)
})

test('GetLogEvents without startFromHead gives the latest events; limit pages them', async () => {
  const { groupName, streamName } = await compileStream()
  h.clock.advance(10) // Compile has ended: all 12 lines
  const tail = await logs.send(new GetLogEventsCommand({ logGroupName: groupName, logStreamName: streamName, limit: 4 }))
  expect(tail.events!.map((e) => e.message)).toEqual(['line 9', 'line 10', 'line 11', 'line 12'])
  const head = await logs.send(
    new GetLogEventsCommand({ logGroupIdentifier: groupName, logStreamName: streamName, limit: 5, startFromHead: true })
  )
  expect(head.events!.map((e) => e.message)).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5'])
  const next = await logs.send(
    new GetLogEventsCommand({
      logGroupName: groupName,
      logStreamName: streamName,
      limit: 5,
      startFromHead: true,
      nextToken: head.nextForwardToken
    })
  )
  expect(next.events!.map((e) => e.message)).toEqual(['line 6', 'line 7', 'line 8', 'line 9', 'line 10'])
})

test('a Commands action reports its log stream ARN; the stream is in /aws/codepipeline/<pipeline>', async () => {
  const { check } = await actions()
  expect(check.status).toBe('Failed')
  const arn = check.output!.executionResult!.logStreamARN!
  const m = /^arn:aws:logs:us-east-1:123456789012:log-group:(\/aws\/codepipeline\/logged):log-stream:(.+)$/.exec(arn)
  expect(m).not.toBeNull()
  const out = await logs.send(new GetLogEventsCommand({ logGroupName: m!.at(1), logStreamName: m!.at(2) }))
  expect(out.events!.map((e) => e.message)).toEqual(['npm test', 'exit status 1'])
})

test('output variables (under the namespace) once an action succeeded; resolved pipeline variables', async () => {
  const { compile } = await actions()
  expect(compile.status).toBe('Succeeded')
  expect(compile.input!.namespace).toBe('BuildVariables')
  expect(compile.output!.outputVariables).toEqual({ IMAGE_TAG: 'v1.2.3' })
  const execution = await h.cp.send(new GetPipelineExecutionCommand({ pipelineName: 'logged', pipelineExecutionId: executionId }))
  expect(execution.pipelineExecution!.variables).toEqual([{ name: 'DEPLOY_ENV', resolvedValue: 'dev' }])
})

test('errors as CloudWatch Logs and CodeBuild answer them', async () => {
  const { groupName, streamName } = await compileStream()
  const get = (input: Record<string, unknown>) =>
    logs.send(new GetLogEventsCommand({ logStreamName: streamName, ...input })).catch((e: Error) => e)
  const noGroup = await get({ logGroupName: '/aws/codebuild/nope' })
  expect(noGroup).toBeInstanceOf(ResourceNotFoundException)
  expect((noGroup as Error).message).toBe('The specified log group does not exist.')
  const noStream = await get({ logGroupName: groupName, logStreamName: 'nope' })
  expect((noStream as Error).message).toBe('The specified log stream does not exist.')
  expect(await get({ logGroupName: groupName, logGroupIdentifier: groupName })).toBeInstanceOf(InvalidParameterException)
  expect(await get({})).toBeInstanceOf(InvalidParameterException)
  expect(await get({ logGroupName: groupName, nextToken: 'f/bogus', startFromHead: true })).toBeInstanceOf(InvalidParameterException)
  const first = (await get({ logGroupName: groupName, startFromHead: true })) as { nextForwardToken: string }
  expect(await get({ logGroupName: groupName, nextToken: first.nextForwardToken })).toBeInstanceOf(InvalidParameterException)
  const validation: { json: { __type: string; message: string } } = await raw(
    h.emulator,
    undefined,
    { logGroupName: groupName, logStreamName: 'a:b', limit: 0 },
    {
      'x-amz-target': 'Logs_20140328.GetLogEvents'
    }
  )
  expect(validation.json.__type).toBe('ValidationException')
  expect(validation.json.message).toContain(
    "Value 'a:b' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*"
  )
  expect(validation.json.message).toContain(
    "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"
  )
  await expect(codebuild.send(new BatchGetBuildsCommand({ ids: ['not a build id'] }))).rejects.toBeInstanceOf(InvalidInputException)
  const empty: { json: { message: string } } = await raw(
    h.emulator,
    undefined,
    { ids: [] },
    { 'x-amz-target': 'CodeBuild_20161006.BatchGetBuilds' }
  )
  expect(empty.json.message).toContain('Member must have length greater than or equal to 1')
})

test('an accessDenied fault answers as IAM words it, naming the action to allow', async () => {
  const { groupName, streamName } = await compileStream()
  h.emulator.setFaults({ rules: [{ operation: 'GetLogEvents', kind: 'accessDenied' }] })
  try {
    const err = await logs.send(new GetLogEventsCommand({ logGroupName: groupName, logStreamName: streamName })).catch((e: Error) => e)
    expect((err as Error).name).toBe('AccessDeniedException')
    expect((err as Error).message).toMatch(/is not authorized to perform: logs:GetLogEvents/)
  } finally {
    h.emulator.setFaults({})
  }
})

test('an emptyPage fault: a forward read answers no events and a fresh token, which reads on from the same place', async () => {
  const { groupName, streamName } = await compileStream()
  const read = (nextToken?: string) =>
    logs.send(new GetLogEventsCommand({ logGroupName: groupName, logStreamName: streamName, startFromHead: true, limit: 5, nextToken }))
  h.emulator.setFaults({ rules: [{ operation: 'GetLogEvents', kind: 'emptyPage', after: 1, times: 2 }] })
  try {
    const first = await read()
    expect(first.events!.map((e) => e.message)).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5'])
    const gap = await read(first.nextForwardToken)
    expect(gap.events).toEqual([])
    expect(gap.nextForwardToken).not.toBe(first.nextForwardToken)
    const gap2 = await read(gap.nextForwardToken)
    expect(gap2.events).toEqual([])
    expect(gap2.nextForwardToken).not.toBe(gap.nextForwardToken)
    const on = await read(gap2.nextForwardToken)
    expect(on.events!.map((e) => e.message)).toEqual(['line 6', 'line 7', 'line 8', 'line 9', 'line 10'])
    const last = await read(on.nextForwardToken)
    expect(last.events!.map((e) => e.message)).toEqual(['line 11', 'line 12'])
    const end = await read(last.nextForwardToken)
    expect(end.events).toEqual([])
    expect(end.nextForwardToken).toBe(last.nextForwardToken)
  } finally {
    h.emulator.setFaults({})
  }
  expect(() => h.emulator.setFaults({ rules: [{ operation: 'ListActionExecutions', kind: 'emptyPage' }] })).toThrow(/GetLogEvents/)
})
