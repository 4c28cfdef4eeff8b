#!/usr/bin/env bash
# The crash test 100 times over (CI runs it 10 times): `kill -9` under load, restart, and every
# acknowledged command must be in the store and in the rebuilt engine.
#   bench/crash_repeat.sh [BUILD_DIR] [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
rounds="${2:-100}"
HOTLINE_BIN="$build/hotline" HOTLINE_CRASH_ROUNDS="$rounds" node --test "$root/tests/e2e/crash.test.mjs"
