// The demo's `--scenario s3-artifact` and `--scenario ecr-image`: pipelines whose source is not a commit but
// an S3 object version or an ECR image. The bucket is made and the image pushed through the service's control
// endpoints, as any process that only knows its URL would; the build is uploaded with the real S3 client.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import type { ActionSpec, BucketSpec, ImagePush, PipelineSpec } from '../emulator/index.js'
import { exampleEvent, runAction } from './runner.js'
import type { Scenario, ScenarioContext } from './scenarios.js'

export const DEMO_BUCKET = 'demo-artifacts'
export const DEMO_KEY = 'app.zip'
export const DEMO_REPOSITORY = 'demo-app'
export const DEMO_DIGEST = 'sha256:5f3c1a0e9b7d2c4f6a8e0b1d3c5e7f9a2b4d6f8e0a1c3e5b7d9f1a3c5e7b9d0f'

const stage = (name: string, action: ActionSpec) => ({ name, actions: [action] })
const codebuild = (name: string, category: 'Build' | 'Deploy', seconds: number): ActionSpec => ({
  name,
  category,
  provider: 'CodeBuild',
  durationSeconds: seconds,
  configuration: { ProjectName: name.toLowerCase() },
  summary: `${name} finished`
})

/** Artifact (S3 source: S3Bucket/S3ObjectKey on a versioned bucket), Build, Deploy. */
export function s3ArtifactPipeline(name: string, extra: Partial<ActionSpec> = {}): PipelineSpec {
  return {
    name,
    pipelineType: 'V2',
    stages: [
      stage('Source', {
        name: 'Artifact',
        category: 'Source',
        provider: 'S3',
        configuration: { S3Bucket: DEMO_BUCKET, S3ObjectKey: DEMO_KEY, PollForSourceChanges: 'false' },
        durationSeconds: 0.2,
        ...extra
      }),
      stage('Build', codebuild('Compile', 'Build', 1)),
      stage('Deploy', codebuild('Ship', 'Deploy', 1))
    ]
  }
}

/** Image (ECR source: RepositoryName, ImageTag), Deploy. */
export function ecrImagePipeline(name: string, extra: Partial<ActionSpec> = {}): PipelineSpec {
  return {
    name,
    pipelineType: 'V2',
    stages: [
      stage('Source', {
        name: 'Image',
        category: 'Source',
        provider: 'ECR',
        configuration: { RepositoryName: DEMO_REPOSITORY, ImageTag: 'latest' },
        durationSeconds: 0.2,
        ...extra
      }),
      stage('Deploy', codebuild('Ship', 'Deploy', 1))
    ]
  }
}

async function control(ctx: ScenarioContext, path: string, body: BucketSpec | ImagePush): Promise<void> {
  const answer = await fetch(`${ctx.url}/_emulator/${path}`, { method: 'POST', body: JSON.stringify(body) })
  if (!answer.ok) throw new Error(`${path} refused: ${await answer.text()}`)
}

/** What a workflow's earlier step would have uploaded (until the action uploads it itself with `artifact`). */
async function uploadBuild(ctx: ScenarioContext): Promise<string> {
  const s3 = new S3Client({
    endpoint: ctx.url,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDSCENARIO', secretAccessKey: 'x' }
  })
  const put = await s3.send(
    new PutObjectCommand({
      Bucket: DEMO_BUCKET,
      Key: DEMO_KEY,
      Body: 'a build of the pull request',
      Metadata: { 'codepipeline-artifact-revision-summary': 'Codertocat/Hello-World@ec26c3e: Update the README' }
    })
  )
  s3.destroy()
  return put.VersionId ?? ''
}

// Pinned with source-revisions for now; the action's own `artifact` and `image-digest` inputs replace that.
const inputs = (name: string, sourceRevisions: string) => ({
  'pipeline-name': name,
  'source-revisions': sourceRevisions,
  'poll-interval-min-seconds': '0.5',
  'poll-interval-max-seconds': '1'
})

export const s3ArtifactScenario: Scenario = {
  description: 'An S3 source: the build is uploaded to a versioned bucket and the pipeline runs exactly that object version',
  async run(ctx, name) {
    await control(ctx, 'buckets', { name: DEMO_BUCKET, versioning: 'Enabled' })
    ctx.addPipeline(s3ArtifactPipeline(name))
    const version = await uploadBuild(ctx)
    const pinned = inputs(name, `Artifact:S3_OBJECT_VERSION_ID:${version}`)
    const result = await runAction({ endpoint: ctx.url, event: exampleEvent('pull_request', 'opened'), inputs: pinned, ...ctx.options })
    return { results: [result], others: [version] }
  }
}

export const ecrImageScenario: Scenario = {
  description: 'An ECR source: an image is pushed, and the pipeline deploys exactly that digest',
  async run(ctx, name) {
    ctx.addPipeline(ecrImagePipeline(name))
    await control(ctx, 'ecr/push', { repositoryName: DEMO_REPOSITORY, imageTag: 'latest', imageDigest: DEMO_DIGEST })
    const pinned = inputs(name, `Image:IMAGE_DIGEST:${DEMO_DIGEST}`)
    const result = await runAction({ endpoint: ctx.url, event: exampleEvent('pull_request', 'opened'), inputs: pinned, ...ctx.options })
    return { results: [result], others: [] }
  }
}
