// Reads logs for the rest of the feature, and is the one place where reading them can go wrong. Nothing here
// throws: a refused permission gives one notice naming it (and the link to the log), a log that is not there
// yet is simply empty, and anything else is one warning per action. The verdict never depends on it.
import type { ActionRun } from '../codepipeline/port.js'
import { awsErrorName, errorMessage } from '../errors.js'
import type { Log } from '../ports.js'
import { actionLabel, logSourceOf } from './locate.js'
import type { LogPage, LogReader, LogReaderLoader, LogStream } from './types.js'

export interface LogAccessDeps {
  log: Log
  region: string
  load: LogReaderLoader
  /** Where the execution is in the console, for actions without a link of their own. */
  consoleUrl: string
}

const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedException'])

export class LogAccess {
  private reader: Promise<LogReader> | undefined
  /** What was refused ('codebuild:BatchGetBuilds', 'logs:GetLogEvents <group>'): asked once, said once. */
  private readonly refused = new Set<string>()
  private readonly warned = new Set<string>()
  /** Each action run's stream once known. */
  private readonly streams = new Map<string, LogStream>()

  constructor(private readonly deps: LogAccessDeps) {}

  private load(): Promise<LogReader> {
    this.reader ??= this.deps.load(this.deps.region)
    return this.reader
  }

  /** The streams of these runs that are known by now; one BatchGetBuilds for every build not yet located. */
  async streamsOf(runs: ActionRun[], signal?: AbortSignal): Promise<Map<string, LogStream>> {
    const builds = new Map<string, ActionRun>()
    for (const run of runs) {
      const source = logSourceOf(run)
      if (source?.kind === 'stream') this.streams.set(run.actionExecutionId, source.stream)
      if (source?.kind === 'build' && !this.streams.has(run.actionExecutionId)) builds.set(source.buildId, run)
    }
    if (builds.size > 0 && !this.refused.has('codebuild:BatchGetBuilds')) {
      try {
        const found = await (await this.load()).buildStreams([...builds.keys()].slice(0, 100), signal)
        for (const [buildId, stream] of found) {
          const run = builds.get(buildId)
          if (run) this.streams.set(run.actionExecutionId, stream)
        }
      } catch (err) {
        for (const run of [...builds.values()].slice(0, 1)) this.failed(err, run, 'codebuild:BatchGetBuilds')
      }
    }
    const known = new Map<string, LogStream>()
    for (const run of runs) {
      const stream = this.streams.get(run.actionExecutionId)
      if (stream) known.set(run.actionExecutionId, stream)
    }
    return known
  }

  /** The last `limit` lines; undefined when they could not be read. */
  async tail(run: ActionRun, stream: LogStream, limit: number, signal?: AbortSignal): Promise<string[] | undefined> {
    return (await this.read(run, stream, (reader) => reader.tail(stream, limit, signal)))?.messages
  }

  /** The next page from the head or the token; undefined when it could not be read. */
  async forward(run: ActionRun, stream: LogStream, token: string | undefined, signal?: AbortSignal): Promise<LogPage | undefined> {
    return this.read(run, stream, (reader) => reader.forward(stream, token, signal))
  }

  private async read(run: ActionRun, stream: LogStream, send: (reader: LogReader) => Promise<LogPage>): Promise<LogPage | undefined> {
    const permission = `logs:GetLogEvents on log group ${stream.group}`
    if (this.refused.has(permission)) return undefined
    try {
      return await send(await this.load())
    } catch (err) {
      // CodeBuild creates the stream while the build is provisioning: not there yet is an empty log.
      if (awsErrorName(err) === 'ResourceNotFoundException') return { messages: [] }
      this.failed(err, run, permission)
      return undefined
    }
  }

  /** Where a run's log can be seen: the provider's link, else the execution in the console. */
  linkOf(run: ActionRun): string {
    return run.externalUrl ?? this.deps.consoleUrl
  }

  private failed(err: unknown, run: ActionRun, permission: string): void {
    if (err instanceof Error && err.name === 'AbortError') return
    const link = this.linkOf(run)
    if (DENIED.has(awsErrorName(err))) {
      if (this.refused.has(permission)) return
      this.refused.add(permission)
      this.deps.log.notice(
        `Build logs are not shown: the AWS credentials are not allowed ${permission}. Add it to the role's policy ` +
          `(see the README's IAM permissions) to see them here; meanwhile the log of ${actionLabel(run)} is at ${link}`,
        { title: `No build logs: ${permission.split(' ')[0]} is not allowed` }
      )
      return
    }
    if (this.warned.has(run.actionExecutionId)) return
    this.warned.add(run.actionExecutionId)
    this.deps.log.warning(`Could not read the log of ${actionLabel(run)} (${errorMessage(err)}); it is at ${link}`)
  }
}
