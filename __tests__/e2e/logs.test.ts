// The remote run's logs and outputs in GitHub (issue 13), through dist/ against the local service: the
// failed actions' log tails (logs: failed), live logs of parallel builds (logs: all), no log calls (none),
// a refused permission, hostile log lines, and the output-variables / pipeline-variables outputs.
import {
  githubSourceStage,
  startEmulator,
  type ActionSpec,
  type Emulator,
  type PipelineSpec,
  type RecordedRequest
} from '../../emulator/index.js'
import { runAction, workflowCommands, type ActionResult } from '../../harness/runner.js'
import { callsFor, uniqueName } from '../support/e2e.js'
import { repo } from '../support/pipelines.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
})
afterAll(async () => emulator.close())

const numbered = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`)

function build(name: string, extra: Partial<ActionSpec> = {}): ActionSpec {
  return {
    name,
    category: 'Build',
    provider: 'CodeBuild',
    durationSeconds: 0.3,
    configuration: { ProjectName: name.toLowerCase() },
    ...extra
  }
}

function failing(extra: Partial<ActionSpec> = {}): Partial<ActionSpec> {
  return { outcome: 'Failed', errorMessage: 'Build terminated with state: FAILED', ...extra }
}

/** Source, then a stage of the given actions, then Deploy; registered under a fresh name. */
function addPipeline(prefix: string, actions: ActionSpec[], deploy: Partial<ActionSpec> = {}): string {
  const name = uniqueName(prefix)
  const spec: PipelineSpec = {
    name,
    variables: [{ name: 'DEPLOY_ENV', defaultValue: 'dev' }],
    stages: [
      githubSourceStage(repo, 0.1),
      { name: 'Build', actions },
      { name: 'Deploy', actions: [{ name: 'Ship', category: 'Deploy', provider: 'CloudFormation', durationSeconds: 0.1, ...deploy }] }
    ]
  }
  emulator.addPipeline(spec)
  return name
}

const run = (name: string, inputs: Record<string, string> = {}) =>
  runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, ...inputs } })

/** The log and CodeBuild calls made for this run (they name no pipeline, so: since the request index). */
function logCalls(since: number): RecordedRequest[] {
  return emulator
    .requests()
    .slice(since)
    .filter((r) => r.operation === 'GetLogEvents' || r.operation === 'BatchGetBuilds')
}

/** The lines of the group with this title, as printed (between its stop-commands markers). */
function group(result: ActionResult, title: string): string[] {
  const lines = result.stdout.split('\n')
  const start = lines.indexOf(`::group::${title}`)
  if (start < 0) throw new Error(`no group '${title}' in:\n${result.stdout}`)
  const end = lines.indexOf('::endgroup::', start)
  const body = lines.slice(start + 1, end)
  expect(body[0]).toMatch(/^::stop-commands::[0-9a-f]{32}$/)
  expect(body.at(-1)).toBe(`::${(body[0] ?? '').slice('::stop-commands::'.length)}::`)
  return body.slice(1, -1)
}

/** The ::error:: annotation the action made (its title names the pipeline). */
function annotation(result: ActionResult, name: string): string {
  const errors = workflowCommands(result.stdout).filter((c) => c.command === 'error' && c.properties.includes(`title=${name}`))
  expect(errors).toHaveLength(1)
  return errors.at(0)?.message ?? ''
}

describe('logs: failed (the default)', () => {
  test('a failed CodeBuild action with a custom log group: its last 50 lines in a group, the last 10 in the annotation', async () => {
    const name = addPipeline('cb-fail', [
      build('Compile', { ...failing(), logGroup: 'custom/app-builds', logs: numbered('compile line', 60) })
    ])
    const since = emulator.requests().length
    const result = await run(name)
    expect(result.code).toBe(1)
    expect(result.errors.at(-1)).toMatch(
      new RegExp(`^Pipeline ${name} execution [0-9a-f-]{36} failed in stage Build, action Compile: Build terminated`)
    )
    expect(group(result, 'Build / Compile: the last 50 lines of its log')).toEqual(numbered('compile line', 60).slice(10))
    expect(annotation(result, name)).toMatch(
      new RegExp(
        `failed[^]*: Build terminated with state: FAILED[^]*\\n\\nThe last 10 lines of the log of Build / Compile:\\n${numbered('compile line', 60).slice(50).join('\\n')}$`
      )
    )
    const calls = logCalls(since)
    const buildId = (calls.at(0)?.body as { ids: string[] }).ids.at(0) ?? ''
    expect(calls.map((c) => [c.operation, c.status])).toEqual([
      ['BatchGetBuilds', 200],
      ['GetLogEvents', 200]
    ])
    expect(buildId).toMatch(/^compile:[0-9a-f-]{36}$/)
    expect(calls.at(1)?.body).toEqual({
      logGroupName: 'custom/app-builds',
      logStreamName: buildId.split(':')[1],
      limit: 50,
      startFromHead: false
    })
    expect(Object.keys(JSON.parse(result.outputs['output-variables'] ?? '') as object)).toEqual(['Source.Source'])
    expect(JSON.parse(result.outputs['pipeline-variables'] ?? '')).toEqual({ DEPLOY_ENV: 'dev' })
    expect(result.outputs.status).toBe('Failed')
  })

  test('a failed Commands action: its stream comes from logStreamARN, no CodeBuild call', async () => {
    const commands: ActionSpec = {
      name: 'Check',
      category: 'Compute',
      provider: 'Commands',
      durationSeconds: 0.3,
      ...failing({ errorMessage: 'Command failed with exit code 2' }),
      logs: ['Running command make check', 'check: 3 problems', 'make: *** [check] Error 2']
    }
    const name = addPipeline('cmd-fail', [commands])
    const since = emulator.requests().length
    const result = await run(name)
    expect(result.code).toBe(1)
    expect(group(result, 'Build / Check: the last 3 lines of its log')).toEqual(commands.logs)
    expect(annotation(result, name)).toMatch(
      /Command failed with exit code 2[^]*\n\nThe last 3 lines of the log of Build \/ Check:\nRunning command make check\ncheck: 3 problems\nmake: \*\*\* \[check\] Error 2$/
    )
    const calls = logCalls(since)
    expect(calls.map((c) => c.operation)).toEqual(['GetLogEvents'])
    expect(calls.at(0)?.body).toMatchObject({ logGroupName: `/aws/codepipeline/${name}`, limit: 50 })
    expect(result.errors.at(-1)).toMatch(/failed in stage Build, action Check: Command failed with exit code 2/)
    expect(JSON.parse(result.outputs['pipeline-variables'] ?? '')).toEqual({ DEPLOY_ENV: 'dev' })
  })

  test('a successful run makes no log or CodeBuild call at all', async () => {
    const name = addPipeline('cb-ok', [build('Compile', { logs: numbered('ok line', 5) })])
    const since = emulator.requests().length
    const result = await run(name)
    expect(result.code).toBe(0)
    expect(logCalls(since)).toEqual([])
    expect(result.stdout).not.toContain('ok line')
  })
})

test('logs: none: no log calls; the annotation and the verdict as before', async () => {
  const name = addPipeline('none', [build('Compile', { ...failing(), logs: numbered('hidden line', 5) })])
  const since = emulator.requests().length
  const result = await run(name, { logs: 'none' })
  expect(result.code).toBe(1)
  expect(logCalls(since)).toEqual([])
  expect(result.stdout).not.toContain('hidden line')
  expect(annotation(result, name)).not.toContain('The last')
  expect(result.errors.at(-1)).toMatch(/failed in stage Build, action Compile: Build terminated with state: FAILED/)
  expect(JSON.parse(result.outputs['pipeline-variables'] ?? '')).toEqual({ DEPLOY_ENV: 'dev' })
})

test('AccessDenied on GetLogEvents: the same verdict, one notice naming the permission and the link', async () => {
  const url = 'https://console.aws.amazon.com/codesuite/codebuild/projects/compile/build/1/log'
  const name = addPipeline('denied', [build('Compile', { ...failing(), externalUrl: url, logs: numbered('secret line', 5) })])
  emulator.setFaults({ rules: [{ operation: 'GetLogEvents', kind: 'accessDenied' }] })
  let result: ActionResult
  try {
    result = await run(name)
  } finally {
    emulator.setFaults({})
  }
  expect(result.code).toBe(1)
  expect(result.errors.at(-1)).toMatch(/failed in stage Build, action Compile: Build terminated with state: FAILED/)
  const notices = workflowCommands(result.stdout).filter((c) => c.command === 'notice')
  expect(notices).toHaveLength(1)
  expect(notices.at(0)?.message).toBe(
    'Build logs are not shown: the AWS credentials are not allowed logs:GetLogEvents on log group /aws/codebuild/compile. ' +
      `Add it to the role's policy (see the README's IAM permissions) to see them here; meanwhile the log of Build / Compile is at ${url}`
  )
  expect(result.stdout).not.toContain('secret line')
  expect(annotation(result, name)).toContain(url)
  expect(annotation(result, name)).not.toContain('The last')
  expect(result.warnings).toEqual([])
})

test('hostile log lines act as no workflow command, in a tail, live and in the annotation', async () => {
  const hostile = [
    '::error::pwned by the buildspec',
    '::add-mask::Hello',
    '::stop-commands::evil',
    '::evil::',
    '::warning title=x::after the stop token',
    '  ::notice::indented',
    '##[error]old style',
    '::set-output name=status::Succeeded',
    '::endgroup::',
    '::group::fake',
    'npm ERR! ##[error]a legacy command mid-line',
    'then ##[stop-commands]abc mid-line'
  ]
  const name = addPipeline('hostile', [build('Compile', { ...failing(), durationSeconds: 2, logs: hostile })])
  for (const logs of ['failed', 'all']) {
    const result = await run(name, { logs })
    expect(result.code).toBe(1)
    const commands = workflowCommands(result.stdout)
    // What the runner acts on: our own commands only; the stop-commands markers around the lines come in pairs.
    const ours = commands.filter((c) => !['stop-commands', 'group', 'endgroup', 'debug'].includes(c.command))
    expect(ours.length).toBeGreaterThan(0)
    expect(new Set(ours.map((c) => c.command))).toEqual(new Set(['error']))
    for (const error of ours) expect(error.message).toMatch(new RegExp(`^(Pipeline ${name} execution|Compile \\(CodeBuild\\))`))
    expect(commands.filter((c) => c.command === 'stop-commands').every((c) => /^[0-9a-f]{32}$/.test(c.message))).toBe(true)
    expect(commands.filter((c) => c.command === 'group').map((c) => c.message)).not.toContain('fake')
    expect(result.warnings).toEqual([])
    expect(result.outputs.status).toBe('Failed')
    for (const line of hostile) expect(result.stdout).toContain(line) // shown as the text it is
    expect(annotation(result, name)).toContain('then ##[stop-commands]abc mid-line')
  }
})

describe('logs: all', () => {
  test('two parallel builds: live lines prefixed with each action, then one group per action as it ends', async () => {
    const timed = (prefix: string, count: number, every: number) =>
      Array.from({ length: count }, (_, i) => ({ atSeconds: 0.2 + i * every, message: `${prefix} line ${i + 1}` }))
    const name = addPipeline('parallel', [
      build('Lint', { durationSeconds: 4, logs: timed('lint', 8, 0.45) }),
      build('Unit', { durationSeconds: 6, logs: timed('unit', 10, 0.55) })
    ])
    const since = emulator.requests().length
    // Polls at least every second, so that a loaded machine still reads while the builds run.
    const result = await run(name, { logs: 'all', 'poll-interval-max-seconds': '1' })
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n')
    const lintDone = lines.findIndex((l) => /Build \/ Lint succeeded/.test(l))
    const unitDone = lines.findIndex((l) => /Build \/ Unit succeeded/.test(l))
    // Live: some of each build's lines were shown before it ended, prefixed with its name.
    for (const first of ['Lint | lint line 1', 'Unit | unit line 1']) {
      expect(lines.indexOf(first)).toBeGreaterThan(0)
      expect(lines.indexOf(first)).toBeLessThan(lintDone)
    }
    expect(lines.filter((l) => /^(Lint|Unit) \| /.test(l)).length).toBeGreaterThan(4)
    for (const l of lines.filter((x) => /^(Lint|Unit) \| /.test(x))) expect(l).toMatch(/^(Lint \| lint|Unit \| unit) line \d+$/)
    // No line twice live.
    const live = lines.filter((l) => /^(Lint|Unit) \| /.test(l))
    expect(new Set(live).size).toBe(live.length)
    expect(group(result, 'Build / Lint: its log, 8 lines')).toEqual(timed('lint', 8, 0.45).map((l) => l.message))
    expect(group(result, 'Build / Unit: its log, 10 lines')).toEqual(timed('unit', 10, 0.55).map((l) => l.message))
    expect(lines.indexOf('::group::Build / Unit: its log, 10 lines')).toBeGreaterThan(unitDone)
    // Paced like the progress polls, following each stream's forward token.
    const reads = logCalls(since).filter((c) => c.operation === 'GetLogEvents')
    const progress = callsFor(emulator, name, 'ListActionExecutions').length
    expect(reads.length).toBeLessThanOrEqual(2 * progress + 4)
    const tokens = reads.map((r) => (r.body as { nextToken?: string }).nextToken).filter((t) => t !== undefined)
    expect(tokens.length).toBeGreaterThan(0)
    expect(reads.every((r) => (r.body as { startFromHead?: boolean }).startFromHead === true)).toBe(true)
    expect(logCalls(since).filter((c) => c.operation === 'BatchGetBuilds').length).toBeLessThanOrEqual(2)
  })
})

describe('logs: all, long logs and empty pages (issue 20)', () => {
  // Every line is written as the build ends, so no live read can have shown any of them.
  const atEnd = (lines: string[]) => lines.map((message) => ({ atSeconds: 0.3, message }))
  const tenLast = (lines: string[]) => lines.slice(-10).join('\\n')

  test('a long log read after its action ended: the group keeps its last 10,000 lines and says the rest are not shown', async () => {
    const lines = numbered('long line', 12_000)
    const name = addPipeline('long', [build('Compile', { ...failing(), logs: atEnd(lines) })])
    const result = await run(name, { logs: 'all' })
    expect(result.code).toBe(1)
    expect(result.stdout).not.toMatch(/^Compile \| /m)
    expect(result.stdout).not.toContain('shown live')
    const title = 'Build / Compile: the last 10000 of its 12000 lines (2000 lines before these are not shown)'
    expect(group(result, title)).toEqual(lines.slice(2000))
    expect(result.stdout).toMatch(
      /^The log of Build \/ Compile: the first 2000 lines are not shown here \(at most 10000 are kept\)\. The whole log is at https:\/\/console\.aws\.amazon\.com\/codesuite\/codebuild\//m
    )
    expect(annotation(result, name)).toMatch(new RegExp(`\\n\\nThe last 10 lines of the log of Build / Compile:\\n${tenLast(lines)}$`))
  })

  test('empty GetLogEvents pages before the end: read on until the forward token repeats; the annotation is the real end', async () => {
    const lines = numbered('paged line', 25_000) // three pages of at most 10,000 events
    const name = addPipeline('empty-pages', [build('Compile', { ...failing(), logs: atEnd(lines) })])
    const since = emulator.requests().length
    emulator.setFaults({ rules: [{ operation: 'GetLogEvents', kind: 'emptyPage', every: 2 }] })
    let result: ActionResult
    try {
      result = await run(name, { logs: 'all' })
    } finally {
      emulator.setFaults({})
    }
    expect(result.code).toBe(1)
    expect(group(result, 'Build / Compile: the last 10000 of its 25000 lines (15000 lines before these are not shown)')).toEqual(
      lines.slice(15_000)
    )
    expect(annotation(result, name)).toMatch(new RegExp(`\\n\\nThe last 10 lines of the log of Build / Compile:\\n${tenLast(lines)}$`))
    const reads = logCalls(since).filter((c) => c.operation === 'GetLogEvents')
    // The tail for the annotation is read backwards from the end, as logs: failed reads it.
    expect(reads.some((r) => (r.body as { startFromHead?: boolean }).startFromHead === false)).toBe(true)
    expect(result.warnings).toEqual([])
  })
})

describe('output variables and pipeline variables', () => {
  test('on success: by namespace, else Stage.Action; in the job summary under the stage table', async () => {
    const name = addPipeline(
      'vars-ok',
      [build('Compile', { namespace: 'BuildVariables', outputVariables: { IMAGE_TAG: 'app:1.2.3', COMMIT: 'abc123' } })],
      { outputVariables: { StackUrl: 'https://example.com/<b>' } }
    )
    const result = await run(name, { variables: 'DEPLOY_ENV=prod' })
    expect(result.code).toBe(0)
    const outputs = JSON.parse(result.outputs['output-variables'] ?? '') as Record<string, Record<string, string>>
    expect(outputs.BuildVariables).toEqual({ IMAGE_TAG: 'app:1.2.3', COMMIT: 'abc123' })
    expect(outputs['Deploy.Ship']).toEqual({ StackUrl: 'https://example.com/<b>' })
    expect(outputs['Source.Source']).toMatchObject({ BranchName: 'main' })
    expect(JSON.parse(result.outputs['pipeline-variables'] ?? '')).toEqual({ DEPLOY_ENV: 'prod' })
    const summary = result.summary
    expect(summary.indexOf('Output variables')).toBeGreaterThan(summary.indexOf('<table>'))
    expect(summary).toContain('<td><code>BuildVariables</code></td><td><code>IMAGE&#95;TAG</code></td><td>app:1.2.3</td>')
    expect(summary).toContain('https://example.com/&#60;b&#62;')
    expect(summary).not.toContain('example.com/<b>')
  })

  test('on failure: what the actions produced before it failed; masked with mask-variables', async () => {
    const name = addPipeline('vars-fail', [
      build('Compile', { namespace: 'BuildVariables', outputVariables: { IMAGE_TAG: 'app:9' } }),
      build('Test', { runOrder: 2, ...failing(), outputVariables: { NEVER: 'set' } })
    ])
    const result = await run(name, { variables: 'DEPLOY_ENV=SecretStage42', 'mask-variables': 'true' })
    expect(result.code).toBe(1)
    const outputs = JSON.parse(result.outputs['output-variables'] ?? '') as Record<string, unknown>
    expect(outputs.BuildVariables).toEqual({ IMAGE_TAG: 'app:9' })
    expect(outputs['Build.Test']).toBeUndefined()
    expect(JSON.parse(result.outputs['pipeline-variables'] ?? '')).toEqual({ DEPLOY_ENV: 'SecretStage42' })
    expect(
      workflowCommands(result.stdout)
        .filter((c) => c.command === 'add-mask')
        .map((c) => c.message)
    ).toContain('SecretStage42')
  })
})
