// The documented IAM policies' parser, the request → IAM action mapping and the check, on fixtures
// (the end-to-end test, __tests__/e2e/iam-policy.test.ts, runs them on the real docs and real runs).
import type { RecordedRequest } from '../../emulator/index.js'
import {
  actionMatches,
  collectPolicies,
  iamActions,
  parsePolicies,
  policyProblems,
  type Feature,
  type ScenarioCalls
} from '../support/iam-policy.js'

const policy = (actions: string | string[], extra = '') =>
  `\`\`\`json\n{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": ${JSON.stringify(actions)}, "Resource": "*" }${extra} ] }\n\`\`\``

const README = `# The action

A trust policy, not marked:

\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity", "Principal": {} } ] }
\`\`\`

<!-- iam-policy: default -->

${policy(['codepipeline:StartPipelineExecution', 'codepipeline:GetPipelineExecution', 'logs:GetLogEvents'])}
`

const SECURITY = `# Security

<!-- iam-policy: follow -->
${policy('codepipeline:ListPipelineExecutions')}

  <!--iam-policy:artifact-->

  ${policy(['s3:PutObject', 's3:GetBucketVersioning'])}
`

describe('parsePolicies', () => {
  test('reads the marked blocks only, with a string or a list of actions, blank lines and indentation allowed', () => {
    expect(parsePolicies(README, 'README.md')).toEqual([
      {
        name: 'default',
        where: 'README.md:9',
        actions: ['codepipeline:StartPipelineExecution', 'codepipeline:GetPipelineExecution', 'logs:GetLogEvents']
      }
    ])
    const security = parsePolicies(SECURITY, 'docs/security.md')
    expect(security.map((p) => [p.name, p.actions])).toEqual([
      ['follow', ['codepipeline:ListPipelineExecutions']],
      ['artifact', ['s3:PutObject', 's3:GetBucketVersioning']]
    ])
  })

  test('collects several statements of one policy', () => {
    const text = `<!-- iam-policy: default -->\n${policy('codepipeline:GetPipeline', ', { "Effect": "Allow", "Action": ["logs:GetLogEvents"], "Resource": "*" }')}`
    expect(parsePolicies(text, 'R.md')[0]?.actions).toEqual(['codepipeline:GetPipeline', 'logs:GetLogEvents'])
  })

  test.each([
    ['an unknown name', '<!-- iam-policy: deploy -->\n' + policy('a:B'), /R\.md:1: unknown policy name 'deploy'/],
    ['a malformed marker', '<!-- iam-policy default -->\n' + policy('a:B'), /R\.md:1: a malformed iam-policy marker/],
    ['no json block after the marker', '<!-- iam-policy: default -->\n\nSome text.\n' + policy('a:B'), /not followed by a ```json block/],
    ['an unclosed block', '<!-- iam-policy: default -->\n```json\n{}', /never closed/],
    ['invalid JSON', '<!-- iam-policy: default -->\n```json\n{ "Version": \n```', /not valid JSON/],
    ['no Version', '<!-- iam-policy: default -->\n```json\n{ "Statement": [] }\n```', /"Version": "2012-10-17"/],
    ['a Deny', '<!-- iam-policy: default -->\n' + policy('a:B').replace('Allow', 'Deny'), /only Allow statements/],
    ['NotAction', '<!-- iam-policy: default -->\n' + policy('a:B').replace('"Action"', '"NotAction"'), /NotAction/],
    ['no Resource', '<!-- iam-policy: default -->\n' + policy('a:B').replace('"Resource"', '"Condition"'), /no Resource/],
    [
      'not an action',
      '<!-- iam-policy: default -->\n' + policy(['codepipeline:GetPipeline', 'GetLogEvents']),
      /'GetLogEvents' is not an IAM action/
    ]
  ])('refuses %s, naming where', (_what, text, message) => {
    expect(() => parsePolicies(text, 'R.md')).toThrow(message)
  })

  test('a name documented twice, even in two files, is refused', () => {
    const twice = `${SECURITY}\n<!-- iam-policy: default -->\n${policy('a:B')}`
    expect(() =>
      collectPolicies([
        { file: 'README.md', text: README },
        { file: 'docs/security.md', text: twice }
      ])
    ).toThrow("docs/security.md:14: policy 'default' is already documented at README.md:9")
    expect([...collectPolicies([{ file: 'README.md', text: README }]).keys()]).toEqual(['default'])
  })
})

test('actionMatches: IAM wildcards, case-insensitive', () => {
  expect(actionMatches('codepipeline:Get*', 'codepipeline:GetPipelineState')).toBe(true)
  expect(actionMatches('codepipeline:getpipeline', 'codepipeline:GetPipeline')).toBe(true)
  expect(actionMatches('codepipeline:Get?ipeline', 'codepipeline:GetPipeline')).toBe(true)
  expect(actionMatches('codepipeline:GetPipeline', 'codepipeline:GetPipelineState')).toBe(false)
  expect(actionMatches('codepipeline:*', 'codebuild:BatchGetBuilds')).toBe(false)
})

function request(operation: string, service: string, extra: Partial<RecordedRequest> = {}): RecordedRequest {
  const authorization = `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261206/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`
  return { operation, body: {}, text: '', time: 0, status: 200, ...extra, headers: { authorization, ...extra.headers } }
}

describe('iamActions', () => {
  test('service:Operation, the service from the signature', () => {
    expect(iamActions(request('GetLogEvents', 'logs'))).toEqual(['logs:GetLogEvents'])
    expect(iamActions(request('BatchGetBuilds', 'codebuild'))).toEqual(['codebuild:BatchGetBuilds'])
    expect(() => iamActions({ ...request('GetPipeline', 'codepipeline'), headers: {} })).toThrow(/no SigV4 credential scope/)
  })

  test("S3's operations map to IAM's actions", () => {
    const s3 = (operation: string, extra: Partial<RecordedRequest> = {}) => iamActions(request(operation, 's3', extra))
    for (const op of ['PutObject', 'CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload'])
      expect(s3(op)).toEqual(['s3:PutObject'])
    expect(s3('AbortMultipartUpload')).toEqual(['s3:AbortMultipartUpload'])
    expect(s3('ListParts')).toEqual(['s3:ListMultipartUploadParts'])
    expect(s3('HeadObject')).toEqual(['s3:GetObject'])
    expect(s3('GetObject', { body: { VersionId: 'v1' } })).toEqual(['s3:GetObjectVersion'])
    expect(s3('GetBucketVersioning')).toEqual(['s3:GetBucketVersioning'])
    expect(s3('PutObject', { headers: { 'x-amz-acl': 'private', 'x-amz-tagging': 'a=b' } })).toEqual([
      's3:PutObject',
      's3:PutObjectAcl',
      's3:PutObjectTagging'
    ])
    expect(() => s3('DeleteObject')).toThrow(/no IAM mapping for the S3 operation 'DeleteObject'/)
  })
})

describe('policyProblems', () => {
  const policies = collectPolicies([
    { file: 'README.md', text: README },
    { file: 'docs/security.md', text: SECURITY }
  ])
  const calls = (scenario: string, features: Feature[], ...actions: string[]): ScenarioCalls => ({
    scenario,
    features,
    needs: new Map(actions.map((a) => [a, [a.split(':')[1] ?? '']]))
  })
  const fine = [
    calls('pass', [], 'codepipeline:StartPipelineExecution', 'codepipeline:GetPipelineExecution'),
    calls('fail', [], 'codepipeline:StartPipelineExecution', 'logs:GetLogEvents'),
    calls('follow', ['follow'], 'codepipeline:ListPipelineExecutions', 'codepipeline:GetPipelineExecution'),
    calls('artifact', ['artifact'], 's3:GetBucketVersioning', 's3:PutObject', 'codepipeline:StartPipelineExecution')
  ]

  test('none when every call is allowed by its scenario’s policies and every permission is needed', () => {
    expect(policyProblems(policies, fine)).toEqual([])
  })

  test('a call that no policy of its scenario allows', () => {
    const more = [
      ...fine,
      calls('fail-logs', [], 'codebuild:BatchGetBuilds'),
      calls('pass2', [], 'codepipeline:ListPipelineExecutions'),
      calls('artifact2', ['artifact'], 's3:AbortMultipartUpload')
    ]
    expect(policyProblems(policies, more)).toEqual([
      "fail-logs needs codebuild:BatchGetBuilds (BatchGetBuilds), which policy 'default' does not allow",
      "pass2 needs codepipeline:ListPipelineExecutions (ListPipelineExecutions), which policy 'default' does not allow",
      "artifact2 needs s3:AbortMultipartUpload (AbortMultipartUpload), which policies 'default' + 'artifact' do not allow"
    ])
  })

  test('a permission no scenario of its policy needs, or in default one only a feature needs', () => {
    const runs = [fine[0], calls('follow', ['follow'], 'codepipeline:ListPipelineExecutions', 'logs:GetLogEvents'), fine[3]]
    expect(policyProblems(policies, runs)).toEqual([
      "policy 'default' (README.md:9) allows logs:GetLogEvents, which no run with default inputs needs (only follow)"
    ])
    expect(policyProblems(policies, fine.slice(0, 3))).toEqual([
      "policy 'artifact' (docs/security.md:8) allows s3:PutObject, which no scenario using artifact needs",
      "policy 'artifact' (docs/security.md:8) allows s3:GetBucketVersioning, which no scenario using artifact needs"
    ])
    // A wildcard is needed when anything it matches is.
    const wild = parsePolicies(`<!-- iam-policy: artifact -->\n${policy(['s3:Put*', 's3:GetBucket*', 's3:Delete*'])}`, 'S.md')
    expect(policyProblems(new Map([...policies, ['artifact', wild[0]]] as const), fine)).toEqual([
      "policy 'artifact' (S.md:1) allows s3:Delete*, which no scenario using artifact needs"
    ])
  })

  test('a feature with no policy of its own needs nothing beyond default; default must be there', () => {
    const noFollow = new Map([...policies].filter(([name]) => name !== 'follow'))
    expect(policyProblems(noFollow, fine)).toEqual([
      "follow needs codepipeline:ListPipelineExecutions (ListPipelineExecutions), which policy 'default' does not allow (no policy 'follow' is documented)"
    ])
    expect(
      policyProblems(noFollow, [...fine.slice(0, 2), calls('execution-id', ['follow'], 'codepipeline:GetPipelineExecution'), fine[3]])
    ).toEqual([])
    const none = new Map([...policies].filter(([name]) => name === 'follow'))
    expect(policyProblems(none, fine.slice(0, 1))).toEqual([
      "no policy 'default' is documented (<!-- iam-policy: default --> before a ```json block)",
      'pass needs codepipeline:StartPipelineExecution (StartPipelineExecution), which no documented policy allows',
      'pass needs codepipeline:GetPipelineExecution (GetPipelineExecution), which no documented policy allows',
      "policy 'follow' (docs/security.md:3) allows codepipeline:ListPipelineExecutions, which no scenario using follow needs"
    ])
  })
})
