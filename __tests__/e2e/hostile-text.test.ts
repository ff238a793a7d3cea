// Text from AWS can't command the runner: hostile texts in every field that reaches the log, the annotations
// and the summary (a build's error message and link, an approval's comment, a stop reason shown while
// Stopping and once Stopped, an AWS error message), through dist/ against the local service.
import { CodePipelineClient, ListActionExecutionsCommand, StopPipelineExecutionCommand } from '@aws-sdk/client-codepipeline'
import { startEmulator, type PipelineSpec } from '../../emulator/index.js'
import { startAction, type ActionResult } from '../../harness/runner.js'
import { uniqueName } from '../support/e2e.js'
import { FORGED_COMMAND, HOSTILE_TEXTS, LONG_HOSTILE } from '../support/hostile.js'
import { repo } from '../support/pipelines.js'

const TEXTS = Object.entries({ ...HOSTILE_TEXTS, 'very long': LONG_HOSTILE })

function hostilePipeline(name: string, text: string, buildSeconds: number, fails: boolean, usualSeconds = 0.5): PipelineSpec {
  const source = { FullRepositoryId: repo, BranchName: 'main', ConnectionArn: 'arn:aws:codestar-connections:us-east-1:1:connection/x' }
  return {
    name,
    // A short usual duration, so the status is asked while the build still runs (and a Stopping is seen).
    history: [{ status: 'Succeeded', durationSeconds: usualSeconds, startedSecondsAgo: 600 }],
    stages: [
      {
        name: 'Source',
        actions: [{ name: 'App', category: 'Source', provider: 'CodeStarSourceConnection', configuration: source, durationSeconds: 0.1 }]
      },
      { name: 'Approve', actions: [{ name: 'Release', category: 'Approval', provider: 'Manual', durationSeconds: 0.1, summary: text }] },
      {
        name: 'Build',
        actions: [
          {
            name: 'Compile',
            category: 'Build',
            provider: 'CodeBuild',
            durationSeconds: buildSeconds,
            outcome: fails ? 'Failed' : 'Succeeded',
            errorMessage: text,
            summary: text,
            externalUrl: `https://example.com/build#${text}`
          }
        ]
      }
    ]
  }
}

/** The runner's view of stdout: lines split as .NET's ReadLine splits them, and the commands it would run. */
function commands(stdout: string): string[] {
  return stdout.split(/\r\n|\r|\n/).filter((line) => /^[\s\u0085\u2028\u2029]*(::|##\[)/.test(line))
}

async function buildRunning(cp: CodePipelineClient, pipelineName: string, executionId: string): Promise<void> {
  for (;;) {
    const out = await cp.send(new ListActionExecutionsCommand({ pipelineName, filter: { pipelineExecutionId: executionId } }))
    if (out.actionExecutionDetails?.some((d) => d.actionName === 'Compile' && d.status === 'InProgress')) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

function expectInert(result: ActionResult): void {
  expect(result.stdout).not.toMatch(FORGED_COMMAND)
  // Only the action's own commands: one error annotation (the failure), warnings and debug lines.
  for (const line of commands(result.stdout)) expect(line).toMatch(/^::(error title=[^:]*|warning|debug)::/)
  expect(result.errors).toHaveLength(1)
  expect(result.errors.join('\n')).not.toContain('\u001b')
  // Inside an href (percent-encoded by URL parsing) markup is inert; everywhere else it must be escaped.
  const rendered = result.summary.replace(/href="[^"]*"/g, '')
  for (const raw of ['<script', '**bold**', '@octocat', '| cell']) expect(rendered).not.toContain(raw)
  expect(result.summary).not.toMatch(LONE_SURROGATE)
  expect(result.stdout).not.toMatch(LONE_SURROGATE)
  expect(result.stdout).not.toContain('\u001b')
}

test.concurrent.each(TEXTS)('%s: a failed build, its link, an approval comment and an AWS error message', async (_, text) => {
  const emulator = await startEmulator({
    pipelines: [],
    // Five: the SDK's own retries see the first four.
    faults: { rules: [{ operation: 'GetPipelineExecution', kind: 'http500', times: 5, message: text }] }
  })
  try {
    const name = uniqueName('hostile')
    emulator.addPipeline(hostilePipeline(name, text, 0.3, true))
    const result = await startAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name } }).done
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^\[\+[\d.]+s\] Build \/ Compile failed after /m)
    expect(result.stdout).toMatch(/^::warning::Could not get the execution's status/m)
    expect(result.errors[0]).toMatch(/failed in stage Build, action Compile: /)
    expectInert(result)
  } finally {
    await emulator.close()
  }
})

test.concurrent.each(TEXTS)('%s: a stop reason, while Stopping and once Stopped', async (_, text) => {
  const emulator = await startEmulator({ pipelines: [] })
  try {
    const name = uniqueName('hostile-stop')
    // The build runs 6 s; the status is first asked at the usual 2 s, while the stop is under way.
    emulator.addPipeline(hostilePipeline(name, 'fine', 6, false, 2))
    const run = startAction({ endpoint: emulator.url, inputs: { 'pipeline-name': name } })
    const started = await run.waitForLine(/^Started execution /)
    const executionId = /execution ([0-9a-f-]{36})/.exec(started)![1]
    const cp = new CodePipelineClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 's' }
    })
    await buildRunning(cp, name, executionId)
    // The API takes at most 200 characters of reason.
    const reason = Array.from(text).slice(0, 100).join('')
    await cp.send(new StopPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: executionId, reason }))
    const result = await run.done
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(new RegExp(`^Execution ${executionId} is Stopping: `, 'm'))
    expect(result.errors[0]).toMatch(/ended Stopped: it was stopped before it finished/)
    expectInert(result)
  } finally {
    await emulator.close()
  }
})
