// artifact / image-digest: the sources of a run that pins an artifact. The path is checked before any AWS
// call; then GetPipeline finds the S3 (or ECR) source action, the directory or file is uploaded there, and
// the plan pins that action to the new VersionId (or the digest), and this repository's source actions to
// the commit the artifact was built from.
import type { PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import { artifactRevisions, commitRevisions, pickArtifactAction, type ArtifactAction } from '../codepipeline/artifact-source.js'
import type { PinnedArtifact, SourcePlan } from '../codepipeline/source.js'
import type { Backoff } from '../execution/retry.js'
import type { CommitChoice } from '../github/commit.js'
import type { ArtifactSettings } from '../inputs/artifact.js'
import type { Settings } from '../inputs/settings.js'
import type { Clock, Log, Outputs } from '../ports.js'
import { mib } from './progress.js'
import type { ArtifactToolsLoader } from './store.js'
import { describeSource, readArtifactSource, type ArtifactSource } from './tree.js'
import { uploadArtifact } from './upload.js'

export interface PinDeps {
  settings: Pick<Settings, 'pipelineName' | 'sourceAction' | 'pinCommit' | 'region'>
  artifact: ArtifactSettings
  chooseCommit: () => Promise<CommitChoice>
  getPipeline: (pipelineName: string) => Promise<PipelineDeclaration>
  repo: { owner: string; repo: string }
  /** The event's payload, for the commit's title. */
  payload: Record<string, unknown>
  /** Where `artifact` is resolved, and what no symlink may leave. */
  workspace: string
  loadTools: ArtifactToolsLoader
  clock: Clock
  log: Log
  outputs: Outputs
  backoff: Backoff
  signal?: AbortSignal
}

function field(obj: unknown, ...path: string[]): string {
  let value = obj
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key]
  return typeof value === 'string' ? value : ''
}

/** The commit's title when the event says it (a push's head commit, a pull request's title for its head). */
function titleOf(payload: Record<string, unknown>, sha: string): string {
  if (field(payload, 'head_commit', 'id') === sha) return field(payload, 'head_commit', 'message').split('\n')[0] ?? ''
  if (field(payload, 'pull_request', 'head', 'sha') === sha) return field(payload, 'pull_request', 'title')
  return ''
}

/** `<owner/repo>@<short sha>: <title>`, printable ASCII (S3 metadata travels in a header), at most 256 characters. */
export function revisionSummary(repo: { owner: string; repo: string }, sha: string, title: string): string {
  const text = `${repo.owner}/${repo.repo}@${sha.slice(0, 7)}${title ? `: ${title}` : ''}`
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?')
  return ascii.length > 256 ? `${ascii.slice(0, 253)}...` : ascii
}

function pinImage(deps: PinDeps, action: ArtifactAction, digest: string): PinnedArtifact {
  const where = action.key ? ` (${action.key})` : ''
  deps.log.info(`Image: ${digest} on ECR source action ${action.name}${where} (the image-digest input).`)
  return { actionName: action.name, revision: digest, description: `image ${digest}${where}`, label: `image ${digest.slice(0, 19)}` }
}

async function pinUpload(deps: PinDeps, action: ArtifactAction, source: ArtifactSource, commit: CommitChoice): Promise<PinnedArtifact> {
  const { log, settings } = deps
  const tools = await deps.loadTools(settings.region)
  const summary = revisionSummary(deps.repo, commit.sha, titleOf(deps.payload, commit.sha))
  const target = { bucket: action.bucket, key: action.key, revisionSummary: summary }
  const uploaded = await uploadArtifact({ ...deps, tools }, source, target, deps.signal)
  deps.outputs.setOutput('artifact-version-id', uploaded.versionId)
  deps.outputs.setOutput('artifact-sha256', uploaded.sha256)
  const where = `s3://${action.bucket}/${action.key}`
  const description = `${where} version ${uploaded.versionId} (sha256 ${uploaded.sha256}, ${mib(uploaded.size)})`
  log.info(`Uploaded ${description}.`)
  return { actionName: action.name, revision: uploaded.versionId, description, label: `${where} ${uploaded.versionId.slice(0, 12)}` }
}

export async function planArtifactSource(deps: PinDeps): Promise<SourcePlan> {
  const { artifact, settings, log } = deps
  // Before any AWS call: a missing path, an empty directory or a link out of the workspace is the input's fault.
  const source = artifact.kind === 's3' ? await readArtifactSource(artifact.path, deps.workspace) : undefined
  const commit = await deps.chooseCommit()
  log.info(`Commit: ${commit.sha} (${commit.reason})`)
  const pipeline = await deps.getPipeline(settings.pipelineName)
  const action = pickArtifactAction(pipeline, artifact, settings)
  if (source)
    log.info(`Artifact: '${artifact.kind === 's3' ? artifact.path : ''}', ${describeSource(source)}, for S3 source action ${action.name}.`)
  const pinned =
    artifact.kind === 'ecr' ? pinImage(deps, action, artifact.digest) : await pinUpload(deps, action, source as ArtifactSource, commit)
  const commits = settings.pinCommit ? commitRevisions(pipeline, deps.repo, commit.sha) : []
  if (commits.length > 0) log.info(`Commit ${commit.sha.slice(0, 7)} also on: ${commits.map((c) => c.actionName).join(', ')}.`)
  return {
    sourceRevisions: [...artifactRevisions(action, pinned.revision, artifact), ...commits],
    commitId: commit.sha,
    pipeline,
    artifact: pinned
  }
}
