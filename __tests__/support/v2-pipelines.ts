// V2 pipeline specs for the emulator's stage-condition, retry, rollback and transition tests.
import { githubSourceStage, type ActionSpec, type PipelineSpec, type RuleSpec, type StageSpec } from '../../emulator/index.js'

const build = (name: string, seconds: number, extra: Partial<ActionSpec> = {}): ActionSpec => ({
  name,
  category: 'Build',
  provider: 'CodeBuild',
  durationSeconds: seconds,
  configuration: { ProjectName: name.toLowerCase() },
  ...extra
})

export const rule = (name: string, provider: RuleSpec['provider'], seconds: number, fails = false): RuleSpec => ({
  name,
  provider,
  durationSeconds: seconds,
  outcome: fails ? 'Failed' : 'Succeeded',
  summary: fails ? `${name} is in ALARM` : `${name} passed`,
  errorMessage: fails ? `${name} is in ALARM` : undefined,
  externalUrl: `https://console.aws.amazon.com/cloudwatch/home#alarmsV2:alarm/${name}`
})

/** Source 1 s, Build 2 s (with `build` overrides), Deploy 2 s (with `deploy` overrides). */
export function v2Pipeline(
  name: string,
  build_: Partial<StageSpec> = {},
  deploy: Partial<StageSpec> = {},
  extra: Partial<PipelineSpec> = {}
): PipelineSpec {
  return {
    name,
    pipelineType: 'V2',
    stages: [
      githubSourceStage('octo/repo'),
      { name: 'Build', actions: [build('Compile', 2)], ...build_ },
      { name: 'Deploy', actions: [build('Ship', 2)], ...deploy }
    ],
    ...extra
  }
}

export { build as buildAction }
