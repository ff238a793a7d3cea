// A GitHub client double: records each call's request and answers from a script.
import type {
  CommitStatusRequest,
  CreateCheckRunRequest,
  FindCheckRunRequest,
  GitHubClient,
  UpdateCheckRunRequest
} from '../../src/github/client.js'

export type GitHubCall =
  | { op: 'status'; request: CommitStatusRequest }
  | { op: 'create'; request: CreateCheckRunRequest }
  | { op: 'update'; request: UpdateCheckRunRequest }
  | { op: 'find'; request: FindCheckRunRequest }

export class FakeGitHub implements GitHubClient {
  readonly calls: GitHubCall[] = []
  /** Live lists of each kind's requests, in order. */
  readonly statuses: CommitStatusRequest[] = []
  readonly creates: CreateCheckRunRequest[] = []
  readonly updates: UpdateCheckRunRequest[] = []
  /** What findCheckRun answers. */
  found: number | undefined
  /** Thrown by the next calls of that kind, when set. */
  fail: Partial<Record<GitHubCall['op'], Error>> = {}
  /** Thrown by the next calls of that kind, one each, before `fail`. */
  failures: Partial<Record<GitHubCall['op'], Error[]>> = {}
  /** Holds a call until the test resolves it. */
  hold: Partial<Record<GitHubCall['op'], Promise<void>>> = {}

  /** As lazyClient hands it out. */
  readonly client = (): Promise<GitHubClient> => Promise.resolve(this)

  private async answer(call: GitHubCall): Promise<void> {
    this.calls.push(call)
    if (call.op === 'status') this.statuses.push(call.request)
    if (call.op === 'create') this.creates.push(call.request)
    if (call.op === 'update') this.updates.push(call.request)
    await this.hold[call.op]
    const next = this.failures[call.op]?.shift()
    if (next) throw next
    const err = this.fail[call.op]
    if (err) throw err
  }

  async createCommitStatus(request: CommitStatusRequest): Promise<unknown> {
    await this.answer({ op: 'status', request })
    return {}
  }

  async createCheckRun(request: CreateCheckRunRequest): Promise<number> {
    await this.answer({ op: 'create', request })
    return 42
  }

  async updateCheckRun(request: UpdateCheckRunRequest): Promise<unknown> {
    await this.answer({ op: 'update', request })
    return {}
  }

  async findCheckRun(request: FindCheckRunRequest): Promise<number | undefined> {
    await this.answer({ op: 'find', request })
    return this.found
  }

  ops(): string[] {
    return this.calls.map((c) => c.op)
  }
}
