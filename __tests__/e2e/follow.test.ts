// follow-trigger through dist/: the execution the pipeline's own trigger started for the pull request head
// (not an older run of it, not a newer one of another commit), none in time, two at once, a cancel while waiting.
// Every test asserts that not a single StartPipelineExecution (nor a StopPipelineExecution) was sent.
import { runAction, startAction } from '../../harness/runner.js'
import { callsFor, until } from '../support/e2e.js'
import { addPipeline, followWorld, nothingStartedOrStopped, OTHER, pullRequest, statuses, withToken } from '../support/follow.js'

const world = followWorld()

test('pull request: follows the trigger execution for the head that appears 5 s in, not an older run of it nor a newer one of another commit', async () => {
  const { event, head } = pullRequest()
  const name = addPipeline(world, 'follow-pr', { olderRun: head })
  const right = world.emulator.trigger({ pipelineName: name, revision: head, delaySeconds: 5 })
  const newer = world.emulator.trigger({ pipelineName: name, revision: OTHER, delaySeconds: 6, triggerType: 'CloudWatchEvent' })
  const result = await runAction({
    endpoint: world.emulator.url,
    event,
    inputs: { 'pipeline-name': name, 'follow-trigger': 'true', ...withToken },
    env: { GITHUB_API_URL: world.github.url }
  })

  expect(result.errors).toEqual([])
  expect(statuses(world, name)).toEqual([
    [head, 'pending'],
    [head, 'success']
  ])
  expect(result.code).toBe(0)
  expect(result.outputs['pipeline-execution-id']).toBe(right)
  expect(result.outputs['pipeline-execution-id']).not.toBe(newer)
  expect(result.outputs).toMatchObject({ status: 'Succeeded', 'commit-id': head })
  expect(callsFor(world.emulator, name, 'GetPipelineExecution').every((r) => r.body.pipelineExecutionId === right)).toBe(true)
  expect(result.summary).toContain(right)
  expect(result.summary).toContain('<b>Started by</b>: not this step')
  expect(result.stdout).toMatch(/Found .* \(commit [0-9a-f]{12} on App, WebhookV2, started /)
  nothingStartedOrStopped(world, name)
  // Sparing: a handful of looks while waiting 5 s, plus the history read.
  expect(callsFor(world.emulator, name, 'ListPipelineExecutions').length).toBeLessThanOrEqual(5)
}, 60_000)

test('nothing appears: fails after trigger-timeout-minutes with one sentence saying what it looked for and what it found', async () => {
  const { event, head } = pullRequest()
  const name = addPipeline(world, 'follow-none')
  world.emulator.trigger({ pipelineName: name, revision: OTHER })
  const started = Date.now()
  const result = await runAction({
    endpoint: world.emulator.url,
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
  nothingStartedOrStopped(world, name)
  expect(callsFor(world.emulator, name, 'ListPipelineExecutions').length).toBeLessThanOrEqual(3) // at 0, 5 and 6 s
}, 60_000)

test('two trigger executions for the commit: fails naming both, follows neither', async () => {
  const { event, head } = pullRequest()
  const name = addPipeline(world, 'follow-twins')
  const push = world.emulator.trigger({ pipelineName: name, revision: head, delaySeconds: 1 })
  const pr = world.emulator.trigger({ pipelineName: name, revision: head, delaySeconds: 3, triggerType: 'CloudWatchEvent' })
  const result = await runAction({ endpoint: world.emulator.url, event, inputs: { 'pipeline-name': name, 'follow-trigger': 'true' } })
  expect(result.code).toBe(1)
  expect(result.errors).toHaveLength(1)
  expect(result.errors[0]).toMatch(new RegExp(`^2 executions of pipeline ${name} were started for commit ${head} on source action App: `))
  expect(result.errors[0]).toContain(push)
  expect(result.errors[0]).toContain(pr)
  expect(callsFor(world.emulator, name, 'GetPipelineExecution')).toHaveLength(0)
  nothingStartedOrStopped(world, name)
}, 60_000)

test('cancel while waiting for the trigger: says so, exits non-zero, summary written, nothing started or stopped', async () => {
  const { event } = pullRequest()
  const name = addPipeline(world, 'follow-cancel-wait')
  const run = startAction({ endpoint: world.emulator.url, event, inputs: { 'pipeline-name': name, 'follow-trigger': 'true' } })
  await until(() => callsFor(world.emulator, name, 'ListPipelineExecutions')[0])
  run.child.kill('SIGTERM')
  const result = await run.done
  expect(result.code).toBe(1)
  expect(result.stdout).toContain('Stopped waiting for the execution to follow; this step started nothing.')
  expect(result.summary).toContain('cancelled before an execution to follow was found')
  nothingStartedOrStopped(world, name)
}, 60_000)
