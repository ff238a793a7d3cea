// What to expect of this run, learned before the first poll: the pipeline's usual duration (recent
// successful executions) and its stages in order. Neither is needed to pass or fail, so a failure here
// only costs precision. The order comes from the declaration discovery already read; without discovery,
// from GetPipelineState's stage and action names (one call, like GetPipeline, but no GetPipeline when
// source-revisions is given; its action states may be another execution's and are not used).
import type { PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import type { CodePipelinePort, PastExecution } from '../codepipeline/port.js'
import { errorMessage } from '../errors.js'
import type { Log } from '../ports.js'
import type { Structure } from '../report/progress.js'

// One call, small: enough successes for a median, recent enough to reflect today's pipeline.
export const HISTORY_SIZE = 10
const MEDIAN_OF = 5

/** NaN for no values. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (i: number): number => sorted[i] ?? Number.NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2
}

/** The median duration of the latest successful executions other than this one; undefined without any. */
export function expectedDuration(past: PastExecution[], excludeId?: string): number | undefined {
  const durations = past
    .filter((e) => e.status === 'Succeeded' && e.id !== excludeId && e.startTime !== undefined && e.lastUpdateTime !== undefined)
    .map((e) => e.lastUpdateTime! - e.startTime!)
    .filter((ms) => ms > 0)
    .slice(0, MEDIAN_OF)
  return durations.length > 0 ? median(durations) : undefined
}

export function structureOf(pipeline: PipelineDeclaration): Structure {
  return (pipeline.stages ?? []).map((stage) => ({ name: stage.name ?? '', actions: (stage.actions ?? []).map((a) => a.name ?? '') }))
}

export interface Expectations {
  expectedMs?: number
  structure?: Structure
}

/** Both in parallel; the order is fetched only when discovery did not already read the declaration. */
export async function learnExpectations(
  port: CodePipelinePort,
  log: Log,
  pipelineName: string,
  executionId: string,
  declaration?: PipelineDeclaration,
  signal?: AbortSignal
): Promise<Expectations> {
  const history = port.listRecentExecutions(pipelineName, HISTORY_SIZE, signal).then(
    (past) => expectedDuration(past, executionId),
    (err: unknown) => void log.debug(`No history of ${pipelineName}: ${errorMessage(err)}`)
  )
  const order = declaration
    ? Promise.resolve(structureOf(declaration))
    : port
        .getStructure(pipelineName, signal)
        .catch((err: unknown) => void log.debug(`No stage names of ${pipelineName}: ${errorMessage(err)}`))
  const [expectedMs, structure] = await Promise.all([history, order])
  if (expectedMs !== undefined) log.info(`Recent successful executions took about ${Math.round(expectedMs / 1000)} s.`)
  return { expectedMs, structure: structure ?? undefined }
}
