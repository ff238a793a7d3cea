// What the fault-matrix tests ask the local service after a run: which executions exist, how each
// ended, and how often each was stopped.
import { CodePipelineClient, GetPipelineExecutionCommand, ListPipelineExecutionsCommand } from '@aws-sdk/client-codepipeline'
import type { Emulator, OperationName } from '../../emulator/index.js'
import { callsFor } from './e2e.js'

export { callsFor, uniqueName, until } from './e2e.js'

/** The wait loop's calls: the poll planner picks progress (ListActionExecutions) or status for each tick. */
export const POLLS: OperationName[] = ['ListActionExecutions', 'GetPipelineExecution']

/** The nth request (1-based) to any of these operations. */
export function nthRequest(emulator: Emulator, operations: string[], nth: number) {
  return emulator.requests().filter((r) => operations.includes(r.operation))[nth - 1]
}

export interface ExecutionRecord {
  id: string
  status: string
  stopReason?: string
  /** StopPipelineExecution requests that were answered 200 for it. */
  stops: number
}

function client(emulator: Emulator): CodePipelineClient {
  return new CodePipelineClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
    maxAttempts: 10
  })
}

/** Every execution of the pipeline, as the service knows it. */
export async function executionsOf(emulator: Emulator, pipeline: string): Promise<ExecutionRecord[]> {
  const cp = client(emulator)
  const out = await cp.send(new ListPipelineExecutionsCommand({ pipelineName: pipeline, maxResults: 100 }))
  const stops = callsFor(emulator, pipeline, 'StopPipelineExecution').filter((r) => r.status === 200)
  return (out.pipelineExecutionSummaries ?? []).map((s) => ({
    id: s.pipelineExecutionId!,
    status: s.status!,
    stopReason: s.stopTrigger?.reason,
    stops: stops.filter((r) => r.body.pipelineExecutionId === s.pipelineExecutionId).length
  }))
}

export async function statusOf(emulator: Emulator, pipeline: string, id: string): Promise<string> {
  const out = await client(emulator).send(new GetPipelineExecutionCommand({ pipelineName: pipeline, pipelineExecutionId: id }))
  return out.pipelineExecution!.status!
}

/** Requests of one operation for the pipeline, by answer: 200, 400 ThrottlingException, 0 (dropped)… */
export function answers(emulator: Emulator, pipeline: string, operation: OperationName): string[] {
  return callsFor(emulator, pipeline, operation).map((r) => (r.errorType ? `${r.status} ${r.errorType}` : String(r.status)))
}
