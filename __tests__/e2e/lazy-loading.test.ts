// A plain run (no github-token, no log read) loads only what it uses: octokit, @actions/http-client with
// undici, and the log readers' AWS clients are in chunks of their own (dist/main/NNN.index.js), and such a run
// loads none of them (only the AWS SDK's chunks, which every run uses). The post step loads the AWS SDK (a chunk of dist/post/) only to stop an execution.
// Checked on the built dist/: its source maps say what each file holds, and a preloaded tracer records which
// files the process loads. A new lazily loaded package: add it to LAZY and give it a case like the ones below.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { startGitHubApi, type GitHubApi } from '../../harness/github-api.js'
import { repoRoot, runAction, type RunOptions } from '../../harness/runner.js'
import { callsFor, operations, uniqueName } from '../support/e2e.js'
import { shortPipeline } from '../support/pipelines.js'

const TRACER = join(repoRoot, 'scripts', 'bench', 'load-trace.cjs')
const dist = join(repoRoot, 'dist')
/** Packages a plain run must not evaluate. */
const LAZY = [
  '@octokit/',
  '@actions/github/',
  '@actions/http-client/',
  'undici/',
  'tunnel/',
  '@aws-sdk/client-cloudwatch-logs/',
  '@aws-sdk/client-codebuild/',
  // The artifact upload (issue 21): the S3 client, lib-storage and the zip library, only with `artifact`.
  '@aws-sdk/client-s3/',
  '@aws-sdk/lib-storage/',
  '@aws-sdk/middleware-sdk-s3/',
  'yazl/'
]

let emulator: Emulator
let github: GitHubApi
let traceDir: string

beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
  github = await startGitHubApi()
  traceDir = mkdtempSync(join(tmpdir(), 'load-trace-'))
})
afterAll(async () => {
  rmSync(traceDir, { recursive: true, force: true })
  await Promise.all([emulator.close(), github.close()])
})

/** The packages (from node_modules) whose code a bundle file holds, as its source map lists them. */
function packagesIn(file: string): string[] {
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }
  return map.sources.flatMap((s) => /node_modules\/((?:@[^/]+\/)?[^/]+\/)/.exec(s)?.[1] ?? [])
}

const lazyIn = (file: string) => [...new Set(packagesIn(file).filter((p) => LAZY.some((lazy) => p.startsWith(lazy))))]
/** The @aws-sdk packages whose source the given dist/ files hold. */
const awsSdkIn = (files: string[]) => [...new Set(files.flatMap((f) => packagesIn(join(dist, f)).filter((p) => p.startsWith('@aws-sdk/'))))]
const isOctokit = (p: string) => p.startsWith('@octokit/')

/** Runs the action with the tracer; returns its exit code and the dist/ files it loaded. */
async function traced(options: RunOptions): Promise<{ code: number | null; loaded: string[] }> {
  const trace = join(traceDir, uniqueName('trace'))
  const result = await runAction({ ...options, env: { ...options.env, NODE_OPTIONS: `--require=${TRACER}`, LOAD_TRACE_FILE: trace } })
  const urls = readFileSync(trace, 'utf8').split('\n').filter(Boolean)
  const loaded = urls.map((u) => relative(dist, fileURLToPath(u))).filter((p) => !p.startsWith('..'))
  return { code: result.code, loaded: [...new Set(loaded)] }
}

function pipeline(buildSeconds?: number): string {
  const name = uniqueName('lazy')
  emulator.addPipeline(shortPipeline({ name, buildSeconds }))
  return name
}

test('the main and post bundles themselves hold none of the lazily loaded packages', () => {
  // dist/index.js is main's tiny entry (the signal handlers), dist/main/index.js the rest of main.
  expect(lazyIn(join(dist, 'index.js'))).toEqual([])
  expect(lazyIn(join(dist, 'main', 'index.js'))).toEqual([])
  expect(lazyIn(join(dist, 'post', 'index.js'))).toEqual([])
  // They are in chunks: octokit is still shipped, for github-token.
  const chunks = readdirSync(join(dist, 'main')).filter((f) => /^\d+\.index\.js$/.test(f))
  expect(chunks.flatMap((c) => lazyIn(join(dist, 'main', c))).some(isOctokit)).toBe(true)
})

test('a plain run loads dist/index.js, dist/main/index.js and the AWS SDK chunks: no lazily loaded package', async () => {
  const { code, loaded } = await traced({ endpoint: emulator.url, inputs: { 'pipeline-name': pipeline() } })
  expect(code).toBe(0)
  expect(loaded.slice(0, 2)).toEqual(['index.js', 'main/index.js'])
  // The SDK is in chunks too (a smaller peak RSS than one huge file), loaded once the inputs are good.
  expect(awsSdkIn(['main/index.js'])).toEqual([])
  expect(awsSdkIn(loaded)).toContain('@aws-sdk/client-codepipeline/')
  expect(loaded.flatMap((f) => lazyIn(join(dist, f)))).toEqual([])
})

test('with github-token, the run loads the chunk that holds octokit (the tracer sees chunks)', async () => {
  const { code, loaded } = await traced({
    endpoint: emulator.url,
    inputs: { 'pipeline-name': pipeline(), 'github-token': 'ghs_token' },
    env: { GITHUB_API_URL: github.url }
  })
  expect(code).toBe(0)
  const chunks = loaded.filter((f) => f !== 'index.js' && f !== 'main/index.js')
  expect(chunks.flatMap((c) => lazyIn(join(dist, c))).some(isOctokit)).toBe(true)
})

test('with artifact, the run loads the chunk that holds the S3 client, lib-storage and yazl, and uploads', async () => {
  const name = uniqueName('lazy-artifact')
  emulator.addBucket({ name: 'lazy-artifacts' })
  const source = {
    name: 'Art',
    category: 'Source' as const,
    provider: 'S3',
    configuration: { S3Bucket: 'lazy-artifacts', S3ObjectKey: 'a.zip' }
  }
  const build = { name: 'Build', actions: [{ name: 'Compile', category: 'Build' as const, provider: 'CodeBuild', durationSeconds: 0.1 }] }
  emulator.addPipeline({ name, stages: [{ name: 'Source', actions: [source] }, build] })
  const workspace = join(traceDir, uniqueName('ws'))
  mkdirSync(join(workspace, 'out'), { recursive: true })
  writeFileSync(join(workspace, 'out', 'app.txt'), 'app')
  const { code, loaded } = await traced({
    endpoint: emulator.url,
    inputs: { 'pipeline-name': name, artifact: 'out' },
    env: { AWS_ENDPOINT_URL_S3: emulator.url, GITHUB_WORKSPACE: workspace }
  })
  expect(code).toBe(0)
  const chunks = loaded.filter((f) => f !== 'index.js' && f !== 'main/index.js')
  expect(new Set(chunks.flatMap((c) => lazyIn(join(dist, c))))).toEqual(
    new Set(['@aws-sdk/client-s3/', '@aws-sdk/lib-storage/', '@aws-sdk/middleware-sdk-s3/', 'yazl/'])
  )
})

test('a post step with nothing saved loads only dist/post/index.js', async () => {
  const { code, loaded } = await traced({ endpoint: emulator.url, entry: 'post', inputs: { 'pipeline-name': pipeline() } })
  expect(code).toBe(0)
  expect(loaded).toEqual(['post/index.js'])
})

/** What main saves for a started execution it follows (STATE_* for the post step), plus `extra`. */
function savedState(pipelineName: string, executionId: string, extra: Record<string, string> = {}): Record<string, string> {
  return { pipelineName, region: 'us-east-1', startSent: 'true', executionId, wait: 'true', ...extra }
}

test('a post step after a main step that saw the end evaluates no @aws-sdk source: only dist/post/index.js', async () => {
  const name = pipeline()
  const state = savedState(name, '11111111-2222-3333-4444-555555555555', { finished: 'true' })
  const { code, loaded } = await traced({ endpoint: emulator.url, entry: 'post', inputs: { 'pipeline-name': name }, state })
  expect(code).toBe(0)
  expect(loaded).toEqual(['post/index.js'])
  expect(awsSdkIn(loaded)).toEqual([])
  expect(callsFor(emulator, name)).toEqual([])
})

test('a post step that must stop the execution loads the SDK then, from a chunk of its own, and stops it', async () => {
  const name = pipeline(600)
  const executionId = emulator.trigger({ pipelineName: name, revision: 'a'.repeat(40) })
  const { code, loaded } = await traced({
    endpoint: emulator.url,
    entry: 'post',
    inputs: { 'pipeline-name': name },
    state: savedState(name, executionId)
  })
  expect(code).toBe(0)
  expect(awsSdkIn(['post/index.js'])).toEqual([])
  expect(loaded[0]).toBe('post/index.js')
  expect(awsSdkIn(loaded)).toContain('@aws-sdk/client-codepipeline/')
  expect(operations(callsFor(emulator, name))).toContain('StopPipelineExecution')
})
