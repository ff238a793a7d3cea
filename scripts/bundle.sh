#!/usr/bin/env bash
# Builds what users run: dist/index.js (main) and dist/post/index.js (post), each a bundle of its own,
# unminified so a reviewer pinning a commit can read it, with a source map for readable stack traces.
# What a run loads only sometimes (octokit for github-token, the log readers) is a chunk of its own
# (dist/NNN.index.js), loaded by a dynamic import when used. licenses.txt is written from the source maps, and
# the two bundles every run loads are made pure ASCII (scripts/ascii-bundle.ts): V8 then keeps them in memory at one
# byte a character.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
ncc build src/index.ts -o dist --source-map --no-source-map-register --quiet
ncc build src/post-index.ts -o dist/post --source-map --no-source-map-register --quiet
tsx scripts/dedupe-licenses.ts dist dist/post
tsx scripts/ascii-bundle.ts dist/index.js dist/post/index.js
