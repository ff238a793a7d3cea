// The demo's pipeline: a GitHub source, a CodeBuild build and a CloudFormation deploy, about 9 s end to end.
import type { ActionSpec, PipelineSpec, StageSpec } from './types.js'

/** The repository of @octokit/webhooks-examples' pull_request "opened" example, so the demo's event matches. */
export const SAMPLE_REPOSITORY = 'Codertocat/Hello-World'
export const SAMPLE_PIPELINE_NAME = 'sample-pipeline'

const CODEBUILD_LOG_URL =
  'https://console.aws.amazon.com/codesuite/codebuild/123456789012/projects/sample-build/build/{externalExecutionId}/log?region={region}'

/** A Source stage with one CodeStarSourceConnection (GitHub) action named Source. */
export function githubSourceStage(repository: string, durationSeconds = 1): StageSpec {
  return {
    name: 'Source',
    actions: [
      {
        name: 'Source',
        category: 'Source',
        provider: 'CodeStarSourceConnection',
        durationSeconds,
        configuration: {
          ConnectionArn: 'arn:aws:codeconnections:us-east-1:123456789012:connection/8d4c3a5e-1b2f-4c6d-9e7f-0a1b2c3d4e5f',
          FullRepositoryId: repository,
          BranchName: 'main',
          OutputArtifactFormat: 'CODE_ZIP'
        }
      }
    ]
  }
}

export interface SampleOptions {
  fail?: boolean // the Build action fails the way a failing CodeBuild project does
  name?: string // default 'sample-pipeline'
}

// What a CodeBuild build of a Node project writes, phase by phase (timed over the build's duration).
const BUILD_LOG = [
  '[Container] 2025/01/01 12:00:01.123 Running on CodeBuild On-demand',
  '[Container] 2025/01/01 12:00:01.456 Entering phase INSTALL',
  '[Container] 2025/01/01 12:00:02.001 Running command npm ci',
  'added 412 packages in 6s',
  '[Container] 2025/01/01 12:00:09.310 Entering phase BUILD',
  '[Container] 2025/01/01 12:00:09.312 Running command npm test',
  '> sample-app@1.0.0 test',
  '> jest'
]
const PASSING = [
  'PASS src/app.test.js',
  'Tests:       14 passed, 14 total',
  '[Container] 2025/01/01 12:00:14.870 Phase complete: BUILD State: SUCCEEDED'
]
const FAILING = [
  'FAIL src/app.test.js',
  '  ● app › renders the greeting',
  '    expect(received).toBe(expected)',
  '    Expected: "Hello, world"',
  '    Received: "Hello, wrld"',
  'Tests:       1 failed, 13 passed, 14 total',
  '[Container] 2025/01/01 12:00:14.870 Command did not exit successfully npm test exit status 1',
  '[Container] 2025/01/01 12:00:14.902 Phase complete: BUILD State: FAILED'
]

/** The Build action's outcome: a success, or a failure the way a failing CodeBuild project reports it. */
function sampleBuildOutcome(fail: boolean | undefined): Partial<ActionSpec> {
  const outputs = { namespace: 'BuildVariables', outputVariables: { IMAGE_TAG: 'sample-app:1.0.0-3f2a9c1' } }
  return fail
    ? {
        ...outputs,
        outcome: 'Failed' as const,
        logs: [...BUILD_LOG, ...FAILING],
        durationSeconds: 4,
        summary: 'Build terminated with state: FAILED',
        errorCode: 'JobFailed',
        errorMessage:
          'Build terminated with state: FAILED. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR, ' +
          'Message: Error while executing command: npm test. Reason: exit status 1'
      }
    : { ...outputs, durationSeconds: 5, summary: 'Build succeeded', logs: [...BUILD_LOG, ...PASSING] }
}

export function samplePipeline(options: SampleOptions = {}): PipelineSpec {
  const build = sampleBuildOutcome(options.fail)
  return {
    name: options.name ?? SAMPLE_PIPELINE_NAME,
    executionMode: 'SUPERSEDED',
    pipelineType: 'V2',
    variables: [{ name: 'DEPLOY_ENV', defaultValue: 'staging', description: 'Where the Deploy stage deploys to' }],
    stages: [
      githubSourceStage(SAMPLE_REPOSITORY),
      {
        name: 'Build',
        actions: [
          {
            name: 'Build',
            category: 'Build',
            provider: 'CodeBuild',
            configuration: { ProjectName: 'sample-build' },
            outputArtifacts: ['BuildArtifact'],
            externalUrl: CODEBUILD_LOG_URL,
            ...build
          }
        ]
      },
      {
        name: 'Deploy',
        actions: [
          {
            name: 'Deploy',
            category: 'Deploy',
            provider: 'CloudFormation',
            durationSeconds: 3,
            inputArtifacts: ['BuildArtifact'],
            summary: 'Stack sample-app updated',
            configuration: {
              ActionMode: 'CREATE_UPDATE',
              StackName: 'sample-app',
              TemplatePath: 'BuildArtifact::template.yaml'
            }
          }
        ]
      }
    ],
    history: [
      { status: 'Succeeded', durationSeconds: 9.4, startedSecondsAgo: 3600 },
      { status: 'Succeeded', durationSeconds: 10.1, startedSecondsAgo: 86400 },
      { status: 'Succeeded', durationSeconds: 8.7, startedSecondsAgo: 172800 }
    ]
  }
}
