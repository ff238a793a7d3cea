// Detection latency, API calls and peak RSS: whole runs of the action on a pipeline of about 61 s, with and
// without a history of similar executions. All runs go at once, each on its own pipeline, to keep wall time down.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { repositoryOf, startAction, type GitHubEvent } from '../../harness/runner.js'
import { median } from './report.js'
import { actionCalls, benchPipeline, countOperations, executionEnd, SIMILAR_HISTORY } from './service.js'

const PROBE = join(import.meta.dirname, 'probe.cjs')

export interface RunFigures {
  pipeline: string
  exitCode: number | null
  status: string
  /** From the execution's terminal status (emulator clock) to the action process's exit. */
  latencyMs: number
  calls: number
  operations: Record<string, number>
  /** process.resourceUsage().maxRSS of the action process, in bytes. */
  peakRssBytes: number
}

export interface CaseResult {
  runs: RunFigures[]
  medianLatencyMs: number
  medianCalls: number
  maxCalls: number
}

export interface LatencyResult {
  pipelineSeconds: number
  withHistory: CaseResult
  withoutHistory: CaseResult
  peakRssBytes: number
}

async function runOnce(emulator: Emulator, event: GitHubEvent, pipeline: string): Promise<RunFigures> {
  const rssFile = join(mkdtempSync(join(tmpdir(), 'bench-rss-')), 'maxrss')
  const run = startAction({
    endpoint: emulator.url,
    event,
    inputs: { 'pipeline-name': pipeline },
    env: { NODE_OPTIONS: `--require=${PROBE}`, BENCH_RSS_FILE: rssFile }
  })
  const exitedAt = new Promise<number>((resolve) => run.child.once('exit', () => resolve(Date.now())))
  const result = await run.done
  const exitMs = await exitedAt
  const calls = actionCalls(emulator, pipeline)
  const executionId = result.outputs['pipeline-execution-id']
  const end = executionId ? await executionEnd(emulator.url, pipeline, executionId) : { status: 'not started', endMs: NaN }
  let peakRssBytes = NaN
  try {
    peakRssBytes = Number(readFileSync(rssFile, 'utf8')) * 1024
  } catch {
    // The probe did not write: the process died before its exit handlers ran.
  }
  return {
    pipeline,
    exitCode: result.code,
    status: end.status,
    latencyMs: exitMs - end.endMs,
    calls: calls.length,
    operations: countOperations(calls),
    peakRssBytes
  }
}

function summarize(runs: RunFigures[]): CaseResult {
  const calls = runs.map((r) => r.calls)
  return { runs, medianLatencyMs: median(runs.map((r) => r.latencyMs)), medianCalls: median(calls), maxCalls: Math.max(...calls) }
}

export async function measureLatency(runsPerCase: number, pipelineSeconds: number, event: GitHubEvent): Promise<LatencyResult> {
  const repository = repositoryOf(event)
  const names = (prefix: string) => Array.from({ length: runsPerCase }, (_, i) => `bench-${prefix}-${i + 1}`)
  const history = names('history')
  const fresh = names('first-run')
  const pipelines = [
    ...history.map((name) => benchPipeline(name, repository, pipelineSeconds, SIMILAR_HISTORY)),
    ...fresh.map((name) => benchPipeline(name, repository, pipelineSeconds))
  ]
  const emulator = await startEmulator({ pipelines })
  try {
    const runGroup = (group: string[]) => Promise.all(group.map((name) => runOnce(emulator, event, name)))
    const [withHistory, withoutHistory] = await Promise.all([runGroup(history), runGroup(fresh)])
    const all = [...withHistory, ...withoutHistory]
    return {
      pipelineSeconds,
      withHistory: summarize(withHistory),
      withoutHistory: summarize(withoutHistory),
      peakRssBytes: Math.max(...all.map((r) => r.peakRssBytes))
    }
  } finally {
    await emulator.close()
  }
}
