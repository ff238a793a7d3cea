import type { PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import { START_ANSWER_GRACE_MS } from '../../src/execution/cancel.js'
import { ActionError } from '../../src/errors.js'
import type { GitHubContext } from '../../src/github/context.js'
import type { Settings } from '../../src/inputs/settings.js'
import type { PollPlanner } from '../../src/execution/poll-plan.js'
import { runMainStep, type MainDeps } from '../../src/main-step.js'
import { executionUrl } from '../../src/execution/execution.js'
import { ActionState } from '../../src/state.js'
import { FakeGitHub } from '../support/github.js'
import {
  awsError,
  defaultSettings,
  deferred,
  MemorySummary,
  FakeClock,
  FakeLog,
  FakeOutputs,
  FakePort,
  FakeProcess,
  FakeStateStore,
  settle
} from '../support/fakes.js'

const ID = '11111111-2222-3333-4444-555555555555'
const HEAD = 'a'.repeat(40)
const MERGE = 'b'.repeat(40)

const github: GitHubContext = {
  eventName: 'pull_request',
  sha: MERGE,
  payload: { number: 7, pull_request: { number: 7, head: { sha: HEAD, label: 'octo:feature' } } },
  repo: { owner: 'octo', repo: 'app' },
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  runId: 42,
  runAttempt: 1
}

const pipeline: PipelineDeclaration = {
  name: 'p',
  roleArn: 'arn:aws:iam::1:role/r',
  stages: [
    {
      name: 'Source',
      actions: [
        {
          name: 'App',
          actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
          configuration: { FullRepositoryId: 'octo/app' }
        }
      ]
    }
  ]
}

function setup(overrides: Partial<Settings> = {}, clock = new FakeClock()) {
  const port = new FakePort()
  port.pipeline = pipeline
  port.startAnswer = ID
  const store = new FakeStateStore()
  const signals = new FakeProcess()
  const exits = signals.exits
  const outputs = new FakeOutputs()
  const log = new FakeLog()
  const settings = defaultSettings('p', overrides)
  const deps: MainDeps = {
    settings,
    github,
    step: { runId: '42', runAttempt: '1', job: 'deploy', action: '__run' },
    port,
    clock,
    io: { log, outputs, summary: new MemorySummary() },
    state: new ActionState(store),
    process: signals,
    tuning: { planner: () => ({ call: 'status', delayMs: 1000 }), backoff: (n) => n * 1000 }
  }
  return { deps, port, store, signals, exits, outputs, log, summary: deps.io.summary as MemorySummary }
}

test('pull request: discovers the source action, starts the head commit, waits, passes', async () => {
  const { deps, port, store, outputs, signals, log } = setup()
  port.executions = [{ status: 'InProgress' }, { status: 'Succeeded', statusSummary: 'ok' }]
  await runMainStep(deps)
  expect(port.ops()).toEqual(['getPipeline', 'start', 'history', 'get', 'get', 'actions'])
  expect(port.calls[1].args[0]).toEqual({
    pipelineName: 'p',
    variables: [],
    sourceRevisions: [{ actionName: 'App', revisionType: 'COMMIT_ID', revisionValue: HEAD }],
    clientRequestToken: expect.stringMatching(/^gha-42-1-[0-9a-f]{64}$/)
  })
  expect(outputs.values).toEqual({
    'pipeline-execution-id': ID,
    'execution-url': executionUrl('us-east-1', 'p', ID),
    'commit-id': HEAD,
    status: 'Succeeded',
    'status-summary': 'ok',
    'output-variables': '{}',
    'pipeline-variables': '{}'
  })
  expect(store.values).toEqual({
    pipelineName: 'p',
    region: 'us-east-1',
    startSent: 'true',
    wait: 'true',
    executionId: ID,
    finished: 'true'
  })
  expect(signals.count('SIGINT') + signals.count('SIGTERM')).toBe(0)
  expect(log.text()).toContain(`Commit: ${HEAD} (pull_request #7: head of octo:feature (not the merge commit GITHUB_SHA ${MERGE}))`)
  expect(log.lines.at(-1)).toBe(`info: Pipeline p execution ${ID} Succeeded.`)
})

test('a failed execution fails the step, after setting status outputs and marking it finished', async () => {
  const { deps, port, store, outputs } = setup()
  port.executions = [{ status: 'Failed', statusSummary: 'Build failed' }]
  const url = executionUrl('us-east-1', 'p', ID)
  await expect(runMainStep(deps)).rejects.toThrow(new ActionError(`Pipeline p execution ${ID} failed: Build failed (${url}).`))
  expect(outputs.values.status).toBe('Failed')
  expect(store.values.finished).toBe('true')
})

test.each([
  [false, true],
  [true, false]
])('Superseded with allow-superseded %s fails: %s', async (allowSuperseded, fails) => {
  const { deps, port } = setup({ allowSuperseded })
  port.executions = [{ status: 'Superseded' }]
  const outcome = runMainStep(deps)
  if (fails) await expect(outcome).rejects.toThrow(/Superseded/)
  else await expect(outcome).resolves.toBeUndefined()
})

test('wait false: starts, sets the outputs, never polls, saves wait=false', async () => {
  const { deps, port, store, outputs } = setup({ wait: false })
  await runMainStep(deps)
  expect(port.ops()).toEqual(['getPipeline', 'start'])
  expect(Object.keys(outputs.values)).toEqual(['pipeline-execution-id', 'execution-url', 'commit-id'])
  expect(store.values.wait).toBe('false')
})

test('source-revisions without a commit: no GetPipeline', async () => {
  const revisions = [{ actionName: 'Img', revisionType: 'IMAGE_DIGEST' as const, revisionValue: 'sha256:x' }]
  const { deps, port } = setup({ sourceRevisions: revisions })
  await runMainStep(deps)
  expect(port.ops()[0]).toBe('start')
})

test('a signal while waiting: stop that execution, exit 1, no failure reported, handlers removed', async () => {
  const clock = new FakeClock(false)
  const { deps, port, signals, exits, store } = setup({}, clock)
  port.executions = [{ status: 'InProgress' }]
  const running = runMainStep(deps)
  await settle()
  expect(port.ops()).toEqual(['getPipeline', 'start', 'history'])
  signals.emit('SIGINT')
  await expect(running).resolves.toBeUndefined()
  // After the stop, one look at the execution and its actions, for the summary.
  expect(port.ops()).toEqual(['getPipeline', 'start', 'history', 'stop', 'get', 'actions'])
  expect(exits).toEqual([1])
  expect(store.values.stopped).toBe('true')
  expect(store.values.cancelled).toBe('true')
  expect(store.values.finished).toBeUndefined()
  expect(signals.count('SIGINT')).toBe(0)
})

test('a signal during StartPipelineExecution: waits for the id, stops it, never polls', async () => {
  const { deps, port, signals, exits } = setup({}, new FakeClock(false))
  const start = deferred<string>()
  port.startAnswer = () => start.promise
  const running = runMainStep(deps)
  await settle()
  signals.emit('SIGTERM')
  start.resolve(ID)
  await running
  expect(port.ops()).toEqual(['getPipeline', 'start', 'stop'])
  expect(exits).toEqual([1])
})

test('a start that hangs past the grace after a signal: asked again with the same token, and that execution stopped', async () => {
  const clock = new FakeClock(false)
  const { deps, port, signals, exits } = setup({}, clock)
  // The first start hangs until aborted, as the SDK's call does; asked again, it answers.
  port.startAnswer = () => {
    if (port.ops().filter((op) => op === 'start').length > 1) return ID
    const signal = port.calls.at(-1)!.args[1] as AbortSignal
    return new Promise<string>((_, reject) => signal.addEventListener('abort', () => reject(awsError('AbortError'))))
  }
  const running = runMainStep(deps)
  await settle()
  signals.emit('SIGINT')
  await clock.advance(START_ANSWER_GRACE_MS)
  await running
  expect(port.ops()).toEqual(['getPipeline', 'start', 'start', 'stop'])
  const [first, second] = port.calls.filter((c) => c.op === 'start')
  expect(second.args[0]).toEqual(first.args[0])
  expect((first.args[1] as AbortSignal).aborted).toBe(true)
  expect(exits).toEqual([1])
})

test('a signal before the start: nothing is started', async () => {
  const { deps, port, signals, exits } = setup()
  const discovery = deferred<PipelineDeclaration>()
  port.pipeline = () => discovery.promise
  const running = runMainStep(deps)
  await settle()
  signals.emit('SIGINT')
  discovery.resolve(pipeline)
  await running
  expect(port.ops()).toEqual(['getPipeline'])
  expect(exits).toEqual([1])
})

test('errors before the start fail the step without touching CodePipeline further', async () => {
  const { deps, port, store } = setup()
  port.pipeline = { ...pipeline, stages: [] }
  await expect(runMainStep(deps)).rejects.toThrow(/Set source-action/)
  expect(port.ops()).toEqual(['getPipeline'])
  expect(store.values).toEqual({})
})

describe('reporting', () => {
  function withStatuses(overrides: Partial<Settings> = {}) {
    const s = setup({ githubToken: 'tok', ...overrides })
    const fake = new FakeGitHub()
    s.deps.tuning = { ...s.deps.tuning, loadGitHubClient: () => Promise.resolve(fake) }
    return { ...s, posted: fake.statuses, fake }
  }

  test('a success: pending, then success on the commit that ran; the summary is written', async () => {
    const { deps, port, posted, summary } = withStatuses()
    port.executions = [{ status: 'Succeeded' }]
    await runMainStep(deps)
    expect(posted.map((p) => [p.state, p.sha])).toEqual([
      ['pending', HEAD],
      ['success', HEAD]
    ])
    expect(summary.written).toContain('<h2>CodePipeline p: ✅ Succeeded</h2>')
  })

  test('a failure: the annotation with its title, failure status, and the summary', async () => {
    const { deps, port, posted, summary, log } = withStatuses()
    port.executions = [{ status: 'Failed' }]
    port.actionRuns = [
      [{ actionExecutionId: 'a', stageName: 'Source', actionName: 'App', status: 'Failed', errorMessage: 'no access to repo' }]
    ]
    const failure = await runMainStep(deps).catch((err: unknown) => err)
    expect(failure).toMatchObject({ message: expect.stringMatching(/failed in stage Source, action App: no access to repo/) })
    // The failure is the one error annotation, with its title; nothing logged it before.
    expect(failure).toMatchObject({ title: 'p: Source / App failed' })
    expect(log.titles).toEqual([])
    expect(posted.map((p) => p.state)).toEqual(['pending', 'failure'])
    expect(summary.written).toContain('no access to repo')
  })

  test('the wait gives up: error status and a summary that says so', async () => {
    const { deps, port, posted, summary } = withStatuses()
    port.executions = [awsError('InternalFailure', 'down')]
    const settings = { ...deps.settings, outageToleranceMs: 5000 }
    await expect(runMainStep({ ...deps, settings, tuning: { ...deps.tuning, backoff: () => 1000 } })).rejects.toThrow(
      /Could not get the status/
    )
    expect(posted.at(-1)).toMatchObject({ state: 'error', description: expect.stringContaining('Could not follow the execution') })
    expect(summary.written).toContain('Unknown')
  })

  test('not pinned to a commit, or not waiting: no status, and the log says why', async () => {
    const unpinned = withStatuses({ pinCommit: false })
    await runMainStep(unpinned.deps)
    expect(unpinned.posted).toEqual([])
    expect(unpinned.log.text()).toContain('No commit status: the execution is not pinned to a commit')
    const noWait = withStatuses({ wait: false })
    await runMainStep(noWait.deps)
    expect(noWait.posted).toEqual([])
    expect(noWait.log.text()).toContain('No commit status: wait is false')
    expect(noWait.summary.written).toContain('not followed (wait: false)')
  })
})

describe('the check run (check-run: true)', () => {
  function withCheckRun(overrides: Partial<Settings> = {}, clock?: FakeClock) {
    const s = setup({ githubToken: 'tok', checkRun: true, ...overrides }, clock)
    const fake = new FakeGitHub()
    s.deps.tuning = { ...s.deps.tuning, loadGitHubClient: () => Promise.resolve(fake) }
    return { ...s, fake }
  }

  test('created on the pinned commit, updated on a transition, completed; the commit status is posted too', async () => {
    const { deps, port, fake } = withCheckRun()
    port.executions = [{ status: 'InProgress' }, { status: 'Succeeded' }]
    port.actionRuns = [[{ actionExecutionId: 'a', stageName: 'Source', actionName: 'App', status: 'InProgress', startTime: 1 }]]
    const planner: PollPlanner = ({ lastCall }) => ({ call: lastCall === 'progress' ? 'status' : 'progress', delayMs: 1000 })
    await runMainStep({ ...deps, tuning: { ...deps.tuning, planner } })
    expect(fake.creates.map((c) => [c.head_sha, c.external_id, c.output.title])).toEqual([[HEAD, ID, 'Starting']])
    expect(fake.updates.map((u) => [u.output.title, u.conclusion])).toEqual([
      ['Source / App running', undefined],
      [expect.stringMatching(/^Succeeded in /), 'success']
    ])
    expect(fake.statuses.map((p) => p.state)).toEqual(['pending', 'success'])
  })

  test('a signal while the history is still being read: the check run is completed as cancelled', async () => {
    const { deps, port, fake, signals, exits } = withCheckRun()
    const history = deferred<[]>()
    port.history = () => history.promise
    port.executions = [{ status: 'Stopping' }] // as the look after the stop finds it
    const running = runMainStep(deps)
    await settle()
    expect(fake.ops()).toEqual(['status', 'create'])
    signals.emit('SIGINT')
    await settle()
    // Reported before the history answers: the real process exits right after.
    expect(exits).toEqual([1])
    expect(fake.updates.map((u) => [u.status, u.conclusion, u.output.title])).toEqual([
      ['completed', 'cancelled', 'Cancelled with the workflow run']
    ])
    history.resolve([])
    await running
  })

  test('the wait gives up (wait-timeout-minutes): failure, with the reason as title, text and annotation', async () => {
    const clock = new FakeClock(false)
    const { deps, port, fake } = withCheckRun({ waitTimeoutMs: 60_000 }, clock)
    port.executions = [{ status: 'InProgress' }]
    const running = runMainStep(deps).catch((e: Error) => e)
    await settle()
    await clock.advance(60_000)
    const err = await running
    const completion = fake.updates.at(-1)
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Not followed to the end' } })
    expect(completion?.output.summary).toContain((err as Error).message.replace(/'/g, '&#39;').slice(0, 40))
    expect(completion?.output.annotations).toEqual([
      expect.objectContaining({ annotation_level: 'failure', message: (err as Error).message })
    ])
  })

  test('without check-run, none; with it, on a fork, said once and none', async () => {
    const off = withCheckRun({ checkRun: false })
    await runMainStep(off.deps)
    expect(off.fake.ops()).toEqual(['status', 'status'])
    const fork = withCheckRun()
    const payload = {
      pull_request: { number: 7, head: { sha: HEAD, repo: { full_name: 'other/app' } }, base: { repo: { full_name: 'octo/app' } } }
    }
    await runMainStep({ ...fork.deps, github: { ...github, payload } })
    expect(fork.fake.ops()).toEqual(['status', 'status'])
    expect(fork.log.lines.filter((l) => l.includes('No check run'))).toEqual([
      expect.stringMatching(/^info: No check run: this pull request comes from the fork other\/app/)
    ])
  })
})

describe('wait-timeout-minutes', () => {
  test.each([
    [true, ['getPipeline', 'start', 'history', 'stop'], { stopped: 'true' }, /it was stopped/],
    [false, ['getPipeline', 'start', 'history'], { leftRunning: 'true' }, /it is left running/]
  ])('stop-on-timeout %s', async (stopOnTimeout, ops, saved, message) => {
    const clock = new FakeClock(false)
    const { deps, port, store, exits } = setup({ waitTimeoutMs: 60_000, stopOnTimeout }, clock)
    port.executions = [{ status: 'InProgress' }]
    const running = runMainStep(deps).catch((e: Error) => e)
    await settle()
    await clock.advance(60_000)
    const err = await running
    expect(err).toBeInstanceOf(ActionError)
    expect((err as Error).message).toMatch(message)
    expect(port.ops().filter((op) => op !== 'get')).toEqual(ops)
    expect(store.values).toMatchObject(saved)
    expect(exits).toEqual([])
  })
})

describe('a cancel tells the truth', () => {
  function withStatuses(overrides: Partial<Settings> = {}) {
    const s = setup({ githubToken: 'tok', ...overrides }, new FakeClock(false))
    const fake = new FakeGitHub()
    s.deps.tuning = { ...s.deps.tuning, loadGitHubClient: () => Promise.resolve(fake) }
    const posted = () => fake.statuses.map((p) => p.state)
    return { ...s, posted, fake }
  }

  test('a signal between the start and the first poll still writes the summary and ends the commit status', async () => {
    const { deps, port, signals, posted, summary } = withStatuses()
    const history = deferred<never[]>()
    port.history = () => history.promise
    port.executions = [{ status: 'Stopping' }]
    const running = runMainStep(deps)
    await settle()
    expect(port.ops()).toEqual(['getPipeline', 'start', 'history'])
    signals.emit('SIGINT')
    await settle()
    history.resolve([])
    await running
    expect(port.ops().slice(3, 4)).toEqual(['stop'])
    expect(posted()).toEqual(['pending', 'error'])
    expect(summary.written).toContain('The workflow run was cancelled, so the execution is stopping')
  })

  test('the summary says the execution was stopped because the workflow was cancelled, with the actions as seen after the stop', async () => {
    const { deps, port, signals, summary } = setup({}, new FakeClock(false))
    port.executions = [{ status: 'Stopped' }] // the first look is after the stop
    const build = { actionExecutionId: 'b', stageName: 'Build', actionName: 'Compile', status: 'InProgress', startTime: 1 }
    port.actionRuns = [[{ ...build, status: 'Abandoned', lastUpdateTime: 2 }]]
    const running = runMainStep(deps)
    await settle()
    signals.emit('SIGINT')
    await running
    expect(summary.written).toContain('⏹️ Stopped')
    expect(summary.written).toContain('The workflow run was cancelled, so the execution was stopped')
    expect(summary.written).toContain('<td>Compile</td><td>⏹️ Abandoned</td>')
    expect(summary.written).not.toContain('Unknown')
  })

  test('a signal after the verdict does not overwrite it: no Unknown summary, no error status', async () => {
    const { deps, port, signals, posted, summary, exits, fake, log } = withStatuses()
    port.executions = [{ status: 'Succeeded' }]
    const running = runMainStep(deps)
    await settle()
    // The final status is held until the signal has come: the signal lands while the verdict is being reported.
    const gate = deferred<void>()
    fake.hold.status = gate.promise
    await (deps.clock as FakeClock).advance(1000)
    expect(posted()).toEqual(['pending', 'success'])
    signals.emit('SIGINT')
    await settle()
    gate.resolve()
    await running
    expect(posted()).toEqual(['pending', 'success'])
    expect(summary.written).toContain('✅ Succeeded')
    expect(summary.written).not.toContain('Unknown')
    expect(port.ops()).not.toContain('stop')
    expect(exits).toEqual([])
    expect(log.lines.at(-1)).toBe(`info: Pipeline p execution ${ID} Succeeded.`)
  })

  test('giving up following after an outage is saved: the post step leaves the execution alone', async () => {
    const { deps, port, store } = setup({ outageToleranceMs: 5000 })
    port.executions = [awsError('InternalFailure', 'down')]
    await expect(runMainStep({ ...deps, tuning: { ...deps.tuning, backoff: () => 1000 } })).rejects.toThrow(/Could not get the status/)
    expect(store.values).toMatchObject({ gaveUp: 'true' })
    expect(store.values.stopped).toBeUndefined()
  })
})
