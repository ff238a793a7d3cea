// What the benchmark needs from the local service: its pipelines, the action's calls, and when an execution ended.
import { githubSourceStage, type Emulator, type HistorySpec, type PipelineSpec, type RecordedRequest } from '../../emulator/index.js'
import { callsFor } from '../../__tests__/support/e2e.js'

/** Marks the benchmark's own requests so they are not counted as the action's. */
const BENCH_HEADER = 'x-bench-probe'

/** Past successful runs of about 61 s, the history the adaptive polling learns from. */
export const SIMILAR_HISTORY: HistorySpec[] = [61.3, 60.8, 62.1, 61.0, 61.6].map((durationSeconds, i) => ({
  status: 'Succeeded',
  durationSeconds,
  startedSecondsAgo: 3600 * (i + 1)
}))

/** Source, Build and Deploy stages that add up to `seconds` (Build takes the bulk, like a real pipeline). */
export function benchPipeline(name: string, repository: string, seconds: number, history: HistorySpec[] = []): PipelineSpec {
  const source = 1.2
  const deploy = Math.min(14.5, seconds / 4)
  const build = Math.round((seconds - source - deploy) * 1000) / 1000
  return {
    name,
    executionMode: 'PARALLEL',
    stages: [
      githubSourceStage(repository, source),
      { name: 'Build', actions: [{ name: 'Build', category: 'Build', provider: 'CodeBuild', durationSeconds: build }] },
      { name: 'Deploy', actions: [{ name: 'Deploy', category: 'Deploy', provider: 'CloudFormation', durationSeconds: deploy }] }
    ],
    history
  }
}

/** The requests the action (not the benchmark) made about one pipeline. */
export function actionCalls(emulator: Emulator, pipeline: string): RecordedRequest[] {
  return callsFor(emulator, pipeline).filter((r) => r.headers[BENCH_HEADER] === undefined)
}

/** How many of the requests each operation had, e.g. { GetPipelineExecution: 10, … }. */
export function countOperations(requests: RecordedRequest[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const { operation } of requests) counts[operation] = (counts[operation] ?? 0) + 1
  return counts
}

interface ExecutionSummary {
  pipelineExecutionId: string
  status: string
  lastUpdateTime: number
}

/**
 * When the execution reached its terminal status, in ms. The emulator's timestamps are its clock's ms
 * divided by 1000, so lastUpdateTime carries the exact millisecond at which the last action ended.
 */
export async function executionEnd(url: string, pipeline: string, executionId: string): Promise<{ status: string; endMs: number }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'CodePipeline_20150709.ListPipelineExecutions',
      authorization: 'AWS4-HMAC-SHA256 Credential=bench',
      [BENCH_HEADER]: '1'
    },
    body: JSON.stringify({ pipelineName: pipeline, maxResults: 100 })
  })
  const body = (await response.json()) as { pipelineExecutionSummaries?: ExecutionSummary[] }
  const found = body.pipelineExecutionSummaries?.find((s) => s.pipelineExecutionId === executionId)
  if (found === undefined) throw new Error(`execution ${executionId} of ${pipeline} not found (HTTP ${response.status})`)
  return { status: found.status, endMs: Math.round(found.lastUpdateTime * 1000) }
}
