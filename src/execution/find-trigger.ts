// follow-trigger: waits for the execution the pipeline's own trigger starts for this commit. Each look is
// ListPipelineExecutions, whose quota is the account's, shared with every other runner and tool: the first
// look is at once, then the pauses grow from 5 s to 30 s, and only the window since the event is read.
import type { CodePipelinePort, ListedExecution } from '../codepipeline/port.js'
import { ActionError } from '../errors.js'
import type { Clock, Log } from '../ports.js'
import { coversWindow, describeListed, matchTriggered, notFoundSentence, severalSentence, type TriggerTarget } from './follow.js'
import { withRetries, type RetryPolicy } from './retry.js'

export const FIRST_PAUSE_MS = 5000
export const MAX_PAUSE_MS = 30_000
const PAUSE_GROWTH = 1.5
// Twin triggers (a push filter and a pull-request filter on the same commit) start within seconds of each
// other: after the first match, one more look this much later, so that the action never picks one silently.
export const TWIN_CHECK_MS = 10_000
// A page reaches back past the window in all but the busiest pipelines; five pages bound a look's cost.
const PAGE_SIZE = 20
const MAX_PAGES = 5
const SHOWN_WHEN_MISSING = 5

export interface FindDeps {
  port: Pick<CodePipelinePort, 'listExecutionPage'>
  clock: Clock
  log: Log
  retry: RetryPolicy
}

/** The executions started since the window opened (and a few before), newest first. */
async function look(deps: FindDeps, target: TriggerTarget, signal?: AbortSignal): Promise<ListedExecution[]> {
  const listed: ListedExecution[] = []
  let nextToken: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await withRetries(deps, {
      what: `Could not list the executions of pipeline ${target.pipelineName}`,
      send: (s) => deps.port.listExecutionPage(target.pipelineName, PAGE_SIZE, nextToken, s),
      signal
    })
    listed.push(...answer.executions)
    nextToken = answer.nextToken
    if (!nextToken || coversWindow(answer.executions, target.notBeforeMs)) break
  }
  return listed
}

/** After a first match, one more look: a second execution for the commit fails the step naming both. */
async function confirm(deps: FindDeps, target: TriggerTarget, found: ListedExecution, signal?: AbortSignal): Promise<ListedExecution> {
  deps.log.info(`Found ${describeListed(found, target.sourceAction)}; making sure no second execution follows it.`)
  await deps.clock.sleep(TWIN_CHECK_MS, signal)
  const again = matchTriggered(await look(deps, target, signal), target)
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
  log.info(
    `Waiting up to ${timeoutMs / 60_000} min for the execution the trigger of pipeline ${target.pipelineName} starts for ` +
      `${target.artifact ? `artifact ${target.artifact.label}` : `commit ${target.commitId}`} on source action ${target.sourceAction} (started since ${new Date(target.notBeforeMs).toISOString()}).`
  )
  for (;;) {
    const listed = await look(deps, target, signal)
    const match = matchTriggered(listed, target)
    if (match.kind === 'several') throw new ActionError(severalSentence(target, match.executions))
    if (match.kind === 'one') {
      if (!match.byTrigger) log.warning(`No trigger started an execution for the commit; following one started by StartPipelineExecution.`)
      return confirm(deps, target, match.execution, signal)
    }
    const leftMs = deadline - clock.now()
    if (leftMs <= 0) throw new ActionError(notFoundSentence(target, timeoutMs / 60_000, listed.slice(0, SHOWN_WHEN_MISSING)))
    log.debug(`No matching execution yet (${listed.length} listed); looking again in ${Math.round(Math.min(pauseMs, leftMs) / 1000)} s.`)
    await clock.sleep(Math.min(pauseMs, leftMs), signal)
    pauseMs = Math.min(pauseMs * PAUSE_GROWTH, MAX_PAUSE_MS)
  }
}
