import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { samplePipeline } from '../../emulator/index.js'
import { tempDir } from '../support/temp.js'

const tsx = join('node_modules', 'tsx', 'dist', 'cli.mjs')
const runCli = (...args: string[]) => spawn(process.execPath, [tsx, 'emulator/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })

/** Collects the output and resolves once `pattern` shows up. */
function waitFor(child: ChildProcess, pattern: RegExp): { output: () => string; match: Promise<RegExpMatchArray> } {
  let text = ''
  const match = new Promise<RegExpMatchArray>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString()
      const found = pattern.exec(text)
      if (found) resolve(found)
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${text}`)))
  })
  return { output: () => text, match }
}

const exitCode = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

test('serves a pipelines file, prints the URL and the env line, logs requests and stops on SIGTERM', async () => {
  const file = join(tempDir('emulator-cli-'), 'pipelines.yaml')
  writeFileSync(file, stringify({ pipelines: [samplePipeline({ name: 'from-file' })] }))
  const child = runCli('--port', '0', '--pipelines', file)
  const watch = waitFor(child, /AWS_ENDPOINT_URL_CODEPIPELINE=(http:\/\/127\.0\.0\.1:\d+)/)
  const [, url] = await watch.match
  expect(watch.output()).toContain('pipelines: from-file')
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'x-amz-target': 'CodePipeline_20150709.GetPipeline', authorization: 'AWS4-HMAC-SHA256 Credential=A/x' },
    body: JSON.stringify({ name: 'from-file' })
  })
  expect(answer.status).toBe(200)
  const exited = exitCode(child)
  await new Promise((resolve) => setTimeout(resolve, 100))
  child.kill('SIGTERM')
  expect(await exited).toBe(0)
  expect(watch.output()).toMatch(/GetPipeline 200/)
  expect(watch.output()).toContain('SIGTERM: stopping')
})

test('a bad argument is one line naming it, and exit code 1', async () => {
  const child = runCli('--port', 'eighty')
  const watch = waitFor(child, /never/)
  watch.match.catch(() => undefined)
  expect(await exitCode(child)).toBe(1)
  expect(watch.output()).toContain("--port must be 0..65535; got 'eighty'")
})

test('--bucket serves S3 buckets (versioned unless :Off or :Suspended); a bad bucket name is refused', async () => {
  const child = runCli('--port', '0', '--quiet', '--bucket', 'demo-artifacts', '--bucket', 'plain:Off')
  const watch = waitFor(child, /AWS_ENDPOINT_URL_S3=(http:\/\/127\.0\.0\.1:\d+)/)
  const [, url] = await watch.match
  const versioning = (bucket: string) =>
    fetch(`${url}/${bucket}?versioning`, {
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=A/20250101/us-east-1/s3/aws4_request' }
    }).then((r) => r.text())
  expect(await versioning('demo-artifacts')).toContain('<Status>Enabled</Status>')
  expect(await versioning('plain')).not.toContain('<Status>')
  const exited = exitCode(child)
  child.kill('SIGTERM')
  expect(await exited).toBe(0)

  const bad = runCli('--port', '0', '--bucket', 'Not_A_Bucket')
  const badWatch = waitFor(bad, /never/)
  badWatch.match.catch(() => undefined)
  expect(await exitCode(bad)).toBe(1)
  expect(badWatch.output()).toContain("bucket name 'Not_A_Bucket' is not a valid S3 bucket name")
})
