// The artifact upload's pieces (issue 21): the inputs, the tree read before any AWS call, the deterministic
// zip, the upload's versioning check, hashing and restarts (against a fake S3 port), and the S3/ECR source.
import type { ActionDeclaration, PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import { createHash } from 'node:crypto'
import { chmodSync, mkdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buffer } from 'node:stream/consumers'
import { pickArtifactAction, artifactRevisions, commitRevisions } from '../../src/codepipeline/artifact-source.js'
import { revisionSummary } from '../../src/artifact/pin.js'
import type { ArtifactTools, UploadRequest } from '../../src/artifact/store.js'
import { readArtifactSource, type ArtifactSource } from '../../src/artifact/tree.js'
import { uploadArtifact, UPLOAD_TRIES } from '../../src/artifact/upload.js'
import { zipEntries } from '../../src/artifact/zip.js'
import { AwsCallError } from '../../src/errors.js'
import { readArtifact } from '../../src/inputs/artifact.js'
import { readSettings } from '../../src/inputs/settings.js'
import { awsError, FakeClock, FakeLog } from '../support/fakes.js'
import { tempDir } from '../support/temp.js'
import { readZip } from '../support/unzip.js'

const DIGEST = `sha256:${'ab'.repeat(32)}`
const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? ''
const settingsOf = (inputs: Record<string, string>) =>
  readSettings(reader({ 'pipeline-name': 'p', 'aws-region': 'us-east-1', ...inputs }), {})

describe('inputs', () => {
  test('artifact, artifact-key and image-digest are read and checked before any call', () => {
    expect(readArtifact(reader({ artifact: 'out', 'artifact-key': 'builds/app.zip' }))).toEqual({
      kind: 's3',
      path: 'out',
      key: 'builds/app.zip'
    })
    expect(readArtifact(reader({ 'image-digest': DIGEST }))).toEqual({ kind: 'ecr', digest: DIGEST })
    expect(() => readArtifact(reader({ 'image-digest': 'sha256:abc' }))).toThrow(/Input image-digest 'sha256:abc' is not an image digest/)
    expect(() => readArtifact(reader({ 'artifact-key': 'k' }))).toThrow(/artifact-key is set but artifact is not/)
    expect(() => readArtifact(reader({ artifact: 'a', 'image-digest': DIGEST }))).toThrow(/artifact and image-digest are both set/)
    expect(() => readArtifact(reader({ artifact: 'a', 'artifact-key': '/abs' }))).toThrow(/is not an S3 object key/)
  })

  test('artifact with source-revisions, or with execution-id, is one sentence', () => {
    expect(() => settingsOf({ artifact: 'out', 'source-revisions': 'Src:COMMIT_ID:' + 'a'.repeat(40) })).toThrow(
      /^Inputs artifact and source-revisions are both set; use one/
    )
    expect(() => settingsOf({ 'image-digest': DIGEST, 'execution-id': '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f' })).toThrow(
      /Inputs image-digest and execution-id are both set/
    )
  })

  test('follow-trigger with an artifact matches by the artifact, so pin-commit: false is fine there', () => {
    expect(settingsOf({ artifact: 'out', 'follow-trigger': 'true', 'pin-commit': 'false', 'source-action': 'Art' }).artifact).toBeDefined()
    expect(() => settingsOf({ 'follow-trigger': 'true', 'pin-commit': 'false' })).toThrow(/pin-commit: false makes no sense/)
  })
})

function tree(): { workspace: string; dir: string } {
  const workspace = tempDir('artifact-ws-')
  const dir = join(workspace, 'out')
  mkdirSync(join(dir, 'b/c'), { recursive: true })
  writeFileSync(join(dir, 'z.txt'), 'last')
  writeFileSync(join(dir, 'a.sh'), '#!/bin/sh\necho hi\n')
  chmodSync(join(dir, 'a.sh'), 0o755)
  writeFileSync(join(dir, 'b/c/deep.txt'), 'deep'.repeat(1000))
  writeFileSync(join(workspace, 'shared.txt'), 'shared')
  symlinkSync(join(workspace, 'shared.txt'), join(dir, 'link.txt'))
  return { workspace, dir }
}

describe('the tree', () => {
  test('entries are sorted depth-first with modes, and a link inside the workspace is archived as its target', async () => {
    const { workspace } = tree()
    const source = await readArtifactSource('out', workspace)
    if (source.kind !== 'dir') throw new Error('a directory')
    expect(source.entries.map((e) => e.name)).toEqual(['a.sh', 'b/', 'b/c/', 'b/c/deep.txt', 'link.txt', 'z.txt'])
    expect(source.entries.find((e) => e.name === 'a.sh')?.mode).toBe(0o755)
    expect(source.entries.find((e) => e.name === 'link.txt')?.source).toMatch(/shared\.txt$/)
    expect(source.size).toBe(4 + 18 + 4000 + 6)
  })

  test('a missing path, an empty directory, a path or a link outside the workspace: one sentence each', async () => {
    const { workspace, dir } = tree()
    await expect(readArtifactSource('nope', workspace)).rejects.toThrow(/^Input artifact 'nope' does not exist in the workspace/)
    mkdirSync(join(workspace, 'empty/sub'), { recursive: true })
    await expect(readArtifactSource('empty', workspace)).rejects.toThrow(/^Input artifact 'empty' is an empty directory/)
    await expect(readArtifactSource('../x', workspace)).rejects.toThrow(/is outside the workspace/)
    symlinkSync('/etc/hostname', join(dir, 'creds'))
    await expect(readArtifactSource('out', workspace)).rejects.toThrow(
      /^Input artifact 'out' holds a symlink, out\/creds, that points outside the workspace \(\/etc\/hostname\)/
    )
  })
})

describe('the zip', () => {
  const zipOf = async (source: ArtifactSource) =>
    source.kind === 'dir' ? buffer(zipEntries(source.entries, () => undefined)) : Buffer.alloc(0)

  test('the same tree gives the same bytes, whatever the timestamps', async () => {
    const { workspace, dir } = tree()
    const first = await zipOf(await readArtifactSource('out', workspace))
    utimesSync(join(dir, 'z.txt'), new Date(2020, 1, 1), new Date(2020, 1, 1))
    const second = await zipOf(await readArtifactSource('out', workspace))
    expect(second.equals(first)).toBe(true)
    writeFileSync(join(dir, 'z.txt'), 'changed')
    const third = await zipOf(await readArtifactSource('out', workspace))
    expect(third.equals(first)).toBe(false)
    const entries = readZip(first)
    expect(entries.map((e) => [e.name, e.mode.toString(8)])).toEqual([
      ['a.sh', '100755'],
      ['b/', '40' + (statSync(join(dir, 'b')).mode & 0o777).toString(8)],
      ['b/c/', '40' + (statSync(join(dir, 'b/c')).mode & 0o777).toString(8)],
      ['b/c/deep.txt', '100' + (statSync(join(dir, 'b/c/deep.txt')).mode & 0o777).toString(8)],
      ['link.txt', '100' + (statSync(join(workspace, 'shared.txt')).mode & 0o777).toString(8)],
      ['z.txt', '100' + (statSync(join(dir, 'z.txt')).mode & 0o777).toString(8)]
    ])
    expect(entries.find((e) => e.name === 'b/c/deep.txt')?.data.toString()).toBe('deep'.repeat(1000))
    // 1980-01-01 00:00 in DOS fields, whatever the time zone.
    expect(new Set(entries.map((e) => `${e.dosDate}/${e.dosTime}`))).toEqual(new Set([`${(0 << 9) | (1 << 5) | 1}/0`]))
  })
})

/** An S3 port that records what it was sent and answers as scripted. */
class FakeTools implements ArtifactTools {
  versioningStatus: string | Error = 'Enabled'
  answers: ({ versionId?: string } | Error)[] = []
  readonly bodies: Buffer[] = []
  readonly requests: Omit<UploadRequest, 'body'>[] = []
  store = {
    versioning: async () => {
      if (this.versioningStatus instanceof Error) throw this.versioningStatus
      return this.versioningStatus
    },
    upload: async ({ body, ...request }: UploadRequest) => {
      this.requests.push(request)
      this.bodies.push(await buffer(body))
      const answer = this.answers.shift() ?? { versionId: `v${this.bodies.length}` }
      if (answer instanceof Error) throw answer
      return answer
    }
  }
  zip = zipEntries
}

describe('the upload', () => {
  const target = { bucket: 'artifacts', key: 'app.zip', revisionSummary: 'octo/app@abc1234: Fix' }
  async function run(tools: FakeTools, log = new FakeLog()) {
    const { workspace } = tree()
    const source = await readArtifactSource('out', workspace)
    return uploadArtifact({ tools, clock: new FakeClock(), log, backoff: () => 1000 }, source, target)
  }

  test('streams the zip, hashes exactly the bytes sent, and sets the revision summary', async () => {
    const tools = new FakeTools()
    const uploaded = await run(tools)
    expect(uploaded.versionId).toBe('v1')
    expect(uploaded.sha256).toBe(createHash('sha256').update(tools.bodies[0]).digest('hex'))
    expect(uploaded.size).toBe(tools.bodies[0].length)
    expect(tools.requests[0]).toEqual({
      bucket: 'artifacts',
      key: 'app.zip',
      contentType: 'application/zip',
      metadata: { 'codepipeline-artifact-revision-summary': 'octo/app@abc1234: Fix' }
    })
  })

  test('a bucket without versioning is refused before anything is written, naming it and the fix', async () => {
    const tools = new FakeTools()
    tools.versioningStatus = ''
    await expect(run(tools)).rejects.toThrow(
      /^Bucket artifacts does not have versioning enabled, .*put-bucket-versioning --bucket artifacts/
    )
    expect(tools.bodies).toHaveLength(0)
  })

  test('without s3:GetBucketVersioning, a missing VersionId on the answer says the same', async () => {
    const tools = new FakeTools()
    tools.versioningStatus = new AwsCallError('denied', 'AccessDenied', awsError('AccessDenied'))
    tools.answers = [{}]
    await expect(run(tools)).rejects.toThrow(/^Bucket artifacts gave the upload no VersionId/)
    expect(tools.bodies).toHaveLength(1)
  })

  test('a transient failure restarts the upload from fresh bytes; the last version is the one returned', async () => {
    const tools = new FakeTools()
    const log = new FakeLog()
    tools.answers = [new AwsCallError('S3 refused: SlowDown', 'SlowDown', awsError('SlowDown')), { versionId: 'good' }]
    const uploaded = await run(tools, log)
    expect(uploaded.versionId).toBe('good')
    expect(tools.bodies).toHaveLength(2)
    expect(tools.bodies[1].equals(tools.bodies[0])).toBe(true)
    expect(log.text()).toMatch(/uploading it again in 1 s \(try 2 of 3\)/)
  })

  test('AccessDenied is not retried; a storm that outlasts the tries fails', async () => {
    const denied = new FakeTools()
    denied.answers = [new AwsCallError('Access denied: ... s3:PutObject', 'AccessDenied', awsError('AccessDenied'))]
    await expect(run(denied)).rejects.toThrow(/s3:PutObject/)
    expect(denied.bodies).toHaveLength(1)
    const storm = new FakeTools()
    storm.answers = Array.from({ length: UPLOAD_TRIES }, () => new AwsCallError('SlowDown', 'SlowDown', awsError('SlowDown')))
    await expect(run(storm)).rejects.toThrow(/SlowDown/)
    expect(storm.bodies).toHaveLength(UPLOAD_TRIES)
  })
})

function sourceAction(name: string, provider: string, configuration: Record<string, string>): ActionDeclaration {
  return { name, actionTypeId: { category: 'Source', owner: 'AWS', provider, version: '1' }, configuration }
}
const pipelineOf = (...actions: ActionDeclaration[]): PipelineDeclaration => ({
  name: 'p',
  roleArn: 'arn:aws:iam::123456789012:role/r',
  stages: [{ name: 'Source', actions }]
})
const repoSource = sourceAction('Code', 'CodeStarSourceConnection', { FullRepositoryId: 'octo/app' })
const s3 = (name: string, bucket = 'artifacts') => sourceAction(name, 'S3', { S3Bucket: bucket, S3ObjectKey: 'app.zip' })
const settings = { pipelineName: 'p', sourceAction: undefined }

describe('the S3 or ECR source action', () => {
  test('the only one is found; several need source-action; none is one sentence', () => {
    const art = { kind: 's3' as const, path: 'out' }
    expect(pickArtifactAction(pipelineOf(repoSource, s3('Art')), art, settings)).toEqual({
      name: 'Art',
      provider: 'S3',
      bucket: 'artifacts',
      key: 'app.zip'
    })
    expect(() => pickArtifactAction(pipelineOf(repoSource), art, settings)).toThrow(
      /^Pipeline 'p' has no S3 source action for artifact \(its source actions: Code \(CodeStarSourceConnection, octo\/app\)\)/
    )
    expect(() => pickArtifactAction(pipelineOf(s3('A'), s3('B', 'other')), art, settings)).toThrow(
      /^Pipeline 'p' has 2 S3 source actions \(A \(S3, s3:\/\/artifacts\/app.zip\), B \(S3, s3:\/\/other\/app.zip\)\); set source-action/
    )
    expect(pickArtifactAction(pipelineOf(s3('A'), s3('B', 'other')), art, { ...settings, sourceAction: 'B' }).bucket).toBe('other')
    expect(pickArtifactAction(pipelineOf(s3('A')), { ...art, key: 'k/x.zip' }, settings).key).toBe('k/x.zip')
  })

  test('the revisions: the version (and the key with artifact-key) or the digest, then COMMIT_ID on this repository', () => {
    const action = { name: 'Art', provider: 'S3' as const, bucket: 'b', key: 'k' }
    expect(artifactRevisions(action, 'V1', { kind: 's3', path: 'o', key: 'k' })).toEqual([
      { actionName: 'Art', revisionType: 'S3_OBJECT_VERSION_ID', revisionValue: 'V1' },
      { actionName: 'Art', revisionType: 'S3_OBJECT_KEY', revisionValue: 'k' }
    ])
    expect(artifactRevisions({ ...action, provider: 'ECR' }, DIGEST, { kind: 'ecr', digest: DIGEST })).toEqual([
      { actionName: 'Art', revisionType: 'IMAGE_DIGEST', revisionValue: DIGEST }
    ])
    expect(commitRevisions(pipelineOf(repoSource, s3('Art')), { owner: 'octo', repo: 'app' }, 'c'.repeat(40))).toEqual([
      { actionName: 'Code', revisionType: 'COMMIT_ID', revisionValue: 'c'.repeat(40) }
    ])
  })

  test('the revision summary is printable ASCII', () => {
    expect(revisionSummary({ owner: 'octo', repo: 'app' }, 'abcdef1234', 'Fix ümlaut 🚀')).toBe('octo/app@abcdef1: Fix umlaut ??')
  })
})
