// API calls of long runs, on a virtual clock as __tests__/integration/budget.test.ts does: the real main step,
// wait loop and poll planner, through the real SDK, against the local service running its executions on the
// same clock. A 2-hour wait takes a second. Cost must grow no faster than about one call a minute.
import { startEmulator, type Emulator, type HistorySpec, type PipelineSpec } from '../../emulator/index.js'
import { runOnVirtualClock, VirtualClock } from '../../__tests__/support/virtual-run.js'
import { actionCalls, countOperations } from './service.js'

const REPO = 'octo/app'

export interface BudgetCase {
  name: string
  /** The execution's length, in minutes. */
  minutes: number
  calls: number
  callsPerMinute: number
  /** Calls per minute after the first STEADY_AFTER_MINUTES: how the cost grows once a run is long. */
  steadyCallsPerMinute: number
  /** Virtual ms from the execution's end to the verdict. */
  latencyMs: number
  operations: Record<string, number>
}

interface CaseSpec {
  name: string
  buildSeconds: number
  approvalSeconds?: number
  history?: boolean
}

const CASES: CaseSpec[] = [
  { name: '30 min pipeline, with history', buildSeconds: 1500, history: true },
  { name: '30 min pipeline, no history', buildSeconds: 1500 },
  // Twice as long: the difference from the 30 min case is what 30 more minutes cost.
  { name: '60 min pipeline, no history', buildSeconds: 3300 },
  { name: '2 h manual approval, then build and deploy', buildSeconds: 60, approvalSeconds: 7200 }
]

const STEADY_AFTER_MINUTES = 10
const DEPLOY_SECONDS = 298.9
const SOURCE_SECONDS = 1.1

function pipeline(id: number, spec: CaseSpec): PipelineSpec {
  const seconds = SOURCE_SECONDS + (spec.approvalSeconds ?? 0) + spec.buildSeconds + DEPLOY_SECONDS
  const history: HistorySpec[] = spec.history
    ? [0, 8, -5, 12, -3].map((d, i) => ({ status: 'Succeeded', durationSeconds: seconds + d, startedSecondsAgo: 86_400 * (i + 1) }))
    : []
  const approval = spec.approvalSeconds
    ? [
        {
          name: 'Approve',
          actions: [{ name: 'Release', category: 'Approval' as const, provider: 'Manual', durationSeconds: spec.approvalSeconds }]
        }
      ]
    : []
  const source = { name: 'App', category: 'Source' as const, provider: 'CodeStarSourceConnection', durationSeconds: SOURCE_SECONDS }
  return {
    name: `bench-budget-${id}`,
    executionMode: 'PARALLEL',
    stages: [
      { name: 'Source', actions: [{ ...source, configuration: { FullRepositoryId: REPO } }] },
      ...approval,
      { name: 'Build', actions: [{ name: 'Compile', category: 'Build', provider: 'CodeBuild', durationSeconds: spec.buildSeconds }] },
      { name: 'Deploy', actions: [{ name: 'Ship', category: 'Deploy', provider: 'CodeDeploy', durationSeconds: DEPLOY_SECONDS }] }
    ],
    history
  }
}

async function runCase(emulator: Emulator, clock: VirtualClock, id: number, spec: CaseSpec): Promise<BudgetCase> {
  const pipelineSpec = pipeline(id, spec)
  emulator.addPipeline(pipelineSpec)
  const port = await runOnVirtualClock(pipelineSpec.name, clock)
  const verdictAt = clock.now()
  const [execution] = await port.listRecentExecutions(pipelineSpec.name, 1)
  if (execution?.status !== 'Succeeded') throw new Error(`${spec.name}: the execution ended ${execution?.status}, not Succeeded`)
  const minutes = (execution.lastUpdateTime! - execution.startTime!) / 60_000
  const calls = actionCalls(emulator, pipelineSpec.name)
  const steadyFrom = execution.startTime! + STEADY_AFTER_MINUTES * 60_000
  return {
    name: spec.name,
    minutes,
    calls: calls.length,
    callsPerMinute: calls.length / minutes,
    steadyCallsPerMinute: calls.filter((c) => c.time >= steadyFrom).length / (minutes - STEADY_AFTER_MINUTES),
    latencyMs: verdictAt - execution.lastUpdateTime!,
    operations: countOperations(calls)
  }
}

/** Sets the SDK's environment for the in-process runs, and puts it back afterwards. */
async function withSdkEnv<T>(endpoint: string, body: () => Promise<T>): Promise<T> {
  const env: Record<string, string> = {
    AWS_ENDPOINT_URL_CODEPIPELINE: endpoint,
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    AWS_EC2_METADATA_DISABLED: 'true'
  }
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  Object.assign(process.env, env)
  try {
    return await body()
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

export async function measureBudget(): Promise<BudgetCase[]> {
  const clock = new VirtualClock()
  const emulator = await startEmulator({ pipelines: [], clock })
  try {
    return await withSdkEnv(emulator.url, async () => {
      const results: BudgetCase[] = []
      for (const [i, spec] of CASES.entries()) results.push(await runCase(emulator, clock, i + 1, spec))
      return results
    })
  } finally {
    await emulator.close()
  }
}
