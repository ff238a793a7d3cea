// The main step's entry (dist/index.js), a bundle of its own and a tiny one: it installs the signal handlers,
// then loads the rest (dist/main/index.js, from main.ts). Parsing that bundle takes a few hundred milliseconds on a
// busy runner; a cancel in that time is kept and handled as soon as the step can, before it starts anything.
import type { runMain as RunMain } from './main.js'
import { SignalInbox } from './signal-inbox.js'

const signals = new SignalInbox(process)
// A path the bundler leaves alone: main.ts is bundled on its own (scripts/bundle.sh), next to this file.
const mainBundle = './main/index.js'
const { runMain } = (await import(/* webpackIgnore: true */ mainBundle)) as { runMain: typeof RunMain }
await runMain(signals)
