import { InputError, readBoolean, type InputReader } from '../../src/inputs/readers.js'
import { readSettings, resolveRegion } from '../../src/inputs/settings.js'
import { parseSourceRevisions, parseVariables } from '../../src/inputs/lists.js'
import { BAD_INPUTS } from '../support/bad-inputs.js'

const SHA = 'a'.repeat(40)

function reader(inputs: Record<string, string>): InputReader {
  return (name) => (inputs[name] ?? '').trim()
}

function settings(inputs: Record<string, string>, env: NodeJS.ProcessEnv = { AWS_REGION: 'us-east-1' }) {
  return readSettings(reader({ 'pipeline-name': 'my-pipeline', ...inputs }), env)
}

function inputError(fn: () => unknown): InputError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return err as InputError
  }
  throw new Error('expected an InputError')
}

describe('defaults', () => {
  test('only pipeline-name and a region', () => {
    expect(settings({})).toEqual({
      pipelineName: 'my-pipeline',
      variables: [],
      commitId: undefined,
      sourceAction: undefined,
      sourceRevisions: undefined,
      pinCommit: true,
      wait: true,
      stopOnCancel: true,
      abandonOnCancel: false,
      allowSuperseded: false,
      region: 'us-east-1',
      githubToken: undefined,
      checkRun: false,
      maskVariables: false,
      pollLimits: { minMs: 1000, maxMs: 60_000 },
      clientRequestToken: undefined,
      waitTimeoutMs: undefined,
      stopOnTimeout: false,
      outageToleranceMs: 5 * 60_000,
      startRetryMs: 5 * 60_000,
      waitForRollback: false,
      follow: undefined,
      logs: 'failed',
      approve: [],
      onRerun: 'retry'
    })
  })
})

describe('booleans read as core.getBooleanInput reads them', () => {
  test.each(['true', 'True', 'TRUE'])('%s is true', (value) => {
    expect(readBoolean(reader({ wait: value }), 'wait')).toBe(true)
  })
  test.each(['false', 'False', 'FALSE'])('%s is false', (value) => {
    expect(readBoolean(reader({ wait: value }), 'wait')).toBe(false)
  })
  test.each(['wait', 'stop-on-cancel', 'abandon-on-cancel', 'allow-superseded', 'pin-commit'])(
    '%s: anything else is an input error naming it',
    (name) => {
      for (const bad of ['yes', 'no', '1', '0', 'tRue', 'on']) {
        const err = inputError(() => settings({ [name]: bad }))
        expect(err.message).toContain(name)
        expect(err.message).toContain(`'${bad}'`)
        expect(err.message).toMatch(/true or false/)
        expect(err.message).not.toContain('\n')
      }
    }
  )
  test('each boolean reaches its own setting', () => {
    const s = settings({ wait: 'false', 'stop-on-cancel': 'false', 'abandon-on-cancel': 'true', 'allow-superseded': 'true' })
    expect(s).toMatchObject({ wait: false, stopOnCancel: false, abandonOnCancel: true, allowSuperseded: true })
  })
})

describe('bad inputs fail with one line naming the input', () => {
  test.each(BAD_INPUTS)('%s', (_label, inputs, message) => {
    const err = inputError(() => settings(inputs))
    expect(err.message).toMatch(message)
    expect(err.message).not.toContain('\n')
  })
})

describe('variables', () => {
  test('blank lines and # lines are ignored; the value is everything after the first =, spaces included', () => {
    expect(parseVariables('\n  # a comment\nA=1\n \nURL=https://x/?a=b=c\n  B = two words  \n')).toEqual([
      { name: 'A', value: '1' },
      { name: 'URL', value: 'https://x/?a=b=c' },
      { name: 'B', value: ' two words  ' }
    ])
  })
  test('a lone CR breaks a line like LF and CRLF', () => {
    expect(parseVariables('A=1\rB=2\r\nC=3\nD=4')).toEqual(['1', '2', '3', '4'].map((value, i) => ({ name: 'ABCD'[i], value })))
    expect(parseSourceRevisions('App:COMMIT_ID:abc\rOther:COMMIT_ID:def')).toHaveLength(2)
  })
  test('lengths are counted in characters, as the API counts them, not UTF-16 units', () => {
    expect(parseVariables(`E=${'🚀'.repeat(1000)}`)[0].value).toHaveLength(2000)
    expect(() => parseVariables(`E=${'🚀'.repeat(1001)}`)).toThrow(/1-1000 characters \(it has 1001\)/)
    expect(parseSourceRevisions(`App:S3_OBJECT_KEY:${'é'.repeat(1500)}`)).toHaveLength(1)
  })
  test('a line separator inside a value is refused (the API pattern does not match it)', () => {
    expect(() => parseVariables('A=x\u2028y')).toThrow(/variables line 1: the value of A contains a line separator/)
  })
  test('mask-variables: a malformed line never shows its text, only its number', () => {
    for (const raw of ['A=1\nhunter2', 'A=1\nmy hunter2=x']) {
      const err = inputError(() => parseVariables(raw, { secret: true }))
      expect(err.message).toMatch(/^variables line 2: /)
      expect(err.message).not.toContain('hunter2')
    }
    const err = inputError(() => readSettings(reader({ 'pipeline-name': 'p', 'mask-variables': 'true', variables: 'hunter2' }), {}))
    expect(err.message).not.toContain('hunter2')
  })
  test('the value keeps the trailing spaces core.getInput would trim, when read untrimmed', () => {
    const untrimmed = (name: string) => (name === 'variables' ? 'A=x  \nB=y  \n' : '')
    const s = readSettings(reader({ 'pipeline-name': 'p', variables: 'A=x  \nB=y' }), { AWS_REGION: 'us-east-1' }, untrimmed)
    expect(s.variables).toEqual([
      { name: 'A', value: 'x  ' },
      { name: 'B', value: 'y  ' }
    ])
  })
  test('names may use @, - and _; limits are 128 and 1000 characters', () => {
    const name = 'a@b-c_D9'.padEnd(128, 'x')
    expect(parseVariables(`${name}=${'v'.repeat(1000)}`)).toHaveLength(1)
    expect(() => parseVariables(`${name}x=1`)).toThrow(/1-128 characters/)
    expect(() => parseVariables(`A=${'v'.repeat(1001)}`)).toThrow(/1-1000 characters \(it has 1001\)/)
  })
  test('at most 50', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `V${i}=x`).join('\n')
    expect(parseVariables(lines(50))).toHaveLength(50)
    expect(() => parseVariables(lines(51))).toThrow(/variables has 51 entries; CodePipeline accepts at most 50/)
  })
  test('Windows line endings', () => {
    expect(parseVariables('A=1\r\nB=2\r\n')).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' }
    ])
  })
})

describe('source-revisions', () => {
  test('the value is everything after the second colon, so digests work', () => {
    const digest = 'sha256:' + 'f'.repeat(64)
    expect(parseSourceRevisions(`Image:IMAGE_DIGEST:${digest}\n# c\nApp:COMMIT_ID:${SHA}`)).toEqual([
      { actionName: 'Image', revisionType: 'IMAGE_DIGEST', revisionValue: digest },
      { actionName: 'App', revisionType: 'COMMIT_ID', revisionValue: SHA }
    ])
  })
  test('every revision type is accepted', () => {
    for (const type of ['COMMIT_ID', 'IMAGE_DIGEST', 'S3_OBJECT_VERSION_ID', 'S3_OBJECT_KEY']) {
      expect(parseSourceRevisions(`A:${type}:v`)[0].revisionType).toBe(type)
    }
  })
  test('one S3 action may take both a key and a version id, as the API allows', () => {
    expect(parseSourceRevisions('Bucket:S3_OBJECT_KEY:app.zip\nBucket:S3_OBJECT_VERSION_ID:v1')).toHaveLength(2)
    expect(() => parseSourceRevisions('Bucket:S3_OBJECT_KEY:a.zip\nBucket:S3_OBJECT_KEY:b.zip')).toThrow(/already overridden/)
  })
  test('limits: action name 100, value 1500, at most 50', () => {
    expect(() => parseSourceRevisions(`${'a'.repeat(101)}:COMMIT_ID:x`)).toThrow(/action name/)
    expect(parseSourceRevisions(`A:S3_OBJECT_KEY:${'k'.repeat(1500)}`)).toHaveLength(1)
    expect(() => parseSourceRevisions(`A:S3_OBJECT_KEY:${'k'.repeat(1501)}`)).toThrow(/1-1500 characters \(it has 1501\)/)
    const lines = Array.from({ length: 51 }, (_, i) => `A${i}:COMMIT_ID:x`).join('\n')
    expect(() => parseSourceRevisions(lines)).toThrow(/source-revisions has 51 entries/)
  })
  test('reach the settings, which are undefined when the input is empty', () => {
    expect(settings({ 'source-revisions': `App:COMMIT_ID:${SHA}` }).sourceRevisions).toHaveLength(1)
    expect(settings({ 'source-revisions': '# nothing\n' }).sourceRevisions).toBeUndefined()
  })
})

describe('commit-id', () => {
  test('a full sha, SHA-1 or SHA-256, lower-cased', () => {
    expect(settings({ 'commit-id': 'A'.repeat(40) }).commitId).toBe('a'.repeat(40))
    expect(settings({ 'commit-id': 'b'.repeat(64) }).commitId).toBe('b'.repeat(64))
  })
})

describe('region', () => {
  test.each([
    'us-east-1',
    'eu-central-2',
    'ap-southeast-5',
    'us-gov-west-1',
    'cn-northwest-1',
    'us-iso-east-1',
    'us-isob-east-1',
    'us-isof-south-1',
    'eu-isoe-west-1',
    'eusc-de-east-1',
    'mx-central-1'
  ])('accepts %s (the SDK knows it)', (region) => {
    expect(resolveRegion(reader({ 'aws-region': region }), {})).toBe(region)
  })
  test.each(['us-east1', 'useast-1', 'US-EAST-1', 'aws-global', 'aws-cn-global', 'virginia', 'us-east-1-'])(
    'refuses %s, which is no region code',
    (region) => {
      expect(inputError(() => resolveRegion(reader({ 'aws-region': region }), {})).message).toBe(
        `Input aws-region is '${region}', which is not an AWS region; use a region code such as us-east-1.`
      )
    }
  )
  test('the input wins, then AWS_REGION, then AWS_DEFAULT_REGION', () => {
    const env = { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-2' }
    expect(resolveRegion(reader({ 'aws-region': 'us-west-2' }), env)).toBe('us-west-2')
    expect(resolveRegion(reader({}), env)).toBe('eu-west-1')
    expect(resolveRegion(reader({}), { AWS_DEFAULT_REGION: 'eu-west-2' })).toBe('eu-west-2')
  })
  test('none: one sentence saying how to set one', () => {
    const err = inputError(() => settings({}, {}))
    expect(err.message).toMatch(/aws-region/)
    expect(err.message).toMatch(/configure-aws-credentials/)
  })
  test('a bad AWS_REGION names the variable', () => {
    expect(inputError(() => settings({}, { AWS_REGION: 'moon' })).message).toMatch(/^AWS_REGION is 'moon'/)
  })
})

test('the first bad input in action.yml order is reported', () => {
  expect(inputError(() => readSettings(reader({ variables: 'x' }), {})).message).toMatch(/pipeline-name/)
})

describe('poll intervals, github-token, mask-variables', () => {
  test('seconds become ms; the maximum defaults to 60 s, or the minimum when that is higher', () => {
    expect(settings({ 'poll-interval-min-seconds': '2.5', 'poll-interval-max-seconds': '30' }).pollLimits).toEqual({
      minMs: 2500,
      maxMs: 30_000
    })
    expect(settings({ 'poll-interval-min-seconds': '90' }).pollLimits).toEqual({ minMs: 90_000, maxMs: 90_000 })
  })
  test.each([
    [
      { 'poll-interval-min-seconds': 'fast' },
      "Input poll-interval-min-seconds is 'fast'; it must be a number of seconds from 0.5 to 3600."
    ],
    [{ 'poll-interval-min-seconds': '0.1' }, "Input poll-interval-min-seconds is '0.1'; it must be a number of seconds from 0.5 to 3600."],
    [{ 'poll-interval-max-seconds': '-5' }, "Input poll-interval-max-seconds is '-5'; it must be a number of seconds from 0.5 to 3600."],
    [
      { 'poll-interval-max-seconds': '7200' },
      "Input poll-interval-max-seconds is '7200'; it must be a number of seconds from 0.5 to 3600."
    ],
    [
      { 'poll-interval-min-seconds': '20', 'poll-interval-max-seconds': '10' },
      'Input poll-interval-min-seconds (20) is more than poll-interval-max-seconds (10); lower it or raise the maximum.'
    ]
  ])('%o: %s', (inputs, message) => {
    expect(inputError(() => settings(inputs)).message).toBe(message)
  })
  test('github-token and mask-variables', () => {
    expect(settings({ 'github-token': 'ghs_x', 'mask-variables': 'true' })).toMatchObject({ githubToken: 'ghs_x', maskVariables: true })
    expect(inputError(() => settings({ 'mask-variables': 'yes' })).message).toBe("Input mask-variables is 'yes'; it must be true or false.")
  })
  test('check-run needs github-token', () => {
    expect(settings({ 'github-token': 'ghs_x', 'check-run': 'true' })).toMatchObject({ checkRun: true })
    expect(inputError(() => settings({ 'check-run': 'true' })).message).toMatch(
      /^Input check-run is true but github-token is not set; set github-token/
    )
  })
})

describe('reliability inputs', () => {
  test('minutes are decimal and become ms', () => {
    expect(settings({ 'wait-timeout-minutes': '2.5', 'outage-tolerance-minutes': '.5', 'start-retry-minutes': '0' })).toMatchObject({
      waitTimeoutMs: 150_000,
      outageToleranceMs: 30_000,
      startRetryMs: 0
    })
  })
  test('stop-on-timeout with a timeout', () => {
    expect(settings({ 'wait-timeout-minutes': '30', 'stop-on-timeout': 'true' })).toMatchObject({
      waitTimeoutMs: 1_800_000,
      stopOnTimeout: true
    })
  })
  test('client-request-token: letters, digits and -, up to 128', () => {
    expect(settings({ 'client-request-token': 'deploy-42-a' }).clientRequestToken).toBe('deploy-42-a')
    expect(settings({ 'client-request-token': 'x'.repeat(128) }).clientRequestToken).toHaveLength(128)
  })
})

describe('follow inputs', () => {
  const ID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f'
  test('execution-id follows that execution', () => {
    expect(settings({ 'execution-id': ID }).follow).toEqual({ kind: 'execution', executionId: ID })
  })
  test('follow-trigger waits trigger-timeout-minutes (default 10, decimals allowed)', () => {
    expect(settings({ 'follow-trigger': 'true' }).follow).toEqual({ kind: 'trigger', timeoutMs: 600_000 })
    expect(settings({ 'follow-trigger': 'true', 'trigger-timeout-minutes': '0.05' }).follow).toEqual({ kind: 'trigger', timeoutMs: 3000 })
  })
  test('commit-id and source-action still choose the commit and the source action to match', () => {
    expect(settings({ 'follow-trigger': 'true', 'commit-id': SHA, 'source-action': 'App' })).toMatchObject({
      commitId: SHA,
      sourceAction: 'App',
      follow: { kind: 'trigger' }
    })
  })
  test('each refusal is one line naming both inputs', () => {
    for (const [, inputs, message] of BAD_INPUTS.filter(([label]) => /execution-id|follow-trigger/.test(label))) {
      const err = inputError(() => settings(inputs))
      expect(err.message).toMatch(message)
      expect(err.message).not.toContain('\n')
    }
  })
})

describe('logs', () => {
  test.each([
    ['failed', 'failed'],
    ['all', 'all'],
    ['none', 'none'],
    ['ALL', 'all']
  ])('%s', (value, mode) => {
    expect(settings({ logs: value }).logs).toBe(mode)
  })
})
