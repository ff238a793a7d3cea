// The main step on a virtual clock: the real wait loop, poll planner and SDK against the local service running
// its executions on the same clock, so hours of waiting take a second. Shared by the budget test and the bench.
import { createCodePipelinePort, type CodePipelinePort } from '../../src/codepipeline/port.js'
import type { GitHubContext } from '../../src/github/context.js'
import type { Settings } from '../../src/inputs/settings.js'
import { runMainStep } from '../../src/main-step.js'
import type { Clock } from '../../src/ports.js'
import { ActionState } from '../../src/state.js'
import { defaultSettings, FakeLog, FakeOutputs, FakeStateStore, MemorySummary } from './fakes.js'

/** Time that moves only when the action sleeps; the service's executions advance on it too. */
export class VirtualClock implements Clock {
  time = 1_750_000_000_000
  now = () => this.time
  sleep = async (ms: number, signal?: AbortSignal) => {
    signal?.throwIfAborted()
    this.time += ms
    await new Promise((resolve) => setImmediate(resolve))
  }
}

export const virtualGitHub: GitHubContext = {
  eventName: 'push',
  sha: 'c'.repeat(40),
  payload: {},
  repo: { owner: 'octo', repo: 'app' },
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  runId: 1,
  runAttempt: 1
}

/** What a run may change: settings beyond the defaults, and where the outputs go. */
export interface VirtualRunOptions {
  settings?: Partial<Settings>
  outputs?: FakeOutputs
}

/** Runs the main step with default settings on `pipelineName`; the SDK finds the service through the environment. */
export async function runOnVirtualClock(
  pipelineName: string,
  clock: VirtualClock,
  github = virtualGitHub,
  options: VirtualRunOptions = {}
): Promise<CodePipelinePort> {
  const port = createCodePipelinePort({ region: 'us-east-1' })
  await runMainStep({
    settings: defaultSettings(pipelineName, options.settings),
    github,
    step: { runId: '1', runAttempt: '1', job: 'deploy', action: '__run' },
    port,
    clock,
    io: { log: new FakeLog(), outputs: options.outputs ?? new FakeOutputs(), summary: new MemorySummary() },
    state: new ActionState(new FakeStateStore()),
    process: { on: () => undefined, removeListener: () => undefined, exit: () => undefined }
  })
  return port
}
