// The demo's `--scenario approve` and `--scenario rerun`: the step approves its own execution's manual approval;
// and a re-run of a job whose attempt 1 failed in Deploy retries only Deploy's failed actions of that execution.
import type { PipelineSpec } from '../emulator/index.js'
import { exampleEvent, runAction } from './runner.js'
import { action, v2Pipeline, type Scenario, type ScenarioContext } from './scenarios.js'

const run = (ctx: ScenarioContext, name: string, inputs: Record<string, string>, attempt = 1) =>
  runAction({
    endpoint: ctx.url,
    event: exampleEvent('pull_request', 'opened'),
    inputs: { 'pipeline-name': name, 'poll-interval-min-seconds': '0.5', 'poll-interval-max-seconds': '1', ...inputs },
    env: { GITHUB_RUN_ATTEMPT: String(attempt) },
    ...ctx.options
  })

/** Source, Build, a Release approval nobody answers in the console for 10 minutes, then Deploy. */
function withApproval(name: string): PipelineSpec {
  const base = v2Pipeline(name)
  const release = {
    name: 'Release',
    actions: [{ name: 'Approve', category: 'Approval' as const, provider: 'Manual', durationSeconds: 600 }]
  }
  return { ...base, stages: [...base.stages.slice(0, 2), release, ...base.stages.slice(2)] }
}

export const approveScenario: Scenario = {
  description: 'approve: Release.Approve: the step approves its own execution at the manual approval, naming the run',
  async run(ctx, name) {
    ctx.addPipeline(withApproval(name))
    return { results: [await run(ctx, name, { approve: 'Release.Approve' })], others: [] }
  }
}

export const rerunScenario: Scenario = {
  description: 'Attempt 1 fails in Deploy (a flaky health check); attempt 2 retries Deploy only and succeeds',
  async run(ctx, name) {
    const ship = action('Ship', 1, { outcome: 'Failed', retryOutcome: 'Succeeded', errorMessage: 'Health check failed on 1 of 4 hosts' })
    // The pipeline declares GITHUB_RUN_STEP: the start records the run there, so a re-run can find its execution.
    ctx.addPipeline(v2Pipeline(name, {}, { actions: [ship] }, { variables: [{ name: 'GITHUB_RUN_STEP', defaultValue: 'none' }] }))
    const first = await run(ctx, name, {}, 1)
    return { results: [first, await run(ctx, name, {}, 2)], others: [] }
  }
}
