// A pipeline whose CodeBuild action fails after writing its log, and the one error annotation a run made: shared by
// the log e2e tests (logs-followed, logs-timing).
import { githubSourceStage, type ActionSpec, type Emulator } from '../../emulator/index.js'
import { workflowCommands, type ActionResult } from '../../harness/runner.js'
import { uniqueName } from './e2e.js'
import { repo } from './pipelines.js'

export const numbered = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`)

/** Source, then a CodeBuild action that fails after `seconds`, writing `lines`. */
export function addFailingBuild(emulator: Emulator, prefix: string, seconds: number, lines: ActionSpec['logs']): string {
  const name = uniqueName(prefix)
  const compile: ActionSpec = {
    name: 'Compile',
    category: 'Build',
    provider: 'CodeBuild',
    durationSeconds: seconds,
    configuration: { ProjectName: 'compile' },
    outcome: 'Failed',
    errorMessage: 'Build terminated with state: FAILED',
    logs: lines
  }
  emulator.addPipeline({ name, stages: [githubSourceStage(repo, 0.1), { name: 'Build', actions: [compile] }] })
  return name
}

/** The ::error:: annotation the action made (its title names the pipeline): exactly one. */
export function annotation(result: ActionResult, name: string): string {
  const errors = workflowCommands(result.stdout).filter((c) => c.command === 'error' && c.properties.includes(`title=${name}`))
  expect(errors).toHaveLength(1)
  return errors.at(0)?.message ?? ''
}
