// Loaded with `node --import` into the action's process: on exit, writes the process's peak resident
// set size (process.resourceUsage().maxRSS, in KiB, i.e. getrusage's ru_maxrss) to $BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs'

const file = process.env.BENCH_RSS_FILE
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)))
