// The follow inputs: execution-id (follow that execution) and follow-trigger (wait for the execution the
// pipeline's own trigger starts for this commit). Both mean the step starts nothing, so the inputs that
// only shape a start, or a stop, make no sense with them and are refused before any AWS call.
import { InputError, readBoolean, readMinutes, type InputReader } from './readers.js'

/** Follow an execution the step does not start: a named one, or the one the trigger starts for the commit. */
export type FollowSettings = { kind: 'execution'; executionId: string } | { kind: 'trigger'; timeoutMs: number }

// The model's PipelineExecutionId pattern.
const EXECUTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** What the other inputs say, for the combination checks. */
export interface StartInputs {
  variablesGiven: boolean
  sourceRevisionsGiven: boolean
  wait: boolean
  pinCommit: boolean
  stopOnTimeout: boolean
  abandonOnCancel: boolean
  clientRequestTokenGiven: boolean
  /** artifact or image-digest: follow-trigger then matches by the artifact, not by the commit. */
  artifactGiven?: boolean
}

export function readFollow(read: InputReader): FollowSettings | undefined {
  const executionId = read('execution-id')
  const followTrigger = readBoolean(read, 'follow-trigger')
  const timeoutMs = readMinutes(read, 'trigger-timeout-minutes')
  if (executionId !== '' && followTrigger) {
    throw new InputError(
      'Inputs execution-id and follow-trigger are both set; use one (execution-id follows that execution, follow-trigger waits for the one the trigger starts).'
    )
  }
  if (executionId !== '') {
    if (!EXECUTION_ID.test(executionId)) {
      throw new InputError(
        `Input execution-id '${executionId}' is not an execution id; pass one such as 3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f.`
      )
    }
    return { kind: 'execution', executionId }
  }
  if (!followTrigger) return undefined
  if (timeoutMs === undefined)
    throw new InputError('Input trigger-timeout-minutes is empty; set it to how long to wait for the trigger, e.g. 10.')
  return { kind: 'trigger', timeoutMs }
}

/** The first input that makes no sense while following, with why; undefined when they all do. */
function conflict(given: StartInputs, kind: FollowSettings['kind']): [string, string] | undefined {
  if (given.variablesGiven) return ['variables', 'they are passed to a start only']
  if (given.sourceRevisionsGiven) return ['source-revisions', 'they are passed to a start only']
  if (given.clientRequestTokenGiven) return ['client-request-token', 'it is passed to a start only']
  if (!given.wait) return ['wait: false', 'following is waiting']
  if (given.stopOnTimeout) return ['stop-on-timeout', 'the action never stops an execution it did not start']
  if (given.abandonOnCancel) return ['abandon-on-cancel', 'the action never stops an execution it did not start']
  if (kind === 'trigger' && !given.pinCommit && !given.artifactGiven)
    return ['pin-commit: false', 'follow-trigger matches the execution by its commit']
  return undefined
}

/** Refuses the inputs that only shape a start (or a stop) when the step follows instead. */
export function checkFollowCombinations(follow: FollowSettings | undefined, given: StartInputs): void {
  if (!follow) return
  const found = conflict(given, follow.kind)
  if (!found) return
  const [input, why] = found
  const mode = follow.kind === 'execution' ? 'execution-id' : 'follow-trigger'
  throw new InputError(
    `Input ${input} makes no sense with ${mode}, which follows an execution this step does not start (${why}); remove one.`
  )
}
