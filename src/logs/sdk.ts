// The SDK side of the log reader. No endpoint and no credentials here on purpose: the SDK reads
// AWS_ENDPOINT_URL_CLOUDWATCH_LOGS / AWS_ENDPOINT_URL_CODEBUILD / AWS_ENDPOINT_URL and the default
// credential chain itself, like the CodePipeline client.
import { CloudWatchLogsClient, GetLogEventsCommand, type GetLogEventsCommandOutput } from '@aws-sdk/client-cloudwatch-logs'
import { BatchGetBuildsCommand, CodeBuildClient } from '@aws-sdk/client-codebuild'
import { ACTION_NAME, ACTION_VERSION } from '../version.js'
import type { LogPage, LogReader, LogStream } from './types.js'

// Logs are a nicety: a few quick tries, then the next poll (or a warning) rather than a long wait.
function clientConfig(region: string) {
  return {
    region,
    customUserAgent: [[ACTION_NAME, ACTION_VERSION]] as [string, string][],
    retryMode: 'standard',
    maxAttempts: 3,
    requestHandler: { requestTimeout: 15_000, throwOnRequestTimeout: true, connectionTimeout: 10_000 }
  }
}

function toPage(out: GetLogEventsCommandOutput): LogPage {
  return { messages: (out.events ?? []).map((e) => e.message ?? ''), nextForwardToken: out.nextForwardToken }
}

export function createSdkLogReader(region: string): LogReader {
  const logs = new CloudWatchLogsClient(clientConfig(region))
  const codebuild = new CodeBuildClient(clientConfig(region))
  const read = async (stream: LogStream, options: { limit?: number; startFromHead: boolean; nextToken?: string }, signal?: AbortSignal) =>
    toPage(
      await logs.send(new GetLogEventsCommand({ logGroupName: stream.group, logStreamName: stream.stream, ...options }), {
        abortSignal: signal
      })
    )
  return {
    async buildStreams(buildIds, signal) {
      const out = await codebuild.send(new BatchGetBuildsCommand({ ids: buildIds }), { abortSignal: signal })
      const streams = new Map<string, LogStream>()
      for (const build of out.builds ?? []) {
        const { groupName, streamName } = build.logs ?? {}
        if (build.id && groupName && streamName) streams.set(build.id, { group: groupName, stream: streamName })
      }
      return streams
    },
    tail: (stream, limit, signal) => read(stream, { limit, startFromHead: false }, signal),
    // GetLogEvents wants startFromHead: true with a nextToken (API reference).
    forward: (stream, token, signal) => read(stream, { startFromHead: true, nextToken: token }, signal)
  }
}
