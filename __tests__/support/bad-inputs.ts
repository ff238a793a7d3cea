// Every input with each malformed shape it can take, and what the one-line error must say. Shared by the
// unit test of the parser and the end-to-end table that runs dist/ on each (and checks no AWS call is made).
const SHA = 'a'.repeat(40)
const EXECUTION = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f'

export type BadInput = [label: string, inputs: Record<string, string>, message: RegExp]

export const BAD_INPUTS: BadInput[] = [
  ['missing pipeline-name', { 'pipeline-name': '' }, /pipeline-name is required/],
  ['pipeline-name with a space', { 'pipeline-name': 'my pipeline' }, /pipeline-name 'my pipeline'/],
  ['pipeline-name as an ARN', { 'pipeline-name': 'arn:aws:codepipeline:us-east-1:1:p' }, /pipeline-name .*not the ARN/],
  ['pipeline-name too long', { 'pipeline-name': 'p'.repeat(101) }, /pipeline-name/],
  ['short commit-id', { 'commit-id': 'abc1234' }, /commit-id 'abc1234' is a short sha; pass the full/],
  ['39-hex commit-id', { 'commit-id': 'a'.repeat(39) }, /commit-id .* short sha/],
  ['non-hex commit-id', { 'commit-id': 'main' }, /commit-id 'main' is not a commit sha/],
  ['all-zeros commit-id', { 'commit-id': '0'.repeat(40) }, /^Input commit-id is all zeros, which names no commit/],
  ['41-hex commit-id', { 'commit-id': 'a'.repeat(41) }, /commit-id .* not a commit sha/],
  ['source-action with a space', { 'source-action': 'My Source' }, /source-action 'My Source'/],
  ['source-action too long', { 'source-action': 's'.repeat(101) }, /source-action/],
  ['pin-commit false with commit-id', { 'pin-commit': 'false', 'commit-id': SHA }, /commit-id .*pin-commit/],
  [
    'pin-commit false with source-revisions',
    { 'pin-commit': 'false', 'source-revisions': `App:COMMIT_ID:${SHA}` },
    /source-revisions .*pin-commit/
  ],
  ['pin-commit false with source-action', { 'pin-commit': 'false', 'source-action': 'App' }, /source-action .*pin-commit/],
  [
    'source-action with source-revisions',
    { 'source-action': 'App', 'source-revisions': `App:COMMIT_ID:${SHA}` },
    /source-action and source-revisions/
  ],
  ['check-run without github-token', { 'check-run': 'true' }, /check-run is true but github-token is not set/],
  ['check-run not a boolean', { 'check-run': 'yes', 'github-token': 'ghs_x' }, /check-run is 'yes'/],
  ['bad aws-region', { 'aws-region': 'virginia' }, /aws-region is 'virginia'/],
  ['uppercase aws-region', { 'aws-region': 'US-EAST-1' }, /aws-region/],
  ['variables line without =', { variables: 'A=1\nnonsense' }, /variables line 2: 'nonsense' is not NAME=value/],
  ['variables bad name', { variables: 'BAD NAME=1' }, /variables line 1: variable name 'BAD NAME'/],
  ['variables empty name', { variables: '=1' }, /variables line 1: variable name ''/],
  ['variables name too long', { variables: `${'N'.repeat(129)}=1` }, /variables line 1: variable name 'N+' must be 1-128/],
  ['variables empty value', { variables: 'A=' }, /variables line 1: the value of A must be 1-1000/],
  [
    'variables value too long',
    { variables: `A=${'v'.repeat(1001)}` },
    /variables line 1: the value of A must be 1-1000 characters \(it has 1001\)/
  ],
  ['variables duplicate', { variables: 'A=1\n# c\nA=2' }, /variables line 3: variable A is already set on line 1/],
  [
    'variables over 50',
    { variables: Array.from({ length: 51 }, (_, i) => `V${i}=1`).join('\n') },
    /variables has 51 entries; CodePipeline accepts at most 50/
  ],
  [
    'source-revisions bad format',
    { 'source-revisions': 'App=abc' },
    /source-revisions line 1: 'App=abc' is not ACTION_NAME:REVISION_TYPE:VALUE/
  ],
  [
    'source-revisions bad type',
    { 'source-revisions': 'App:SHA:abc' },
    /source-revisions line 1: revision type 'SHA' must be one of COMMIT_ID/
  ],
  ['source-revisions bad action', { 'source-revisions': 'My App:COMMIT_ID:abc' }, /source-revisions line 1: action name 'My App'/],
  ['source-revisions empty value', { 'source-revisions': 'App:COMMIT_ID:' }, /source-revisions line 1: the revision value must be 1-1500/],
  [
    'source-revisions value too long',
    { 'source-revisions': `App:S3_OBJECT_KEY:${'k'.repeat(1501)}` },
    /source-revisions line 1: the revision value must be 1-1500/
  ],
  [
    'source-revisions duplicate',
    { 'source-revisions': `App:COMMIT_ID:${SHA}\nApp:COMMIT_ID:${SHA}` },
    /line 2: action App is already overridden on line 1/
  ],
  ['wait not a boolean', { wait: 'yes' }, /Input wait is 'yes'; it must be true or false/],
  ['pin-commit not a boolean', { 'pin-commit': '1' }, /Input pin-commit is '1'; it must be true or false/],
  ['stop-on-cancel not a boolean', { 'stop-on-cancel': 'on' }, /Input stop-on-cancel is 'on'; it must be true or false/],
  ['abandon-on-cancel not a boolean', { 'abandon-on-cancel': 'y' }, /Input abandon-on-cancel is 'y'; it must be true or false/],
  ['allow-superseded not a boolean', { 'allow-superseded': 'maybe' }, /Input allow-superseded is 'maybe'; it must be true or false/],
  [
    'stop-on-timeout not a boolean',
    { 'stop-on-timeout': 'no', 'wait-timeout-minutes': '5' },
    /Input stop-on-timeout is 'no'; it must be true or false/
  ],
  [
    'wait-timeout-minutes not a number',
    { 'wait-timeout-minutes': 'ten' },
    /Input wait-timeout-minutes is 'ten'; use a number of minutes greater than 0/
  ],
  ['wait-timeout-minutes with a unit', { 'wait-timeout-minutes': '30m' }, /Input wait-timeout-minutes is '30m'/],
  [
    'wait-timeout-minutes zero',
    { 'wait-timeout-minutes': '0' },
    /Input wait-timeout-minutes is '0'; use a number of minutes greater than 0/
  ],
  ['wait-timeout-minutes negative', { 'wait-timeout-minutes': '-5' }, /Input wait-timeout-minutes is '-5'/],
  ['wait-timeout-minutes huge', { 'wait-timeout-minutes': '1e9' }, /Input wait-timeout-minutes is '1e9'/],
  [
    'stop-on-timeout without wait-timeout-minutes',
    { 'stop-on-timeout': 'true' },
    /stop-on-timeout is true but wait-timeout-minutes is not set/
  ],
  [
    'outage-tolerance-minutes not a number',
    { 'outage-tolerance-minutes': 'five' },
    /Input outage-tolerance-minutes is 'five'; use a number of minutes such as/
  ],
  ['start-retry-minutes negative', { 'start-retry-minutes': '-1' }, /Input start-retry-minutes is '-1'/],
  [
    'client-request-token with a space',
    { 'client-request-token': 'my token' },
    /Input client-request-token must be 1-128 letters, digits and -/
  ],
  ['client-request-token with _', { 'client-request-token': 'run_42' }, /Input client-request-token must be/],
  ['client-request-token too long', { 'client-request-token': 't'.repeat(129) }, /Input client-request-token must be 1-128/],
  ['execution-id not an id', { 'execution-id': 'latest' }, /Input execution-id 'latest' is not an execution id/],
  ['follow-trigger not a boolean', { 'follow-trigger': 'auto' }, /Input follow-trigger is 'auto'; it must be true or false/],
  ['trigger-timeout-minutes zero', { 'follow-trigger': 'true', 'trigger-timeout-minutes': '0' }, /Input trigger-timeout-minutes is '0'/],
  [
    'execution-id with follow-trigger',
    { 'execution-id': EXECUTION, 'follow-trigger': 'true' },
    /Inputs execution-id and follow-trigger are both set; use one/
  ],
  ['execution-id with variables', { 'execution-id': EXECUTION, variables: 'A=1' }, /Input variables makes no sense with execution-id/],
  [
    'follow-trigger with source-revisions',
    { 'follow-trigger': 'true', 'source-revisions': `App:COMMIT_ID:${SHA}` },
    /Input source-revisions makes no sense with follow-trigger/
  ],
  ['follow-trigger with wait false', { 'follow-trigger': 'true', wait: 'false' }, /Input wait: false makes no sense with follow-trigger/],
  ['execution-id with wait false', { 'execution-id': EXECUTION, wait: 'false' }, /Input wait: false makes no sense with execution-id/],
  [
    'follow-trigger with stop-on-timeout',
    { 'follow-trigger': 'true', 'stop-on-timeout': 'true', 'wait-timeout-minutes': '5' },
    /Input stop-on-timeout makes no sense with follow-trigger.*never stops an execution it did not start/
  ],
  [
    'follow-trigger with pin-commit false',
    { 'follow-trigger': 'true', 'pin-commit': 'false' },
    /Input pin-commit: false makes no sense with follow-trigger/
  ],
  ['logs not a mode', { logs: 'errors' }, /^Input logs is 'errors'; use failed \(the default\), all or none\.$/]
]
