// StartPipelineExecution's clientRequestToken: the same for every try of one step in one run attempt,
// so a retried or relaunched process gets its execution back instead of starting a second one.
import { createHash, randomUUID } from 'node:crypto'
import type { StartRequest } from '../codepipeline/port.js'

/** What identifies one step of one run attempt, as the runner puts it in the environment. */
export interface StepIdentity {
  runId?: string
  runAttempt?: string
  job?: string
  action?: string
}

export function stepIdentity(env: NodeJS.ProcessEnv): StepIdentity {
  return { runId: env.GITHUB_RUN_ID, runAttempt: env.GITHUB_RUN_ATTEMPT, job: env.GITHUB_JOB, action: env.GITHUB_ACTION }
}

/**
 * A token matching the model's `^[a-zA-Z0-9-]+$`, at most 128 characters. The variables and source
 * revisions are part of it: matrix legs share run, job and step, and differ only in what they send.
 * Outside a workflow run (no GITHUB_RUN_ID) there is nothing stable to derive it from: a random one.
 */
export function deriveRequestToken(step: StepIdentity, request: Omit<StartRequest, 'clientRequestToken'>): string {
  if (!step.runId) return randomUUID()
  const identity = JSON.stringify([
    step.runId,
    step.runAttempt ?? '1',
    step.job ?? '',
    step.action ?? '',
    request.pipelineName,
    request.variables.map((v) => [v.name, v.value]),
    request.sourceRevisions.map((r) => [r.actionName, r.revisionType, r.revisionValue])
  ])
  const digest = createHash('sha256').update(identity).digest('hex')
  return `gha-${step.runId}-${step.runAttempt ?? '1'}-${digest}`.replace(/[^a-zA-Z0-9-]/g, '-').slice(0, 128)
}
