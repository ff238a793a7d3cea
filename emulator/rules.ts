// Evaluating a stage's conditions: every rule of every condition runs for its scripted duration; once all
// have ended, the first condition with a failed rule decides what happens to the stage.
import { randomUUID } from 'node:crypto'
import type { ConditionKind } from './conditions.js'
import type { ConditionResult } from './types.js'
import type { Execution } from './model.js'
import type { Stage } from './spec.js'

export function startConditions(e: Execution, stage: Stage, stageIndex: number, kind: ConditionKind, t: number): void {
  stage[kind].forEach((condition, conditionIndex) => {
    for (const rule of condition.rules)
      e.ruleRuns.push({
        id: randomUUID(),
        executionId: e.id,
        stageIndex,
        stage,
        kind,
        conditionIndex,
        rule,
        status: 'InProgress',
        startMs: t,
        endMs: t + rule.durationMs,
        externalExecutionId: randomUUID()
      })
  })
}

/** The latest evaluation of one kind of condition in a stage (a retry or a later visit evaluates again). */
export function latestRuleRuns(e: Execution, stageIndex: number, kind: ConditionKind): Execution['ruleRuns'] {
  const runs = e.ruleRuns.filter((r) => r.stageIndex === stageIndex && r.kind === kind)
  const latest = new Map<string, Execution['ruleRuns'][number]>()
  for (const r of runs) latest.set(`${r.conditionIndex}/${r.rule.name}`, r)
  return [...latest.values()]
}

/** Undefined when every rule succeeded; otherwise the failed condition's result and the execution's summary. */
export function conditionOutcome(
  e: Execution,
  stage: Stage,
  stageIndex: number,
  kind: ConditionKind
): { result: ConditionResult; summary: string } | undefined {
  const failed = latestRuleRuns(e, stageIndex, kind).find((r) => r.status === 'Failed')
  if (failed === undefined) return undefined
  const result = stage[kind][failed.conditionIndex]?.result ?? 'FAIL'
  const why = failed.rule.errorMessage ?? failed.rule.summary ?? 'the rule failed'
  const which = kind === 'beforeEntry' ? 'entry condition' : 'success condition'
  return { result, summary: `Rule '${failed.rule.name}' of the ${which} of stage '${stage.name}' failed: ${why}` }
}
