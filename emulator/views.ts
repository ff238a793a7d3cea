// Renders engine state in the shapes of CodePipeline's answers. Timestamps are epoch seconds.
import type { ActionRun, Execution, PipelineRuntime, SourceRevision } from './engine.js'
import { approvalStateView } from './approvals.js'
import { sourceActions, type Action, type Pipeline } from './spec.js'
import { stageConditionsDeclaration, stageV2View } from './stage-views.js'
import { compact, errorDetails, seconds } from './shapes.js'
import { logLocation, logStreamArn } from './streams.js'

export const ACCOUNT = '123456789012'
const bucket = (region: string): string => `codepipeline-${region}-${ACCOUNT}`

const trigger = (e: Execution) => ({ triggerType: e.triggerType, triggerDetail: e.triggerDetail })
const rollbackMetadata = (e: Execution) =>
  e.rollbackTargetId === undefined ? undefined : { rollbackTargetPipelineExecutionId: e.rollbackTargetId }

export function executionView(runtime: PipelineRuntime, e: Execution) {
  return compact({
    pipelineName: runtime.pipeline.name,
    pipelineVersion: runtime.version,
    pipelineExecutionId: e.id,
    status: e.status,
    statusSummary: e.statusSummary,
    artifactRevisions: e.revisions.map((r) => artifactRevision(runtime, r)),
    variables: e.variables.length > 0 ? e.variables : undefined,
    trigger: trigger(e),
    executionMode: e.mode,
    executionType: e.type,
    rollbackMetadata: rollbackMetadata(e)
  })
}

function artifactRevision(runtime: PipelineRuntime, r: SourceRevision) {
  const action = sourceActions(runtime.pipeline).find((a) => a.name === r.actionName)
  return compact({
    name: action?.outputArtifacts[0] ?? 'SourceArtifact',
    revisionId: r.revisionId,
    revisionChangeIdentifier: r.changeIdentifier,
    revisionSummary: r.summary,
    created: seconds(r.createdMs),
    revisionUrl: r.url
  })
}

/** The execution as a read answers it now: as it was before a retry while the staleReadAfterRetrySeconds fault lasts. */
export function asRead(e: Execution, now: number): Execution {
  const stale = e.staleRead
  if (stale === undefined || now >= stale.untilMs) return e
  return { ...e, status: stale.status, statusSummary: stale.statusSummary, lastUpdateMs: stale.lastUpdateMs }
}

export function summaryView(e: Execution) {
  return compact({
    pipelineExecutionId: e.id,
    status: e.status,
    statusSummary: e.statusSummary,
    startTime: seconds(e.startMs),
    lastUpdateTime: seconds(e.lastUpdateMs),
    sourceRevisions: e.revisions.map((r) =>
      compact({ actionName: r.actionName, revisionId: r.revisionId, revisionSummary: r.summary, revisionUrl: r.url })
    ),
    trigger: trigger(e),
    stopTrigger: e.stopReason === undefined ? undefined : { reason: e.stopReason },
    executionMode: e.mode,
    executionType: e.type,
    rollbackMetadata: rollbackMetadata(e)
  })
}

export function actionDetailView(runtime: PipelineRuntime, e: Execution, run: ActionRun, region: string) {
  const { action } = run
  const done = run.status !== 'InProgress'
  const artifact = (name: string) => ({
    name,
    s3location: { bucket: bucket(region), key: `${runtime.pipeline.name.slice(0, 20)}/${name.slice(0, 20)}/${e.id.slice(0, 7)}` }
  })
  return {
    pipelineExecutionId: e.id,
    actionExecutionId: run.id,
    pipelineVersion: runtime.version,
    stageName: run.stage.name,
    actionName: action.name,
    startTime: seconds(run.startMs),
    lastUpdateTime: seconds(done ? run.endMs : run.startMs),
    status: run.status,
    input: compact({
      actionTypeId: actionTypeId(action),
      configuration: action.configuration,
      resolvedConfiguration: action.configuration,
      region,
      inputArtifacts: action.inputArtifacts.map(artifact),
      namespace: action.namespace
    }),
    output: compact({
      outputArtifacts: done ? action.outputArtifacts.map(artifact) : [],
      executionResult: executionResult(runtime.pipeline, run, region),
      outputVariables: run.status === 'Succeeded' ? outputVariables(action, e) : undefined
    })
  }
}

function executionResult(pipeline: Pipeline, run: ActionRun, region: string) {
  // Commands actions name their log stream here; CodeBuild actions leave it to BatchGetBuilds.
  const location = run.action.provider === 'Commands' ? logLocation(pipeline, run) : undefined
  return compact({
    externalExecutionId: run.externalExecutionId,
    externalExecutionSummary: run.status === 'InProgress' ? undefined : resultSummary(run),
    externalExecutionUrl: externalUrl(run, region),
    errorDetails:
      run.status === 'Failed' ? errorDetails({ ...run.action, errorMessage: run.errorMessage ?? run.action.errorMessage }) : undefined,
    logStreamARN: location && logStreamArn(region, location)
  })
}

function resultSummary(run: ActionRun): string | undefined {
  if (run.status === 'Abandoned') return 'Abandoned: the pipeline execution was stopped'
  return run.answerSummary ?? run.action.summary
}

export function externalUrl(run: ActionRun, region: string): string | undefined {
  const { action } = run
  const template =
    action.externalUrl ??
    (action.provider === 'CodeBuild'
      ? `https://console.aws.amazon.com/codesuite/codebuild/${ACCOUNT}/projects/${action.configuration.ProjectName ?? action.name}/build/{externalExecutionId}/log?region={region}`
      : undefined)
  if (action.category === 'Source' && template === undefined) {
    const repository = action.configuration.FullRepositoryId
    return repository === undefined ? undefined : `https://github.com/${repository}/commit/${run.externalExecutionId}`
  }
  return template?.replaceAll('{externalExecutionId}', encodeURIComponent(run.externalExecutionId)).replaceAll('{region}', region)
}

function outputVariables(action: Action, e: Execution) {
  const revision = e.revisions.find((r) => r.actionName === action.name)
  if (action.category === 'Source' && revision?.outputVariables !== undefined) return revision.outputVariables
  if (action.provider !== 'CodeStarSourceConnection') return action.outputVariables
  return compact<Record<string, string | undefined>>({
    CommitId: revision?.revisionId,
    BranchName: action.configuration.BranchName,
    FullRepositoryName: action.configuration.FullRepositoryId,
    ConnectionArn: action.configuration.ConnectionArn,
    ProviderType: 'GitHub',
    CommitMessage: action.revisionSummary ?? 'Update README.md'
  })
}

const actionTypeId = (a: Action) => ({ category: a.category, owner: a.owner, provider: a.provider, version: a.version })

export function pipelineView(runtime: PipelineRuntime, region: string) {
  const p = runtime.pipeline
  return {
    pipeline: compact({
      name: p.name,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/AWSCodePipelineServiceRole-${region}-${p.name}`.slice(0, 1024),
      artifactStore: { type: 'S3', location: bucket(region) },
      stages: p.stages.map((s) => ({
        name: s.name,
        ...stageConditionsDeclaration(s),
        actions: s.actions.map((a) =>
          compact({
            name: a.name,
            actionTypeId: actionTypeId(a),
            runOrder: a.runOrder,
            configuration: a.configuration,
            outputArtifacts: a.outputArtifacts.map((name) => ({ name })),
            inputArtifacts: a.inputArtifacts.map((name) => ({ name })),
            namespace: a.namespace
          })
        )
      })),
      version: runtime.version,
      executionMode: p.executionMode,
      pipelineType: p.pipelineType,
      variables: p.variables.length > 0 ? p.variables.map((v) => compact({ ...v })) : undefined
    }),
    metadata: {
      pipelineArn: `arn:aws:codepipeline:${region}:${ACCOUNT}:${p.name}`,
      created: seconds(runtime.createdMs),
      updated: seconds(runtime.createdMs)
    }
  }
}

export function stateView(runtime: PipelineRuntime, region: string) {
  const newestFirst = [...runtime.executions].reverse()
  return {
    pipelineName: runtime.pipeline.name,
    pipelineVersion: runtime.version,
    stageStates: runtime.pipeline.stages.map((stage, i) => {
      const latest = newestFirst.find((e) => e.stageStatus[i] !== undefined)
      const inbound = runtime.inbound(i).map((e) => ({ pipelineExecutionId: e.id, status: 'InProgress', type: e.type }))
      return compact({
        stageName: stage.name,
        inboundExecution: inbound[0],
        // QUEUED mode: every waiting execution, in the order they will enter.
        inboundExecutions: inbound.length > 0 ? inbound : undefined,
        inboundTransitionState: transitionView(runtime, i),
        actionStates: stage.actions.map((action) => {
          const run = newestFirst.flatMap((e) => [...e.runs].reverse()).find((r) => r.stageIndex === i && r.action === action)
          const e = run && runtime.find(run.executionId)
          return compact({ actionName: action.name, latestExecution: run && actionStateView(run, e, region) })
        }),
        latestExecution: latest && { pipelineExecutionId: latest.id, status: latest.stageStatus[i], type: latest.type },
        ...(latest === undefined ? {} : stageV2View(latest, stage, i))
      })
    }),
    created: seconds(runtime.createdMs),
    updated: seconds(runtime.createdMs)
  }
}

function transitionView(runtime: PipelineRuntime, i: number) {
  const t = runtime.transitions.state(i)
  return compact({
    enabled: t.enabled,
    lastChangedBy: t.lastChangedBy,
    lastChangedAt: t.lastChangedMs === undefined ? undefined : seconds(t.lastChangedMs),
    disabledReason: t.disabledReason
  })
}

function actionStateView(run: ActionRun, e: Execution | undefined, region: string) {
  return compact({
    actionExecutionId: run.id,
    status: run.status,
    summary: run.status === 'InProgress' ? undefined : resultSummary(run),
    ...approvalStateView(run, e),
    lastStatusChange: seconds(run.status === 'InProgress' ? run.startMs : run.endMs),
    externalExecutionId: run.externalExecutionId,
    externalExecutionUrl: externalUrl(run, region),
    errorDetails:
      run.status === 'Failed' ? errorDetails({ ...run.action, errorMessage: run.errorMessage ?? run.action.errorMessage }) : undefined
  })
}
