// The job summary when the step ends before it has an execution to follow (follow-trigger found none, or
// two, or the run was cancelled while it waited): what it looked for and why it stopped, escaped.
import { errorMessage } from '../errors.js'
import type { Log } from '../ports.js'
import { escapeText } from './markup.js'
import type { SummaryWriter } from './summary.js'

export async function reportNoExecution(deps: { summary: SummaryWriter; log: Log }, pipelineName: string, why: string): Promise<void> {
  try {
    deps.summary.addHeading(`CodePipeline ${escapeText(pipelineName)}: no execution followed`, 2)
    deps.summary.addRaw(`<p>${escapeText(why, 4000)}</p>`, true)
    deps.summary.addRaw('<p>This step starts nothing and stops nothing (execution-id, follow-trigger).</p>', true)
    await deps.summary.write()
  } catch (err) {
    deps.log.warning(`Could not write the job summary: ${errorMessage(err)}`)
  }
}
