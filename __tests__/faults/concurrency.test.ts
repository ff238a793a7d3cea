// Fault matrix, part 4: 50 action processes against one service limited to 10 requests per second.
// All end with the right status, none fails from throttling, each starts exactly one execution and
// none sends StartPipelineExecution more than a few times.
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { runAction, type ActionResult } from '../../harness/runner.js'
import { shortPipeline } from '../support/pipelines.js'
import { executionsOf } from '../support/faults.js'

const PROCESSES = 50
// 50 workflows never start in the same millisecond, and 50 node processes on 2 cores need a moment each.
const STAGGER_MS = 150
// Each try of the start is one request, spaced by retry.ts's growing jittered backoff: most runs need 1; the
// measured worst is 5, with other fault suites loading the machine at the same time.
const MAX_START_CALLS = 6

let emulator: Emulator
beforeAll(async () => {
  // PARALLEL: no execution supersedes another, so each one's status is known in advance.
  emulator = await startEmulator({
    pipelines: [
      shortPipeline({ name: 'crowd-ok', buildSeconds: 2, executionMode: 'PARALLEL' }),
      shortPipeline({ name: 'crowd-fails', buildSeconds: 2, buildFails: true, executionMode: 'PARALLEL' })
    ],
    faults: { rateLimit: { requestsPerSecond: 10 } }
  })
})
afterAll(async () => emulator.close())

test(`${PROCESSES} processes, 10 requests/s: right statuses, no throttling failure, one execution each`, async () => {
  const runs: Promise<ActionResult>[] = []
  for (let i = 0; i < PROCESSES; i++) {
    const pipeline = i % 5 === 4 ? 'crowd-fails' : 'crowd-ok'
    // Each process is its own job of its own run, as 50 workflows would be. source-action spares the
    // GetPipeline call, so that the 10 requests/s go to starts and polls.
    runs.push(
      runAction({
        endpoint: emulator.url,
        inputs: { 'pipeline-name': pipeline, 'source-action': 'App' },
        env: { GITHUB_RUN_ID: String(9000 + i) }
      })
    )
    await new Promise((r) => setTimeout(r, STAGGER_MS))
  }
  const results = await Promise.all(runs)

  const throttled = emulator.requests().filter((r) => r.errorType === 'ThrottlingException').length
  if (process.env.CROWD_VERBOSE) {
    const byOp: Record<string, string> = {}
    for (const op of [
      'GetPipeline',
      'StartPipelineExecution',
      'ListPipelineExecutions',
      'GetPipelineState',
      'ListActionExecutions',
      'GetPipelineExecution'
    ]) {
      const all = emulator.requests(op)
      byOp[op] = `${all.length} (${all.filter((r) => r.errorType === 'ThrottlingException').length} throttled)`
    }
    console.log(byOp)
  }
  expect(throttled).toBeGreaterThan(0) // the limit did bite
  results.forEach((result, i) => {
    const fails = i % 5 === 4
    expect({ i, code: result.code, status: result.outputs.status, errors: result.errors }).toEqual({
      i,
      code: fails ? 1 : 0,
      status: fails ? 'Failed' : 'Succeeded',
      errors: fails ? expect.arrayContaining([expect.stringContaining('failed in stage Build, action Compile')]) : []
    })
    expect(result.errors.filter((e) => /thrott|rate exceeded/i.test(e))).toEqual([])
  })

  const ids = results.map((r) => r.outputs['pipeline-execution-id'])
  expect(new Set(ids).size).toBe(PROCESSES)
  const executions = [...(await executionsOf(emulator, 'crowd-ok')), ...(await executionsOf(emulator, 'crowd-fails'))]
  expect(executions.map((e) => e.id).sort()).toEqual([...ids].sort())

  const startsPerToken = new Map<string, number>()
  for (const r of emulator.requests('StartPipelineExecution')) {
    const token = String(r.body.clientRequestToken)
    startsPerToken.set(token, (startsPerToken.get(token) ?? 0) + 1)
  }
  expect(startsPerToken.size).toBe(PROCESSES)
  const counts = [...startsPerToken.values()].sort((a, b) => a - b)
  if (process.env.CROWD_VERBOSE) console.log('start calls per process:', counts.join(' '))
  expect(Math.max(...counts)).toBeLessThanOrEqual(MAX_START_CALLS)
}, 120_000)
