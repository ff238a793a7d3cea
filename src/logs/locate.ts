// Which action runs have a log, and where: a CodeBuild action's build id (externalExecutionId) leads to its
// stream through BatchGetBuilds (the project may log to a custom group); a Commands action, or any action
// that reports one, names its stream in output.executionResult.logStreamARN.
import type { ActionRun } from '../codepipeline/port.js'
import type { LogStream } from './types.js'

export type LogSource = { kind: 'build'; buildId: string } | { kind: 'stream'; stream: LogStream }

// arn:<partition>:logs:<region>:<account>:log-group:<group>:log-stream:<stream>; neither name may hold a colon.
const STREAM_ARN = /^arn:[\w-]+:logs:[\w-]*:\d*:log-group:([^:]+):log-stream:([^:*]+)$/

export function parseLogStreamArn(arn: string): LogStream | undefined {
  const m = STREAM_ARN.exec(arn)
  return m?.[1] && m[2] ? { group: m[1], stream: m[2] } : undefined
}

export function logSourceOf(run: ActionRun): LogSource | undefined {
  const stream = run.logStreamArn ? parseLogStreamArn(run.logStreamArn) : undefined
  if (stream) return { kind: 'stream', stream }
  if (run.provider === 'CodeBuild' && run.externalExecutionId) return { kind: 'build', buildId: run.externalExecutionId }
  return undefined
}

/** How the log and the step's log call an action. */
export function actionLabel(run: Pick<ActionRun, 'stageName' | 'actionName'>): string {
  return `${run.stageName} / ${run.actionName}`
}
