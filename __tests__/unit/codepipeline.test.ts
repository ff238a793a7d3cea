// The real SDK client through the port, against a scripted HTTP server on loopback: what goes on the
// wire (user agent, body, endpoint from the environment) and how AWS errors come back.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createCodePipelinePort, describeEndpoint } from '../../src/codepipeline/port.js'
import { AwsCallError } from '../../src/errors.js'
import { classifyFailure } from '../../src/execution/retry.js'
import { ACTION_VERSION } from '../../src/version.js'

interface Received {
  target: string
  headers: IncomingHttpHeaders
  body: Record<string, unknown>
}
type Reply = { status: number; body: unknown } | 'hang'

let server: Server
let received: Received[] = []
let replies: Reply[] = []
const savedEnv = { ...process.env }

beforeAll(async () => {
  server = createServer((req, res) => {
    let data = ''
    req.on('data', (chunk) => (data += chunk))
    req.on('end', () => {
      received.push({ target: String(req.headers['x-amz-target']), headers: req.headers, body: JSON.parse(data || '{}') })
      const reply = replies.shift() ?? { status: 200, body: {} }
      if (reply === 'hang') return // never answers: the client's request timeout must cut it
      res.writeHead(reply.status, { 'content-type': 'application/x-amz-json-1.1' })
      res.end(JSON.stringify(reply.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  process.env.AWS_ENDPOINT_URL_CODEPIPELINE = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE'
  process.env.AWS_SECRET_ACCESS_KEY = 'secret'
  delete process.env.AWS_PROFILE
})

afterAll(async () => {
  process.env = savedEnv
  server.closeAllConnections() // the hung request's socket, among others
  await new Promise((resolve) => server.close(resolve))
})

beforeEach(() => {
  received = []
  replies = []
})

const ID = '11111111-2222-3333-4444-555555555555'

test('StartPipelineExecution: the request as the API wants it, with our user agent, at the endpoint from the environment', async () => {
  replies = [{ status: 200, body: { pipelineExecutionId: ID } }]
  const port = createCodePipelinePort({ region: 'eu-west-1' })
  const sourceRevisions = [{ actionName: 'App', revisionType: 'COMMIT_ID' as const, revisionValue: 'a'.repeat(40) }]
  const request = { pipelineName: 'p', variables: [{ name: 'A', value: '1' }], sourceRevisions, clientRequestToken: 'gha-1-1-abc' }
  expect(await port.startExecution(request)).toBe(ID)
  const [req] = received
  expect(req.target).toBe('CodePipeline_20150709.StartPipelineExecution')
  expect(req.body).toEqual({ name: 'p', variables: [{ name: 'A', value: '1' }], sourceRevisions, clientRequestToken: 'gha-1-1-abc' })
  const agent = `${String(req.headers['user-agent'])} ${String(req.headers['x-amz-user-agent'])}`
  expect(agent).toContain(`codepipeline-run-action/${ACTION_VERSION}`)
  expect(String(req.headers.authorization)).toContain('/eu-west-1/codepipeline/')
})

test('empty variables and source revisions are left out (the model wants 1-50 variables when present)', async () => {
  replies = [{ status: 200, body: { pipelineExecutionId: ID } }]
  await createCodePipelinePort({ region: 'eu-west-1' }).startExecution({
    pipelineName: 'p',
    variables: [],
    sourceRevisions: [],
    clientRequestToken: 'tok'
  })
  expect(Object.keys(received[0].body).sort()).toEqual(['clientRequestToken', 'name'])
})

test('a 5xx on the start is one request: the start is retried by retry.ts, with the same token, not by the SDK', async () => {
  replies = [
    { status: 500, body: { __type: 'InternalFailure', message: 'oops' } },
    { status: 200, body: { pipelineExecutionId: ID } }
  ]
  const port = createCodePipelinePort({ region: 'eu-west-1' })
  const request = { pipelineName: 'p', variables: [], sourceRevisions: [], clientRequestToken: 'tok' }
  await expect(port.startExecution(request)).rejects.toMatchObject({ awsName: 'InternalFailure' })
  expect(received).toHaveLength(1)
  expect(await port.startExecution(request)).toBe(ID)
  expect(received.map((r) => r.body.clientRequestToken)).toEqual(['tok', 'tok'])
})

test('a 5xx on any other call is retried by the SDK', async () => {
  replies = [
    { status: 500, body: { __type: 'InternalFailure', message: 'oops' } },
    { status: 200, body: { pipelineExecution: { pipelineExecutionId: ID, status: 'InProgress' } } }
  ]
  expect(await createCodePipelinePort({ region: 'eu-west-1' }).getExecution('p', ID)).toEqual({
    status: 'InProgress',
    statusSummary: undefined
  })
  expect(received).toHaveLength(2)
})

test('GetPipelineExecution and StopPipelineExecution send the execution id', async () => {
  replies = [
    { status: 200, body: { pipelineExecution: { pipelineExecutionId: ID, status: 'Failed', statusSummary: 'Build failed' } } },
    { status: 200, body: {} }
  ]
  const port = createCodePipelinePort({ region: 'eu-west-1' })
  expect(await port.getExecution('p', ID)).toEqual({ status: 'Failed', statusSummary: 'Build failed' })
  await port.stopExecution({ pipelineName: 'p', executionId: ID, abandon: true, reason: 'r' })
  expect(received.map((r) => [r.target.split('.')[1], r.body])).toEqual([
    ['GetPipelineExecution', { pipelineName: 'p', pipelineExecutionId: ID }],
    ['StopPipelineExecution', { pipelineName: 'p', pipelineExecutionId: ID, abandon: true, reason: 'r' }]
  ])
})

test('an AWS error comes back as one sentence, keeping its name', async () => {
  replies = [{ status: 400, body: { __type: 'PipelineNotFoundException', message: 'no such pipeline' } }]
  const err = await createCodePipelinePort({ region: 'eu-west-1' })
    .getPipeline('nope')
    .catch((e: unknown) => e)
  expect(err).toBeInstanceOf(AwsCallError)
  expect(err).toMatchObject({
    awsName: 'PipelineNotFoundException',
    message: "Pipeline 'nope' was not found in region eu-west-1; check pipeline-name and aws-region."
  })
})

test('an aborted call is an AbortError, not an AWS failure', async () => {
  const controller = new AbortController()
  controller.abort()
  const err = await createCodePipelinePort({ region: 'eu-west-1' })
    .getExecution('p', ID, controller.signal)
    .catch((e: unknown) => e)
  expect(err).toMatchObject({ name: 'AbortError' })
  expect(err).not.toBeInstanceOf(AwsCallError)
})

test('describeEndpoint: the service variable, then the general one, then the regional default', () => {
  expect(describeEndpoint('us-east-1', { AWS_ENDPOINT_URL_CODEPIPELINE: 'http://a', AWS_ENDPOINT_URL: 'http://b' })).toBe('http://a')
  expect(describeEndpoint('us-east-1', { AWS_ENDPOINT_URL: 'http://b' })).toBe('http://b')
  expect(describeEndpoint('us-east-1', {})).toBe('https://codepipeline.us-east-1.amazonaws.com')
})

describe('faults the SDK handles before the action sees them', () => {
  const start = { pipelineName: 'p', variables: [], sourceRevisions: [], clientRequestToken: 'tok' }

  test('a request that gets no answer times out (a transient failure, which retry.ts retries)', async () => {
    replies = ['hang', { status: 200, body: { pipelineExecutionId: ID } }]
    const port = createCodePipelinePort({ region: 'eu-west-1', requestTimeoutMs: 300 })
    const err = await port.startExecution(start).catch((e: unknown) => e)
    expect(classifyFailure(err)).toBe('transient')
    expect(await port.startExecution(start)).toBe(ID)
    expect(received.map((r) => r.body.clientRequestToken)).toEqual(['tok', 'tok'])
  })

  test("an abort during the SDK's retry backoff ends the call at once", async () => {
    replies = Array.from({ length: 5 }, () => ({ status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } }))
    const port = createCodePipelinePort({ region: 'eu-west-1' })
    const controller = new AbortController()
    const calling = port.getExecution('p', ID, controller.signal)
    while (received.length === 0) await new Promise((r) => setTimeout(r, 5))
    controller.abort()
    // Ended by the abort (not by the throttling answers running out), without waiting for the next try: a
    // timing bound would depend on the machine's speed and the SDK's jitter.
    const err = await calling.catch((e: unknown) => e)
    expect(err).toMatchObject({ name: 'AbortError' })
    expect(received.length).toBeLessThan(5)
  })
})
