// What stage conditions did to the execution, asked once it ended and only when the actions cannot tell:
// a failure with no failed action (a rule failed the stage: ListRuleExecutions), or a success with stages
// that never ran (an entry condition skipped them: GetPipelineState). An ordinary run asks neither.
import type { ActionRun, CodePipelinePort, RuleRun } from '../codepipeline/port.js'
import { errorMessage } from '../errors.js'
import type { Log } from '../ports.js'
import { latestRuns, type Structure } from './progress.js'

export interface ConditionDeps {
  port: Pick<CodePipelinePort, 'listRuleRuns' | 'getStageViews'>
  log: Log
}

/** The rule that failed the execution, when it failed and no action did. */
export async function ruleThatFailed(
  deps: ConditionDeps,
  pipelineName: string,
  executionId: string,
  runs: ActionRun[]
): Promise<RuleRun | undefined> {
  if ([...latestRuns(runs).values()].some((r) => r.status === 'Failed') || deps.port.listRuleRuns === undefined) return undefined
  try {
    const rules = await deps.port.listRuleRuns(pipelineName, executionId)
    return rules.filter((r) => r.status === 'Failed').sort((a, b) => (b.lastUpdateTime ?? 0) - (a.lastUpdateTime ?? 0))[0]
  } catch (err) {
    deps.log.debug(`Could not read the rule executions: ${errorMessage(err)}`)
    return undefined
  }
}

/** Stages an entry condition skipped for this execution, when some declared stage never ran an action. */
export async function skippedStages(
  deps: ConditionDeps,
  pipelineName: string,
  executionId: string,
  structure: Structure | undefined,
  runs: ActionRun[],
  known: ReadonlySet<string>
): Promise<Set<string>> {
  const ran = new Set(runs.map((r) => r.stageName))
  const silent = (structure ?? []).filter((s) => !ran.has(s.name) && !known.has(s.name))
  if (silent.length === 0 || deps.port.getStageViews === undefined) return new Set(known)
  try {
    const stages = await deps.port.getStageViews(pipelineName)
    const skipped = stages.filter((s) => s.latest?.executionId === executionId && s.latest.status === 'Skipped').map((s) => s.name)
    for (const name of skipped) deps.log.info(`Stage ${name} was skipped: its entry condition's result is SKIP.`)
    return new Set([...known, ...skipped])
  } catch (err) {
    deps.log.debug(`Could not read which stages were skipped: ${errorMessage(err)}`)
    return new Set(known)
  }
}
