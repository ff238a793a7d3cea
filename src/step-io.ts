// What both entries (main and post) take from @actions/core: the inputs, and how a failure is reported.
import * as core from '@actions/core'
import { ActionError, errorMessage } from './errors.js'
import type { InputReader } from './inputs/readers.js'

export const readInput: InputReader = (name) => core.getInput(name)

/** Fails the step with one sentence; the stack goes to the debug log only. */
export function reportFailure(err: unknown, log: Pick<typeof core, 'setFailed' | 'debug'> = core): void {
  if (err instanceof Error && err.stack) log.debug(err.stack)
  log.setFailed(err instanceof ActionError ? err.message : `Unexpected error: ${errorMessage(err)}`)
}
