// Shapes of the emulator's own configuration: pipeline specs (JSON/YAML files) and fault rules.

export interface Clock {
  now(): number // ms since epoch
}

export type ExecutionMode = 'SUPERSEDED' | 'QUEUED' | 'PARALLEL'
export type ActionCategory = 'Source' | 'Build' | 'Deploy' | 'Test' | 'Invoke' | 'Approval' | 'Compute'
export type ActionOutcome = 'Succeeded' | 'Failed'
export type FinalExecutionStatus = 'Succeeded' | 'Failed' | 'Stopped' | 'Superseded' | 'Cancelled'

export interface ActionSpec {
  name: string
  category: ActionCategory
  provider: string
  owner?: 'AWS' | 'ThirdParty' | 'Custom' // default AWS
  version?: string // default '1'
  runOrder?: number // default 1
  configuration?: Record<string, string>
  durationSeconds?: number // default: the pipeline's defaultDurationSeconds
  outcome?: ActionOutcome // default Succeeded
  retryOutcome?: ActionOutcome // the outcome of every later attempt (stage retries); default: outcome
  summary?: string // executionResult.externalExecutionSummary
  errorCode?: string // errorDetails.code when Failed (default JobFailed)
  errorMessage?: string // errorDetails.message when Failed
  externalUrl?: string // executionResult.externalExecutionUrl
  revision?: string // Source actions: the revision used when StartPipelineExecution does not override it
  revisionSummary?: string // Source actions
  inputArtifacts?: string[]
  outputArtifacts?: string[]
  namespace?: string // the action's variable namespace (ActionDeclaration.namespace)
  outputVariables?: Record<string, string> // output.outputVariables once the action succeeded
  logs?: LogLineSpec[] // what the action writes to its log stream (CodeBuild and Commands actions)
  logGroup?: string // CodeBuild: a custom CloudWatch Logs group (default /aws/codebuild/<ProjectName>)
  /**
   * S3 and ECR sources: an upload to S3Bucket/S3ObjectKey (PutObject, CompleteMultipartUpload) or a push to
   * RepositoryName:ImageTag starts an execution after delaySeconds, as the source's EventBridge rule would
   * (triggerType CloudWatchEvent, that version or digest as the revision).
   */
  eventTrigger?: { delaySeconds?: number }
}

export type RuleProvider = 'DeploymentWindow' | 'CloudWatchAlarm' | 'LambdaInvoke' | 'VariableCheck' | 'Commands'
export type ConditionResult = 'FAIL' | 'RETRY' | 'ROLLBACK' | 'SKIP'

/** One rule of a stage condition; the spec scripts how long it checks and how that ends. */
export interface RuleSpec {
  name: string
  provider: RuleProvider
  configuration?: Record<string, string>
  durationSeconds?: number // how long it checks (a CloudWatchAlarm's WaitTime, a DeploymentWindow's wait); default 1
  outcome?: ActionOutcome // default Succeeded
  summary?: string // executionResult.externalExecutionSummary
  errorMessage?: string // errorDetails.message when Failed
  externalUrl?: string
}

export interface ConditionSpec {
  result?: ConditionResult // beforeEntry: FAIL (default) or SKIP; onSuccess: ROLLBACK (default) or FAIL
  rules: RuleSpec[]
}

/** A log line: a plain string is written at an even share of the action's duration; or at a given second. */
export type LogLineSpec = string | { atSeconds: number; message: string }

export interface StageSpec {
  name: string
  actions: ActionSpec[]
  beforeEntry?: { conditions: ConditionSpec[] }
  onSuccess?: { conditions: ConditionSpec[] }
  /** What CodePipeline does when the stage fails: RETRY once automatically, or ROLLBACK to the last good execution. */
  onFailure?: { result: 'RETRY' | 'ROLLBACK' | 'FAIL'; retryMode?: 'FAILED_ACTIONS' | 'ALL_ACTIONS' }
  /** The stage's inbound transition starts disabled, with this reason. */
  disabledTransition?: { reason: string }
}

export interface VariableSpec {
  name: string
  defaultValue?: string
  description?: string
}

/** Trigger types that start an execution without StartPipelineExecution (triggers.ts). */
export type TriggerType = 'WebhookV2' | 'Webhook' | 'CloudWatchEvent' | 'PutActionRevision' | 'PollForSourceChanges'

/** One execution a trigger will start, in a pipeline spec or sent to POST /_emulator/trigger. */
export interface TriggerSpec {
  triggerType?: TriggerType // default WebhookV2 (a CodeConnections push or pull-request trigger)
  revision: string // the commit (or other revision) the source action runs
  sourceAction?: string // default: the pipeline's first source action
  delaySeconds?: number // after the pipeline was added (spec) or the request came (endpoint); default 0
  triggerDetail?: string // default: a webhook or event rule ARN for the type
}

/** A past execution, so that ListPipelineExecutions has something to show. */
export interface HistorySpec {
  status: FinalExecutionStatus
  durationSeconds: number
  startedSecondsAgo: number
  revision?: string // the source revision it ran
  statusSummary?: string
  triggerType?: TriggerSpec['triggerType'] // default: StartPipelineExecution
}

export interface PipelineSpec {
  name: string
  executionMode?: ExecutionMode // default SUPERSEDED
  pipelineType?: 'V1' | 'V2' // default V2
  defaultDurationSeconds?: number // for actions without durationSeconds; default 1
  variables?: VariableSpec[]
  stages: StageSpec[]
  history?: HistorySpec[] // newest first
  triggers?: TriggerSpec[] // executions its own trigger starts, delaySeconds after it is added (triggers.ts)
  /**
   * Fault: a stale read after RetryStageExecution. For this many seconds after a retry is accepted,
   * GetPipelineExecution and ListPipelineExecutions still answer the execution as it was before it (its old
   * status, summary and lastUpdateTime), as eventually consistent reads may. Default 0 (reads are current).
   */
  staleReadAfterRetrySeconds?: number
}

export type FaultKind =
  | 'throttle' // 400 ThrottlingException "Rate exceeded"
  | 'http500' // 500 InternalFailure
  | 'http503' // 503 ServiceUnavailable (AWS's common error)
  | 'drop' // connection destroyed without an answer
  | 'slow' // answered normally after delayMs
  | 'conflict' // 409 ConflictException
  | 'concurrentLimit' // 400 ConcurrentPipelineExecutionsLimitExceededException
  | 'expiredToken' // 400 ExpiredTokenException
  | 'accessDenied' // 400 AccessDeniedException "User: ... is not authorized to perform: <service>:<Operation>"
  | 'reset' // S3 uploads: the connection is destroyed once about half of the body arrived (elsewhere: as drop)
  | 'emptyPage' // GetLogEvents only: a forward read answers no events and a fresh token for the same place (logs.ts)

/**
 * One fault. Which matching requests it hits: every one, unless narrowed by
 * `after` (skip the first N), `every` (each Nth), `probability` (seeded),
 * `fromMs`/`untilMs` (emulator clock window); `times` caps how often it fires.
 */
export interface FaultRule {
  operation?: string | string[] // default: every operation
  kind: FaultKind
  times?: number
  after?: number
  every?: number
  probability?: number
  fromMs?: number
  untilMs?: number
  delayMs?: number // for 'slow'
  message?: string // overrides the default error message
  /** The request is carried out first, then its answer is the fault: a start that did start, answered 5xx or dropped. */
  afterWork?: boolean
}

export interface FaultConfig {
  /** Token bucket over all operations on the emulator clock; empty bucket → ThrottlingException. */
  rateLimit?: { requestsPerSecond: number; burst?: number }
  rules?: FaultRule[]
  seed?: number // for `probability`; default 1
}

/** Throws a one-line error naming the bad field of a spec. */
export type Fail = (field: string, problem: string) => never
