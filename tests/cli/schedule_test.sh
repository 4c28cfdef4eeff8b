#!/usr/bin/env bash
# `hotline schedule`: the bank's eight shifts over a forecast day, the example templates over a
# forecast week with the example center's agents, and errors naming file:line:column.
set -u
hotline="$1"; root="$2"; out="$3"; fail=0
mkdir -p "$out"
expect() { if ! grep -qF -- "$2" <<<"$1"; then echo "missing: $2"; echo "$1" | head -12; fail=1; fi; }
events="$out/schedule-february-1999.jsonl"
[ -s "$events" ] || "$hotline" import anonymous-bank "$root/../shared/data/anonymous-bank/february-1999.tsv" -o "$events" 2>/dev/null

# forecast → staff → schedule, hourly, with the bank's own shift pattern.
"$hotline" forecast "$events" --interval 60m --horizon 1d > "$out/f60.csv" 2>/dev/null
"$hotline" staff --plan "$out/f60.csv" --period 60m --target 0.8/20s > "$out/req60.csv"
day=$("$hotline" schedule "$out/req60.csv" "$root/../shared/data/anonymous-bank/shifts.csv" --json)
check=$(python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["optimal"], d
assert d["under_agent_intervals"] == 0
for c in d["coverage"]:
    assert c["scheduled"] >= c["required"], c
print("ok")' <<<"$day" 2>&1)
[ "$check" = ok ] || { echo "bank shifts: $check"; fail=1; }

# A week of half hours, templates with breaks, 42 agents with rules.
"$hotline" forecast "$events" --interval 30m --horizon 7d > "$out/f30.csv" 2>/dev/null
"$hotline" staff --plan "$out/f30.csv" --target 0.8/20s --shrinkage 0.3 > "$out/req30.csv"
week=$("$hotline" schedule "$out/req30.csv" "$root/examples/shifts.yaml" --agents "$root/examples/center.yaml"); rc=$?
[ $rc -eq 0 ] || { echo "week: exit $rc"; fail=1; }
expect "$week" "(optimal, bound"
expect "$week" "could not be given within the agents' rules"
expect "$week" " 0 could not be given"
json=$("$hotline" schedule "$out/req30.csv" "$root/examples/shifts.yaml" --agents "$root/examples/center.yaml" --json)
check=$(python3 -c '
import json, sys
d = json.load(sys.stdin)
hours = {}
for a in d["assignments"]:
    hours[a["agent"]] = hours.get(a["agent"], 0) + a["paid_hours"]
    if a["agent"] == "a01": assert a["weekday"] not in ("sat", "sun"), a
    if a["agent"] == "a02": assert a["shift"] in ("early", "day"), a
assert max(hours.values()) <= 40, hours
assert hours.get("a03", 0) <= 20
assert len(d["coverage"]) == 336
print("ok")' <<<"$json" 2>&1)
[ "$check" = ok ] || { echo "week assignments: $check"; fail=1; }

bad="$out/bad-shifts.yaml"
printf 'interval: 30m\nshifts:\n  - {id: x, start: "07:15", length: 8h}\n' > "$bad"
err=$("$hotline" schedule "$out/req30.csv" "$bad" 2>&1); rc=$?
[ $rc -eq 2 ] || { echo "bad shifts: exit $rc"; fail=1; }
expect "$err" "$bad:3:20: must be a multiple of the 30-minute interval"
exit $fail
