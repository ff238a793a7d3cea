// Runs the bundled action (dist/index.js) the way the GitHub runner does: INPUT_* env with
// action.yml's defaults, a real event payload file, the GITHUB_OUTPUT / GITHUB_STATE /
// GITHUB_STEP_SUMMARY file commands, STATE_* for the post step, and real signals.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>
  runs: { main: string; post: string }
}
const actionYml = parseYaml(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as ActionYml
/** The bundles action.yml names, main and post, as the runner finds them. */
const entryPaths = { main: join(repoRoot, actionYml.runs.main), post: join(repoRoot, actionYml.runs.post) }

/** A webhook payload as the runner writes it: JSON of many shapes; tests read whichever fields their event has. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures of many shapes, read field by field
export type WebhookPayload = Record<string, any>

export interface GitHubEvent {
  name: string
  payload: WebhookPayload
}

/** The event's repository as owner/name. */
export function repositoryOf(event: GitHubEvent, fallback = 'octo-org/octo-repo'): string {
  const repository = (event.payload as { repository?: { full_name?: string } }).repository
  return repository?.full_name ?? fallback
}

export interface RunOptions {
  inputs: Record<string, string>
  /** Default: a push example from @octokit/webhooks-examples. */
  event?: GitHubEvent
  /** The local service's URL; omitted means no endpoint override at all. */
  endpoint?: string
  /** Extra env, applied last; a value of undefined removes the variable. */
  env?: Record<string, string | undefined>
  /** Which of action.yml's entries to run; default main. */
  entry?: 'main' | 'post'
  /** STATE_* values for a post step (what main saved). */
  state?: Record<string, string>
  /** Sees the action's stdout as it comes, e.g. to show the live log. */
  onStdout?: (chunk: string) => void
}

export interface ActionResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  /** Messages of ::error:: commands, unescaped. */
  errors: string[]
  warnings: string[]
  env: Record<string, string>
}

export interface RunningAction {
  child: ChildProcess
  /** Date.now() just before the spawn, for timing the start (the benchmark). */
  spawnedAt: number
  /** Resolves with the first stdout line matching, rejects after timeoutMs. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>
  stdoutSoFar(): string
  done: Promise<ActionResult>
}

/** Webhook payload examples published by GitHub's octokit, the same shapes the runner writes to GITHUB_EVENT_PATH. */
export function exampleEvent(name: string, action?: string): GitHubEvent {
  const file = join(repoRoot, 'node_modules', '@octokit', 'webhooks-examples', 'api.github.com', 'index.json')
  const all = JSON.parse(readFileSync(file, 'utf8')) as Array<{ name: string; examples: WebhookPayload[] }>
  const group = all.find((e) => e.name === name)
  const payload = group?.examples.find((e) => action === undefined || e.action === action)
  if (!payload) throw new Error(`no ${name}${action ? `.${action}` : ''} example in @octokit/webhooks-examples`)
  return { name, payload: structuredClone(payload) }
}

function inputEnv(inputs: Record<string, string>): Record<string, string> {
  for (const name of Object.keys(inputs)) {
    if (!(name in actionYml.inputs)) throw new Error(`test passes input '${name}', which action.yml does not declare`)
  }
  const env: Record<string, string> = {}
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    const value = inputs[name] ?? spec.default ?? ''
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  return env
}

/** The runner's environment for one step, with the event's repository and commit. */
function runnerEnv(dir: string, event: GitHubEvent, options: RunOptions): Record<string, string> {
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(event.payload))
  const repository = repositoryOf(event)
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0] ?? '',
    GITHUB_RUN_ID: '1658821493',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/deploy.yml@refs/heads/main`,
    GITHUB_JOB: 'pipeline',
    GITHUB_ACTION: '__run',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
    RUNNER_TEMP: dir,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    // Keep the SDK from reading the developer's own ~/.aws files.
    AWS_CONFIG_FILE: join(dir, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true'
  }
  for (const f of ['output', 'state', 'summary', 'env', 'path']) writeFileSync(join(dir, f), '')
  if (options.endpoint) {
    // The local service answers all four on one port, as the SDK's per-service variables allow.
    env.AWS_ENDPOINT_URL_CODEPIPELINE = options.endpoint
    env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS = options.endpoint
    env.AWS_ENDPOINT_URL_CODEBUILD = options.endpoint
    env.AWS_ENDPOINT_URL_S3 = options.endpoint
  }
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value
  return env
}

/** Parses the `name<<delimiter` file-command format that @actions/core writes. */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const m = /^([^<=]+)<<(.+)$/.exec(line)
    if (m?.[1] && m[2]) {
      const end = lines.indexOf(m[2], i + 1)
      values[m[1]] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      values[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return values
}

function unescapeCommand(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

export interface WorkflowCommand {
  command: string
  properties: string
  message: string
}

// The commands the runner registers (its command extensions, plus stop-commands).
const REGISTERED = new Set([
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
  'stop-commands'
])

/** A line as the runner parses it: `::name props::data` after leading white space, else `##[name props]data` anywhere. */
function parseCommand(raw: string, registered: (name: string) => boolean): WorkflowCommand | undefined {
  const v2 = /^::([^: ]*)(?: ([^:]*))?::(.*)$/.exec(raw.trimStart())
  if (v2 && registered(v2[1] ?? '')) return { command: v2[1] ?? '', properties: v2[2] ?? '', message: unescapeCommand(v2[3] ?? '') }
  const v1 = /##\[([^\] ]*)(?: ([^\]]*))?\](.*)$/.exec(raw)
  if (v1 && registered(v1[1] ?? '')) return { command: v1[1] ?? '', properties: v1[2] ?? '', message: unescapeCommand(v1[3] ?? '') }
  return undefined
}

/**
 * The workflow commands the runner would act on, in order, as actions/runner's ActionCommandManager does:
 * after `stop-commands` with a token, nothing is a command until a command named after the token.
 */
export function workflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  let stopToken: string | undefined
  const registered = (name: string) => REGISTERED.has(name) || (stopToken !== undefined && name.toLowerCase() === stopToken.toLowerCase())
  for (const raw of stdout.split('\n')) {
    const parsed = parseCommand(raw.replace(/\r$/, ''), registered)
    if (parsed === undefined) continue
    if (stopToken !== undefined) {
      if (parsed.command.toLowerCase() === stopToken.toLowerCase()) stopToken = undefined
      continue
    }
    if (parsed.command === 'stop-commands') stopToken = parsed.message
    commands.push(parsed)
  }
  return commands
}

function commandMessages(stdout: string, command: string): string[] {
  return workflowCommands(stdout)
    .filter((c) => c.command === command)
    .map((c) => c.message)
}

/** The step's whole environment: the runner's, the inputs', then the test's own overrides. */
function stepEnv(dir: string, options: RunOptions): Record<string, string> {
  const event = options.event ?? exampleEvent('push')
  const env: Record<string, string> = { ...runnerEnv(dir, event, options), ...inputEnv(options.inputs) }
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }
  return env
}

/** Resolves with the first stdout line matching `pattern`, now or later; rejects on exit or after timeoutMs. */
function lineWaiter(child: ChildProcess, stdout: () => string, done: Promise<unknown>) {
  return (pattern: RegExp, timeoutMs = 30000): Promise<string> =>
    new Promise((resolveLine, reject) => {
      const check = (): void => {
        const line = stdout()
          .split('\n')
          .find((l) => pattern.test(l))
        if (line === undefined) return
        stop()
        resolveLine(line)
      }
      const timer = setTimeout(
        () => (stop(), reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${stdout()}`))),
        timeoutMs
      )
      const stop = (): void => {
        clearTimeout(timer)
        child.stdout!.off('data', check)
      }
      child.stdout!.on('data', check)
      void done.then(() => (stop(), reject(new Error(`action exited before a line matched ${pattern}:\n${stdout()}`))))
      check()
    })
}

export function startAction(options: RunOptions): RunningAction {
  const actionPath = entryPaths[options.entry ?? 'main']
  if (!existsSync(actionPath)) throw new Error(`${actionPath} is missing: run npm run bundle`)
  const dir = mkdtempSync(join(tmpdir(), `action-${randomUUID().slice(0, 8)}-`))
  const env = stepEnv(dir, options)
  const spawnedAt = Date.now()
  const child = spawn(process.execPath, [actionPath], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    options.onStdout?.(chunk)
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const done = new Promise<ActionResult>((resolveDone) => {
    child.on('close', (code, signal) => {
      const read = (f: string): string => readFileSync(join(dir, f), 'utf8')
      const outputs = parseFileCommand(read('output'))
      const state = parseFileCommand(read('state'))
      const [errors, warnings] = [commandMessages(stdout, 'error'), commandMessages(stdout, 'warning')]
      const summary = read('summary')
      rmSync(dir, { recursive: true, force: true })
      resolveDone({ code, signal, stdout, stderr, outputs, state, summary, errors, warnings, env })
    })
  })
  return { child, spawnedAt, done, stdoutSoFar: () => stdout, waitForLine: lineWaiter(child, () => stdout, done) }
}

/** Runs main to the end. */
export function runAction(options: RunOptions): Promise<ActionResult> {
  return startAction(options).done
}

/** Runs the post step with what main saved, as the runner does (same inputs, STATE_* env). */
export function runPost(main: ActionResult, options: RunOptions): Promise<ActionResult> {
  return runAction({ ...options, entry: 'post', state: main.state })
}
