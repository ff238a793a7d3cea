// One transient GitHub answer (issue 20, defect 5), through dist/ against the local service and the stand-in
// GitHub API: a 5xx is tried again, and a check-run create GitHub made but never answered is found again
// (list check runs for the commit, by name, then external_id) instead of leaving it in progress forever.
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { startGitHubApi, type GitHubApi, type GitHubFault } from '../../harness/github-api.js'
import { runAction, type ActionResult } from '../../harness/runner.js'
import { uniqueName } from '../support/e2e.js'
import { shortPipeline } from '../support/pipelines.js'

const TOKEN = 'ghs_' + 'r'.repeat(36)

let emulator: Emulator
let github: GitHubApi
beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
  github = await startGitHubApi()
})
afterAll(async () => Promise.all([emulator.close(), github.close()]))

async function run(
  prefix: string,
  faults: GitHubFault[],
  inputs: Record<string, string> = {}
): Promise<{ name: string; result: ActionResult }> {
  const name = uniqueName(prefix)
  emulator.addPipeline(shortPipeline({ name, buildSeconds: 1 }))
  github.setFaults(faults)
  const result = await runAction({
    endpoint: emulator.url,
    inputs: { 'pipeline-name': name, 'github-token': TOKEN, ...inputs },
    env: { GITHUB_API_URL: github.url }
  })
  github.setFaults([])
  return { name, result }
}

const creates = (name: string) =>
  github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/check-runs') && r.body.name === `CodePipeline / ${name}`)
const checkRunsOf = (name: string) => [...github.checkRuns.values()].filter((r) => r.name === `CodePipeline / ${name}`)

test('a single 502 on the final commit status: tried again, so the commit is not left pending', async () => {
  const final = (r: { path: string; body: Partial<Record<string, unknown>> }) => r.path.includes('/statuses/') && r.body.state === 'success'
  const { name, result } = await run('gh-502-status', [{ match: final, status: 502 }])
  expect(result.code).toBe(0)
  const states = github.requests
    .filter((r) => r.path.includes('/statuses/') && r.body.context === `CodePipeline/${name}`)
    .map((r) => r.body.state)
  expect(states).toEqual(['pending', 'success', 'success'])
  expect(result.warnings.filter((w) => w.includes('commit status'))).toEqual([])
  expect(result.stdout).toContain(`Commit status CodePipeline/${name} on ${(result.outputs['commit-id'] ?? '').slice(0, 7)}: success`)
})

test('a check-run create GitHub makes but never answers: found again, completed, and no second one made', async () => {
  const create = (r: { method: string; path: string }) => r.method === 'POST' && r.path.endsWith('/check-runs')
  const { name, result } = await run('gh-lost-create', [{ match: create, answerAfterMs: 'never' }], { 'check-run': 'true' })
  expect(result.code).toBe(0)
  expect(creates(name)).toHaveLength(1)
  const [sha, executionId] = [result.outputs['commit-id'] ?? '', result.outputs['pipeline-execution-id']]
  const lookups = github.requests.filter(
    (r) => r.method === 'GET' && r.path.startsWith(`/repos/Codertocat/Hello-World/commits/${sha}/check-runs?`)
  )
  expect(lookups.length).toBeGreaterThanOrEqual(1)
  expect(new URL(lookups[0]?.path ?? '', github.url).searchParams.get('check_name')).toBe(`CodePipeline / ${name}`)
  expect(checkRunsOf(name)).toEqual([expect.objectContaining({ external_id: executionId, status: 'completed', conclusion: 'success' })])
  expect(result.warnings.filter((w) => w.includes('check run'))).toEqual([])
}, 60_000)

test('a check-run create refused with a 502 (nothing made): looked for, then made once', async () => {
  const create = (r: { method: string; path: string }) => r.method === 'POST' && r.path.endsWith('/check-runs')
  const { name, result } = await run('gh-502-create', [{ match: create, status: 502 }], { 'check-run': 'true' })
  expect(result.code).toBe(0)
  expect(creates(name)).toHaveLength(2)
  expect(checkRunsOf(name)).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'success' })])
})
