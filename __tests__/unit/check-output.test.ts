import type { ActionRun } from '../../src/codepipeline/port.js'
import { endingOutput, endingTitle, runningOutput, runningTitle } from '../../src/report/check-output.js'
import { writeSummary, type Report } from '../../src/report/summary.js'
import { MemorySummary } from '../support/fakes.js'

const T0 = 1_700_000_000_000
const STRUCTURE = [
  { name: 'Source', actions: ['App'] },
  { name: 'Approve', actions: ['Release'] },
  { name: 'Build', actions: ['Compile', 'Test'] }
]
const source: ActionRun = {
  actionExecutionId: '1',
  stageName: 'Source',
  actionName: 'App',
  status: 'Succeeded',
  startTime: T0,
  lastUpdateTime: T0 + 1000
}
const compile: ActionRun = { actionExecutionId: '2', stageName: 'Build', actionName: 'Compile', status: 'InProgress', startTime: T0 + 2000 }

function report(runs: ActionRun[], overrides: Partial<Report> = {}): Report {
  return {
    pipelineName: 'app',
    executionId: 'e-1',
    consoleUrl: 'https://console.example/e-1',
    status: 'InProgress',
    durationMs: 5000,
    event: 'pull_request',
    commit: { sha: 'a'.repeat(40), url: `https://github.com/o/r/commit/${'a'.repeat(40)}` },
    structure: STRUCTURE,
    runs,
    variables: [],
    masked: false,
    followed: true,
    ...overrides
  }
}

async function jobSummary(r: Report): Promise<string> {
  const summary = new MemorySummary()
  await writeSummary(summary, r)
  return summary.written
}

describe('while it runs', () => {
  test('the title says what runs now', () => {
    expect(runningTitle(report([]))).toBe('Starting')
    expect(runningTitle(report([source]))).toBe('Running: 1 of 4 actions done')
    expect(runningTitle(report([source, compile]))).toBe('Build / Compile running')
    const test = { ...compile, actionExecutionId: '3', actionName: 'Test' }
    const lint = { ...compile, actionExecutionId: '4', actionName: 'Lint' }
    expect(runningTitle(report([source, compile, test, lint]))).toBe('Build / Compile, Build / Test and 1 more running')
    const approval: ActionRun = { ...compile, stageName: 'Approve', actionName: 'Release', category: 'Approval' }
    expect(runningTitle(report([source, approval]))).toBe('Waiting for approval: Approve / Release')
  })

  test("the summary is the job summary's own markup; the text has the progress lines, escaped", async () => {
    const r = report([source, compile])
    const lines = ['[+1.0s] Source / App succeeded after 1.0s', '[+2.0s] Build / Compile started: <script>x</script> **b** @octocat']
    const output = runningOutput(r, lines)
    expect(output.summary).toBe(await jobSummary(r))
    expect(output.summary).toContain('<td>Compile</td><td>⏳ InProgress</td>')
    expect(output.text).toBe(
      '<h3>Progress</h3>\n<pre>&#91;+1.0s&#93; Source / App succeeded after 1.0s\n' +
        '&#91;+2.0s&#93; Build / Compile started: &#60;script&#62;x&#60;/script&#62; &#42;&#42;b&#42;&#42; &#64;octocat</pre>'
    )
  })

  test('waits are explained: a manual approval (with its link), or no action started yet', () => {
    const approval: ActionRun = {
      ...compile,
      stageName: 'Approve',
      actionName: 'Release',
      category: 'Approval',
      externalUrl: 'https://approve.example/x'
    }
    expect(runningOutput(report([source, approval]), []).summary).toMatch(
      /^<p>⏸️ Waiting for a manual approval at <b>Approve \/ Release<\/b>: nothing moves until someone approves or rejects it in the <a href="https:\/\/approve.example\/x">AWS console<\/a>\.<\/p>/
    )
    const queued = runningOutput(report([]), [])
    expect(queued.summary).toMatch(/^<p>⏳ Waiting for the first action to start: the execution may be queued/)
    expect(queued.text).toBe('<p>No action has started yet.</p>')
    expect(runningOutput(report([source, compile]), []).summary).toMatch(/^<h2>/)
  })

  test('a V2 wait in force is the title and heads the summary; all waits so far are listed', () => {
    const wait = 'Waiting before stage Deploy: its inbound transition is disabled (reason: <freeze>)'
    const output = runningOutput({ ...report([source, compile]), waits: ['Queued before stage Build behind 1 execution', wait] }, [], wait)
    expect(output.title).toBe(wait)
    expect(output.summary).toMatch(
      /^<p>⏳ Waiting before stage Deploy: its inbound transition is disabled \(reason: &#60;freeze&#62;\)<\/p>/
    )
    expect(output.summary).toContain('<h3>Waits</h3>')
    expect(output.summary).toContain('<li>Queued before stage Build behind 1 execution</li>')
  })

  test('only the last 60 progress lines; within the 65535 characters GitHub takes', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(2000)}`)
    const output = runningOutput(report([source]), lines)
    expect(output.text).toContain('<p>40 earlier lines are in the workflow log.</p>')
    expect(output.text).not.toContain('line 39 ')
    expect(output.text).toContain('line 99 ')
    expect(output.text!.length).toBeLessThanOrEqual(65535)
  })
})

describe('at the end', () => {
  const failed: ActionRun = { ...compile, status: 'Failed', lastUpdateTime: T0 + 9000, errorMessage: 'npm test <exited> 1' }

  test('titles', () => {
    expect(endingTitle(report([source], { status: 'Succeeded', durationMs: 72_000 }), true)).toBe('Succeeded in 1m 12s')
    expect(endingTitle(report([source, failed], { status: 'Failed' }), false)).toBe('Build / Compile failed')
    expect(endingTitle(report([], { status: 'Failed' }), false)).toBe('Failed')
    expect(endingTitle(report([], { status: 'Superseded' }), false)).toBe('Superseded by a newer execution')
    expect(endingTitle(report([], { status: 'Superseded' }), true)).toBe('Superseded by a newer execution (allowed by allow-superseded)')
    expect(endingTitle(report([], { status: 'Stopped' }), false)).toBe('Stopped before it finished')
    expect(endingTitle(report([], { status: 'Cancelled' }), false)).toBe('Cancelled by CodePipeline (the pipeline was updated)')
  })

  test('the sentence (escaped), the table, and the annotation (plain text) on the workflow file', () => {
    const r = report([source, failed], { status: 'Failed' })
    const output = endingOutput(r, ['[+9.0s] Build / Compile failed'], {
      conclusion: 'failure',
      title: 'Build / Compile failed',
      message: 'Compile failed: npm test <exited> 1',
      annotation: {
        level: 'error',
        title: 'app: Build / Compile failed',
        message: 'Compile failed:\u0007 npm test <exited> 1\nDetails: x'
      },
      annotationPath: '.github/workflows/deploy.yml'
    })
    expect(output.title).toBe('Build / Compile failed')
    expect(output.summary).toMatch(/^<p>Compile failed: npm test &#60;exited&#62; 1<\/p>\n<h2>CodePipeline app: ❌ Failed<\/h2>/)
    expect(output.summary).toContain('<td>Compile</td><td>❌ Failed</td><td>7.0s</td><td>npm test &#60;exited&#62; 1</td>')
    expect(output.annotations).toEqual([
      {
        path: '.github/workflows/deploy.yml',
        start_line: 1,
        end_line: 1,
        annotation_level: 'failure',
        title: 'app: Build / Compile failed',
        message: 'Compile failed:  npm test <exited> 1\nDetails: x',
        raw_details: undefined
      }
    ])
  })

  test('an accepted Superseded is a notice; no annotation without one', () => {
    const r = report([source], { status: 'Superseded' })
    const base = { conclusion: 'success' as const, title: 't', annotationPath: 'w.yml' }
    const notice = endingOutput(r, [], { ...base, annotation: { level: 'notice', title: 'n', message: 'm' } })
    expect(notice.annotations?.map((a) => a.annotation_level)).toEqual(['notice'])
    expect(endingOutput(r, [], base).annotations).toBeUndefined()
  })
})
