// Wires the real world (@actions/core, the SDK, process) to the steps, and reports the outcome.
import * as core from '@actions/core'
import { systemClock } from './clock.js'
import { createCodePipelinePort } from './codepipeline.js'
import { ActionError, errorMessage } from './errors.js'
import { describeRun, readGitHubContext } from './github-context.js'
import { readBoolean, readSettings, type InputReader, type Settings } from './inputs.js'
import { runMainStep } from './main-step.js'
import { runPostStep } from './post.js'
import { ActionState } from './state.js'
import { planNextPoll } from './poll-plan.js'
import { stepIdentity } from './request-token.js'
import { defaultRetryPolicy } from './retry.js'

const readInput: InputReader = (name) => core.getInput(name)

function exit(code: number): void {
  process.exitCode = code
  process.exit(code)
}

/** Masked before anything is logged; the runner then hides them wherever they appear. */
function hideSecrets(settings: Settings): void {
  if (settings.githubToken) core.setSecret(settings.githubToken)
  if (settings.maskVariables) for (const v of settings.variables) if (v.value) core.setSecret(v.value)
}

async function main(state: ActionState): Promise<void> {
  const settings = readSettings(readInput, process.env)
  hideSecrets(settings)
  await runMainStep({
    settings,
    github: readGitHubContext(),
    step: stepIdentity(process.env),
    port: createCodePipelinePort({ region: settings.region }),
    log: core,
    outputs: core,
    clock: systemClock,
    state,
    signals: process,
    exit,
    planner: planNextPoll,
    retry: defaultRetryPolicy(settings.outageToleranceMs),
    summary: core.summary
  })
}

async function post(state: ActionState): Promise<void> {
  await runPostStep({
    saved: state.read(),
    readStopSettings: () => ({
      stopOnCancel: readBoolean(readInput, 'stop-on-cancel', true),
      abandonOnCancel: readBoolean(readInput, 'abandon-on-cancel', false)
    }),
    createPort: (region) => createCodePipelinePort({ region }),
    log: core,
    clock: systemClock,
    run: describeRun(readGitHubContext())
  })
}

/** Fails the step with one sentence; the stack goes to the debug log only. */
export function reportFailure(err: unknown, log: Pick<typeof core, 'setFailed' | 'debug'> = core): void {
  if (err instanceof Error && err.stack) log.debug(err.stack)
  log.setFailed(err instanceof ActionError ? err.message : `Unexpected error: ${errorMessage(err)}`)
}

export async function run(): Promise<void> {
  const state = new ActionState(core)
  try {
    if (state.read().isPost) {
      await post(state)
    } else {
      // Saved first, so that the post step knows it is the post step even if main dies early.
      state.markMainStarted()
      await main(state)
    }
  } catch (err) {
    reportFailure(err)
  }
}
