#!/usr/bin/env bash
# Runs every benchmark program in BUILD/bench and keeps machine-readable results next to them
# (BUILD/bench/results/NAME.json). Benchmarks report speed; they never fail on it.
# Usage: scripts/run-benchmarks.sh [BUILD] [extra Google Benchmark flags...]
set -euo pipefail
build="${1:-build}"; shift || true
out="$build/bench/results"
mkdir -p "$out"
found=0
for bench in "$build"/bench/*_bench; do
  [ -x "$bench" ] || continue
  found=1
  name=$(basename "$bench")
  echo "== $name"
  "$bench" --benchmark_out="$out/$name.json" --benchmark_out_format=json "$@"
done
if [ $found -eq 0 ]; then
  echo "run-benchmarks: no benchmark programs in $build/bench (configure with -DHOTLINE_BENCH=ON)" >&2
  exit 1
fi
echo "results: $out/"
