// Which execution the trigger started for the commit (pure), and the wait for it (fake clock and port).
import type { ListedExecution } from '../../src/codepipeline/port.js'
import { findTriggered, FIRST_PAUSE_MS, MAX_PAUSE_MS, TWIN_CHECK_MS } from '../../src/execution/find-trigger.js'
import { matchTriggered, notFoundSentence, plain, severalSentence, type TriggerTarget } from '../../src/execution/follow.js'
import { eventTime } from '../../src/github/event-time.js'
import { FakeClock, FakeLog, FakePort } from '../support/fakes.js'

const SHA = 'a'.repeat(40)
const OTHER = 'b'.repeat(40)
const T = 1_000_000
const target: TriggerTarget = { pipelineName: 'p', sourceAction: 'App', commitId: SHA, notBeforeMs: T }

let n = 0
function listed(over: Partial<ListedExecution> & { commit?: string; action?: string } = {}): ListedExecution {
  const { commit = SHA, action = 'App', ...rest } = over
  return {
    id: `0000000${++n}-0000-0000-0000-000000000000`.slice(-36),
    status: 'InProgress',
    startTime: T + 1000,
    sourceRevisions: [{ actionName: action, revisionId: commit }],
    triggerType: 'WebhookV2',
    ...rest
  }
}

describe('matchTriggered', () => {
  test('the trigger execution for the commit, not the newest one and not an older run of the same commit', () => {
    const right = listed()
    const newer = listed({ commit: OTHER, startTime: T + 9000 })
    const older = listed({ startTime: T - 1 })
    expect(matchTriggered([newer, right, older], target)).toEqual({ kind: 'one', execution: right, byTrigger: true })
  })
  test('the commit must be on the source action named, compared without regard to case', () => {
    expect(matchTriggered([listed({ action: 'Other' })], target).kind).toBe('none')
    expect(matchTriggered([listed({ commit: SHA.toUpperCase() })], target).kind).toBe('one')
  })
  test('with an artifact, the exact revision (an S3 VersionId is case-sensitive) on its action, whatever the commit', () => {
    const artifact = { ...target, sourceAction: 'Art', artifact: { revision: 'aBc.V1', label: 's3://b/k aBc.V1' } }
    const ours = listed({ action: 'Art', commit: 'aBc.V1', triggerType: 'CloudWatchEvent' })
    const olderUpload = listed({ action: 'Art', commit: 'aBc.V0', triggerType: 'CloudWatchEvent' })
    const newerUpload = listed({ action: 'Art', commit: 'aBc.V2', triggerType: 'CloudWatchEvent', startTime: T + 9000 })
    expect(matchTriggered([newerUpload, ours, olderUpload], artifact)).toEqual({ kind: 'one', execution: ours, byTrigger: true })
    expect(matchTriggered([listed({ action: 'Art', commit: 'ABC.V1' })], artifact).kind).toBe('none')
    expect(notFoundSentence(artifact, 10, [])).toMatch(
      /^No execution of pipeline p for artifact s3:\/\/b\/k aBc.V1 \(revision aBc.V1\) on source action Art/
    )
  })
  test('without a start time it cannot be told from a past run: not taken', () => {
    expect(matchTriggered([listed({ startTime: undefined })], target).kind).toBe('none')
  })
  test('every change-detection trigger counts; rollbacks, CreatePipeline and unknown types never do', () => {
    for (const triggerType of ['WebhookV2', 'Webhook', 'CloudWatchEvent', 'PutActionRevision', 'PollForSourceChanges'])
      expect(matchTriggered([listed({ triggerType })], target).kind).toBe('one')
    for (const triggerType of ['ManualRollback', 'AutomatedRollback', 'CreatePipeline', 'SomethingNew', undefined])
      expect(matchTriggered([listed({ triggerType })], target).kind).toBe('none')
  })
  test('StartPipelineExecution only when no trigger started one', () => {
    const api = listed({ triggerType: 'StartPipelineExecution' })
    expect(matchTriggered([api], target)).toEqual({ kind: 'one', execution: api, byTrigger: false })
    const hook = listed()
    expect(matchTriggered([api, hook], target)).toEqual({ kind: 'one', execution: hook, byTrigger: true })
  })
  test('two trigger executions for the commit: both named, none picked', () => {
    const push = listed()
    const pr = listed({ triggerType: 'CloudWatchEvent' })
    expect(matchTriggered([pr, push], target)).toEqual({ kind: 'several', executions: [pr, push] })
  })
})

describe('sentences', () => {
  test('nothing found: the commit, the source action, what was found, what to check', () => {
    const sentence = notFoundSentence(target, 10, [
      listed({ commit: OTHER, id: 'e1' }),
      listed({ triggerType: 'StartPipelineExecution', id: 'e2' })
    ])
    expect(sentence).toContain(`commit ${SHA} on source action App`)
    expect(sentence).toContain('appeared within 10 min (trigger-timeout-minutes)')
    expect(sentence).toContain('e1 (commit bbbbbbbbbbbb on App, WebhookV2, started ')
    expect(sentence).toContain('e2 (commit aaaaaaaaaaaa on App, StartPipelineExecution, started ')
    expect(sentence).toMatch(/check that the pipeline's trigger filters .* match this event\.$/)
    expect(sentence).not.toContain('\n')
    expect(notFoundSentence(target, 0.5, [])).toContain('the pipeline has no executions at all')
  })
  test('two found: both named', () => {
    const sentence = severalSentence(target, [listed({ id: 'one' }), listed({ id: 'two', triggerType: 'CloudWatchEvent' })])
    expect(sentence).toMatch(/^2 executions .*: one \(.*WebhookV2.*\) and two \(.*CloudWatchEvent.*\); .*set execution-id/)
  })
  test('text from AWS cannot form a workflow command or markup', () => {
    expect(plain('::error::x<b>')).toBe('errorxb')
    expect(plain(undefined)).toBe('?')
    const sentence = notFoundSentence(target, 1, [listed({ id: '\n::warning::pwned', triggerType: '<img src=x>' })])
    expect(sentence).not.toMatch(/::|<|\n/)
  })
})

describe('eventTime', () => {
  test('per event, the field that says when it happened', () => {
    expect(eventTime({ eventName: 'pull_request', payload: { pull_request: { updated_at: '2026-01-01T00:00:10Z' } } })).toEqual({
      ms: Date.UTC(2026, 0, 1, 0, 0, 10),
      source: 'pull_request pull_request.updated_at'
    })
    expect(eventTime({ eventName: 'push', payload: { repository: { pushed_at: 1_700_000_000 } } })?.ms).toBe(1_700_000_000_000)
    expect(
      eventTime({ eventName: 'merge_group', payload: { merge_group: { head_commit: { timestamp: '2026-01-01T00:00:00Z' } } } })?.source
    ).toBe('merge_group merge_group.head_commit.timestamp')
    expect(eventTime({ eventName: 'workflow_dispatch', payload: {} })).toBeUndefined()
    expect(eventTime({ eventName: 'push', payload: { repository: { pushed_at: 'soon' } } })).toBeUndefined()
  })
})

describe('findTriggered', () => {
  const retry = { outageToleranceMs: 60_000, backoff: () => 1000 }
  function setup(pages: ListedExecution[][]) {
    const port = new FakePort()
    port.pages = pages.map((executions) => ({ executions }))
    const clock = new FakeClock()
    clock.time = T
    return { port, clock, deps: { port, clock, log: new FakeLog(), retry } }
  }

  test('looks at once, then backs off from 5 s to 30 s; checks once more for a twin before following', async () => {
    const right = listed()
    const { port, clock, deps } = setup([[], [], [], [], [], [], [], [right], [right]])
    await expect(findTriggered(deps, target, 600_000)).resolves.toBe(right)
    expect(clock.sleeps).toEqual([FIRST_PAUSE_MS, 7500, 11_250, 16_875, 25_312.5, MAX_PAUSE_MS, MAX_PAUSE_MS, TWIN_CHECK_MS])
    expect(port.ops().filter((op) => op === 'list')).toHaveLength(9)
  })

  test('a twin seen on the second look fails naming both', async () => {
    const push = listed()
    const pr = listed({ triggerType: 'CloudWatchEvent' })
    const { deps } = setup([[push], [pr, push]])
    await expect(findTriggered(deps, target, 600_000)).rejects.toThrow(/^2 executions of pipeline p were started for commit/)
  })

  test('nothing within the timeout: the sentence, after a last look at the deadline', async () => {
    const { port, clock, deps } = setup([[listed({ commit: OTHER })]])
    await expect(findTriggered(deps, target, 20_000)).rejects.toThrow(/^No execution of pipeline p for commit a{40} on source action App/)
    expect(clock.time).toBe(T + 20_000)
    expect(port.ops().filter((op) => op === 'list')).toHaveLength(4) // 0, 5, 12.5, 20 s
  })

  test('reads further pages only while they are still inside the window', async () => {
    const port = new FakePort()
    const inside = listed({ commit: OTHER })
    const right = listed({ startTime: T + 10 })
    const before = listed({ startTime: T - 5000, commit: OTHER })
    port.pages = [
      { executions: [inside], nextToken: 'p2' },
      { executions: [right, before], nextToken: 'p3' },
      { executions: [inside], nextToken: 'p2' },
      { executions: [right, before], nextToken: 'p3' }
    ]
    const clock = new FakeClock()
    clock.time = T
    await expect(findTriggered({ port, clock, log: new FakeLog(), retry }, target, 60_000)).resolves.toBe(right)
    expect(port.calls.map((c) => c.args[2])).toEqual([undefined, 'p2', undefined, 'p2'])
  })

  test('pages back to the window 100 at a time; cut short at 2,000, says so once, and the failure says it too', async () => {
    const port = new FakePort()
    const page = Array.from({ length: 100 }, () => listed({ commit: OTHER, startTime: T + 5000 }))
    port.pages = [{ executions: page, nextToken: 'more' }] // never reaches the window's start
    const clock = new FakeClock()
    clock.time = T
    const log = new FakeLog()
    const failure = findTriggered({ port, clock, log, retry }, target, 6000)
    await expect(failure).rejects.toThrow(/; the listing was cut short at the 2000 newest executions \(back to .*\), so an older one/)
    expect(port.calls.every((c) => c.args[1] === 100)).toBe(true)
    expect(port.ops().filter((op) => op === 'list')).toHaveLength(60) // looks at 0, 5 and 6 s (the deadline), 20 pages each
    expect(log.lines.filter((l) => l.startsWith('warning: Listed only the 2000 newest executions of pipeline p'))).toHaveLength(1)
  })
})
