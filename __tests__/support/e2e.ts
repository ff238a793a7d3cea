import type { Emulator, OperationInputs, OperationName, RecordedRequest } from '../../emulator/index.js'

/** What the action sent about one pipeline (each test uses its own pipeline name). */
export function callsFor(emulator: Emulator, pipeline: string): RecordedRequest[]
export function callsFor<K extends OperationName>(emulator: Emulator, pipeline: string, operation: K): RecordedRequest<OperationInputs[K]>[]
export function callsFor(emulator: Emulator, pipeline: string, operation?: OperationName): RecordedRequest[] {
  return emulator.requests(operation).filter((r) => r.body.pipelineName === pipeline || r.body.name === pipeline)
}

export function operations(requests: RecordedRequest[]): string[] {
  return requests.map((r) => r.operation)
}

let counter = 0
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${++counter}`
}

/** Polls `probe` until it returns something, or fails after timeoutMs. */
export async function until<T>(probe: () => T | undefined, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}
