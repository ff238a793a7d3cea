// Which execution the pipeline's own trigger started for this workflow's commit: pure, so every rule is
// tested on its own. Never "the newest execution": an execution matches only by its source revision on
// this repository's source action, its start time and what started it.
import type { ListedExecution } from '../codepipeline/port.js'

/** What the matching execution must have. */
export interface TriggerTarget {
  pipelineName: string
  /** The source action of this repository (discovery, or the source-action input). */
  sourceAction: string
  /** The commit chosen as for a start: PR head, merge-queue head, commit-id, GITHUB_SHA. */
  commitId: string
  /** Epoch ms: the event's time less a margin; an older execution of the same commit is a past run. */
  notBeforeMs: number
  /** artifact / image-digest: match this revision on the source action instead of the commit (an S3 VersionId
   * is case-sensitive: compared exactly). `label` names it in sentences. */
  artifact?: { revision: string; label: string }
}

/** What the execution must run on the source action, as sentences name it. */
function wanted(target: TriggerTarget): string {
  return target.artifact ? `artifact ${target.artifact.label} (revision ${target.artifact.revision})` : `commit ${target.commitId}`
}

// Change detection: these start executions by themselves (webhooks, EventBridge, polling, PutActionRevision).
const TRIGGERS = new Set(['WebhookV2', 'Webhook', 'CloudWatchEvent', 'PutActionRevision', 'PollForSourceChanges'])
// Someone (or something, such as a Lambda behind an EventBridge rule) called the API: taken only without a trigger's.
const API_START = 'StartPipelineExecution'
// Not for this event: CreatePipeline, ManualRollback and AutomatedRollback (an older revision), and types
// newer than this code, which it cannot vouch for.

export type TriggerMatch =
  { kind: 'none' } | { kind: 'one'; execution: ListedExecution; byTrigger: boolean } | { kind: 'several'; executions: ListedExecution[] }

/** The revision the execution ran on the source action, if it says. */
export function revisionOn(execution: ListedExecution, sourceAction: string): string | undefined {
  return execution.sourceRevisions.find((r) => r.actionName === sourceAction)?.revisionId
}

function isForTarget(execution: ListedExecution, target: TriggerTarget): boolean {
  const revision = revisionOn(execution, target.sourceAction)
  if (revision === undefined) return false
  // An S3 VersionId is case-sensitive; shas are hex, whose case CodePipeline may report unlike the event's.
  const same = target.artifact ? revision === target.artifact.revision : revision.toLowerCase() === target.commitId.toLowerCase()
  if (!same) return false
  // Without a start time it cannot be told from a past run of the same commit: not taken.
  return execution.startTime !== undefined && execution.startTime >= target.notBeforeMs
}

/** The executions for the target, trigger-started ones first: StartPipelineExecution ones only when there is none. */
export function matchTriggered(listed: ListedExecution[], target: TriggerTarget): TriggerMatch {
  const forTarget = listed.filter((e) => isForTarget(e, target))
  const byTrigger = forTarget.filter((e) => TRIGGERS.has(e.triggerType ?? ''))
  const candidates = byTrigger.length > 0 ? byTrigger : forTarget.filter((e) => e.triggerType === API_START)
  const [first] = candidates
  if (!first) return { kind: 'none' }
  if (candidates.length === 1) return { kind: 'one', execution: first, byTrigger: byTrigger.length > 0 }
  return { kind: 'several', executions: candidates }
}

/** Whether a listing reaches back far enough: its oldest execution started before the window. */
export function coversWindow(page: ListedExecution[], notBeforeMs: number): boolean {
  const oldest = page.at(-1)
  return oldest?.startTime !== undefined && oldest.startTime < notBeforeMs
}

/** An id, a sha or a trigger type from AWS, reduced to characters that cannot form markup or a workflow command. */
export function plain(text: string | undefined, max = 64): string {
  const safe = (text ?? '').replace(/[^A-Za-z0-9._-]/g, '')
  return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe || '?'
}

function iso(ms: number | undefined): string {
  return ms === undefined ? 'at an unknown time' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** "ID (commit abc1234def56 on Source, WebhookV2, started 2026-01-01T12:00:00Z)" */
export function describeListed(execution: ListedExecution, sourceAction: string): string {
  const revision = revisionOn(execution, sourceAction)
  const commit =
    revision === undefined ? `no revision on ${sourceAction}` : `commit ${plain(revision, 200).slice(0, 12)} on ${sourceAction}`
  return `${plain(execution.id)} (${commit}, ${plain(execution.triggerType)}, started ${iso(execution.startTime)})`
}

/** The one sentence when nothing matched in time; `cutShort`: the listing the last look stopped before the window's start. */
export function notFoundSentence(target: TriggerTarget, minutes: number, latest: ListedExecution[], cutShort?: ListedExecution[]): string {
  const found =
    latest.length === 0
      ? 'the pipeline has no executions at all'
      : `the latest are ${latest.map((e) => describeListed(e, target.sourceAction)).join(', ')}`
  const check = cutShort
    ? `the listing was cut short at the ${cutShort.length} newest executions (back to ${iso(cutShort.at(-1)?.startTime)}), so an ` +
      `older one in the window was not seen: set execution-id to follow it`
    : `check that the pipeline's trigger filters (push branches or tags, pull request events and branches, file paths) match this event`
  return (
    `No execution of pipeline ${target.pipelineName} for ${wanted(target)} on source action ${target.sourceAction}, ` +
    `started by its trigger since ${iso(target.notBeforeMs)}, appeared within ${minutes} min (trigger-timeout-minutes); ${found}; ${check}.`
  )
}

/** Said once when a look stopped paging before the window's start: what it did not see. */
export function cutShortSentence(target: TriggerTarget, listed: ListedExecution[]): string {
  return (
    `Listed only the ${listed.length} newest executions of pipeline ${target.pipelineName} (back to ${iso(listed.at(-1)?.startTime)}), ` +
    `not back to the window's start ${iso(target.notBeforeMs)}: an execution started in between is not seen.`
  )
}

/** The one sentence when two or more match: the action does not pick one. */
export function severalSentence(target: TriggerTarget, executions: ListedExecution[]): string {
  const names = executions.map((e) => describeListed(e, target.sourceAction))
  return (
    `${executions.length} executions of pipeline ${target.pipelineName} were started for ${wanted(target)} on source action ` +
    `${target.sourceAction}: ${names.join(' and ')}; the action does not pick one: set execution-id to the one to follow, ` +
    `or narrow the trigger filters so that one execution runs per commit.`
  )
}
