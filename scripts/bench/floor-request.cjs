// The cold-start floor: the cheapest honest "Node process that makes one HTTP request". CommonJS, because
// Node 24 starts a CommonJS script without its ES module loader (an .mjs floor pays ~70 ms more of it), and
// one http.request, run by the same Node binary as the action. Anything the action costs above this is ours.
const http = require('node:http')

const req = http.request(process.argv[2], { method: 'POST', headers: { 'x-amz-target': 'CodePipeline_20150709.BenchFloor' } }, (res) => {
  res.resume()
  res.on('end', () => process.exit(0))
})
req.on('error', () => process.exit(1))
req.end('{}')
