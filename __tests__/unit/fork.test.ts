import { explainForkCredentials, forkOf } from '../../src/github/fork.js'
import { awsError } from '../support/fakes.js'

function pr(head: string, base: string, eventName = 'pull_request') {
  return { eventName, payload: { pull_request: { head: { repo: { full_name: head } }, base: { repo: { full_name: base } } } } }
}

test('a pull_request whose head repository is not the base is from a fork', () => {
  expect(forkOf(pr('fork-owner/app', 'octo/app'))).toBe('fork-owner/app')
  expect(forkOf(pr('octo/app', 'octo/app'))).toBeUndefined()
  expect(forkOf(pr('Octo/App', 'octo/app'))).toBeUndefined()
  // pull_request_target runs in the base repository, with its secrets.
  expect(forkOf(pr('fork-owner/app', 'octo/app', 'pull_request_target'))).toBeUndefined()
  expect(forkOf({ eventName: 'pull_request', payload: {} })).toBeUndefined()
})

test('missing credentials on a fork: one sentence that says why', () => {
  const err = explainForkCredentials(
    awsError('CredentialsProviderError', 'Could not load credentials from any providers'),
    pr('fork-owner/app', 'octo/app')
  ) as Error
  expect(err.message).toMatch(
    /^No AWS credentials: this pull request comes from the fork fork-owner\/app, and GitHub gives workflows of pull requests from forks no secrets and no OIDC token/
  )
  expect(err.message).not.toContain('\n')
})

test('other errors, or no fork, are left alone', () => {
  const denied = awsError('AccessDeniedException')
  expect(explainForkCredentials(denied, pr('fork-owner/app', 'octo/app'))).toBe(denied)
  const missing = awsError('CredentialsProviderError')
  expect(explainForkCredentials(missing, pr('octo/app', 'octo/app'))).toBe(missing)
})
