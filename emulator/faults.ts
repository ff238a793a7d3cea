// Decides, per request, whether to misbehave the way AWS does on a bad day. Deterministic: counters,
// the emulator clock and a seeded random generator; setFaults starts everything afresh.
import type { FaultConfig, FaultKind, FaultRule } from './types.js'

export interface FaultDecision {
  kind: FaultKind
  delayMs: number
  message?: string
  afterWork?: boolean
}

interface RuleState {
  rule: FaultRule
  matched: number // matching requests seen
  fired: number
}

export class FaultInjector {
  private rules: RuleState[] = []
  private random: () => number = mulberry32(1)
  private bucket?: { capacity: number; perMs: number; tokens: number; lastMs: number }

  constructor(config: FaultConfig = {}, now = 0) {
    this.configure(config, now)
  }

  configure(config: FaultConfig, now: number): void {
    for (const rule of config.rules ?? []) checkRule(rule)
    this.rules = (config.rules ?? []).map((rule) => ({ rule, matched: 0, fired: 0 }))
    this.random = mulberry32(config.seed ?? 1)
    const limit = config.rateLimit
    if (limit !== undefined && !(limit.requestsPerSecond > 0)) throw new Error('faults.rateLimit.requestsPerSecond must be a number > 0')
    const capacity = Math.max(1, limit?.burst ?? limit?.requestsPerSecond ?? 1)
    this.bucket = limit && { capacity, perMs: limit.requestsPerSecond / 1000, tokens: capacity, lastMs: now }
  }

  /** The fault for this request, if any; the first rule that fires wins, the rate limit comes first. */
  decide(operation: string, now: number): FaultDecision | undefined {
    if (this.bucket !== undefined && !this.takeToken(now)) return { kind: 'throttle', delayMs: 0 }
    for (const state of this.rules) {
      if (!appliesTo(state.rule, operation)) continue
      state.matched += 1
      if (!this.fires(state, now)) continue
      state.fired += 1
      const { kind, delayMs = 0, message, afterWork } = state.rule
      return { kind, delayMs, message, afterWork }
    }
    return undefined
  }

  private fires({ rule, matched, fired }: RuleState, now: number): boolean {
    if (rule.times !== undefined && fired >= rule.times) return false
    if (rule.after !== undefined && matched <= rule.after) return false
    const counted = matched - (rule.after ?? 0)
    if (rule.every !== undefined && counted % rule.every !== 0) return false
    if (rule.fromMs !== undefined && now < rule.fromMs) return false
    if (rule.untilMs !== undefined && now >= rule.untilMs) return false
    if (rule.probability !== undefined && this.random() >= rule.probability) return false
    return true
  }

  private takeToken(now: number): boolean {
    const b = this.bucket!
    b.tokens = Math.min(b.capacity, b.tokens + Math.max(0, now - b.lastMs) * b.perMs)
    b.lastMs = Math.max(b.lastMs, now)
    if (b.tokens < 1) return false
    b.tokens -= 1
    return true
  }
}

const KINDS: FaultKind[] = [
  'throttle',
  'http500',
  'http503',
  'drop',
  'slow',
  'conflict',
  'concurrentLimit',
  'expiredToken',
  'accessDenied',
  'reset',
  'emptyPage'
]

function checkRule(rule: FaultRule): void {
  if (!KINDS.includes(rule?.kind)) throw new Error(`fault rule kind must be one of ${KINDS.join(', ')}; got ${rule?.kind}`)
  if (rule.kind === 'emptyPage' && (rule.operation !== 'GetLogEvents' || rule.afterWork))
    throw new Error("fault rule emptyPage is for operation: 'GetLogEvents' only, without afterWork")
  for (const key of ['times', 'after', 'every'] as const) {
    const value = rule[key]
    if (value !== undefined && !(Number.isInteger(value) && value >= (key === 'after' ? 0 : 1)))
      throw new Error(`fault rule ${key} must be a whole number${key === 'after' ? ' >= 0' : ' >= 1'}; got ${value}`)
  }
  if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1))
    throw new Error(`fault rule probability must be between 0 and 1; got ${rule.probability}`)
}

function appliesTo(rule: FaultRule, operation: string): boolean {
  if (rule.operation === undefined) return true
  return Array.isArray(rule.operation) ? rule.operation.includes(operation) : rule.operation === operation
}

/** A small seeded generator, so that probabilistic faults replay identically. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
