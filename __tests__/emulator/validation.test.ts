import { StartPipelineExecutionCommand, ValidationException } from '@aws-sdk/client-codepipeline'
import { inputConstraints } from '../../emulator/constraints.js'
import { validateInput } from '../../emulator/validation.js'
import { harness, pipeline, raw, type Harness } from '../support/emulator.js'

const messageOf = (operation: string, body: unknown): string => {
  try {
    validateInput(inputConstraints[operation], body)
  } catch (error) {
    return (error as Error).message
  }
  return 'valid'
}

describe("AWS's ValidationException messages", () => {
  test('pattern, with a 1-based list index', () => {
    expect(messageOf('StartPipelineExecution', { name: 'p', variables: [{ name: 'bad name', value: 'v' }] })).toBe(
      "1 validation error detected: Value 'bad name' at 'variables.1.member.name' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: [A-Za-z0-9@\\-_]+'
    )
  })

  test('null, length and several errors at once', () => {
    expect(messageOf('GetPipelineExecution', { pipelineExecutionId: 'x' })).toBe(
      "2 validation errors detected: Value null at 'pipelineName' failed to satisfy constraint: Member must not be null; " +
        "Value 'x' at 'pipelineExecutionId' failed to satisfy constraint: Member must satisfy regular expression pattern: " +
        '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
    )
    expect(messageOf('GetPipeline', { name: 'a'.repeat(101) })).toBe(
      `1 validation error detected: Value '${'a'.repeat(101)}' at 'name' failed to satisfy constraint: ` +
        'Member must have length less than or equal to 100'
    )
    expect(messageOf('StartPipelineExecution', { name: 'p', variables: [{ name: 'a', value: '' }] })).toContain(
      "Value '' at 'variables.1.member.value' failed to satisfy constraint: Member must have length greater than or equal to 1"
    )
  })

  test('enum, integer range and list size', () => {
    const revision = { actionName: 'Source', revisionType: 'BRANCH', revisionValue: 'main' }
    expect(messageOf('StartPipelineExecution', { name: 'p', sourceRevisions: [revision] })).toBe(
      "1 validation error detected: Value 'BRANCH' at 'sourceRevisions.1.member.revisionType' failed to satisfy constraint: " +
        'Member must satisfy enum value set: [COMMIT_ID, IMAGE_DIGEST, S3_OBJECT_VERSION_ID, S3_OBJECT_KEY]'
    )
    expect(messageOf('ListPipelineExecutions', { pipelineName: 'p', maxResults: 0 })).toBe(
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"
    )
    expect(messageOf('StartPipelineExecution', { name: 'p', variables: [] })).toContain(
      "at 'variables' failed to satisfy constraint: Member must have length greater than or equal to 1"
    )
    expect(
      messageOf('StopPipelineExecution', { pipelineName: 'p', pipelineExecutionId: crypto.randomUUID(), reason: 'r'.repeat(201) })
    ).toContain("at 'reason' failed to satisfy constraint: Member must have length less than or equal to 200")
  })

  test('nested structures name their full path', () => {
    const body = { pipelineName: 'p', filter: { latestInPipelineExecution: { pipelineExecutionId: crypto.randomUUID() } } }
    expect(messageOf('ListActionExecutions', body)).toBe(
      "1 validation error detected: Value null at 'filter.latestInPipelineExecution.startTimeRange' failed to satisfy constraint: Member must not be null"
    )
  })

  test('valid input passes; unknown members are ignored', () => {
    expect(messageOf('StartPipelineExecution', { name: 'p.x@y-z_1', clientRequestToken: 'a-1', extra: true })).toBe('valid')
  })
})

describe('validation on the wire', () => {
  let h: Harness
  beforeAll(async () => {
    const noVariables = pipeline('v1-pipeline', [{ name: 'Build', actions: [{ name: 'B', seconds: 1 }] }], { pipelineType: 'V1' })
    const required = pipeline('needs-var', [{ name: 'Build', actions: [{ name: 'B', seconds: 1 }] }], { variables: [{ name: 'ENV' }] })
    h = await harness({ pipelines: [noVariables, required] })
  })
  afterAll(() => h.emulator.close())
  const start = (input: object) => h.cp.send(new StartPipelineExecutionCommand({ name: 'needs-var', ...input }))

  test('the SDK surfaces ValidationException with the message', async () => {
    const answer = await raw(h.emulator, 'StartPipelineExecution', { name: 'bad name' })
    expect(answer.status).toBe(400)
    expect(answer.json.__type).toBe('ValidationException')
    await expect(h.cp.send(new StartPipelineExecutionCommand({ name: 'bad name' }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/^1 validation error detected: Value 'bad name' at 'name'/)
    })
  })

  test('sourceRevisions must name a source action, with a revision type it takes', async () => {
    const revision = (actionName: string, revisionType = 'COMMIT_ID') => ({
      sourceRevisions: [{ actionName, revisionType, revisionValue: 'abc' }]
    })
    await expect(start({ ...revision('Build'), variables: [{ name: 'ENV', value: 'x' }] })).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("'Build', which is not a source action")
    })
    await expect(start({ ...revision('Source', 'IMAGE_DIGEST'), variables: [{ name: 'ENV', value: 'x' }] })).rejects.toThrow(
      /Revision type 'IMAGE_DIGEST'.*use COMMIT_ID/
    )
    await expect(start({ ...revision('Source'), variables: [{ name: 'ENV', value: 'x' }] })).resolves.toBeDefined()
  })

  test('variables must be declared, given once, and given when they have no default', async () => {
    await expect(start({})).rejects.toThrow(/Variable 'ENV' has no default/)
    await expect(start({ variables: [{ name: 'OTHER', value: 'x' }] })).rejects.toThrow(/'OTHER' is not declared/)
    const twice = [
      { name: 'ENV', value: 'x' },
      { name: 'ENV', value: 'y' }
    ]
    await expect(start({ variables: twice })).rejects.toBeInstanceOf(ValidationException)
    const v1 = h.cp.send(new StartPipelineExecutionCommand({ name: 'v1-pipeline', variables: [{ name: 'ENV', value: 'x' }] }))
    await expect(v1).rejects.toThrow(/V1 pipeline/)
  })
})
