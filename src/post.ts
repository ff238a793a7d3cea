// The post step's entry, a bundle of its own (dist/post/index.js): it can only stop what main saved it
// had started, never start anything. With nothing saved, it does nothing. The AWS SDK is a chunk of its own
// (dist/post/NNN.index.js), imported only to stop an execution: the usual post step, after a main step that
// saw its execution end, reads its state and exits without evaluating any of it.
import * as core from '@actions/core'
import { systemClock } from './clock.js'
import { safeLog } from './report/log-text.js'
import { describeRun, readGitHubContext } from './github/context.js'
import { withDefaults } from './inputs/defaults.js'
import { readBoolean } from './inputs/readers.js'
import { readInput, reportFailure } from './step-io.js'
import { runPostStep } from './post-step.js'
import { ActionState } from './state.js'

export async function runPost(): Promise<void> {
  try {
    const read = withDefaults(readInput)
    await runPostStep({
      saved: new ActionState(core).read(),
      readStopSettings: () => ({
        stopOnCancel: readBoolean(read, 'stop-on-cancel'),
        abandonOnCancel: readBoolean(read, 'abandon-on-cancel')
      }),
      createPort: async (region) => (await import('./codepipeline/port.js')).createCodePipelinePort({ region }),
      log: safeLog(core),
      clock: systemClock,
      workflowRun: describeRun(readGitHubContext())
    })
  } catch (err) {
    reportFailure(err)
  }
}

/** The post step as @github/local-action runs it (`--post src/post.ts`): the convention's `run()`. */
export const run = runPost
