// The README, CONTRIBUTING and the reference pages in docs/ link to each other: every relative link must reach a
// file that exists and, with #anchor, a heading of that file (as GitHub makes anchors from headings).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'

const root = new URL('../../', import.meta.url).pathname
const pages = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(root, 'docs')).map((name) => join('docs', name))].filter((page) =>
  page.endsWith('.md')
)

/** Markdown outside fenced code blocks, where links and headings are. */
function prose(markdown: string): string[] {
  let fenced = false
  return markdown.split('\n').filter((line) => {
    if (line.startsWith('```')) fenced = !fenced
    return !fenced && !line.startsWith('```')
  })
}

/** GitHub's anchor for a heading: lower case, punctuation dropped (hyphens and underscores kept), spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/ /g, '-')
}

function anchors(page: string): Set<string> {
  const headings = prose(readFileSync(join(root, page), 'utf8')).flatMap((line) => /^#{1,6} (.*)$/.exec(line)?.[1] ?? [])
  return new Set(headings.map(anchorOf))
}

function brokenLinks(page: string): string[] {
  const lines = prose(readFileSync(join(root, page), 'utf8'))
  const links = lines.flatMap((line) => [...line.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? ''))
  return links
    .filter((link) => !/^[a-z]+:/.test(link))
    .flatMap((link) => {
      const [path = '', anchor] = link.split('#')
      const target = path === '' ? page : normalize(join(dirname(page), path))
      if (!existsSync(join(root, target))) return [`${page}: ${link} (no file ${target})`]
      if (anchor === undefined || !target.endsWith('.md')) return []
      return anchors(target).has(anchor) ? [] : [`${page}: ${link} (no heading #${anchor} in ${target})`]
    })
}

test("GitHub's anchors: punctuation and backticks dropped, underscores and hyphens kept", () => {
  expect(anchorOf('`pull_request_target` and forks')).toBe('pull_request_target-and-forks')
  expect(anchorOf('Pass, fail, cancel')).toBe('pass-fail-cancel')
  expect(anchorOf("See the build's log in GitHub")).toBe('see-the-builds-log-in-github')
})

test('every relative link in README.md, CONTRIBUTING.md and docs/ reaches its file and heading', () => {
  expect(pages.length).toBeGreaterThan(5)
  expect(pages.flatMap(brokenLinks)).toEqual([])
})
