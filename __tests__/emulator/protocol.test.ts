import { GetPipelineCommand, PipelineNotFoundException, StartPipelineExecutionCommand } from '@aws-sdk/client-codepipeline'
import { startEmulator } from '../../emulator/index.js'
import { harness, raw, T0, UUID, type Harness } from '../support/emulator.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
})
afterAll(() => h.emulator.close())
beforeEach(() => h.emulator.clearRequests())

describe('protocol', () => {
  test('serves on loopback on an ephemeral port', async () => {
    expect(h.emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(Number(new URL(h.emulator.url).port)).toBeGreaterThan(0)
    const other = await startEmulator({ pipelines: [] })
    expect(other.url).not.toBe(h.emulator.url)
    await other.close()
  })

  test('answers JSON 1.1 with a request id; execution ids are UUIDs; timestamps are epoch seconds', async () => {
    const started = await raw(h.emulator, 'StartPipelineExecution', { name: 'sample-pipeline' })
    expect(started.status).toBe(200)
    expect(started.headers.get('content-type')).toBe('application/x-amz-json-1.1')
    expect(started.headers.get('x-amzn-requestid')).toMatch(UUID)
    expect(started.json.pipelineExecutionId).toMatch(UUID)
    const listed = await raw(h.emulator, 'ListPipelineExecutions', { pipelineName: 'sample-pipeline' })
    const newest = listed.json.pipelineExecutionSummaries[0]
    expect(newest.pipelineExecutionId).toBe(started.json.pipelineExecutionId)
    expect(newest.startTime).toBe(T0 / 1000)
    expect(typeof listed.json.pipelineExecutionSummaries[1].lastUpdateTime).toBe('number')
  })

  test('errors carry __type and message; PipelineNotFoundException reaches the SDK as its class', async () => {
    const answer = await raw(h.emulator, 'GetPipeline', { name: 'nope' })
    expect(answer.status).toBe(400)
    expect(answer.json).toEqual({ __type: 'PipelineNotFoundException', message: expect.stringContaining("'nope'") })
    await expect(h.cp.send(new GetPipelineCommand({ name: 'nope' }))).rejects.toBeInstanceOf(PipelineNotFoundException)
  })

  test('unknown operations and missing targets answer UnknownOperationException with 404, as the common errors say', async () => {
    expect(await raw(h.emulator, 'DeletePipeline', { name: 'x' })).toMatchObject({
      status: 404,
      json: { __type: 'UnknownOperationException' }
    })
    expect(await raw(h.emulator, undefined, {})).toMatchObject({ status: 404, json: { __type: 'UnknownOperationException' } })
    const wrongService = await raw(h.emulator, undefined, {}, { 'x-amz-target': 'DynamoDB_20120810.GetItem' })
    expect(wrongService).toMatchObject({ status: 404, json: { __type: 'UnknownOperationException' } })
  })

  test('a request without an Authorization header answers MissingAuthenticationTokenException', async () => {
    const response = await fetch(`${h.emulator.url}/`, {
      method: 'POST',
      headers: { 'x-amz-target': 'CodePipeline_20150709.GetPipeline', 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({ name: 'sample-pipeline' })
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' })
  })

  test('bodies that are not JSON objects answer SerializationException', async () => {
    expect((await raw(h.emulator, 'GetPipeline', '{not json')).json.__type).toBe('SerializationException')
    expect((await raw(h.emulator, 'GetPipeline', '[1]')).json.__type).toBe('SerializationException')
    expect((await raw(h.emulator, 'GetPipeline', { name: 5 })).json.__type).toBe('SerializationException')
  })

  test('anything that is not the AWS protocol or a control endpoint is 404', async () => {
    expect((await fetch(`${h.emulator.url}/anything`)).status).toBe(404)
    expect((await fetch(`${h.emulator.url}/`)).status).toBe(404)
    expect((await fetch(`${h.emulator.url}/_emulator/faults`)).status).toBe(404)
  })
})

describe('the record of requests', () => {
  test('holds operation, body, clock time, status, error type and headers (the SDK user agent)', async () => {
    await h.cp.send(new StartPipelineExecutionCommand({ name: 'sample-pipeline', clientRequestToken: 'tok-1' }))
    await h.cp.send(new GetPipelineCommand({ name: 'missing' })).catch(() => undefined)
    const [start, get] = h.emulator.requests()
    expect(start).toMatchObject({ operation: 'StartPipelineExecution', time: T0, status: 200 })
    expect(start.body).toEqual({ name: 'sample-pipeline', clientRequestToken: 'tok-1' })
    expect(start.errorType).toBeUndefined()
    expect(String(start.headers['user-agent'])).toContain('aws-sdk-js')
    expect(get).toMatchObject({ operation: 'GetPipeline', status: 400, errorType: 'PipelineNotFoundException' })
    expect(h.emulator.requests('GetPipeline')).toEqual([get])
    h.emulator.clearRequests()
    expect(h.emulator.requests()).toEqual([])
  })

  test('is served at GET /_emulator/requests', async () => {
    await raw(h.emulator, 'GetPipelineState', { name: 'sample-pipeline' })
    const served = await (await fetch(`${h.emulator.url}/_emulator/requests`)).json()
    expect(served).toEqual([expect.objectContaining({ operation: 'GetPipelineState', status: 200, body: { name: 'sample-pipeline' } })])
  })

  test('POST /_emulator/faults sets faults; a bad config is a 400 naming the problem', async () => {
    const set = await fetch(`${h.emulator.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ rules: [{ operation: 'GetPipeline', kind: 'throttle', times: 1 }] })
    })
    expect(set.status).toBe(200)
    expect((await raw(h.emulator, 'GetPipeline', { name: 'sample-pipeline' })).json.__type).toBe('ThrottlingException')
    expect((await raw(h.emulator, 'GetPipeline', { name: 'sample-pipeline' })).status).toBe(200)
    const bad = await fetch(`${h.emulator.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ rules: [{ kind: 'melt' }] }) })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toContain('kind')
  })
})
