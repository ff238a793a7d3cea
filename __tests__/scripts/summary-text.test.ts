import { summaryText } from '../../scripts/summary-text.js'

test('a table becomes aligned columns under a rule, its links numbered references below it', () => {
  const html =
    '<h2>CodePipeline p: ✅ Succeeded</h2>' +
    '<table><tr><th>Stage</th><th>Status</th><th>Link</th></tr>' +
    '<tr><td>Build</td><td>✅ Succeeded</td><td><a href="https://example.com/log?a=1&amp;b=2">details</a></td></tr>' +
    '<tr><td>Deploy&#95;Prod</td><td>Failed</td><td>—</td></tr></table>'
  expect(summaryText(html).split('\n')).toEqual([
    'CodePipeline p: ✅ Succeeded',
    '='.repeat(28), // the ✅ takes two columns
    '',
    'Stage        Status        Link',
    '-----------  ------------  -----------',
    'Build        ✅ Succeeded  details [1]',
    'Deploy_Prod  Failed        —',
    '  [1] https://example.com/log?a=1&b=2'
  ])
})

test('lists, paragraphs, details and preformatted text read as text; no tag is left', () => {
  const html =
    '<ul><li><b>Pipeline</b>: p, execution <a href="https://x/e">e-1</a></li><li><b>Event</b>: push</li></ul>\n' +
    '<details><summary>Build log</summary><pre>line 1\n  line 2\n</pre></details>\n<p>Done &amp; dusted</p>'
  const text = summaryText(html)
  expect(text).not.toMatch(/<[a-z/]/)
  expect(text.split('\n')).toEqual([
    '- Pipeline: p, execution e-1 [1]',
    '- Event: push',
    '  [1] https://x/e',
    '',
    '▶ Build log',
    '',
    '    line 1',
    '      line 2',
    '',
    'Done & dusted'
  ])
})

test('text from AWS cannot reach the terminal as escapes, nor start a workflow command', () => {
  const html = '<p>&#27;[31mred&#27;[0m</p><pre>::error::injected\n::add-mask::x</pre>'
  const text = summaryText(html)
  expect(text).not.toContain('\x1b')
  expect(text).toContain('[31mred[0m')
  expect(text.split('\n').filter((line) => line.startsWith('::'))).toEqual([])
})

test('a long cell is cut with an ellipsis so the table fits a terminal', () => {
  const text = summaryText(`<table><tr><th>Message</th></tr><tr><td>${'x'.repeat(100)}</td></tr></table>`)
  expect(text.split('\n')[2]).toBe(`${'x'.repeat(71)}…`)
})
