// The main step, the story of a run: pick the sources, start, follow, judge and report; stop on cancel or timeout.
import { planArtifactSource } from './artifact/pin.js'
import type { ExecutionState } from './codepipeline/port.js'
import { explainSourceActionRejection, planSource, type SourcePlan } from './codepipeline/source.js'
import { errorMessage } from './errors.js'
import { describeExecution, type Execution } from './execution/execution.js'
import { learnExpectations } from './execution/history.js'
import { locateExecution } from './execution/locate.js'
import { withRetries } from './execution/retry.js'
import { planStart, StartAttempt } from './execution/start.js'
import { handleTimeout, WaitTimeout } from './execution/timeout.js'
import { waitForExecution } from './execution/wait.js'
import { checkVariables } from './codepipeline/variables.js'
import { chooseCommit } from './github/commit.js'
import { explainForkCredentials } from './github/fork.js'
import type { FollowSettings } from './inputs/follow.js'
import { prepare, type Main, type MainDeps } from './main-wiring.js'
import { reportOnGitHub } from './report/on-github.js'
import { reportCancelled, reportEnding, reportNotFollowed, reportUnfinished, type ReportContext } from './report/ending.js'
import { reportNoExecution } from './report/no-execution.js'
import { ActionLogs } from './logs/action-logs.js'
import { failureOf } from './report/diagnosis.js'
import { ProgressTracker } from './report/progress.js'
import { WaitExplainer } from './report/waits.js'
import { maskDefaults } from './report/variables.js'
import { approverFor, checkApprovals } from './execution/approve.js'
import { resumeOnRerun, variablesToSend } from './execution/resume.js'
import type { StaleMarker } from './execution/stale.js'

export type { MainDeps, StepIO, Tuning } from './main-wiring.js'

async function chooseSources(main: Main): Promise<SourcePlan> {
  const { settings, github, port, guard, log } = main
  const sourceDeps = {
    settings,
    chooseCommit: () => chooseCommit(github, settings.commitId, { githubToken: settings.githubToken }),
    getPipeline: (name: string) =>
      withRetries(main, { what: `Could not read pipeline ${name}`, send: (s) => port.getPipeline(name, s), signal: guard.signal }),
    repo: github.repo,
    log
  }
  if (!settings.artifact) return planSource(sourceDeps)
  const { clock, io, tools } = main
  const artifactDeps = { ...sourceDeps, artifact: settings.artifact, payload: github.payload, workspace: main.workspace ?? '.' }
  return planArtifactSource({
    ...artifactDeps,
    loadTools: tools.loadArtifactTools,
    clock,
    outputs: io.outputs,
    backoff: tools.backoff,
    signal: guard.signal
  })
}

/** What the step follows: the execution, the sources it runs, and (for one it did not start) when it started. */
interface Subject {
  execution: Execution
  source: SourcePlan
  startedAt?: number
  /** A re-run resumed the earlier attempt's execution: the line that says how. */
  rerun?: string
  /** A retried execution's ending before the retry, which reads may still show (execution/stale.ts). */
  staleBefore?: StaleMarker
}

/** execution-id, follow-trigger: finds the execution, which this step did not start and so never stops. */
async function locate(main: Main, mode: FollowSettings): Promise<Subject> {
  const { settings, guard, log } = main
  const noExecution = (why: string) => reportNoExecution(main.ending, settings.pipelineName, why)
  guard.awaitingFollow(() => noExecution('The workflow run was cancelled before an execution to follow was found.'))
  const located = await locateExecution(main, settings, mode, () => chooseSources(main), guard.signal).catch(async (err: unknown) => {
    if (!guard.signal.aborted) await noExecution(errorMessage(err))
    throw err
  })
  const execution = describeExecution(settings, located.executionId, 'followed')
  const { outputs } = main.io
  outputs.setOutput('pipeline-execution-id', execution.executionId)
  outputs.setOutput('execution-url', execution.consoleUrl)
  outputs.setOutput('commit-id', located.commitId ?? '')
  log.info(`Following execution ${execution.executionId}, which this step did not start and will never stop: ${execution.consoleUrl}`)
  const source: SourcePlan = {
    sourceRevisions: [],
    commitId: located.commitId ?? '',
    pipeline: located.pipeline,
    artifact: located.artifact
  }
  return { execution, source, startedAt: located.startTime }
}

/** Picks the sources and starts the execution; a re-run may resume the earlier attempt's instead (on-rerun). */
async function startOne(main: Main): Promise<Subject> {
  const source = await chooseSources(main)
  main.guard.signal.throwIfAborted()
  checkVariables(main.settings.variables, source.pipeline)
  maskDefaults(main.io.outputs, main.settings.maskVariables, source.pipeline)
  checkApprovals(main.settings.approve, source.pipeline)
  const resumed = await resumeOnRerun({ ...main, outputs: main.io.outputs, signal: main.guard.signal }, source)
  if (resumed) return { source, execution: resumed.execution, rerun: resumed.line, staleBefore: resumed.staleBefore }
  return { source, execution: await start(main, source) }
}

async function start(main: Main, source: SourcePlan): Promise<Execution> {
  const { settings, port, log, guard } = main
  const plan = planStart({ ...settings, variables: variablesToSend(main.step, settings, source) }, main.step, source)
  log.debug(`clientRequestToken: ${plan.request.clientRequestToken}`)
  const attempt = new StartAttempt({ port, log, outputs: main.io.outputs, clock: main.clock, retry: main.retry, state: main.state }, plan)
  guard.trackStart(attempt)
  return attempt.answer.catch(async (err: unknown) => {
    throw await explainSourceActionRejection(err, settings, (name) => port.getPipeline(name, guard.signal))
  })
}

/** Why the wait ended without a verdict: a cancel (the guard reports it), the wait timeout, or giving up following. */
async function failedToFollow(main: Main, report: ReportContext, timeout: WaitTimeout, err: unknown): Promise<unknown> {
  const { port, log, clock, settings, state, guard } = main
  if (guard.signal.aborted) return err
  guard.decided() // from here main reports the outcome; a late signal must not stop or report it again
  if (!timeout.reached) {
    state.markGaveUp()
    await reportUnfinished(main.ending, report, `Could not follow the execution: ${errorMessage(err)}`)
    return err
  }
  const failure = await handleTimeout({ port, log, clock, settings, state, workflowRun: main.workflowRun }, report.execution)
  await reportUnfinished(main.ending, report, failure.message)
  return failure
}

/** Waits for the verdict (within wait-timeout-minutes if set), then reports and judges it. */
async function follow(main: Main, report: ReportContext, declaration: SourcePlan['pipeline'], staleBefore?: StaleMarker): Promise<void> {
  const { settings, port, log, guard, clock } = main
  const { execution, progress } = report
  const { pipelineName, executionId } = execution
  // Before anything is awaited: a cancel from now on ends the summary, the commit status and the check run too.
  guard.following(execution, (outcome, byMs) => reportCancelled(main.ending, report, outcome, byMs))
  const timeout = new WaitTimeout(clock, settings.waitTimeoutMs)
  const waitSignal = AbortSignal.any([guard.signal, timeout.signal])
  let final: ExecutionState
  try {
    const { expectedMs, remainders, structure } = await learnExpectations(port, log, pipelineName, executionId, declaration, waitSignal)
    progress.setStructure(structure)
    const followed = {
      execution,
      startedAt: report.startedAt,
      expectedMs,
      remainders,
      progress,
      waits: report.waits,
      afterProgress: report.logs?.afterProgress,
      approver: report.approvals,
      staleBefore
    }
    final = await waitForExecution(main.waiting, followed, waitSignal)
  } catch (err) {
    throw await failedToFollow(main, report, timeout, err)
  } finally {
    timeout.dispose()
  }
  guard.decided()
  const diagnosis = await reportEnding(main.ending, report, final)
  if (!diagnosis.passed) throw failureOf(diagnosis, pipelineName, final.status)
  guard.decided(0)
  log.info(`Pipeline ${pipelineName} execution ${executionId} ${final.status}.`)
}

/** Follows the execution, unless wait is false (decided here only): then the summary says what was started. */
async function followOrLeave(main: Main, { source, execution, startedAt = main.clock.now(), rerun, staleBefore }: Subject): Promise<void> {
  const { settings, log } = main
  const progress = new ProgressTracker(log, startedAt, execution.consoleUrl)
  const waits = new WaitExplainer(main, execution.pipelineName, execution.executionId, startedAt)
  progress.retryTriggers = waits.retryTriggers
  const { github } = main
  const logs = new ActionLogs({
    log,
    mode: settings.logs,
    region: settings.region,
    consoleUrl: execution.consoleUrl,
    signals: main.process,
    load: main.tools.loadLogReader
  })
  const report: ReportContext = {
    execution,
    settings,
    github,
    commitId: source.commitId || undefined,
    pinned: source.pinned,
    artifact: source.artifact,
    startedAt,
    progress,
    waits,
    logs,
    rerun,
    approvals: approverFor(main, execution, waits, source)
  }
  reportOnGitHub({ settings, github, log, clock: main.clock, secrets: main.secrets, loadGitHubClient: main.tools.loadGitHubClient }, report)
  if (settings.wait) return follow(main, report, source.pipeline, staleBefore)
  main.guard.decided(0) // not followed: it runs on by design, whatever comes now
  log.info('wait is false: not waiting for the execution to finish.')
  await reportNotFollowed(main.ending, report)
}

export async function runMainStep(deps: MainDeps): Promise<void> {
  const main = prepare(deps)
  const { guard, settings } = main
  guard.install()
  try {
    const subject = settings.follow ? await locate(main, settings.follow) : await startOne(main)
    guard.signal.throwIfAborted()
    await followOrLeave(main, subject)
  } catch (err) {
    // After a signal, the guard owns the outcome (stop, then exit non-zero); don't report the abort.
    if (guard.cancelling) return await guard.cancelling
    throw explainForkCredentials(err, main.github)
  } finally {
    guard.uninstall()
  }
}
