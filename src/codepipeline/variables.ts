// Variables against the pipeline's declaration, when discovery read it anyway (no extra call): CodePipeline
// refuses an undeclared variable, and a V1 pipeline refuses variables at all. Saying so before the start
// names the fix instead of relaying a ValidationException.
import type { PipelineDeclaration, PipelineVariable } from '@aws-sdk/client-codepipeline'
import { ActionError } from '../errors.js'

export function checkVariables(variables: PipelineVariable[], pipeline: PipelineDeclaration | undefined): void {
  if (pipeline === undefined || variables.length === 0) return
  const name = pipeline.name ?? 'the pipeline'
  if (pipeline.pipelineType !== 'V2')
    throw new ActionError(
      `variables: pipeline ${name} is a ${pipeline.pipelineType ?? 'V1'} pipeline, and pipeline variables need a V2 pipeline; ` +
        'upgrade it to V2 (and declare the variables) or remove the variables input.'
    )
  const declared = (pipeline.variables ?? []).map((v) => v.name ?? '')
  const unknown = variables.find((v) => !declared.includes(v.name ?? ''))
  if (unknown === undefined) return
  const list = declared.length > 0 ? `it declares ${declared.join(', ')}` : 'it declares none'
  throw new ActionError(
    `variables: ${unknown.name} is not declared in pipeline ${name} (${list}); declare it in the pipeline (variables section) or remove it from the variables input.`
  )
}
