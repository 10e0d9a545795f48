#!/usr/bin/env bash
# Prints the path of Debian's Chromium for the browser tests, installing it with apt-get first
# when it is missing and this runs as root. Never downloads a browser any other way.
set -euo pipefail
path=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$path" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "chromium.sh: no Chromium at $path; installing Debian's chromium with apt-get" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
fi
[ -x "$path" ] || { echo "chromium.sh: no Chromium at $path; install it (Debian/Ubuntu: 'sudo apt-get install chromium') or set CHROMIUM_PATH" >&2; exit 1; }
echo "$path"
