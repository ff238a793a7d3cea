// on-rerun: retry. A re-run of the job (GITHUB_RUN_ATTEMPT > 1) finds the execution this step started in an
// earlier attempt and, when it failed in a retryable stage, retries that stage's failed actions instead of
// starting everything again. The earlier runner and its saved state are gone, so the execution is recognised
// by what AWS keeps: the run marker (a pipeline variable the start set, when the pipeline declares it) naming
// this run, job, step and what was sent, and the source revisions. Without a match nothing is retried.
import { createHash } from 'node:crypto'
import type { PipelineDeclaration, PipelineVariable } from '@aws-sdk/client-codepipeline'
import type { CodePipelinePort, ListedExecution, StartRequest } from '../codepipeline/port.js'
import { isAbortError } from '../clock.js'
import { awsErrorName, errorMessage } from '../errors.js'
import type { Clock, Log } from '../ports.js'
import { latestRuns } from '../report/progress.js'
import type { StepIdentity } from './request-token.js'
import { listPages } from './listing.js'
import { classifyFailure, withRetries, type RetryPolicy } from './retry.js'
import type { StaleMarker } from './stale.js'

/** The pipeline variable that carries the run marker, when the pipeline declares it. */
export const RUN_MARKER_VARIABLE = 'GITHUB_RUN_STEP'
// Executions looked at (newest first), and candidates whose variables are read: a re-run comes soon after.
const PAGES = 3
const PAGE_SIZE = 50
const MAX_CANDIDATES = 10
// What RetryStageExecution answers when the stage cannot be retried now: start a new execution instead.
const REFUSALS = new Set(['NotLatestPipelineExecutionException', 'StageNotRetryableException', 'ConflictException'])

type Sent = Pick<StartRequest, 'pipelineName' | 'variables' | 'sourceRevisions'>

/** Whether the pipeline declares the marker variable and the workflow does not set it itself. */
export function carriesMarker(pipeline: PipelineDeclaration | undefined, variables: PipelineVariable[]): boolean {
  const declared = pipeline?.variables?.some((v) => v.name === RUN_MARKER_VARIABLE) ?? false
  return declared && !variables.some((v) => v.name === RUN_MARKER_VARIABLE)
}

function digestOf(step: StepIdentity, sent: Sent): string {
  const identity = JSON.stringify([
    step.runId,
    step.job ?? '',
    step.action ?? '',
    sent.pipelineName,
    sent.variables.filter((v) => v.name !== RUN_MARKER_VARIABLE).map((v) => [v.name, v.value]),
    sent.sourceRevisions.map((r) => [r.actionName, r.revisionType, r.revisionValue])
  ])
  return createHash('sha256').update(identity).digest('hex').slice(0, 16)
}

/** The marker's value: readable in the console, and exact where it matters (the digest of what was sent). */
export function runMarker(step: StepIdentity, sent: Sent): string | undefined {
  if (!step.runId) return undefined
  return `run ${step.runId} attempt ${step.runAttempt ?? '1'}, job ${step.job ?? ''}, step ${step.action ?? ''} (${digestOf(step, sent)})`
}

/** The attempt that wrote `value`, when it is this run's marker for the same job, step and request. */
export function markedAttempt(value: string | undefined, step: StepIdentity, sent: Sent): number | undefined {
  const m = /^run (\d+) attempt (\d+), .* \(([0-9a-f]{16})\)$/.exec(value ?? '')
  if (!m || m[1] !== step.runId || m[3] !== digestOf(step, sent)) return undefined
  return Number(m[2])
}

export interface RerunDeps {
  port: Pick<CodePipelinePort, 'listExecutionPage' | 'getExecution' | 'listActionRuns' | 'retryStage'>
  log: Log
  clock: Clock
  retry: RetryPolicy
  step: StepIdentity
}

/** The earlier attempt's execution, and which attempt started it. */
export interface Earlier {
  execution: ListedExecution
  attempt: number
}

/** Whether a listed execution ran the same source revisions as this step pins (a commit never matches another). */
function sameRevisions(e: ListedExecution, sent: Sent): boolean {
  return sent.sourceRevisions
    .filter((r) => r.revisionType === 'COMMIT_ID')
    .every((r) => e.sourceRevisions.some((s) => s.actionName === r.actionName && s.revisionId === r.revisionValue))
}

/** The execution this step started in an earlier attempt of this run, or why it cannot be told (one clause). */
export async function findEarlier(deps: RerunDeps, sent: Sent, declared: boolean, signal?: AbortSignal): Promise<Earlier | string> {
  const { port, step } = deps
  if (!step.runId) return 'GITHUB_RUN_ID is not set, so there is no earlier attempt to look for'
  if (!declared)
    return `pipeline ${sent.pipelineName} does not declare the variable ${RUN_MARKER_VARIABLE}, so the earlier attempt's execution cannot be told from others`
  const attempt = Number(step.runAttempt ?? '1')
  const candidate = (e: ListedExecution) => e.triggerType === 'StartPipelineExecution' && sameRevisions(e, sent)
  const enough = (_: ListedExecution[], listed: ListedExecution[]) => listed.filter(candidate).length >= MAX_CANDIDATES
  const { listed } = await listPages(deps, sent.pipelineName, { pageSize: PAGE_SIZE, maxPages: PAGES, enough }, signal)
  const candidates = listed.filter(candidate)
  for (const execution of candidates.slice(0, MAX_CANDIDATES)) {
    const state = await withRetries(deps, {
      what: `Could not read execution ${execution.id}`,
      send: (s) => port.getExecution(sent.pipelineName, execution.id, s),
      signal
    })
    const marked = markedAttempt(state.variables?.find((v) => v.name === RUN_MARKER_VARIABLE)?.value, step, sent)
    if (marked !== undefined && marked < attempt) return { execution: { ...execution, status: state.status }, attempt: marked }
  }
  return `no execution of pipeline ${sent.pipelineName} carries this run's marker for this job and step (with these sources and variables)`
}

/** Whether the earlier attempt's cancel stopped it: its stop reason names this workflow run. */
function stoppedByThisRun(e: ListedExecution, runId: string): boolean {
  return new RegExp(`/actions/runs/${runId}(?!\\d)`).test(e.stopReason ?? '')
}

/** What a re-run did with the earlier attempt's execution: follow it (retried, or still running). */
export interface Resumed {
  executionId: string
  /** One line for the log, the summary and the check run. */
  line: string
  /** Retried: the ending read before the retry, which reads may still answer for a moment (stale.ts). */
  staleBefore?: StaleMarker
}

/** on-rerun: retry. Undefined: start a new execution as usual (the log has said why). */
export async function resumeEarlier(deps: RerunDeps, sent: Sent, declared: boolean, signal?: AbortSignal): Promise<Resumed | undefined> {
  // Looking is a nicety: if it fails (no codepipeline:ListPipelineExecutions, an outage), start as usual.
  const found = await findEarlier(deps, sent, declared, signal).catch((err: unknown) => {
    if (isAbortError(err) || signal?.aborted) throw err
    return `could not look for the earlier attempt's execution (${errorMessage(err)})`
  })
  const startNew = (why: string) => (deps.log.info(`Re-run (on-rerun: retry): ${why}; starting a new execution.`), undefined)
  if (typeof found === 'string') return startNew(found)
  const { execution: e, attempt } = found
  const ref = `execution ${e.id} (started by attempt ${attempt})`
  switch (e.status) {
    case 'Stopping':
      // It ends Stopped whatever happens: following it would only report that; retrying must wait for the end.
      return startNew(`${ref} is still stopping`)
    case 'InProgress':
      return said(deps.log, e.id, `Re-run: ${ref} is still running; following it and starting nothing.`)
    case 'Succeeded':
      return startNew(`${ref} succeeded, and a re-run of a green job is a deliberate redeploy`)
    case 'Stopped':
      if (!stoppedByThisRun(e, deps.step.runId ?? '')) return startNew(`${ref} was stopped, not by this run's cancel`)
      return retryFailedStage(deps, sent.pipelineName, e, ref, signal)
    case 'Failed':
      return retryFailedStage(deps, sent.pipelineName, e, ref, signal)
    default:
      return startNew(`${ref} ended ${e.status}`)
  }
}

function said(log: Log, executionId: string, line: string): Resumed {
  log.info(line)
  return { executionId, line }
}

/** RetryStageExecution, FAILED_ACTIONS, on the stage where it failed; undefined (after saying why) when refused. */
async function retryFailedStage(
  deps: RerunDeps,
  pipelineName: string,
  e: ListedExecution,
  ref: string,
  signal?: AbortSignal
): Promise<Resumed | undefined> {
  const startNew = (why: string) => (deps.log.info(`Re-run (on-rerun: retry): ${why}; starting a new execution.`), undefined)
  const runs = await withRetries(deps, {
    what: `Could not read the actions of execution ${e.id}`,
    send: (s) => deps.port.listActionRuns(pipelineName, e.id, s),
    signal
  }).catch((err: unknown) => {
    if (isAbortError(err) || signal?.aborted) throw err
    return errorMessage(err)
  })
  if (typeof runs === 'string') return startNew(`could not read which stage of ${ref} failed (${runs})`)
  const failed = [...latestRuns(runs).values()]
    .filter((r) => r.status === 'Failed' || r.status === 'Abandoned')
    .sort((a, b) => (b.lastUpdateTime ?? 0) - (a.lastUpdateTime ?? 0))[0]
  if (failed === undefined) return startNew(`${ref} has no failed or stopped action to retry`)
  const retryStage = deps.port.retryStage?.bind(deps.port)
  if (retryStage === undefined) return startNew('this CodePipeline client cannot retry a stage')
  const stage = failed.stageName
  const refusal = await withRetries(deps, {
    what: `Could not retry stage ${stage} of execution ${e.id}`,
    send: async (s) => {
      try {
        await retryStage(pipelineName, stage, e.id, s)
        return undefined
      } catch (err) {
        // A refusal is an answer: start a new execution rather than asking again.
        if (REFUSALS.has(awsErrorName(err)) || classifyFailure(err) === 'permanent') return err
        throw err
      }
    },
    signal
  })
  if (refusal !== undefined) return startNew(`could not retry stage ${stage} of ${ref}: ${refusalReason(refusal)}`)
  const resumed = said(deps.log, e.id, `Retried stage ${stage} of ${ref}, failed actions only.`)
  return { ...resumed, staleBefore: { status: e.status, lastUpdateTime: e.lastUpdateTime } }
}

function refusalReason(err: unknown): string {
  switch (awsErrorName(err)) {
    case 'NotLatestPipelineExecutionException':
      return `a newer execution has passed that stage (${errorMessage(err)})`
    case 'StageNotRetryableException':
      return `CodePipeline says it cannot be retried (${errorMessage(err)})`
    case 'ConflictException':
      return `the stage is busy (${errorMessage(err)})`
    default:
      return errorMessage(err)
  }
}
