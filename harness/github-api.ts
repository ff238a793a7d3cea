// A stand-in GitHub REST API on loopback: records every request and answers commit statuses and check runs
// (create, update) as GitHub does, including its validation of check-run bodies; GET .../pulls/N answers the
// pull requests a test gives it.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface GitHubRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: Partial<Record<string, unknown>> // {} when the request had no body
}

export interface AnnotationBody {
  path?: string
  start_line?: number
  end_line?: number
  annotation_level?: string
  title?: string
  message?: string
  raw_details?: string
}

export interface OutputBody {
  title?: string
  summary?: string
  text?: string
  annotations?: AnnotationBody[]
}

/** A check-runs request's body, as the action sends it. */
export interface CheckRunBody {
  name?: string
  head_sha?: string
  status?: string
  conclusion?: string
  details_url?: string
  external_id?: string
  started_at?: string
  completed_at?: string
  output?: OutputBody
}

/** A check run as GitHub holds it after every create and update so far. */
export interface CheckRunRecord {
  id: number
  name: string
  head_sha: string
  status: string
  conclusion: string | null
  details_url?: string
  external_id?: string
  output: Omit<OutputBody, 'annotations'> & { annotations: AnnotationBody[] }
}

export interface GitHubApi {
  url: string
  requests: GitHubRequest[]
  /** Check runs by id, as created and updated. */
  checkRuns: Map<number, CheckRunRecord>
  close(): Promise<void>
}

export interface GitHubApiOptions {
  /** The status of every answer that is not a success: e.g. 403 without the permission. Default: succeed. */
  status?: number
  /** A status for one request (e.g. 502 for check-run updates only); undefined lets it through. */
  fail?: (request: GitHubRequest) => number | undefined
  /** How long to hold the answer to a request (recorded at once), e.g. a slow final commit status. */
  delayMs?: (request: GitHubRequest) => number
  /** Pull requests GET /repos/{owner}/{repo}/pulls/{number} knows. */
  pulls?: PullRequestStub[]
}

export interface PullRequestStub {
  number: number
  headSha: string
  /** owner/name of the head's repository. */
  headRepo: string
}

/** A pull request as GET /repos/{owner}/{repo}/pulls/{number} answers it (the fields the action reads). */
function pullAnswer(path: string, pulls: PullRequestStub[]): Answer | undefined {
  const m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/.exec(path)
  if (!m) return undefined
  const pr = pulls.find((p) => String(p.number) === m[3])
  if (!pr) return { status: 404, body: { message: 'Not Found' } }
  const base = { repo: { full_name: `${m[1]}/${m[2]}` } }
  return { status: 200, body: { number: pr.number, head: { sha: pr.headSha, repo: { full_name: pr.headRepo } }, base } }
}

interface Answer {
  status: number
  body: unknown
}

const CHECK_STATUSES = new Set(['queued', 'in_progress', 'completed'])
const CONCLUSIONS = new Set(['action_required', 'cancelled', 'failure', 'neutral', 'success', 'skipped', 'stale', 'timed_out'])

/** What GitHub answers 422 for, on the fields the action sends. */
function invalidCheckRun(body: CheckRunBody, creating: boolean): string | undefined {
  if (creating && (typeof body.name !== 'string' || !/^[0-9a-f]{40}$/.test(body.head_sha ?? ''))) return 'name and head_sha are required'
  if (body.status !== undefined && !CHECK_STATUSES.has(body.status)) return `status ${body.status} is not valid`
  if (body.conclusion !== undefined && !CONCLUSIONS.has(body.conclusion)) return `conclusion ${body.conclusion} is not valid`
  if (body.status === 'completed' && body.conclusion === undefined) return 'conclusion is required when status is completed'
  const output = body.output
  if (output === undefined) return undefined
  if (typeof output.title !== 'string' || typeof output.summary !== 'string') return 'output needs a title and a summary'
  if (output.summary.length > 65535 || (output.text ?? '').length > 65535) return 'output is too long'
  if ((output.annotations ?? []).length > 50) return 'at most 50 annotations per request'
  for (const a of output.annotations ?? []) {
    if (!a.path || !a.start_line || !a.end_line || !a.annotation_level || !a.message) return 'annotation fields missing'
  }
  return undefined
}

function mergeOutput(record: CheckRunRecord, output: OutputBody | undefined): void {
  if (!output) return
  const annotations = [...record.output.annotations, ...(output.annotations ?? [])]
  record.output = { title: output.title, summary: output.summary, text: output.text, annotations }
}

function checkRunRoutes(checkRuns: Map<number, CheckRunRecord>) {
  return (req: GitHubRequest): Answer | undefined => {
    const create = req.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(req.path)
    const update = req.method === 'PATCH' ? /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(req.path) : null
    if (!create && !update) return undefined
    const body = req.body as CheckRunBody
    const invalid = invalidCheckRun(body, create)
    if (invalid) return { status: 422, body: { message: `Invalid request: ${invalid}` } }
    let record: CheckRunRecord | undefined
    if (create) {
      const { name = '', head_sha = '', status = 'queued', conclusion = null, details_url, external_id } = body
      record = { id: checkRuns.size + 1, name, head_sha, status, conclusion, details_url, external_id, output: { annotations: [] } }
      checkRuns.set(record.id, record)
    } else {
      record = checkRuns.get(Number(update?.[1]))
      if (!record) return { status: 404, body: { message: 'Not Found' } }
      record.status = body.conclusion !== undefined ? 'completed' : (body.status ?? record.status)
      record.conclusion = body.conclusion ?? record.conclusion
      record.details_url = body.details_url ?? record.details_url
      record.external_id = body.external_id ?? record.external_id
    }
    mergeOutput(record, body.output)
    return { status: create ? 201 : 200, body: record }
  }
}

function route(req: GitHubRequest, checkRuns: (req: GitHubRequest) => Answer | undefined, pulls: PullRequestStub[]): Answer {
  const pull = req.method === 'GET' ? pullAnswer(req.path, pulls) : undefined
  if (pull) return pull
  if (req.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/statuses\/[0-9a-f]+$/.test(req.path)) {
    return { status: 201, body: { id: 1, state: req.body.state, context: req.body.context } }
  }
  return checkRuns(req) ?? { status: 404, body: { message: 'Not Found' } }
}

export async function startGitHubApi({ status, fail, delayMs, pulls = [] }: GitHubApiOptions = {}): Promise<GitHubApi> {
  const requests: GitHubRequest[] = []
  const checkRuns = new Map<number, CheckRunRecord>()
  const checkRunRoute = checkRunRoutes(checkRuns)
  const server = createServer((req, res) => {
    let text = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (text += chunk))
    req.on('end', () => {
      const body = text ? (JSON.parse(text) as GitHubRequest['body']) : {}
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body }
      requests.push(request)
      const refused = fail?.(request) ?? (status !== undefined && status >= 300 ? status : undefined)
      const answer = refused
        ? { status: refused, body: { message: refused === 403 ? 'Resource not accessible by integration' : 'Server Error' } }
        : route(request, checkRunRoute, pulls)
      setTimeout(
        () => {
          if (res.destroyed) return
          res.writeHead(answer.status, { 'content-type': 'application/json' })
          res.end(JSON.stringify(answer.body))
        },
        delayMs?.(request) ?? 0
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    checkRuns,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
