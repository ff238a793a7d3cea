// Log lines are written by whoever wrote the buildspec, a pull request's author included: none of them may
// act as a workflow command. Every batch of lines is printed between `::stop-commands::<token>` and
// `::<token>::`, with a fresh unguessable token per batch, so the runner executes nothing in between (not
// `::error::`, `::add-mask::`, `::stop-commands::`, nor the older `##[` form); the live lines are also
// prefixed with the action's name, so none starts with `::` even outside a block.
import { randomBytes } from 'node:crypto'
import type { Log } from '../ports.js'

// A runaway line (minified output, a base64 blob) should not flood the log.
const MAX_LINE_LENGTH = 4000

/** Lines of one CloudWatch event: one event may hold several. Trailing blank lines dropped; long lines cut. */
export function splitMessage(message: string): string[] {
  const lines = message.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n')
  return lines.map((line) => (line.length > MAX_LINE_LENGTH ? `${line.slice(0, MAX_LINE_LENGTH)}… (cut)` : line))
}

/** A group title is ours (stage and action names are [A-Za-z0-9.@-_]), escaped as @actions/core escapes data. */
function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

export interface PrintOptions {
  /** Put the lines in a collapsed group with this title. */
  group?: string
  /** Put this before every line (the live lines of `logs: all`). */
  prefix?: string
}

export function printUntrusted(log: Log, messages: string[], options: PrintOptions = {}): void {
  const lines = messages.flatMap(splitMessage)
  if (lines.length === 0 && options.group === undefined) return
  const token = randomBytes(16).toString('hex')
  if (options.group !== undefined) log.info(`::group::${commandData(options.group)}`)
  log.info(`::stop-commands::${token}`)
  for (const line of lines) log.info(`${options.prefix ?? ''}${line}`)
  log.info(`::${token}::`)
  if (options.group !== undefined) log.info('::endgroup::')
}
