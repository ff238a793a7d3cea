// Shared set-up for the emulator's own tests: a hand-driven clock, an SDK client and raw HTTP calls.
import type { LooseJson } from './json.js'
import { CodePipelineClient } from '@aws-sdk/client-codepipeline'
import { githubSourceStage, startEmulator, type Emulator, type EmulatorOptions, type PipelineSpec } from '../../emulator/index.js'

export const T0 = Date.UTC(2025, 0, 1, 12, 0, 0)
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export interface ManualClock {
  now(): number
  advance(seconds: number): void
}

export function manualClock(start = T0): ManualClock {
  let ms = start
  return { now: () => ms, advance: (seconds) => void (ms += Math.round(seconds * 1000)) }
}

export function client(emulator: Emulator, maxAttempts = 1): CodePipelineClient {
  return new CodePipelineClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    maxAttempts,
    credentials: { accessKeyId: 'AKIDEMULATORTEST', secretAccessKey: 'secret' }
  })
}

export interface Harness {
  emulator: Emulator
  clock: ManualClock
  cp: CodePipelineClient
}

/** An emulator on a manual clock; close it with `harness.emulator.close()`. */
export async function harness(options: EmulatorOptions = {}): Promise<Harness> {
  const clock = manualClock()
  const emulator = await startEmulator({ clock, ...options })
  return { emulator, clock, cp: client(emulator) }
}

export interface RawAnswer {
  status: number
  json: LooseJson
  headers: Headers
}

/** A signed-looking request without the SDK, for what the SDK cannot express. */
export async function raw(
  emulator: Emulator,
  operation: string | undefined,
  body: unknown,
  headers: Record<string, string> = {}
): Promise<RawAnswer> {
  const response = await fetch(`${emulator.url}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      authorization: 'AWS4-HMAC-SHA256 Credential=AKIDRAW/20250101/us-east-1/codepipeline/aws4_request',
      ...(operation === undefined ? {} : { 'x-amz-target': `CodePipeline_20150709.${operation}` }),
      ...headers
    },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
  const text = await response.text()
  return { status: response.status, json: text === '' ? undefined : JSON.parse(text), headers: response.headers }
}

type StageList = { name: string; actions: { name: string; seconds: number; runOrder?: number; fails?: boolean }[] }[]

/** A pipeline from a compact stage list; the first stage holds one CodeStarSourceConnection source named Source. */
export function pipeline(name: string, stages: StageList, extra: Partial<PipelineSpec> = {}): PipelineSpec {
  return {
    name,
    stages: [
      githubSourceStage('octo/repo'),
      ...stages.map((stage) => ({
        name: stage.name,
        actions: stage.actions.map((a) => ({
          name: a.name,
          category: 'Build' as const,
          provider: 'CodeBuild',
          runOrder: a.runOrder,
          durationSeconds: a.seconds,
          outcome: a.fails ? ('Failed' as const) : ('Succeeded' as const),
          errorMessage: a.fails ? `${a.name} broke` : undefined,
          configuration: { ProjectName: a.name.toLowerCase() }
        }))
      }))
    ],
    ...extra
  }
}
