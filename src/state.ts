// What main leaves for the post step, through core.saveState / core.getState (STATE_<name> in post).

/** @actions/core's saveState/getState satisfy this. */
export interface StateStore {
  saveState(name: string, value: string): void
  getState(name: string): string
}

export const STATE_KEYS = {
  pipelineName: 'pipelineName',
  region: 'region',
  executionId: 'executionId',
  wait: 'wait',
  finished: 'finished',
  stopped: 'stopped',
  leftRunning: 'leftRunning'
} as const

export interface SavedState {
  pipelineName: string
  region: string
  executionId: string
  wait: boolean
  finished: boolean
  stopped: boolean
  /** wait-timeout-minutes was reached with stop-on-timeout false: the execution runs on by choice. */
  leftRunning: boolean
}

export class ActionState {
  constructor(private readonly store: StateStore) {}

  saveStarted(pipelineName: string, region: string, executionId: string, wait: boolean): void {
    this.store.saveState(STATE_KEYS.pipelineName, pipelineName)
    this.store.saveState(STATE_KEYS.region, region)
    this.store.saveState(STATE_KEYS.wait, String(wait))
    this.store.saveState(STATE_KEYS.executionId, executionId)
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

  read(): SavedState {
    const flag = (key: string) => this.store.getState(key) === 'true'
    return {
      pipelineName: this.store.getState(STATE_KEYS.pipelineName),
      region: this.store.getState(STATE_KEYS.region),
      executionId: this.store.getState(STATE_KEYS.executionId),
      wait: flag(STATE_KEYS.wait),
      finished: flag(STATE_KEYS.finished),
      stopped: flag(STATE_KEYS.stopped),
      leftRunning: flag(STATE_KEYS.leftRunning)
    }
  }
}
