// The logs feature's own logic with a scripted log reader: when it reads (and when it must not even load
// the SDK clients), how it prints untrusted lines, and how it words a refused permission.
import type { ActionRun } from '../../src/codepipeline/port.js'
import { ActionLogs, withLogTail, type ActionLogsDeps } from '../../src/logs/action-logs.js'
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
  tail = (stream: LogStream, limit: number, _signal?: AbortSignal): Promise<LogPage> => {
    this.calls.push(`tail ${stream.group} ${stream.stream} ${limit}`)
    return this.tailError
      ? Promise.reject(this.tailError)
      : Promise.resolve({ messages: this.lines.slice(-limit), nextForwardToken: 'f/end' })
  }
  forward = (stream: LogStream, token: string | undefined, _signal?: AbortSignal): Promise<LogPage> => {
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

function setup(mode: 'failed' | 'all' | 'none', extra: Partial<ActionLogsDeps> = {}) {
  const log = new FakeLog()
  const reader = new FakeReader()
  let loads = 0
  const logs = new ActionLogs({
    log,
    mode,
    region: 'us-east-1',
    consoleUrl: 'https://console/execution',
    load: () => (loads++, Promise.resolve(reader)),
    ...extra
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
    await flush() // read beside the poll loop
    await logs.afterProgress([run({ status: 'InProgress' })])
    await flush()
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

const flush = () => new Promise((resolve) => setImmediate(resolve))

/** A reader whose log reads answer only when aborted (a CloudWatch Logs that hangs). */
function hanging(reader: FakeReader): void {
  const never = (signal?: AbortSignal) =>
    new Promise<LogPage>((_, reject) =>
      signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })))
    )
  reader.tail = (_stream, _limit, signal) => (reader.calls.push('tail'), never(signal))
  reader.forward = (_stream, _token, signal) => (reader.calls.push('forward'), never(signal))
}

/** A clock whose sleeps end only when `expire` is called. */
function manualClock() {
  const sleepers: (() => void)[] = []
  const clock = {
    now: () => 0,
    sleep: (_ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        sleepers.push(resolve)
        signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })))
      })
  }
  return { clock, expire: () => sleepers.splice(0).forEach((wake) => wake()) }
}

describe('off the verdict path (issue 20)', () => {
  test('all: a progress poll never waits for a log read; one read at a time', async () => {
    const { logs, reader } = setup('all')
    hanging(reader)
    await logs.afterProgress([run({ status: 'InProgress' })]) // would never settle if it waited for the read
    await flush()
    await logs.afterProgress([run({ status: 'InProgress' })])
    await flush()
    expect(reader.calls).toEqual(['BatchGetBuilds app:1', 'forward'])
  })

  test('failed: at the verdict the reads get a bounded grace, then the annotation says the log could not be read in time', async () => {
    const { clock, expire } = manualClock()
    const { logs, reader, log } = setup('failed', { clock })
    hanging(reader)
    const ended = logs.atEnd([run({ externalUrl: 'https://console/build' })])
    await flush()
    expire()
    await ended
    expect(log.lines).toContain('warning: Could not read the log of Build / Compile within 10 s; it is at https://console/build')
    const tail = logs.tailOf(run({ externalUrl: 'https://console/build' }))
    expect(withLogTail('It failed.', tail)).toBe(
      'It failed.\n\nThe log of Build / Compile could not be read in time; it is at https://console/build'
    )
  })

  test('all: what was read is grouped, saying it is not the whole log; a signal ends the grace at once', async () => {
    const listeners = new Map<string, () => void>()
    const signals = {
      on: (name: string, fn: () => void) => (listeners.set(name, fn), signals),
      removeListener: (name: string) => (listeners.delete(name), signals)
    }
    const { logs, reader, log } = setup('all', { clock: manualClock().clock, signals })
    await logs.afterProgress([run({ status: 'InProgress' })])
    await flush()
    hanging(reader)
    const ended = logs.atEnd([run()])
    await flush()
    listeners.get('SIGINT')?.()
    await ended
    expect(listeners.size).toBe(0)
    expect(log.lines).toContain('group: Build / Compile: its log, 3 lines (not read to its end)')
    expect(log.lines).toContain(
      'warning: The log of Build / Compile: it could not be read to its end before the workflow run was cancelled. The whole log is at https://console/execution'
    )
    expect(withLogTail('It failed.', logs.tailOf(run()))).toMatch(/could not be read in time; it is at https:\/\/console\/execution$/)
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

test('all: a page of a million one-character lines keeps its last 10,000 and says the rest are not shown', async () => {
  const { logs, reader, log } = setup('all')
  reader.lines = ['x\n'.repeat(1_000_000)]
  await logs.atEnd([run({ status: 'Succeeded' })])
  expect(log.lines).toContain('group: Build / Compile: the last 10000 of its 1000000 lines (990000 lines before these are not shown)')
})
