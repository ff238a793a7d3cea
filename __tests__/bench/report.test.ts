import { formatLimit, formatValue, median, MIB, renderTable, verdict } from '../../scripts/bench/report.js'

describe('median', () => {
  test.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1000], 10]
  ])('of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected)
  })

  test('of nothing is NaN, and the input is left unsorted', () => {
    expect(median([])).toBeNaN()
    const values = [3, 1, 2]
    median(values)
    expect(values).toEqual([3, 1, 2])
  })
})

describe('verdict', () => {
  test('a value at the limit passes, above it fails, without a limit there is none', () => {
    expect(verdict({ measure: 'm', value: 12, unit: 'calls', limit: 12 })).toBe('pass')
    expect(verdict({ measure: 'm', value: 13, unit: 'calls', limit: 12 })).toBe('FAIL')
    expect(verdict({ measure: 'm', value: 13, unit: 'calls' })).toBe('-')
  })

  test('a figure that could not be measured fails its target', () => {
    expect(verdict({ measure: 'm', value: NaN, unit: 'ms', limit: 2000 })).toBe('FAIL')
  })
})

describe('formatting', () => {
  test('values', () => {
    expect(formatValue(147.4, 'ms')).toBe('147 ms')
    expect(formatValue(64250, 'ms')).toBe('64.3 s')
    expect(formatValue(2.2272, 'x')).toBe('2.23×')
    expect(formatValue(1274438, 'MB')).toBe('1.274 MB')
    expect(formatValue(80625664, 'MiB')).toBe('76.9 MiB')
    expect(formatValue(NaN, 'ms')).toBe('n/a')
  })

  test('limits read in the unit the issue states them in', () => {
    expect(formatLimit(1.2e6, 'MB')).toBe('≤ 1.2 MB')
    expect(formatLimit(80 * MIB, 'MiB')).toBe('≤ 80 MiB')
    expect(formatLimit(2000, 'ms')).toBe('≤ 2 s')
    expect(formatLimit(undefined, 'ms')).toBe('')
  })

  test('the table aligns its columns and shows each verdict', () => {
    const table = renderTable([
      { measure: 'Cold start ratio', value: 2.5, unit: 'x', limit: 3.5 },
      { measure: 'Calls', value: 30, unit: 'calls', limit: 12, note: 'median of 5' }
    ]).split('\n')
    expect(table).toHaveLength(4)
    expect(new Set(table.map((l) => l.length)).size).toBe(1)
    expect(table[2]).toMatch(/Cold start ratio.*2\.50×.*≤ 3\.50×.*pass/)
    expect(table[3]).toMatch(/Calls.*30 calls \(median of 5\).*≤ 12 calls.*FAIL/)
  })
})
