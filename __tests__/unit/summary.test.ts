import type { ActionRun } from '../../src/codepipeline/port.js'
import { actionRows, writeSummary, type Report } from '../../src/report/summary.js'
import { MemorySummary } from '../support/fakes.js'

const T0 = 1_700_000_000_000
const STRUCTURE = [
  { name: 'Source', actions: ['App'] },
  { name: 'Build', actions: ['Compile'] },
  { name: 'Deploy', actions: ['Ship'] }
]
const runs: ActionRun[] = [
  { actionExecutionId: '1', stageName: 'Source', actionName: 'App', status: 'Succeeded', startTime: T0, lastUpdateTime: T0 + 1000 },
  {
    actionExecutionId: '2',
    stageName: 'Build',
    actionName: 'Compile',
    status: 'Failed',
    startTime: T0 + 1000,
    lastUpdateTime: T0 + 66_000,
    errorMessage: '<b>boom</b> | *x*',
    externalUrl: 'https://logs.example/a?b=1&c=2'
  }
]

function report(overrides: Partial<Report> = {}): Report {
  return {
    pipelineName: 'app-pipeline',
    executionId: 'e-1',
    consoleUrl: 'https://console.example/e-1',
    status: 'Failed',
    statusSummary: 'Action <Compile> failed',
    durationMs: 67_000,
    event: 'pull_request',
    commit: { sha: 'a'.repeat(40), url: `https://github.com/o/r/commit/${'a'.repeat(40)}` },
    structure: STRUCTURE,
    runs,
    variables: [{ name: 'ENV', value: '<prod>' }],
    masked: false,
    followed: true,
    ...overrides
  }
}

test('rows in pipeline order, never-run actions as not run, escaped text and links', () => {
  expect(actionRows(STRUCTURE, runs)).toEqual([
    ['Source', 'App', '✅ Succeeded', '1.0s', '—', '—'],
    [
      'Build',
      'Compile',
      '❌ Failed',
      '1m 05s',
      '&#60;b&#62;boom&#60;/b&#62; &#124; &#42;x&#42;',
      '<a href="https://logs.example/a?b=1&#38;c=2">details</a>'
    ],
    ['Deploy', 'Ship', '⚪ Not run', '—', '—', '—']
  ])
})

test('without the declaration, the runs seen, in start order', () => {
  expect(actionRows(undefined, [...runs].reverse()).map((r) => r[1])).toEqual(['App', 'Compile'])
})

test('runs the declaration does not know come last', () => {
  const extra: ActionRun = { actionExecutionId: '3', stageName: 'Old', actionName: 'Gone', status: 'Succeeded', startTime: T0 }
  expect(
    actionRows(STRUCTURE, [...runs, extra])
      .at(-1)
      ?.slice(0, 3)
  ).toEqual(['Old', 'Gone', '✅ Succeeded'])
})

test('the header, the table and the variables', async () => {
  const summary = new MemorySummary()
  await writeSummary(summary, report())
  const html = summary.written
  expect(html).toContain('<h2>CodePipeline app-pipeline: ❌ Failed</h2>')
  expect(html).toContain(`<b>Commit</b>: <a href="https://github.com/o/r/commit/${'a'.repeat(40)}">aaaaaaa</a>`)
  expect(html).toContain('<b>Event</b>: pull&#95;request')
  expect(html).toContain('<b>Status</b>: ❌ Failed — Action &#60;Compile&#62; failed')
  expect(html).toContain('<b>Duration</b>: 1m 07s')
  expect(html).toContain('<a href="https://console.example/e-1">open in the AWS console</a>')
  expect(html).toContain('<th>Stage</th><th>Action</th><th>Status</th><th>Duration</th><th>Message</th><th>Link</th>')
  expect(html).toContain('<td><code>ENV</code></td><td>&#60;prod&#62;</td>')
  expect(html).not.toMatch(/<prod>|<b>boom/)
})

test('masked variables: names only', async () => {
  const summary = new MemorySummary()
  await writeSummary(summary, report({ masked: true }))
  expect(summary.written).not.toContain('prod')
  expect(summary.written).toContain('<td><code>ENV</code></td><td><i>hidden (mask-variables)</i></td>')
})

test('not pinned, no declaration, no variables', async () => {
  const summary = new MemorySummary()
  await writeSummary(summary, report({ commit: undefined, structure: undefined, variables: [] }))
  expect(summary.written).toContain("<b>Commit</b>: not pinned (the source's latest revision)")
  expect(summary.written).toContain('Actions that never ran are not listed')
  expect(summary.written).not.toContain('Variables')
})

test('not followed (wait: false): no table, a pointer to the console', async () => {
  const summary = new MemorySummary()
  await writeSummary(summary, report({ followed: false, status: 'InProgress', runs: [] }))
  expect(summary.written).not.toContain('<th>Stage</th>')
  expect(summary.written).toContain('did not wait for this execution')
})
