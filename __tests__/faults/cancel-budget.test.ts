// A cancel while CodePipeline is slow or throttling, with real signals on the bundled action (dist/): everything
// after the signal fits in the runner's window (SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that), the final
// commit status and the check run's completion first, then the job summary. The timings asserted are the
// runner's own, not tight ones.
import type { ChildProcess } from 'node:child_process'
import { startEmulator, type Emulator, type FaultConfig } from '../../emulator/index.js'
import { startGitHubApi, type GitHubApi } from '../../harness/github-api.js'
import { startAction, type ActionResult } from '../../harness/runner.js'
import { shortPipeline } from '../support/pipelines.js'
import { callsFor, executionsOf, POLLS, uniqueName, until } from '../support/faults.js'

const services: { close(): Promise<void> }[] = []
afterAll(async () => Promise.all(services.map((s) => s.close())))

const TOKEN = 'ghs_' + 'b'.repeat(36)

async function pipeline(prefix: string, buildSeconds = 60): Promise<{ emulator: Emulator; name: string }> {
  const name = uniqueName(prefix)
  const emulator = await startEmulator({ pipelines: [shortPipeline({ name, buildSeconds })] })
  services.push(emulator)
  return { emulator, name }
}

async function gitHub(): Promise<GitHubApi> {
  const api = await startGitHubApi()
  services.push(api)
  return api
}

/** Cancels as the runner does: SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that. */
async function cancelLikeTheRunner(child: ChildProcess, done: Promise<ActionResult>): Promise<ActionResult> {
  const timers = [setTimeout(() => child.kill('SIGTERM'), 7500), setTimeout(() => child.kill('SIGKILL'), 10_000)]
  child.kill('SIGINT')
  try {
    return await done
  } finally {
    for (const t of timers) clearTimeout(t)
  }
}

const commitStatuses = (api: GitHubApi) =>
  api.requests.filter((r) => r.path.includes('/statuses/')).map((r) => r.body as { state: string; description: string })

describe('a cancel while CodePipeline is slow or throttling: the cancel report is written before the runner kills the step', () => {
  test.concurrent.each<[string, FaultConfig]>([
    ['slow', { rules: [{ operation: POLLS, kind: 'slow', delayMs: 25_000 }] }],
    ['throttling', { rules: [{ operation: POLLS, kind: 'throttle' }] }]
  ])('%s', async (_label, faults) => {
    const { emulator, name } = await pipeline(`cancel-${_label}`)
    const api = await gitHub()
    const run = startAction({
      endpoint: emulator.url,
      inputs: { 'pipeline-name': name, 'github-token': TOKEN, 'check-run': 'true' },
      env: { GITHUB_API_URL: api.url }
    })
    // Following: a poll answered, the check run made; from now on every look at the execution is slow or refused.
    await until(() => callsFor(emulator, name).find((r) => (POLLS as string[]).includes(r.operation) && r.status === 200), 20_000)
    await until(() => [...api.checkRuns.values()].find((r) => r.name === `CodePipeline / ${name}`), 20_000)
    emulator.setFaults(faults)
    const result = await cancelLikeTheRunner(run.child, run.done)

    // Ended by itself, non-zero, before the runner's SIGTERM (which it would only log) and SIGKILL.
    expect(result.signal).toBeNull()
    expect(result.code).toBe(1)
    expect(result.stdout).not.toContain('Received SIGTERM')
    const [execution] = await executionsOf(emulator, name)
    expect(execution?.stops).toBe(1)
    // The final commit status and the check run's completion, after the pending ones, saying what the cancel did.
    expect(commitStatuses(api).map((s) => s.state)).toEqual(['pending', 'error'])
    expect(commitStatuses(api)[1]?.description).toMatch(/^The workflow run was cancelled, so the execution (was stopped|is stopping)/)
    const check = [...api.checkRuns.values()].find((r) => r.name === `CodePipeline / ${name}`)
    expect(check).toMatchObject({ status: 'completed', conclusion: 'cancelled' })
    expect(check?.output.title).toBe('Cancelled with the workflow run')
    // Then the job summary, in what time was left.
    expect(result.summary).toMatch(/The workflow run was cancelled, so the execution (was stopped|is stopping)/)
    const log = result.stdout
    const stopped = log.indexOf(`Stopped execution ${execution?.id}`)
    const status = log.indexOf(`Commit status CodePipeline/${name} on `)
    expect(stopped).toBeGreaterThan(-1)
    expect(log.indexOf(': error', status)).toBeGreaterThan(stopped)
    expect(log).toContain(`Check run CodePipeline / ${name} on `)
    expect(log).not.toContain('Gave up cancelling')
  })
})
