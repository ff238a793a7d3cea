// The runner masks what a step prints (the log, the job summary), never what a step sends GitHub itself: a
// masked value in an AWS error message, a build log tail or an output variable would reach the check run and
// the commit status in clear. So every request the GitHub client sends passes through here first (client.ts),
// and each masked value becomes *** as the runner would show it.
import { escapeSpecials } from '../report/markup.js'

const MASK = '***'
/** Every cut the action makes ends with an ellipsis; a masked value cut there still shows its start. */
const CUT = '…'
// A cut that leaves one character of a value tells nothing worth hiding, and one common letter would hide the
// end of too many cut texts.
const MIN_CUT_PREFIX = 2

/** The value, its white space collapsed (as escapeText shows it) and each of its lines (as a log shows them). */
function shapesOf(value: string): string[] {
  const lines = value.split(/\r\n|\r|\n/).map((line) => line.trim())
  return [value, value.replace(/\s+/g, ' ').trim(), ...(lines.length > 1 ? lines : [])]
}

function xml(text: string): string {
  const named: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
  return text.replace(/[&<>"']/g, (c) => named[c] ?? c)
}

/**
 * How a shape may appear in text sent to GitHub: as is; in the encodings the runner's masker also knows (JSON
 * string, URL, XML, base64 without its padding); and as this action escapes text for check-run markup and links.
 */
function encodingsOf(shape: string): string[] {
  return [
    shape,
    JSON.stringify(shape).slice(1, -1),
    encodeURIComponent(shape),
    xml(shape),
    escapeSpecials(shape),
    shape.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
    Buffer.from(shape, 'utf8').toString('base64').replace(/=+$/, '')
  ]
}

type Range = [start: number, end: number]

/** Where `form` occurs in `text`. */
function occurrences(text: string, form: string): Range[] {
  const found: Range[] = []
  for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) found.push([at, at + form.length])
  return found
}

/** The start of `form` that ends right before a cut, if there is one. */
function cutStart(text: string, cutAt: number, form: string): Range | undefined {
  for (let length = Math.min(form.length - 1, cutAt); length >= MIN_CUT_PREFIX; length--) {
    if (text.startsWith(form.slice(0, length), cutAt - length)) return [cutAt - length, cutAt]
  }
  return undefined
}

/** Overlapping or touching ranges as one (as the runner's masker joins them): one *** each. */
function merge(ranges: Range[]): Range[] {
  const merged: Range[] = []
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}

/** The values masked in this run (the github token, mask-variables' values), and how they are redacted. */
export class Secrets {
  private forms: string[] = []

  /** Masked from now on; empty and blank values are not (the runner refuses them too). */
  add(value: string): void {
    if (value.trim() === '') return
    const forms = shapesOf(value)
      .filter((shape) => shape !== '')
      .flatMap(encodingsOf)
    this.forms = [...new Set([...this.forms, ...forms.filter((f) => f !== '')])]
  }

  redact(text: string): string {
    if (this.forms.length === 0 || text === '') return text
    const ranges = this.forms.flatMap((form) => occurrences(text, form))
    for (const cutAt of occurrences(text, CUT).map(([at]) => at)) {
      for (const form of this.forms) {
        const start = cutStart(text, cutAt, form)
        if (start) ranges.push(start)
      }
    }
    if (ranges.length === 0) return text
    let out = ''
    let from = 0
    for (const [start, end] of merge(ranges)) {
      out += text.slice(from, start) + MASK
      from = end
    }
    return out + text.slice(from)
  }
}
