// follow-trigger's window through dist/: it opens at the event's own time (release, workflow_run), or a day
// before the step when the payload has none, so a runner queue or a `needs:` chain longer than the 2-minute
// margin never refuses the right execution; and a busy pipeline is listed back to the window's start.
import { exampleEvent, runAction, type ActionResult, type GitHubEvent } from '../../harness/runner.js'
import { callsFor } from '../support/e2e.js'
import { addPipeline, followWorld, nothingStartedOrStopped, OTHER, startedAgo } from '../support/follow.js'

const world = followWorld()
const SHA = 'ffac537e6cbbf934b08745a378932722df287a53' // the runner's GITHUB_SHA
const ago = (seconds: number): string => new Date(Date.now() - seconds * 1000).toISOString()
// The trigger's execution, started when the event happened: minutes before the step, as after a runner queue.
const triggered = (revision: string, startedSecondsAgo: number) =>
  ({ status: 'Succeeded', durationSeconds: 60, startedSecondsAgo, revision, triggerType: 'WebhookV2' }) as const
const follow = { 'follow-trigger': 'true', 'trigger-timeout-minutes': '0.1' }

/** The step following on `event` (with GITHUB_SHA = SHA unless `env` says otherwise): it reports no error. */
async function followOnce(name: string, event: GitHubEvent, env: Record<string, string> = { GITHUB_SHA: SHA }): Promise<ActionResult> {
  const result = await runAction({ endpoint: world.emulator.url, event, env, inputs: { 'pipeline-name': name, ...follow } })
  expect(result.errors).toEqual([])
  return result
}

test('release: the window opens at release.published_at, so the tag push execution 4 min before the step is followed', async () => {
  const event = exampleEvent('release', 'published')
  event.payload.release.published_at = ago(300)
  event.payload.release.created_at = ago(90 * 24 * 3600) // the release's commit date, not the event's
  const name = addPipeline(world, 'follow-release', { olderRun: SHA, history: [triggered(SHA, 240)] })
  const right = await startedAgo(world, name, 240)
  const result = await followOnce(name, event)
  expect(result.outputs).toMatchObject({ 'pipeline-execution-id': right, status: 'Succeeded', 'commit-id': SHA })
  nothingStartedOrStopped(world, name)
}, 60_000)

test('workflow_run: the window opens when the other run was created, not when it last changed', async () => {
  const event = exampleEvent('workflow_run', 'completed')
  const run = event.payload.workflow_run as Record<string, string>
  run.created_at = ago(600)
  run.run_started_at = ago(600)
  run.updated_at = ago(30) // the other workflow's end
  const head = run.head_sha
  const name = addPipeline(world, 'follow-wfrun', { olderRun: head, history: [triggered(head, 590)] })
  const right = await startedAgo(world, name, 590)
  const result = await followOnce(name, event, {})
  expect(result.outputs).toMatchObject({ 'pipeline-execution-id': right, status: 'Succeeded', 'commit-id': head })
  nothingStartedOrStopped(world, name)
}, 60_000)

test('workflow_dispatch has no time: the log says so and the window reaches back a day, not 2 minutes', async () => {
  const event = exampleEvent('workflow_dispatch')
  const name = addPipeline(world, 'follow-dispatch', { history: [triggered(OTHER, 60), triggered(SHA, 1800)] })
  const right = await startedAgo(world, name, 1800)
  const result = await followOnce(name, event)
  expect(result.stdout).toContain(
    "The workflow_dispatch event's payload has no time of the event; looking for executions started up to 24 h"
  )
  expect(result.outputs).toMatchObject({ 'pipeline-execution-id': right, status: 'Succeeded', 'commit-id': SHA })
  nothingStartedOrStopped(world, name)
}, 60_000)

test('a busy pipeline: 250 executions of other commits since the event; the listing pages back to the window and finds it', async () => {
  const event = exampleEvent('push')
  event.payload.repository.pushed_at = Math.floor(Date.now() / 1000) - 400
  const busy = Array.from({ length: 250 }, (_, i) => triggered(OTHER, 100 + i))
  const name = addPipeline(world, 'follow-busy', { history: [...busy, triggered(SHA, 390)] })
  const right = await startedAgo(world, name, 390)
  const result = await followOnce(name, event)
  expect(result.outputs).toMatchObject({ 'pipeline-execution-id': right, status: 'Succeeded', 'commit-id': SHA })
  nothingStartedOrStopped(world, name)
  // Pages of 100 while inside the window: 3 per look, a look and the twin check.
  expect(callsFor(world.emulator, name, 'ListPipelineExecutions').filter((r) => r.body.maxResults === 100)).toHaveLength(6)
}, 60_000)
