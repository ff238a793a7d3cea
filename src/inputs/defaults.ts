// The one table of input defaults. It must say what action.yml says (a test compares them): the runner
// passes action.yml's default for every input the workflow leaves out, so the two can never differ.
import type { InputReader } from './readers.js'

export const INPUT_DEFAULTS: Readonly<Record<string, string>> = {
  variables: '',
  'commit-id': '',
  'source-action': '',
  'source-revisions': '',
  'pin-commit': 'true',
  wait: 'true',
  'stop-on-cancel': 'true',
  'abandon-on-cancel': 'false',
  'allow-superseded': 'false',
  'aws-region': '',
  'mask-variables': 'false',
  'check-run': 'false',
  'poll-interval-min-seconds': '1',
  // Empty: 60 s, or the minimum when that is larger (a 90 s minimum means "never more often than 90 s").
  'poll-interval-max-seconds': '',
  'wait-timeout-minutes': '',
  'stop-on-timeout': 'false',
  'outage-tolerance-minutes': '5',
  'start-retry-minutes': '5',
  'client-request-token': '',
  'wait-for-rollback': 'false',
  'execution-id': '',
  'follow-trigger': 'false',
  'trigger-timeout-minutes': '10',
  logs: 'failed',
  artifact: '',
  'artifact-key': '',
  'image-digest': '',
  approve: '',
  'on-rerun': 'retry'
}

/** The longest pause between polls when poll-interval-max-seconds is empty (unless the minimum is larger). */
export const DEFAULT_POLL_MAX_SECONDS = 60

/** Reads an input, or its default when the workflow left it out (as the runner does with action.yml). */
export function withDefaults(read: InputReader): InputReader {
  return (name) => {
    const value = read(name)
    return value === '' ? (INPUT_DEFAULTS[name] ?? '') : value
  }
}
