// CodeBuild's BatchGetBuilds (CodeBuild_20161006), for the builds the pipelines' CodeBuild actions ran: the
// action execution's externalExecutionId is the build id (project:uuid). Only the members a reader of build
// logs needs, in the API reference's shapes; unknown ids are listed in buildsNotFound, as CodeBuild does.
import type { Structure } from './constraints.js'
import type { ActionRun } from './engine.js'
import { ServiceError } from './errors.js'
import type { PipelineStore, RequestContext } from './operations.js'
import type { Pipeline } from './spec.js'
import { codeBuildProject, logLocation, logStreamArn } from './streams.js'

const ACCOUNT = '123456789012' // the emulator's one account, as in views.ts

// BatchGetBuilds' input as the CodeBuild API reference gives it: 1-100 ids, each a NonEmptyString.
export const batchGetBuildsInput: Structure = {
  type: 'structure',
  required: ['ids'],
  members: { ids: { type: 'list', min: 1, max: 100, member: { type: 'string', min: 1 } } }
}

const BUILD_STATUS: Record<ActionRun['status'], string> = {
  InProgress: 'IN_PROGRESS',
  Succeeded: 'SUCCEEDED',
  Failed: 'FAILED',
  Abandoned: 'STOPPED'
}

function buildView(pipeline: Pipeline, run: ActionRun, region: string) {
  const location = logLocation(pipeline, run)!
  const done = run.status !== 'InProgress'
  const group = encodeURIComponent(encodeURIComponent(location.group))
  return {
    id: run.externalExecutionId,
    arn: `arn:aws:codebuild:${region}:${ACCOUNT}:build/${run.externalExecutionId}`,
    startTime: run.startMs / 1000,
    ...(done ? { endTime: run.endMs / 1000 } : {}),
    currentPhase: done ? 'COMPLETED' : 'BUILD',
    buildStatus: BUILD_STATUS[run.status],
    projectName: codeBuildProject(run.action),
    initiator: `codepipeline/${pipeline.name}`,
    buildComplete: done,
    logs: {
      groupName: location.group,
      streamName: location.stream,
      deepLink: `https://console.aws.amazon.com/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${group}/log-events/${location.stream}`,
      cloudWatchLogsArn: logStreamArn(region, location),
      cloudWatchLogs: { status: 'ENABLED', ...(run.action.logGroup ? { groupName: run.action.logGroup } : {}) }
    }
  }
}

export function batchGetBuilds(store: PipelineStore, body: { ids?: unknown }, ctx: RequestContext): object {
  const ids = body.ids as string[] // validated: 1-100 non-empty strings
  // A build id is <project>:<uuid>; CodeBuild refuses anything else outright.
  if (ids.some((id) => !/^[A-Za-z0-9][A-Za-z0-9\-_]{1,254}:[^:]+$/.test(id)))
    throw new ServiceError('InvalidInputException', 'Invalid build ID provided')
  const builds = new Map<string, object>()
  for (const runtime of store.all(ctx.now)) {
    for (const e of runtime.executions) {
      for (const run of e.runs) {
        if (run.action.provider === 'CodeBuild' && ids.includes(run.externalExecutionId))
          builds.set(run.externalExecutionId, buildView(runtime.pipeline, run, store.region))
      }
    }
  }
  const unique = [...new Set(ids)]
  return { builds: unique.flatMap((id) => builds.get(id) ?? []), buildsNotFound: unique.filter((id) => !builds.has(id)) }
}
