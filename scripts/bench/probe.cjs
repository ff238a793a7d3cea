// Preloaded with `node --require` into a measured process (the action or the floor), CommonJS so it adds no
// ES module loader of its own. It writes, when asked through the environment:
// - $BENCH_RSS_FILE: on exit, the peak resident set size (process.resourceUsage().maxRSS, KiB: getrusage's ru_maxrss);
// - $BENCH_CPU_FILE: on exit, the CPU time the whole process used (user + system, ms);
// - $BENCH_FIRST_REQUEST_FILE: when the process creates its first HTTP request, the CPU time it has used so far
//   (user + system, ms), the figure that machine load does not inflate the way it inflates wall time.
const { writeFileSync } = require('node:fs')
const diagnostics = require('node:diagnostics_channel')

const rssFile = process.env.BENCH_RSS_FILE
if (rssFile) process.on('exit', () => writeFileSync(rssFile, String(process.resourceUsage().maxRSS)))

const cpuFile = process.env.BENCH_CPU_FILE
if (cpuFile)
  process.on('exit', () => {
    const { user, system } = process.cpuUsage()
    writeFileSync(cpuFile, String((user + system) / 1000))
  })

const firstRequestFile = process.env.BENCH_FIRST_REQUEST_FILE
if (firstRequestFile) {
  const onRequest = () => {
    diagnostics.unsubscribe('http.client.request.created', onRequest)
    const { user, system } = process.cpuUsage()
    writeFileSync(firstRequestFile, String((user + system) / 1000))
  }
  diagnostics.subscribe('http.client.request.created', onRequest)
}
