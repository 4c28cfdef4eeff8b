#!/usr/bin/env bash
# SIP load on loopback (report only): sipp callers dial a queue (music on hold from the shared
# 20 ms media clock), stay HOLD ms and hang up; nobody answers, so every call is an IVR-less
# queue visit with media all the way. Prints calls/s, peak concurrent calls, failed calls,
# setup time p50/p99 (INVITE → 200 OK) and Hotline's CPU per call.
#   bench/sip_load.sh [build] [rate...]      e.g. bench/sip_load.sh build 100 200
set -euo pipefail
build="${1:-build}"; shift || true
rates=("${@:-100 200}")
[ ${#rates[@]} -eq 1 ] && read -r -a rates <<< "${rates[0]}"
root="$(cd "$(dirname "$0")/.." && pwd)"
hold="${HOLD:-4000}"
seconds="${SECONDS_PER_RATE:-20}"
work="$(mktemp -d)"
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
ulimit -n 65535 2>/dev/null || ulimit -n 8192 || true

"$root/$build/hotline" prompts --out "$work/prompts" --language zh-CN >/dev/null
sip_port=$((46000 + RANDOM % 1000))
# The whole server (SIP loop, engine, store) on one core, sipp on the other.
HOTLINE_ADMIN_PASSWORD=bench-pass-123 taskset -c 0 "$root/$build/hotline" serve --port 0 --db "$work/h.db" \
  --durability normal --center "$root/tests/telephony/center.yaml" --sip "127.0.0.1:$sip_port" \
  --prompts "$work/prompts" > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 50); do grep -q listening "$work/serve.out" && break; sleep 0.1; done

cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
hz=$(getconf CLK_TCK)
for rate in "${rates[@]}"; do
  calls=$((rate * seconds))
  before=$(cpu)
  (cd "$work" && taskset -c 1 sipp -sn uac "127.0.0.1:$sip_port" -s support -r "$rate" -m "$calls" -d "$hold" \
     -l $((rate * hold / 1000 * 2 + 50)) -i 127.0.0.1 -mi 127.0.0.1 -p $((sip_port + 1)) \
     -nostdin -trace_rtt -rtt_freq 1 -timeout $((seconds * 3 + 30))s \
     > "$work/sipp-$rate.out" 2>&1) || true
  after=$(cpu)
  rtt="$(ls -t "$work"/uac_*_rtt.csv | head -1)"
  success=$(grep -E "Successful call" "$work/sipp-$rate.out" | tail -1 | awk -F'|' '{gsub(/ /,"",$3); print $3}')
  failed=$(grep -E "Failed call" "$work/sipp-$rate.out" | tail -1 | awk -F'|' '{gsub(/ /,"",$3); print $3}')
  peak=$(grep -oE "Peak was [0-9]+ calls" "$work/sipp-$rate.out" | tail -1 | awk '{print $3}')
  p=$(awk -F';' 'NR>1 {print $2}' "$rtt" | sort -n | awk '{a[NR]=$1} END {printf "%.1f %.1f", a[int(NR*0.5)+1], a[int(NR*0.99)+1]}')
  ms_per_call=$(awk -v c=$((after - before)) -v hz="$hz" -v n="$success" 'BEGIN {printf "%.2f", n ? c * 1000 / hz / n : 0}')
  echo "sip_load rate=${rate}/s calls=$calls ok=$success failed=$failed peak_concurrent=$peak" \
       "setup_ms p50/p99=${p/ //} cpu_ms_per_call=$ms_per_call (hold ${hold} ms, media to every caller)"
  rm -f "$work"/uac_*
  sleep 2
done
