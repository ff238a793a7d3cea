// What the logs feature asks of CloudWatch Logs and CodeBuild: a small port, so that the rest never sees
// the SDK (loaded only when a log is actually read: clients.ts).

/** A CloudWatch Logs stream. */
export interface LogStream {
  group: string
  stream: string
}

export interface LogPage {
  messages: string[]
  /** Where the next forward read starts; the same token comes back at the end of the stream. */
  nextForwardToken?: string
}

export interface LogReader {
  /** Each build's CloudWatch Logs stream (BatchGetBuilds); a build without one (yet) is left out. */
  buildStreams(buildIds: string[], signal?: AbortSignal): Promise<Map<string, LogStream>>
  /** The last `limit` events of the stream (GetLogEvents, latest first as AWS pages them, returned in order). */
  tail(stream: LogStream, limit: number, signal?: AbortSignal): Promise<LogPage>
  /** Events from the head of the stream, or onwards from a forward token (GetLogEvents, startFromHead). */
  forward(stream: LogStream, token: string | undefined, signal?: AbortSignal): Promise<LogPage>
}

/** Creates the reader; the default imports the SDK clients on first use (clients.ts). */
export type LogReaderLoader = (region: string) => Promise<LogReader>
