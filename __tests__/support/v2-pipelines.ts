// V2 pipeline specs for the emulator's stage-condition, retry, rollback and transition tests: the demo's
// scenario pipelines (harness/scenarios.ts), with round timings for a hand-driven clock.
import type { PipelineSpec, RuleSpec, StageSpec } from '../../emulator/index.js'
import { action, rule as scenarioRule, v2Pipeline as scenarioPipeline } from '../../harness/scenarios.js'

export const buildAction = action

export const rule = (name: string, provider: RuleSpec['provider'], seconds: number, fails = false): RuleSpec =>
  scenarioRule(name, provider, seconds, fails)

/** Source 1 s, Build 2 s (with `build` overrides), Deploy 2 s (with `deploy` overrides). */
export const v2Pipeline = (
  name: string,
  build: Partial<StageSpec> = {},
  deploy: Partial<StageSpec> = {},
  extra: Partial<PipelineSpec> = {}
) => scenarioPipeline(name, build, deploy, extra, { repository: 'octo/repo', sourceSeconds: 1, actionSeconds: 2 })
