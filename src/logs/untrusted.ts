// Log lines are written by whoever wrote the buildspec, a pull request's author included: none of them may
// act as a workflow command. The runner executes a line that starts (after white space) with `::`, and a
// legacy `##[command]` anywhere in a line. So lines are printed through the Log port's printUntrusted, which
// wraps each batch in `::stop-commands::<token>` … `::<token>::` with a fresh unguessable token: nothing in
// between is a command, in either form, and the lines show exactly as written. A Log without it (a test
// double) gets each line neutralised instead. Groups are opened and closed by the port, never by a log line.
import { randomBytes } from 'node:crypto'
import type { Log } from '../ports.js'

// A runaway line (minified output, a base64 blob) should not flood the log.
const MAX_LINE_LENGTH = 4000
const COMMAND_START = /^[\s\u180e\u200b\ufeff]*::/
const LEGACY_COMMAND = /##\[/g

/** Lines of one CloudWatch event (one event may hold several); trailing blank lines dropped, long lines cut. */
export function splitMessage(message: string): string[] {
  const lines = message.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n')
  return lines.map((line) => (line.length > MAX_LINE_LENGTH ? `${line.slice(0, MAX_LINE_LENGTH)}… (cut)` : line))
}

/** The fallback: a line that can start no command (`\::error::`) and holds no legacy one (`##\[error]`). */
export function inertLine(line: string): string {
  const flat = line.replace(/[\r\u0085\u2028\u2029]/g, ' ').replace(LEGACY_COMMAND, '##\\[')
  return COMMAND_START.test(flat) ? `\\${flat}` : flat
}

/** What the wiring gives the Log port: writes a batch between a fresh random stop-commands token pair. */
export function stopCommandsWriter(write: (line: string) => void): (lines: string[]) => void {
  return (lines) => {
    const token = randomBytes(16).toString('hex')
    write(`::stop-commands::${token}`)
    for (const line of lines) write(line)
    write(`::${token}::`)
  }
}

export interface PrintOptions {
  /** Put the lines in a collapsed group with this title (ours: stage and action names). */
  group?: string
  /** Put this before every line (the live lines of `logs: all`). */
  prefix?: string
}

export function printUntrusted(log: Log, messages: string[], options: PrintOptions = {}): void {
  const lines = messages.flatMap(splitMessage).map((line) => `${options.prefix ?? ''}${line}`)
  if (lines.length === 0) return
  if (options.group !== undefined) {
    if (log.startGroup) log.startGroup(options.group)
    else log.info(options.group)
  }
  if (log.printUntrusted) log.printUntrusted(lines)
  else for (const line of lines) log.info(inertLine(line))
  if (options.group !== undefined) log.endGroup?.()
}
