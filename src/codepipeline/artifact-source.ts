// Where `artifact` or `image-digest` goes: the pipeline's S3 (or ECR) source action, found with GetPipeline,
// or the one source-action names. The start then pins that action to exactly this artifact, and this
// repository's own source actions (if any) to the commit, as a plain start does.
import type { PipelineDeclaration, SourceRevisionOverride } from '@aws-sdk/client-codepipeline'
import { ActionError } from '../errors.js'
import type { ArtifactSettings } from '../inputs/artifact.js'
import type { Settings } from '../inputs/settings.js'
import { describe, isThisRepo, listSourceActions, type SourceAction } from './source.js'

/** The source action the artifact goes to, and where (for S3) it is uploaded. */
export interface ArtifactAction {
  name: string
  provider: 'S3' | 'ECR'
  /** S3: the source action's S3Bucket. */
  bucket: string
  /** S3: artifact-key, else the source action's S3ObjectKey. ECR: the repository. */
  key: string
}

function providerOf(artifact: ArtifactSettings): 'S3' | 'ECR' {
  return artifact.kind === 's3' ? 'S3' : 'ECR'
}

function configurationOf(pipeline: PipelineDeclaration, name: string): Record<string, string> {
  const action = (pipeline.stages ?? []).flatMap((s) => s.actions ?? []).find((a) => a.name === name)
  return action?.configuration ?? {}
}

function choose(actions: SourceAction[], provider: string, settings: Pick<Settings, 'pipelineName' | 'sourceAction'>): SourceAction {
  const { pipelineName, sourceAction } = settings
  const candidates = actions.filter((a) => a.provider === provider)
  const input = provider === 'S3' ? 'artifact' : 'image-digest'
  if (sourceAction) {
    const named = candidates.find((a) => a.name === sourceAction)
    if (named) return named
    throw new ActionError(
      `Input source-action '${sourceAction}' is not an ${provider} source action of pipeline '${pipelineName}', which ${input} needs; ` +
        `set it to one of: ${describe(candidates)}.`
    )
  }
  const [only] = candidates
  if (candidates.length === 1 && only) return only
  if (candidates.length === 0) {
    throw new ActionError(
      `Pipeline '${pipelineName}' has no ${provider} source action for ${input} (its source actions: ${describe(actions)}); ` +
        `add one, or check pipeline-name.`
    )
  }
  throw new ActionError(
    `Pipeline '${pipelineName}' has ${candidates.length} ${provider} source actions (${describe(candidates)}); ` +
      `set source-action to the one that receives ${input}.`
  )
}

/** The S3 or ECR source action for the artifact; one sentence when there is none, or several and no source-action. */
export function pickArtifactAction(
  pipeline: PipelineDeclaration,
  artifact: ArtifactSettings,
  settings: Pick<Settings, 'pipelineName' | 'sourceAction'>
): ArtifactAction {
  const provider = providerOf(artifact)
  const picked = choose(listSourceActions(pipeline), provider, settings)
  const config = configurationOf(pipeline, picked.name)
  if (provider === 'ECR') return { name: picked.name, provider, bucket: '', key: config.RepositoryName ?? '' }
  const key = (artifact.kind === 's3' ? artifact.key : undefined) ?? config.S3ObjectKey ?? ''
  if (!config.S3Bucket || !key) {
    throw new ActionError(
      `S3 source action ${picked.name} of pipeline '${settings.pipelineName}' names no S3Bucket or S3ObjectKey; fix its configuration, or set artifact-key.`
    )
  }
  return { name: picked.name, provider, bucket: config.S3Bucket, key }
}

/** COMMIT_ID for each source action of this repository: the artifact was built from that commit. */
export function commitRevisions(
  pipeline: PipelineDeclaration,
  repo: { owner: string; repo: string },
  sha: string
): SourceRevisionOverride[] {
  return listSourceActions(pipeline)
    .filter((a) => isThisRepo(a, repo))
    .map((a) => ({ actionName: a.name, revisionType: 'COMMIT_ID', revisionValue: sha }))
}

/** The artifact's own revisions on its action: first, so that follow-trigger matches on it. */
export function artifactRevisions(action: ArtifactAction, revision: string, artifact: ArtifactSettings): SourceRevisionOverride[] {
  if (artifact.kind === 'ecr') return [{ actionName: action.name, revisionType: 'IMAGE_DIGEST', revisionValue: revision }]
  const version: SourceRevisionOverride = { actionName: action.name, revisionType: 'S3_OBJECT_VERSION_ID', revisionValue: revision }
  if (!artifact.key) return [version]
  return [version, { actionName: action.name, revisionType: 'S3_OBJECT_KEY', revisionValue: artifact.key }]
}
