// Fault matrix, part 3: SIGINT at seeded random moments — before the start, while the start is in
// flight, while polling, during a retry backoff (the SDK's or ours) — against the local service and
// dist/. Whenever it comes: every execution that exists was stopped exactly once, within 2 s of the
// signal, and the process exited non-zero before the runner's SIGTERM (7.5 s). FUZZ_SEED replays a run.
import { startEmulator, type Emulator, type FaultConfig } from '../../emulator/index.js'
import { mulberry32 } from '../../emulator/faults.js'
import { runPost, startAction, type RunOptions } from '../../harness/runner.js'
import { shortPipeline } from '../support/pipelines.js'
import { callsFor, executionsOf, nthRequest, POLLS, until } from '../support/faults.js'

const SEED = Number(process.env.FUZZ_SEED ?? 20240611)
const RUNS = 18
const PARALLEL = 4

type Phase = 'before start' | 'start in flight' | 'polling' | 'SDK retry backoff' | 'poll retry backoff' | 'start retry backoff'

interface Plan {
  run: number
  phase: Phase
  /** ms after the moment the phase begins. */
  delayMs: number
  abandon: boolean
  faults: FaultConfig
  /** The request whose arrival marks the phase's beginning. */
  marker: { operations: string[]; nth: number }
  detail?: string
}

function plan(run: number, random: () => number): Plan {
  const phases: Phase[] = ['before start', 'start in flight', 'polling', 'SDK retry backoff', 'poll retry backoff', 'start retry backoff']
  const phase = phases[run % phases.length]
  const between = (lo: number, hi: number) => Math.round(lo + random() * (hi - lo))
  const abandon = random() < 0.5
  switch (phase) {
    case 'before start':
      return {
        run,
        phase,
        abandon,
        delayMs: between(0, 250),
        marker: { operations: ['GetPipeline'], nth: 1 },
        faults: { rules: [{ operation: 'GetPipeline', kind: 'slow', delayMs: 300 }] }
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
  const label = `run ${p.run} (seed ${SEED}): SIGINT ${p.delayMs} ms into "${p.phase}"${p.detail ? ` (${p.detail})` : ''}, abandon ${p.abandon}`
  try {
    const options: RunOptions = { endpoint: emulator.url, inputs: { 'pipeline-name': name, 'abandon-on-cancel': String(p.abandon) } }
    const run = startAction(options)
    await until(() => nthRequest(emulator, p.marker.operations, p.marker.nth), 15000)
    await new Promise((r) => setTimeout(r, p.delayMs))
    const sentAt = Date.now()
    run.child.kill('SIGINT')
    const result = await run.done
    const exitedAfter = Date.now() - sentAt
    // Let a start that was still on the wire land, so that an execution it made is counted too; an abandoned
    // execution shows Stopping for a moment (the local service: 500 ms, as the user guide's "very short time").
    await new Promise((r) => setTimeout(r, p.phase === 'start in flight' ? 2600 : p.abandon ? 800 : 100))

    const executions = await executionsOf(emulator, name)
    const stops = callsFor(emulator, name, 'StopPipelineExecution').filter((r) => r.status === 200)
    const seen = { code: result.code, exitedAfter, executions, stopDelays: stops.map((s) => s.time - sentAt) }
    if (process.env.FUZZ_VERBOSE) console.log(label, JSON.stringify(seen))
    expect({ label, ...seen, code: seen.code === 0 || seen.code === null ? 'bad' : 'non-zero', late: exitedAfter >= 7500 }).toMatchObject({
      label,
      code: 'non-zero',
      late: false
    })
    for (const execution of executions) {
      expect({ label, id: execution.id, stops: execution.stops }).toEqual({ label, id: execution.id, stops: 1 })
      expect({ label, status: execution.status }).toEqual({
        label,
        status: p.abandon ? 'Stopped' : expect.stringMatching(/^Stopp(ing|ed)$/)
      })
    }
    for (const delay of seen.stopDelays) expect({ label, delay, late: delay >= 2000 }).toMatchObject({ label, late: false })
    if (p.phase === 'before start') expect({ label, executions }).toEqual({ label, executions: [] })
    if (['polling', 'SDK retry backoff', 'poll retry backoff'].includes(p.phase))
      expect({ label, count: executions.length }).toEqual({ label, count: 1 })

    // The post step finds nothing left to do: no second stop.
    await runPost(result, options)
    expect({ label, stops: callsFor(emulator, name, 'StopPipelineExecution').filter((r) => r.status === 200).length }).toEqual({
      label,
      stops: stops.length
    })
  } finally {
    await emulator.close()
  }
}

test(`SIGINT at ${RUNS} seeded random moments: every execution stopped exactly once, exit non-zero before 7.5 s`, async () => {
  const random = mulberry32(SEED)
  const plans = Array.from({ length: RUNS }, (_, i) => plan(i, random))
  const queue = [...plans]
  const failures: unknown[] = []
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let p = queue.shift(); p; p = queue.shift()) await fuzzOne(p).catch((err) => failures.push(err))
    })
  )
  if (failures.length > 0) throw failures[0]
  expect(new Set(plans.map((p) => p.phase)).size).toBe(6)
}, 120_000)
