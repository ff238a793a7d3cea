// A local CodePipeline service for tests, the demo and the benchmark. Start it, point the SDK at `url`
// (or AWS_ENDPOINT_URL_CODEPIPELINE; AWS_ENDPOINT_URL_S3 with path-style requests for its S3), close it.
// Test and demo tooling only: never bundled into the action.
import type { OperationInputs, OperationName } from './inputs.js'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ImagePush } from './ecr.js'
import { FaultInjector } from './faults.js'
import { PipelineStore, type ConsoleApproval } from './operations.js'
import { handleAwsRequest, type ProtocolDeps, type RecordedRequest } from './protocol.js'
import { samplePipeline } from './sample.js'
import { pushImage, routeSourceControl, sourceWorld, versionsView, watchUploads, type SourceServices } from './s3-control.js'
import { handleS3Request } from './s3-protocol.js'
import type { BucketSpec } from './s3-store.js'
import { routeTrigger, type TriggerRequest } from './triggers.js'
import type { Clock, FaultConfig, PipelineSpec } from './types.js'

export type { RecordedRequest } from './protocol.js'
export type { OperationInputs, OperationName } from './inputs.js'
export type * from './types.js'
export type { TriggerRequest } from './triggers.js'
export type { ConsoleApproval } from './operations.js'
export type { BucketSpec, Versioning } from './s3-store.js'
export type { ImagePush } from './ecr.js'
export { loadPipelines } from './spec.js'
export { githubSourceStage, samplePipeline, SAMPLE_PIPELINE_NAME, SAMPLE_REPOSITORY, type SampleOptions } from './sample.js'

export interface EmulatorOptions {
  port?: number // default 0 = ephemeral
  host?: string // default '127.0.0.1'
  pipelines?: PipelineSpec[] // default: [samplePipeline()]
  buckets?: BucketSpec[] // S3 buckets it holds (versioning Enabled unless said otherwise)
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
  addBucket(spec: BucketSpec): void
  /** Every version of an object, oldest first (versionId 'null' in an unversioned bucket). */
  objectVersions(bucket: string, key: string): ReturnType<typeof versionsView>
  /** An image pushed to ECR: sources watching that repository and tag with an eventTrigger start; returns their ids-to-be. */
  pushImage(push: ImagePush): string[]
  close(): Promise<void>
}

const systemClock: Clock = { now: () => Date.now() }

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = options.clock ?? systemClock
  const region = options.region ?? 'us-east-1'
  const world = sourceWorld(region, options.buckets)
  const { objects } = world
  const store = new PipelineStore(region, world)
  const services = watchUploads({ store, ...world, now: () => clock.now() })
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
    const path = new URL(req.url ?? '/', 'http://emulator').pathname
    // S3 is REST (PUT /bucket/key…): its bodies stream to disk; everything else is a small body read whole.
    const handled =
      path === '/' || path.startsWith('/_emulator/')
        ? readBody(req).then((text) => route(deps, setFaults, services, req, res, text))
        : handleS3Request({ ...deps, objects }, req, res)
    handled.catch(() => res.destroy())
  })
  server.once('close', () => objects.close())
  const { address, port } = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1')
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    requests: (operation?: string) => record.filter((r) => operation === undefined || r.operation === operation),
    clearRequests: () => void record.splice(0),
    setFaults,
    addPipeline: (spec) => store.add(spec, clock.now()),
    trigger: (request) => store.trigger(request, clock.now()),
    answerApproval: (answer) => store.answerApproval(answer, clock.now()),
    addBucket: (spec) => objects.addBucket(spec),
    objectVersions: (bucket, key) => versionsView(objects.versions(bucket, key)),
    pushImage: (push) => pushImage(services, push),
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
  services: SourceServices,
  req: IncomingMessage,
  res: ServerResponse,
  text: string
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator')
  const path = url.pathname
  const control = routeSourceControl(services, req.method ?? 'GET', url, text)
  if (control !== undefined) return sendJson(res, ...control)
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

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(server.address() as AddressInfo))
  })
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
