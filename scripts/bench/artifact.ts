// The artifact upload's memory (issue 21): peak RSS of whole runs with `artifact` of 20 MiB and 300 MiB (a file
// uploaded as it is, and a 300 MiB directory zipped), against a run without an artifact on the same pipeline shape.
// The upload streams in 5 MiB parts, so the growth must not depend on the size: at most 64 MiB in each case.
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { githubSourceStage, startEmulator, type Emulator } from '../../emulator/index.js'
import { repositoryOf, startAction, type GitHubEvent } from '../../harness/runner.js'

const PROBE = join(import.meta.dirname, 'probe.cjs')
const MIB = 1024 * 1024
export const ARTIFACT_GROWTH_LIMIT = 64 * MIB

export interface ArtifactRun {
  name: string
  /** The artifact's size before compression; 0 for the run without one. */
  sizeBytes: number
  exitCode: number | null
  peakRssBytes: number
  wallMs: number
}

export interface ArtifactResult {
  baseline: ArtifactRun
  runs: ArtifactRun[]
}

/** `mib` MiB whose MiB blocks differ from each other (so zipping them still has work to do). */
function writeFile(path: string, mib: number): void {
  const fd = openSync(path, 'w')
  const block = Buffer.alloc(MIB)
  for (let i = 0; i < mib; i++) {
    for (let j = 0; j < MIB; j += 4) block.writeUInt32LE((i * 2654435761 + j * 40503) >>> 0, j)
    writeSync(fd, block)
  }
  closeSync(fd)
}

async function runOnce(emulator: Emulator, event: GitHubEvent, workspace: string, name: string, artifact?: string): Promise<ArtifactRun> {
  const pipeline = `bench-artifact-${name}`
  const source = {
    name: 'Art',
    category: 'Source' as const,
    provider: 'S3',
    configuration: { S3Bucket: 'bench', S3ObjectKey: `${name}.zip` }
  }
  const build = { name: 'Build', actions: [{ name: 'Build', category: 'Build' as const, provider: 'CodeBuild', durationSeconds: 1 }] }
  const sourceStage = artifact ? { name: 'Source', actions: [source] } : githubSourceStage(repositoryOf(event), 1)
  emulator.addPipeline({ name: pipeline, stages: [sourceStage, build] })
  const rssFile = join(workspace, `${name}.maxrss`)
  const started = Date.now()
  const run = startAction({
    endpoint: emulator.url,
    event,
    // Without an artifact: the same pipeline shape with the repository's source, as every other bench run.
    inputs: { 'pipeline-name': pipeline, ...(artifact ? { artifact } : {}) },
    env: { NODE_OPTIONS: `--require=${PROBE}`, BENCH_RSS_FILE: rssFile, AWS_ENDPOINT_URL_S3: emulator.url, GITHUB_WORKSPACE: workspace }
  })
  const result = await run.done
  const size = artifact ? Number(/\((\d+(?:\.\d+)?) MiB to read\)/.exec(result.stdout)?.[1] ?? NaN) * MIB : 0
  return {
    name,
    sizeBytes: size,
    exitCode: result.code,
    peakRssBytes: Number(readFileSync(rssFile, 'utf8')) * 1024,
    wallMs: Date.now() - started
  }
}

/** One run at a time: the figure is the process's own peak, and parallel runs would only slow each other down. */
export async function measureArtifact(event: GitHubEvent): Promise<ArtifactResult> {
  const workspace = mkdtempSync(join(tmpdir(), 'bench-artifact-'))
  const emulator = await startEmulator({ pipelines: [], buckets: [{ name: 'bench' }] })
  try {
    writeFile(join(workspace, '20mib.bin'), 20)
    writeFile(join(workspace, '300mib.bin'), 300)
    mkdirSync(join(workspace, 'tree'))
    for (const part of ['a', 'b', 'c']) writeFile(join(workspace, 'tree', `${part}.bin`), 100)
    const baseline = await runOnce(emulator, event, workspace, 'none')
    const runs = [
      await runOnce(emulator, event, workspace, 'file-20mib', '20mib.bin'),
      await runOnce(emulator, event, workspace, 'file-300mib', '300mib.bin'),
      await runOnce(emulator, event, workspace, 'dir-300mib', 'tree')
    ]
    return { baseline, runs }
  } finally {
    await emulator.close()
    rmSync(workspace, { recursive: true, force: true })
  }
}
