// Reads every input once into a typed Settings object and checks it, so that a bad input fails
// with one line naming it before any AWS call.
import type { PipelineVariable, SourceRevisionOverride } from '@aws-sdk/client-codepipeline'
import { checkArtifactCombinations, readArtifact, type ArtifactSettings } from './artifact.js'
import { withDefaults } from './defaults.js'
import { checkFollowCombinations, readFollow, type FollowSettings } from './follow.js'
import { readClientRequestToken, readPollLimits, type PollLimits } from './limits.js'
import { ACTION_NAME_PATTERN, parseSourceRevisions, parseVariables } from './lists.js'
import { readApprove, readOnRerun, type OnRerun } from './steps.js'
import { InputError, readBoolean, readMinutes, type InputReader } from './readers.js'
import { isKnownRegion } from './region.js'

export interface Settings {
  pipelineName: string
  variables: PipelineVariable[]
  /** Full sha from `commit-id`, lower-cased; undefined to take it from the event. */
  commitId?: string
  sourceAction?: string
  /** Explicit overrides; undefined when the input is empty. */
  sourceRevisions?: SourceRevisionOverride[]
  pinCommit: boolean
  wait: boolean
  stopOnCancel: boolean
  abandonOnCancel: boolean
  allowSuperseded: boolean
  region: string
  /** For commit statuses and the check run; undefined posts none. */
  githubToken?: string
  /** A live check run on the commit (needs githubToken). */
  checkRun: boolean
  maskVariables: boolean
  pollLimits: PollLimits
  /** Overrides the token derived from the run (request-token.ts). */
  clientRequestToken?: string
  /** undefined: wait as long as it takes. */
  waitTimeoutMs?: number
  stopOnTimeout: boolean
  outageToleranceMs: number
  startRetryMs: number
  /** After a failure that CodePipeline rolled back, follow the rollback execution to its end. */
  waitForRollback: boolean
  /** Follow an execution this step does not start (execution-id, follow-trigger); undefined: start one. */
  follow?: FollowSettings
  /** Which build logs to show: the failed actions' tails, every compute action's live, or none. */
  logs: LogsMode
  /** artifact / image-digest: upload and pin exactly that artifact; undefined: pin the commit. */
  artifact?: ArtifactSettings
  /** The manual approvals the step approves, `Stage.Action` or `Action`; empty: none. */
  approve: string[]
  /** A re-run (attempt > 1): retry the earlier attempt's failed stage, or start anew. */
  onRerun: OnRerun
}

export type LogsMode = 'failed' | 'all' | 'none'
const LOGS_MODES: LogsMode[] = ['failed', 'all', 'none']

function readLogsMode(read: InputReader): LogsMode {
  const value = read('logs')
  const mode = LOGS_MODES.find((m) => m === value.toLowerCase())
  if (!mode) throw new InputError(`Input logs is '${value}'; use failed (the default), all or none.`)
  return mode
}

const PIPELINE_NAME = /^[A-Za-z0-9.@\-_]+$/
// Standard, China, GovCloud and ISO partitions: us-east-1, cn-north-1, us-gov-west-1, us-isob-east-1.
const FULL_SHA = /^([0-9a-f]{40}|[0-9a-f]{64})$/i
const SHORT_SHA = /^[0-9a-f]{4,39}$/i

function readPipelineName(read: InputReader): string {
  const name = read('pipeline-name')
  if (name === '') throw new InputError('Input pipeline-name is required; set it to the name of the pipeline to run.')
  if (name.length > 100 || !PIPELINE_NAME.test(name)) {
    throw new InputError(
      `Input pipeline-name '${name}' is not a pipeline name; use 1-100 letters, digits, ., @, - and _ (the name, not the ARN).`
    )
  }
  return name
}

function readCommitId(read: InputReader): string | undefined {
  const sha = read('commit-id')
  if (sha === '') return undefined
  if (/^0+$/.test(sha)) {
    throw new InputError(
      `Input commit-id is all zeros, which names no commit (it is what a push that deletes a branch carries); pass a real commit sha.`
    )
  }
  if (FULL_SHA.test(sha)) return sha.toLowerCase()
  if (SHORT_SHA.test(sha)) {
    throw new InputError(`Input commit-id '${sha}' is a short sha; pass the full 40-character commit sha (e.g. \${{ github.sha }}).`)
  }
  throw new InputError(`Input commit-id '${sha}' is not a commit sha; pass the full 40-character (or 64 for SHA-256) hex sha.`)
}

function readSourceAction(read: InputReader): string | undefined {
  const name = read('source-action')
  if (name === '') return undefined
  if (name.length > 100 || !ACTION_NAME_PATTERN.test(name)) {
    throw new InputError(`Input source-action '${name}' is not an action name; use 1-100 letters, digits, ., @, - and _.`)
  }
  return name
}

/** aws-region, else the SDK's own AWS_REGION / AWS_DEFAULT_REGION. */
export function resolveRegion(read: InputReader, env: NodeJS.ProcessEnv): string {
  const sources: [string, string | undefined][] = [
    ['Input aws-region', read('aws-region')],
    ['AWS_REGION', env.AWS_REGION?.trim()],
    ['AWS_DEFAULT_REGION', env.AWS_DEFAULT_REGION?.trim()]
  ]
  const found = sources.find(([, value]) => value)
  if (!found) {
    throw new InputError(
      'No AWS region is set; set the aws-region input, or use aws-actions/configure-aws-credentials, which sets AWS_REGION.'
    )
  }
  const [source, region] = found as [string, string]
  if (!isKnownRegion(region)) {
    throw new InputError(`${source} is '${region}', which is not an AWS region; use a region code such as us-east-1.`)
  }
  return region
}

function checkCombinations(s: Settings, sourceRevisionsGiven: boolean): void {
  if (!s.pinCommit && s.commitId) {
    throw new InputError(
      'Input commit-id is set but pin-commit is false; remove one of them (pin-commit: false starts the latest revision).'
    )
  }
  if (!s.pinCommit && sourceRevisionsGiven) {
    throw new InputError('Input source-revisions is set but pin-commit is false; remove one of them.')
  }
  // With an artifact, source-action names the S3 or ECR action that receives it, not a commit's.
  if (!s.pinCommit && s.sourceAction && !s.artifact) {
    throw new InputError(
      'Input source-action is set but pin-commit is false; remove one of them (pin-commit: false pins no source action).'
    )
  }
  if (s.stopOnTimeout && s.waitTimeoutMs === undefined) {
    throw new InputError('Input stop-on-timeout is true but wait-timeout-minutes is not set; set wait-timeout-minutes too.')
  }
  if (s.checkRun && !s.githubToken) {
    throw new InputError(
      'Input check-run is true but github-token is not set; set github-token: ${{ secrets.GITHUB_TOKEN }} (with permissions: checks: write).'
    )
  }
  if (s.sourceAction && sourceRevisionsGiven) {
    throw new InputError('Inputs source-action and source-revisions are both set; name the action in source-revisions instead.')
  }
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined
}

/**
 * `readUntrimmed` reads `variables` as the workflow wrote it: core.getInput trims the whole input, which would
 * cut the last value's trailing spaces (the value is everything after the first `=`).
 */
export function readSettings(readRaw: InputReader, env: NodeJS.ProcessEnv, readUntrimmed: InputReader = readRaw): Settings {
  const read = withDefaults(readRaw)
  const maskVariables = readBoolean(read, 'mask-variables')
  const settings: Settings = {
    pipelineName: readPipelineName(read),
    variables: parseVariables(readUntrimmed('variables'), { secret: maskVariables }),
    commitId: readCommitId(read),
    sourceAction: readSourceAction(read),
    sourceRevisions: nonEmpty(parseSourceRevisions(read('source-revisions'))),
    pinCommit: readBoolean(read, 'pin-commit'),
    wait: readBoolean(read, 'wait'),
    stopOnCancel: readBoolean(read, 'stop-on-cancel'),
    abandonOnCancel: readBoolean(read, 'abandon-on-cancel'),
    allowSuperseded: readBoolean(read, 'allow-superseded'),
    region: resolveRegion(read, env),
    githubToken: read('github-token') || undefined,
    checkRun: readBoolean(read, 'check-run'),
    maskVariables,
    pollLimits: readPollLimits(read),
    clientRequestToken: readClientRequestToken(read),
    waitTimeoutMs: readMinutes(read, 'wait-timeout-minutes'),
    stopOnTimeout: readBoolean(read, 'stop-on-timeout'),
    outageToleranceMs: readMinutes(read, 'outage-tolerance-minutes', false)!,
    startRetryMs: readMinutes(read, 'start-retry-minutes', false)!,
    waitForRollback: readBoolean(read, 'wait-for-rollback'),
    follow: readFollow(read),
    logs: readLogsMode(read),
    artifact: readArtifact(read),
    approve: readApprove(read, readBoolean(read, 'wait')),
    onRerun: readOnRerun(read)
  }
  checkCombinations(settings, settings.sourceRevisions !== undefined)
  checkArtifactCombinations(settings.artifact, {
    sourceRevisionsGiven: settings.sourceRevisions !== undefined,
    followsExecutionId: settings.follow?.kind === 'execution'
  })
  checkFollowCombinations(settings.follow, {
    artifactGiven: settings.artifact !== undefined,
    variablesGiven: settings.variables.length > 0,
    sourceRevisionsGiven: settings.sourceRevisions !== undefined,
    wait: settings.wait,
    pinCommit: settings.pinCommit,
    stopOnTimeout: settings.stopOnTimeout,
    abandonOnCancel: settings.abandonOnCancel,
    clientRequestTokenGiven: settings.clientRequestToken !== undefined
  })
  return settings
}
