#!/usr/bin/env bash
# Durable commands per second against `hotline serve` on loopback (wrk, Debian's package): new
# contacts through POST /api/v1/interactions, each answered once its events are committed.
# Reports throughput and p50/p99 latency for fsync-per-batch (full) and crash-safe (normal)
# durability. A report, not a test.
#   bench/server_load.sh [BUILD_DIR] [SECONDS] [CONNECTIONS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
seconds="${2:-10}"
conns="${3:-64}"
for durability in full normal; do
  dir="$(mktemp -d)"
  HOTLINE_ADMIN_PASSWORD=bench-admin-pass "$build/hotline" serve --port 0 --db "$dir/h.db" \
    --center "$root/tests/e2e/center.yaml" --durability "$durability" > "$dir/out" 2> "$dir/err" &
  pid=$!
  for _ in $(seq 50); do grep -q listening "$dir/out" 2>/dev/null && break; sleep 0.1; done
  port="$(awk '/listening/{print $2}' "$dir/out")"
  token="$(curl -s -XPOST "127.0.0.1:$port/api/v1/auth/login" \
    -d '{"username":"admin","password":"bench-admin-pass"}' | sed -E 's/.*"token":"([0-9a-f]+)".*/\1/')"
  echo "== durability $durability, $conns connections, ${seconds}s (2 server threads)"
  HOTLINE_TOKEN="$token" wrk -t2 -c"$conns" -d"${seconds}s" --latency -s "$root/bench/server_create.lua" \
    "http://127.0.0.1:$port" | grep -E "durable commands|Requests/sec|Non-2xx"
  kill "$pid"; wait "$pid" || true
  rm -rf "$dir"
done
