// `npm run demo`, as the README promises it, with its output piped (not a terminal).
import { spawn } from 'node:child_process'
import { join } from 'node:path'

const tsx = join('node_modules', 'tsx', 'dist', 'cli.mjs')

function runDemo(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, 'scripts/demo.ts'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) => resolve({ code, output }))
  })
}

test('the demo passes and prints the job summary as plain text, with no terminal escapes when piped', async () => {
  const { code, output } = await runDemo()
  expect(code).toBe(0)
  expect(output).not.toContain('\x1b')
  const summary = output.slice(output.indexOf('=== Job summary'), output.indexOf('=== The step passed'))
  expect(summary).not.toMatch(/<\/?(table|tr|td|th|ul|li|a|h2|b)\b/)
  expect(summary).not.toMatch(/&#\d+;/)
  expect(summary).toMatch(/^Stage +Action +Status +Duration +Message +Link$/m)
  expect(summary).toMatch(/^Build +Build +✅ Succeeded +\S+ +Build succeeded +details \[\d+\]$/m)
  expect(summary).toMatch(/^DEPLOY_ENV +demo$/m)
}, 120000)
