// GitHub's @github/local-action runs the action from its sources, unchanged: src/main.ts's run(), then
// src/post.ts's run(), with @actions/core replaced by its own stand-in, and the settings of .env.example
// (pointed at a local service on a free port instead of 4566).
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { samplePipeline, startEmulator, type Emulator } from '../../emulator/index.js'
import { tempDir } from '../support/temp.js'

const bin = join('node_modules', '@github', 'local-action', 'bin', 'local-action.js')

interface LocalRun {
  code: number | null
  output: string
  summary: string
}

/** .env.example, with the local service's address and the pipeline changed, and a job summary file. */
function envFile(emulator: Emulator, pipeline: string): { path: string; summary: string } {
  const dir = tempDir('local-action-')
  const summary = join(dir, 'summary.md')
  writeFileSync(summary, '')
  const env = readFileSync('.env.example', 'utf8')
    .replace(/^AWS_ENDPOINT_URL=.*$/m, `AWS_ENDPOINT_URL=${emulator.url}`)
    .replace(/^INPUT_PIPELINE-NAME=.*$/m, `INPUT_PIPELINE-NAME=${pipeline}`)
  const path = join(dir, '.env')
  writeFileSync(path, `${env}\nGITHUB_STEP_SUMMARY=${summary}\n`)
  return { path, summary }
}

async function localAction(emulator: Emulator, pipeline: string): Promise<LocalRun> {
  const env = envFile(emulator, pipeline)
  const args = [bin, '.', 'src/main.ts', env.path, '--post', 'src/post.ts']
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0' }
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', resolve)
  })
  return { code, output, summary: readFileSync(env.summary, 'utf8') }
}

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({
    pipelines: [samplePipeline({ name: 'local-ok' }), samplePipeline({ name: 'local-fail', fail: true })]
  })
})
afterAll(() => emulator.close())

test('local-action runs a passing run from the sources: one start, the verdict, the post step, exit 0', async () => {
  const run = await localAction(emulator, 'local-ok')
  expect(run.output).toContain('Pipeline local-ok execution')
  expect(run.output).toMatch(/Pipeline local-ok execution \S+ Succeeded\./)
  expect(run.output).toContain('Running Post Step')
  expect(run.summary).toContain('Succeeded')
  expect(run.code).toBe(0)
  const starts = emulator.requests('StartPipelineExecution').filter((r) => r.body.name === 'local-ok')
  expect(starts).toHaveLength(1)
}, 120000)

test('local-action runs a failing run: the failure sentence, no crash on the exit code, the post step still runs', async () => {
  const run = await localAction(emulator, 'local-fail')
  expect(run.output).toMatch(/local-fail/)
  expect(run.output).not.toMatch(/ExitCode|TypeError|Cannot read properties/)
  expect(run.output).toContain('Running Post Step')
  expect(run.summary).toContain('Failed')
  expect(run.code).not.toBe(0)
}, 120000)
