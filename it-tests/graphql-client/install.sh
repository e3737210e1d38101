#!/usr/bin/env bash
# Installs graphql-request and graphql, exactly as the committed lock file has them, for the
# GraphQL integration tests. Without Node.js or npm on the machine it installs nothing and says
# so; the tests that need the library then skip with the same message instead of failing.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "GraphQL client library tests will be skipped: install Node.js 20+ with npm" >&2
  exit 0
fi
npm ci --prefer-offline --no-audit --no-fund --loglevel=error
