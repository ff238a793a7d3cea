// Where a compute action's log lives in CloudWatch Logs, and which of its lines exist at a given time.
// CodeBuild writes to /aws/codebuild/<project> (or the project's custom group), one stream per build named
// after the build's UUID; a Commands action writes to /aws/codepipeline/<pipeline> and reports its stream's
// ARN in output.executionResult.logStreamARN.
import type { ActionRun } from './engine.js'
import type { Action, Pipeline } from './spec.js'

const ACCOUNT = '123456789012' // the emulator's one account, as in views.ts

export interface LogLocation {
  group: string
  stream: string
}

export interface LogEvent {
  timestamp: number
  message: string
}

export const codeBuildProject = (action: Action): string => action.configuration.ProjectName ?? action.name

/** The log group an action of this pipeline writes to, whether or not it has run. */
export function logGroupOf(pipeline: Pipeline, action: Action): string | undefined {
  if (action.provider === 'CodeBuild') return action.logGroup ?? `/aws/codebuild/${codeBuildProject(action)}`
  if (action.provider === 'Commands') return `/aws/codepipeline/${pipeline.name}`
  return undefined
}

export function logLocation(pipeline: Pipeline, run: ActionRun): LogLocation | undefined {
  const group = logGroupOf(pipeline, run.action)
  if (group === undefined) return undefined
  const stream = run.action.provider === 'CodeBuild' ? (run.externalExecutionId.split(':')[1] ?? run.id) : run.id
  return { group, stream }
}

export function logStreamArn(region: string, location: LogLocation): string {
  return `arn:aws:logs:${region}:${ACCOUNT}:log-group:${location.group}:log-stream:${location.stream}`
}

/** The lines written by `now`: a stopped (abandoned) action wrote nothing after it ended. */
export function writtenEvents(run: ActionRun, now: number): LogEvent[] {
  const until = run.status === 'InProgress' ? now : Math.min(now, run.endMs)
  return run.action.logs
    .map((line) => ({ timestamp: run.startMs + line.offsetMs, message: line.message }))
    .filter((event) => event.timestamp <= until)
}
