// The demo's `--scenario s3-artifact` and `--scenario ecr-image`: pipelines whose source is not a commit but
// an S3 object version or an ECR image. The bucket is made and the image pushed through the service's control
// endpoints, as any process that only knows its URL would; the action itself uploads the build (`artifact`).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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

/** The workflow's build, in a workspace of its own: what `artifact` zips and uploads. */
function buildWorkspace(): string {
  const workspace = mkdtempSync(join(tmpdir(), 'demo-workspace-'))
  mkdirSync(join(workspace, 'dist'))
  writeFileSync(join(workspace, 'dist', 'index.html'), '<h1>Hello, World</h1>\n')
  writeFileSync(join(workspace, 'dist', 'buildspec.yml'), 'version: 0.2\nphases:\n  build:\n    commands: [echo deploy]\n')
  return workspace
}

const inputs = (name: string, extra: Record<string, string>) => ({
  'pipeline-name': name,
  'poll-interval-min-seconds': '0.5',
  'poll-interval-max-seconds': '1',
  ...extra
})

export const s3ArtifactScenario: Scenario = {
  description:
    "An S3 source: the action zips the workflow's build, uploads it to the versioned bucket, and the pipeline runs exactly that object version",
  async run(ctx, name) {
    await control(ctx, 'buckets', { name: DEMO_BUCKET, versioning: 'Enabled' })
    ctx.addPipeline(s3ArtifactPipeline(name))
    const workspace = buildWorkspace()
    try {
      const env = { ...ctx.options?.env, AWS_ENDPOINT_URL_S3: ctx.url, GITHUB_WORKSPACE: workspace }
      const event = exampleEvent('pull_request', 'opened')
      const result = await runAction({ endpoint: ctx.url, event, inputs: inputs(name, { artifact: 'dist' }), ...ctx.options, env })
      return { results: [result], others: [result.outputs['artifact-version-id'] ?? ''] }
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  }
}

export const ecrImageScenario: Scenario = {
  description: 'An ECR source: an image is pushed, and the pipeline deploys exactly that digest',
  async run(ctx, name) {
    ctx.addPipeline(ecrImagePipeline(name))
    await control(ctx, 'ecr/push', { repositoryName: DEMO_REPOSITORY, imageTag: 'latest', imageDigest: DEMO_DIGEST })
    const pinned = inputs(name, { 'image-digest': DEMO_DIGEST })
    const result = await runAction({ endpoint: ctx.url, event: exampleEvent('pull_request', 'opened'), inputs: pinned, ...ctx.options })
    return { results: [result], others: [] }
  }
}
