import { escapeText, link, safeUrl } from '../../src/report/markup.js'

const decode = (s: string) => s.replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c)))

test.each([
  ['<script>alert(1)</script>', /<|>/],
  ['**bold** _em_ `code`', /\*|_|`/],
  ['[text](https://evil.example)', /\[|\]/],
  ['a | b', /\|/],
  ['# heading', /^#|# /],
  ['~~strike~~', /~/],
  ['@octocat and me@example.com', /@/],
  ['&amp; "quoted" \'single\'', /&amp;|"|'/]
])('%s has no markup left, and reads the same', (text, forbidden) => {
  const escaped = escapeText(text)
  expect(escaped).not.toMatch(forbidden)
  expect(decode(escaped)).toBe(text)
})

test('one line, trimmed, and cut with an ellipsis', () => {
  expect(escapeText('  line one\n\nline two  ')).toBe('line one line two')
  expect(escapeText('x'.repeat(20), 10)).toBe('x'.repeat(9) + '…')
})

test.each([
  ['https://example.com/a?b=c', 'https://example.com/a?b=c'],
  ['http://127.0.0.1:8080/x', 'http://127.0.0.1:8080/x'],
  ['javascript:alert(1)', undefined],
  ['data:text/html,<b>', undefined],
  ['not a url', undefined],
  [undefined, undefined]
])('safeUrl(%s)', (url, expected) => {
  expect(safeUrl(url)).toBe(expected)
})

test('links escape their text and href, and drop unsafe targets', () => {
  expect(link('<b>', 'https://example.com/"onmouseover="x')).toBe('<a href="https://example.com/%22onmouseover=%22x">&#60;b&#62;</a>')
  expect(link('click', 'javascript:alert(1)')).toBe('click')
})

test('a cut never splits a character: emoji and astral letters stay whole', () => {
  const cut = escapeText('a' + '🚀'.repeat(20), 10)
  expect(cut).toBe('a' + '🚀'.repeat(8) + '…')
  expect(escapeText('𝕏'.repeat(5), 5)).toBe('𝕏'.repeat(5))
})
