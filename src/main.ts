// The main step's bundle (dist/main/index.js, loaded by index.ts): wires the real world (@actions/core, the SDK,
// process) to the main step, and reports the outcome.
// The post step has its own entry and bundle (post.ts), so it can never start anything.
import * as core from '@actions/core'
import { systemClock } from './clock.js'
import { safeLog } from './report/log-text.js'
import { readGitHubContext } from './github/context.js'
import { readInput, readInputUntrimmed, reportFailure } from './step-io.js'
import { readSettings, type Settings } from './inputs/settings.js'
import { runMainStep } from './main-step.js'
import { secretInputs } from './main-wiring.js'
import type { SignalSource } from './ports.js'
import type { CodePipelinePort } from './codepipeline/port.js'
import { ActionState } from './state.js'
import { stepIdentity } from './execution/request-token.js'
import { stopCommandsWriter } from './logs/untrusted.js'
import { SignalInbox } from './signal-inbox.js'

function exit(code: number): void {
  process.exitCode = code
  process.exit(code)
}

/** Masked before anything is logged; the runner then hides them wherever they appear. */
function hideSecrets(settings: Settings): void {
  for (const value of secretInputs(settings)) core.setSecret(value)
}

/** The SDK and the port are chunks of their own (dist/main/NNN.index.js), loaded once the inputs are good: no single
 * huge file to compile, which lowers the peak RSS of a whole run below that of a script that only loads the SDK. */
async function createPort(region: string): Promise<CodePipelinePort> {
  const { createCodePipelinePort } = await import('./codepipeline/port.js')
  return createCodePipelinePort({ region })
}

async function main(state: ActionState, signals: SignalSource): Promise<void> {
  const settings = readSettings(readInput, process.env, readInputUntrimmed)
  hideSecrets(settings)
  await runMainStep({
    settings,
    github: readGitHubContext(),
    step: stepIdentity(process.env),
    port: await createPort(settings.region),
    clock: systemClock,
    io: { log: safeLog({ ...core, printUntrusted: stopCommandsWriter((line) => core.info(line)) }), outputs: core, summary: core.summary },
    state,
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    process: { on: (name, fn) => signals.on(name, fn), removeListener: (name, fn) => signals.removeListener(name, fn), exit }
  })
}

/** `signals`: the entry's, listening since before this module was loaded. */
export async function runMain(signals: SignalSource): Promise<void> {
  try {
    await main(new ActionState(core), signals)
  } catch (err) {
    reportFailure(err)
  }
}

/**
 * The main step without the tiny entry, the convention of actions/typescript-action that @github/local-action
 * runs (`run()` from src/main.ts): signals are listened to from here on.
 */
export async function run(): Promise<void> {
  await runMain(new SignalInbox(process))
}
