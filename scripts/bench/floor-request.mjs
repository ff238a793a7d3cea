// The cold-start floor: a bare Node process that makes one HTTP request to the service and exits.
// Plain JavaScript so Node runs it as is, like the bundled action.
import { request } from 'node:http'

const req = request(process.argv[2], { method: 'POST', headers: { 'x-amz-target': 'CodePipeline_20150709.BenchFloor' } }, (res) => {
  res.resume()
  res.on('end', () => process.exit(0))
})
req.on('error', () => process.exit(1))
req.end('{}')
