// Finds the execution to follow when the step starts none: the one named by execution-id, or the one the
// pipeline's own trigger started for this commit (follow-trigger). Such an execution is never stopped.
import type { PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import type { CodePipelinePort, ExecutionState } from '../codepipeline/port.js'
import { listSourceActions, pickSourceAction, type PinnedArtifact, type SourcePlan } from '../codepipeline/source.js'
import { ActionError, awsErrorName, errorMessage } from '../errors.js'
import type { GitHubContext } from '../github/context.js'
import { eventTime } from '../github/event-time.js'
import type { FollowSettings } from '../inputs/follow.js'
import type { Settings } from '../inputs/settings.js'
import type { Clock, Log } from '../ports.js'
import { findTriggered } from './find-trigger.js'
import type { TriggerTarget } from './follow.js'
import { withRetries, type RetryPolicy } from './retry.js'

// "A little before the event": clocks differ, and a push trigger may react before GitHub stamps a pull
// request's update. Short enough that an earlier run of the same commit (the branch before its pull request,
// a previous push of it) is not taken for this event's.
export const EVENT_MARGIN_MS = 2 * 60_000
// Without the event's time, the step's start is all there is, and a runner queue or a `needs:` chain can put it
// long after the event: the window reaches back a day, the longest GitHub keeps a job queued for a runner. A
// wider window only risks an older run of the same commit, which is never taken silently: with two matching
// executions the step fails naming both (set execution-id), and the log says the window was widened.
export const NO_EVENT_TIME_WINDOW_MS = 24 * 60 * 60_000
const FULL_SHA = /^([0-9a-f]{40}|[0-9a-f]{64})$/i

export interface LocateDeps {
  port: CodePipelinePort
  clock: Clock
  log: Log
  retry: RetryPolicy
  github: GitHubContext
}

/** The execution to follow, and what is known of it. */
export interface Located {
  executionId: string
  /** The commit it runs on this repository's source action, when known. */
  commitId?: string
  /** Epoch ms when it started, when known. */
  startTime?: number
  /** The declaration, when it was read. */
  pipeline?: PipelineDeclaration
  /** artifact / image-digest: what the followed execution runs on that action. */
  artifact?: PinnedArtifact
}

/** Since when the trigger's execution may have started: the event's time less a margin, else a day before the step. */
export function windowStart(deps: Pick<LocateDeps, 'clock' | 'log' | 'github'>): number {
  const event = eventTime(deps.github)
  if (event) {
    deps.log.debug(`The event happened at ${new Date(event.ms).toISOString()} (${event.source}).`)
    return event.ms - EVENT_MARGIN_MS
  }
  deps.log.info(
    `The ${deps.github.eventName || 'unknown'} event's payload has no time of the event; looking for executions started up to ` +
      `${NO_EVENT_TIME_WINDOW_MS / 3_600_000} h before this step began, as a runner queue or earlier jobs may have held it.`
  )
  return deps.clock.now() - NO_EVENT_TIME_WINDOW_MS
}

async function byTrigger(deps: LocateDeps, settings: Settings, timeoutMs: number, plan: SourcePlan, signal: AbortSignal): Promise<Located> {
  const sourceAction = plan.sourceRevisions[0]?.actionName
  if (!sourceAction || !plan.commitId) throw new ActionError('follow-trigger needs a commit and a source action to match; none was chosen.')
  const target: TriggerTarget = {
    pipelineName: settings.pipelineName,
    sourceAction,
    commitId: plan.commitId,
    notBeforeMs: windowStart(deps),
    artifact: plan.artifact && { revision: plan.artifact.revision, label: plan.artifact.label }
  }
  const found = await findTriggered(deps, target, timeoutMs, signal)
  return { executionId: found.id, commitId: plan.commitId, startTime: found.startTime, pipeline: plan.pipeline, artifact: plan.artifact }
}

/** The commit an execution named by id ran on this repository's source action, from its source artifact's revision. */
async function commitOf(
  deps: LocateDeps,
  settings: Settings,
  state: ExecutionState,
  signal: AbortSignal
): Promise<Omit<Located, 'executionId'>> {
  try {
    const { pipelineName } = settings
    const pipeline = await withRetries(deps, {
      what: `Could not read pipeline ${pipelineName}`,
      send: (s) => deps.port.getPipeline(pipelineName, s),
      signal
    })
    const name = settings.sourceAction ?? pickSourceAction(listSourceActions(pipeline), deps.github.repo, pipelineName).name
    const action = (pipeline.stages ?? []).flatMap((stage) => stage.actions ?? []).find((a) => a.name === name)
    const artifact = action?.outputArtifacts?.[0]?.name
    const revision = state.artifactRevisions?.find((r) => r.name === artifact)?.revisionId ?? ''
    if (FULL_SHA.test(revision)) return { commitId: revision.toLowerCase(), pipeline }
    deps.log.info(`No commit status: execution's revision on source action ${name} is not a commit.`)
    return { pipeline }
  } catch (err) {
    if (signal.aborted) throw err
    deps.log.info(`No commit status: could not tell which commit the execution runs (${errorMessage(err)}).`)
    return {}
  }
}

async function byId(deps: LocateDeps, settings: Settings, executionId: string, signal: AbortSignal): Promise<Located> {
  const { pipelineName, region } = settings
  let state: ExecutionState
  try {
    state = await withRetries(deps, {
      what: `Could not read execution ${executionId}`,
      send: (s) => deps.port.getExecution(pipelineName, executionId, s),
      signal
    })
  } catch (err) {
    if (awsErrorName(err) !== 'PipelineExecutionNotFoundException') throw err
    throw new ActionError(
      `Input execution-id '${executionId}' is not an execution of pipeline ${pipelineName} in ${region} ` +
        `(PipelineExecutionNotFoundException); pass the id of one of its executions.`,
      { cause: err }
    )
  }
  return { executionId, ...(await commitOf(deps, settings, state, signal)) }
}

/** The execution named, or the trigger's for the commit (`plan()` chooses the commit and source action). */
export async function locateExecution(
  deps: LocateDeps,
  settings: Settings,
  follow: FollowSettings,
  plan: () => Promise<SourcePlan>,
  signal: AbortSignal
): Promise<Located> {
  if (follow.kind === 'execution') return byId(deps, settings, follow.executionId, signal)
  return byTrigger(deps, settings, follow.timeoutMs, await plan(), signal)
}
