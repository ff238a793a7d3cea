#!/usr/bin/env bash
# Builds what users run: dist/index.js (main) and dist/post/index.js (post), each a bundle of its own,
# unminified so a reviewer pinning a commit can read it, with a source map for readable stack traces.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
ncc build src/index.ts -o dist --source-map --no-source-map-register --license licenses.txt --quiet
ncc build src/post-index.ts -o dist/post --source-map --no-source-map-register --license licenses.txt --quiet
for f in dist/licenses.txt dist/post/licenses.txt; do tsx scripts/dedupe-licenses.ts "$f"; done
