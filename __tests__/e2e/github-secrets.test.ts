// mask-variables and the github token in what the action sends GitHub through the API (issue 20, defect 2): the
// runner masks the log and the job summary, not the check run or the commit status. dist/ against the local
// service and the stand-in GitHub API; nothing any request carries may show a masked value, in any form.
import type { ActionSpec, PipelineSpec } from '../../emulator/index.js'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { startGitHubApi, type GitHubApi } from '../../harness/github-api.js'
import { runAction } from '../../harness/runner.js'
import { escapeText } from '../../src/report/markup.js'
import { uniqueName } from '../support/e2e.js'
import { shortPipeline } from '../support/pipelines.js'

const TOKEN = 'ghs_' + 'Tk9'.repeat(12)
const SECRET = 'DbPasswordDoNotLeak0123456789' // URL, given as an input
const SPECIAL = `S3cr<et>&"Quote'DoNotLeak` // DEPLOY_ENV, given as an input: escaped in markup
// CERT: not given, so its multi-line default resolves; masked as the declaration says it, before the start.
const CERT_LINES = ['CertLineOneDoNotLeak0001', 'CertLineTwoDoNotLeak0002']
const CERT = CERT_LINES.join('\n')

let emulator: Emulator
let github: GitHubApi
beforeAll(async () => {
  emulator = await startEmulator({ pipelines: [] })
  github = await startGitHubApi()
})
afterAll(async () => Promise.all([emulator.close(), github.close()]))

/** shortPipeline, with the masked values in the failure, the build log and an output variable. */
function leakyPipeline(name: string): PipelineSpec {
  // "Failed: Action 'Compile' in stage 'Build' failed: " and the padding put SECRET across the status's 140-character cut.
  const error = `${'padding '.repeat(10)}${SECRET} as ${SPECIAL} with\n${CERT}`
  const spec = shortPipeline({ name, buildFails: true, buildError: error, buildSeconds: 1 })
  spec.variables = [...(spec.variables ?? []), { name: 'CERT', defaultValue: CERT }]
  const [source, build]: ActionSpec[] = spec.stages.map((s) => s.actions[0])
  source.revisionSummary = `release with ${SECRET}` // the CommitMessage output variable
  build.configuration = { ProjectName: 'app' }
  build.logs = ['npm test', `connecting as ${SPECIAL} to ${SECRET}`, ...CERT_LINES, 'exit 1']
  return spec
}

test('masked values and the token never reach GitHub: check run (live and completed), annotation, commit status', async () => {
  const name = uniqueName('gh-secrets')
  emulator.addPipeline(leakyPipeline(name))
  const result = await runAction({
    endpoint: emulator.url,
    inputs: {
      'pipeline-name': name,
      variables: `DEPLOY_ENV=${SPECIAL}\nURL=${SECRET}`,
      'mask-variables': 'true',
      'github-token': TOKEN,
      'check-run': 'true',
      logs: 'failed'
    },
    env: { GITHUB_API_URL: github.url }
  })
  expect(result.code).toBe(1)
  expect(result.outputs.status).toBe('Failed')
  const sent = github.requests.filter((r) => r.path.includes(`/check-runs`) || r.path.includes('/statuses/'))
  expect(sent.length).toBeGreaterThanOrEqual(4)
  const everything = JSON.stringify(sent.map((r) => r.body))
  const forms = [TOKEN, SECRET, SPECIAL, escapeText(SPECIAL), ...CERT_LINES, SECRET.slice(0, 6), escapeText(SPECIAL).slice(0, 8)]
  for (const form of forms)
    expect({ form, leaked: everything.includes(JSON.stringify(form).slice(1, -1)) }).toEqual({ form, leaked: false })

  // Redacted where they were, as the runner shows them: ***.
  const check = [...github.checkRuns.values()].find((r) => r.name === `CodePipeline / ${name}`)
  expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' })
  const annotation = check?.output.annotations[0]
  expect(annotation?.message).toContain('padding *** as *** with')
  expect(annotation?.message).toMatch(/connecting as \*\*\* to \*\*\*/)
  expect(check?.output.summary).toContain('release with ***')
  const statuses = sent.filter((r) => r.path.includes('/statuses/')).map((r) => r.body)
  expect(statuses.at(-1)).toMatchObject({ state: 'failure', description: expect.stringMatching(/padding \*\*\*…$/) as unknown })
})
