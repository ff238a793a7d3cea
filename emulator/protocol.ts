// CodePipeline's wire protocol (AWS JSON 1.1): one POST / per call, the operation in X-Amz-Target,
// answers as JSON with an x-amzn-RequestId; errors carry __type. Faults are applied here, before any work.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ServiceError } from './errors.js'
import type { RequestBody } from './inputs.js'
import type { FaultDecision, FaultInjector } from './faults.js'
import type { PipelineStore } from './operations.js'
import type { Clock } from './types.js'
import { resolveTarget } from './services.js'
import { validateInput } from './validation.js'

export const TARGET_PREFIX = 'CodePipeline_20150709.'
export const CONTENT_TYPE = 'application/x-amz-json-1.1'

/** One request as received; `Body` narrows to an operation's input when a caller asks for that operation. */
export interface RecordedRequest<Body = RequestBody> {
  operation: string // e.g. 'StartPipelineExecution'
  body: Body // the parsed JSON body as sent ({} when it was not a JSON object; see `text`)
  text: string // the raw body
  time: number // clock ms when received
  status: number // HTTP status answered (0 if the connection was dropped)
  errorType?: string // __type when an error was answered
  headers: Record<string, string | string[] | undefined>
}

export interface ProtocolDeps {
  store: PipelineStore
  faults: FaultInjector
  clock: Clock
  record: RecordedRequest[]
  sleep: (ms: number) => Promise<void>
  log?: (line: string) => void
}

const FAULT_ERRORS: Partial<Record<FaultDecision['kind'], [string, string, number]>> = {
  throttle: ['ThrottlingException', 'Rate exceeded', 400],
  http500: ['InternalFailure', 'We encountered an internal error. Please try again.', 500],
  // AWS's common error for a 503 (CodePipeline declares no ServiceUnavailableException).
  http503: ['ServiceUnavailable', 'Service Unavailable', 503],
  conflict: [
    'ConflictException',
    'Your request cannot be handled because the pipeline is busy handling ongoing activities. Try again later.',
    409
  ],
  concurrentLimit: [
    'ConcurrentPipelineExecutionsLimitExceededException',
    'The pipeline has reached the limit for concurrent pipeline executions.',
    400
  ],
  expiredToken: ['ExpiredTokenException', 'The security token included in the request is expired', 403]
}

export async function handleAwsRequest(deps: ProtocolDeps, req: IncomingMessage, res: ServerResponse, text: string) {
  const received = deps.clock.now()
  const target = header(req, 'x-amz-target') ?? ''
  const resolved = resolveTarget(deps.store, target)
  const operation = resolved?.operation ?? (target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target)
  const entry: RecordedRequest = { operation, body: parseOrEmpty(text), text, time: received, status: 0, headers: { ...req.headers } }
  deps.record.push(entry)
  const answer = (status: number, payload: object, errorType?: string) => {
    Object.assign(entry, { status, errorType })
    deps.log?.(`${new Date(received).toISOString()} ${operation || '(no target)'} ${status}${errorType ? ` ${errorType}` : ''}`)
    if (res.destroyed) return
    const body = JSON.stringify(payload)
    const headers: Record<string, string> = { 'content-type': CONTENT_TYPE, 'x-amzn-RequestId': randomUUID() }
    if (errorType !== undefined) headers['x-amzn-ErrorType'] = errorType
    res.writeHead(status, headers).end(body)
  }
  try {
    if (resolved === undefined)
      throw new ServiceError('UnknownOperationException', `Operation '${target}' is not supported by this service`, 404)
    if (header(req, 'authorization') === undefined)
      throw new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403)
    const fault = deps.faults.decide(operation, received)
    const work = () => {
      const input = parseInput(text)
      validateInput(resolved.input, input)
      return resolved.run(input, { now: deps.clock.now(), callerArn: callerArn(req), emptyPage: fault?.kind === 'emptyPage' })
    }
    if (fault?.afterWork && fault.kind !== 'slow') return loseAnswer(deps, fault, work, req)
    if (fault?.kind === 'drop' || fault?.kind === 'reset') {
      deps.log?.(`${new Date(received).toISOString()} ${operation} dropped`)
      return void req.socket.destroy()
    }
    if (fault?.kind === 'slow') await deps.sleep(fault.delayMs)
    else if (fault?.kind === 'accessDenied') throw accessDenied(fault, callerArn(req), `${resolved.iamPrefix}:${operation}`)
    else if (fault !== undefined && fault.kind !== 'emptyPage') throw faultError(fault)
    answer(200, work())
  } catch (error) {
    if (error instanceof ServiceError) answer(error.status, { __type: error.type, message: error.message }, error.type)
    else answer(500, { __type: 'InternalFailure', message: String(error) }, 'InternalFailure')
  }
}

/** Does the work, then loses the answer: the caller cannot tell whether it happened. */
function loseAnswer(deps: ProtocolDeps, fault: FaultDecision, work: () => unknown, req: IncomingMessage): void {
  work()
  if (fault.kind !== 'drop' && fault.kind !== 'reset') throw faultError(fault)
  deps.log?.(`${new Date(deps.clock.now()).toISOString()} answer dropped after the work`)
  req.socket.destroy()
}

function faultError(fault: FaultDecision): ServiceError {
  const [type, message, status] = FAULT_ERRORS[fault.kind]!
  return new ServiceError(type, fault.message ?? message, status)
}

/** IAM's wording, which names the action to allow (the action's notices quote it). */
function accessDenied(fault: FaultDecision, caller: string, iamAction: string): ServiceError {
  const message =
    fault.message ??
    `User: ${caller} is not authorized to perform: ${iamAction} because no identity-based policy allows the ${iamAction} action`
  return new ServiceError('AccessDeniedException', message)
}

function parseInput(text: string): Record<string, unknown> {
  if (text.trim() === '') return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new ServiceError('SerializationException', 'The request body is not valid JSON')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ServiceError('SerializationException', 'The request body must be a JSON object')
  return value as Record<string, unknown>
}

function parseOrEmpty(text: string): RequestBody {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}
  } catch {
    return {}
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** Who started an execution (trigger.triggerDetail): derived from the SigV4 credential's access key id. */
function callerArn(req: IncomingMessage): string {
  const keyId = /Credential=([^/,\s]+)/.exec(header(req, 'authorization') ?? '')?.[1] ?? 'anonymous'
  return `arn:aws:sts::123456789012:assumed-role/emulator/${keyId}`
}
