// The bundled action (dist/) run as the runner runs it, through the real AWS SDK, against the local service.
import { CodePipelineClient, StartPipelineExecutionCommand, StopPipelineExecutionCommand } from '@aws-sdk/client-codepipeline'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { exampleEvent, runAction, runPost, startAction } from '../../harness/runner.js'
import { shortPipeline } from '../support/pipelines.js'
import { callsFor, operations, uniqueName } from '../support/e2e.js'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
})
afterAll(async () => emulator.close())

/** Another party using the same pipeline, e.g. an operator or a newer workflow run. */
function otherClient(): CodePipelineClient {
  return new CodePipelineClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
}

function pipeline(prefix: string, options: Omit<Parameters<typeof shortPipeline>[0], 'name'> = {}): string {
  const name = uniqueName(prefix)
  emulator.addPipeline(shortPipeline({ name, ...options }))
  return name
}

describe('which commit runs', () => {
  test('pull_request: the PR head, never the merge commit, on the source action of this repository', async () => {
    const name = pipeline('pr')
    const event = exampleEvent('pull_request', 'opened')
    const head = event.payload.pull_request.head.sha as string
    const result = await runAction({ endpoint: emulator.url, event, inputs: { 'pipeline-name': name } })

    expect(result.code).toBe(0)
    const [start] = callsFor(emulator, name, 'StartPipelineExecution')
    expect(start.body.sourceRevisions).toEqual([{ actionName: 'App', revisionType: 'COMMIT_ID', revisionValue: head }])
    expect(head).not.toBe(result.env.GITHUB_SHA)
    expect(result.stdout).toContain(head)
    expect(result.outputs['commit-id']).toBe(head)
  })

  test('pull_request_target: the PR head too', async () => {
    const name = pipeline('prt')
    const pr = exampleEvent('pull_request', 'opened')
    const result = await runAction({
      endpoint: emulator.url,
      event: { name: 'pull_request_target', payload: pr.payload },
      inputs: { 'pipeline-name': name }
    })
    expect(result.code).toBe(0)
    const [start] = callsFor(emulator, name, 'StartPipelineExecution')
    expect(start.body.sourceRevisions?.[0].revisionValue).toBe(pr.payload.pull_request.head.sha)
  })

  test('merge_group: the queue head_sha', async () => {
    const event = exampleEvent('merge_group')
    const name = pipeline('mq', { sourceRepo: event.payload.repository.full_name })
    const result = await runAction({ endpoint: emulator.url, event, inputs: { 'pipeline-name': name } })
    expect(result.code).toBe(0)
    const [start] = callsFor(emulator, name, 'StartPipelineExecution')
    expect(start.body.sourceRevisions?.[0].revisionValue).toBe(event.payload.merge_group.head_sha)
  })

  test('push: GITHUB_SHA', async () => {
    const event = exampleEvent('push')
    const name = pipeline('push', { sourceRepo: event.payload.repository.full_name })
    const result = await runAction({ endpoint: emulator.url, event, inputs: { 'pipeline-name': name } })
    expect(result.code).toBe(0)
    const [start] = callsFor(emulator, name, 'StartPipelineExecution')
    expect(start.body.sourceRevisions?.[0].revisionValue).toBe(result.env.GITHUB_SHA)
  })

  test('workflow_dispatch with commit-id: that commit', async () => {
    const event = exampleEvent('workflow_dispatch')
    const name = pipeline('dispatch', { sourceRepo: event.payload.repository.full_name })
    const sha = 'a'.repeat(40)
    const result = await runAction({ endpoint: emulator.url, event, inputs: { 'pipeline-name': name, 'commit-id': sha } })
    expect(result.code).toBe(0)
    const [start] = callsFor(emulator, name, 'StartPipelineExecution')
    expect(start.body.sourceRevisions?.[0].revisionValue).toBe(sha)
  })
})

describe('what is sent', () => {
  test('variables, and a user agent that names the action', async () => {
    const name = pipeline('vars')
    const result = await runAction({
      endpoint: emulator.url,
      inputs: { 'pipeline-name': name, variables: '# comment\n\nDEPLOY_ENV=prod\nURL=https://x.example/?a=b=c\n' }
    })
    expect(result.code).toBe(0)
    const [start] = callsFor(emulator, name, 'StartPipelineExecution')
    expect(start.body.variables).toEqual([
      { name: 'DEPLOY_ENV', value: 'prod' },
      { name: 'URL', value: 'https://x.example/?a=b=c' }
    ])
    expect(String(start.headers['user-agent'])).toMatch(/codepipeline-run-action/)
  })

  test("source-revisions replace discovery; one GetPipeline tells which line is this repository's commit", async () => {
    const name = pipeline('explicit')
    const result = await runAction({
      endpoint: emulator.url,
      inputs: { 'pipeline-name': name, 'source-revisions': `App:COMMIT_ID:${'c'.repeat(40)}` }
    })
    expect(result.code).toBe(0)
    expect(operations(callsFor(emulator, name)).filter((op) => op === 'GetPipeline')).toHaveLength(1)
    expect(result.outputs['commit-id']).toBe('c'.repeat(40))
    const [start] = callsFor(emulator, name, 'StartPipelineExecution')
    expect(start.body.sourceRevisions).toEqual([{ actionName: 'App', revisionType: 'COMMIT_ID', revisionValue: 'c'.repeat(40) }])
  })

  test('pin-commit: false starts with no source override and no GetPipeline', async () => {
    const name = pipeline('latest')
    const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, 'pin-commit': 'false' } })
    expect(result.code).toBe(0)
    const [start] = callsFor(emulator, name, 'StartPipelineExecution')
    expect(start.body.sourceRevisions).toBeUndefined()
    expect(operations(callsFor(emulator, name))).not.toContain('GetPipeline')
  })

  test('source-action names the action without discovery', async () => {
    const name = pipeline('named', { sourceRepo: 'someone/else' })
    const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, 'source-action': 'App' } })
    expect(result.code).toBe(0)
    const [start] = callsFor(emulator, name, 'StartPipelineExecution')
    expect(start.body.sourceRevisions?.[0].actionName).toBe('App')
  })
})

describe('the verdict', () => {
  test('Succeeded passes, with every output set', async () => {
    const name = pipeline('ok')
    const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name } })
    expect(result.code).toBe(0)
    const id = result.outputs['pipeline-execution-id']
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(result.outputs['execution-url']).toBe(
      `https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/${name}/executions/${id}/timeline?region=us-east-1`
    )
    expect(result.outputs.status).toBe('Succeeded')
    expect(result.stdout).toContain(id)
    expect(result.stdout).toContain(result.outputs['execution-url'])
    // Only the started execution is ever followed.
    for (const get of callsFor(emulator, name, 'GetPipelineExecution')) expect(get.body.pipelineExecutionId).toBe(id)
  })

  test('Failed fails the step with the pipeline, status and summary', async () => {
    const name = pipeline('fail', { buildFails: true })
    const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name } })
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('Failed')
    const message = result.errors.join('\n')
    expect(message).toContain(name)
    expect(message).toContain('failed in stage Build, action Compile: Build failed: COMMAND_EXECUTION_ERROR')
    expect(result.outputs['status-summary']).toContain('Build failed: COMMAND_EXECUTION_ERROR')
    expect(result.stderr).not.toMatch(/\n\s+at /) // no stack trace
  })

  test('Stopped (by someone else) fails the step', async () => {
    const name = pipeline('stopped', { buildSeconds: 3 })
    const run = startAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name } })
    const started = await run.waitForLine(/Started execution/)
    const id = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/.exec(started)![1]
    await otherClient().send(
      new StopPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: id, abandon: true, reason: 'operator' })
    )
    const result = await run.done
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('Stopped')
    expect(result.errors.join('\n')).toContain('Stopped')
    expect(result.stdout).toMatch(
      /^::error title=stopped-[^:]* Stopped::.*was stopped before it finished \(operator\), so commit [0-9a-f]{7} did not go through the whole pipeline/m
    )
    // Stopped with abandon while an action ran (the source, or the 3 s build on a loaded machine): that one is
    // abandoned, and the deploy never ran.
    expect(result.summary).toMatch(/<td>(App|Compile)<\/td><td>⏹️ Abandoned<\/td>/)
    expect(result.summary).toMatch(/<td>Ship<\/td><td>⚪ Not run<\/td>/)
  })

  test('Superseded fails a merge gate, and passes with allow-superseded', async () => {
    for (const allow of ['false', 'true']) {
      // A long build, so that the earlier execution still holds the Build stage when the newer one comes, however
      // slowly a busy machine runs this test; ours is superseded as soon as the newer one reaches Build.
      const name = pipeline('superseded', { buildSeconds: 60, executionMode: 'SUPERSEDED' })
      const client = otherClient()
      // An earlier execution holds the Build stage, ours waits behind it, a newer one overtakes ours.
      await client.send(new StartPipelineExecutionCommand({ name }))
      const run = startAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, 'allow-superseded': allow } })
      await run.waitForLine(/Started execution/)
      await new Promise((r) => setTimeout(r, 400))
      await client.send(new StartPipelineExecutionCommand({ name }))
      const result = await run.done
      expect(result.outputs.status).toBe('Superseded')
      expect(result.code === 0).toBe(allow === 'true')
      const kind = allow === 'true' ? 'notice' : 'error'
      expect(result.stdout).toMatch(new RegExp(`^::${kind} title=superseded-[^:]* Superseded::.*a newer execution overtook it`, 'm'))
    }
  })

  test('wait: false starts, sets the outputs, and the post step makes no AWS call', async () => {
    const name = pipeline('nowait', { buildSeconds: 5 })
    const options = { endpoint: emulator.url, inputs: { 'pipeline-name': name, wait: 'false' } }
    const result = await runAction(options)
    expect(result.code).toBe(0)
    expect(result.outputs['pipeline-execution-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(operations(callsFor(emulator, name))).toEqual(['GetPipeline', 'StartPipelineExecution'])
    const post = await runPost(result, options)
    expect(post.code).toBe(0)
    expect(operations(callsFor(emulator, name))).toEqual(['GetPipeline', 'StartPipelineExecution'])
  })

  test('after a finished execution the post step makes no AWS call', async () => {
    const name = pipeline('postdone')
    const options = { endpoint: emulator.url, inputs: { 'pipeline-name': name } }
    const result = await runAction(options)
    const before = callsFor(emulator, name).length
    const post = await runPost(result, options)
    expect(post.code).toBe(0)
    expect(callsFor(emulator, name)).toHaveLength(before)
  })
})

describe('errors are one clear sentence', () => {
  test('a pipeline that does not exist', async () => {
    const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': 'no-such-pipeline' } })
    expect(result.code).not.toBe(0)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/no-such-pipeline/)
    expect(result.errors[0]).toMatch(/not found|does not exist/i)
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at .*\.js:\d+/)
  })

  test('bad input fails before any AWS call, naming the input', async () => {
    emulator.clearRequests()
    const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': 'x', wait: 'yes' } })
    expect(result.code).not.toBe(0)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toContain('wait')
    expect(emulator.requests()).toHaveLength(0)
  })

  test('no region: says how to set one, before any AWS call', async () => {
    emulator.clearRequests()
    const result = await runAction({
      endpoint: emulator.url,
      inputs: { 'pipeline-name': 'x' },
      env: { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined }
    })
    expect(result.code).not.toBe(0)
    expect(result.errors[0]).toMatch(/aws-region/)
    expect(emulator.requests()).toHaveLength(0)
  })

  test('no credentials: points at configure-aws-credentials', async () => {
    emulator.clearRequests()
    const result = await runAction({
      endpoint: emulator.url,
      inputs: { 'pipeline-name': 'x', 'pin-commit': 'false' },
      env: { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }
    })
    expect(result.code).not.toBe(0)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/credentials/i)
    expect(result.errors[0]).toMatch(/configure-aws-credentials/)
    expect(emulator.requests()).toHaveLength(0)
  })

  test('ambiguous discovery lists the source actions and says to set source-action', async () => {
    // Two source actions, neither on this repository.
    const name = uniqueName('ambiguous')
    const spec = shortPipeline({ name, sourceRepo: 'another/repo' })
    const other = shortPipeline({ name, sourceRepo: 'someone/else' }).stages[0].actions[0]
    spec.stages[0].actions.push({ ...other, name: 'Other' })
    emulator.addPipeline(spec)
    const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name } })
    expect(result.code).not.toBe(0)
    const message = result.errors.join('\n')
    expect(message).toContain('App')
    expect(message).toContain('Other')
    expect(message).toContain('another/repo')
    expect(message).toContain('source-action')
    expect(message).toContain('someone/else')
    expect(operations(callsFor(emulator, name))).not.toContain('StartPipelineExecution')
  })
})
