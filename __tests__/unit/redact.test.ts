import { lazyClient } from '../../src/github/outbound.js'
import { Secrets } from '../../src/github/redact.js'
import { escapeText } from '../../src/report/markup.js'
import { FakeClock, FakeLog } from '../support/fakes.js'
import { FakeGitHub } from '../support/github.js'

function secrets(...values: string[]): Secrets {
  const s = new Secrets()
  for (const v of values) s.add(v)
  return s
}

test('a masked value becomes *** wherever it appears, as a substring too; touching values make one ***', () => {
  const s = secrets('hunter2', 'AKIA1234')
  expect(s.redact('password=hunter2; again:hunter2hunter2.')).toBe('password=***; again:***.')
  expect(s.redact('xhunter2AKIA1234y')).toBe('x***y')
  expect(s.redact('nothing here')).toBe('nothing here')
})

test('empty and blank values mask nothing', () => {
  const s = secrets('', '   ')
  expect(s.redact('a b c')).toBe('a b c')
})

test('the forms a value takes on the way: escaped for markup, JSON, URL, XML, base64, collapsed white space', () => {
  const value = `p<a>&"s's*_w@rd`
  const s = secrets(value)
  for (const form of [
    escapeText(value),
    JSON.stringify(value).slice(1, -1),
    encodeURIComponent(value),
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;'),
    Buffer.from(value).toString('base64').replace(/=+$/, '')
  ]) {
    expect(s.redact(`before ${form} after`)).toBe('before *** after')
  }
})

test('a multi-line value: whole, each line on its own, and on one line as the summary shows it', () => {
  const pem = '-----BEGIN KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END KEY-----'
  const s = secrets(pem)
  expect(s.redact(`key: ${pem}`)).toBe('key: ***')
  expect(s.redact('line 12: MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu')).toBe('line 12: ***')
  expect(s.redact(escapeText(`error: ${pem}`))).toBe('error: ***')
})

test('a value cut by an ellipsis: its start goes too; one character is left', () => {
  const s = secrets('SuperSecretValue')
  expect(s.redact('Failed: token SuperSec…')).toBe('Failed: token ***…')
  expect(s.redact('Failed: token S…')).toBe('Failed: token S…')
  expect(s.redact(escapeText('token SuperSecretValue and more', 18))).toBe('token ***…')
})

test('every request through the client is redacted and cut to GitHub limits after; addresses and the signal stay', async () => {
  const fake = new FakeGitHub()
  const s = new Secrets()
  const client = await lazyClient({
    token: 'ghs_token0123',
    baseUrl: 'https://api',
    secrets: s,
    load: () => Promise.resolve(fake),
    clock: new FakeClock(),
    log: new FakeLog()
  })()
  s.add('ab') // masked later (an output variable): still redacted
  const signal = AbortSignal.timeout(1000)
  const sha = 'ab'.repeat(20)
  await client.createCommitStatus({
    owner: 'ab',
    repo: 'r',
    sha,
    state: 'failure',
    context: 'c',
    description: 'ab'.repeat(70),
    request: { signal }
  })
  await client.updateCheckRun({
    owner: 'o',
    repo: 'r',
    check_run_id: 1,
    output: {
      title: 'sent ghs_token0123',
      summary: 'x ab y',
      annotations: [{ path: 'p', start_line: 1, end_line: 1, annotation_level: 'failure', message: 'm ab', raw_details: 'ab' }]
    },
    request: { signal }
  })
  const status = fake.statuses[0]
  expect(status).toMatchObject({ owner: 'ab', sha, description: '***' })
  expect(status.request.signal).toBeInstanceOf(AbortSignal)
  expect(fake.updates[0]?.output).toEqual({
    title: 'sent ***',
    summary: 'x *** y',
    annotations: [{ path: 'p', start_line: 1, end_line: 1, annotation_level: 'failure', message: 'm ***', raw_details: '***' }]
  })
  s.add('z')
  await client.createCommitStatus({
    owner: 'o',
    repo: 'r',
    sha,
    state: 'failure',
    context: 'c',
    description: 'z '.repeat(70),
    request: { signal }
  })
  expect(fake.statuses[1]?.description).toBe('*** '.repeat(70).slice(0, 139) + '…')
})
