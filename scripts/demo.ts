// `npm run demo [-- --fail | --scenario NAME]`: the bundled action against the local CodePipeline service,
// exactly as the runner would run it on a pull request. No AWS account, no credentials. The V2 scenarios
// (stage conditions, retries, rollbacks, queues, transitions) are in harness/scenarios.ts.
import { startEmulator, samplePipeline } from '../emulator/index.js'
import { exampleEvent, runAction, runPost } from '../harness/runner.js'
import { SCENARIOS } from '../harness/scenarios.js'
import { summaryText } from './summary-text.js'

const fail = process.argv.includes('--fail')
const scenarioAt = process.argv.indexOf('--scenario')
const scenario = scenarioAt >= 0 ? (process.argv[scenarioAt + 1] ?? '') : undefined

/** Workflow commands are for the runner; show them the way the GitHub log does (which hides the stop-commands markers too). */
function humanize(chunk: string): string {
  return chunk
    .replace(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/gm, (_m, kind: string, props: string | undefined, msg: string) => {
      const title = /title=([^,]*)/.exec(props ?? '')?.[1]
      return `${kind.toUpperCase()}${title ? ` [${decodeURIComponent(title)}]` : ''}: ${decodeURIComponent(msg)}`
    })
    .replace(/^::group::(.*)$/gm, '▶ $1')
    .replace(/^::endgroup::$/gm, '')
    .replace(/^::(add-mask|debug|save-state|set-output)::.*\n?/gm, '')
    .replace(/^::stop-commands::[0-9a-f]{32}\n|^::[0-9a-f]{32}::\n/gm, '')
}

/** Bold only on a terminal: piped into a file or a CI log, the output stays plain text. */
const bold = process.stdout.isTTY && !process.env.NO_COLOR ? (text: string) => `\x1b[1m${text}\x1b[0m` : (text: string) => text

function heading(text: string): void {
  console.log(`\n${bold(`=== ${text}`)}`)
}

async function showScenario(name: string): Promise<void> {
  const chosen = SCENARIOS[name]
  if (chosen === undefined) {
    console.error(`Unknown scenario '${name}'. Scenarios:`)
    for (const [key, s] of Object.entries(SCENARIOS)) console.error(`  ${key.padEnd(22)} ${s.description}`)
    process.exitCode = 2
    return
  }
  const emulator = await startEmulator({ pipelines: [] })
  try {
    heading(`Scenario ${name}: ${chosen.description}`)
    const options = { onStdout: (chunk: string) => process.stdout.write(humanize(chunk)) }
    const run = await chosen.run({ url: emulator.url, addPipeline: (spec) => emulator.addPipeline(spec), options }, `demo-${name}`)
    run.results.forEach((result, i) => {
      heading(`Run ${i + 1} of ${run.results.length}: outputs`)
      for (const [key, value] of Object.entries(result.outputs)) console.log(`${key}=${value}`)
      heading(`Run ${i + 1}: job summary (as plain text)`)
      console.log(summaryText(result.summary) || '(empty)')
      heading(`Run ${i + 1}: the step ${result.code === 0 ? 'passed' : `failed (exit code ${result.code})`}`)
    })
  } finally {
    await emulator.close()
  }
}

async function main(): Promise<void> {
  if (scenario !== undefined) return showScenario(scenario)
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
    heading('Job summary (GITHUB_STEP_SUMMARY, as plain text)')
    console.log(summaryText(main.summary) || '(empty)')
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
