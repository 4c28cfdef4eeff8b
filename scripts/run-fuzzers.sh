#!/usr/bin/env bash
# Runs every libFuzzer target over its seed corpus for a short while (FUZZ_SECONDS, default 20).
# New inputs go to a scratch copy, so the committed corpus stays small and reviewed.
set -euo pipefail
build="${1:-build-fuzz}"
seconds="${2:-${FUZZ_SECONDS:-20}}"
root="$(cd "$(dirname "$0")/.." && pwd)"
status=0
for bin in "$build"/fuzz/*_fuzz; do
  name="$(basename "$bin" _fuzz)"
  work="$build/fuzz/corpus-run/$name"
  mkdir -p "$work"
  cp -n "$root/fuzz/corpus/$name/"* "$work/" 2>/dev/null || true
  echo "fuzz: $name for ${seconds}s"
  if ! "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=0 \
       -artifact_prefix="$build/fuzz/$name-" "$work" > "$build/fuzz/$name.log" 2>&1; then
    echo "fuzz: $name FAILED — see $build/fuzz/$name.log"; tail -40 "$build/fuzz/$name.log"; status=1
  else
    grep -E "^#[0-9]+.*DONE" "$build/fuzz/$name.log" | tail -1 || true
  fi
done
exit $status
