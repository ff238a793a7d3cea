// CloudWatch Logs' GetLogEvents (Logs_20140328), over the streams the pipelines' compute actions write.
// As the API reference says: the latest events unless startFromHead; at most `limit` events (default as
// many as fit in 1 MB, up to 10,000); nextForwardToken and nextBackwardToken always; a forward token at
// the end of the stream comes back unchanged; a nextForwardToken needs startFromHead: true. An empty page does not
// mean the end (the API reference: a read can return no events while more are available through the token): the
// emptyPage fault answers a forward read that way, with a fresh forward token for the same place.
import { createHash } from 'node:crypto'
import type { Structure } from './constraints.js'
import { ServiceError } from './errors.js'
import type { PipelineStore, RequestContext } from './operations.js'
import { logGroupOf, logLocation, writtenEvents, type LogEvent } from './streams.js'

// GetLogEvents' input members as the CloudWatch Logs API reference gives them.
export const getLogEventsInput: Structure = {
  type: 'structure',
  required: ['logStreamName'],
  members: {
    logGroupName: { type: 'string', min: 1, max: 512, pattern: '[\\.\\-_/#A-Za-z0-9]+' },
    logGroupIdentifier: { type: 'string', min: 1, max: 2048, pattern: '[\\w#+=/:,.@-]*' },
    logStreamName: { type: 'string', min: 1, max: 512, pattern: '[^:*]*' },
    startTime: { type: 'integer', min: 0 },
    endTime: { type: 'integer', min: 0 },
    nextToken: { type: 'string', min: 1 },
    limit: { type: 'integer', min: 1, max: 10000 },
    startFromHead: { type: 'boolean' },
    unmask: { type: 'boolean' }
  }
}

const MAX_BYTES = 1_048_576
// Each event's size as CloudWatch Logs counts it: the UTF-8 message plus 26 bytes.
const eventBytes = (e: LogEvent): number => Buffer.byteLength(e.message, 'utf8') + 26

const invalidParameter = (message: string) => new ServiceError('InvalidParameterException', message)
const notFound = (what: string) => new ServiceError('ResourceNotFoundException', `The specified log ${what} does not exist.`)

/** GetLogEvents' input, once validated against getLogEventsInput. */
interface GetLogEventsBody {
  logGroupName?: string
  logGroupIdentifier?: string
  logStreamName: string
  startTime?: number
  endTime?: number
  nextToken?: string
  limit?: number
  startFromHead?: boolean
}

function groupName({ logGroupName, logGroupIdentifier }: GetLogEventsBody): string {
  if ((logGroupName === undefined) === (logGroupIdentifier === undefined))
    throw invalidParameter('Exactly one of logGroupName or logGroupIdentifier must be specified.')
  if (logGroupName !== undefined) return logGroupName
  // An identifier is the group's name or its ARN (arn:aws:logs:region:account:log-group:NAME, no trailing :*).
  const arn = /^arn:[^:]+:logs:[^:]*:\d{12}:log-group:([^:]+)$/.exec(logGroupIdentifier!)
  return arn?.[1] ?? (logGroupIdentifier as string)
}

/** The stream's events so far, or ResourceNotFoundException as CloudWatch Logs words it. */
function findStream(store: PipelineStore, group: string, stream: string, now: number): LogEvent[] {
  let groupExists = false
  for (const runtime of store.all(now)) {
    const { pipeline } = runtime
    groupExists ||= pipeline.stages.some((s) => s.actions.some((a) => logGroupOf(pipeline, a) === group))
    for (const e of runtime.executions) {
      for (const run of e.runs) {
        const at = logLocation(pipeline, run)
        if (at?.group === group && at.stream === stream) return writtenEvents(run, now)
      }
    }
  }
  throw notFound(groupExists ? 'stream' : 'group')
}

const fingerprint = (group: string, stream: string): string =>
  createHash('sha256').update(`${group}\u0000${stream}`).digest('hex').slice(0, 16)

// `gap` tells apart the tokens of empty pages at the same place, as a real token differs from the one sent.
function token(direction: 'f' | 'b', index: number, stream: string, gap = 0): string {
  return `${direction}/${String(index).padStart(20, '0')}/${stream}${gap > 0 ? `/${gap}` : ''}`
}

function readToken(value: string, stream: string, size: number): { direction: 'f' | 'b'; index: number; gap: number } {
  const m = /^([fb])\/(\d{20})\/([0-9a-f]{16})(?:\/(\d{1,9}))?$/.exec(value)
  if (m === null || m[3] !== stream || Number(m[2]) > size) throw invalidParameter('The specified nextToken is invalid.')
  return { direction: m[1] as 'f' | 'b', index: Number(m[2]), gap: Number(m[4] ?? 0) }
}

/** Events from `from` forwards (or up to `to` backwards) within the limit and the 1 MB answer size. */
function page(events: LogEvent[], from: number, forward: boolean, limit: number): [number, number] {
  let bytes = 0
  let count = 0
  const available = forward ? events.length - from : from
  while (count < Math.min(limit, available)) {
    const next = events.at(forward ? from + count : from - count - 1)!
    if (bytes + eventBytes(next) > MAX_BYTES) break
    bytes += eventBytes(next)
    count++
  }
  return forward ? [from, from + count] : [from - count, from]
}

function emptyPage(index: number, stream: string, gap: number): object {
  return { events: [], nextForwardToken: token('f', index, stream, gap), nextBackwardToken: token('b', index, stream) }
}

export function getLogEvents(store: PipelineStore, input: object, ctx: RequestContext): object {
  const body = input as GetLogEventsBody // validated against getLogEventsInput
  const group = groupName(body)
  const stream = fingerprint(group, body.logStreamName)
  const inRange = (e: LogEvent) =>
    (body.startTime === undefined || e.timestamp >= body.startTime) && (body.endTime === undefined || e.timestamp < body.endTime)
  const events = findStream(store, group, body.logStreamName, ctx.now).filter(inRange)
  const limit = body.limit ?? 10000
  let range: [number, number]
  if (body.nextToken !== undefined) {
    const at = readToken(body.nextToken, stream, events.length)
    // The API reference: only a nextForwardToken needs startFromHead: true; a backward token reads on backwards.
    if (at.direction === 'f' && body.startFromHead !== true) throw invalidParameter('A nextForwardToken requires startFromHead to be true.')
    if (ctx.emptyPage && at.direction === 'f') return emptyPage(at.index, stream, at.gap + 1)
    range = page(events, at.index, at.direction === 'f', limit)
  } else if (body.startFromHead === true) {
    if (ctx.emptyPage) return emptyPage(0, stream, 1)
    range = page(events, 0, true, limit)
  } else {
    range = page(events, events.length, false, limit)
  }
  const [start, end] = range
  // At the end of the stream, the forward token sent comes back unchanged (one an empty page gave, too).
  const ended = body.nextToken?.startsWith('f/') === true && start === end
  return {
    events: events.slice(start, end).map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.timestamp + 150 })),
    nextForwardToken: ended ? body.nextToken : token('f', end, stream),
    nextBackwardToken: token('b', start, stream)
  }
}
