// The job summary (HTML, as GitHub renders it) as plain text for a terminal: headings, lists, tables with
// aligned columns, and links as numbered references listed under the block that has them. Text in the
// summary comes partly from AWS and is untrusted: control characters (terminal escapes) are dropped, and no
// line may start with `::` (a workflow command, should this output ever reach a runner's log).

interface Element {
  tag: string
  attrs: string
  children: Node[]
}
type Node = Element | string

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link'])
const BLOCK = new Set(['p', 'div', 'ul', 'ol', 'table', 'pre', 'details', 'blockquote', 'hr'])

/** A forgiving tree of the HTML: unclosed elements end with their parent, stray end tags are ignored. */
function parse(html: string): Element {
  const root: Element = { tag: '#root', attrs: '', children: [] }
  const open: Element[] = [root]
  for (const m of html.matchAll(/<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+|<)/g)) {
    const [, closing, name, attrs = '', text] = m
    const top = open[open.length - 1]!
    if (text !== undefined) top.children.push(text)
    if (!name) continue
    const tag = name.toLowerCase()
    if (closing) {
      const at = open.map((e) => e.tag).lastIndexOf(tag)
      if (at > 0) open.length = at
      continue
    }
    const element: Element = { tag, attrs, children: [] }
    top.children.push(element)
    if (!VOID.has(tag) && !attrs.trim().endsWith('/')) open.push(element)
  }
  return root
}

function decode(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
    if (code[0] !== '#') return named[code.toLowerCase()] ?? entity
    const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10)
    return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : entity
  })
}

/** A table cell, cut so a table fits a terminal; the full text is elsewhere (the log, the summary's list). */
function clip(text: string, max = 72): string {
  const chars = [...text]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text
}

/** Terminal columns: emoji such as ✅ take two. */
function width(text: string): number {
  let columns = 0
  for (const char of text) columns += /\p{Extended_Pictographic}/u.test(char) ? 2 : 1
  return columns
}

class Renderer {
  private links: string[] = []
  private pending: number[] = []

  /** Inline text of a node: whitespace collapsed, links as `text [n]`. */
  inline(node: Node): string {
    if (typeof node === 'string') return decode(node).replace(/\s+/g, ' ')
    if (node.tag === 'br') return ' '
    const text = node.children.map((child) => this.inline(child)).join('')
    if (node.tag !== 'a') return text
    const href = /href\s*=\s*"([^"]*)"/i.exec(node.attrs)?.[1]
    if (!href) return text
    this.links.push(decode(href))
    this.pending.push(this.links.length)
    return `${text.trim()} [${this.links.length}]`
  }

  /** The links referenced since the last call, one per line. */
  private footnotes(): string[] {
    const lines = this.pending.map((n) => `  [${n}] ${this.links[n - 1]}`)
    this.pending = []
    return lines
  }

  table(table: Element): string[] {
    const rows = collect(table, 'tr').map((tr) => tr.children.filter(isCell).map((cell) => clip(this.inline(cell).trim())))
    const columns = Math.max(0, ...rows.map((row) => row.length))
    const widths = Array.from({ length: columns }, (_, i) => Math.max(...rows.map((row) => width(row[i] ?? ''))))
    const line = (row: string[]) => widths.map((w, i) => (row[i] ?? '') + ' '.repeat(w - width(row[i] ?? ''))).join('  ')
    const header = collect(table, 'th').length > 0
    const lines = rows.map((row) => line(row).trimEnd())
    if (header && lines.length > 0) lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '))
    return [...lines, ...this.footnotes()]
  }

  /** Block-level rendering: one entry per output line. */
  block(node: Node): string[] {
    if (typeof node === 'string' || !(BLOCK.has(node.tag) || /^h[1-6]$/.test(node.tag) || node.tag === 'li' || node.tag === '#root'))
      return splitLines(this.inline(node))
    if (/^h[1-6]$/.test(node.tag)) {
      const text = this.inline(node).trim()
      return ['', text, (node.tag === 'h1' || node.tag === 'h2' ? '=' : '-').repeat(width(text)), ...this.footnotes()]
    }
    if (node.tag === 'table') return ['', ...this.table(node)]
    if (node.tag === 'pre')
      return [
        '',
        ...decode(textOf(node))
          .replace(/\n$/, '')
          .split('\n')
          .map((l) => `    ${l}`)
      ]
    if (node.tag === 'li') return [`- ${this.inline(node).trim()}`]
    if (node.tag === 'details') {
      const title = node.children.find((c): c is Element => typeof c !== 'string' && c.tag === 'summary')
      const rest = node.children.filter((c) => c !== title)
      return ['', `▶ ${title ? this.inline(title).trim() : 'Details'}`, ...this.blocks(rest)]
    }
    const lines = this.blocks(node.children)
    return node.tag === '#root' ? lines : ['', ...lines, ...this.footnotes()]
  }

  /** Children in order, consecutive inline ones joined into one paragraph. */
  blocks(children: Node[]): string[] {
    const lines: string[] = []
    let run = ''
    const flush = () => {
      if (run.trim()) lines.push(...splitLines(run), ...this.footnotes())
      run = ''
    }
    for (const child of children) {
      if (isBlock(child)) {
        flush()
        lines.push(...this.block(child))
      } else if (typeof child !== 'string' && child.tag === 'br') {
        flush()
      } else run += typeof child === 'string' ? decode(child) : this.inline(child)
    }
    flush()
    return lines
  }
}

const isCell = (node: Node): node is Element => typeof node !== 'string' && (node.tag === 'td' || node.tag === 'th')
const isBlock = (node: Node) => typeof node !== 'string' && (BLOCK.has(node.tag) || /^h[1-6]$/.test(node.tag) || node.tag === 'li')
const splitLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
const textOf = (node: Node): string => (typeof node === 'string' ? node : node.children.map(textOf).join(''))

/** Every descendant with this tag, in document order, not looking inside a match. */
function collect(node: Element, tag: string): Element[] {
  return node.children.flatMap((child) => (typeof child === 'string' ? [] : child.tag === tag ? [child] : collect(child, tag)))
}

/** Drops terminal control characters and keeps any line from starting a workflow command. */
function neutralise(line: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
  return clean.startsWith('::') ? ` ${clean}` : clean
}

/** The job summary (HTML and Markdown as the action writes it) as readable plain text. */
export function summaryText(html: string): string {
  const lines = new Renderer().block(parse(html)).map(neutralise)
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
