// ncc writes one license text per bundled package; dozens of AWS SDK packages carry the same
// Apache-2.0 text. Print each distinct text once, under the list of packages it covers, so that
// dist/ ships every notice without repeating them.
import { readFileSync, writeFileSync } from 'node:fs'

interface Entry {
  name: string
  license: string
  text: string
}

/** ncc's format: blocks of `name\nLICENSE-ID\ntext`, separated by blank lines. */
export function parseLicenses(content: string, isPackage: (name: string) => boolean): Entry[] {
  const lines = content.split('\n')
  const starts: number[] = []
  for (let i = 0; i < lines.length - 1; i++) {
    if ((i === 0 || lines[i - 1] === '') && isPackage(lines[i] ?? '')) starts.push(i)
  }
  return starts.map((start, k) => {
    const end = starts[k + 1] ?? lines.length
    return {
      name: lines[start] ?? '',
      license: lines[start + 1] ?? '',
      text: lines
        .slice(start + 2, end)
        .join('\n')
        .trim()
    }
  })
}

export function groupLicenses(entries: Entry[]): string {
  const groups = new Map<string, Entry[]>()
  for (const entry of entries) {
    const key = `${entry.license}\n${entry.text}`
    groups.set(key, [...(groups.get(key) ?? []), entry])
  }
  const blocks = [...groups.values()].map((group) => {
    const names = group.map((e) => e.name).join(', ')
    const [first] = group
    return `${names}\n${first?.license}\n${first?.text}`.trim()
  })
  return `${blocks.join('\n\n')}\n`
}

if (process.argv[1]?.endsWith('dedupe-licenses.ts')) {
  const file = process.argv[2] ?? 'dist/licenses.txt'
  // Every installed package, nested ones included, as package-lock.json records them.
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, unknown> }
  const installed = new Set(Object.keys(lock.packages).map((path) => path.replace(/^.*node_modules\//, '')))
  const isPackage = (name: string): boolean => installed.has(name)
  const entries = parseLicenses(readFileSync(file, 'utf8'), isPackage)
  writeFileSync(file, groupLicenses(entries))
  console.log(`${file}: ${entries.length} packages, ${new Set(entries.map((e) => e.license + e.text)).size} distinct license texts`)
}
