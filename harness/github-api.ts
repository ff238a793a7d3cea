// A stand-in GitHub REST API on loopback: records every request and answers commit statuses as GitHub does.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface GitHubRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: Partial<Record<string, unknown>> // {} when the request had no body
}

export interface GitHubApi {
  url: string
  requests: GitHubRequest[]
  close(): Promise<void>
}

/** `status` lets a test make GitHub refuse (e.g. 403 without statuses: write). */
export async function startGitHubApi({ status = 201 } = {}): Promise<GitHubApi> {
  const requests: GitHubRequest[] = []
  const server = createServer((req, res) => {
    let text = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (text += chunk))
    req.on('end', () => {
      const body = text ? (JSON.parse(text) as GitHubRequest['body']) : {}
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body })
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify(
          status < 300
            ? { id: requests.length, state: body.state, context: body.context }
            : { message: 'Resource not accessible by integration' }
        )
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
