// A stand-in GitHub REST API on loopback: records every request and answers commit statuses and check runs
// (create, update, list for a ref) as GitHub does, including its validation of check-run bodies; GET
// .../pulls/N answers the pull requests a test gives it. Faults: a status instead of the answer (a one-off 502),
// or the request performed and its answer held back (late, or never: GitHub did it, the client never hears).
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
  /** Replaces the faults (see GitHubFault). */
  setFaults(faults: GitHubFault[]): void
  close(): Promise<void>
}

/** A fault on the requests it matches, for its first `times` of them (default 1: a one-off). */
export interface GitHubFault {
  match: (request: GitHubRequest) => boolean
  times?: number
  /** Answer this status (with GitHub's error body) without performing the request, e.g. 502. */
  status?: number
  /** Perform the request, then hold the answer this long; 'never' keeps the connection open without answering. */
  answerAfterMs?: number | 'never'
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
  faults?: GitHubFault[]
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

/** A check run as GitHub lists it (the fields the action reads, and a few more). */
function listed(record: CheckRunRecord) {
  const { annotations, ...output } = record.output
  return { ...record, output: { ...output, annotations_count: annotations.length } }
}

/**
 * GET /repos/{owner}/{repo}/commits/{ref}/check-runs: the check runs on a commit SHA, newest first, filtered by
 * check_name and status; filter=latest (the default) keeps the newest of each name, filter=all keeps them all.
 */
function listCheckRuns(req: GitHubRequest, checkRuns: Map<number, CheckRunRecord>): Answer | undefined {
  const url = new URL(req.path, 'http://localhost')
  const m = req.method === 'GET' ? /^\/repos\/[^/]+\/[^/]+\/commits\/([^/]+)\/check-runs$/.exec(url.pathname) : null
  if (!m) return undefined
  const query = url.searchParams
  const filter = query.get('filter') ?? 'latest'
  if (filter !== 'latest' && filter !== 'all') return { status: 422, body: { message: `Invalid request: filter ${filter}` } }
  const newest = [...checkRuns.values()].sort((a, b) => b.id - a.id)
  let found = newest.filter((r) => r.head_sha === m[1])
  const name = query.get('check_name')
  if (name !== null) found = found.filter((r) => r.name === name)
  const status = query.get('status')
  if (status !== null) found = found.filter((r) => r.status === status)
  if (filter === 'latest') found = found.filter((r, i) => found.findIndex((o) => o.name === r.name) === i)
  const perPage = Math.min(Number(query.get('per_page') ?? 30), 100)
  return { status: 200, body: { total_count: found.length, check_runs: found.slice(0, perPage).map(listed) } }
}

function route(req: GitHubRequest, checkRuns: Map<number, CheckRunRecord>, pulls: PullRequestStub[]): Answer {
  const pull = req.method === 'GET' ? pullAnswer(req.path, pulls) : undefined
  if (pull) return pull
  if (req.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/statuses\/[0-9a-f]+$/.test(req.path)) {
    return { status: 201, body: { id: 1, state: req.body.state, context: req.body.context } }
  }
  return listCheckRuns(req, checkRuns) ?? checkRunRoutes(checkRuns)(req) ?? { status: 404, body: { message: 'Not Found' } }
}

/** The fault for this request, if one applies (and counts it). */
function faultFor(faults: { fault: GitHubFault; left: number }[], request: GitHubRequest): GitHubFault | undefined {
  const hit = faults.find((f) => f.left > 0 && f.fault.match(request))
  if (hit) hit.left--
  return hit?.fault
}

const failure = (status: number): Answer => ({
  status,
  body: { message: status === 403 ? 'Resource not accessible by integration' : 'Server Error' }
})

export async function startGitHubApi({ status, fail, delayMs, pulls = [], faults = [] }: GitHubApiOptions = {}): Promise<GitHubApi> {
  const requests: GitHubRequest[] = []
  const checkRuns = new Map<number, CheckRunRecord>()
  let active = faults.map((fault) => ({ fault, left: fault.times ?? 1 }))
  const server = createServer((req, res) => {
    let text = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (text += chunk))
    req.on('end', () => {
      const body = text ? (JSON.parse(text) as GitHubRequest['body']) : {}
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body }
      requests.push(request)
      const fault = faultFor(active, request)
      const refused = fault?.status ?? fail?.(request) ?? (status !== undefined && status >= 300 ? status : undefined)
      const answer = refused ? failure(refused) : route(request, checkRuns, pulls)
      if (fault?.answerAfterMs === 'never') return // performed; the connection stays open, unanswered
      setTimeout(
        () => {
          if (res.destroyed) return
          res.writeHead(answer.status, { 'content-type': 'application/json' })
          res.end(JSON.stringify(answer.body))
        },
        fault?.answerAfterMs ?? delayMs?.(request) ?? 0
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    checkRuns,
    setFaults: (next) => (active = next.map((fault) => ({ fault, left: fault.times ?? 1 }))),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
