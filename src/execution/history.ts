// What to expect of this run, learned before the first poll: the pipeline's usual duration (recent
// successful executions), what remains after each action (remainders.ts, from one page of past action runs,
// read only when there are past successes) and its stages in order. Neither is needed to pass or fail, so a failure here
// only costs precision. The order comes from the declaration discovery already read; without discovery,
// from GetPipelineState's stage and action names (one call, like GetPipeline, but no GetPipeline when
// source-revisions is given; its action states may be another execution's and are not used).
import type { PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import type { CodePipelinePort, PastExecution } from '../codepipeline/port.js'
import { errorMessage } from '../errors.js'
import type { Log } from '../ports.js'
import type { Structure } from '../report/progress.js'
import { learnRemainders, median, type Remainders } from './remainders.js'

// One call, small: enough successes for a median, recent enough to reflect today's pipeline.
export const HISTORY_SIZE = 10
// One page of past action runs: a few executions' worth for most pipelines.
export const ACTION_HISTORY_SIZE = 100
const MEDIAN_OF = 5

export { median }

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
  /** What remains after each action, from past runs; undefined without them. */
  remainders?: Remainders
  structure?: Structure
}

interface Past {
  expectedMs?: number
  remainders?: Remainders
}

/** The usual duration, then (only when there are past successes to learn from) what remains after each action. */
async function learnPast(port: CodePipelinePort, log: Log, pipelineName: string, executionId: string, signal?: AbortSignal): Promise<Past> {
  const past = await port.listRecentExecutions(pipelineName, HISTORY_SIZE, signal)
  const expectedMs = expectedDuration(past, executionId)
  if (expectedMs === undefined || !port.listPastActionRuns) return { expectedMs }
  const runs = await port.listPastActionRuns(pipelineName, ACTION_HISTORY_SIZE, signal).catch((err: unknown) => {
    log.debug(`No past action runs of ${pipelineName}: ${errorMessage(err)}`)
    return []
  })
  return { expectedMs, remainders: learnRemainders(past, runs, executionId) }
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
  const history = learnPast(port, log, pipelineName, executionId, signal).catch((err: unknown): Past => {
    log.debug(`No history of ${pipelineName}: ${errorMessage(err)}`)
    return {}
  })
  const order = declaration
    ? Promise.resolve(structureOf(declaration))
    : port
        .getStructure(pipelineName, signal)
        .catch((err: unknown) => void log.debug(`No stage names of ${pipelineName}: ${errorMessage(err)}`))
  const [{ expectedMs, remainders }, structure] = await Promise.all([history, order])
  if (expectedMs !== undefined) log.info(`Recent successful executions took about ${Math.round(expectedMs / 1000)} s.`)
  return { expectedMs, remainders, structure: structure ?? undefined }
}
