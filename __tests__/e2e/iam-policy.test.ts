// The IAM policies the docs publish, checked against what dist/ asks AWS for (issue 24): each scenario runs the
// bundled action against a local service of its own, and every request the action made must be allowed by the
// default policy plus the feature policies of what the scenario uses; every permission a policy grants must be
// needed by some scenario of that policy (default's: by a run with default inputs).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulator, type Emulator, type PipelineSpec, type RecordedRequest } from '../../emulator/index.js'
import { repoRoot, type ActionResult } from '../../harness/runner.js'
import { collectPolicies, credentialScope, iamActions, policyProblems, type ScenarioCalls } from '../support/iam-policy.js'
import { POLICY_SCENARIOS } from '../support/iam-scenarios.js'
import { ACTION_NAME } from '../../src/version.js'

interface Outcome {
  scenario: string
  emulator: Emulator
  results: ActionResult[]
}

const outcomes: Outcome[] = []

beforeAll(async () => {
  // All at once, each on its own service: the file takes about as long as its longest scenario.
  const runs = Object.entries(POLICY_SCENARIOS).map(async ([scenario, spec]) => {
    const emulator = await startEmulator({ pipelines: [] })
    const outcome: Outcome = { scenario, emulator, results: [] }
    outcomes.push(outcome)
    const context = { url: emulator.url, emulator, name: `iam-${scenario}`, addPipeline: (p: PipelineSpec) => emulator.addPipeline(p) }
    outcome.results = await spec.run(context)
  })
  await Promise.all(runs)
}, 120_000)
afterAll(() => Promise.all(outcomes.map((o) => o.emulator.close())))

/** README.md and docs/*.md, where the policies are published. */
function documents(): Array<{ file: string; text: string }> {
  const docs = readdirSync(join(repoRoot, 'docs')).filter((f) => f.endsWith('.md'))
  return ['README.md', ...docs.map((f) => `docs/${f}`)].map((file) => ({ file, text: readFileSync(join(repoRoot, file), 'utf8') }))
}

/** The action's own requests: its SDK clients append ACTION_NAME/version to the user agent. */
const byAction = (r: RecordedRequest) => String(r.headers['user-agent'] ?? '').includes(`${ACTION_NAME}/`)

function calls(outcome: Outcome): ScenarioCalls {
  const needs = new Map<string, string[]>()
  for (const request of outcome.emulator.requests().filter(byAction)) {
    for (const action of iamActions(request)) needs.set(action, [...(needs.get(action) ?? []), request.operation])
  }
  return { scenario: outcome.scenario, features: POLICY_SCENARIOS[outcome.scenario].features, needs }
}

test('each scenario did what it is there for (its runs pass or fail as expected)', () => {
  const seen = Object.fromEntries(outcomes.map((o) => [o.scenario, o.results.map((r) => r.code === 0)]))
  const expected = Object.fromEntries(Object.entries(POLICY_SCENARIOS).map(([s, spec]) => [s, spec.passes]))
  expect(seen).toEqual(expected)
})

test("the action's requests are told apart by its user agent: exactly those signed with the runner's keys", () => {
  for (const outcome of outcomes) {
    const key = outcome.results[0]?.env.AWS_ACCESS_KEY_ID
    for (const request of outcome.emulator.requests()) {
      expect([outcome.scenario, request.operation, byAction(request)]).toEqual([
        outcome.scenario,
        request.operation,
        credentialScope(request)?.accessKeyId === key
      ])
    }
  }
})

test('every call is allowed by its documented policies, and every documented permission is needed', () => {
  const policies = collectPolicies(documents())
  const runs = outcomes.map(calls)
  expect(policyProblems(policies, runs)).toEqual([])
})
