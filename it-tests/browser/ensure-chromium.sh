#!/usr/bin/env bash
# Makes sure Debian's Chromium and ChromeDriver are present for the browser tests. On a machine
# without them the build installs them with apt-get when it runs as root (as CI does); otherwise it
# says what to install, and the browser tests skip with the same message.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium and chromium-driver for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
  exit 0
fi
echo "Browser tests will be skipped: install the packages chromium and chromium-driver" >&2
