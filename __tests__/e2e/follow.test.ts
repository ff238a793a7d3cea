// Following an execution the action did not start, through dist/: the one the pipeline's own trigger
// started for the commit (pull request, merge queue, push), a named one, none in time, and a cancel.
// Every test asserts that not a single StartPipelineExecution (nor a StopPipelineExecution) was sent.
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { startGitHubApi, type GitHubApi } from '../../harness/github-api.js'
import { exampleEvent, runAction, runPost, startAction, type GitHubEvent, type RunOptions } from '../../harness/runner.js'
import { callsFor, uniqueName, until } from '../support/e2e.js'
import { shortPipeline } from '../support/pipelines.js'

let emulator: Emulator
let github: GitHubApi
beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
  github = await startGitHubApi()
})
afterAll(async () => Promise.all([emulator.close(), github.close()]))

/** The commit statuses posted for a pipeline: [sha, state]. */
function statuses(name: string): [string, unknown][] {
  return github.requests.filter((r) => r.body.context === `CodePipeline/${name}`).map((r) => [r.path.split('/').at(-1) ?? '', r.body.state])
}
const withToken = { 'github-token': 'ghs_followtoken' }

const OTHER = 'b'.repeat(40)
const nowIso = () => new Date().toISOString()

function pipeline(prefix: string, options: { buildSeconds?: number; olderRun?: string } = {}): string {
  const name = uniqueName(prefix)
  const spec = shortPipeline({ name, buildSeconds: options.buildSeconds, executionMode: 'PARALLEL' })
  // A run of the same commit from before the event (say, the branch pushed before the pull request was opened).
  if (options.olderRun)
    spec.history = [{ status: 'Failed', durationSeconds: 30, startedSecondsAgo: 900, revision: options.olderRun, triggerType: 'WebhookV2' }]
  emulator.addPipeline(spec)
  return name
}

function pullRequest(): { event: GitHubEvent; head: string } {
  const event = exampleEvent('pull_request', 'synchronize')
  event.payload.pull_request.updated_at = nowIso()
  return { event, head: event.payload.pull_request.head.sha as string }
}

function nothingStartedOrStopped(name: string): void {
  expect(callsFor(emulator, name, 'StartPipelineExecution')).toHaveLength(0)
  expect(callsFor(emulator, name, 'StopPipelineExecution')).toHaveLength(0)
}

test('pull request: follows the trigger execution for the head that appears 5 s in, not an older run of it nor a newer one of another commit', async () => {
  const { event, head } = pullRequest()
  const name = pipeline('follow-pr', { olderRun: head })
  const right = emulator.trigger({ pipelineName: name, revision: head, delaySeconds: 5 })
  const newer = emulator.trigger({ pipelineName: name, revision: OTHER, delaySeconds: 6, triggerType: 'CloudWatchEvent' })
  const result = await runAction({
    endpoint: emulator.url,
    event,
    inputs: { 'pipeline-name': name, 'follow-trigger': 'true', ...withToken },
    env: { GITHUB_API_URL: github.url }
  })

  expect(result.errors).toEqual([])
  expect(statuses(name)).toEqual([
    [head, 'pending'],
    [head, 'success']
  ])
  expect(result.code).toBe(0)
  expect(result.outputs['pipeline-execution-id']).toBe(right)
  expect(result.outputs['pipeline-execution-id']).not.toBe(newer)
  expect(result.outputs).toMatchObject({ status: 'Succeeded', 'commit-id': head })
  expect(callsFor(emulator, name, 'GetPipelineExecution').every((r) => r.body.pipelineExecutionId === right)).toBe(true)
  expect(result.summary).toContain(right)
  expect(result.stdout).toMatch(/Found .* \(commit [0-9a-f]{12} on App, WebhookV2, started /)
  nothingStartedOrStopped(name)
  // Sparing: a handful of looks while waiting 5 s, plus the history read.
  expect(callsFor(emulator, name, 'ListPipelineExecutions').length).toBeLessThanOrEqual(5)
}, 60_000)

test('nothing appears: fails after trigger-timeout-minutes with one sentence saying what it looked for and what it found', async () => {
  const { event, head } = pullRequest()
  const name = pipeline('follow-none')
  emulator.trigger({ pipelineName: name, revision: OTHER })
  const started = Date.now()
  const result = await runAction({
    endpoint: emulator.url,
    event,
    inputs: { 'pipeline-name': name, 'follow-trigger': 'true', 'trigger-timeout-minutes': '0.1' }
  })
  expect(Date.now() - started).toBeGreaterThanOrEqual(6000)
  expect(result.code).toBe(1)
  expect(result.errors).toHaveLength(1)
  expect(result.errors[0]).toMatch(
    new RegExp(
      `^No execution of pipeline ${name} for commit ${head} on source action App, started by its trigger since .*, appeared within 0.1 min ` +
        `\\(trigger-timeout-minutes\\); the latest are [0-9a-f-]{36} \\(commit bbbbbbbbbbbb on App, WebhookV2, started .*\\); ` +
        `check that the pipeline's trigger filters .* match this event\\.$`
    )
  )
  nothingStartedOrStopped(name)
  expect(callsFor(emulator, name, 'ListPipelineExecutions').length).toBeLessThanOrEqual(3) // at 0, 5 and 6 s
}, 60_000)

test('execution-id: follows that execution to its verdict; an unknown id is one clear error', async () => {
  const name = pipeline('follow-id')
  const id = emulator.trigger({ pipelineName: name, revision: OTHER })
  const result = await runAction({
    endpoint: emulator.url,
    inputs: { 'pipeline-name': name, 'execution-id': id, ...withToken },
    env: { GITHUB_API_URL: github.url }
  })
  expect(result.errors).toEqual([])
  // The commit is the one the execution ran on this repository's source action, not the workflow's.
  expect(result.outputs).toMatchObject({ 'pipeline-execution-id': id, status: 'Succeeded', 'commit-id': OTHER })
  expect(statuses(name)).toEqual([
    [OTHER, 'pending'],
    [OTHER, 'success']
  ])
  expect(result.summary).toContain(id)

  const unknown = '00000000-0000-4000-8000-000000000000'
  const missing = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, 'execution-id': unknown } })
  expect(missing.code).toBe(1)
  expect(missing.errors).toHaveLength(1)
  expect(missing.errors[0]).toMatch(new RegExp(`^Input execution-id '${unknown}' is not an execution of pipeline ${name}`))
  expect(missing.stdout).not.toMatch(/\n\s+at .*:\d+/)
  nothingStartedOrStopped(name)
}, 60_000)

test('cancel while following: stops following, says so, never stops the execution, exits non-zero with the summary written', async () => {
  const name = pipeline('follow-cancel', { buildSeconds: 30 })
  const id = emulator.trigger({ pipelineName: name, revision: OTHER })
  const options: RunOptions = { endpoint: emulator.url, inputs: { 'pipeline-name': name, 'execution-id': id } }
  const run = startAction(options)
  await run.waitForLine(/Following execution/)
  const polls = () =>
    callsFor(emulator, name).filter((r) => r.operation === 'ListActionExecutions' || r.operation === 'GetPipelineExecution')
  await until(() => (polls().length >= 2 ? true : undefined))
  run.child.kill('SIGINT')
  const result = await run.done
  expect(result.code).not.toBe(0)
  expect(result.code).not.toBeNull()
  expect(result.stdout).toContain(`Stopped following execution ${id}; it was not started by this step and keeps running`)
  expect(result.summary).toContain('The workflow run was cancelled')
  const post = await runPost(result, options)
  expect(post.code).toBe(0)
  nothingStartedOrStopped(name)
}, 60_000)

test('merge queue: follows the execution the trigger started for the merge group head', async () => {
  const event = exampleEvent('merge_group')
  event.payload.merge_group.head_commit.timestamp = nowIso()
  const head = event.payload.merge_group.head_sha as string
  const name = pipeline('follow-mq', { olderRun: head })
  const right = emulator.trigger({ pipelineName: name, revision: head, delaySeconds: 2 })
  const result = await runAction({ endpoint: emulator.url, event, inputs: { 'pipeline-name': name, 'follow-trigger': 'true' } })
  expect(result.errors).toEqual([])
  expect(result.outputs).toMatchObject({ 'pipeline-execution-id': right, status: 'Succeeded', 'commit-id': head })
  nothingStartedOrStopped(name)
}, 60_000)

test('push: follows the execution the trigger started for the pushed commit (GITHUB_SHA)', async () => {
  const event = exampleEvent('push')
  event.payload.repository.pushed_at = Math.floor(Date.now() / 1000)
  const sha = event.payload.after as string
  const name = pipeline('follow-push', { olderRun: sha })
  const right = emulator.trigger({ pipelineName: name, revision: sha, delaySeconds: 1, triggerType: 'PutActionRevision' })
  const result = await runAction({
    endpoint: emulator.url,
    event,
    env: { GITHUB_SHA: sha },
    inputs: { 'pipeline-name': name, 'follow-trigger': 'true' }
  })
  expect(result.errors).toEqual([])
  expect(result.outputs).toMatchObject({ 'pipeline-execution-id': right, status: 'Succeeded', 'commit-id': sha })
  nothingStartedOrStopped(name)
}, 60_000)

test('two trigger executions for the commit: fails naming both, follows neither', async () => {
  const { event, head } = pullRequest()
  const name = pipeline('follow-twins')
  const push = emulator.trigger({ pipelineName: name, revision: head, delaySeconds: 1 })
  const pr = emulator.trigger({ pipelineName: name, revision: head, delaySeconds: 3, triggerType: 'CloudWatchEvent' })
  const result = await runAction({ endpoint: emulator.url, event, inputs: { 'pipeline-name': name, 'follow-trigger': 'true' } })
  expect(result.code).toBe(1)
  expect(result.errors).toHaveLength(1)
  expect(result.errors[0]).toMatch(new RegExp(`^2 executions of pipeline ${name} were started for commit ${head} on source action App: `))
  expect(result.errors[0]).toContain(push)
  expect(result.errors[0]).toContain(pr)
  expect(callsFor(emulator, name, 'GetPipelineExecution')).toHaveLength(0)
  nothingStartedOrStopped(name)
}, 60_000)

test('cancel while waiting for the trigger: says so, exits non-zero, summary written, nothing started or stopped', async () => {
  const { event } = pullRequest()
  const name = pipeline('follow-cancel-wait')
  const run = startAction({ endpoint: emulator.url, event, inputs: { 'pipeline-name': name, 'follow-trigger': 'true' } })
  await until(() => callsFor(emulator, name, 'ListPipelineExecutions')[0])
  run.child.kill('SIGTERM')
  const result = await run.done
  expect(result.code).toBe(1)
  expect(result.stdout).toContain('Stopped waiting for the execution the trigger starts; this step started nothing.')
  expect(result.summary).toContain('cancelled before an execution to follow was found')
  nothingStartedOrStopped(name)
}, 60_000)
