// Text for the step's log. The runner reads the step's stdout line by line and executes any line that starts
// (after whitespace) with `::` or `##[` as a workflow command (::add-mask::, ::stop-commands::, ::error::...).
// Build error messages, approval comments, stop reasons and status summaries are written by whoever wrote the
// buildspec, a pull request's author included, so no text may start a line of its own.
//
// The rule that makes this hard to forget: src/ reaches the log only through the Log port, and the only Log
// the entries (main.ts, post.ts) hand out is safeLog(core). Lint forbids @actions/core, console and
// process.stdout/stderr elsewhere in src/ (eslint.config.js), so a new log line is neutralised by construction.
import type { Annotation, Log } from '../ports.js'

// C0 and C1 controls (line breaks, ESC for terminal escapes, NEL) and the Unicode line and paragraph separators.
// Tab stays: it breaks no line, and a line that starts with one is checked below like any other.
// eslint-disable-next-line no-control-regex -- matching controls is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' }
// What the runner trims before looking for a command (.NET's Trim: Unicode white space), then the two prefixes.
const COMMAND_START = /^[\s\u180e\u200b\ufeff]*(::|##\[)/
// Long enough for any message worth reading; a megabyte of build log is not one.
export const MAX_LOG_CHARACTERS = 4000

/** Shows a control character as its escape (\n, \r, \u001b) instead of acting on it. */
function visible(c: string): string {
  return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
}

/** At most `max` characters (code points, so an emoji is never cut in two), with an ellipsis saying how much went. */
export function cutCharacters(text: string, max: number): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  const note = `… (${chars.length - max} more characters)`
  return chars.slice(0, max).join('') + note
}

/** One inert line: line breaks and controls shown as escapes, and never the start of a workflow command. */
export function logLine(text: string): string {
  // The runner also reads a legacy `##[command]` anywhere in a line, not only at its start.
  const line = cutCharacters(text, MAX_LOG_CHARACTERS).replace(CONTROL, visible).replaceAll('##[', '##\\[')
  return COMMAND_START.test(line) ? `\\${line}` : line
}

/**
 * An annotation's (or a debug line's) text. @actions/core escapes CR, LF and % in a command's data, so a
 * line break stays inside the annotation and can start no command; other controls are shown as escapes.
 */
export function annotationText(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching controls is the point
  return cutCharacters(text, MAX_LOG_CHARACTERS).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g, visible)
}

/** The Log every part of the action writes to: each message neutralised, whatever it contains. */
export function safeLog(log: Log): Log {
  return {
    info: (message) => log.info(logLine(message)),
    warning: (message) => log.warning(annotationText(message)),
    error: (message, annotation?: Annotation) => log.error(annotationText(message), annotation),
    notice: (message, annotation?: Annotation) => log.notice(annotationText(message), annotation),
    debug: (message) => log.debug(annotationText(message)),
    // Group titles are the action's own words with AWS names in them: one safe line each. Untrusted build logs
    // keep their own channel (stop-commands blocks), which must not be rewritten.
    startGroup: log.startGroup && ((title) => log.startGroup?.(logLine(title))),
    endGroup: log.endGroup && (() => log.endGroup?.()),
    printUntrusted: log.printUntrusted && ((lines) => log.printUntrusted?.(lines))
  }
}
