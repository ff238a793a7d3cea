// A local CodePipeline service for tests, the demo and the benchmark. Start it, point the SDK at `url`
// (or AWS_ENDPOINT_URL_CODEPIPELINE), close it. Test and demo tooling only: never bundled into the action.
import type { OperationInputs, OperationName } from './inputs.js'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FaultInjector } from './faults.js'
import { PipelineStore, type ConsoleApproval } from './operations.js'
import { handleAwsRequest, type ProtocolDeps, type RecordedRequest } from './protocol.js'
import { samplePipeline } from './sample.js'
import { routeTrigger, type TriggerRequest } from './triggers.js'
import type { Clock, FaultConfig, PipelineSpec } from './types.js'

export type { RecordedRequest } from './protocol.js'
export type { OperationInputs, OperationName } from './inputs.js'
export type * from './types.js'
export type { TriggerRequest } from './triggers.js'
export type { ConsoleApproval } from './operations.js'
export { loadPipelines } from './spec.js'
export { githubSourceStage, samplePipeline, SAMPLE_PIPELINE_NAME, SAMPLE_REPOSITORY, type SampleOptions } from './sample.js'

export interface EmulatorOptions {
  port?: number // default 0 = ephemeral
  host?: string // default '127.0.0.1'
  pipelines?: PipelineSpec[] // default: [samplePipeline()]
  clock?: Clock // default: Date.now; executions advance on it
  faults?: FaultConfig // can be changed later with setFaults
  region?: string // default 'us-east-1' (used in ARNs)
  log?: (line: string) => void // optional request log for the CLI
}

export interface Emulator {
  url: string
  /** Every request received; with an operation, only its requests, their bodies typed as the model's input. */
  requests(): RecordedRequest[]
  requests<K extends OperationName>(operation: K): RecordedRequest<OperationInputs[K]>[]
  requests(operation?: string): RecordedRequest[]
  clearRequests(): void
  setFaults(faults: FaultConfig): void
  addPipeline(spec: PipelineSpec): void
  /** Answers the waiting approval at stageName.actionName as someone in the console would; returns its execution's id. */
  answerApproval(answer: ConsoleApproval): string
  /** Starts an execution as the pipeline's own trigger would, after spec.delaySeconds; returns its id. */
  trigger(request: TriggerRequest): string
  close(): Promise<void>
}

const systemClock: Clock = { now: () => Date.now() }

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = options.clock ?? systemClock
  const store = new PipelineStore(options.region ?? 'us-east-1')
  for (const spec of options.pipelines ?? [samplePipeline()]) store.add(spec, clock.now())
  const faults = new FaultInjector(options.faults, clock.now())
  const record: RecordedRequest[] = []
  const timers = new Set<NodeJS.Timeout>()
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => (timers.delete(timer), resolve()), ms)
      timers.add(timer)
    })
  const deps: ProtocolDeps = { store, faults, clock, record, sleep, log: options.log }
  const setFaults = (config: FaultConfig) => faults.configure(config, clock.now())

  const server = createServer((req, res) => {
    readBody(req)
      .then((text) => route(deps, setFaults, req, res, text))
      .catch(() => res.destroy())
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const { address, port } = server.address() as AddressInfo
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    requests: (operation?: string) => record.filter((r) => operation === undefined || r.operation === operation),
    clearRequests: () => void record.splice(0),
    setFaults,
    addPipeline: (spec) => store.add(spec, clock.now()),
    trigger: (request) => store.trigger(request, clock.now()),
    answerApproval: (answer) => store.answerApproval(answer, clock.now()),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

/** The AWS protocol at POST /, plus control endpoints for processes that only know the URL. */
async function route(
  deps: ProtocolDeps,
  setFaults: (config: FaultConfig) => void,
  req: IncomingMessage,
  res: ServerResponse,
  text: string
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://emulator').pathname
  if (req.method === 'GET' && path === '/_emulator/requests') return sendJson(res, 200, deps.record)
  if (req.method === 'POST' && path === '/_emulator/faults') {
    try {
      setFaults(JSON.parse(text) as FaultConfig)
      return sendJson(res, 200, {})
    } catch (error) {
      return sendJson(res, 400, { message: error instanceof Error ? error.message : String(error) })
    }
  }
  if (req.method === 'POST' && path === '/_emulator/trigger') {
    const [status, payload] = routeTrigger(deps.store, deps.clock.now(), text)
    return sendJson(res, status, payload)
  }
  if (req.method === 'POST' && path === '/') return handleAwsRequest(deps, req, res, text)
  sendJson(res, 404, { message: `Not found: ${req.method} ${path}` })
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload))
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
