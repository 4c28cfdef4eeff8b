#!/usr/bin/env bash
# What one routing decision costs, counted by cachegrind rather than timed: instructions, L1
# data misses and L2 misses per decision, with the caches fixed (32 KB L1, 1 MB L2: the
# smaller of the machines this project has run on) so that the counts do not change with the
# machine they are taken on, for the three center sizes of routing_bench. Each workload runs
# twice, with 0 and with STEPS decisions, and the difference is divided by STEPS, so the set-up
# does not count.
# The counts repeat to the last digit from run to run; wall time on a shared machine does not.
#
# "cycles" is a rough model, instructions / 2.5 + 14 per L1 miss + 45 per L2 miss, good for
# comparing sizes and versions, not a measurement.
# Usage: bench/routing_cost.sh [BUILD] [STEPS] [STRATEGY]
set -euo pipefail
build="${1:-build}"
steps="${2:-20000}"
strategy="${3:-longest_idle}"
bin="$build/bench/routing_cost"
command -v valgrind >/dev/null || { echo "routing_cost: valgrind is not installed" >&2; exit 1; }
[ -x "$bin" ] || { echo "routing_cost: $bin not built" >&2; exit 1; }

# Prints "instructions l1_misses l2_misses" for one run.
counts() {
  valgrind --tool=cachegrind --cache-sim=yes --I1=32768,8,64 --D1=32768,8,64 --LL=1048576,8,64 \
    --cachegrind-out-file=/dev/null \
    "$bin" "$@" 2>&1 >/dev/null |
    awk '/I *refs/ {gsub(",","",$4); ir=$4}
         /D1  misses/ {gsub(",","",$4); d1=$4}
         /LLd misses/ {gsub(",","",$4); ll=$4}
         END {print ir, d1, ll}'
}

# One row: workload, shape, the per-decision counts.
row() {
  local workload=$1 agents=$2 queues=$3 skills=$4 waiting=$5
  local i0 d0 l0 i1 d1 l1
  read -r i0 d0 l0 < <(counts "$workload" "$agents" "$queues" "$skills" "$strategy" 0 "$waiting")
  read -r i1 d1 l1 < <(counts "$workload" "$agents" "$queues" "$skills" "$strategy" "$steps" "$waiting")
  awk -v w="$workload" -v a="$agents" -v q="$queues" -v s="$skills" -v n="$steps" \
      -v i0="$i0" -v i1="$i1" -v d0="$d0" -v d1="$d1" -v l0="$l0" -v l1="$l1" 'BEGIN {
    ir = (i1 - i0) / n; d = (d1 - d0) / n; l = (l1 - l0) / n
    printf "%-9s %6d %5d %4d %13.0f %10.1f %10.1f %8.0f\n", w, a, q, s, ir, d, l, ir / 2.5 + 14 * d + 45 * l
  }'
}

echo "routing cost per decision ($strategy, $steps decisions per run)"
printf "%-9s %6s %5s %4s %13s %10s %10s %8s\n" workload agents queues skills instructions "L1 misses" "L2 misses" cycles~
for workload in arrivals backlog; do
  row "$workload" 100 10 20 50
  row "$workload" 1000 100 50 500
  row "$workload" 10000 1000 200 5000
done
