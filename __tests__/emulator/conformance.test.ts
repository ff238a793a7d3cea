// Checks the emulator against the official CodePipeline model in ../shared/reference (CI has it; the repo must not).
import type { LooseJson } from '../support/json.js'
import { Readable } from 'node:stream'
import {
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  type GetPipelineExecutionCommandOutput,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  type ListActionExecutionsCommandOutput,
  ListPipelineExecutionsCommand,
  type ListPipelineExecutionsCommandOutput,
  ListRuleExecutionsCommand,
  OverrideStageConditionCommand,
  RetryStageExecutionCommand,
  RollbackStageCommand,
  EnableStageTransitionCommand,
  DisableStageTransitionCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  type CodePipelineClient
} from '@aws-sdk/client-codepipeline'
import { inputConstraints } from '../../emulator/constraints.js'
import { normalizePipeline } from '../../emulator/spec.js'
import {
  GetLogEventsCommand,
  type GetLogEventsCommandInput,
  type GetLogEventsCommandOutput,
  CloudWatchLogsClient
} from '@aws-sdk/client-cloudwatch-logs'
import { githubSourceStage, samplePipeline, type PipelineSpec } from '../../emulator/index.js'
import { harness, raw, type Harness } from '../support/emulator.js'
import { buildAction, rule, v2Pipeline } from '../support/v2-pipelines.js'
import { awsPath, factKey, loadModel, modelFacts, modelFile, outputProblems, tableFacts, type Fact } from '../support/model.js'

const model = loadModel()
if (model === undefined)
  console.warn(`Skipping the conformance test against the official CodePipeline model: ${modelFile} is not there (CI provides ../shared).`)
const describeWithModel = model === undefined ? describe.skip : describe
const OPERATIONS = Object.keys(inputConstraints)
const id = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9'

/** Valid inputs for every member, so that each probe breaks exactly one constraint. */
const validInputs: Record<string, object> = {
  StartPipelineExecution: {
    name: 'sample-pipeline',
    variables: [{ name: 'DEPLOY_ENV', value: 'x' }],
    clientRequestToken: 'tok-1',
    sourceRevisions: [{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: 'abc' }]
  },
  GetPipelineExecution: { pipelineName: 'sample-pipeline', pipelineExecutionId: id },
  StopPipelineExecution: { pipelineName: 'sample-pipeline', pipelineExecutionId: id, abandon: false, reason: 'r' },
  GetPipeline: { name: 'sample-pipeline', version: 1 },
  GetPipelineState: { name: 'sample-pipeline' },
  ListActionExecutions: {
    pipelineName: 'sample-pipeline',
    filter: { pipelineExecutionId: id, latestInPipelineExecution: { pipelineExecutionId: id, startTimeRange: 'All' } },
    maxResults: 5,
    nextToken: 'x'
  },
  ListPipelineExecutions: {
    pipelineName: 'sample-pipeline',
    maxResults: 5,
    filter: { succeededInStage: { stageName: 'Build' } },
    nextToken: 'x'
  },
  ListRuleExecutions: {
    pipelineName: 'sample-pipeline',
    filter: { pipelineExecutionId: id, latestInPipelineExecution: { pipelineExecutionId: id, startTimeRange: 'All' } },
    maxResults: 5,
    nextToken: 'x'
  },
  RetryStageExecution: { pipelineName: 'sample-pipeline', stageName: 'Build', pipelineExecutionId: id, retryMode: 'FAILED_ACTIONS' },
  RollbackStage: { pipelineName: 'sample-pipeline', stageName: 'Build', targetPipelineExecutionId: id },
  PutApprovalResult: {
    pipelineName: 'sample-pipeline',
    stageName: 'Build',
    actionName: 'Build',
    result: { summary: 'ok', status: 'Approved' },
    token: id
  },
  EnableStageTransition: { pipelineName: 'sample-pipeline', stageName: 'Build', transitionType: 'Inbound' },
  OverrideStageCondition: { pipelineName: 'sample-pipeline', stageName: 'Build', pipelineExecutionId: id, conditionType: 'BEFORE_ENTRY' },
  DisableStageTransition: { pipelineName: 'sample-pipeline', stageName: 'Build', transitionType: 'Inbound', reason: 'Freeze (release)' }
}

/** A request body that breaks one constraint, and the words AWS uses for it; undefined when it cannot be broken. */
function probe(operation: string, fact: Fact): { body: object; expected: string } | undefined {
  const body = structuredClone(validInputs[operation]) as Record<string, LooseJson>
  const parentPath = fact.path.slice(0, -1)
  const last = fact.path[fact.path.length - 1]
  const parent = parentPath.reduce((node: LooseJson, key) => node[key], body)
  const current = parent[last]
  const at = `at '${awsPath(fact.path)}' failed to satisfy constraint: `
  const limit = fact.value as number
  const word = fact.kind === 'integer' ? 'value' : 'length'
  let broken: unknown
  let rule: string
  switch (fact.rule) {
    case 'required':
      delete parent[last]
      return { body, expected: `Value null ${at}Member must not be null` }
    case 'enum':
      broken = 'NOT_IN_THE_ENUM'
      rule = `Member must satisfy enum value set: [${(fact.value as string[]).join(', ')}]`
      break
    case 'pattern':
      broken = ['bad name!', '\n', ' '].find((v) => !new RegExp(`^(?:${String(fact.value).replace(/^\^|\$$/g, '')})$`).test(v))
      rule = `Member must satisfy regular expression pattern: ${String(fact.value)}`
      break
    case 'min':
    case 'max': {
      const size = fact.rule === 'min' ? limit - 1 : limit + 1
      if (size < 0) return undefined
      broken = fact.kind === 'integer' ? size : fact.kind === 'list' ? Array(size).fill(current[0]) : 'a'.repeat(size)
      rule = `Member must have ${word} ${fact.rule === 'min' ? 'greater' : 'less'} than or equal to ${limit}`
      break
    }
    default:
      return undefined
  }
  parent[last] = broken
  return { body, expected: at + rule }
}

describeWithModel('the constraint table matches the official model', () => {
  test.each(OPERATIONS)('%s input', (operation) => {
    const fromModel = modelFacts(model!, model!.operations[operation].input.shape).map(factKey).sort()
    expect(tableFacts(inputConstraints[operation]).map(factKey).sort()).toEqual(fromModel)
  })
})

describeWithModel('the emulator enforces every input constraint of the model', () => {
  let h: Harness
  beforeAll(async () => {
    h = await harness()
  })
  afterAll(() => h.emulator.close())

  test.each(OPERATIONS)('%s', async (operation) => {
    const facts = modelFacts(model!, model!.operations[operation].input.shape).filter((f) => f.path.length > 0)
    let probed = 0
    for (const fact of facts) {
      const p = probe(operation, fact)
      if (p === undefined) continue
      probed += 1
      const answer = await raw(h.emulator, operation, p.body)
      expect({ fact: factKey(fact), type: answer.json.__type }).toEqual({ fact: factKey(fact), type: 'ValidationException' })
      expect(answer.json.message).toContain(p.expected)
    }
    expect(probed).toBeGreaterThan(0)
  })
})

interface Captured {
  operation: string
  status: number
  json: LooseJson
}

/** Keeps the raw JSON of every answer the SDK receives, before the SDK parses it. */
function captureAnswers(cp: CodePipelineClient, into: Captured[]): void {
  cp.middlewareStack.add(
    (next) => async (args: LooseJson) => {
      const result: LooseJson = await next(args)
      const chunks: Buffer[] = []
      for await (const chunk of result.response.body) chunks.push(Buffer.from(chunk))
      const text = Buffer.concat(chunks).toString('utf8')
      const operation = String(args.request.headers['x-amz-target']).split('.')[1]
      into.push({ operation, status: result.response.statusCode, json: JSON.parse(text) })
      result.response.body = Readable.from([Buffer.from(text)])
      return result
    },
    { step: 'deserialize', priority: 'low', name: 'captureRawAnswers' }
  )
}

const SEVEN = [
  'StartPipelineExecution',
  'GetPipelineExecution',
  'StopPipelineExecution',
  'GetPipeline',
  'GetPipelineState',
  'ListActionExecutions',
  'ListPipelineExecutions'
]

// AWS's common errors (the API reference's "Common Errors"), which any operation may answer besides its own.
const COMMON_ERRORS = new Set([
  'AccessDeniedException',
  'ExpiredTokenException',
  'IncompleteSignature',
  'InternalFailure',
  'MalformedHttpRequestException',
  'NotAuthorized',
  'OptInRequired',
  'RequestAbortedException',
  'RequestEntityTooLargeException',
  'RequestExpired',
  'RequestTimeoutException',
  'ServiceUnavailable',
  'ThrottlingException',
  'UnrecognizedClientException',
  'UnknownOperationException',
  'ValidationError'
])

/** Checks every captured answer against the model (output shape, or a declared or common error); returns the error types seen. */
function checkAnswers(captured: Captured[]): string[] {
  for (const c of captured) {
    const operation = model!.operations[c.operation]
    if (c.status === 200) {
      const problems =
        operation.output === undefined
          ? Object.keys(c.json).length === 0
            ? []
            : ['expected {}']
          : outputProblems(model!, operation.output.shape, c.json)
      expect({ operation: c.operation, problems }).toEqual({ operation: c.operation, problems: [] })
    } else {
      const declared = (operation.errors ?? []).map((e) => e.shape)
      const allowed = declared.includes(c.json.__type) || COMMON_ERRORS.has(c.json.__type)
      expect({ operation: c.operation, error: c.json.__type, allowed }).toEqual({
        operation: c.operation,
        error: c.json.__type,
        allowed: true
      })
      expect(Object.keys(c.json).sort()).toEqual(['__type', 'message'])
    }
  }
  return [...new Set(captured.map((c) => String(c.json.__type ?? '')).filter(Boolean))].sort()
}

describeWithModel("the emulator's answers match the model's output shapes", () => {
  test('a scenario through the SDK: starts, progress, failure, stops, supersede, errors', async () => {
    const h = await harness({ pipelines: [samplePipeline(), samplePipeline({ fail: true, name: 'failing' })] })
    const captured: Captured[] = []
    captureAnswers(h.cp, captured)
    const send = (command: LooseJson) => h.cp.send(command).catch((error: Error) => error)
    const observe = async (pipelineName: string, pipelineExecutionId: string) => {
      await send(new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId }))
      await send(new ListActionExecutionsCommand({ pipelineName, filter: { pipelineExecutionId }, maxResults: 2 }))
      await send(new GetPipelineStateCommand({ name: pipelineName }))
      await send(new ListPipelineExecutionsCommand({ pipelineName, maxResults: 3 }))
    }
    const start = async (name: string) =>
      (
        (await send(
          new StartPipelineExecutionCommand({
            name,
            variables: [{ name: 'DEPLOY_ENV', value: 'prod' }],
            sourceRevisions: [{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: 'c'.repeat(40) }]
          })
        )) as { pipelineExecutionId: string }
      ).pipelineExecutionId

    await send(new GetPipelineCommand({ name: 'sample-pipeline' }))
    const first = await start('sample-pipeline')
    for (const seconds of [0, 2, 10]) {
      h.clock.advance(seconds)
      await observe('sample-pipeline', first)
    }
    const failing = await start('failing')
    h.clock.advance(20)
    await observe('failing', failing)
    const stopping = await start('sample-pipeline')
    h.clock.advance(2)
    await send(new StopPipelineExecutionCommand({ pipelineName: 'sample-pipeline', pipelineExecutionId: stopping, reason: 'test' }))
    await observe('sample-pipeline', stopping)
    await send(new StopPipelineExecutionCommand({ pipelineName: 'sample-pipeline', pipelineExecutionId: stopping }))
    await send(new StopPipelineExecutionCommand({ pipelineName: 'sample-pipeline', pipelineExecutionId: stopping, abandon: true }))
    await send(new StopPipelineExecutionCommand({ pipelineName: 'sample-pipeline', pipelineExecutionId: first }))
    const ids = [await start('sample-pipeline'), await start('sample-pipeline'), await start('sample-pipeline')]
    h.clock.advance(1.5)
    await observe('sample-pipeline', ids[0])
    h.clock.advance(30)
    await observe('sample-pipeline', ids[1])
    await send(new GetPipelineCommand({ name: 'no-such-pipeline' }))
    await send(new GetPipelineExecutionCommand({ pipelineName: 'sample-pipeline', pipelineExecutionId: id }))
    await send(new ListPipelineExecutionsCommand({ pipelineName: 'sample-pipeline', nextToken: 'bogus' }))
    await send(new StartPipelineExecutionCommand({ name: 'sample-pipeline', variables: [{ name: 'NOPE', value: 'x' }] }))
    await h.emulator.close()

    const answered = new Set(captured.filter((c) => c.status === 200).map((c) => c.operation))
    expect([...answered].sort()).toEqual([...SEVEN].sort())
    expect(checkAnswers(captured)).toEqual([
      'DuplicatedStopRequestException',
      'InvalidNextTokenException',
      'PipelineExecutionNotFoundException',
      'PipelineExecutionNotStoppableException',
      'PipelineNotFoundException',
      'ValidationException'
    ])
  })
})

describeWithModel("the V2 stage operations' answers match the model's output shapes", () => {
  test('conditions, rules, retries, rollbacks, transitions, queues: through the SDK', async () => {
    const h = await harness({
      pipelines: [
        v2Pipeline(
          'v2',
          {
            actions: [buildAction('Compile', 2, { outcome: 'Failed', retryOutcome: 'Succeeded', errorMessage: 'flaky' })],
            beforeEntry: { conditions: [{ rules: [rule('Window', 'DeploymentWindow', 2)] }] },
            onFailure: { result: 'RETRY', retryMode: 'FAILED_ACTIONS' }
          },
          { onSuccess: { conditions: [{ result: 'ROLLBACK', rules: [rule('Alarm', 'CloudWatchAlarm', 3)] }] } },
          { executionMode: 'QUEUED' }
        )
      ]
    })
    const captured: Captured[] = []
    captureAnswers(h.cp, captured)
    const send = (command: LooseJson) => h.cp.send(command).catch((error: Error) => error)
    const pipelineName = 'v2'
    const start = async () =>
      ((await send(new StartPipelineExecutionCommand({ name: pipelineName }))) as { pipelineExecutionId: string }).pipelineExecutionId
    const observe = async (pipelineExecutionId: string) => {
      await send(new GetPipelineStateCommand({ name: pipelineName }))
      await send(new ListRuleExecutionsCommand({ pipelineName, filter: { pipelineExecutionId }, maxResults: 2 }))
      await send(new ListActionExecutionsCommand({ pipelineName, filter: { pipelineExecutionId } }))
      await send(new ListPipelineExecutionsCommand({ pipelineName }))
      await send(new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId }))
    }
    await send(new GetPipelineCommand({ name: pipelineName }))
    const first = await start()
    const queued = [await start(), await start()]
    h.clock.advance(2)
    await observe(first)
    await send(
      new OverrideStageConditionCommand({ pipelineName, stageName: 'Build', pipelineExecutionId: first, conditionType: 'BEFORE_ENTRY' })
    )
    await observe(first)
    await send(
      new OverrideStageConditionCommand({ pipelineName, stageName: 'Build', pipelineExecutionId: first, conditionType: 'ON_SUCCESS' })
    )
    h.clock.advance(20) // first: Compile fails once, is retried, and passes; the others follow
    await observe(queued[0])
    h.clock.advance(60)
    const rollbacks = await h.cp.send(new ListPipelineExecutionsCommand({ pipelineName }))
    await observe(rollbacks.pipelineExecutionSummaries![0].pipelineExecutionId!)
    await send(new DisableStageTransitionCommand({ pipelineName, stageName: 'Deploy', transitionType: 'Inbound', reason: 'Change freeze' }))
    const held = await start()
    h.clock.advance(10)
    await observe(held)
    await send(new EnableStageTransitionCommand({ pipelineName, stageName: 'Deploy', transitionType: 'Inbound' }))
    h.clock.advance(10)
    const rollback = (await send(new RollbackStageCommand({ pipelineName, stageName: 'Deploy', targetPipelineExecutionId: first }))) as {
      pipelineExecutionId: string
    }
    h.clock.advance(1)
    await observe(rollback.pipelineExecutionId)
    await send(new RollbackStageCommand({ pipelineName, stageName: 'Nope', targetPipelineExecutionId: first }))
    await send(new RetryStageExecutionCommand({ pipelineName, stageName: 'Build', pipelineExecutionId: first, retryMode: 'ALL_ACTIONS' }))
    await send(new RetryStageExecutionCommand({ pipelineName, stageName: 'Build', pipelineExecutionId: id, retryMode: 'ALL_ACTIONS' }))
    await send(new ListRuleExecutionsCommand({ pipelineName, nextToken: 'bogus' }))
    await send(new RollbackStageCommand({ pipelineName, stageName: 'Deploy', targetPipelineExecutionId: id }))
    await h.emulator.close()

    const answered = new Set(captured.filter((c) => c.status === 200).map((c) => c.operation))
    for (const operation of [
      'ListRuleExecutions',
      'RollbackStage',
      'EnableStageTransition',
      'DisableStageTransition',
      'OverrideStageCondition'
    ])
      expect(answered).toContain(operation)
    expect(checkAnswers(captured)).toEqual(
      expect.arrayContaining([
        'ConditionNotOverridableException',
        'InvalidNextTokenException',
        'PipelineExecutionNotFoundException',
        'StageNotFoundException',
        'StageNotRetryableException'
      ])
    )
  })
})

const commandsPipeline: PipelineSpec = {
  name: 'logged',
  stages: [
    githubSourceStage('octo/repo'),
    {
      name: 'Check',
      actions: [
        {
          name: 'Check',
          category: 'Compute',
          provider: 'Commands',
          durationSeconds: 6,
          logs: [1, 2, 3, 4, 5].map((n) => ({ atSeconds: n, message: `line ${n}` }))
        }
      ]
    }
  ]
}

describeWithModel('fidelity: what a second client and the strict model found', () => {
  let h: Harness
  const captured: Captured[] = []
  const cpCall = (command: LooseJson) => h.cp.send(command).catch((error: Error) => error)
  beforeAll(async () => {
    h = await harness({
      pipelines: [
        samplePipeline(),
        samplePipeline({ name: 'rollable' }),
        v2Pipeline('parallel', {}, {}, { executionMode: 'PARALLEL' }),
        commandsPipeline
      ]
    })
    captureAnswers(h.cp, captured)
  })
  afterAll(() => h.emulator.close())
  afterEach(() => void checkAnswers(captured.splice(0)))
  const status = async (pipelineName: string, pipelineExecutionId: string) =>
    ((await cpCall(new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId }))) as GetPipelineExecutionCommandOutput)
      .pipelineExecution?.status
  const errorName = (answer: unknown) => (answer instanceof Error ? answer.name : 'no error')

  test('StopPipelineExecution: a second abandon while Stopping is a DuplicatedStopRequest, and a later retry never replays it', async () => {
    const pipelineName = 'sample-pipeline'
    const { pipelineExecutionId } = (await cpCall(new StartPipelineExecutionCommand({ name: pipelineName }))) as {
      pipelineExecutionId: string
    }
    h.clock.advance(2) // in Build, which runs 5 s
    const abandon = () => cpCall(new StopPipelineExecutionCommand({ pipelineName, pipelineExecutionId, abandon: true }))
    expect(errorName(await abandon())).toBe('no error')
    expect(await status(pipelineName, pipelineExecutionId)).toBe('Stopping')
    expect(errorName(await abandon())).toBe('DuplicatedStopRequestException')
    const retry = () =>
      cpCall(new RetryStageExecutionCommand({ pipelineName, stageName: 'Build', pipelineExecutionId, retryMode: 'FAILED_ACTIONS' }))
    expect(errorName(await retry())).toBe('StageNotRetryableException') // still Stopping
    h.clock.advance(0.5)
    expect(await status(pipelineName, pipelineExecutionId)).toBe('Stopped')
    expect(errorName(await retry())).toBe('no error')
    h.clock.advance(1)
    expect(await status(pipelineName, pipelineExecutionId)).toBe('InProgress')
    h.clock.advance(10)
    expect(await status(pipelineName, pipelineExecutionId)).toBe('Succeeded')
  })

  test('RollbackStage: a source stage and a PARALLEL pipeline cannot be rolled back (UnableToRollbackStageException)', async () => {
    const rollback = (pipelineName: string, stageName: string, targetPipelineExecutionId: string) =>
      cpCall(new RollbackStageCommand({ pipelineName, stageName, targetPipelineExecutionId }))
    const listed = (await cpCall(new ListPipelineExecutionsCommand({ pipelineName: 'rollable' }))) as ListPipelineExecutionsCommandOutput
    const good = listed.pipelineExecutionSummaries![0].pipelineExecutionId!
    expect(errorName(await rollback('rollable', 'Source', good))).toBe('UnableToRollbackStageException')
    expect(errorName(await rollback('rollable', 'Deploy', good))).toBe('no error')
    const { pipelineExecutionId } = (await cpCall(new StartPipelineExecutionCommand({ name: 'parallel' }))) as {
      pipelineExecutionId: string
    }
    h.clock.advance(10)
    expect(await status('parallel', pipelineExecutionId)).toBe('Succeeded')
    expect(errorName(await rollback('parallel', 'Deploy', pipelineExecutionId))).toBe('UnableToRollbackStageException')
    // Nor can a PARALLEL pipeline declare a ROLLBACK result (the user guide), on failure or on success.
    const parallel = { executionMode: 'PARALLEL' as const }
    for (const deploy of [
      { onFailure: { result: 'ROLLBACK' as const } },
      { onSuccess: { conditions: [{ rules: [rule('Alarm', 'CloudWatchAlarm', 3)] }] } }
    ])
      expect(() => normalizePipeline(v2Pipeline('p', {}, deploy, parallel))).toThrow(/stages\[2\]: a PARALLEL pipeline cannot roll back/)
    expect(() => normalizePipeline(v2Pipeline('p', {}, { onFailure: { result: 'ROLLBACK' } }, { executionMode: 'QUEUED' }))).not.toThrow()
  })

  test('an unknown execution id: StopPipelineExecution and OverrideStageCondition answer errors they declare', async () => {
    const stop = await cpCall(new StopPipelineExecutionCommand({ pipelineName: 'sample-pipeline', pipelineExecutionId: id }))
    expect(errorName(stop)).toBe('PipelineExecutionNotStoppableException')
    const override = await cpCall(
      new OverrideStageConditionCommand({
        pipelineName: 'parallel',
        stageName: 'Build',
        pipelineExecutionId: id,
        conditionType: 'BEFORE_ENTRY'
      })
    )
    expect(errorName(override)).toBe('ConditionNotOverridableException')
  })

  test("every injected fault on every operation answers one of the operation's errors or AWS's common errors", async () => {
    const kinds = ['throttle', 'http500', 'http503', 'expiredToken', 'accessDenied', 'conflict', 'concurrentLimit'] as const
    const answers: Captured[] = []
    for (const operation of OPERATIONS) {
      const declared = new Set((model!.operations[operation].errors ?? []).map((e) => e.shape))
      for (const kind of kinds) {
        // ConflictException and the concurrency limit are the pipeline's own answers: only where declared.
        if (kind === 'conflict' && !declared.has('ConflictException')) continue
        if (kind === 'concurrentLimit' && !declared.has('ConcurrentPipelineExecutionsLimitExceededException')) continue
        h.emulator.setFaults({ rules: [{ operation, kind, times: 1 }] })
        const answer = await raw(h.emulator, operation, validInputs[operation])
        answers.push({ operation, status: answer.status, json: answer.json })
      }
    }
    h.emulator.setFaults({})
    expect(answers.every((a) => a.status >= 400)).toBe(true)
    expect(answers.find((a) => a.status === 503)?.json.__type).toBe('ServiceUnavailable')
    checkAnswers(answers)
  })

  test('GetLogEvents: a nextBackwardToken reads on backwards without startFromHead; a forward token still needs it', async () => {
    const logs = new CloudWatchLogsClient({
      endpoint: h.emulator.url,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: { accessKeyId: 'AKIDEMULATORTEST', secretAccessKey: 'secret' }
    })
    const { pipelineExecutionId } = (await cpCall(new StartPipelineExecutionCommand({ name: 'logged' }))) as { pipelineExecutionId: string }
    h.clock.advance(10)
    const actions = (await cpCall(
      new ListActionExecutionsCommand({ pipelineName: 'logged', filter: { pipelineExecutionId } })
    )) as ListActionExecutionsCommandOutput
    const arn = actions.actionExecutionDetails!.find((a) => a.actionName === 'Check')!.output!.executionResult!.logStreamARN!
    const [, logGroupName, logStreamName] = /:log-group:([^:]+):log-stream:(.+)$/.exec(arn)!
    const read = (input: Partial<GetLogEventsCommandInput>) =>
      logs.send(new GetLogEventsCommand({ logGroupName, logStreamName, limit: 2, ...input })).catch((error: Error) => error)
    const tail = (await read({})) as GetLogEventsCommandOutput
    expect(tail.events!.map((e) => e.message)).toEqual(['line 4', 'line 5'])
    for (const startFromHead of [false, undefined]) {
      const before = (await read({ nextToken: tail.nextBackwardToken, startFromHead })) as GetLogEventsCommandOutput
      expect(before.events?.map((e) => e.message)).toEqual(['line 2', 'line 3'])
    }
    expect(errorName(await read({ nextToken: tail.nextForwardToken, startFromHead: false }))).toBe('InvalidParameterException')
    logs.destroy()
  })
})
