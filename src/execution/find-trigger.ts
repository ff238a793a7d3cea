// follow-trigger: waits for the execution the pipeline's own trigger starts for this commit. Each look is
// ListPipelineExecutions, whose quota is the account's, shared with every other runner and tool: the first
// look is at once, then the pauses grow from 5 s to 30 s, and only the window since the event is read.
import type { CodePipelinePort, ListedExecution } from '../codepipeline/port.js'
import { ActionError } from '../errors.js'
import type { Clock, Log } from '../ports.js'
import {
  coversWindow,
  cutShortSentence,
  describeListed,
  matchTriggered,
  notFoundSentence,
  severalSentence,
  type TriggerTarget
} from './follow.js'
import { listPages } from './listing.js'
import type { RetryPolicy } from './retry.js'

export const FIRST_PAUSE_MS = 5000
export const MAX_PAUSE_MS = 30_000
const PAUSE_GROWTH = 1.5
// Twin triggers (a push filter and a pull-request filter on the same commit) start within seconds of each
// other: after the first match, one more look this much later, so that the action never picks one silently.
export const TWIN_CHECK_MS = 10_000
// A look pages back until it is past the window's start (ListPipelineExecutions is newest first), 100 at a time
// (the API's most: the quota counts calls, not executions). Not the SDK's paginator: each page is retried on
// its own (a retry of the paginator would start again from the first page). Past MAX_PAGES a look stops and
// says so: a pipeline that ran more than 2,000 executions since the event is beyond what a look should cost.
const PAGE_SIZE = 100
const MAX_PAGES = 20
const SHOWN_WHEN_MISSING = 5

export interface FindDeps {
  port: Pick<CodePipelinePort, 'listExecutionPage'>
  clock: Clock
  log: Log
  retry: RetryPolicy
}

/** What one look saw: the executions since the window opened (and a few before), newest first. */
interface Look {
  listed: ListedExecution[]
  /** The listing stopped at MAX_PAGES before the window's start: older executions in the window were not seen. */
  cutShort: boolean
}

function look(deps: FindDeps, target: TriggerTarget, signal?: AbortSignal): Promise<Look> {
  const enough = (page: ListedExecution[]) => coversWindow(page, target.notBeforeMs)
  return listPages(deps, target.pipelineName, { pageSize: PAGE_SIZE, maxPages: MAX_PAGES, enough }, signal)
}

/** After a first match, one more look: a second execution for the commit fails the step naming both. */
async function confirm(deps: FindDeps, target: TriggerTarget, found: ListedExecution, signal?: AbortSignal): Promise<ListedExecution> {
  deps.log.info(`Found ${describeListed(found, target.sourceAction)}; making sure no second execution follows it.`)
  await deps.clock.sleep(TWIN_CHECK_MS, signal)
  const again = matchTriggered((await look(deps, target, signal)).listed, target)
  if (again.kind === 'several') throw new ActionError(severalSentence(target, again.executions))
  return again.kind === 'one' ? again.execution : found
}

/** The trigger's execution for the target, or a one-sentence failure after timeoutMs (or at once for two). */
export async function findTriggered(
  deps: FindDeps,
  target: TriggerTarget,
  timeoutMs: number,
  signal?: AbortSignal
): Promise<ListedExecution> {
  const { clock, log } = deps
  const deadline = clock.now() + timeoutMs
  let pauseMs = FIRST_PAUSE_MS
  let warned = false
  log.info(
    `Waiting up to ${timeoutMs / 60_000} min for the execution the trigger of pipeline ${target.pipelineName} starts for ` +
      `${target.artifact ? `artifact ${target.artifact.label}` : `commit ${target.commitId}`} on source action ${target.sourceAction} (started since ${new Date(target.notBeforeMs).toISOString()}).`
  )
  for (;;) {
    const { listed, cutShort } = await look(deps, target, signal)
    if (cutShort && !warned) log.warning(cutShortSentence(target, listed))
    warned ||= cutShort
    const match = matchTriggered(listed, target)
    if (match.kind === 'several') throw new ActionError(severalSentence(target, match.executions))
    if (match.kind === 'one') {
      if (!match.byTrigger) log.warning(`No trigger started an execution for the commit; following one started by StartPipelineExecution.`)
      return confirm(deps, target, match.execution, signal)
    }
    const leftMs = deadline - clock.now()
    if (leftMs <= 0)
      throw new ActionError(
        notFoundSentence(target, timeoutMs / 60_000, listed.slice(0, SHOWN_WHEN_MISSING), cutShort ? listed : undefined)
      )
    log.debug(`No matching execution yet (${listed.length} listed); looking again in ${Math.round(Math.min(pauseMs, leftMs) / 1000)} s.`)
    await clock.sleep(Math.min(pauseMs, leftMs), signal)
    pauseMs = Math.min(pauseMs * PAUSE_GROWTH, MAX_PAUSE_MS)
  }
}
