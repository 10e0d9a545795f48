#!/usr/bin/env bash
# The soak of issue 17: ten minutes (SOAK_MINUTES) of 90% statuses and 10% follow toggles at 80%
# of the mix's measured capacity, against the whole service on a throwaway PostgreSQL, reported
# every 30 s. Not part of CI. Extra arguments go to bench/run.sh (--small for the small graph).
set -euo pipefail
cd "$(dirname "$0")/.."
exec bench/run.sh --only soak "$@"
