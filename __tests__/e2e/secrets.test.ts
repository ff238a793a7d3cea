// Nothing secret reaches the log, the summary, the outputs or the saved state, even with step debug
// logging on (RUNNER_DEBUG=1); and only what runs is shipped.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { repoRoot, runAction, startAction, type ActionResult, type RunOptions } from '../../harness/runner.js'
import { callsFor, uniqueName, until } from '../support/e2e.js'
import { shortPipeline } from '../support/pipelines.js'

const SECRETS = {
  AWS_ACCESS_KEY_ID: 'ASIAQWERTYSECRET0001',
  AWS_SECRET_ACCESS_KEY: 'zXc9SecretAccessKeyDoNotLeak/0123456789',
  AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjSessionTokenDoNotLeak0123456789abcdef',
  GITHUB_TOKEN: 'ghs_GitHubTokenDoNotLeak0123456789',
  ACTIONS_RUNTIME_TOKEN: 'RuntimeTokenDoNotLeak0123456789',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'OidcRequestTokenDoNotLeak0123456789'
}
// A pipeline variable whose value is a secret (e.g. from ${{ secrets.X }}, which the runner masks).
const SECRET_VARIABLE = 'DbPasswordDoNotLeak0123456789'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
})
afterAll(async () => emulator.close())

function options(name: string, extra: Partial<RunOptions> = {}): RunOptions {
  return {
    endpoint: emulator.url,
    inputs: { 'pipeline-name': name, variables: `DEPLOY_ENV=prod\nURL=${SECRET_VARIABLE}`, 'mask-variables': 'true' },
    env: { ...SECRETS, RUNNER_DEBUG: '1' },
    ...extra
  }
}

function expectNoSecrets(result: ActionResult): void {
  // ::add-mask:: is how a value is handed to the runner to mask; the runner never shows that line.
  const shown = result.stdout.replace(/^::add-mask::.*$/gm, '')
  // pipeline-variables hands the resolved variables to later steps on purpose; with mask-variables, masked first.
  const { 'pipeline-variables': pipelineVariables, ...outputs } = result.outputs
  if (pipelineVariables?.includes(SECRET_VARIABLE)) expect(result.stdout).toContain(`::add-mask::${SECRET_VARIABLE}`)
  const everything = [shown, result.stderr, result.summary, JSON.stringify(outputs), JSON.stringify(result.state)].join('\n')
  for (const [name, value] of Object.entries({ ...SECRETS, SECRET_VARIABLE })) {
    expect({ name, leaked: everything.includes(value) }).toEqual({ name, leaked: false })
  }
  expect(result.stdout).toContain('::debug::') // debug logging was on
}

test('a successful run with RUNNER_DEBUG=1', async () => {
  const name = uniqueName('secret-ok')
  emulator.addPipeline(shortPipeline({ name }))
  const result = await runAction(options(name))
  expect(result.code).toBe(0)
  expect(callsFor(emulator, name, 'StartPipelineExecution')[0].body.variables).toContainEqual({ name: 'URL', value: SECRET_VARIABLE })
  expectNoSecrets(result)
})

test('a failing run, with a stack in the debug log', async () => {
  const name = uniqueName('secret-fail')
  emulator.addPipeline(shortPipeline({ name, buildFails: true }))
  emulator.setFaults({ rules: [{ operation: 'GetPipelineExecution', kind: 'http500', times: 8 }] })
  try {
    const result = await runAction(options(name))
    expect(result.code).toBe(1)
    expectNoSecrets(result)
  } finally {
    emulator.setFaults({})
  }
})

test('AWS refusing the credentials, and a cancelled run', async () => {
  emulator.setFaults({ rules: [{ operation: 'GetPipeline', kind: 'expiredToken', times: 1 }] })
  const refused = await runAction(options('no-such-pipeline'))
  emulator.setFaults({})
  expect(refused.code).toBe(1)
  expectNoSecrets(refused)

  const name = uniqueName('secret-cancel')
  emulator.addPipeline(shortPipeline({ name, buildSeconds: 30 }))
  const run = startAction(options(name))
  await until(() => callsFor(emulator, name).find((r) => /^(ListActionExecutions|GetPipelineExecution)$/.test(r.operation)))
  run.child.kill('SIGINT')
  const cancelled = await run.done
  expect(cancelled.code).toBe(1)
  expectNoSecrets(cancelled)
})

test('every package bundled into dist/ is a production dependency', () => {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> }
  const licenses = readFileSync(join(repoRoot, 'dist', 'licenses.txt'), 'utf8')
  // Each license text is given once, under the comma-separated packages it covers (scripts/dedupe-licenses.ts).
  const pkg = '(?:@[a-z0-9-]+\\/)?[a-z0-9.-]+'
  const headers = licenses.matchAll(new RegExp(`^(${pkg}(?:, ${pkg})*)\\n[A-Z(]`, 'gm'))
  const bundled = [...headers].flatMap((m) => m[1].split(', '))
  expect(bundled).toContain('@aws-sdk/client-codepipeline')
  for (const name of bundled) {
    const entry = lock.packages[`node_modules/${name}`]
    expect({ name, inLock: entry !== undefined, dev: entry?.dev ?? false }).toEqual({ name, inLock: true, dev: false })
  }
})
