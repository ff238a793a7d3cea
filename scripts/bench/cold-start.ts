// Cold start: ms from spawning a process to its first request reaching the service, for the action and
// for the floor (a bare Node process making one request). Runs one at a time, alternating, on a quiet service.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { repositoryOf, startAction, type GitHubEvent } from '../../harness/runner.js'
import { median } from './report.js'
import { benchPipeline } from './service.js'

const FLOOR_SCRIPT = join(import.meta.dirname, 'floor-request.mjs')
const PIPELINE = 'bench-cold-start'
const TIMEOUT_MS = 15000

export interface ColdStartResult {
  runs: number
  floorMs: number[]
  actionMs: number[]
  floorMedianMs: number
  actionMedianMs: number
  ratio: number
}

/** Resolves with the ms from `spawnedAt` to the service's first request, then kills the process. */
async function firstRequestAfter(emulator: Emulator, child: ChildProcess, spawnedAt: number): Promise<number> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const deadline = spawnedAt + TIMEOUT_MS
  try {
    while (Date.now() < deadline) {
      const first = emulator.requests()[0]
      if (first !== undefined) return first.time - spawnedAt
      if (child.exitCode !== null || child.signalCode !== null) break
      await sleep(5)
    }
    return NaN
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await exited
  }
}

async function timeFloor(emulator: Emulator): Promise<number> {
  emulator.clearRequests()
  const spawnedAt = Date.now()
  const child = spawn(process.execPath, [FLOOR_SCRIPT, emulator.url], { stdio: 'ignore', env: { PATH: process.env.PATH ?? '' } })
  return firstRequestAfter(emulator, child, spawnedAt)
}

async function timeAction(emulator: Emulator, event: GitHubEvent): Promise<number> {
  emulator.clearRequests()
  const run = startAction({ endpoint: emulator.url, event, inputs: { 'pipeline-name': PIPELINE } })
  run.done.catch(() => undefined)
  return firstRequestAfter(emulator, run.child, run.spawnedAt)
}

export async function measureColdStart(runs: number, event: GitHubEvent): Promise<ColdStartResult> {
  const repository = repositoryOf(event)
  const emulator = await startEmulator({ pipelines: [benchPipeline(PIPELINE, repository, 5.3)] })
  try {
    // One unmeasured run of each first, so both start from a warm file cache.
    await timeFloor(emulator)
    await timeAction(emulator, event)
    const floorMs: number[] = []
    const actionMs: number[] = []
    for (let i = 0; i < runs; i++) {
      floorMs.push(await timeFloor(emulator))
      actionMs.push(await timeAction(emulator, event))
    }
    const floorMedianMs = median(floorMs)
    const actionMedianMs = median(actionMs)
    return { runs, floorMs, actionMs, floorMedianMs, actionMedianMs, ratio: actionMedianMs / floorMedianMs }
  } finally {
    await emulator.close()
  }
}
