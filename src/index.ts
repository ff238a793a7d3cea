// The main step's bundle entry (dist/index.js).
import { runMain } from './main.js'

await runMain()
