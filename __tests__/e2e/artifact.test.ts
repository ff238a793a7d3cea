// artifact / image-digest through dist/ against the local service's S3 and CodePipeline (issue 21): a directory
// zipped, uploaded and started by its version; the same tree giving the same sha256; the bad cases refused with
// their sentence and nothing started; a SlowDown storm survived; an image digest on the discovered ECR action;
// follow-trigger picking this upload's execution among an older and a newer upload's.
import { CodePipelineClient, ListPipelineExecutionsCommand } from '@aws-sdk/client-codepipeline'
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulator, type Emulator, type PipelineSpec } from '../../emulator/index.js'
import { startGitHubApi, type GitHubApi } from '../../harness/github-api.js'
import { runAction, startAction, type RunOptions } from '../../harness/runner.js'
import { callsFor, uniqueName } from '../support/e2e.js'
import { repo } from '../support/pipelines.js'
import { tempDir } from '../support/temp.js'
import { readZip } from '../support/unzip.js'
import { escapeText } from '../../src/report/markup.js'

const SHA = 'ffac537e6cbbf934b08745a378932722df287a53' // the runner's GITHUB_SHA (push)
const DIGEST = `sha256:${'c'.repeat(64)}`

let emulator: Emulator
let s3: S3Client
let github: GitHubApi

beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [], buckets: [{ name: 'artifacts' }, { name: 'plain', versioning: 'Off' }] })
  github = await startGitHubApi()
  s3 = new S3Client({
    endpoint: emulator.url,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' }
  })
})
afterAll(async () => {
  s3.destroy()
  await Promise.all([emulator.close(), github.close()])
})

const codeSource = {
  name: 'App',
  category: 'Source' as const,
  provider: 'CodeStarSourceConnection',
  configuration: {
    FullRepositoryId: repo,
    BranchName: 'main',
    ConnectionArn: 'arn:aws:codestar-connections:us-east-1:123456789012:connection/abc'
  }
}
const s3Source = (name = 'Artifact', bucket = 'artifacts', extra = {}) => ({
  name,
  category: 'Source' as const,
  provider: 'S3',
  configuration: { S3Bucket: bucket, S3ObjectKey: `${name}.zip`, PollForSourceChanges: 'false' },
  ...extra
})
const ecrSource = {
  name: 'Image',
  category: 'Source' as const,
  provider: 'ECR',
  configuration: { RepositoryName: 'app', ImageTag: 'latest' }
}

function pipeline(sources: PipelineSpec['stages'][0]['actions']): string {
  const name = uniqueName('artifact')
  const build = { name: 'Build', actions: [{ name: 'Compile', category: 'Build' as const, provider: 'CodeBuild', durationSeconds: 0.3 }] }
  emulator.addPipeline({ name, executionMode: 'PARALLEL', stages: [{ name: 'Source', actions: sources }, build] })
  return name
}

/** A workspace with a built tree in out/: an executable, a nested file and a link to a file elsewhere in it. */
function workspace(): string {
  const dir = tempDir('artifact-e2e-')
  mkdirSync(join(dir, 'out/lib'), { recursive: true })
  writeFileSync(join(dir, 'out/run.sh'), '#!/bin/sh\nexec node lib/app.js\n')
  chmodSync(join(dir, 'out/run.sh'), 0o755)
  writeFileSync(join(dir, 'out/lib/app.js'), 'console.log("hello")\n'.repeat(500))
  writeFileSync(join(dir, 'VERSION'), '1.2.3\n')
  symlinkSync(join(dir, 'VERSION'), join(dir, 'out/VERSION'))
  return dir
}

function run(name: string, ws: string, inputs: Record<string, string>, more: Partial<RunOptions> = {}) {
  const options: RunOptions = {
    endpoint: emulator.url,
    inputs: { 'pipeline-name': name, ...inputs },
    ...more,
    env: { AWS_ENDPOINT_URL_S3: emulator.url, GITHUB_WORKSPACE: ws, ...more.env }
  }
  return options
}

async function objectBytes(bucket: string, key: string, versionId: string): Promise<Buffer> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }))
  return Buffer.from(await out.Body!.transformToByteArray())
}

test('a directory is zipped, uploaded and started by exactly its version; the object unzips to the tree, with the revision summary', async () => {
  const ws = workspace()
  const name = pipeline([codeSource, s3Source()])
  const result = await runAction(run(name, ws, { artifact: 'out' }))

  expect(result.errors).toEqual([])
  expect(result.code).toBe(0)
  const versionId = result.outputs['artifact-version-id']
  const versions = emulator.objectVersions('artifacts', 'Artifact.zip')
  expect(versions.map((v) => v.versionId)).toEqual([versionId])
  expect(versions[0].metadata).toEqual({
    'codepipeline-artifact-revision-summary': expect.stringMatching(/^Codertocat\/Hello-World@ffac537/)
  })
  expect(result.outputs['artifact-sha256']).toBe(versions[0].sha256)
  const entries = readZip(await objectBytes('artifacts', 'Artifact.zip', versionId))
  expect(entries.map((e) => e.name)).toEqual(['VERSION', 'lib/', 'lib/app.js', 'run.sh'])
  expect(entries.find((e) => e.name === 'run.sh')!.mode & 0o777).toBe(0o755)
  expect(entries.find((e) => e.name === 'VERSION')!.data.toString()).toBe('1.2.3\n')

  const starts = callsFor(emulator, name, 'StartPipelineExecution')
  expect(starts).toHaveLength(1)
  expect(starts[0].body.sourceRevisions).toEqual([
    { actionName: 'Artifact', revisionType: 'S3_OBJECT_VERSION_ID', revisionValue: versionId },
    { actionName: 'App', revisionType: 'COMMIT_ID', revisionValue: SHA }
  ])
  expect(result.outputs).toMatchObject({ status: 'Succeeded', 'commit-id': SHA })
  expect(result.stdout).toContain(`Uploaded s3://artifacts/Artifact.zip version ${versionId} (sha256 ${versions[0].sha256}`)
  expect(result.summary).toContain(`<b>Artifact</b>: s3://artifacts/Artifact.zip version ${escapeText(versionId)}`)
}, 60_000)

test('the same tree uploaded again gives the same artifact-sha256, as a new version; artifact-key is sent as S3_OBJECT_KEY', async () => {
  const ws = workspace()
  const name = pipeline([s3Source('Again')])
  const first = await runAction(run(name, ws, { artifact: 'out', 'artifact-key': 'builds/app.zip' }))
  const second = await runAction(run(name, workspace(), { artifact: 'out', 'artifact-key': 'builds/app.zip' }))
  expect([first.code, second.code]).toEqual([0, 0])
  expect(second.outputs['artifact-sha256']).toBe(first.outputs['artifact-sha256'])
  expect(second.outputs['artifact-version-id']).not.toBe(first.outputs['artifact-version-id'])
  expect(emulator.objectVersions('artifacts', 'builds/app.zip')).toHaveLength(2)
  expect(callsFor(emulator, name, 'StartPipelineExecution')[1].body.sourceRevisions).toEqual([
    { actionName: 'Again', revisionType: 'S3_OBJECT_VERSION_ID', revisionValue: second.outputs['artifact-version-id'] },
    { actionName: 'Again', revisionType: 'S3_OBJECT_KEY', revisionValue: 'builds/app.zip' }
  ])
}, 60_000)

test('the commit status and the check run name the artifact, on the commit it was built from', async () => {
  const name = pipeline([codeSource, s3Source('Checked')])
  const result = await runAction(
    run(
      name,
      workspace(),
      { artifact: 'out', 'github-token': 'ghs_artifacttoken', 'check-run': 'true' },
      { env: { GITHUB_API_URL: github.url } }
    )
  )
  expect(result.errors).toEqual([])
  expect(result.code).toBe(0)
  const label = `s3://artifacts/Checked.zip ${result.outputs['artifact-version-id'].slice(0, 12)}`
  const posted = github.requests.filter((r) => r.body.context === `CodePipeline/${name}`)
  expect(posted.map((r) => [r.path.split('/').at(-1), r.body.state])).toEqual([
    [SHA, 'pending'],
    [SHA, 'success']
  ])
  for (const status of posted) expect(status.body.description).toContain(` on ${label}`)
  const check = [...github.checkRuns.values()].find((c) => c.name === `CodePipeline / ${name}`)
  expect(check).toMatchObject({ head_sha: SHA, conclusion: 'success' })
  expect(check!.output.summary).toContain('<b>Artifact</b>: s3://artifacts/Checked.zip version')
}, 60_000)

describe('bad cases: one sentence, nothing started', () => {
  const cases: [string, () => { name: string; inputs: Record<string, string>; ws?: (dir: string) => void }, RegExp][] = [
    [
      'a bucket without versioning',
      () => ({ name: pipeline([s3Source('Plain', 'plain')]), inputs: { artifact: 'out' } }),
      /^Bucket plain does not have versioning enabled, so there is no object version to start the pipeline on; enable versioning on it \(aws s3api put-bucket-versioning --bucket plain/
    ],
    [
      'a missing path',
      () => ({ name: pipeline([s3Source()]), inputs: { artifact: 'dist' } }),
      /^Input artifact 'dist' does not exist in the workspace/
    ],
    [
      'an empty directory',
      () => ({ name: pipeline([s3Source()]), inputs: { artifact: 'empty' }, ws: (dir) => mkdirSync(join(dir, 'empty')) }),
      /^Input artifact 'empty' is an empty directory/
    ],
    [
      'a symlink out of the workspace',
      () => ({
        name: pipeline([s3Source()]),
        inputs: { artifact: 'out' },
        ws: (dir) => symlinkSync('/etc/hostname', join(dir, 'out/host'))
      }),
      /^Input artifact 'out' holds a symlink, out\/host, that points outside the workspace/
    ],
    [
      'no S3 source action',
      () => ({ name: pipeline([codeSource]), inputs: { artifact: 'out' } }),
      /^Pipeline '[^']+' has no S3 source action for artifact/
    ],
    [
      'several S3 source actions and no source-action',
      () => ({ name: pipeline([s3Source('One'), s3Source('Two')]), inputs: { artifact: 'out' } }),
      /^Pipeline '[^']+' has 2 S3 source actions \(One .*, Two .*\); set source-action to the one that receives artifact\./
    ],
    [
      'artifact with source-revisions',
      () => ({ name: pipeline([s3Source()]), inputs: { artifact: 'out', 'source-revisions': `Artifact:S3_OBJECT_VERSION_ID:abc` } }),
      /^Inputs artifact and source-revisions are both set; use one/
    ]
  ]
  test.each(cases)(
    '%s',
    async (_, make, sentence) => {
      const ws = workspace()
      const { name, inputs, ws: prepare } = make()
      prepare?.(ws)
      const result = await runAction(run(name, ws, inputs))
      expect(result.code).toBe(1)
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]).toMatch(sentence)
      expect(callsFor(emulator, name, 'StartPipelineExecution')).toEqual([])
    },
    60_000
  )

  test('AccessDenied names s3:PutObject and the bucket and key; nothing was stored', async () => {
    const name = pipeline([s3Source('Denied')])
    emulator.setFaults({ rules: [{ operation: ['PutObject', 'CreateMultipartUpload'], kind: 'accessDenied' }] })
    try {
      const result = await runAction(run(name, workspace(), { artifact: 'out' }))
      expect(result.code).toBe(1)
      expect(result.errors).toEqual([
        expect.stringMatching(
          /^Access denied: the AWS credentials are not allowed s3:PutObject on s3:\/\/artifacts\/Denied\.zip \(AccessDenied\)/
        )
      ])
    } finally {
      emulator.setFaults({})
    }
    expect(callsFor(emulator, name, 'StartPipelineExecution')).toEqual([])
    expect(emulator.objectVersions('artifacts', 'Denied.zip')).toEqual([])
  }, 60_000)
})

test('a SlowDown storm is survived: one version stored, and it is the one started', async () => {
  const name = pipeline([s3Source('Storm')])
  emulator.setFaults({ rules: [{ operation: 'PutObject', kind: 'throttle', times: 8 }] })
  let result
  try {
    result = await runAction(run(name, workspace(), { artifact: 'out' }))
  } finally {
    emulator.setFaults({})
  }
  expect(result.errors).toEqual([])
  expect(result.code).toBe(0)
  expect(emulator.requests('PutObject').filter((r) => r.body.Key === 'Storm.zip').length).toBeGreaterThanOrEqual(9)
  const versions = emulator.objectVersions('artifacts', 'Storm.zip')
  expect(versions.map((v) => v.versionId)).toEqual([result.outputs['artifact-version-id']])
  expect(callsFor(emulator, name, 'StartPipelineExecution')[0].body.sourceRevisions![0].revisionValue).toBe(versions[0].versionId)
}, 120_000)

test('a reset mid-upload (a part cut off halfway, twice) is retried: one version, all its bytes, and it is the one started', async () => {
  const ws = workspace()
  mkdirSync(join(ws, 'big'))
  writeFileSync(join(ws, 'big', 'blob.bin'), Buffer.alloc(12 * 1024 * 1024, 7))
  const name = pipeline([s3Source('Reset')])
  emulator.setFaults({ rules: [{ operation: 'UploadPart', kind: 'reset', times: 2 }] })
  let result
  try {
    result = await runAction(run(name, ws, { artifact: 'big/blob.bin' }))
  } finally {
    emulator.setFaults({})
  }
  expect(result.errors).toEqual([])
  expect(result.code).toBe(0)
  const versions = emulator.objectVersions('artifacts', 'Reset.zip')
  expect(versions.map((v) => [v.versionId, v.size])).toEqual([[result.outputs['artifact-version-id'], 12 * 1024 * 1024]])
  expect(emulator.requests('UploadPart').filter((r) => r.body.Key === 'Reset.zip').length).toBeGreaterThanOrEqual(5)
  expect(callsFor(emulator, name, 'StartPipelineExecution')[0].body.sourceRevisions![0].revisionValue).toBe(versions[0].versionId)
}, 120_000)

test('image-digest starts the discovered ECR action on exactly that image, with COMMIT_ID on this repository', async () => {
  const name = pipeline([codeSource, ecrSource])
  const result = await runAction(run(name, workspace(), { 'image-digest': DIGEST }))
  expect(result.errors).toEqual([])
  expect(result.code).toBe(0)
  expect(callsFor(emulator, name, 'StartPipelineExecution')[0].body.sourceRevisions).toEqual([
    { actionName: 'Image', revisionType: 'IMAGE_DIGEST', revisionValue: DIGEST },
    { actionName: 'App', revisionType: 'COMMIT_ID', revisionValue: SHA }
  ])
  expect(result.summary).toContain(`<b>Artifact</b>: image ${DIGEST}`)
}, 60_000)

test('follow-trigger follows the execution of this upload while an older and a newer upload have theirs, and starts nothing', async () => {
  const name = pipeline([s3Source('Watched', 'artifacts', { eventTrigger: { delaySeconds: 1 } })])
  const put = async (body: string) =>
    (await s3.send(new PutObjectCommand({ Bucket: 'artifacts', Key: 'Watched.zip', Body: body }))).VersionId!
  const older = await put('an older build')
  const action = startAction(run(name, workspace(), { artifact: 'out', 'follow-trigger': 'true' }))
  await action.waitForLine(/Uploaded s3:\/\/artifacts\/Watched\.zip/, 30_000)
  const newer = await put('a newer build')
  const result = await action.done

  expect(result.errors).toEqual([])
  expect(result.code).toBe(0)
  const ours = result.outputs['artifact-version-id']
  expect(new Set([older, ours, newer]).size).toBe(3)
  const listed = await executionsByRevision(name)
  expect([...listed.keys()].sort()).toEqual([older, ours, newer].sort())
  expect(result.outputs['pipeline-execution-id']).toBe(listed.get(ours))
  expect(callsFor(emulator, name, 'StartPipelineExecution')).toEqual([])
  expect(result.summary).toContain(`<b>Artifact</b>: s3://artifacts/Watched.zip version ${escapeText(ours)}`)
}, 90_000)

/** The pipeline's executions by their revision on its one source action, as ListPipelineExecutions tells. */
async function executionsByRevision(name: string): Promise<Map<string, string>> {
  const client = new CodePipelineClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' }
  })
  const out = await client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))
  client.destroy()
  return new Map((out.pipelineExecutionSummaries ?? []).map((e) => [e.sourceRevisions?.[0]?.revisionId ?? '', e.pipelineExecutionId ?? '']))
}
