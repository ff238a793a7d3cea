// What main leaves for the post step, through core.saveState / core.getState (STATE_<name> in post). Saved the
// moment it is known, so that a main step killed at any point leaves the truth behind.
import type { Execution, PipelineRef } from './execution/execution.js'

/** @actions/core's saveState/getState satisfy this. */
export interface StateStore {
  saveState(name: string, value: string): void
  getState(name: string): string
}

export const STATE_KEYS = {
  pipelineName: 'pipelineName',
  region: 'region',
  startSent: 'startSent',
  executionId: 'executionId',
  origin: 'origin',
  wait: 'wait',
  finished: 'finished',
  stopped: 'stopped',
  leftRunning: 'leftRunning',
  gaveUp: 'gaveUp',
  cancelled: 'cancelled'
} as const

export interface SavedState {
  pipelineName: string
  region: string
  /** A start was sent: an execution may exist even when its id never came back. */
  startSent: boolean
  /** undefined when main started nothing (or was killed before it knew the id). */
  executionId?: string
  /** Who made it; the post step never stops one the step did not start. */
  origin: Execution['origin']
  wait: boolean
  finished: boolean
  stopped: boolean
  /** wait-timeout-minutes was reached with stop-on-timeout false: the execution runs on by choice. */
  leftRunning: boolean
  /** Main gave up following it (a sustained outage, or a failure to read its status) and said so. */
  gaveUp: boolean
  /** A signal came: the workflow run was cancelled (or the step timed out). */
  cancelled: boolean
}

export class ActionState {
  constructor(private readonly store: StateStore) {}

  /** Before StartPipelineExecution is sent. */
  saveStartSent(pipeline: PipelineRef): void {
    this.store.saveState(STATE_KEYS.pipelineName, pipeline.pipelineName)
    this.store.saveState(STATE_KEYS.region, pipeline.region)
    this.store.saveState(STATE_KEYS.startSent, 'true')
  }

  /** Every answer proved that nothing was started. */
  saveNothingStarted(): void {
    this.store.saveState(STATE_KEYS.startSent, 'false')
  }

  /** The execution exists: from now on the post step can stop it if main is killed before it decides. */
  saveStarted(execution: Execution, wait: boolean): void {
    this.store.saveState(STATE_KEYS.pipelineName, execution.pipelineName)
    this.store.saveState(STATE_KEYS.region, execution.region)
    this.store.saveState(STATE_KEYS.wait, String(wait))
    if (execution.origin !== 'started') this.store.saveState(STATE_KEYS.origin, execution.origin)
    this.store.saveState(STATE_KEYS.executionId, execution.executionId)
  }

  markFinished(): void {
    this.store.saveState(STATE_KEYS.finished, 'true')
  }

  markStopped(): void {
    this.store.saveState(STATE_KEYS.stopped, 'true')
  }

  markLeftRunning(): void {
    this.store.saveState(STATE_KEYS.leftRunning, 'true')
  }

  markGaveUp(): void {
    this.store.saveState(STATE_KEYS.gaveUp, 'true')
  }

  markCancelled(): void {
    this.store.saveState(STATE_KEYS.cancelled, 'true')
  }

  read(): SavedState {
    const flag = (key: string) => this.store.getState(key) === 'true'
    return {
      pipelineName: this.store.getState(STATE_KEYS.pipelineName),
      region: this.store.getState(STATE_KEYS.region),
      startSent: flag(STATE_KEYS.startSent),
      executionId: this.store.getState(STATE_KEYS.executionId) || undefined,
      origin: this.store.getState(STATE_KEYS.origin) === 'followed' ? 'followed' : 'started',
      wait: flag(STATE_KEYS.wait),
      finished: flag(STATE_KEYS.finished),
      stopped: flag(STATE_KEYS.stopped),
      leftRunning: flag(STATE_KEYS.leftRunning),
      gaveUp: flag(STATE_KEYS.gaveUp),
      cancelled: flag(STATE_KEYS.cancelled)
    }
  }
}
