// V2 scenarios for the end-to-end tests and the demo (`npm run demo -- --scenario NAME`): a pipeline with stage
// conditions, retries, rollbacks, queues or transitions, and what happens around the action (another
// execution ahead in the queue, someone enabling a transition, a manual retry), on the real clock.
import {
  CodePipelineClient,
  EnableStageTransitionCommand,
  RetryStageExecutionCommand,
  StartPipelineExecutionCommand
} from '@aws-sdk/client-codepipeline'
import {
  githubSourceStage,
  SAMPLE_REPOSITORY,
  type ActionSpec,
  type PipelineSpec,
  type RuleSpec,
  type StageSpec
} from '../emulator/index.js'
import { approveScenario, rerunScenario } from './approve-scenarios.js'
import { followScenario } from './follow-scenario.js'
import { ecrImageScenario, s3ArtifactScenario } from './source-scenarios.js'
import { exampleEvent, runAction, type ActionResult, type RunOptions } from './runner.js'

export interface ScenarioRun {
  /** Each run of the action, in order (PARALLEL and manual-retry run it twice). */
  results: ActionResult[]
  /** Ids of executions started around the action (the one ahead in the queue, …). */
  others: string[]
}

export interface ScenarioContext {
  url: string
  addPipeline(spec: PipelineSpec): void
  /** Extra RunOptions (onStdout for the demo). */
  options?: Partial<RunOptions>
}

export interface Scenario {
  description: string
  run(ctx: ScenarioContext, name: string): Promise<ScenarioRun>
}

export const action = (name: string, seconds: number, extra: Partial<ActionSpec> = {}): ActionSpec => ({
  name,
  category: name === 'Ship' ? 'Deploy' : 'Build',
  provider: 'CodeBuild',
  durationSeconds: seconds,
  configuration: { ProjectName: name.toLowerCase() },
  summary: `${name} finished`,
  externalUrl: `https://console.aws.amazon.com/codesuite/codebuild/projects/${name.toLowerCase()}/build/1/log`,
  ...extra
})

export const ALARM_URL = 'https://console.aws.amazon.com/cloudwatch/home#alarmsV2:alarm/'

export const rule = (name: string, provider: RuleSpec['provider'], seconds: number, fails = false, summary?: string): RuleSpec => ({
  name,
  provider,
  durationSeconds: seconds,
  outcome: fails ? 'Failed' : 'Succeeded',
  summary: summary ?? (fails ? `${name} is in ALARM` : `${name} passed`),
  errorMessage: fails ? `${name} is in ALARM: 5xx rate above 1% for 3 datapoints` : undefined,
  externalUrl: `${ALARM_URL}${name}`
})

const GOOD_REVISION = 'f00dfeedcafe0000000000000000000000000000'

/** Source, Build (Compile) and Deploy (Ship), with overrides per stage; the emulator's tests use slower timings. */
export function v2Pipeline(
  name: string,
  build: Partial<StageSpec> = {},
  deploy: Partial<StageSpec> = {},
  extra: Partial<PipelineSpec> = {},
  timing = { repository: SAMPLE_REPOSITORY, sourceSeconds: 0.2, actionSeconds: 1 }
): PipelineSpec {
  return {
    name,
    pipelineType: 'V2',
    stages: [
      githubSourceStage(timing.repository, timing.sourceSeconds),
      { name: 'Build', actions: [action('Compile', timing.actionSeconds)], ...build },
      { name: 'Deploy', actions: [action('Ship', timing.actionSeconds)], ...deploy }
    ],
    ...extra
  }
}

const pipeline = v2Pipeline

const withHistory = { history: [{ status: 'Succeeded' as const, durationSeconds: 3, startedSecondsAgo: 3600, revision: GOOD_REVISION }] }

/** Long waits are polled at poll-interval-max-seconds: 1 s keeps the scenarios short. */
const inputs = (name: string, extra: Record<string, string> = {}) => ({
  'pipeline-name': name,
  'poll-interval-min-seconds': '0.5',
  'poll-interval-max-seconds': '1',
  ...extra
})

const client = (url: string) =>
  new CodePipelineClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDSCENARIO', secretAccessKey: 'x' } })

function runOnce(ctx: ScenarioContext, name: string, extra: Record<string, string> = {}, env: Record<string, string> = {}) {
  return runAction({ endpoint: ctx.url, event: exampleEvent('pull_request', 'opened'), inputs: inputs(name, extra), env, ...ctx.options })
}

/** One run of the action on a pipeline the scenario adds. */
const single = (description: string, spec: (name: string) => PipelineSpec, extra: Record<string, string> = {}): Scenario => ({
  description,
  run: async (ctx, name) => {
    ctx.addPipeline(spec(name))
    return { results: [await runOnce(ctx, name, extra)], others: [] }
  }
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export const SCENARIOS: Record<string, Scenario> = {
  'entry-condition': single('An entry condition holds Build for 3 s (a deployment window), then lets it in', (name) =>
    pipeline(name, {
      beforeEntry: { conditions: [{ rules: [rule('BusinessHours', 'DeploymentWindow', 3, false, 'Inside the deployment window')] }] }
    })
  ),
  'entry-condition-fails': single("An entry condition's alarm is firing: the stage fails, and the rule is named", (name) =>
    pipeline(name, { beforeEntry: { conditions: [{ result: 'FAIL', rules: [rule('ProdErrorRate', 'CloudWatchAlarm', 2, true)] }] } })
  ),
  bake: single('Deploy succeeds, then bakes for 3 s; its alarm fires and CodePipeline rolls Deploy back', (name) =>
    pipeline(
      name,
      {},
      { onSuccess: { conditions: [{ result: 'ROLLBACK', rules: [rule('BakeAlarm', 'CloudWatchAlarm', 3, true)] }] } },
      withHistory
    )
  ),
  skipped: single('An entry condition with result SKIP skips Build; Deploy runs', (name) =>
    pipeline(name, {
      beforeEntry: { conditions: [{ result: 'SKIP', rules: [rule('OnlyOnMain', 'VariableCheck', 0.5, true, 'BRANCH is not main')] }] }
    })
  ),
  'auto-retry': single('Compile fails once; CodePipeline retries the stage automatically and it passes', (name) =>
    pipeline(name, {
      actions: [action('Compile', 1, { outcome: 'Failed', retryOutcome: 'Succeeded', errorMessage: 'Flaky test: timeout in login.spec' })],
      onFailure: { result: 'RETRY', retryMode: 'FAILED_ACTIONS' }
    })
  ),
  rollback: single(
    'Deploy fails; CodePipeline rolls it back to the last good execution (wait-for-rollback: true)',
    (name) =>
      pipeline(
        name,
        {},
        {
          actions: [action('Ship', 1, { outcome: 'Failed', errorMessage: 'Health check failed on 3 of 4 hosts' })],
          onFailure: { result: 'ROLLBACK' }
        },
        withHistory
      ),
    { 'wait-for-rollback': 'true' }
  ),
  'disabled-transition': {
    description: "Deploy's inbound transition is disabled (change freeze); someone enables it once the step says why it waits",
    run: async (ctx, name) => {
      ctx.addPipeline(pipeline(name, {}, { disabledTransition: { reason: 'Change freeze until the release review (ticket 42)' } }))
      let enabled: Promise<unknown> | undefined
      const enable = () =>
        (enabled ??= client(ctx.url).send(
          new EnableStageTransitionCommand({ pipelineName: name, stageName: 'Deploy', transitionType: 'Inbound' })
        ))
      // Enabled once the step has explained the wait (or after 20 s): a busy machine never races past the freeze.
      const fallback = setTimeout(() => void enable(), 20_000)
      let seen = ''
      const onStdout = (chunk: string) => {
        ctx.options?.onStdout?.(chunk)
        seen += chunk
        if (seen.includes('inbound transition is disabled')) void enable()
      }
      try {
        const result = await runOnce({ ...ctx, options: { ...ctx.options, onStdout } }, name)
        await enabled
        return { results: [result], others: [] }
      } finally {
        clearTimeout(fallback)
      }
    }
  },
  queued: {
    description: 'QUEUED mode: another execution holds Build for 5 s; this one waits its turn',
    run: async (ctx, name) => {
      ctx.addPipeline(pipeline(name, { actions: [action('Compile', 5)] }, {}, { executionMode: 'QUEUED' }))
      const ahead = await client(ctx.url).send(new StartPipelineExecutionCommand({ name }))
      await sleep(500) // it is in Build
      return { results: [await runOnce(ctx, name)], others: [ahead.pipelineExecutionId ?? ''] }
    }
  },
  parallel: {
    description: 'PARALLEL mode: two pull requests run side by side, each followed to its own verdict',
    run: async (ctx, name) => {
      ctx.addPipeline(pipeline(name, { actions: [action('Compile', 3)] }, {}, { executionMode: 'PARALLEL' }))
      // Two workflow runs, two commits.
      const results = await Promise.all(
        ['a', 'b'].map((c, i) => runOnce(ctx, name, { 'commit-id': c.repeat(40) }, { GITHUB_RUN_ID: `90000000${i}` }))
      )
      return { results, others: [] }
    }
  },
  'manual-retry': {
    description: 'Compile fails; someone retries the stage in the console; the re-run follows the same execution to success',
    run: async (ctx, name) => {
      ctx.addPipeline(
        pipeline(name, {
          actions: [action('Compile', 1, { outcome: 'Failed', retryOutcome: 'Succeeded', errorMessage: 'Out of disk space' })]
        })
      )
      // A fixed token: the second run gets the same execution back (as a re-run with client-request-token does).
      const token = { 'client-request-token': `manual-retry-${name}`.replace(/[^a-zA-Z0-9-]/g, '-') }
      const first = await runOnce(ctx, name, token)
      const executionId = first.outputs['pipeline-execution-id'] ?? ''
      await client(ctx.url).send(
        new RetryStageExecutionCommand({
          pipelineName: name,
          stageName: 'Build',
          pipelineExecutionId: executionId,
          retryMode: 'FAILED_ACTIONS'
        })
      )
      return { results: [first, await runOnce(ctx, name, token)], others: [] }
    }
  },
  follow: followScenario,
  's3-artifact': s3ArtifactScenario,
  'ecr-image': ecrImageScenario,
  approve: approveScenario,
  rerun: rerunScenario
}
