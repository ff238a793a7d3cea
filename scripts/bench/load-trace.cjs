// Preloaded with `node --require` into the action's process (by __tests__/e2e/lazy-loading.test.ts): appends the URL of
// every file module Node loads (the bundle, and each chunk a dynamic import brings in) to $LOAD_TRACE_FILE.
// CommonJS and Node's own synchronous module hooks, so that nothing here changes what the bundle loads.
const { appendFileSync } = require('node:fs')
const { registerHooks } = require('node:module')

const file = process.env.LOAD_TRACE_FILE
if (file) {
  registerHooks({
    load(url, context, nextLoad) {
      if (url.startsWith('file:')) appendFileSync(file, `${url}\n`)
      return nextLoad(url, context)
    }
  })
}
