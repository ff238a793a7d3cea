import { ActionError, AwsCallError, awsErrorName, describeAwsError, type AwsErrorContext } from '../../src/errors.js'
import { awsError } from '../support/fakes.js'

const ctx: AwsErrorContext = {
  iamAction: 'codepipeline:StartPipelineExecution',
  pipelineName: 'my-pipe',
  region: 'eu-west-1',
  endpoint: 'https://codepipeline.eu-west-1.amazonaws.com'
}

function nodeError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:9`), { code })
}

const cases: [string, unknown, string][] = [
  [
    'PipelineNotFoundException names the pipeline and region',
    awsError('PipelineNotFoundException', 'The account with id 1 does not include a pipeline with the name my-pipe'),
    "Pipeline 'my-pipe' was not found in region eu-west-1; check pipeline-name and aws-region."
  ],
  [
    "ValidationException gives AWS's own message",
    awsError('ValidationException', "1 validation error detected: Value 'x y' at 'variables.1.member.name' failed to satisfy constraint"),
    "CodePipeline rejected the request (codepipeline:StartPipelineExecution): 1 validation error detected: Value 'x y' at 'variables.1.member.name' failed to satisfy constraint"
  ],
  [
    'AccessDenied names the IAM action and resource from the message',
    awsError(
      'AccessDeniedException',
      'User: arn:aws:sts::123456789012:assumed-role/gha/run is not authorized to perform: codepipeline:GetPipeline on resource: arn:aws:codepipeline:eu-west-1:123456789012:my-pipe because no identity-based policy allows the codepipeline:GetPipeline action'
    ),
    'Access denied: the AWS credentials are not allowed codepipeline:GetPipeline on arn:aws:codepipeline:eu-west-1:123456789012:my-pipe; add it to the IAM policy of the role the workflow assumes.'
  ],
  [
    "AccessDenied without details names the call's IAM action and the pipeline",
    awsError('AccessDeniedException', 'Access denied'),
    "Access denied: the AWS credentials are not allowed codepipeline:StartPipelineExecution on pipeline 'my-pipe'; add it to the IAM policy of the role the workflow assumes."
  ],
  [
    'missing credentials point at configure-aws-credentials and say there are no key inputs',
    awsError('CredentialsProviderError', 'Could not load credentials from any providers'),
    'No AWS credentials were found; configure them before this step, e.g. with aws-actions/configure-aws-credentials and OIDC (this action deliberately has no key inputs).'
  ],
  [
    'missing region',
    new Error('Region is missing'),
    'No AWS region is set; set the aws-region input or use aws-actions/configure-aws-credentials.'
  ],
  [
    'connection refused names the endpoint',
    nodeError('ECONNREFUSED'),
    'Could not reach CodePipeline at https://codepipeline.eu-west-1.amazonaws.com (ECONNREFUSED); check the network and AWS_ENDPOINT_URL_CODEPIPELINE / AWS_ENDPOINT_URL.'
  ],
  [
    'DNS failure names the endpoint',
    nodeError('ENOTFOUND'),
    'Could not reach CodePipeline at https://codepipeline.eu-west-1.amazonaws.com (ENOTFOUND); check the network and AWS_ENDPOINT_URL_CODEPIPELINE / AWS_ENDPOINT_URL.'
  ],
  [
    'an unknown AWS error: its name and message',
    awsError('ConcurrentPipelineExecutionsLimitExceededException', 'Limit reached'),
    'ConcurrentPipelineExecutionsLimitExceededException: Limit reached'
  ],
  ['a plain error: its message', new Error('something odd'), 'something odd'],
  ['not an Error at all', 'a string', 'a string']
]

test.each(cases)('%s', (_label, err, sentence) => {
  const message = describeAwsError(err, ctx)
  expect(message).toBe(sentence)
  expect(message).not.toContain('\n')
})

test('multi-line AWS messages become one line', () => {
  expect(describeAwsError(awsError('ValidationException', 'line one\n  line two'), ctx)).toMatch(/line one line two$/)
})

test('awsErrorName prefers the AWS name, then a Node code', () => {
  expect(awsErrorName(awsError('ThrottlingException'))).toBe('ThrottlingException')
  expect(awsErrorName(nodeError('ECONNRESET'))).toBe('ECONNRESET')
  expect(awsErrorName(new AwsCallError('sentence', 'PipelineNotFoundException', awsError('PipelineNotFoundException')))).toBe(
    'PipelineNotFoundException'
  )
  expect(awsErrorName(new Error('x'))).toBe('Error')
  expect(awsErrorName(undefined)).toBe('Error')
})

test('AwsCallError is an expected failure that keeps its cause', () => {
  const cause = awsError('PipelineNotFoundException')
  const err = new AwsCallError('sentence', 'PipelineNotFoundException', cause)
  expect(err).toBeInstanceOf(ActionError)
  expect(err.cause).toBe(cause)
})
