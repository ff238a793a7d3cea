// Cancels that tell the truth, with real signals on the bundled action (dist/) against the local service: the
// start-up window, a start whose answer was lost, a signal after the verdict or before the first poll, what
// the summary and the commit status say after a cancel, and what the post step may (and may not) stop.
import { startEmulator, type Emulator, type FaultConfig } from '../../emulator/index.js'
import { startGitHubApi, type GitHubApi } from '../../harness/github-api.js'
import { runAction, runPost, startAction, type RunOptions } from '../../harness/runner.js'
import { shortPipeline } from '../support/pipelines.js'
import { callsFor, executionsOf, POLLS, uniqueName, until } from '../support/faults.js'

const services: { close(): Promise<void> }[] = []
afterAll(async () => Promise.all(services.map((s) => s.close())))

async function pipeline(prefix: string, faults: FaultConfig = {}, buildSeconds = 30): Promise<{ emulator: Emulator; name: string }> {
  const name = uniqueName(prefix)
  const emulator = await startEmulator({ pipelines: [shortPipeline({ name, buildSeconds })], faults })
  services.push(emulator)
  return { emulator, name }
}

async function gitHub(delayMs?: (body: { state?: unknown }) => number): Promise<GitHubApi> {
  const api = await startGitHubApi({ delayMs: delayMs && ((request) => delayMs(request.body)) })
  services.push(api)
  return api
}

const statuses = (api: GitHubApi) => api.requests.map((r) => (r.body as { state: string }).state)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

test.concurrent.each([0, 60, 120, 180, 250])(
  'a signal %i ms after the process starts: nothing is started; the post step does nothing and never calls StartPipelineExecution',
  async (delayMs) => {
    const { emulator, name } = await pipeline('early', { rules: [{ operation: 'GetPipeline', kind: 'slow', delayMs: 400 }] })
    const options: RunOptions = { endpoint: emulator.url, inputs: { 'pipeline-name': name } }
    const run = startAction(options)
    await sleep(delayMs)
    run.child.kill('SIGINT')
    const main = await run.done
    // Killed by the signal before Node ran a line of ours, or handled: never a success.
    expect(main.code === null ? main.signal : main.code).not.toBe(0)
    const post = await runPost(main, options)
    expect(post.code).toBe(0)
    expect(callsFor(emulator, name, 'StartPipelineExecution')).toEqual([])
    expect(await executionsOf(emulator, name)).toEqual([])
    if (main.code !== null) expect(main.stdout).toContain('No execution was started.')
  }
)

test.concurrent(
  'a start answered 500 after it did start, then a signal in the backoff: asked again with the same token, that execution stopped',
  async () => {
    const { emulator, name } = await pipeline('lost-answer', {
      rules: [{ operation: 'StartPipelineExecution', kind: 'http500', afterWork: true, times: 1 }]
    })
    const run = startAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name } })
    await until(() => callsFor(emulator, name, 'StartPipelineExecution').find((r) => r.status === 500), 15000)
    await sleep(200) // in the backoff: the SDK does not retry the start, ours waits 1-2 s
    run.child.kill('SIGINT')
    const result = await run.done
    const starts = callsFor(emulator, name, 'StartPipelineExecution')
    expect(starts).toHaveLength(2)
    const token = (i: number) => (starts[i]?.body as { clientRequestToken?: string }).clientRequestToken
    expect(token(1)).toBe(token(0))
    const executions = await executionsOf(emulator, name)
    expect(executions).toHaveLength(1)
    const [execution] = executions
    expect(execution?.stops).toBe(1)
    expect(execution?.status).toMatch(/^Stopp(ing|ed)$/)
    expect(result.outputs['pipeline-execution-id']).toBe(execution?.id)
    expect(result.stdout).not.toContain('No execution was started')
    expect(result.code).not.toBe(0)
    expect(result.code).not.toBeNull()
  }
)

test.concurrent('asked again and still no answer: says it cannot tell, with the pipeline link; the post step starts nothing', async () => {
  const { emulator, name } = await pipeline('unknown', {
    rules: [
      { operation: 'StartPipelineExecution', kind: 'drop', afterWork: true, times: 1 },
      { operation: 'StartPipelineExecution', kind: 'slow', delayMs: 5000 }
    ]
  })
  const options: RunOptions = { endpoint: emulator.url, inputs: { 'pipeline-name': name } }
  const run = startAction(options)
  await until(() => callsFor(emulator, name, 'StartPipelineExecution')[0], 15000)
  await sleep(300)
  const sentAt = Date.now()
  run.child.kill('SIGINT')
  const main = await run.done
  expect(Date.now() - sentAt).toBeLessThan(7500)
  expect(main.code).not.toBe(0)
  expect(main.warnings).toContainEqual(
    `Could not learn whether an execution of pipeline ${name} was started (no answer within 2.5 s); if one was, it is still running: ` +
      `https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/${name}/view?region=us-east-1`
  )
  expect(main.stdout).not.toContain('No execution was started')
  const before = callsFor(emulator, name).length
  const post = await runPost(main, options)
  expect(post.code).toBe(0)
  expect(callsFor(emulator, name)).toHaveLength(before)
  expect(post.warnings.join('\n')).toContain(`The main step ended while starting pipeline ${name}`)
})

test.concurrent('a signal after the verdict does not overwrite it: no Unknown summary, no error status', async () => {
  const { emulator, name } = await pipeline('late-signal', {}, 0.5)
  const api = await gitHub((body) => (body.state === 'pending' ? 0 : 2000))
  const run = startAction({
    endpoint: emulator.url,
    inputs: { 'pipeline-name': name, 'github-token': 'ghs_token' },
    env: { GITHUB_API_URL: api.url }
  })
  await until(() => api.requests.find((r) => (r.body as { state: string }).state !== 'pending'), 20000)
  run.child.kill('SIGINT')
  const result = await run.done
  expect(statuses(api)).toEqual(['pending', 'success'])
  expect(result.summary).toContain('✅ Succeeded')
  expect(result.summary).not.toContain('Unknown')
  expect(callsFor(emulator, name, 'StopPipelineExecution')).toEqual([])
  expect(result.stdout).toContain('after the outcome was decided; finishing the report')
  expect(result.code).toBe(0)
})

test.concurrent('a signal between the start and the first poll: stopped, the summary written, the commit status ended', async () => {
  const { emulator, name } = await pipeline('before-poll', {
    rules: [{ operation: 'ListPipelineExecutions', kind: 'slow', delayMs: 1500 }]
  })
  const api = await gitHub()
  const run = startAction({
    endpoint: emulator.url,
    inputs: { 'pipeline-name': name, 'github-token': 'ghs_token', 'abandon-on-cancel': 'true' },
    env: { GITHUB_API_URL: api.url }
  })
  await until(() => callsFor(emulator, name, 'ListPipelineExecutions')[0], 15000)
  run.child.kill('SIGINT')
  const result = await run.done
  expect(callsFor(emulator, name, POLLS[1])).toHaveLength(1) // the one look after the stop
  expect(callsFor(emulator, name, 'StopPipelineExecution')).toHaveLength(1)
  expect(statuses(api)).toEqual(['pending', 'error'])
  // Abandoning passes through Stopping for a moment (as AWS's user guide says): either is what was seen.
  expect(result.summary).toMatch(/The workflow run was cancelled, so the execution (was stopped|is stopping)/)
  expect(result.code).not.toBe(0)
})

test.concurrent(
  'after a cancel the summary says the execution was stopped because the workflow was cancelled, with the actions after the stop',
  async () => {
    const { emulator, name } = await pipeline('cancel-summary')
    const run = startAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, 'abandon-on-cancel': 'true' } })
    await until(() => callsFor(emulator, name).find((r) => (POLLS as string[]).includes(r.operation)), 15000)
    run.child.kill('SIGINT')
    const result = await run.done
    expect(result.summary).toContain('<h2>CodePipeline')
    expect(result.summary).toMatch(/<h2>CodePipeline [^<]*: ⏹️ Stopp(ed|ing)<\/h2>/)
    // Abandoning passes through Stopping for a moment (as AWS's user guide says): either is what was seen.
    expect(result.summary).toMatch(/The workflow run was cancelled, so the execution (was stopped|is stopping)/)
    expect(result.summary).toMatch(/<td>Compile<\/td><td>⏹️ Abandoned<\/td>/)
    expect(result.summary).not.toContain('Unknown')
    expect(result.summary).not.toContain('⏳ InProgress')
  }
)

test.concurrent('main gave up following after an outage: the post step leaves the execution alone', async () => {
  const { emulator, name } = await pipeline('outage-post')
  emulator.setFaults({ rules: [{ operation: POLLS, kind: 'http503' }] })
  const options: RunOptions = { endpoint: emulator.url, inputs: { 'pipeline-name': name, 'outage-tolerance-minutes': '0.05' } }
  const main = await runAction(options)
  expect(main.errors[0]).toMatch(/outage-tolerance-minutes/)
  const before = callsFor(emulator, name).length
  const post = await runPost(main, options)
  expect(post.code).toBe(0)
  expect(callsFor(emulator, name)).toHaveLength(before)
})

test.concurrent(
  'main killed while its stop after a cancel was on the wire: the post step stops it, saying the run was cancelled',
  async () => {
    const { emulator, name } = await pipeline('killed-stopping', {
      rules: [{ operation: 'StopPipelineExecution', kind: 'slow', delayMs: 3000, times: 1 }]
    })
    const options: RunOptions = { endpoint: emulator.url, inputs: { 'pipeline-name': name } }
    const run = startAction(options)
    await until(() => callsFor(emulator, name).find((r) => (POLLS as string[]).includes(r.operation)), 15000)
    run.child.kill('SIGINT')
    await until(() => callsFor(emulator, name, 'StopPipelineExecution')[0])
    run.child.kill('SIGKILL')
    const main = await run.done
    await runPost(main, options)
    const stops = callsFor(emulator, name, 'StopPipelineExecution')
    expect(stops).toHaveLength(2)
    expect((stops[1]?.body as { reason?: string }).reason).toMatch(
      /^Workflow run cancelled; the step ended before it could stop this execution: https:\/\/github.com\//
    )
  }
)

test.concurrent('main killed outright: the post step stops it, and says only what it knows', async () => {
  const { emulator, name } = await pipeline('killed')
  const options: RunOptions = { endpoint: emulator.url, inputs: { 'pipeline-name': name } }
  const run = startAction(options)
  await until(() => callsFor(emulator, name).find((r) => (POLLS as string[]).includes(r.operation)), 15000)
  run.child.kill('SIGKILL')
  const main = await run.done
  await runPost(main, options)
  const [stop] = callsFor(emulator, name, 'StopPipelineExecution')
  expect((stop?.body as { reason?: string }).reason).toMatch(/^The step ended before it saw this execution finish: https:\/\/github.com\//)
})
