#!/usr/bin/env bash
# `hotline forecast` on the bank's February 1999: the last week forecast from the first three,
# its error reported; the CSV feeds `hotline staff --plan`.
set -u
hotline="$1"; root="$2"; out="$3"; fail=0
mkdir -p "$out"
expect() { if ! grep -qF -- "$2" <<<"$1"; then echo "missing: $2"; echo "$1" | head -12; fail=1; fi; }
events="$out/forecast-february-1999.jsonl"
[ -s "$events" ] || "$hotline" import anonymous-bank "$root/../shared/data/anonymous-bank/february-1999.tsv" -o "$events" 2>/dev/null

json=$("$hotline" forecast "$events" --test-last 7d --json 2>/dev/null)
check=$(python3 -c '
import json, sys
d = json.load(sys.stdin)
rows = d["intervals"]
assert len(rows) == 336, len(rows)
assert rows[0]["start"] == "1999-02-22 00:00", rows[0]
assert d["method"] in ("profile", "holt-winters")
t = d["test"]["wape"]
assert 0.05 < t < 0.35, t            # the noise of ~40 calls per half hour alone is ~13%
assert abs(sum(r["actual_calls"] for r in rows) - 7115) < 1, sum(r["actual_calls"] for r in rows)
print("ok")' <<<"$json" 2>&1)
[ "$check" = ok ] || { echo "forecast --test-last: $check"; fail=1; }

csv=$("$hotline" forecast "$events" --horizon 1d 2>/dev/null)
expect "$csv" "start,calls,aht_s"
expect "$csv" "1999-03-01 09:00,"
printf '%s\n' "$csv" > "$out/forecast.csv"
plan=$("$hotline" staff --plan "$out/forecast.csv" --target 0.8/20s)
expect "$plan" "1999-03-01 09:00,"

err=$("$hotline" forecast "$events" --method crystal-ball 2>&1); rc=$?
[ $rc -eq 2 ] || { echo "bad method: exit $rc"; fail=1; }
expect "$err" "expected auto, profile or holt-winters"
exit $fail
