// Fault matrix, part 3: SIGINT at seeded random moments — while the bundle loads, before the start, while the
// start is in flight, in the backoff after a start whose answer was lost (it did start), while polling, during
// a retry backoff (the SDK's or ours) — against the local service and dist/. Whenever it comes: every execution
// that exists was stopped exactly once, within 2 s of the signal, and the process exited non-zero before the
// runner's SIGTERM (7.5 s). Each run draws its plan from its own seed (FUZZ_SEED + run): FUZZ_SEED=<seed>
// FUZZ_ONLY=<run> replays one (its label says how); FUZZ_RUNS=200 runs many more.
import { startEmulator, type Emulator, type FaultConfig } from '../../emulator/index.js'
import { mulberry32 } from '../../emulator/faults.js'
import { runPost, startAction, type RunOptions } from '../../harness/runner.js'
import { shortPipeline } from '../support/pipelines.js'
import { callsFor, executionsOf, nthRequest, POLLS, until } from '../support/faults.js'

const SEED = Number(process.env.FUZZ_SEED ?? 20240611)
const RUNS = Number(process.env.FUZZ_RUNS ?? 24)
const ONLY = process.env.FUZZ_ONLY === undefined ? undefined : Number(process.env.FUZZ_ONLY)
const PARALLEL = 4

type Phase =
  | 'bundle start-up'
  | 'before start'
  | 'start in flight'
  | 'ambiguous start backoff'
  | 'polling'
  | 'SDK retry backoff'
  | 'poll retry backoff'
  | 'start retry backoff'
const PHASES: Phase[] = [
  'bundle start-up',
  'before start',
  'start in flight',
  'ambiguous start backoff',
  'polling',
  'SDK retry backoff',
  'poll retry backoff',
  'start retry backoff'
]

interface Plan {
  run: number
  phase: Phase
  /** ms after the moment the phase begins. */
  delayMs: number
  abandon: boolean
  faults: FaultConfig
  /** The request whose arrival marks the phase's beginning; none: the spawn does. */
  marker?: { operations: string[]; nth: number }
  detail?: string
}

function plan(run: number, random: () => number): Plan {
  const phase = PHASES[run % PHASES.length]
  const between = (lo: number, hi: number) => Math.round(lo + random() * (hi - lo))
  const abandon = random() < 0.5
  switch (phase) {
    case 'bundle start-up':
      // GetPipeline is slow, so that whatever the machine's speed the signal comes before the start.
      return {
        run,
        phase,
        abandon,
        delayMs: between(0, 250),
        faults: { rules: [{ operation: 'GetPipeline', kind: 'slow', delayMs: 1000 }] }
      }
    case 'ambiguous start backoff': {
      // The start is carried out, its answer lost (500 or dropped); our backoff before the next try is 1-2 s.
      const kind = random() < 0.5 ? ('http500' as const) : ('drop' as const)
      return {
        run,
        phase,
        abandon,
        delayMs: between(50, 800),
        marker: { operations: ['StartPipelineExecution'], nth: 1 },
        faults: { rules: [{ operation: 'StartPipelineExecution', kind, afterWork: true, times: 1 }] },
        detail: `first start answered ${kind} after it started`
      }
    }
    case 'before start':
      return {
        run,
        phase,
        abandon,
        delayMs: between(0, 250),
        marker: { operations: ['GetPipeline'], nth: 1 },
        faults: { rules: [{ operation: 'GetPipeline', kind: 'slow', delayMs: 1000 }] } // well after the signal, however loaded the machine
      }
    case 'start in flight': {
      const delayMs = between(300, 2500) // shorter and longer than the grace the cancel handler gives it
      return {
        run,
        phase,
        abandon,
        delayMs: between(0, 200),
        marker: { operations: ['StartPipelineExecution'], nth: 1 },
        faults: { rules: [{ operation: 'StartPipelineExecution', kind: 'slow', delayMs, times: 1 }] },
        detail: `start answers after ${delayMs} ms`
      }
    }
    case 'polling':
      return { run, phase, abandon, delayMs: between(0, 2500), marker: { operations: POLLS, nth: 1 }, faults: {} }
    case 'SDK retry backoff':
      return {
        run,
        phase,
        abandon,
        delayMs: between(0, 1500),
        marker: { operations: POLLS, nth: 2 },
        faults: { rules: [{ operation: POLLS, kind: 'throttle', after: 1 }] }
      }
    case 'poll retry backoff':
      // 5xx on every poll but the first: the SDK's quick retries give up after ~1.5 s, then the action's own backoff.
      return {
        run,
        phase,
        abandon,
        delayMs: between(1500, 4500),
        marker: { operations: POLLS, nth: 2 },
        faults: { rules: [{ operation: POLLS, kind: 'http500', after: 1 }] }
      }
    case 'start retry backoff': {
      const times = between(1, 3)
      return {
        run,
        phase,
        abandon,
        delayMs: between(0, 2500),
        marker: { operations: ['StartPipelineExecution'], nth: 1 },
        faults: { rules: [{ operation: 'StartPipelineExecution', kind: 'conflict', times }] },
        detail: `${times} conflicts`
      }
    }
  }
}

async function fuzzOne(p: Plan): Promise<void> {
  const name = `fuzz-${p.run}`
  const emulator: Emulator = await startEmulator({ pipelines: [shortPipeline({ name, buildSeconds: 30 })], faults: p.faults })
  const label = `run ${p.run} (FUZZ_SEED=${SEED} FUZZ_ONLY=${p.run} replays it): SIGINT ${p.delayMs} ms into "${p.phase}"${p.detail ? ` (${p.detail})` : ''}, abandon ${p.abandon}`
  try {
    const options: RunOptions = { endpoint: emulator.url, inputs: { 'pipeline-name': name, 'abandon-on-cancel': String(p.abandon) } }
    const run = startAction(options)
    const { marker } = p
    if (marker) await until(() => nthRequest(emulator, marker.operations, marker.nth), 15000)
    await new Promise((r) => setTimeout(r, p.delayMs))
    const sentAt = Date.now()
    run.child.kill('SIGINT')
    const result = await run.done
    const exitedAfter = Date.now() - sentAt
    // Let a start that was still on the wire land, so that an execution it made is counted too.
    await new Promise((r) => setTimeout(r, p.phase === 'start in flight' ? 2600 : 100))

    const executions = await executionsOf(emulator, name)
    const stops = callsFor(emulator, name, 'StopPipelineExecution').filter((r) => r.status === 200)
    const seen = { code: result.code, exitedAfter, executions, stopDelays: stops.map((s) => s.time - sentAt) }
    if (process.env.FUZZ_VERBOSE) console.log(label, JSON.stringify(seen))
    // While the bundle loads, Node itself may still be starting: killed by the signal, having run nothing, is fine.
    const killedEarly = p.phase === 'bundle start-up' && result.code === null && result.signal === 'SIGINT'
    const code = killedEarly || (seen.code !== 0 && seen.code !== null) ? 'non-zero' : 'bad'
    expect({ label, ...seen, code, late: exitedAfter >= 7500 }).toMatchObject({
      label,
      code: 'non-zero',
      late: false
    })
    for (const execution of executions) {
      expect({ label, id: execution.id, stops: execution.stops }).toEqual({ label, id: execution.id, stops: 1 })
      expect({ label, status: execution.status }).toEqual({
        label,
        // Abandoning may still pass through Stopping for a moment: both say the stop took.
        status: expect.stringMatching(/^Stopp(ing|ed)$/)
      })
    }
    for (const delay of seen.stopDelays) expect({ label, delay, late: delay >= 2000 }).toMatchObject({ label, late: false })
    if (['bundle start-up', 'before start'].includes(p.phase)) {
      expect({ label, executions }).toEqual({ label, executions: [] })
      expect({ label, starts: callsFor(emulator, name, 'StartPipelineExecution').length }).toEqual({ label, starts: 0 })
    }
    if (['polling', 'SDK retry backoff', 'poll retry backoff', 'ambiguous start backoff'].includes(p.phase))
      expect({ label, count: executions.length }).toEqual({ label, count: 1 })

    // The post step finds nothing left to do: no second stop, and it never starts anything.
    const startsBefore = callsFor(emulator, name, 'StartPipelineExecution').length
    await runPost(result, options)
    expect({ label, stops: callsFor(emulator, name, 'StopPipelineExecution').filter((r) => r.status === 200).length }).toEqual({
      label,
      stops: stops.length
    })
    expect({ label, starts: callsFor(emulator, name, 'StartPipelineExecution').length }).toEqual({ label, starts: startsBefore })
  } finally {
    await emulator.close()
  }
}

test(
  `SIGINT at ${RUNS} seeded random moments: every execution stopped exactly once, exit non-zero before 7.5 s`,
  async () => {
    const runs = ONLY === undefined ? Array.from({ length: RUNS }, (_, i) => i) : [ONLY]
    const plans = runs.map((i) => plan(i, mulberry32(SEED + i)))
    const queue = [...plans]
    const failures: unknown[] = []
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let p = queue.shift(); p; p = queue.shift()) await fuzzOne(p).catch((err) => failures.push(err))
      })
    )
    if (failures.length > 0) throw failures[0]
    if (plans.length >= PHASES.length) expect(new Set(plans.map((p) => p.phase)).size).toBe(PHASES.length)
  },
  60_000 + RUNS * 10_000
)
