// The benchmark's arithmetic and its table: pure functions, so they can be tested without running anything.
import { median } from '../../src/execution/history.js'

export const MIB = 1024 * 1024

export { median }

/** One line of the table: a measured figure, optionally held against a target (value ≤ limit passes). */
export interface Row {
  measure: string
  value: number
  unit: Unit
  limit?: number
  /** Extra facts shown after the value, e.g. the floor a ratio is taken against. */
  note?: string
}

/** MB and MiB: the value is in bytes, shown in the unit its target is stated in (MB for dist/, MiB for RSS). */
export type Unit = 'ms' | 'x' | 'calls' | 'calls/min' | 'MB' | 'MiB' | 'count'

export type Verdict = 'pass' | 'FAIL' | '-'

export function verdict(row: Row): Verdict {
  if (row.limit === undefined) return '-'
  return Number.isFinite(row.value) && row.value <= row.limit ? 'pass' : 'FAIL'
}

export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return 'n/a'
  switch (unit) {
    case 'ms':
      return value >= 10000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`
    case 'x':
      return `${value.toFixed(2)}×`
    case 'MB':
      return `${(value / 1e6).toFixed(3)} MB`
    case 'MiB':
      return `${(value / MIB).toFixed(1)} MiB`
    case 'calls':
      return `${value} calls`
    case 'calls/min':
      return `${value.toFixed(2)} calls/min`
    case 'count':
      return String(value)
  }
}

export function formatLimit(limit: number | undefined, unit: Unit): string {
  if (limit === undefined) return ''
  if (unit === 'MB') return `≤ ${limit / 1e6} MB`
  if (unit === 'MiB') return `≤ ${limit / MIB} MiB`
  if (unit === 'ms') return `≤ ${limit / 1000} s`
  return `≤ ${formatValue(limit, unit)}`
}

export function renderTable(rows: Row[]): string {
  const cells = rows.map((r) => [
    r.measure,
    formatValue(r.value, r.unit) + (r.note ? ` (${r.note})` : ''),
    formatLimit(r.limit, r.unit),
    verdict(r)
  ])
  const header = ['Measure', 'Value', 'Target', 'Result']
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)))
  const line = (c: string[]) => `| ${c.map((s, i) => s.padEnd(widths[i] ?? 0)).join(' | ')} |`
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`
  return [line(header), rule, ...cells.map(line)].join('\n')
}
