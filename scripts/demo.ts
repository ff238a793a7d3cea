// `npm run demo [-- --fail]`: the bundled action against the local CodePipeline service, exactly
// as the runner would run it on a pull request. No AWS account, no credentials.
import { startEmulator, samplePipeline } from '../emulator/index.js'
import { exampleEvent, runAction, runPost } from '../harness/runner.js'

const fail = process.argv.includes('--fail')

/** Workflow commands are for the runner; show them the way the GitHub log does. */
function humanize(chunk: string): string {
  return chunk
    .replace(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/gm, (_m, kind: string, props: string | undefined, msg: string) => {
      const title = /title=([^,]*)/.exec(props ?? '')?.[1]
      return `${kind.toUpperCase()}${title ? ` [${decodeURIComponent(title)}]` : ''}: ${decodeURIComponent(msg)}`
    })
    .replace(/^::group::(.*)$/gm, '▶ $1')
    .replace(/^::endgroup::$/gm, '')
    .replace(/^::(add-mask|debug|save-state|set-output)::.*\n?/gm, '')
}

function heading(text: string): void {
  console.log(`\n\x1b[1m=== ${text}\x1b[0m`)
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ pipelines: [samplePipeline({ fail })] })
  try {
    const event = exampleEvent('pull_request', 'opened')
    const options = {
      endpoint: emulator.url,
      event,
      inputs: { 'pipeline-name': 'sample-pipeline', variables: 'DEPLOY_ENV=demo' },
      onStdout: (chunk: string) => process.stdout.write(humanize(chunk))
    }
    heading(`Local CodePipeline service at ${emulator.url}; running dist/index.js on pull_request #${event.payload.number}`)
    const main = await runAction(options)
    heading('Post step (the cancel backstop; after a finished execution it makes no AWS call)')
    await runPost(main, { ...options, onStdout: undefined })
    heading('Outputs (GITHUB_OUTPUT)')
    for (const [name, value] of Object.entries(main.outputs)) console.log(`${name}=${value}`)
    heading('Job summary (GITHUB_STEP_SUMMARY)')
    console.log(main.summary.trim() || '(empty)')
    heading(`The step ${main.code === 0 ? 'passed' : `failed (exit code ${main.code})`}`)
    const calls = emulator.requests().map((r) => r.operation)
    console.log(`API calls the action made: ${calls.length} (${[...new Set(calls)].join(', ')})`)
    if (!fail) console.log('To see a failing run: npm run demo -- --fail')
    process.exitCode = (main.code === 0) === !fail ? 0 : 1
  } finally {
    await emulator.close()
  }
}

await main()
