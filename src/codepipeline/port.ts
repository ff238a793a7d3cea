// The one place that talks to the AWS SDK. The rest of the action sees only CodePipelinePort.
import {
  CodePipelineClient,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  paginateListActionExecutions,
  paginateListRuleExecutions,
  PutApprovalResultCommand,
  RetryStageExecutionCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  type ActionExecutionDetail,
  type PipelineDeclaration,
  type PipelineVariable,
  type SourceRevisionOverride
} from '@aws-sdk/client-codepipeline'
import { partition } from '@aws-sdk/core/client'
import { abortable } from '../clock.js'
import { AwsCallError, awsErrorName, describeAwsError } from '../errors.js'
import { ACTION_NAME, ACTION_VERSION } from '../version.js'
import { toRuleRun, toStageViews, type RuleRun, type StageView } from './stages.js'

export type { RuleRun, StageView }

export interface StartRequest {
  pipelineName: string
  variables: PipelineVariable[]
  sourceRevisions: SourceRevisionOverride[]
  /** Idempotency: the same token gets the same execution back (request-token.ts). */
  clientRequestToken: string
}

export interface StopRequest {
  pipelineName: string
  executionId: string
  abandon: boolean
  reason: string
}

/** PutApprovalResult, always Approved: the step never rejects. */
export interface ApprovalRequest {
  pipelineName: string
  stageName: string
  actionName: string
  /** From GetPipelineState, for this execution's waiting approval. */
  token: string
  summary: string
}

export interface ExecutionState {
  /** A PipelineExecutionStatus, or a status newer than this SDK knows: kept as text, never guessed at. */
  status: string
  statusSummary?: string
  /** The revision of each source artifact, by artifact name (what an execution named by id ran). */
  artifactRevisions?: { name: string; revisionId?: string }[]
  /** The execution's resolved pipeline variables (GetPipelineExecution). */
  variables?: { name: string; value: string }[]
}

/** One action run of an execution, as ListActionExecutions tells it. Times are epoch ms. */
export interface ActionRun {
  actionExecutionId: string
  /** The execution it belongs to. */
  executionId?: string
  stageName: string
  actionName: string
  /** InProgress, Abandoned, Succeeded or Failed. */
  status: string
  category?: string
  provider?: string
  startTime?: number
  lastUpdateTime?: number
  externalUrl?: string
  summary?: string
  errorMessage?: string
  pipelineVersion?: number
  /** The provider's id of the run; for CodeBuild, the build id. */
  externalExecutionId?: string
  /** The CloudWatch Logs stream of a Commands action (or any action that reports one). */
  logStreamArn?: string
  /** The action's variable namespace, if it has one. */
  namespace?: string
  outputVariables?: Record<string, string>
}

/** The stages and their actions in pipeline order. */
export type Structure = { name: string; actions: string[] }[]

/** A past execution, from ListPipelineExecutions. Times are epoch ms. */
export interface PastExecution {
  id: string
  status: string
  startTime?: number
  lastUpdateTime?: number
  /** STANDARD or ROLLBACK. */
  type?: string
  triggerType?: string
  /** ROLLBACK executions: the execution whose revisions they redeploy. */
  rollbackTargetId?: string
  revisionIds?: string[]
  /** The reason given when it was stopped (stopTrigger.reason). */
  stopReason?: string
}

/** An execution as ListPipelineExecutions lists it: what ran on each source action, and what started it. */
export interface ListedExecution extends PastExecution {
  sourceRevisions: { actionName: string; revisionId?: string }[]
}

/** One page of ListPipelineExecutions, newest first. */
export interface ExecutionPage {
  executions: ListedExecution[]
  nextToken?: string
}

export interface CodePipelinePort {
  /** Returns the new execution's id (or, for a token already used, that execution's). */
  startExecution(request: StartRequest, signal?: AbortSignal): Promise<string>
  getExecution(pipelineName: string, executionId: string, signal?: AbortSignal): Promise<ExecutionState>
  stopExecution(request: StopRequest, signal?: AbortSignal): Promise<void>
  getPipeline(pipelineName: string, signal?: AbortSignal): Promise<PipelineDeclaration>
  /** Every action run of this execution (all pages), never another execution's. */
  listActionRuns(pipelineName: string, executionId: string, signal?: AbortSignal): Promise<ActionRun[]>
  /** The newest action runs of the pipeline, any execution's, newest first; one call (history.ts). */
  listPastActionRuns?(pipelineName: string, maxResults: number, signal?: AbortSignal): Promise<ActionRun[]>
  /** Stage and action names in order, from GetPipelineState (its states may be another execution's: unused). */
  getStructure(pipelineName: string, signal?: AbortSignal): Promise<Structure>
  /** The newest executions of the pipeline, newest first; one call. */
  listRecentExecutions(pipelineName: string, maxResults: number, signal?: AbortSignal): Promise<PastExecution[]>
  /** GetPipelineState, for explaining a wait (V2: conditions, queues, transitions, retries). */
  getStageViews?(pipelineName: string, signal?: AbortSignal): Promise<StageView[]>
  /** Every rule run of this execution (all pages). */
  listRuleRuns?(pipelineName: string, executionId: string, signal?: AbortSignal): Promise<RuleRun[]>
  /** One page of executions with their source revisions and triggers, newest first. */
  listExecutionPage(pipelineName: string, maxResults: number, nextToken?: string, signal?: AbortSignal): Promise<ExecutionPage>
  /** Approves a manual approval with its token (input approve). */
  putApprovalResult?(request: ApprovalRequest, signal?: AbortSignal): Promise<void>
  /** RetryStageExecution with FAILED_ACTIONS (on-rerun: retry). */
  retryStage?(pipelineName: string, stageName: string, executionId: string, signal?: AbortSignal): Promise<void>
}

const ms = (date: Date | undefined): number | undefined => date?.getTime()

function toActionRun(d: ActionExecutionDetail): ActionRun {
  const result = d.output?.executionResult
  return {
    actionExecutionId: d.actionExecutionId ?? `${d.stageName}/${d.actionName}`,
    executionId: d.pipelineExecutionId,
    stageName: d.stageName ?? '',
    actionName: d.actionName ?? '',
    status: d.status ?? 'Unknown',
    category: d.input?.actionTypeId?.category,
    provider: d.input?.actionTypeId?.provider,
    startTime: ms(d.startTime),
    lastUpdateTime: ms(d.lastUpdateTime),
    externalUrl: result?.externalExecutionUrl,
    summary: result?.externalExecutionSummary,
    errorMessage: result?.errorDetails?.message,
    pipelineVersion: d.pipelineVersion,
    externalExecutionId: result?.externalExecutionId,
    logStreamArn: result?.logStreamARN,
    namespace: d.input?.namespace,
    outputVariables: d.output?.outputVariables
  }
}

export interface ClientSettings {
  region: string
  /** A request that gets no answer for this long is a timeout, which the SDK retries. */
  requestTimeoutMs?: number
}

// CodePipeline answers in well under a second; half a minute of silence is a hung connection, not a slow answer.
export const REQUEST_TIMEOUT_MS = 30_000
const CONNECTION_TIMEOUT_MS = 10_000

/** Where the SDK will send requests, for error messages; the SDK itself resolves it the same way. */
export function describeEndpoint(region: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_ENDPOINT_URL_CODEPIPELINE || env.AWS_ENDPOINT_URL || `https://codepipeline.${region}.${partition(region).dnsSuffix}`
}

export function createCodePipelinePort(settings: ClientSettings): CodePipelinePort {
  return new SdkCodePipeline(settings)
}

/** The real port. No endpoint and no credentials here on purpose: the SDK reads AWS_ENDPOINT_URL[_CODEPIPELINE]
 * and the default credential chain itself. */
class SdkCodePipeline implements CodePipelinePort {
  private readonly client: CodePipelineClient
  // One request per try of the start: the SDK's quick retries would spend a throttled account's budget in a
  // burst, while retry.ts's jittered, growing backoff spreads a crowd of runners out (the token keeps it safe).
  private startClient: CodePipelineClient | undefined
  // Adaptive mode's client-side rate limiter, slowed down by a throttled poll loop, makes requests wait for
  // a send token, deaf to abort signals; the stop after a cancel must not queue behind it.
  private stopClient: CodePipelineClient | undefined
  private readonly endpoint: string

  constructor(private readonly settings: ClientSettings) {
    this.client = this.newClient('adaptive')
    this.endpoint = describeEndpoint(settings.region)
  }

  private newClient(retryMode: 'adaptive' | 'standard', maxAttempts = 5): CodePipelineClient {
    return new CodePipelineClient({
      region: this.settings.region,
      customUserAgent: [[ACTION_NAME, ACTION_VERSION]],
      retryMode,
      maxAttempts,
      requestHandler: {
        requestTimeout: this.settings.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
        throwOnRequestTimeout: true,
        connectionTimeout: CONNECTION_TIMEOUT_MS
      }
    })
  }

  // Every call ends when its signal aborts. The SDK is given the signal too (paginators pass it to each page's
  // send), so it stops retrying; the race also ends waits that do not listen (credentials, a hung socket).
  private async call<T>(iamAction: string, pipelineName: string, signal: AbortSignal | undefined, send: () => Promise<T>): Promise<T> {
    try {
      return await abortable(send(), signal)
    } catch (err) {
      if (err instanceof Error && err.name === 'AbortError') throw err
      const message = describeAwsError(err, { iamAction, pipelineName, region: this.settings.region, endpoint: this.endpoint })
      throw new AwsCallError(message, awsErrorName(err), err)
    }
  }

  async startExecution(
    { pipelineName, variables, sourceRevisions, clientRequestToken }: StartRequest,
    signal?: AbortSignal
  ): Promise<string> {
    const command = new StartPipelineExecutionCommand({
      name: pipelineName,
      // The model wants 1-50 variables when the list is present, so an empty one is left out.
      variables: variables.length > 0 ? variables : undefined,
      sourceRevisions: sourceRevisions.length > 0 ? sourceRevisions : undefined,
      // Ours, not the SDK's random one per command: a relaunched process must get its execution back.
      clientRequestToken
    })
    const client = (this.startClient ??= this.newClient('adaptive', 1))
    const out = await this.call('codepipeline:StartPipelineExecution', pipelineName, signal, () =>
      client.send(command, { abortSignal: signal })
    )
    if (!out.pipelineExecutionId) throw new AwsCallError('StartPipelineExecution returned no execution id.', 'Error', out)
    return out.pipelineExecutionId
  }

  async getExecution(pipelineName: string, executionId: string, signal?: AbortSignal): Promise<ExecutionState> {
    const command = new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId: executionId })
    const out = await this.call('codepipeline:GetPipelineExecution', pipelineName, signal, () =>
      this.client.send(command, { abortSignal: signal })
    )
    const execution = out.pipelineExecution
    const artifactRevisions = execution?.artifactRevisions?.map((r) => ({ name: r.name ?? '', revisionId: r.revisionId }))
    const variables = execution?.variables?.map((v) => ({ name: v.name ?? '', value: v.resolvedValue ?? '' }))
    return { status: execution?.status ?? 'Unknown', statusSummary: execution?.statusSummary, artifactRevisions, variables }
  }

  async stopExecution({ pipelineName, executionId, abandon, reason }: StopRequest, signal?: AbortSignal): Promise<void> {
    const command = new StopPipelineExecutionCommand({ pipelineName, pipelineExecutionId: executionId, abandon, reason })
    const client = (this.stopClient ??= this.newClient('standard'))
    await this.call('codepipeline:StopPipelineExecution', pipelineName, signal, () => client.send(command, { abortSignal: signal }))
  }

  async getPipeline(pipelineName: string, signal?: AbortSignal): Promise<PipelineDeclaration> {
    const command = new GetPipelineCommand({ name: pipelineName })
    const out = await this.call('codepipeline:GetPipeline', pipelineName, signal, () => this.client.send(command, { abortSignal: signal }))
    if (!out.pipeline) throw new AwsCallError(`GetPipeline returned no declaration for '${pipelineName}'.`, 'Error', out)
    return out.pipeline
  }

  async listActionRuns(pipelineName: string, executionId: string, signal?: AbortSignal): Promise<ActionRun[]> {
    return this.call('codepipeline:ListActionExecutions', pipelineName, signal, async () => {
      const runs: ActionRun[] = []
      const pages = paginateListActionExecutions(
        { client: this.client, pageSize: 100 },
        { pipelineName, filter: { pipelineExecutionId: executionId } },
        { abortSignal: signal }
      )
      for await (const page of pages) {
        runs.push(...(page.actionExecutionDetails ?? []).filter((d) => d.pipelineExecutionId === executionId).map(toActionRun))
      }
      return runs
    })
  }

  async listPastActionRuns(pipelineName: string, maxResults: number, signal?: AbortSignal): Promise<ActionRun[]> {
    const command = new ListActionExecutionsCommand({ pipelineName, maxResults })
    const out = await this.call('codepipeline:ListActionExecutions', pipelineName, signal, () =>
      this.client.send(command, { abortSignal: signal })
    )
    return (out.actionExecutionDetails ?? []).map(toActionRun)
  }

  async getStructure(pipelineName: string, signal?: AbortSignal): Promise<Structure> {
    const command = new GetPipelineStateCommand({ name: pipelineName })
    const out = await this.call('codepipeline:GetPipelineState', pipelineName, signal, () =>
      this.client.send(command, { abortSignal: signal })
    )
    return (out.stageStates ?? []).map((s) => ({ name: s.stageName ?? '', actions: (s.actionStates ?? []).map((a) => a.actionName ?? '') }))
  }

  async listRecentExecutions(pipelineName: string, maxResults: number, signal?: AbortSignal): Promise<PastExecution[]> {
    return (await this.listExecutionPage(pipelineName, maxResults, undefined, signal)).executions
  }

  async listExecutionPage(pipelineName: string, maxResults: number, nextToken?: string, signal?: AbortSignal): Promise<ExecutionPage> {
    const command = new ListPipelineExecutionsCommand({ pipelineName, maxResults, nextToken })
    const out = await this.call('codepipeline:ListPipelineExecutions', pipelineName, signal, () =>
      this.client.send(command, { abortSignal: signal })
    )
    const executions = (out.pipelineExecutionSummaries ?? []).map((e) => ({
      id: e.pipelineExecutionId ?? '',
      status: e.status ?? 'Unknown',
      startTime: ms(e.startTime),
      lastUpdateTime: ms(e.lastUpdateTime),
      type: e.executionType,
      triggerType: e.trigger?.triggerType,
      rollbackTargetId: e.rollbackMetadata?.rollbackTargetPipelineExecutionId,
      revisionIds: (e.sourceRevisions ?? []).map((r) => r.revisionId ?? ''),
      stopReason: e.stopTrigger?.reason,
      sourceRevisions: (e.sourceRevisions ?? []).map((r) => ({ actionName: r.actionName ?? '', revisionId: r.revisionId }))
    }))
    return { executions, nextToken: out.nextToken }
  }

  async getStageViews(pipelineName: string, signal?: AbortSignal): Promise<StageView[]> {
    const command = new GetPipelineStateCommand({ name: pipelineName })
    const out = await this.call('codepipeline:GetPipelineState', pipelineName, signal, () =>
      this.client.send(command, { abortSignal: signal })
    )
    return toStageViews(out)
  }

  async putApprovalResult({ pipelineName, stageName, actionName, token, summary }: ApprovalRequest, signal?: AbortSignal): Promise<void> {
    const result = { status: 'Approved' as const, summary }
    const command = new PutApprovalResultCommand({ pipelineName, stageName, actionName, token, result })
    await this.call('codepipeline:PutApprovalResult', pipelineName, signal, () => this.client.send(command, { abortSignal: signal }))
  }

  async retryStage(pipelineName: string, stageName: string, executionId: string, signal?: AbortSignal): Promise<void> {
    const command = new RetryStageExecutionCommand({
      pipelineName,
      stageName,
      pipelineExecutionId: executionId,
      retryMode: 'FAILED_ACTIONS'
    })
    await this.call('codepipeline:RetryStageExecution', pipelineName, signal, () => this.client.send(command, { abortSignal: signal }))
  }

  async listRuleRuns(pipelineName: string, executionId: string, signal?: AbortSignal): Promise<RuleRun[]> {
    return this.call('codepipeline:ListRuleExecutions', pipelineName, signal, async () => {
      const runs: RuleRun[] = []
      const pages = paginateListRuleExecutions(
        { client: this.client, pageSize: 100 },
        { pipelineName, filter: { pipelineExecutionId: executionId } },
        { abortSignal: signal }
      )
      for await (const page of pages) {
        runs.push(...(page.ruleExecutionDetails ?? []).filter((d) => d.pipelineExecutionId === executionId).map(toRuleRun))
      }
      return runs
    })
  }
}
