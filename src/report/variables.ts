// What the pipeline produced, for later steps: every action's output variables (keyed by the action's
// namespace, else Stage.Action) and the execution's resolved pipeline variables, both as JSON outputs:
// fromJSON(steps.pipeline.outputs.output-variables).BuildVariables.IMAGE_TAG.
import type { PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import type { ActionRun, ExecutionState } from '../codepipeline/port.js'
import type { Outputs } from '../ports.js'
import { latestRuns } from './progress.js'

export type OutputVariables = Record<string, Record<string, string>>

/** The newest run of each action with output variables; a namespace shared by two actions keeps the later. */
export function collectOutputVariables(runs: ActionRun[]): OutputVariables {
  const collected: OutputVariables = {}
  const ordered = [...latestRuns(runs).values()].sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0))
  for (const run of ordered) {
    if (!run.outputVariables || Object.keys(run.outputVariables).length === 0) continue
    collected[run.namespace || `${run.stageName}.${run.actionName}`] = { ...run.outputVariables }
  }
  return collected
}

export function pipelineVariables(state: Pick<ExecutionState, 'variables'> | undefined): Record<string, string> {
  return Object.fromEntries((state?.variables ?? []).map((v) => [v.name, v.value]))
}

/**
 * Sets output-variables and pipeline-variables. With mask-variables, the resolved values are masked first
 * (`masked`: the values given as inputs, masked at the start already).
 */
export function setVariableOutputs(
  outputs: Outputs,
  runs: ActionRun[],
  state: ExecutionState | undefined,
  mask: { maskVariables: boolean; masked: string[] }
): void {
  const resolved = pipelineVariables(state)
  if (mask.maskVariables)
    for (const value of new Set(Object.values(resolved))) if (value && !mask.masked.includes(value)) outputs.setSecret?.(value)
  outputs.setOutput('output-variables', JSON.stringify(collectOutputVariables(runs)))
  outputs.setOutput('pipeline-variables', JSON.stringify(resolved))
}

/**
 * With mask-variables, the declared defaults too, before the start: a variable not given resolves to its default,
 * which an action's error message or log can show long before the end masks the resolved values.
 */
export function maskDefaults(outputs: Outputs, maskVariables: boolean, pipeline: PipelineDeclaration | undefined): void {
  if (!maskVariables) return
  for (const declared of pipeline?.variables ?? []) if (declared.defaultValue) outputs.setSecret?.(declared.defaultValue)
}
