// Cold start: from spawning a process to its first request reaching the service, for the action and for the
// floor. The floor is the cheapest honest "Node process that makes one HTTP request": floor-request.cjs, run by
// the same Node binary. Runs one at a time, alternating, on a quiet service. Besides wall time, each process
// reports the CPU time it used up to its first request, which tells the same story on a busy machine.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { repositoryOf, startAction, type GitHubEvent } from '../../harness/runner.js'
import { median } from './report.js'
import { benchPipeline } from './service.js'

const FLOOR_SCRIPT = join(import.meta.dirname, 'floor-request.cjs')
const PROBE = join(import.meta.dirname, 'probe.cjs')
const PIPELINE = 'bench-cold-start'
const TIMEOUT_MS = 15000

export interface ColdStartResult {
  runs: number
  floorMs: number[]
  actionMs: number[]
  floorMedianMs: number
  actionMedianMs: number
  ratio: number
  /** CPU time (user + system) up to the first request. */
  floorCpuMs: number[]
  actionCpuMs: number[]
  floorCpuMedianMs: number
  actionCpuMedianMs: number
  cpuRatio: number
}

interface Timing {
  wallMs: number
  cpuMs: number
}

/** Waits for the service's first request, then kills the process; wall ms from `spawnedAt`, CPU ms from the probe. */
async function firstRequestAfter(emulator: Emulator, child: ChildProcess, spawnedAt: number, cpuFile: string): Promise<Timing> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const deadline = spawnedAt + TIMEOUT_MS
  let wallMs = NaN
  try {
    while (Date.now() < deadline) {
      const first = emulator.requests()[0]
      if (first !== undefined) {
        wallMs = first.time - spawnedAt
        break
      }
      if (child.exitCode !== null || child.signalCode !== null) break
      await sleep(5)
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await exited
  }
  let cpuMs = NaN
  try {
    cpuMs = Number(readFileSync(cpuFile, 'utf8'))
  } catch {
    // No request was made: the run counts as n/a.
  }
  return { wallMs, cpuMs }
}

function probeEnv(dir: string): Record<string, string> {
  return { NODE_OPTIONS: `--require=${PROBE}`, BENCH_FIRST_REQUEST_FILE: join(dir, 'cpu') }
}

async function timeFloor(emulator: Emulator): Promise<Timing> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'))
  try {
    emulator.clearRequests()
    const env = { PATH: process.env.PATH ?? '', ...probeEnv(dir) }
    const spawnedAt = Date.now()
    const child = spawn(process.execPath, [FLOOR_SCRIPT, emulator.url], { stdio: 'ignore', env })
    return await firstRequestAfter(emulator, child, spawnedAt, join(dir, 'cpu'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function timeAction(emulator: Emulator, event: GitHubEvent): Promise<Timing> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-action-'))
  try {
    emulator.clearRequests()
    const run = startAction({ endpoint: emulator.url, event, inputs: { 'pipeline-name': PIPELINE }, env: probeEnv(dir) })
    run.done.catch(() => undefined)
    return await firstRequestAfter(emulator, run.child, run.spawnedAt, join(dir, 'cpu'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function measureColdStart(runs: number, event: GitHubEvent): Promise<ColdStartResult> {
  const repository = repositoryOf(event)
  const emulator = await startEmulator({ pipelines: [benchPipeline(PIPELINE, repository, 5.3)] })
  try {
    // One unmeasured run of each first, so both start from a warm file cache.
    await timeFloor(emulator)
    await timeAction(emulator, event)
    const floor: Timing[] = []
    const action: Timing[] = []
    for (let i = 0; i < runs; i++) {
      floor.push(await timeFloor(emulator))
      action.push(await timeAction(emulator, event))
    }
    const floorMedianMs = median(floor.map((t) => t.wallMs))
    const actionMedianMs = median(action.map((t) => t.wallMs))
    const floorCpuMedianMs = median(floor.map((t) => t.cpuMs))
    const actionCpuMedianMs = median(action.map((t) => t.cpuMs))
    return {
      runs,
      floorMs: floor.map((t) => t.wallMs),
      actionMs: action.map((t) => t.wallMs),
      floorMedianMs,
      actionMedianMs,
      ratio: actionMedianMs / floorMedianMs,
      floorCpuMs: floor.map((t) => t.cpuMs),
      actionCpuMs: action.map((t) => t.cpuMs),
      floorCpuMedianMs,
      actionCpuMedianMs,
      cpuRatio: actionCpuMedianMs / floorCpuMedianMs
    }
  } finally {
    await emulator.close()
  }
}
