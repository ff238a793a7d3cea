// The logs feature's own logic with a scripted log reader: when it reads (and when it must not even load
// the SDK clients), how it prints untrusted lines, and how it words a refused permission.
import type { ActionRun } from '../../src/codepipeline/port.js'
import { ActionLogs, withLogTail } from '../../src/logs/action-logs.js'
import { logSourceOf, parseLogStreamArn } from '../../src/logs/locate.js'
import type { LogPage, LogReader, LogStream } from '../../src/logs/types.js'
import { inertLine, printUntrusted, splitMessage, stopCommandsWriter } from '../../src/logs/untrusted.js'
import { workflowCommands } from '../../harness/runner.js'
import { awsError, FakeLog } from '../support/fakes.js'

class FakeReader implements LogReader {
  readonly calls: string[] = []
  streams = new Map<string, LogStream>([['app:1', { group: '/aws/codebuild/app', stream: '1' }]])
  lines: string[] = ['one', 'two', 'three']
  tailError?: Error
  buildStreams = (ids: string[]) => (this.calls.push(`BatchGetBuilds ${ids.join(',')}`), Promise.resolve(this.streams))
  tail = (stream: LogStream, limit: number): Promise<LogPage> => {
    this.calls.push(`tail ${stream.group} ${stream.stream} ${limit}`)
    return this.tailError
      ? Promise.reject(this.tailError)
      : Promise.resolve({ messages: this.lines.slice(-limit), nextForwardToken: 'f/end' })
  }
  forward = (stream: LogStream, token: string | undefined): Promise<LogPage> => {
    this.calls.push(`forward ${stream.group} ${token ?? 'head'}`)
    return Promise.resolve(
      token === 'f/end' ? { messages: [], nextForwardToken: 'f/end' } : { messages: this.lines, nextForwardToken: 'f/end' }
    )
  }
}

const run = (overrides: Partial<ActionRun> = {}): ActionRun => ({
  actionExecutionId: 'a1',
  stageName: 'Build',
  actionName: 'Compile',
  status: 'Failed',
  provider: 'CodeBuild',
  externalExecutionId: 'app:1',
  startTime: 1,
  lastUpdateTime: 2,
  ...overrides
})

function setup(mode: 'failed' | 'all' | 'none') {
  const log = new FakeLog()
  const reader = new FakeReader()
  let loads = 0
  const logs = new ActionLogs({
    log,
    mode,
    region: 'us-east-1',
    consoleUrl: 'https://console/execution',
    load: () => (loads++, Promise.resolve(reader))
  })
  return { log, reader, logs, loads: () => loads }
}

describe('when logs are read', () => {
  test('failed: a successful run never loads the reader', async () => {
    const { logs, loads } = setup('failed')
    await logs.afterProgress([run({ status: 'InProgress' })])
    await logs.atEnd([run({ status: 'Succeeded' })])
    expect(loads()).toBe(0)
  })

  test('none: not even a failed run loads it', async () => {
    const { logs, loads } = setup('none')
    await logs.atEnd([run()])
    expect(loads()).toBe(0)
  })

  test('failed: one BatchGetBuilds and one tail read; the tail goes to the annotation', async () => {
    const { logs, reader, log } = setup('failed')
    await logs.atEnd([
      run(),
      run({ actionExecutionId: 's', stageName: 'Source', actionName: 'App', provider: 'GitHub', status: 'Succeeded' })
    ])
    expect(reader.calls).toEqual(['BatchGetBuilds app:1', 'tail /aws/codebuild/app 1 50'])
    expect(log.lines).toEqual(['group: Build / Compile: the last 3 lines of its log', 'info: one', 'info: two', 'info: three', 'endgroup'])
    const tail = logs.tailOf(run(), 2)
    expect(tail).toEqual({ stageName: 'Build', actionName: 'Compile', lines: ['two', 'three'] })
    expect(withLogTail('It failed.', tail)).toBe('It failed.\n\nThe last 2 lines of the log of Build / Compile:\ntwo\nthree')
    expect(withLogTail('It failed.', undefined)).toBe('It failed.')
  })

  test('a refused permission: one notice naming it and the link, then no more tries; other errors: one warning', async () => {
    const { logs, reader, log } = setup('failed')
    reader.tailError = awsError('AccessDeniedException', 'User: x is not authorized to perform: logs:GetLogEvents')
    await logs.atEnd([run({ externalUrl: 'https://console/build' })])
    await logs.atEnd([run({ externalUrl: 'https://console/build' })])
    expect(log.lines.filter((l) => l.startsWith('notice: '))).toEqual([
      "notice: Build logs are not shown: the AWS credentials are not allowed logs:GetLogEvents on log group /aws/codebuild/app. Add it to the role's policy (see the README's IAM permissions) to see them here; meanwhile the log of Build / Compile is at https://console/build"
    ])
    expect(reader.calls.filter((c) => c.startsWith('tail'))).toHaveLength(1)
    const other = setup('failed')
    other.reader.tailError = awsError('ThrottlingException', 'Rate exceeded')
    await other.logs.atEnd([run()])
    expect(other.log.lines.filter((l) => l.startsWith('warning: '))).toEqual([
      'warning: Could not read the log of Build / Compile (Rate exceeded); it is at https://console/execution'
    ])
  })

  test('all: running actions are read onwards from their token and printed with their name; ended ones in a group', async () => {
    const { logs, reader, log } = setup('all')
    await logs.afterProgress([run({ status: 'InProgress' })])
    await logs.afterProgress([run({ status: 'InProgress' })])
    expect(reader.calls).toEqual(['BatchGetBuilds app:1', 'forward /aws/codebuild/app head', 'forward /aws/codebuild/app f/end'])
    expect(log.lines.filter((l) => l.startsWith('info: Compile | '))).toEqual([
      'info: Compile | one',
      'info: Compile | two',
      'info: Compile | three'
    ])
    await logs.atEnd([run({ status: 'Succeeded' })])
    expect(log.lines).toContain('group: Build / Compile: its log, 3 lines')
    expect(logs.tailOf(run(), 1)?.lines).toEqual(['three'])
  })
})

describe('where logs are', () => {
  test('a logStreamARN names the stream; a CodeBuild action has its build id; others have none', () => {
    const arn = 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/codepipeline/p:log-stream:abc-123'
    expect(parseLogStreamArn(arn)).toEqual({ group: '/aws/codepipeline/p', stream: 'abc-123' })
    expect(parseLogStreamArn('arn:aws:s3:::bucket/key')).toBeUndefined()
    expect(logSourceOf(run({ provider: 'Commands', externalExecutionId: 'x', logStreamArn: arn }))).toEqual({
      kind: 'stream',
      stream: { group: '/aws/codepipeline/p', stream: 'abc-123' }
    })
    expect(logSourceOf(run())).toEqual({ kind: 'build', buildId: 'app:1' })
    expect(logSourceOf(run({ provider: 'CloudFormation' }))).toBeUndefined()
  })
})

describe('untrusted lines', () => {
  const hostile = [
    '::error::x',
    '  ::add-mask::y',
    '::stop-commands::z',
    '::z::',
    'text ##[error]mid-line',
    '::endgroup::',
    'plain :: text'
  ]

  test('through the port: between a fresh random stop-commands token pair, exactly as written; the runner acts on none', () => {
    const out: string[] = []
    const write = (line: string) => void out.push(line)
    const log = { ...new FakeLog(), info: write, startGroup: (t: string) => write(`::group::${t}`), endGroup: () => write('::endgroup::') }
    const withPort = { ...log, printUntrusted: stopCommandsWriter(write) }
    printUntrusted(withPort, hostile, { group: 'Build / Compile' })
    printUntrusted(withPort, hostile, { prefix: 'Compile | ' })
    const commands = workflowCommands(out.join('\n'))
    expect(commands.map((c) => c.command)).toEqual(['group', 'stop-commands', 'endgroup', 'stop-commands'])
    const [first, second] = commands.filter((c) => c.command === 'stop-commands').map((c) => c.message)
    expect(first).toMatch(/^[0-9a-f]{32}$/)
    expect(second).not.toBe(first)
    expect(out.slice(2, 2 + hostile.length)).toEqual(hostile)
    expect(out).toContain('Compile | text ##[error]mid-line')
  })

  test('without the port: each line neutralised, a command neither at its start nor a legacy one inside', () => {
    const out: string[] = []
    const log = { ...new FakeLog(), info: (m: string) => void out.push(m) }
    printUntrusted(log, hostile, { prefix: 'Compile | ' })
    printUntrusted(log, hostile)
    expect(workflowCommands(out.join('\n'))).toEqual([])
    expect(out).toContain('\\::error::x')
    expect(out).toContain('Compile | text ##\\[error]mid-line')
  })

  test('one event may hold several lines; long lines are cut', () => {
    expect(splitMessage('a\r\nb\n\n')).toEqual(['a', 'b'])
    expect(splitMessage('x'.repeat(5000))[0]).toHaveLength(4000 + '… (cut)'.length)
    expect(inertLine('a\rb')).toBe('a b')
  })
})
