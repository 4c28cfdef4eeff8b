#!/usr/bin/env bash
# `hotline staff`: the published Erlang C example, each model's JSON keys, a plan, and errors.
set -u
hotline="$1"; root="$2"; fail=0
expect() { if ! grep -qF -- "$2" <<<"$1"; then echo "missing: $2"; echo "$1" | head -12; fail=1; fi; }

out=$("$hotline" staff --calls 100 --period 30m --aht 180s --target 0.8/20s --json)
expect "$out" '"agents":14,"positions":14,"traffic_erlangs":10,"stable":true,"p_wait":0.174131934,"service_level":0.888350019,"asa_s":7.835937012'
out=$("$hotline" staff --model erlang-b --traffic 10 --max-blocking 0.02 --json)
expect "$out" '"agents":17'
expect "$out" '"p_block":'
out=$("$hotline" staff --model erlang-a --calls 100 --aht 180s --patience 300s --agents 13 --target 80%/20s --shrinkage 0.3 --json)
expect "$out" '"positions":19'
expect "$out" '"p_abandon":'
out=$("$hotline" staff --model erlang-x --calls 100 --aht 180s --patience 300s --agents 12 --lines 15 --retrial 0.3 --json)
expect "$out" '"p_block":'
expect "$out" '"arrival_rate_with_redials_per_hour":'
out=$("$hotline" staff --calls 100 --aht 180s --agents 10)
expect "$out" "stable: false"

plan=$("$hotline" staff --plan "$root/examples/staffing-plan.csv" --model erlang-a --target 0.8/20s)
expect "$plan" "start,calls,aht_s,agents,positions,service_level,asa_s,occupancy,p_abandon"
rows=$(wc -l <<<"$plan")
[ "$rows" -eq 35 ] || { echo "plan: $rows lines, want 35"; fail=1; }
json=$("$hotline" staff --plan "$root/examples/staffing-plan.csv" --target 0.8/20s --json)
n=$(python3 -c 'import json,sys; print(len(json.load(sys.stdin)["intervals"]))' <<<"$json")
[ "$n" = 34 ] || { echo "plan json: $n intervals"; fail=1; }

err=$("$hotline" staff --model erlang-a --calls 100 --aht 180s --target 0.8/20s 2>&1); rc=$?
[ $rc -eq 2 ] || { echo "erlang-a without patience: exit $rc"; fail=1; }
expect "$err" "needs --patience"
err=$("$hotline" staff --calls 100 --aht 180s --target 1.5/20s 2>&1); rc=$?
[ $rc -eq 2 ] || { echo "bad target: exit $rc"; fail=1; }
expect "$err" "expected LEVEL/THRESHOLD"
bad=$(mktemp); printf 'start,calls,aht_s\n09:00,lots,180\n' >"$bad"
err=$("$hotline" staff --plan "$bad" --target 0.8/20s 2>&1); rc=$?
rm -f "$bad"
[ $rc -eq 2 ] || { echo "bad plan: exit $rc"; fail=1; }
expect "$err" ":2: expected start,calls,aht_s"
exit $fail
