// Following through dist/, the other ways in: the merge queue and push variants of follow-trigger, a named
// execution (execution-id), and a cancel while following. Never a StartPipelineExecution or StopPipelineExecution.
import { exampleEvent, runAction, runPost, startAction, type RunOptions } from '../../harness/runner.js'
import { callsFor, until } from '../support/e2e.js'
import { addPipeline, followWorld, nothingStartedOrStopped, nowIso, OTHER, statuses, withToken } from '../support/follow.js'

const world = followWorld()

test('execution-id: follows that execution to its verdict; an unknown id is one clear error', async () => {
  const name = addPipeline(world, 'follow-id')
  const id = world.emulator.trigger({ pipelineName: name, revision: OTHER })
  const result = await runAction({
    endpoint: world.emulator.url,
    inputs: { 'pipeline-name': name, 'execution-id': id, ...withToken },
    env: { GITHUB_API_URL: world.github.url }
  })
  expect(result.errors).toEqual([])
  // The commit is the one the execution ran on this repository's source action, not the workflow's.
  expect(result.outputs).toMatchObject({ 'pipeline-execution-id': id, status: 'Succeeded', 'commit-id': OTHER })
  expect(statuses(world, name)).toEqual([
    [OTHER, 'pending'],
    [OTHER, 'success']
  ])
  expect(result.summary).toContain(id)

  const unknown = '00000000-0000-4000-8000-000000000000'
  const missing = await runAction({ endpoint: world.emulator.url, inputs: { 'pipeline-name': name, 'execution-id': unknown } })
  expect(missing.code).toBe(1)
  expect(missing.errors).toHaveLength(1)
  expect(missing.errors[0]).toMatch(new RegExp(`^Input execution-id '${unknown}' is not an execution of pipeline ${name}`))
  expect(missing.stdout).not.toMatch(/\n\s+at .*:\d+/)
  nothingStartedOrStopped(world, name)
}, 60_000)

test('cancel while following: stops following, says so, never stops the execution, exits non-zero with the summary written', async () => {
  const name = addPipeline(world, 'follow-cancel', { buildSeconds: 30 })
  const id = world.emulator.trigger({ pipelineName: name, revision: OTHER })
  const options: RunOptions = { endpoint: world.emulator.url, inputs: { 'pipeline-name': name, 'execution-id': id } }
  const run = startAction(options)
  await run.waitForLine(/Following execution/)
  const polls = () =>
    callsFor(world.emulator, name).filter((r) => r.operation === 'ListActionExecutions' || r.operation === 'GetPipelineExecution')
  await until(() => (polls().length >= 2 ? true : undefined))
  run.child.kill('SIGINT')
  const result = await run.done
  expect(result.code).not.toBe(0)
  expect(result.code).not.toBeNull()
  expect(result.stdout).toContain(`Stopped following execution ${id}; it was not started by this step and keeps running`)
  expect(result.summary).toContain('The workflow run was cancelled')
  const post = await runPost(result, options)
  expect(post.code).toBe(0)
  nothingStartedOrStopped(world, name)
}, 60_000)

test('merge queue: follows the execution the trigger started for the merge group head', async () => {
  const event = exampleEvent('merge_group')
  event.payload.merge_group.head_commit.timestamp = nowIso()
  const head = event.payload.merge_group.head_sha as string
  const name = addPipeline(world, 'follow-mq', { olderRun: head })
  const right = world.emulator.trigger({ pipelineName: name, revision: head, delaySeconds: 2 })
  const result = await runAction({ endpoint: world.emulator.url, event, inputs: { 'pipeline-name': name, 'follow-trigger': 'true' } })
  expect(result.errors).toEqual([])
  expect(result.outputs).toMatchObject({ 'pipeline-execution-id': right, status: 'Succeeded', 'commit-id': head })
  nothingStartedOrStopped(world, name)
}, 60_000)

test('push: follows the execution the trigger started for the pushed commit (GITHUB_SHA)', async () => {
  const event = exampleEvent('push')
  event.payload.repository.pushed_at = Math.floor(Date.now() / 1000)
  const sha = event.payload.after as string
  const name = addPipeline(world, 'follow-push', { olderRun: sha })
  const right = world.emulator.trigger({ pipelineName: name, revision: sha, delaySeconds: 1, triggerType: 'PutActionRevision' })
  const result = await runAction({
    endpoint: world.emulator.url,
    event,
    env: { GITHUB_SHA: sha },
    inputs: { 'pipeline-name': name, 'follow-trigger': 'true' }
  })
  expect(result.errors).toEqual([])
  expect(result.outputs).toMatchObject({ 'pipeline-execution-id': right, status: 'Succeeded', 'commit-id': sha })
  nothingStartedOrStopped(world, name)
}, 60_000)
