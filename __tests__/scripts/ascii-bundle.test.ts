import { runInNewContext } from 'node:vm'
import { asciiOnly } from '../../scripts/ascii-bundle.js'

test('non-ASCII becomes \\u escapes that mean the same text, astral characters as surrogate pairs', () => {
  const source = "var a = '…'; var b = `${x}✅ — 🚫`; var r = /é+/; // naïve\n[a, b, r.test('éé'), r.test('e')]"
  const out = asciiOnly(source)
  expect(/[\u0080-\uffff]/.test(out)).toBe(false)
  const run = (code: string) => runInNewContext(code, { x: 1 }) as unknown[]
  expect(run(out)).toEqual(run(source))
  expect(run(out)).toEqual(['…', '1✅ — 🚫', true, false])
})
