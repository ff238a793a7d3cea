// The main step's dependencies, and everything derived from them once: the cancel guard, the retry policy
// (from the settings), and what the wait and the ending take.
import { loadArtifactTools } from './artifact/load.js'
import type { ArtifactToolsLoader } from './artifact/store.js'
import type { CodePipelinePort } from './codepipeline/port.js'
import { CancelGuard } from './execution/cancel.js'
import { planNextPoll, type PollPlanner } from './execution/poll-plan.js'
import type { StepIdentity } from './execution/request-token.js'
import { jitteredBackoff, type Backoff, type RetryPolicy } from './execution/retry.js'
import type { WaitDeps } from './execution/wait.js'
import { loadGitHubClient, type GitHubClientLoader } from './github/client.js'
import { Secrets } from './github/redact.js'
import { loadLogReader } from './logs/clients.js'
import type { LogReaderLoader } from './logs/types.js'
import { describeRun, type GitHubContext } from './github/context.js'
import type { Settings } from './inputs/settings.js'
import type { Clock, Log, Outputs, StepProcess } from './ports.js'
import type { EndingDeps } from './report/ending.js'
import type { SummaryWriter } from './report/summary.js'
import type { ActionState } from './state.js'

/** What the step tells the world: its log, its outputs and its job summary (@actions/core's). */
export interface StepIO {
  log: Log
  outputs: Outputs
  summary: SummaryWriter
}

/** What tests replace; the real ones by default. */
export interface Tuning {
  planner: PollPlanner
  /** The wait between tries of a failing call; the outage tolerance comes from the settings. */
  backoff: Backoff
  /** How octokit is loaded for commit statuses and the check run: @actions/github, imported on first use. */
  loadGitHubClient: GitHubClientLoader
  /** How the build logs are read: the CloudWatch Logs and CodeBuild SDK clients, imported on first use. */
  loadLogReader: LogReaderLoader
  /** How the artifact is uploaded: the S3 client, lib-storage and yazl, imported only with `artifact`. */
  loadArtifactTools: ArtifactToolsLoader
}

export interface MainDeps {
  settings: Settings
  github: GitHubContext
  /** The run, job and step, for the start's idempotency token. */
  step: StepIdentity
  port: CodePipelinePort
  clock: Clock
  io: StepIO
  /** What the post step will read. */
  state: ActionState
  process: StepProcess
  /** GITHUB_WORKSPACE: where `artifact` is resolved, and what no symlink in it may leave. Default: '.'. */
  workspace?: string
  tuning?: Partial<Tuning>
}

/** The main step wired: everything derived once from its dependencies. */
export interface Main extends MainDeps {
  log: Log
  /** The workflow run's URL (and attempt), for stop reasons. */
  workflowRun: string
  retry: RetryPolicy
  guard: CancelGuard
  tools: Tuning
  /** What is masked (secretInputs, then every value the step masks later): GitHub never sees it either. */
  secrets: Secrets
  waiting: WaitDeps
  ending: EndingDeps
}

/** The inputs masked before anything is logged: the github token, and the variables with mask-variables. */
export function secretInputs(settings: Pick<Settings, 'githubToken' | 'maskVariables' | 'variables'>): string[] {
  const variables = settings.maskVariables ? settings.variables.map((v) => v.value ?? '') : []
  return [settings.githubToken ?? '', ...variables].filter((value) => value !== '')
}

/** The outputs, and every value masked through them (mask-variables' resolved values) kept for redaction too. */
function recordingSecrets(outputs: Outputs, secrets: Secrets): Outputs {
  return {
    setOutput: (name, value) => outputs.setOutput(name, value),
    setSecret: (value) => {
      secrets.add(value)
      outputs.setSecret?.(value)
    }
  }
}

export function prepare(deps: MainDeps): Main {
  const { settings, port, clock, state } = deps
  const secrets = new Secrets()
  for (const value of secretInputs(settings)) secrets.add(value)
  const io = { ...deps.io, outputs: recordingSecrets(deps.io.outputs, secrets) }
  const tools: Tuning = {
    planner: planNextPoll,
    backoff: jitteredBackoff(),
    loadGitHubClient,
    loadLogReader,
    loadArtifactTools,
    ...deps.tuning
  }
  const workflowRun = describeRun(deps.github)
  const guard = new CancelGuard({ process: deps.process, port, log: io.log, clock, settings, workflowRun, state })
  const retry = { outageToleranceMs: settings.outageToleranceMs, backoff: tools.backoff }
  const ending = { port, log: io.log, clock, summary: io.summary, outputs: io.outputs, retry }
  const waiting = { port, clock, log: io.log, outputs: io.outputs, planner: tools.planner, limits: settings.pollLimits, retry, state }
  return { ...deps, io, log: io.log, workflowRun, retry, guard, tools, secrets, waiting, ending }
}
