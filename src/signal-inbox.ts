// Listens to SIGINT and SIGTERM from the very first moment of the main step, before the rest of the bundle is
// even evaluated: a signal that comes while nobody handles it yet is kept, and handed to the first listener.
import type { SignalSource } from './ports.js'

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']

export class SignalInbox implements SignalSource {
  private readonly listeners = new Map<NodeJS.Signals, Set<() => void>>()
  private readonly kept: NodeJS.Signals[] = []

  constructor(source: SignalSource) {
    for (const name of SIGNALS) source.on(name, () => this.deliver(name))
  }

  /** Signals that came while nobody listened, oldest first. */
  get early(): readonly NodeJS.Signals[] {
    return this.kept
  }

  on(signal: NodeJS.Signals, listener: () => void): this {
    const set = this.listeners.get(signal) ?? new Set()
    this.listeners.set(signal, set.add(listener))
    const waiting = this.kept.filter((name) => name === signal)
    this.kept.splice(0, this.kept.length, ...this.kept.filter((name) => name !== signal))
    for (const _ of waiting) listener()
    return this
  }

  removeListener(signal: NodeJS.Signals, listener: () => void): this {
    this.listeners.get(signal)?.delete(listener)
    return this
  }

  private deliver(signal: NodeJS.Signals): void {
    const listeners = [...(this.listeners.get(signal) ?? [])]
    if (listeners.length === 0) this.kept.push(signal)
    for (const listener of listeners) listener()
  }
}
