// `npm run emulator -- [--port N] [--host H] [--pipelines FILE] [--bucket NAME[:VERSIONING]]... [--fail] [--quiet]`
// Serves the sample pipeline (or the file's pipelines), and S3 buckets for S3 sources, until SIGINT/SIGTERM.
import { parseArgs } from 'node:util'
import { loadPipelines, samplePipeline, startEmulator, type BucketSpec, type Versioning } from './index.js'

const usage =
  'usage: npm run emulator -- [--port N] [--host 127.0.0.1] [--pipelines FILE.yaml|.json] [--bucket NAME[:Enabled|Suspended|Off]]... [--fail] [--quiet]'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      pipelines: { type: 'string' },
      bucket: { type: 'string', multiple: true, default: [] }, // an S3 bucket, versioned unless :Suspended or :Off
      fail: { type: 'boolean', default: false }, // serve the failing sample instead
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    }
  })
  if (values.help) return console.log(usage)
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535; got '${values.port}'`)
  const pipelines = values.pipelines ? loadPipelines(values.pipelines) : [samplePipeline({ fail: values.fail })]
  const buckets = values.bucket.map((b): BucketSpec => {
    const [name = '', versioning = 'Enabled'] = b.split(':')
    return { name, versioning: versioning as Versioning }
  })
  const emulator = await startEmulator({
    port,
    host: values.host,
    pipelines,
    buckets,
    log: values.quiet ? undefined : (line) => console.log(line)
  })
  console.log(`CodePipeline emulator listening on ${emulator.url}`)
  console.log(`pipelines: ${pipelines.map((p) => p.name).join(', ')}`)
  console.log(`use it with: export AWS_ENDPOINT_URL_CODEPIPELINE=${emulator.url}`)
  if (buckets.length > 0)
    console.log(`S3 buckets: ${buckets.map((b) => b.name).join(', ')} (AWS_ENDPOINT_URL_S3=${emulator.url}, path-style)`)
  const stop = (signal: string) => {
    console.log(`${signal}: stopping`)
    void emulator.close().then(() => process.exit(0))
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(`emulator: ${error instanceof Error ? error.message : String(error)}`)
  console.error(usage)
  process.exit(1)
})
