// What both entries (main and post) take from @actions/core: the inputs, and how a failure is reported.
import * as core from '@actions/core'
import { ActionError, errorMessage } from './errors.js'
import type { InputReader } from './inputs/readers.js'
import { annotationText } from './report/log-text.js'

export const readInput: InputReader = (name) => core.getInput(name)
/** As the workflow wrote it, spaces at both ends included (for `variables`). */
export const readInputUntrimmed: InputReader = (name) => core.getInput(name, { trimWhitespace: false })

export type FailureLog = Pick<typeof core, 'setFailed' | 'error' | 'debug'> & { markFailed: () => void }

const coreFailureLog: FailureLog = {
  setFailed: core.setFailed,
  error: core.error,
  debug: core.debug,
  // 1, not core.ExitCode.Failure: @github/local-action's stand-in for @actions/core has no ExitCode.
  markFailed: () => void (process.exitCode = 1)
}

/**
 * Fails the step with one sentence, the step's one error annotation (titled when the failure has a title);
 * the stack goes to the debug log only.
 */
export function reportFailure(err: unknown, log: FailureLog = coreFailureLog): void {
  if (err instanceof Error && err.stack) log.debug(annotationText(err.stack))
  // Failure sentences quote AWS (error messages, stop reasons): neutralised like every other log line.
  const message = annotationText(err instanceof ActionError ? err.message : `Unexpected error: ${errorMessage(err)}`)
  if (err instanceof ActionError && err.title) {
    log.error(message, { title: err.title })
    log.markFailed()
    return
  }
  log.setFailed(message)
}
