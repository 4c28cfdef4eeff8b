#!/usr/bin/env bash
# `hotline run` plays the README's demo script through the engine: it must finish, every `check`
# in the script must hold, and the overflow and missed-offer stories the script tells must happen.
set -u
hotline="$1"; root="$2"; fail=0
expect() { if ! grep -qF -- "$2" <<<"$1"; then echo "missing: $2"; fail=1; fi; }

out=$("$hotline" run "$root/examples/center.yaml" "$root/examples/morning-rush.script" 2>&1); rc=$?
[ $rc -eq 0 ] || { echo "demo script: exit $rc"; echo "$out" | tail -5; fail=1; }
expect "$out" "overflow id=c002 queue=credit_card rule=cc_widen_45s action=widen"
expect "$out" "overflow id=c007 queue=complaints rule=complaints_to_general_2m action=move to_queue=general"
expect "$out" "offer_fail id=c008 agent=a07 why=no_answer"
expect "$out" "wallboard at +15m"
expect "$out" "KPIs so far"
expect "$out" "total             16        14          1   50.0%   74.9s"

json=$("$hotline" run --json "$root/examples/center.yaml" "$root/examples/morning-rush.script" 2>&1)
lines=$(grep -cE '^{"ts":[0-9]+,"type":"' <<<"$json")
total=$(wc -l <<<"$json")
[ "$lines" -eq "$total" ] || { echo "--json: $((total - lines)) lines are not events"; fail=1; }

# A script whose check fails exits 1 and names the line.
bad=$(mktemp); trap 'rm -f "$bad"' EXIT
printf '0 login a01\n1s check agent a01 state=busy\n' >"$bad"
out=$("$hotline" run "$root/examples/center.yaml" "$bad" 2>&1); rc=$?
[ $rc -eq 1 ] || { echo "failing check: exit $rc, want 1"; fail=1; }
expect "$out" "$bad:2:"

[ $fail -eq 0 ] && echo "run: all expectations met"
exit $fail
