import type { ActionDeclaration, PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import { ActionError } from '../../src/errors.js'
import {
  explainSourceActionRejection,
  listSourceActions,
  pickSourceAction,
  planSource,
  type SourceDeps
} from '../../src/codepipeline/source.js'
import { awsError, FakeLog } from '../support/fakes.js'

const SHA = 'a'.repeat(40)
const REPO = { owner: 'Octo-Org', repo: 'App' }

function source(name: string, provider: string, configuration: Record<string, string>): ActionDeclaration {
  return {
    name,
    actionTypeId: { category: 'Source', owner: provider === 'GitHub' ? 'ThirdParty' : 'AWS', provider, version: '1' },
    configuration
  }
}

const build: ActionDeclaration = {
  name: 'Build',
  actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
  configuration: { ProjectName: 'octo-org/app' }
}

function pipeline(...sources: ActionDeclaration[]): PipelineDeclaration {
  return {
    name: 'p',
    roleArn: 'arn:aws:iam::1:role/r',
    stages: [
      { name: 'Source', actions: sources },
      { name: 'Build', actions: [build] }
    ]
  }
}

const connection = (name: string, repo: string) => source(name, 'CodeStarSourceConnection', { FullRepositoryId: repo, BranchName: 'main' })
const githubV1 = (name: string, owner: string, repo: string) => source(name, 'GitHub', { Owner: owner, Repo: repo, Branch: 'main' })
const codecommit = (name: string, repo: string) => source(name, 'CodeCommit', { RepositoryName: repo, BranchName: 'main' })
const s3 = (name: string) => source(name, 'S3', { S3Bucket: 'bucket', S3ObjectKey: 'app.zip' })
const ecr = (name: string) => source(name, 'ECR', { RepositoryName: 'app', ImageTag: 'prod' })

function pick(p: PipelineDeclaration) {
  return pickSourceAction(listSourceActions(p), REPO, 'p')
}

describe('discovery: the source action of this repository, compared case-insensitively', () => {
  test('CodeStarSourceConnection by FullRepositoryId', () => {
    expect(pick(pipeline(connection('Other', 'octo-org/lib'), connection('Mine', 'octo-org/app'))).name).toBe('Mine')
  })
  test('GitHub (version 1) by Owner/Repo', () => {
    expect(pick(pipeline(githubV1('Other', 'octo-org', 'lib'), githubV1('Mine', 'OCTO-ORG', 'app'))).name).toBe('Mine')
  })
  test('CodeCommit by RepositoryName', () => {
    expect(pick(pipeline(codecommit('Other', 'lib'), codecommit('Mine', 'app'))).name).toBe('Mine')
  })
  test('an ECR repository of the same name is not this repository', () => {
    expect(() => pick(pipeline(ecr('Image'), connection('Other', 'octo-org/lib')))).toThrow(ActionError)
  })
  test('actions in other categories are not sources', () => {
    expect(listSourceActions(pipeline(connection('Mine', 'octo-org/app'))).map((a) => a.name)).toEqual(['Mine'])
  })
  test('sources in later stages count too', () => {
    const p = pipeline(connection('Other', 'x/y'))
    p.stages!.push({ name: 'Late', actions: [connection('Mine', 'octo-org/app')] })
    expect(pick(p).name).toBe('Mine')
  })
})

describe('discovery: otherwise the only source action', () => {
  test.each([
    ['CodeStarSourceConnection', connection('Only', 'someone/else')],
    ['GitHub', githubV1('Only', 'someone', 'else')],
    ['CodeCommit', codecommit('Only', 'else')]
  ])('%s', (_provider, only) => {
    expect(pick(pipeline(only)).name).toBe('Only')
  })
  test('but not one that does not take commits (S3)', () => {
    expect(() => pick(pipeline(s3('Artifact')))).toThrow(/its only one does not take commits.*Artifact \(S3, s3:\/\/bucket\/app.zip\)/)
  })
})

describe('discovery fails with the list and says to set source-action', () => {
  test('none for this repository among several', () => {
    let err: unknown
    try {
      pick(pipeline(connection('Lib', 'octo-org/lib'), githubV1('Docs', 'octo-org', 'docs'), s3('Cfg'), ecr('Img')))
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ActionError)
    expect((err as Error).message).toBe(
      "Could not tell which source action of pipeline 'p' should run the commit: no source action is for Octo-Org/App. " +
        'Source actions: Lib (CodeStarSourceConnection, octo-org/lib), Docs (GitHub, octo-org/docs), Cfg (S3, s3://bucket/app.zip), Img (ECR, app:prod). ' +
        'Set source-action to the one to pin (or source-revisions, or pin-commit: false).'
    )
  })
  test('several for this repository', () => {
    expect(() => pick(pipeline(connection('A', 'octo-org/app'), connection('B', 'Octo-Org/App')))).toThrow(
      /2 source actions are for Octo-Org\/App\. Source actions: A \(CodeStarSourceConnection, octo-org\/app\), B .*Set source-action/
    )
  })
  test('no source action at all', () => {
    expect(() => pick(pipeline())).toThrow(/Source actions: none\. Set source-action/)
  })
})

describe('planSource', () => {
  function deps(settings: Partial<SourceDeps['settings']>, p: PipelineDeclaration = pipeline(connection('Mine', 'octo-org/app'))) {
    const calls = { commit: 0, getPipeline: [] as string[] }
    const log = new FakeLog()
    const d: SourceDeps = {
      settings: { pipelineName: 'p', pinCommit: true, ...settings },
      chooseCommit: async () => {
        calls.commit++
        return { sha: SHA, reason: 'push: GITHUB_SHA' }
      },
      getPipeline: async (name) => {
        calls.getPipeline.push(name)
        return p
      },
      repo: REPO,
      log
    }
    return { d, calls, log }
  }

  test('discovery: GetPipeline, then the commit on the found action', async () => {
    const { d, calls, log } = deps({})
    expect(await planSource(d)).toEqual({
      sourceRevisions: [{ actionName: 'Mine', revisionType: 'COMMIT_ID', revisionValue: SHA }],
      commitId: SHA,
      pipeline: expect.objectContaining({ name: 'p' })
    })
    expect(calls.getPipeline).toEqual(['p'])
    expect(log.text()).toContain(`Commit: ${SHA} (push: GITHUB_SHA)`)
    expect(log.text()).toContain('Source action: Mine (CodeStarSourceConnection, octo-org/app)')
  })
  test('source-action given: no GetPipeline', async () => {
    const { d, calls } = deps({ sourceAction: 'Named' })
    expect((await planSource(d)).sourceRevisions).toEqual([{ actionName: 'Named', revisionType: 'COMMIT_ID', revisionValue: SHA }])
    expect(calls.getPipeline).toEqual([])
  })
  test("source-revisions: sent as they are; the commit is this repository's source action's line, not the first", async () => {
    const revisions = [
      { actionName: 'Infra', revisionType: 'COMMIT_ID' as const, revisionValue: 'a'.repeat(40) },
      { actionName: 'Img', revisionType: 'IMAGE_DIGEST' as const, revisionValue: 'sha256:' + 'b'.repeat(64) },
      { actionName: 'Mine', revisionType: 'COMMIT_ID' as const, revisionValue: 'c'.repeat(40) }
    ]
    const { d, calls } = deps(
      { sourceRevisions: revisions },
      pipeline(connection('Infra', 'octo-org/infra'), connection('Mine', 'octo-org/app'))
    )
    expect(await planSource(d)).toMatchObject({ sourceRevisions: revisions, commitId: 'c'.repeat(40) })
    expect(calls).toEqual({ commit: 0, getPipeline: ['p'] })
  })
  test("source-revisions with only another repository's commit: no commit of ours, and what is pinned", async () => {
    const revisions = [{ actionName: 'Infra', revisionType: 'COMMIT_ID' as const, revisionValue: 'a'.repeat(40) }]
    const { d } = deps({ sourceRevisions: revisions }, pipeline(connection('Infra', 'octo-org/infra'), connection('Mine', 'octo-org/app')))
    expect(await planSource(d)).toMatchObject({ commitId: '', pinned: `Infra: COMMIT_ID ${'a'.repeat(40)}` })
  })
  test('source-revisions without a commit: no GetPipeline, commit-id output is empty, the digest is what is pinned', async () => {
    const { d, calls } = deps({ sourceRevisions: [{ actionName: 'Img', revisionType: 'IMAGE_DIGEST', revisionValue: 'sha256:x' }] })
    expect(await planSource(d)).toEqual({
      sourceRevisions: [{ actionName: 'Img', revisionType: 'IMAGE_DIGEST', revisionValue: 'sha256:x' }],
      commitId: '',
      pinned: 'Img: IMAGE_DIGEST sha256:x'
    })
    expect(calls.getPipeline).toEqual([])
  })
  test('source-revisions with commit-id: a warning that commit-id is ignored', async () => {
    const { d, log } = deps({
      commitId: SHA,
      sourceRevisions: [{ actionName: 'App', revisionType: 'COMMIT_ID', revisionValue: 'c'.repeat(40) }]
    })
    await planSource(d)
    expect(log.lines).toContain('warning: commit-id is ignored because source-revisions is set.')
  })
  test('pin-commit false: no override, no GetPipeline, no commit', async () => {
    const { d, calls } = deps({ pinCommit: false })
    expect(await planSource(d)).toEqual({ sourceRevisions: [], commitId: '' })
    expect(calls).toEqual({ commit: 0, getPipeline: [] })
  })
  test('a discovery failure is thrown before anything starts', async () => {
    const { d } = deps({}, pipeline(connection('A', 'x/a'), connection('B', 'x/b')))
    await expect(planSource(d)).rejects.toThrow(/Set source-action/)
  })
})

describe('explainSourceActionRejection', () => {
  const declaration = {
    name: 'p',
    roleArn: 'arn',
    stages: [
      {
        name: 'Source',
        actions: [
          {
            name: 'App',
            actionTypeId: { category: 'Source' as const, owner: 'AWS' as const, provider: 'CodeStarSourceConnection', version: '1' },
            configuration: { FullRepositoryId: 'octo/app' }
          }
        ]
      }
    ]
  }
  const rejected = awsError('ValidationException', 'bad override')

  test('a source-action the pipeline lacks: names the input and lists the real ones', async () => {
    const err = (await explainSourceActionRejection(
      rejected,
      { pipelineName: 'p', sourceAction: 'Missing' },
      async () => declaration
    )) as Error
    expect(err.message).toBe(
      "Input source-action 'Missing' is not a source action of pipeline 'p'; set it to one of: App (CodeStarSourceConnection, octo/app)."
    )
  })
  test('anything else is left as it was, without a GetPipeline call when source-action is not set', async () => {
    let calls = 0
    const getPipeline = async () => (calls++, declaration)
    expect(await explainSourceActionRejection(rejected, { pipelineName: 'p', sourceAction: 'App' }, getPipeline)).toBe(rejected)
    expect(await explainSourceActionRejection(rejected, { pipelineName: 'p' }, getPipeline)).toBe(rejected)
    const denied = awsError('AccessDeniedException')
    expect(await explainSourceActionRejection(denied, { pipelineName: 'p', sourceAction: 'Missing' }, getPipeline)).toBe(denied)
    expect(calls).toBe(1)
  })
})
