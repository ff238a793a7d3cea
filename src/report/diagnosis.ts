// Why the execution ended as it did, in the words the step's annotation and failure message use.
import type { ActionRun, ExecutionState, RuleRun } from '../codepipeline/port.js'
import { ActionError } from '../errors.js'
import { latestRuns } from './progress.js'
import { describeRollback, type Rollback } from './rollback.js'

export interface EndedExecution {
  pipelineName: string
  executionId: string
  state: ExecutionState
  runs: ActionRun[]
  consoleUrl: string
  /** The commit it ran; '' when it was not pinned to one. */
  commitId: string
  /** What source-revisions pinned instead of a commit of this repository. */
  pinned?: string
  allowSuperseded: boolean
  /** The rule that failed the stage, when no action did (V2 stage conditions). */
  failedRule?: RuleRun
  /** The rollback CodePipeline started after the failure. */
  rollback?: Rollback
}

export interface Diagnosis {
  /** Whether the step passes. */
  passed: boolean
  /** The annotation: error when the step fails (it is the step's failure: one annotation), notice for an accepted Superseded. */
  annotation?: { level: 'error' | 'notice'; title: string; message: string }
  /** The step's failure message, one sentence. */
  sentence?: string
}

export function describeCommit(commitId: string, pinned?: string): string {
  if (commitId) return `commit ${commitId.slice(0, 7)}`
  return pinned ? `the revisions source-revisions pinned (${pinned})` : "the source's latest revision"
}

/** The failed action the annotation is about: the first to fail. */
export function failedRun(runs: ActionRun[]): ActionRun | undefined {
  const latest = [...latestRuns(runs).values()]
  return latest.filter((r) => r.status === 'Failed').sort((a, b) => (a.lastUpdateTime ?? 0) - (b.lastUpdateTime ?? 0))[0]
}

function withRollback(d: Diagnosis, e: EndedExecution): Diagnosis {
  if (!e.rollback || !d.annotation) return d
  const extra = `${describeRollback(e.rollback)}; the commit did not pass.`
  return { ...d, annotation: { ...d.annotation, message: `${d.annotation.message}\n${extra}` }, sentence: `${d.sentence ?? ''} ${extra}` }
}

/** A rule of a stage condition failed the stage: named like a failed action, with its message and link. */
function diagnoseRule(e: EndedExecution, rule: RuleRun): Diagnosis {
  const why = rule.errorMessage ?? rule.summary ?? e.state.statusSummary ?? 'no message from the rule'
  const url = rule.url ?? e.consoleUrl
  const what = `Rule ${rule.ruleName}${rule.provider ? ` (${rule.provider})` : ''} of stage ${rule.stageName}`
  return {
    passed: false,
    annotation: {
      level: 'error',
      title: `${e.pipelineName}: ${rule.stageName} / rule ${rule.ruleName} failed`,
      message: `${what} failed: ${why}\nDetails: ${url}`
    },
    sentence: `Pipeline ${e.pipelineName} execution ${e.executionId} failed: ${what} failed: ${why} (${url}).`
  }
}

function diagnoseFailure(e: EndedExecution): Diagnosis {
  const run = failedRun(e.runs)
  const head = `Pipeline ${e.pipelineName} execution ${e.executionId} failed`
  if (!run && e.failedRule) return diagnoseRule(e, e.failedRule)
  if (!run) {
    const why = e.state.statusSummary ? `: ${e.state.statusSummary}` : ''
    const message = `${head}${why} (${e.consoleUrl}).`
    return { passed: false, annotation: { level: 'error', title: `${e.pipelineName} failed`, message }, sentence: message }
  }
  const why = run.errorMessage ?? run.summary ?? e.state.statusSummary ?? 'no message from the provider'
  const where = `in stage ${run.stageName}, action ${run.actionName}`
  const url = run.externalUrl ?? e.consoleUrl
  const sentence = `${head} ${where}: ${why} (${url}).`
  return {
    passed: false,
    annotation: { level: 'error', title: `${e.pipelineName}: ${run.stageName} / ${run.actionName} failed`, message: sentence },
    sentence
  }
}

const MEANING: Record<string, (e: EndedExecution) => string> = {
  Stopped: (e) =>
    `it was stopped before it finished${e.state.statusSummary ? ` (${e.state.statusSummary})` : ''}, so ${describeCommit(e.commitId, e.pinned)} did not go through the whole pipeline; re-run the workflow to run it again`,
  Cancelled: (e) =>
    `the pipeline's definition was updated while it ran, so CodePipeline cancelled it and ${describeCommit(e.commitId, e.pinned)} did not go through the whole pipeline; re-run the workflow to run it on the new definition`,
  Superseded: (e) =>
    `a newer execution overtook it, so ${describeCommit(e.commitId, e.pinned)} did not go through the rest of the pipeline (the newer one carries a newer revision)` +
    (e.allowSuperseded ? '; allow-superseded is true, so the step passes' : '; set allow-superseded: true to accept that')
}

/** Whether the step passes, and what to tell the user about it. */
export function diagnose(e: EndedExecution): Diagnosis {
  const { status } = e.state
  if (status === 'Succeeded') return { passed: true }
  if (status === 'Failed') return withRollback(diagnoseFailure(e), e)
  const meaning = MEANING[status]?.(e) ?? `it ended ${status}${e.state.statusSummary ? `: ${e.state.statusSummary}` : ''}`
  const sentence = `Pipeline ${e.pipelineName} execution ${e.executionId} ended ${status}: ${meaning} (${e.consoleUrl}).`
  const passed = status === 'Superseded' && e.allowSuperseded
  return {
    passed,
    annotation: { level: passed ? 'notice' : 'error', title: `${e.pipelineName} ${status}`, message: sentence },
    sentence: passed ? undefined : sentence
  }
}

/** The step's failure: its one error annotation, titled with what failed. */
export function failureOf(d: Diagnosis, pipelineName: string, status: string): ActionError {
  return new ActionError(d.sentence ?? `Pipeline ${pipelineName} ended ${status}.`, { title: d.annotation?.title })
}
