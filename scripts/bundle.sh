#!/usr/bin/env bash
# Builds what users run, each a bundle of its own, unminified so a reviewer pinning a commit can read it, with a
# source map for readable stack traces: dist/index.js (main's tiny entry: it installs the signal handlers, then
# loads dist/main/index.js, the rest of main) and dist/post/index.js (post).
# What a run loads only sometimes (octokit for github-token, the log readers) is a chunk of its own
# (dist/main/NNN.index.js), loaded by a dynamic import when used; so is the AWS SDK, which every main step loads
# once its inputs are good: several files instead of one huge one lower the peak RSS (issue 23), and the post step
# loads it only to stop an execution. licenses.txt is written from the source maps
# (main's in dist/licenses.txt: the entry itself bundles no package), and the bundles and chunks are made pure
# ASCII (scripts/ascii-bundle.ts): V8 then keeps them in memory at one byte a character.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
ncc build src/index.ts -o dist --source-map --no-source-map-register --quiet
ncc build src/main.ts -o dist/main --source-map --no-source-map-register --quiet
ncc build src/post-index.ts -o dist/post --source-map --no-source-map-register --quiet
tsx scripts/dedupe-licenses.ts dist/main dist/post
mv dist/main/licenses.txt dist/licenses.txt
tsx scripts/ascii-bundle.ts dist/index.js dist/main/index.js dist/post/index.js
tsx scripts/ascii-bundle.ts --chunks dist/main/*.index.js dist/post/*.index.js
