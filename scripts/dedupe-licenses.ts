// Writes a bundle's licenses.txt: every package whose code is in the bundle (its entry and its lazily loaded
// chunks, as their source maps list them) with its license. ncc's own --license output covers only the last
// chunk it emits, so it is not used. Dozens of AWS SDK packages carry the same Apache-2.0 text: each distinct
// text is printed once, under the list of packages it covers, so dist/ ships every notice without repeats.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

interface Entry {
  name: string
  license: string
  text: string
}

/** Package folders (relative to the repository, nested ones included) that the source maps' sources come from. */
export function bundledPackages(sources: string[]): Map<string, string> {
  const packages = new Map<string, string>()
  for (const source of sources) {
    const m = /^(?:.*\/)?(node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(source.replace(/^(?:\.\.?\/)+/, ''))
    const [, inModules, name] = m ?? []
    if (inModules === undefined || name === undefined) continue
    const folder = source.slice(0, source.lastIndexOf(inModules) + inModules.length).replace(/^(?:\.\.?\/)+/, '')
    packages.set(folder, name)
  }
  return packages
}

function licenseText(folder: string): string {
  const file = readdirSync(folder).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f))
  return file === undefined ? '' : readFileSync(join(folder, file), 'utf8').trim()
}

function readEntry(root: string, folder: string, name: string): Entry {
  const manifest = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as { license?: string }
  return { name, license: manifest.license ?? 'UNKNOWN', text: licenseText(join(root, folder)) }
}

export function groupLicenses(entries: Entry[]): string {
  const groups = new Map<string, Entry[]>()
  for (const entry of entries) {
    const key = `${entry.license}\n${entry.text}`
    groups.set(key, [...(groups.get(key) ?? []), entry])
  }
  const blocks = [...groups].map(([licenseAndText, group]) => {
    const names = [...new Set(group.map((e) => e.name))].join(', ')
    return `${names}\n${licenseAndText}`.trim()
  })
  return `${blocks.join('\n\n')}\n`
}

/** The licenses of one bundle folder (e.g. dist or dist/post): its own .map files, not its subfolders'. */
export function bundleLicenses(root: string, bundleDir: string): { text: string; packages: number; texts: number } {
  const maps = readdirSync(bundleDir).filter((f) => f.endsWith('.js.map'))
  const sources = maps.flatMap((f) => (JSON.parse(readFileSync(join(bundleDir, f), 'utf8')) as { sources: string[] }).sources)
  const packages = [...bundledPackages(sources)].filter(([folder]) => existsSync(join(root, folder, 'package.json')))
  const entries = packages.map(([folder, name]) => readEntry(root, folder, name)).sort((a, b) => a.name.localeCompare(b.name))
  return { text: groupLicenses(entries), packages: entries.length, texts: new Set(entries.map((e) => e.license + e.text)).size }
}

if (process.argv[1]?.endsWith('dedupe-licenses.ts')) {
  for (const dir of process.argv.slice(2)) {
    const { text, packages, texts } = bundleLicenses(process.cwd(), dir)
    writeFileSync(join(dir, 'licenses.txt'), text)
    console.log(`${dir}/licenses.txt: ${packages} packages, ${texts} distinct license texts`)
  }
}
