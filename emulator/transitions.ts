// Stage transitions: a disabled inbound transition holds executions before the stage until it is enabled.
import type { Pipeline } from './spec.js'

export interface TransitionState {
  enabled: boolean
  disabledReason?: string
  lastChangedBy?: string
  lastChangedMs?: number
}

export class Transitions {
  private readonly states: TransitionState[]

  constructor(pipeline: Pipeline, createdMs: number) {
    this.states = pipeline.stages.map((s) =>
      s.disabledReason === undefined
        ? { enabled: true }
        : {
            enabled: false,
            disabledReason: s.disabledReason,
            lastChangedBy: 'arn:aws:iam::123456789012:user/release-manager',
            lastChangedMs: createdMs
          }
    )
  }

  enabled(stageIndex: number): boolean {
    return this.state(stageIndex).enabled
  }

  state(stageIndex: number): TransitionState {
    return this.states[stageIndex] ?? { enabled: true }
  }

  set(stageIndex: number, enabled: boolean, reason: string | undefined, by: string, t: number): void {
    this.states[stageIndex] = { enabled, disabledReason: enabled ? undefined : reason, lastChangedBy: by, lastChangedMs: t }
  }
}
