// Small pipelines for the end-to-end tests: real-clock durations of a fraction of a second.
import type { PipelineSpec } from '../../emulator/index.js'

export const repo = 'Codertocat/Hello-World' // the repository of @octokit/webhooks-examples' payloads

interface ShortPipeline {
  name: string
  buildSeconds?: number
  buildFails?: boolean
  sourceRepo?: string
  executionMode?: 'SUPERSEDED' | 'QUEUED' | 'PARALLEL'
  /** The failing build's error message. */
  buildError?: string
  /** A manual approval stage of this many seconds before Deploy. */
  approvalSeconds?: number
}

const approvalStage = (seconds: number) => ({
  name: 'Approve',
  actions: [{ name: 'Release', category: 'Approval', provider: 'Manual', durationSeconds: seconds }]
})

export function shortPipeline(options: ShortPipeline): PipelineSpec {
  const { name, buildSeconds = 0.3, buildFails = false, sourceRepo = repo, executionMode, buildError, approvalSeconds } = options
  const spec = {
    name,
    executionMode,
    variables: [
      { name: 'DEPLOY_ENV', defaultValue: 'dev' },
      { name: 'URL', defaultValue: 'https://example.com' }
    ],
    stages: [
      {
        name: 'Source',
        actions: [
          {
            name: 'App',
            category: 'Source',
            provider: 'CodeStarSourceConnection',
            configuration: {
              FullRepositoryId: sourceRepo,
              BranchName: 'main',
              ConnectionArn: 'arn:aws:codestar-connections:us-east-1:123456789012:connection/abc'
            },
            durationSeconds: 0.1
          }
        ]
      },
      {
        name: 'Build',
        actions: [
          {
            name: 'Compile',
            category: 'Build',
            provider: 'CodeBuild',
            durationSeconds: buildSeconds,
            outcome: buildFails ? 'Failed' : 'Succeeded',
            errorMessage: buildFails ? (buildError ?? 'Build failed: COMMAND_EXECUTION_ERROR: npm test exited with 1') : undefined,
            externalUrl: 'https://console.aws.amazon.com/codesuite/codebuild/projects/app/build/app:1/log'
          }
        ]
      },
      {
        name: 'Deploy',
        actions: [{ name: 'Ship', category: 'Deploy', provider: 'CodeDeploy', durationSeconds: 0.1 }]
      }
    ]
  }
  if (approvalSeconds !== undefined) spec.stages.splice(2, 0, approvalStage(approvalSeconds))
  return spec as PipelineSpec
}
