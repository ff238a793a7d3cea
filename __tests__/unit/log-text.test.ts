import { annotationText, cutCharacters, logLine, MAX_LOG_CHARACTERS, safeLog } from '../../src/report/log-text.js'
import { FakeLog } from '../support/fakes.js'
import { FORGED_COMMAND, HOSTILE_TEXTS, LONG_HOSTILE } from '../support/hostile.js'

// How the runner splits stdout into lines (.NET ReadLine: LF, CR, CRLF) and which lines it executes.
const runnerLines = (stdout: string) => stdout.split(/\r\n|\r|\n/)
const isCommand = (line: string) => /^[\s\u0085\u2028\u2029]*(::|##\[)/.test(line)

test.each(Object.entries({ ...HOSTILE_TEXTS, long: LONG_HOSTILE }))(
  '%s: one inert log line, whether first or after our words',
  (_, text) => {
    for (const message of [text, `Execution x is Stopping: ${text}`]) {
      const line = logLine(message)
      expect(runnerLines(line)).toHaveLength(1)
      expect(isCommand(line)).toBe(false)
      expect(line).not.toMatch(FORGED_COMMAND)
      // eslint-disable-next-line no-control-regex -- no control may survive
      expect(line).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/)
    }
  }
)

test('what it changes stays readable', () => {
  expect(logLine('a\nb\r\nc\rd')).toBe('a\\nb\\r\\nc\\rd')
  expect(logLine('\u001b[31mred')).toBe('\\u001b[31mred')
  expect(logLine('::error::x')).toBe('\\::error::x')
  expect(logLine(' \t##[error]x')).toBe(' \t##\\[error]x')
  expect(logLine('npm ERR! ##[error]mid-line')).toBe('npm ERR! ##\\[error]mid-line')
  expect(logLine('plain 🚀 text: with :: inside')).toBe('plain 🚀 text: with :: inside')
})

test('long text is cut by characters, never inside an emoji, and says how much went', () => {
  const line = logLine(LONG_HOSTILE)
  expect(Array.from(line.split('…')[0])).toHaveLength(MAX_LOG_CHARACTERS)
  expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
  expect(line).toMatch(/… \(\d+ more characters\)$/)
  expect(cutCharacters('👍👍👍', 2)).toBe('👍👍… (1 more characters)')
})

test('annotations keep their line breaks (core escapes them) but lose other controls', () => {
  expect(annotationText('a\nb\u001b[2Kc')).toBe('a\nb\\u001b[2Kc')
})

test('safeLog neutralises every level before the real log sees it', () => {
  const inner = new FakeLog()
  const log = safeLog(inner)
  log.info('x\n::add-mask::y')
  log.warning('w\u001b')
  log.error('e\u0007', { title: 't' })
  log.notice('n\u0000', { title: 'u' })
  log.debug('d\u009b')
  expect(inner.lines).toEqual(['info: x\\n::add-mask::y', 'warning: w\\u001b', 'error: e\\u0007', 'notice: n\\u0000', 'debug: d\\u009b'])
  expect(inner.titles).toEqual(['t', 'u'])
})
