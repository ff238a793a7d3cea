import type { LooseJson } from '../support/json.js'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { GetPipelineExecutionCommand, ListPipelineExecutionsCommand, StartPipelineExecutionCommand } from '@aws-sdk/client-codepipeline'
import { loadPipelines, samplePipeline } from '../../emulator/index.js'
import { normalizePipeline } from '../../emulator/spec.js'
import { harness } from '../support/emulator.js'
import { tempDir } from '../support/temp.js'

const dir = tempDir('emulator-spec-')
const write = (name: string, text: string) => {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}

const yamlSpec = `
pipelines:
  - name: from-yaml
    executionMode: QUEUED
    variables: [{ name: DEPLOY_ENV, defaultValue: staging }]
    stages:
      - name: Source
        actions:
          - name: Source
            category: Source
            provider: CodeStarSourceConnection
            configuration: { FullRepositoryId: octo-org/octo-repo, BranchName: main }
            durationSeconds: 0.5
      - name: Build
        actions:
          - name: Build
            category: Build
            provider: CodeBuild
            durationSeconds: 1.5
            outcome: Failed
            errorMessage: tests failed
            externalUrl: https://example.test/logs/{externalExecutionId}
    history:
      - { status: Failed, durationSeconds: 61.3, startedSecondsAgo: 3600 }
`

test('a YAML file runs as written', async () => {
  const specs = loadPipelines(write('pipelines.yaml', yamlSpec))
  const { emulator, clock, cp } = await harness({ pipelines: specs })
  const { pipelineExecutionId } = await cp.send(new StartPipelineExecutionCommand({ name: 'from-yaml' }))
  clock.advance(1.9)
  const get = () => cp.send(new GetPipelineExecutionCommand({ pipelineName: 'from-yaml', pipelineExecutionId }))
  expect((await get()).pipelineExecution?.status).toBe('InProgress')
  clock.advance(0.1)
  expect((await get()).pipelineExecution).toMatchObject({
    status: 'Failed',
    executionMode: 'QUEUED',
    statusSummary: expect.stringContaining('tests failed')
  })
  const { pipelineExecutionSummaries } = await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'from-yaml' }))
  expect(pipelineExecutionSummaries?.[1]).toMatchObject({ status: 'Failed' })
  const history = pipelineExecutionSummaries![1]
  expect(history.lastUpdateTime!.getTime() - history.startTime!.getTime()).toBe(61_300)
  await emulator.close()
})

test('JSON and .yml files load the same way', () => {
  const json = JSON.stringify({ pipelines: [samplePipeline()] })
  expect(loadPipelines(write('p.json', json))).toEqual([samplePipeline()])
  expect(loadPipelines(write('p.yml', yamlSpec))[0].name).toBe('from-yaml')
})

test('bad files and specs fail with one line naming the field', () => {
  expect(() => loadPipelines(write('p.txt', '{}'))).toThrow(/must end in .json, .yaml or .yml/)
  expect(() => loadPipelines(write('empty.yaml', 'other: 1'))).toThrow(/top-level "pipelines" list/)
  const bad = yamlSpec.replace('category: Build', 'category: Bild')
  expect(() => loadPipelines(write('bad.yaml', bad))).toThrow(/pipelines\[0\]\.stages\[1\]\.actions\[0\]\.category: must be one of/)
  const spec = samplePipeline()
  expect(() => normalizePipeline({ ...spec, stages: [spec.stages[1]] })).toThrow(
    /stages\[0\]: the first stage must contain only Source actions/
  )
  expect(() => normalizePipeline({ ...spec, stages: [spec.stages[0], spec.stages[0]] })).toThrow(/duplicate name 'Source'/)
})

test('the sample pipeline: a GitHub source for the webhook examples repository, build and deploy, about 10 s', () => {
  const examples = JSON.parse(readFileSync('node_modules/@octokit/webhooks-examples/api.github.com/index.json', 'utf8')) as LooseJson[]
  const opened = examples.find((e) => e.name === 'pull_request').examples.find((e: LooseJson) => e.action === 'opened')
  const sample = normalizePipeline(samplePipeline())
  expect(sample.name).toBe('sample-pipeline')
  expect(sample.stages[0].actions[0]).toMatchObject({
    provider: 'CodeStarSourceConnection',
    configuration: expect.objectContaining({ FullRepositoryId: opened.repository.full_name })
  })
  expect(sample.stages.map((s) => s.actions[0].category)).toEqual(['Source', 'Build', 'Deploy'])
  const total = sample.stages.reduce((sum, s) => sum + Math.max(...s.actions.map((a) => a.durationMs)), 0)
  expect(total).toBeGreaterThanOrEqual(8000)
  expect(total).toBeLessThanOrEqual(12000)
  expect(sample.history.length).toBeGreaterThanOrEqual(3)
  const failing = normalizePipeline(samplePipeline({ fail: true }))
  expect(failing.stages[1].actions[0]).toMatchObject({
    outcome: 'Failed',
    errorMessage: expect.stringContaining('COMMAND_EXECUTION_ERROR')
  })
  expect(failing.stages[1].actions[0].externalUrl).toContain('codebuild')
})
