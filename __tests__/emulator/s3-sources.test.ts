// S3 and ECR source actions against the local service's buckets and images: the version an execution
// runs (given, or the latest), what it shows, the overrides CodePipeline checks, and uploads or pushes that
// start executions as an EventBridge rule would.
import {
  GetPipelineExecutionCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  StartPipelineExecutionCommand,
  ValidationException,
  type SourceRevisionOverride
} from '@aws-sdk/client-codepipeline'
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import type { PipelineSpec } from '../../emulator/index.js'
import { harness, type Harness } from '../support/emulator.js'

const DIGEST = `sha256:${'a'.repeat(64)}`
const OTHER_DIGEST = `sha256:${'b'.repeat(64)}`
const build = { name: 'Build', actions: [{ name: 'Compile', category: 'Build' as const, provider: 'CodeBuild', durationSeconds: 2 }] }
const s3Source = (extra = {}) => ({
  name: 'Artifact',
  category: 'Source' as const,
  provider: 'S3',
  configuration: { S3Bucket: 'artifacts', S3ObjectKey: 'app.zip', PollForSourceChanges: 'false' },
  ...extra
})
const ecrSource = (extra = {}) => ({
  name: 'Image',
  category: 'Source' as const,
  provider: 'ECR',
  configuration: { RepositoryName: 'app', ImageTag: 'latest' },
  ...extra
})
const spec = (name: string, source: PipelineSpec['stages'][0]['actions'][0]): PipelineSpec => ({
  name,
  executionMode: 'PARALLEL', // every start runs at once, whatever the clock did with the others
  stages: [{ name: 'Source', actions: [source] }, build]
})

let h: Harness
let s3: S3Client

beforeAll(async () => {
  h = await harness({
    pipelines: [
      spec('from-s3', s3Source()),
      spec(
        'on-upload',
        s3Source({ name: 'Upload', configuration: { S3Bucket: 'watched', S3ObjectKey: 'app.zip' }, eventTrigger: { delaySeconds: 1 } })
      ),
      spec('from-plain', s3Source({ configuration: { S3Bucket: 'plain', S3ObjectKey: 'app.zip' } })),
      spec('from-ecr', ecrSource()),
      spec('on-push', ecrSource({ configuration: { RepositoryName: 'pushed' }, eventTrigger: {} }))
    ],
    buckets: [{ name: 'artifacts' }, { name: 'watched' }, { name: 'plain', versioning: 'Off' }]
  })
  s3 = new S3Client({
    endpoint: h.emulator.url,
    forcePathStyle: true,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDEMULATORTEST', secretAccessKey: 'secret' }
  })
})
afterAll(async () => {
  s3.destroy()
  await h.emulator.close()
})

const put = async (Bucket: string, Key: string, body: string, summary?: string) =>
  (
    await s3.send(
      new PutObjectCommand({
        Bucket,
        Key,
        Body: body,
        Metadata: summary === undefined ? undefined : { 'codepipeline-artifact-revision-summary': summary }
      })
    )
  ).VersionId!
const start = async (name: string, sourceRevisions?: SourceRevisionOverride[]) =>
  (await h.cp.send(new StartPipelineExecutionCommand({ name, sourceRevisions }))).pipelineExecutionId!
const execution = async (pipelineName: string, pipelineExecutionId: string) =>
  (await h.cp.send(new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId }))).pipelineExecution!
const sourceAction = async (pipelineName: string, pipelineExecutionId: string) =>
  (await h.cp.send(new ListActionExecutionsCommand({ pipelineName, filter: { pipelineExecutionId } }))).actionExecutionDetails!.find(
    (a) => a.stageName === 'Source'
  )!
const override = (actionName: string, revisionType: string, revisionValue: string) =>
  ({ actionName, revisionType, revisionValue }) as SourceRevisionOverride

test('an S3 source runs the version it was given, shows its VersionId, summary and ETag, and outputs its variables', async () => {
  const older = await put('artifacts', 'app.zip', 'older', 'octo/repo@1111111: older')
  const newer = await put('artifacts', 'app.zip', 'newer', 'octo/repo@2222222: newer')
  const id = await start('from-s3', [override('Artifact', 'S3_OBJECT_VERSION_ID', older)])
  const [revision] = (await execution('from-s3', id)).artifactRevisions!
  expect(revision).toMatchObject({
    revisionId: older,
    revisionSummary: 'octo/repo@1111111: older',
    revisionChangeIdentifier: expect.stringMatching(/^[0-9a-f]{32}$/)
  })
  h.clock.advance(1)
  const action = await sourceAction('from-s3', id)
  expect(action.status).toBe('Succeeded')
  expect(action.output?.executionResult?.externalExecutionId).toBe(older)
  expect(action.output?.outputVariables).toEqual({
    BucketName: 'artifacts',
    ObjectKey: 'app.zip',
    VersionId: older,
    ETag: revision.revisionChangeIdentifier
  })
  // Without an override, the latest version.
  const latest = await start('from-s3')
  const summaries = (await h.cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'from-s3' }))).pipelineExecutionSummaries!
  expect(summaries.find((s) => s.pipelineExecutionId === latest)?.sourceRevisions).toEqual([
    { actionName: 'Artifact', revisionId: newer, revisionSummary: 'octo/repo@2222222: newer' }
  ])
})

test('S3_OBJECT_KEY reads another key; a version or key that does not exist fails the Source action, naming it', async () => {
  const other = await put('artifacts', 'other/app.zip', 'other')
  const byKey = await start('from-s3', [override('Artifact', 'S3_OBJECT_KEY', 'other/app.zip')])
  expect((await execution('from-s3', byKey)).artifactRevisions![0].revisionId).toBe(other)
  const missing = await start('from-s3', [
    override('Artifact', 'S3_OBJECT_KEY', 'app.zip'),
    override('Artifact', 'S3_OBJECT_VERSION_ID', 'no-such-version')
  ])
  h.clock.advance(1)
  const action = await sourceAction('from-s3', missing)
  expect(action.status).toBe('Failed')
  expect(action.output?.executionResult?.errorDetails?.message).toBe(
    "The object with key 'app.zip' with version id 'no-such-version' does not exist in bucket 'artifacts'."
  )
  expect(await execution('from-s3', missing)).toMatchObject({ status: 'Failed', statusSummary: expect.stringContaining('no-such-version') })
})

test('an S3 source on a bucket without versioning fails', async () => {
  await put('plain', 'app.zip', 'x')
  const id = await start('from-plain')
  h.clock.advance(1)
  expect((await sourceAction('from-plain', id)).output?.executionResult?.errorDetails?.message).toMatch(/does not have versioning enabled/)
})

test('overrides are checked against the provider, as CodePipeline does', async () => {
  const wrong = [
    start('from-s3', [override('Artifact', 'IMAGE_DIGEST', DIGEST)]),
    start('from-ecr', [override('Image', 'S3_OBJECT_VERSION_ID', 'v1')]),
    start('from-ecr', [override('Image', 'COMMIT_ID', 'a'.repeat(40))])
  ]
  for (const attempt of wrong) await expect(attempt).rejects.toBeInstanceOf(ValidationException)
  await expect(start('from-s3', [override('Artifact', 'IMAGE_DIGEST', DIGEST)])).rejects.toThrow(
    "Revision type 'IMAGE_DIGEST' does not apply to source action 'Artifact' (S3); use S3_OBJECT_VERSION_ID or S3_OBJECT_KEY"
  )
})

test('an ECR source runs the IMAGE_DIGEST given, else what its tag points to', async () => {
  const given = await start('from-ecr', [override('Image', 'IMAGE_DIGEST', DIGEST)])
  expect((await execution('from-ecr', given)).artifactRevisions![0].revisionId).toBe(DIGEST)
  h.emulator.pushImage({ repositoryName: 'app', imageTag: 'latest', imageDigest: OTHER_DIGEST })
  const latest = await start('from-ecr')
  expect((await execution('from-ecr', latest)).artifactRevisions![0].revisionId).toBe(OTHER_DIGEST)
  h.clock.advance(1)
  expect((await sourceAction('from-ecr', latest)).output?.outputVariables).toMatchObject({
    ImageDigest: OTHER_DIGEST,
    ImageTag: 'latest',
    RepositoryName: 'app'
  })
})

test('with eventTrigger, an upload to the watched key starts an execution of that version (CloudWatchEvent)', async () => {
  const version = await put('watched', 'app.zip', 'watched build', 'octo/repo@3333333: watched')
  await put('watched', 'elsewhere.zip', 'not watched')
  h.clock.advance(1)
  const summaries = (await h.cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'on-upload' }))).pipelineExecutionSummaries!
  expect(summaries).toHaveLength(1)
  expect(summaries[0]).toMatchObject({
    trigger: { triggerType: 'CloudWatchEvent', triggerDetail: expect.stringContaining('arn:aws:events:') },
    sourceRevisions: [{ actionName: 'Upload', revisionId: version, revisionSummary: 'octo/repo@3333333: watched' }]
  })
})

test('with eventTrigger, a push to the watched repository and tag starts an execution of that digest', async () => {
  const [id] = h.emulator.pushImage({ repositoryName: 'pushed', imageDigest: DIGEST })
  expect(h.emulator.pushImage({ repositoryName: 'pushed', imageTag: 'v2', imageDigest: OTHER_DIGEST })).toEqual([])
  const pushed = await execution('on-push', id)
  expect(pushed).toMatchObject({ trigger: { triggerType: 'CloudWatchEvent' }, artifactRevisions: [{ revisionId: DIGEST }] })
})
