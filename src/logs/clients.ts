// The boundary that keeps the CloudWatch Logs and CodeBuild SDK clients out of start-up: sdk.ts (and the two
// clients it imports) is evaluated the first time a log is actually read. A run with logs: none, or a
// successful run with logs: failed, never evaluates it. "eager" keeps it in the one bundle file for now (ncc
// writes licenses.txt for one chunk only); a separate chunk needs only this import to change.
import type { LogReader } from './types.js'

export async function loadLogReader(region: string): Promise<LogReader> {
  const { createSdkLogReader } = await import(/* webpackMode: "eager" */ './sdk.js')
  return createSdkLogReader(region)
}
