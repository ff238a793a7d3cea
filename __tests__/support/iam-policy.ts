// The IAM policies the docs publish, and the IAM actions a recorded request needs. A policy in README.md or
// docs/*.md is a line `<!-- iam-policy: NAME -->` followed (blank lines allowed) by a ```json block holding a
// complete policy document. `default` is what the action needs with its default inputs; the feature policies
// are added on top of it. Pure functions: the unit test feeds them fixtures, the end-to-end test the real docs.
import type { RecordedRequest } from '../../emulator/index.js'

export const FEATURES = ['follow', 'artifact', 'approve', 'rerun'] as const
export type Feature = (typeof FEATURES)[number]
export type PolicyName = 'default' | Feature
const NAMES: readonly string[] = ['default', ...FEATURES]

export interface DocumentedPolicy {
  name: PolicyName
  /** Where it is, for the failure message: file:line of the marker. */
  where: string
  /** Action patterns of its Allow statements, as written (IAM wildcards * and ? allowed). */
  actions: string[]
}

const MARKER = /^\s*<!--\s*iam-policy:\s*(\S+)\s*-->\s*$/
const ACTION = /^[a-z0-9-]+:[A-Za-z0-9*?]+$/

/** The marked policies of one markdown file; throws, naming file:line, on a marker it cannot read. */
export function parsePolicies(markdown: string, file: string): DocumentedPolicy[] {
  const lines = markdown.split(/\r?\n/)
  const policies: DocumentedPolicy[] = []
  lines.forEach((line, index) => {
    const where = `${file}:${index + 1}`
    const marker = MARKER.exec(line)
    if (!marker) {
      if (/<!--\s*iam-policy\b/.test(line)) throw new Error(`${where}: a malformed iam-policy marker: ${line.trim()}`)
      return
    }
    const name = marker[1] ?? ''
    if (!NAMES.includes(name)) throw new Error(`${where}: unknown policy name '${name}' (known: ${NAMES.join(', ')})`)
    policies.push({ name: name as PolicyName, where, actions: policyActions(jsonBlockAfter(lines, index + 1, where), where) })
  })
  return policies
}

/** The text of the ```json block that follows the marker, blank lines allowed between them. */
function jsonBlockAfter(lines: string[], from: number, where: string): string {
  let start = from
  while (start < lines.length && (lines[start] ?? '').trim() === '') start++
  if (!/^\s*```json\s*$/.test(lines[start] ?? '')) throw new Error(`${where}: the iam-policy marker is not followed by a \`\`\`json block`)
  const end = lines.findIndex((l, i) => i > start && /^\s*```\s*$/.test(l))
  if (end < 0) throw new Error(`${where}: the policy's \`\`\`json block is never closed`)
  return lines.slice(start + 1, end).join('\n')
}

interface Statement {
  Effect?: unknown
  Action?: unknown
  NotAction?: unknown
  Resource?: unknown
}

/** The Allow statements' actions of a complete policy document; anything this check cannot judge is refused. */
function policyActions(text: string, where: string): string[] {
  let document: { Version?: unknown; Statement?: unknown }
  try {
    document = JSON.parse(text) as typeof document
  } catch (error) {
    throw new Error(`${where}: the policy is not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  if (document.Version !== '2012-10-17') throw new Error(`${where}: the policy needs "Version": "2012-10-17" to be complete`)
  const statements = (Array.isArray(document.Statement) ? document.Statement : [document.Statement]) as Array<Statement | undefined>
  const actions: string[] = []
  for (const statement of statements) {
    if (statement === undefined || statement === null || typeof statement !== 'object') throw new Error(`${where}: a statement is missing`)
    if (statement.Effect !== 'Allow') throw new Error(`${where}: only Allow statements are understood (found ${String(statement.Effect)})`)
    if (statement.NotAction !== undefined) throw new Error(`${where}: NotAction is not understood; list the actions`)
    if (statement.Resource === undefined) throw new Error(`${where}: a statement has no Resource`)
    const listed: unknown[] = Array.isArray(statement.Action) ? statement.Action : [statement.Action]
    if (listed.length === 0) throw new Error(`${where}: a statement allows no action`)
    for (const action of listed) {
      if (typeof action !== 'string' || !ACTION.test(action)) throw new Error(`${where}: '${String(action)}' is not an IAM action`)
      actions.push(action)
    }
  }
  return actions
}

/** The policies of several files by name; each name at most once across them all. */
export function collectPolicies(files: Array<{ file: string; text: string }>): Map<PolicyName, DocumentedPolicy> {
  const byName = new Map<PolicyName, DocumentedPolicy>()
  for (const { file, text } of files) {
    for (const policy of parsePolicies(text, file)) {
      const earlier = byName.get(policy.name)
      if (earlier) throw new Error(`${policy.where}: policy '${policy.name}' is already documented at ${earlier.where}`)
      byName.set(policy.name, policy)
    }
  }
  return byName
}

/** IAM's matching of an Action element: case-insensitive, `*` any run of characters, `?` one character. */
export function actionMatches(pattern: string, action: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${source}$`, 'i').test(action)
}

/** The access key id and the service of a request's SigV4 credential scope (KEY/DATE/REGION/SERVICE/aws4_request). */
export function credentialScope(request: RecordedRequest): { accessKeyId: string; service: string } | undefined {
  const authorization = request.headers.authorization
  const scope = /Credential=([^/,\s]+)\/[^/]+\/[^/]+\/([^/]+)\/aws4_request/.exec(typeof authorization === 'string' ? authorization : '')
  return scope ? { accessKeyId: scope[1] ?? '', service: scope[2] ?? '' } : undefined
}

const header = (request: RecordedRequest, name: string) => request.headers[name] !== undefined

/** What an upload's headers add to s3:PutObject (the Service Authorization Reference's PutObject row). */
function putObjectActions(request: RecordedRequest): string[] {
  const grants = Object.keys(request.headers).some((h) => h === 'x-amz-acl' || h.startsWith('x-amz-grant-'))
  return [
    's3:PutObject',
    ...(grants ? ['s3:PutObjectAcl'] : []),
    ...(header(request, 'x-amz-tagging') ? ['s3:PutObjectTagging'] : []),
    ...(header(request, 'x-amz-object-lock-mode') ? ['s3:PutObjectRetention'] : []),
    ...(header(request, 'x-amz-object-lock-legal-hold') ? ['s3:PutObjectLegalHold'] : [])
  ]
}

/** S3's IAM actions differ from its operations' names (AWS's Service Authorization Reference, Amazon S3). */
function s3Actions(request: RecordedRequest): string[] {
  const versioned = (request.body as { VersionId?: string }).VersionId !== undefined
  switch (request.operation) {
    case 'PutObject':
    case 'CreateMultipartUpload':
      return putObjectActions(request)
    case 'UploadPart':
    case 'CompleteMultipartUpload':
      return ['s3:PutObject']
    case 'AbortMultipartUpload':
      return ['s3:AbortMultipartUpload']
    case 'ListParts':
      return ['s3:ListMultipartUploadParts']
    case 'GetObject':
    case 'HeadObject':
      return [versioned ? 's3:GetObjectVersion' : 's3:GetObject']
    case 'GetBucketVersioning':
      return ['s3:GetBucketVersioning']
    case 'HeadBucket':
      return ['s3:ListBucket']
    default:
      throw new Error(`no IAM mapping for the S3 operation '${request.operation}': add it from AWS's Service Authorization Reference`)
  }
}

/** The IAM actions that authorize a request: service:Operation, the service from the signature's scope. */
export function iamActions(request: RecordedRequest): string[] {
  const scope = credentialScope(request)
  if (!scope) throw new Error(`request ${request.operation} carries no SigV4 credential scope`)
  return scope.service === 's3' ? s3Actions(request) : [`${scope.service}:${request.operation}`]
}

/** One scenario's runs: the features it uses and the IAM actions its requests needed (each with its operations). */
export interface ScenarioCalls {
  scenario: string
  features: readonly Feature[]
  needs: Map<string, string[]>
}

/** "policy 'default' does", "policies 'default' + 'artifact' do"; a feature with no policy is said to have none. */
function describePolicies(policies: Map<PolicyName, DocumentedPolicy>, features: readonly Feature[]): string {
  const documented = (['default', ...features] as PolicyName[]).filter((n) => policies.has(n)).map((n) => `'${n}'`)
  const missing = features.filter((f) => !policies.has(f)).map((f) => `'${f}'`)
  const which =
    documented.length === 0
      ? 'no documented policy allows'
      : documented.length === 1
        ? `policy ${documented[0]} does not allow`
        : `policies ${documented.join(' + ')} do not allow`
  return `${which}${missing.length > 0 ? ` (no policy ${missing.join(', ')} is documented)` : ''}`
}

/**
 * What is wrong with the documented policies against what the scenarios needed: no default policy, a request no
 * policy of its scenario allows, or an allowed action no scenario of that policy needs. A feature that needs
 * nothing beyond default has no policy of its own.
 */
export function policyProblems(policies: Map<PolicyName, DocumentedPolicy>, runs: ScenarioCalls[]): string[] {
  const problems: string[] = []
  if (!policies.has('default')) problems.push("no policy 'default' is documented (<!-- iam-policy: default --> before a ```json block)")
  const allows = (names: readonly PolicyName[], action: string) =>
    names.some((n) => policies.get(n)?.actions.some((p) => actionMatches(p, action)))
  for (const run of runs) {
    for (const [action, operations] of run.needs) {
      if (!allows(['default', ...run.features], action))
        problems.push(
          `${run.scenario} needs ${action} (${[...new Set(operations)].join(', ')}), which ${describePolicies(policies, run.features)}`
        )
    }
  }
  for (const [name, policy] of policies) {
    for (const pattern of policy.actions) problems.push(...unused(name, pattern, policies, runs))
  }
  return problems
}

/** Why a policy's pattern is granted for nothing: no scenario of that policy needs it (default: no run with default inputs). */
function unused(name: PolicyName, pattern: string, policies: Map<PolicyName, DocumentedPolicy>, runs: ScenarioCalls[]): string[] {
  const where = policies.get(name)?.where ?? ''
  const needing = runs.filter((r) => [...r.needs.keys()].some((a) => actionMatches(pattern, a)))
  if (name === 'default') {
    if (needing.some((r) => r.features.length === 0)) return []
    const by = needing.map((r) => r.scenario).join(', ')
    return [`policy 'default' (${where}) allows ${pattern}, which no run with default inputs needs${by ? ` (only ${by})` : ''}`]
  }
  if (needing.some((r) => r.features.includes(name))) return []
  return [`policy '${name}' (${where}) allows ${pattern}, which no scenario using ${name} needs`]
}
