// The runs the IAM-policy test makes (__tests__/e2e/iam-policy.test.ts): each feature's documented policy is
// checked against what these runs of dist/ ask AWS for. Where a demo scenario (harness/scenarios.ts) shows the
// case, it is reused as it is; each scenario gets a local service of its own, so every request it records
// belongs to that scenario.
import { CodePipelineClient, StartPipelineExecutionCommand } from '@aws-sdk/client-codepipeline'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { samplePipeline, type Emulator } from '../../emulator/index.js'
import { exampleEvent, runPost, startAction, type ActionResult, type RunOptions } from '../../harness/runner.js'
import { SCENARIOS, v2Pipeline, type ScenarioContext } from '../../harness/scenarios.js'
import { DEMO_BUCKET, s3ArtifactPipeline } from '../../harness/source-scenarios.js'
import { until } from './e2e.js'
import type { Feature } from './iam-policy.js'
import { shortPipeline } from './pipelines.js'
import { tempDir } from './temp.js'

export interface IamContext extends ScenarioContext {
  emulator: Emulator
  /** The scenario's pipeline. */
  name: string
}

export interface PolicyScenario {
  /** The feature policies it needs on top of default; none: default inputs. */
  features: Feature[]
  /** Whether each of its runs (main or post step, in order) passes. */
  passes: boolean[]
  run(ctx: IamContext): Promise<ActionResult[]>
}

const options = (ctx: IamContext, inputs: Record<string, string> = {}, env: Record<string, string> = {}): RunOptions => ({
  endpoint: ctx.url,
  event: exampleEvent('pull_request', 'opened'),
  inputs: { 'pipeline-name': ctx.name, 'poll-interval-min-seconds': '0.5', 'poll-interval-max-seconds': '1', ...inputs },
  env
})

const demo = (scenario: string, features: Feature[], passes: boolean[]): PolicyScenario => ({
  features,
  passes,
  run: async (ctx) => (await SCENARIOS[scenario].run(ctx, ctx.name)).results
})

/** Main, stopped by a signal once it polls, then the post step, as the runner runs them. */
async function cancelled(ctx: IamContext, signal: NodeJS.Signals): Promise<ActionResult[]> {
  ctx.addPipeline(shortPipeline({ name: ctx.name, buildSeconds: 30 }))
  const run = options(ctx)
  const main = startAction(run)
  const polled = () => ctx.emulator.requests().find((r) => r.operation === 'ListActionExecutions' || r.operation === 'GetPipelineExecution')
  await until(polled, 30_000)
  main.child.kill(signal)
  const result = await main.done
  return [result, await runPost(result, run)]
}

export const POLICY_SCENARIOS: Record<string, PolicyScenario> = {
  pass: {
    features: [],
    passes: [true],
    run: async (ctx) => (ctx.addPipeline(v2Pipeline(ctx.name)), [await startAction(options(ctx)).done])
  },
  'fail-with-log': {
    features: [],
    passes: [false],
    run: async (ctx) => (ctx.addPipeline(samplePipeline({ name: ctx.name, fail: true })), [await startAction(options(ctx)).done])
  },
  'v2-condition-fails': demo('entry-condition-fails', [], [false]),
  'wait-explained': demo('entry-condition', [], [true]),
  rollback: demo('rollback', [], [false]),
  'cancel-stops': { features: [], passes: [false, true], run: (ctx) => cancelled(ctx, 'SIGTERM') },
  'killed-post-stops': { features: [], passes: [false, true], run: (ctx) => cancelled(ctx, 'SIGKILL') },
  'follow-trigger': {
    features: ['follow'],
    passes: [true],
    async run(ctx) {
      // The demo's follow scenario, sooner: the pipeline's own trigger starts the pull request head 1 s in.
      ctx.addPipeline(v2Pipeline(ctx.name))
      const run = options(ctx, { 'follow-trigger': 'true' })
      const pullRequest = run.event!.payload.pull_request as { head: { sha: string }; updated_at: string }
      pullRequest.updated_at = new Date().toISOString()
      ctx.emulator.trigger({ pipelineName: ctx.name, revision: pullRequest.head.sha, delaySeconds: 1 })
      return [await startAction(run).done]
    }
  },
  'execution-id': {
    features: ['follow'],
    passes: [true],
    async run(ctx) {
      ctx.addPipeline(v2Pipeline(ctx.name))
      const client = new CodePipelineClient({
        endpoint: ctx.url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKIDSCENARIO', secretAccessKey: 'x' }
      })
      const started = await client.send(new StartPipelineExecutionCommand({ name: ctx.name }))
      client.destroy()
      return [await startAction(options(ctx, { 'execution-id': started.pipelineExecutionId ?? '' })).done]
    }
  },
  approve: demo('approve', ['approve'], [true]),
  // Attempt 1 fails in Deploy; the re-run (attempt 2) retries that stage of the same execution. on-rerun: retry is
  // the default, so a re-run is a run with default inputs (docs/security.md: RetryStageExecution is in default).
  rerun: demo('rerun', [], [false, true]),
  artifact: {
    features: ['artifact'],
    passes: [true],
    async run(ctx) {
      ctx.emulator.addBucket({ name: DEMO_BUCKET })
      ctx.addPipeline(s3ArtifactPipeline(ctx.name))
      const workspace = tempDir('iam-artifact-')
      mkdirSync(join(workspace, 'build'))
      writeFileSync(join(workspace, 'build', 'index.js'), 'console.log("hello")\n')
      const env = { AWS_ENDPOINT_URL_S3: ctx.url, GITHUB_WORKSPACE: workspace }
      return [await startAction(options(ctx, { artifact: 'build' }, env)).done]
    }
  }
}
