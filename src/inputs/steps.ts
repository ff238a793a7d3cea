// The inputs about what the step does beyond starting and following: approve (which manual approvals it
// answers) and on-rerun (what a re-run of the job does with the earlier attempt's execution).
import { InputError, type InputReader } from './readers.js'

export type OnRerun = 'retry' | 'start'
const ON_RERUN: OnRerun[] = ['retry', 'start']

// Stage and action names are [A-Za-z0-9.@\-_]{1,100}; `Stage.Action` joins two.
const APPROVAL_ENTRY = /^[A-Za-z0-9.@\-_]{1,201}$/

export function readOnRerun(read: InputReader): OnRerun {
  const value = read('on-rerun')
  const mode = ON_RERUN.find((m) => m === value.toLowerCase())
  if (!mode) throw new InputError(`Input on-rerun is '${value}'; use retry (the default) or start.`)
  return mode
}

/** One `Stage.Action` or `Action` per line; empty: approve nothing. */
export function readApprove(read: InputReader, wait: boolean): string[] {
  const entries = read('approve')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  const bad = entries.find((e) => !APPROVAL_ENTRY.test(e))
  if (bad !== undefined)
    throw new InputError(
      `Input approve has '${bad}', which is not an approval action; write one Stage.Action (or Action) per line, with letters, digits, ., @, - and _.`
    )
  if (entries.length > 0 && !wait)
    throw new InputError(
      'Input approve is set but wait is false; the step approves only while it follows the execution, so remove one of them.'
    )
  return entries
}
