// What a process costs in all, measured comparatively on a busy machine: the same Node binary runs, one at a
// time and interleaved, the floor (floor-request.cjs: one plain HTTP request), the post step with nothing to do
// (main saw the execution end), and the SDK-only script (sdk-floor.cjs: @aws-sdk/client-codepipeline and one
// GetPipeline, CommonJS). Each reports, on exit, its CPU time (user + system) and its peak RSS (maxRSS);
// medians of each are compared, so machine load moves both sides of a ratio alike.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { repositoryOf, startAction, type GitHubEvent } from '../../harness/runner.js'
import { median } from './report.js'
import { benchPipeline } from './service.js'

const FLOOR_SCRIPT = join(import.meta.dirname, 'floor-request.cjs')
const SDK_SCRIPT = join(import.meta.dirname, 'sdk-floor.cjs')
const PROBE = join(import.meta.dirname, 'probe.cjs')
const PIPELINE = 'bench-footprint'

export interface ProcessCost {
  cpuMs: number
  peakRssBytes: number
}

export interface Footprint {
  runs: number
  floor: ProcessCost[]
  post: ProcessCost[]
  sdkOnly: ProcessCost[]
  floorCpuMedianMs: number
  postCpuMedianMs: number
  /** The post step with nothing to do, CPU ÷ the floor's. */
  postCpuRatio: number
  postPeakRssMedianBytes: number
  sdkOnlyPeakRssMedianBytes: number
}

function probeEnv(dir: string): Record<string, string> {
  return { NODE_OPTIONS: `--require=${PROBE}`, BENCH_CPU_FILE: join(dir, 'cpu'), BENCH_RSS_FILE: join(dir, 'rss') }
}

function readCost(dir: string): ProcessCost {
  const read = (name: string) => {
    try {
      return Number(readFileSync(join(dir, name), 'utf8'))
    } catch {
      return NaN // the process died before its exit handlers ran
    }
  }
  return { cpuMs: read('cpu'), peakRssBytes: read('rss') * 1024 }
}

/** Runs a CommonJS script with the probe preloaded; its cost once it exited. */
async function costOfScript(script: string, args: string[], env: Record<string, string>): Promise<ProcessCost> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cost-'))
  try {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: 'ignore',
      env: { PATH: process.env.PATH ?? '', ...env, ...probeEnv(dir) }
    })
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    if (code !== 0) throw new Error(`${script} exited with ${code}`)
    return readCost(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The post step after a main step that saw its execution finish: it has nothing to do. */
async function costOfIdlePost(emulator: Emulator, event: GitHubEvent): Promise<ProcessCost> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-post-'))
  try {
    const state = { pipelineName: PIPELINE, region: 'us-east-1', startSent: 'true', executionId: 'e-1', wait: 'true', finished: 'true' }
    const run = startAction({
      endpoint: emulator.url,
      event,
      entry: 'post',
      state,
      inputs: { 'pipeline-name': PIPELINE },
      env: probeEnv(dir)
    })
    const result = await run.done
    if (result.code !== 0) throw new Error(`the post step exited with ${result.code}`)
    return readCost(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function measureFootprint(runs: number, event: GitHubEvent): Promise<Footprint> {
  const emulator = await startEmulator({ pipelines: [benchPipeline(PIPELINE, repositoryOf(event), 5.3)] })
  const sdkEnv = {
    AWS_ENDPOINT_URL_CODEPIPELINE: emulator.url,
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    AWS_EC2_METADATA_DISABLED: 'true'
  }
  try {
    const floor: ProcessCost[] = []
    const post: ProcessCost[] = []
    const sdkOnly: ProcessCost[] = []
    // One unmeasured round first, so all start from a warm file cache.
    for (let i = 0; i <= runs; i++) {
      const round = [
        await costOfScript(FLOOR_SCRIPT, [emulator.url], {}),
        await costOfIdlePost(emulator, event),
        await costOfScript(SDK_SCRIPT, [PIPELINE], sdkEnv)
      ]
      if (i === 0) continue
      floor.push(round[0]!)
      post.push(round[1]!)
      sdkOnly.push(round[2]!)
    }
    const floorCpuMedianMs = median(floor.map((c) => c.cpuMs))
    const postCpuMedianMs = median(post.map((c) => c.cpuMs))
    return {
      runs,
      floor,
      post,
      sdkOnly,
      floorCpuMedianMs,
      postCpuMedianMs,
      postCpuRatio: postCpuMedianMs / floorCpuMedianMs,
      postPeakRssMedianBytes: median(post.map((c) => c.peakRssBytes)),
      sdkOnlyPeakRssMedianBytes: median(sdkOnly.map((c) => c.peakRssBytes))
    }
  } finally {
    await emulator.close()
  }
}
