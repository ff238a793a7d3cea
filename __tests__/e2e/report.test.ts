// What the user reads: the live log, the failure annotation, the job summary, commit statuses, masking.
// dist/ as a child process against the local service and a stand-in GitHub API, both on loopback.
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { runAction } from '../../harness/runner.js'
import { startGitHubApi, type GitHubApi } from '../../harness/github-api.js'
import { callsFor, operations, uniqueName } from '../support/e2e.js'
import { shortPipeline } from '../support/pipelines.js'

let emulator: Emulator
let github: GitHubApi

beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
  github = await startGitHubApi()
})
afterAll(async () => Promise.all([emulator.close(), github.close()]))

function pipeline(prefix: string, options: Omit<Parameters<typeof shortPipeline>[0], 'name'> = {}): string {
  const name = uniqueName(prefix)
  emulator.addPipeline(shortPipeline({ name, ...options }))
  return name
}

/** The summary table's rows as plain cell text (tags dropped, entities decoded). */
function tableRows(summary: string): string[][] {
  const table = /<table>(.*?)<\/table>/s.exec(summary)?.[1] ?? ''
  const decode = (html: string) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))
      .trim()
  return [...table.matchAll(/<tr>(.*?)<\/tr>/gs)].map((row) =>
    [...row[1].matchAll(/<t[hd]>(.*?)<\/t[hd]>/gs)].map((cell) => decode(cell[1]))
  )
}

const BUILD_LOG = 'https://console.aws.amazon.com/codesuite/codebuild/projects/app/build/app:1/log'

describe('a failing action', () => {
  test('the log, the annotation and the failure name the stage, the action, the message and the link; the table shows what never ran', async () => {
    // An 8 s build: the first progress poll (about 2 s in) sees it running even on a busy machine, so its
    // "started" line is in the log.
    const name = pipeline('fails', { buildFails: true, buildSeconds: 8 })
    const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name } })
    expect(result.code).not.toBe(0)
    const message = 'Build failed: COMMAND_EXECUTION_ERROR: npm test exited with 1'
    expect(result.stdout).toMatch(/\[\+0\.1s\] Source \/ App succeeded after 0\.1s/)
    expect(result.stdout).toMatch(new RegExp(`^\\[\\+0\\.1s\\] Build / Compile started: ${BUILD_LOG.replace(/[.?]/g, '\\$&')}$`, 'm'))
    expect(result.stdout).toMatch(/\[\+8\.1s\] Build \/ Compile failed after 8\.0s/)
    expect(result.stdout).toContain(`Build / Compile failed after`)
    // One failure, one error annotation: the step's failure sentence, titled with the action that failed.
    expect(result.errors).toHaveLength(1)
    expect(result.stdout).toMatch(new RegExp(`^::error title=${name}%3A Build / Compile failed::Pipeline ${name} execution`, 'm'))
    const failure = result.errors.at(-1)!
    expect(failure).toMatch(
      new RegExp(
        `^Pipeline ${name} execution [0-9a-f-]{36} failed in stage Build, action Compile: ${message} \\(${BUILD_LOG.replace(/[.?]/g, '\\$&')}\\)\\.$`
      )
    )
    expect(tableRows(result.summary)).toEqual([
      ['Stage', 'Action', 'Status', 'Duration', 'Message', 'Link'],
      ['Source', 'App', '✅ Succeeded', '0.1s', '—', 'details'],
      ['Build', 'Compile', '❌ Failed', '8.0s', message, 'details'],
      ['Deploy', 'Ship', '⚪ Not run', '—', '—', '—']
    ])
    expect(result.summary).toContain(`<a href="${BUILD_LOG}">details</a>`)
    expect(result.summary).toMatch(/Status<\/b>: ❌ Failed/)
    expect(result.summary).toContain(`<b>Event</b>: push`)
    expect(result.summary).toContain(
      `<a href="https://github.com/Codertocat/Hello-World/commit/${result.env.GITHUB_SHA}">${result.env.GITHUB_SHA.slice(0, 7)}</a>`
    )
  })

  test('markup in the failure message is shown as text, never rendered', async () => {
    const evil = '<img src=x onerror=alert(1)> **bold** [click](javascript:alert(1)) | cell </td></table><script>x</script> @octocat'
    const name = pipeline('markup', { buildFails: true, buildError: evil })
    const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name } })
    expect(result.code).not.toBe(0)
    for (const raw of ['<img', '<script', '</td></table>', '**bold**', '[click]', '| cell', '@octocat'])
      expect(result.summary).not.toContain(raw)
    expect(tableRows(result.summary)[2][4]).toBe(evil)
  })
})

test('a waiting manual approval is said once, with its link, and polled slowly', async () => {
  const name = pipeline('approval', { approvalSeconds: 3 })
  const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, 'poll-interval-max-seconds': '1.5' } })
  expect(result.code).toBe(0)
  const waiting = result.stdout.split('\n').filter((l) => l.includes('waiting for a manual approval'))
  expect(waiting).toEqual([
    expect.stringMatching(
      new RegExp(
        `Approve / Release is waiting for a manual approval: https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/${name}/`
      )
    )
  ])
  expect(result.stdout).toMatch(/Approve \/ Release succeeded after 3\.0s/)
  // 3 s of approval at the 1.5 s maximum: a few progress calls, not one a second.
  expect(callsFor(emulator, name, 'ListActionExecutions').length).toBeLessThanOrEqual(8)
})

describe('commit statuses', () => {
  test('pending at the start, success at the end, on the commit that ran, through GITHUB_API_URL; the token stays secret', async () => {
    const name = pipeline('status')
    const token = 'ghs_' + 'x'.repeat(36)
    const before = github.requests.length
    const result = await runAction({
      endpoint: emulator.url,
      inputs: { 'pipeline-name': name, 'github-token': token },
      env: { GITHUB_API_URL: github.url }
    })
    expect(result.code).toBe(0)
    const posted = github.requests.slice(before)
    const sha = result.outputs['commit-id']
    expect(posted.map((r) => [r.method, r.path, r.body?.state, r.body?.context])).toEqual([
      ['POST', `/repos/Codertocat/Hello-World/statuses/${sha}`, 'pending', `CodePipeline/${name}`],
      ['POST', `/repos/Codertocat/Hello-World/statuses/${sha}`, 'success', `CodePipeline/${name}`]
    ])
    expect(posted[0].body?.target_url).toBe(result.outputs['execution-url'])
    expect(posted[0].headers.authorization).toBe(`token ${token}`)
    expect(result.stdout).toContain(`::add-mask::${token}`)
    expect(result.stdout.replace(`::add-mask::${token}`, '')).not.toContain(token)
  })

  test('a failed execution posts failure', async () => {
    const name = pipeline('status-fail', { buildFails: true })
    const before = github.requests.length
    const result = await runAction({
      endpoint: emulator.url,
      inputs: { 'pipeline-name': name, 'github-token': 'ghs_token' },
      env: { GITHUB_API_URL: github.url }
    })
    expect(result.code).not.toBe(0)
    expect(github.requests.slice(before).map((r) => r.body?.state)).toEqual(['pending', 'failure'])
  })

  test('no token, no status and no octokit', async () => {
    const name = pipeline('no-token')
    const before = github.requests.length
    const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name }, env: { GITHUB_API_URL: github.url } })
    expect(result.code).toBe(0)
    expect(github.requests.length).toBe(before)
    expect(result.stdout).not.toContain('Commit status')
  })

  test('an unreachable GitHub API is a warning; the step still passes', async () => {
    const name = pipeline('unreachable')
    const result = await runAction({
      endpoint: emulator.url,
      inputs: { 'pipeline-name': name, 'github-token': 'ghs_token' },
      env: { GITHUB_API_URL: 'http://127.0.0.1:9' }
    })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('Succeeded')
    expect(result.warnings.filter((w) => w.startsWith(`Could not post the commit status CodePipeline/${name}`))).toHaveLength(2)
  })

  test('GitHub refusing (no statuses: write) is a warning too', async () => {
    const refusing = await startGitHubApi({ status: 403 })
    try {
      const name = pipeline('refused')
      const result = await runAction({
        endpoint: emulator.url,
        inputs: { 'pipeline-name': name, 'github-token': 'ghs_token' },
        env: { GITHUB_API_URL: refusing.url }
      })
      expect(result.code).toBe(0)
      expect(result.warnings.join('\n')).toContain('Resource not accessible by integration')
    } finally {
      await refusing.close()
    }
  })
})

test('mask-variables: values are secrets in the log and hidden in the summary', async () => {
  const name = pipeline('mask')
  const secret = 's3cr3t-value-42'
  const result = await runAction({
    endpoint: emulator.url,
    inputs: { 'pipeline-name': name, 'mask-variables': 'true', variables: `DEPLOY_ENV=${secret}` }
  })
  expect(result.code).toBe(0)
  expect(result.stdout).toContain(`::add-mask::${secret}`)
  expect(result.stdout.replace(`::add-mask::${secret}`, '')).not.toContain(secret)
  expect(result.summary).not.toContain(secret)
  expect(result.summary).toContain('DEPLOY&#95;ENV')
  expect(result.summary).toContain('hidden (mask-variables)')
  expect(operations(callsFor(emulator, name))).toContain('StartPipelineExecution')
})

test('without masking, the summary shows the variables sent', async () => {
  const name = pipeline('vars-shown')
  const result = await runAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name, variables: 'DEPLOY_ENV=prod' } })
  expect(result.code).toBe(0)
  expect(result.summary).toMatch(/<code>DEPLOY&#95;ENV<\/code><\/td><td>prod<\/td>/)
})
