#!/usr/bin/env bash
# Installs the npm client library of one directory (graphql-client, oauth-client), exactly as its
# committed lock file has it, for the integration tests that drive the server with a real client
# library. Without Node.js or npm on the machine it installs nothing and says so; the tests that
# need the library then skip with the same message instead of failing.
set -euo pipefail
cd "$(dirname "$0")/$1"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Tests with the client library in $1 will be skipped: install Node.js 20+ with npm" >&2
  exit 0
fi
npm ci --prefer-offline --no-audit --no-fund --loglevel=error
