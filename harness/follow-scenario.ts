// The demo's `--scenario follow`: the pipeline's own trigger starts the execution, the action starts nothing.
// Around it: an older run of the same commit (the branch before the pull request), the trigger's execution for
// the pull request head 5 s in, and a newer one for another commit 7 s in. Triggers go through the service's
// control endpoint (POST /_emulator/trigger), as any process that only knows its URL would send them.
import { samplePipeline, type TriggerRequest } from '../emulator/index.js'
import { exampleEvent, runAction } from './runner.js'
import type { Scenario, ScenarioContext } from './scenarios.js'

const ANOTHER_COMMIT = '0123456789abcdef0123456789abcdef01234567'

async function trigger(ctx: ScenarioContext, request: TriggerRequest): Promise<string> {
  const answer = await fetch(`${ctx.url}/_emulator/trigger`, { method: 'POST', body: JSON.stringify(request) })
  const body = (await answer.json()) as { pipelineExecutionId?: string; message?: string }
  if (!answer.ok || !body.pipelineExecutionId) throw new Error(`trigger refused: ${body.message ?? answer.status}`)
  return body.pipelineExecutionId
}

export const followScenario: Scenario = {
  description: "follow-trigger: follows the trigger's execution for the PR head (5 s in), not an older run of it nor a newer one",
  async run(ctx, name) {
    const event = exampleEvent('pull_request', 'opened')
    const pullRequest = event.payload.pull_request as { head: { sha: string }; updated_at: string }
    const head = pullRequest.head.sha
    pullRequest.updated_at = new Date().toISOString()
    const spec = samplePipeline({ name })
    spec.history = [{ status: 'Failed', durationSeconds: 40, startedSecondsAgo: 900, revision: head, triggerType: 'WebhookV2' }]
    ctx.addPipeline(spec)
    const right = await trigger(ctx, { pipelineName: name, revision: head, delaySeconds: 5 })
    const newer = await trigger(ctx, { pipelineName: name, revision: ANOTHER_COMMIT, delaySeconds: 7, triggerType: 'CloudWatchEvent' })
    const inputs = { 'pipeline-name': name, 'follow-trigger': 'true' }
    const result = await runAction({ endpoint: ctx.url, event, inputs, ...ctx.options })
    return { results: [result], others: [right, newer] }
  }
}
