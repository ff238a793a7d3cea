// The boundary that keeps the CloudWatch Logs and CodeBuild SDK clients out of start-up: sdk.ts (and the two
// clients it imports) is a chunk of its own in the bundle (dist/NNN.index.js), loaded the first time a log is
// actually read. A run with logs: none, or a successful run with logs: failed, never loads it.
import type { LogReader } from './types.js'

export async function loadLogReader(region: string): Promise<LogReader> {
  const { createSdkLogReader } = await import('./sdk.js')
  return createSdkLogReader(region)
}
