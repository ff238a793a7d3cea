// A 300 MiB artifact through dist/ (issue 21): it goes up as a multipart upload in 5 MiB parts, and the action's
// peak RSS (process.resourceUsage().maxRSS, written on exit by the benchmark's probe) grows by at most 64 MiB
// over a run without an artifact. Memory, not speed: nothing here depends on how busy the machine is.
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { repoRoot, runAction } from '../../harness/runner.js'
import { callsFor, uniqueName } from '../support/e2e.js'
import { shortPipeline } from '../support/pipelines.js'
import { tempDir } from '../support/temp.js'

const MIB = 1024 * 1024
const PROBE = join(repoRoot, 'scripts', 'bench', 'probe.cjs')
const GROWTH_LIMIT = 64 * MIB

let emulator: Emulator
let dir: string

beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [], buckets: [{ name: 'big' }] })
  dir = tempDir('artifact-large-')
})
afterAll(() => emulator.close())

function pipeline(): string {
  const name = uniqueName('large')
  const source = {
    name: 'Art',
    category: 'Source' as const,
    provider: 'S3',
    configuration: { S3Bucket: 'big', S3ObjectKey: `${name}.bin` }
  }
  const build = { name: 'Build', actions: [{ name: 'Compile', category: 'Build' as const, provider: 'CodeBuild', durationSeconds: 0.1 }] }
  emulator.addPipeline({ name, stages: [{ name: 'Source', actions: [source] }, build] })
  return name
}

/** A file of `mib` MiB whose bytes differ from MiB to MiB (no part looks like another). */
function bigFile(path: string, mib: number): void {
  const fd = openSync(path, 'w')
  const block = Buffer.alloc(MIB)
  for (let i = 0; i < mib; i++) {
    block.fill(i % 251)
    block.writeUInt32LE(i, 0)
    writeSync(fd, block)
  }
  closeSync(fd)
}

async function peakRss(
  name: string,
  inputs: Record<string, string>
): Promise<{ code: number | null; bytes: number; errors: string[]; stdout: string }> {
  const rssFile = join(dir, uniqueName('rss'))
  const result = await runAction({
    endpoint: emulator.url,
    inputs: { 'pipeline-name': name, ...inputs },
    env: { NODE_OPTIONS: `--require=${PROBE}`, BENCH_RSS_FILE: rssFile, AWS_ENDPOINT_URL_S3: emulator.url, GITHUB_WORKSPACE: dir }
  })
  return { code: result.code, bytes: Number(readFileSync(rssFile, 'utf8')) * 1024, errors: result.errors, stdout: result.stdout }
}

test('a 300 MiB file goes up in 5 MiB parts, and the peak RSS grows by at most 64 MiB over a run without an artifact', async () => {
  mkdirSync(join(dir, 'build'), { recursive: true })
  bigFile(join(dir, 'build', 'app.bin'), 300)
  const plainName = uniqueName('plain')
  emulator.addPipeline(shortPipeline({ name: plainName, buildSeconds: 0.1 }))
  const plain = await peakRss(plainName, {})
  const name = pipeline()
  const large = await peakRss(name, { artifact: 'build/app.bin' })

  expect(large.errors).toEqual([])
  expect([plain.code, large.code]).toEqual([0, 0])
  const parts = emulator.requests('UploadPart').filter((r) => r.body.Key === `${name}.bin`)
  expect(parts).toHaveLength(60)
  expect(emulator.requests('CompleteMultipartUpload').filter((r) => r.body.Key === `${name}.bin`)).toHaveLength(1)
  const [version] = emulator.objectVersions('big', `${name}.bin`)
  expect(version?.size).toBe(300 * MIB)
  expect(callsFor(emulator, name, 'StartPipelineExecution')[0]?.body.sourceRevisions?.[0]?.revisionValue).toBe(version?.versionId)
  // Progress about every 10 % (or 10 s): each tenth is said once, in order.
  const tenths = [...large.stdout.matchAll(/Uploading s3:\/\/big\/\S+: (\d+) % \(/g)].map((m) => Number(m[1]))
  expect(tenths.length).toBeGreaterThanOrEqual(10)
  expect(tenths).toEqual([...tenths].sort((a, b) => a - b))
  expect(tenths.at(-1)).toBe(100)
  console.log(`peak RSS: plain run ${(plain.bytes / MIB).toFixed(1)} MiB, 300 MiB artifact ${(large.bytes / MIB).toFixed(1)} MiB`)
  expect(large.bytes - plain.bytes).toBeLessThanOrEqual(GROWTH_LIMIT)
}, 240_000)
