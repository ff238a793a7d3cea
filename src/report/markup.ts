// Text from AWS and the pipeline (error messages, build summaries, commit messages) goes into the job
// summary, which GitHub renders as Markdown with HTML. Escaped here, it shows as the literal text it is.

// HTML's own specials, plus the characters that start Markdown emphasis, code, links, tables, headings,
// strikethrough and @mentions/e-mail autolinks. Numeric references render as the character itself in both
// Markdown and HTML, so one escaping fits a table cell and a Markdown line alike.
const SPECIAL = /[&<>"'`\\*_[\]#|~@]/g

/** Each special character as its numeric reference (the escaping of escapeText, without its cut). */
export function escapeSpecials(text: string): string {
  return text.replace(SPECIAL, (c) => `&#${c.charCodeAt(0)};`)
}

/** Literal text for the summary: no markup, no autolinks, on one line. */
export function escapeText(text: string, maxLength = 1000): string {
  // Characters (code points), not UTF-16 units: a cut never leaves half an emoji.
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  const cut = chars.length > maxLength ? `${chars.slice(0, maxLength - 1).join('')}…` : chars.join('')
  return escapeSpecials(cut)
}

/** The URL if it is http(s), normalized; undefined for anything else (javascript:, data:, junk). */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}

/** An HTML link with escaped text; plain escaped text when the URL is not a safe one. */
export function link(text: string, url: string | undefined): string {
  const href = safeUrl(url)
  const label = escapeText(text)
  if (!href) return label
  return `<a href="${href.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}">${label}</a>`
}
