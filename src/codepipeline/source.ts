// Decides the sourceRevisions of StartPipelineExecution: which source action receives which commit.
import type { PipelineDeclaration, SourceRevisionOverride } from '@aws-sdk/client-codepipeline'
import type { CommitChoice } from '../github/commit.js'
import { ActionError, awsErrorName, errorMessage } from '../errors.js'
import type { Settings } from '../inputs/settings.js'
import type { Log } from '../ports.js'

export interface SourcePlan {
  sourceRevisions: SourceRevisionOverride[]
  /** The commit of this repository the execution is pinned to; '' when it is not pinned to one. */
  commitId: string
  /** What source-revisions pins when it is not a commit of this repository (an image digest, an S3 object...). */
  pinned?: string
  /** The declaration, when discovery read it (so it is not read twice). */
  pipeline?: PipelineDeclaration
  /** artifact / image-digest: the artifact pinned on its source action (artifact-source.ts). */
  artifact?: PinnedArtifact
}

/** The one artifact a run pins: the uploaded S3 object version, or the image digest. */
export interface PinnedArtifact {
  /** The S3 or ECR source action that receives it. */
  actionName: string
  /** The revision the execution runs on that action: the object's VersionId, or the digest. */
  revision: string
  /** "s3://bucket/key version V (sha256 …, 12.3 MiB)" or "image sha256:… (repo)": for the log and summary. */
  description: string
  /** For the commit status (140 characters in all). */
  label: string
}

export interface SourceAction {
  name: string
  provider: string
  /** owner/repo, or the provider's own notion of where the source lives; '' when unknown. */
  repository: string
}

export interface SourceDeps {
  settings: Pick<Settings, 'pipelineName' | 'commitId' | 'sourceAction' | 'sourceRevisions' | 'pinCommit'>
  /** Called only when a commit is needed, so events without one do not fail runs that don't pin. */
  chooseCommit: () => Promise<CommitChoice>
  /** Called only for discovery. */
  getPipeline: (pipelineName: string) => Promise<PipelineDeclaration>
  repo: { owner: string; repo: string }
  log: Log
}

// Providers whose revisions are commits, and where each keeps its repository.
const REPOSITORY_OF: Record<string, (c: Record<string, string>) => string> = {
  CodeStarSourceConnection: (c) => c.FullRepositoryId ?? '',
  GitHub: (c) => (c.Owner && c.Repo ? `${c.Owner}/${c.Repo}` : ''),
  CodeCommit: (c) => c.RepositoryName ?? ''
}

function otherRepository(provider: string, c: Record<string, string>): string {
  if (provider === 'S3' && c.S3Bucket) return `s3://${c.S3Bucket}/${c.S3ObjectKey ?? ''}`
  if (provider === 'ECR' && c.RepositoryName) return `${c.RepositoryName}:${c.ImageTag ?? 'latest'}`
  return ''
}

export function listSourceActions(pipeline: PipelineDeclaration): SourceAction[] {
  const actions = (pipeline.stages ?? []).flatMap((stage) => stage.actions ?? [])
  return actions
    .filter((action) => action.actionTypeId?.category === 'Source')
    .map((action) => {
      const provider = action.actionTypeId?.provider ?? 'unknown'
      const config = action.configuration ?? {}
      const repository = REPOSITORY_OF[provider]?.(config) ?? otherRepository(provider, config)
      return { name: action.name ?? '', provider, repository }
    })
}

export function isThisRepo(action: SourceAction, repo: { owner: string; repo: string }): boolean {
  if (!REPOSITORY_OF[action.provider]) return false
  const wanted = action.provider === 'CodeCommit' ? repo.repo : `${repo.owner}/${repo.repo}`
  return action.repository !== '' && action.repository.toLowerCase() === wanted.toLowerCase()
}

export function describe(actions: SourceAction[]): string {
  if (actions.length === 0) return 'none'
  return actions.map((a) => `${a.name} (${a.provider}${a.repository ? `, ${a.repository}` : ''})`).join(', ')
}

/** The source action for this repository, else the only one; fails listing them otherwise. */
export function pickSourceAction(actions: SourceAction[], repo: { owner: string; repo: string }, pipelineName: string): SourceAction {
  const matching = actions.filter((a) => isThisRepo(a, repo))
  const [onlyMatch] = matching
  if (matching.length === 1 && onlyMatch) return onlyMatch
  const [onlyAction] = actions
  if (matching.length === 0 && actions.length === 1 && onlyAction && REPOSITORY_OF[onlyAction.provider]) return onlyAction
  const why =
    matching.length > 1
      ? `${matching.length} source actions are for ${repo.owner}/${repo.repo}`
      : `no source action is for ${repo.owner}/${repo.repo}` + (actions.length === 1 ? ' and its only one does not take commits' : '')
  throw new ActionError(
    `Could not tell which source action of pipeline '${pipelineName}' should run the commit: ${why}. ` +
      `Source actions: ${describe(actions)}. Set source-action to the one to pin (or source-revisions, or pin-commit: false).`
  )
}

/** "Img: IMAGE_DIGEST sha256:3da1996a8115d76…", for the summary and the failure sentence. */
export function describeOverrides(revisions: SourceRevisionOverride[]): string {
  const short = (value = '') => (value.length > 40 ? `${value.slice(0, 40)}…` : value)
  return revisions.map((r) => `${r.actionName}: ${r.revisionType} ${short(r.revisionValue)}`).join(', ')
}

/**
 * source-revisions: the commit to report (output, summary link, commit status) is the COMMIT_ID of this
 * repository's source action, which only the declaration tells; another repository's commit is not ours to
 * report. Without a COMMIT_ID line there is nothing to read, so no GetPipeline.
 */
async function planOverrides(deps: SourceDeps, revisions: SourceRevisionOverride[]): Promise<SourcePlan> {
  const { settings, log } = deps
  if (settings.commitId) log.warning('commit-id is ignored because source-revisions is set.')
  log.info(`Source revisions: from the source-revisions input (${revisions.length}).`)
  const plan = { sourceRevisions: revisions, commitId: '', pinned: describeOverrides(revisions) }
  const commits = revisions.filter((r) => r.revisionType === 'COMMIT_ID')
  if (commits.length === 0) return plan
  let pipeline: PipelineDeclaration
  try {
    pipeline = await deps.getPipeline(settings.pipelineName)
  } catch (err) {
    log.warning(`Could not read the pipeline to tell which source-revisions line is this repository's commit: ${errorMessage(err)}`)
    return plan
  }
  const ours = listSourceActions(pipeline).filter((a) => isThisRepo(a, deps.repo))
  const commit = commits.find((r) => ours.some((a) => a.name === r.actionName))
  if (!commit?.revisionValue) {
    log.info(`Commit: none of this repository (no COMMIT_ID line is for a source action of ${deps.repo.owner}/${deps.repo.repo}).`)
    return { ...plan, pipeline }
  }
  log.info(`Commit: ${commit.revisionValue} (source-revisions line for ${commit.actionName}, this repository's source action)`)
  return { sourceRevisions: revisions, commitId: commit.revisionValue, pipeline }
}

export async function planSource(deps: SourceDeps): Promise<SourcePlan> {
  const { settings, log } = deps
  if (settings.sourceRevisions) return planOverrides(deps, settings.sourceRevisions)
  if (!settings.pinCommit) {
    log.info("Source revisions: none (pin-commit is false); the pipeline runs its sources' latest revisions.")
    return { sourceRevisions: [], commitId: '' }
  }
  const commit = await deps.chooseCommit()
  log.info(`Commit: ${commit.sha} (${commit.reason})`)
  let actionName = settings.sourceAction
  let pipeline: PipelineDeclaration | undefined
  if (!actionName) {
    pipeline = await deps.getPipeline(settings.pipelineName)
    const actions = listSourceActions(pipeline)
    const picked = pickSourceAction(actions, deps.repo, settings.pipelineName)
    log.info(`Source action: ${describe([picked])}`)
    actionName = picked.name
  } else {
    log.info(`Source action: ${actionName} (the source-action input)`)
  }
  return { sourceRevisions: [{ actionName, revisionType: 'COMMIT_ID', revisionValue: commit.sha }], commitId: commit.sha, pipeline }
}

/**
 * StartPipelineExecution rejected a request that named `source-action` (no discovery ran, to spare a
 * GetPipeline call): if the pipeline has no such source action, say that, listing the ones it has.
 */
export async function explainSourceActionRejection(
  err: unknown,
  settings: Pick<Settings, 'pipelineName' | 'sourceAction'>,
  getPipeline: (pipelineName: string) => Promise<PipelineDeclaration>
): Promise<unknown> {
  if (!settings.sourceAction || awsErrorName(err) !== 'ValidationException') return err
  const actions = listSourceActions(await getPipeline(settings.pipelineName).catch(() => ({}) as PipelineDeclaration))
  if (actions.length === 0 || actions.some((a) => a.name === settings.sourceAction)) return err
  return new ActionError(
    `Input source-action '${settings.sourceAction}' is not a source action of pipeline '${settings.pipelineName}'; ` +
      `set it to one of: ${describe(actions)}.`,
    { cause: err }
  )
}
