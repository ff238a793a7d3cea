// Shared set-up of the follow e2e tests: a local CodePipeline, a GitHub API stand-in, pipelines with an older
// run of the commit, and the check that the action neither started nor stopped anything.
import { startEmulator, type Emulator, type HistorySpec } from '../../emulator/index.js'
import { startGitHubApi, type GitHubApi } from '../../harness/github-api.js'
import { exampleEvent, type GitHubEvent } from '../../harness/runner.js'
import { paginateListPipelineExecutions } from '@aws-sdk/client-codepipeline'
import { callsFor, uniqueName } from './e2e.js'
import { client } from './emulator.js'
import { shortPipeline } from './pipelines.js'

export const OTHER = 'b'.repeat(40)
export const withToken = { 'github-token': 'ghs_followtoken' }
export const nowIso = (): string => new Date().toISOString()

export interface FollowWorld {
  emulator: Emulator
  github: GitHubApi
}

/** Starts both services for the file's tests (beforeAll) and closes them (afterAll). */
export function followWorld(): FollowWorld {
  const world = {} as FollowWorld
  beforeAll(async () => {
    world.emulator = await startEmulator({ pipelines: [] })
    world.github = await startGitHubApi()
  })
  afterAll(async () => Promise.all([world.emulator.close(), world.github.close()]))
  return world
}

/** The commit statuses posted for a pipeline: [sha, state]. */
export function statuses(world: FollowWorld, name: string): [string, unknown][] {
  const mine = world.github.requests.filter((r) => r.body.context === `CodePipeline/${name}`)
  return mine.map((r) => [r.path.split('/').at(-1) ?? '', r.body.state])
}

export interface FollowPipelineOptions {
  buildSeconds?: number
  olderRun?: string
  /** Past executions, newest first, before the older run. */
  history?: HistorySpec[]
}

export function addPipeline(world: FollowWorld, prefix: string, options: FollowPipelineOptions = {}): string {
  const name = uniqueName(prefix)
  const spec = shortPipeline({ name, buildSeconds: options.buildSeconds, executionMode: 'PARALLEL' })
  spec.history = [...(options.history ?? [])]
  // A run of the same commit from before the event (say, the branch pushed before the pull request was opened).
  if (options.olderRun)
    spec.history.push({
      status: 'Failed',
      durationSeconds: 30,
      startedSecondsAgo: 900,
      revision: options.olderRun,
      triggerType: 'WebhookV2'
    })
  world.emulator.addPipeline(spec)
  return name
}

export function pullRequest(): { event: GitHubEvent; head: string } {
  const event = exampleEvent('pull_request', 'synchronize')
  event.payload.pull_request.updated_at = nowIso()
  return { event, head: event.payload.pull_request.head.sha as string }
}

export function nothingStartedOrStopped(world: FollowWorld, name: string): void {
  expect(callsFor(world.emulator, name, 'StartPipelineExecution')).toHaveLength(0)
  expect(callsFor(world.emulator, name, 'StopPipelineExecution')).toHaveLength(0)
}

/** The execution of `name` that started `secondsAgo` ago (±5 s), as ListPipelineExecutions lists it. */
export async function startedAgo(world: FollowWorld, name: string, secondsAgo: number): Promise<string | undefined> {
  const cp = client(world.emulator)
  const listed = []
  for await (const page of paginateListPipelineExecutions({ client: cp }, { pipelineName: name }))
    listed.push(...(page.pipelineExecutionSummaries ?? []))
  cp.destroy()
  const at = Date.now() - secondsAgo * 1000
  return listed.find((e) => Math.abs((e.startTime?.getTime() ?? 0) - at) < 5000)?.pipelineExecutionId
}
