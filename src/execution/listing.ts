// ListPipelineExecutions page by page (newest first), each page retried on its own like every call: a retry of
// the SDK's paginator would start again from the first page. Used where the action looks back through a
// pipeline's executions (follow-trigger's window, a re-run's earlier attempt).
import type { CodePipelinePort, ListedExecution } from '../codepipeline/port.js'
import type { Clock, Log } from '../ports.js'
import { withRetries, type RetryPolicy } from './retry.js'

export interface ListingDeps {
  port: Pick<CodePipelinePort, 'listExecutionPage'>
  clock: Clock
  log: Log
  retry: RetryPolicy
}

export interface Listing {
  listed: ListedExecution[]
  /** maxPages were read and more were there: what `enough` wanted may be further back. */
  cutShort: boolean
}

/** Pages of `pageSize` until the pipeline has no more, `enough(page, listedSoFar)` holds, or maxPages were read. */
export async function listPages(
  deps: ListingDeps,
  pipelineName: string,
  paging: { pageSize: number; maxPages: number; enough: (page: ListedExecution[], listed: ListedExecution[]) => boolean },
  signal?: AbortSignal
): Promise<Listing> {
  const listed: ListedExecution[] = []
  let nextToken: string | undefined
  for (let page = 0; page < paging.maxPages; page++) {
    const answer = await withRetries(deps, {
      what: `Could not list the executions of pipeline ${pipelineName}`,
      send: (s) => deps.port.listExecutionPage(pipelineName, paging.pageSize, nextToken, s),
      signal
    })
    listed.push(...answer.executions)
    nextToken = answer.nextToken
    if (!nextToken || paging.enough(answer.executions, listed)) return { listed, cutShort: false }
  }
  return { listed, cutShort: true }
}
