// Concurrency: many runs at once against a service that answers at most `requestsPerSecond`, as an account's
// throttling does. What it costs: wall time, calls, throttled answers, and whether every run still passed.
import { startEmulator } from '../../emulator/index.js'
import { repositoryOf, startAction, type GitHubEvent } from '../../harness/runner.js'
import { median } from './report.js'
import { actionCalls, benchPipeline, countOperations, SIMILAR_HISTORY } from './service.js'

const PIPELINE = 'bench-concurrency'

export interface ConcurrencyResult {
  runs: number
  requestsPerSecond: number
  pipelineSeconds: number
  wallMs: number
  calls: number
  throttled: number
  callsByOperation: Record<string, number>
  throttledByOperation: Record<string, number>
  passedRuns: number
  medianRunMs: number
  /** The distinct ::error:: messages of the runs that failed. */
  failures: string[]
}

export async function measureConcurrency(
  runs: number,
  requestsPerSecond: number,
  pipelineSeconds: number,
  event: GitHubEvent
): Promise<ConcurrencyResult> {
  const repository = repositoryOf(event)
  const emulator = await startEmulator({
    pipelines: [benchPipeline(PIPELINE, repository, pipelineSeconds, SIMILAR_HISTORY)],
    faults: { rateLimit: { requestsPerSecond } }
  })
  try {
    const started = Date.now()
    const results = await Promise.all(
      Array.from({ length: runs }, async () => {
        const run = startAction({ endpoint: emulator.url, event, inputs: { 'pipeline-name': PIPELINE } })
        const result = await run.done
        return { code: result.code, ms: Date.now() - run.spawnedAt, errors: result.errors }
      })
    )
    const wallMs = Date.now() - started
    const calls = actionCalls(emulator, PIPELINE)
    const throttled = calls.filter((c) => c.errorType === 'ThrottlingException')
    return {
      runs,
      requestsPerSecond,
      pipelineSeconds,
      wallMs,
      calls: calls.length,
      throttled: throttled.length,
      callsByOperation: countOperations(calls),
      throttledByOperation: countOperations(throttled),
      passedRuns: results.filter((r) => r.code === 0).length,
      medianRunMs: median(results.map((r) => r.ms)),
      failures: [...new Set(results.filter((r) => r.code !== 0).flatMap((r) => r.errors))]
    }
  } finally {
    await emulator.close()
  }
}
