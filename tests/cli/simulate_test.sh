#!/usr/bin/env bash
# `hotline simulate`: the example scenario, its JSON keys, determinism from the seed, the event
# log, a staffing profile from forecast → staff, a center file, and errors.
set -u
hotline="$1"; root="$2"; out="$3"; fail=0
mkdir -p "$out"
expect() { if ! grep -qF -- "$2" <<<"$1"; then echo "missing: $2"; echo "$1" | head -12; fail=1; fi; }

json=$("$hotline" simulate "$root/examples/mmc.scenario.yaml" --replications 8 --json)
check=$(python3 -c '
import json, sys
d = json.load(sys.stdin)
q = d["queues"]["billing"]
for k in ("offered", "answered", "abandoned", "service_level", "service_level_answered", "asa_s",
          "abandon_rate", "aht_s", "occupancy", "p_wait"):
    assert q[k] is not None, k
    assert k in q["ci95"], k
assert d["replications"] == 8 and d["simulated_contacts"] > 10000
assert 0.85 < q["service_level"] < 0.97, q["service_level"]   # Erlang A: 0.917
assert 0.6 < q["occupancy"] < 0.8, q["occupancy"]              # Erlang A: 0.704
print("ok")' <<<"$json" 2>&1)
[ "$check" = ok ] || { echo "mmc: $check"; fail=1; }
again=$("$hotline" simulate "$root/examples/mmc.scenario.yaml" --replications 8 --json)
[ "$json" = "$again" ] || { echo "the same seed gave different results"; fail=1; }
other=$("$hotline" simulate "$root/examples/mmc.scenario.yaml" --replications 8 --json --seed 99)
[ "$json" != "$other" ] || { echo "--seed changed nothing"; fail=1; }

"$hotline" simulate "$root/examples/mmc.scenario.yaml" --events "$out/sim-events.jsonl" >/dev/null
report=$("$hotline" report "$out/sim-events.jsonl" --by queue --format json)
expect "$report" '"queue":"billing"'

# Closing the loop: the bank's forecast Monday, staffed per half hour with Erlang A, simulated.
events="$out/simulate-february-1999.jsonl"
[ -s "$events" ] || "$hotline" import anonymous-bank "$root/../shared/data/anonymous-bank/february-1999.tsv" -o "$events" 2>/dev/null
"$hotline" forecast "$events" --interval 30m --horizon 1d > "$out/monday.csv" 2>/dev/null
"$hotline" staff --plan "$out/monday.csv" --model erlang-a --patience 300s --target 0.8/20s > "$out/monday-plan.csv"
cat > "$out/loop.yaml" <<YAML
duration: 24h
seed: 3
queues:
  bank:
    arrivals: {profile: monday.csv}
    handle_time: {dist: exponential, mean_s: 176}
    patience: {dist: exponential, mean_s: 300}
    staffing: {profile: monday-plan.csv}
YAML
loop=$("$hotline" simulate "$out/loop.yaml" --replications 10 --json)
sl=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["total"]["service_level"])' <<<"$loop")
python3 -c "import sys; sys.exit(0 if float('$sl') >= 0.8 else 1)" || { echo "loop: SL $sl below the 80% the staffing was sized for"; fail=1; }

per=$("$hotline" simulate "$out/loop.yaml" --replications 3 --interval 60m --json)
n=$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(sum(1 for r in d["intervals"] if r["queue"] is None))' <<<"$per")
[ "$n" = 24 ] || { echo "--interval 60m: $n hourly totals, want 24"; fail=1; }

# Callers through the example center's IVR flow: self-service, callbacks and queues all happen.
"$hotline" simulate "$root/examples/center.yaml" "$root/examples/ivr.scenario.yaml" --events "$out/ivr-events.jsonl" >/dev/null || { echo "ivr scenario failed"; fail=1; }
for outcome in queued self_served callback; do
  grep -q "\"type\":\"ivr_exit\".*\"outcome\":\"$outcome\"" "$out/ivr-events.jsonl" || { echo "ivr: no $outcome exit"; fail=1; }
done
grep -q '"type":"ivr_input".*"node":"main_menu"' "$out/ivr-events.jsonl" || { echo "ivr: no menu input event"; fail=1; }

# Replay: the bank's 1 February again, its contacts at their times and talk lengths, with other staffing.
cat > "$out/replay.yaml" <<YAML
duration: 24h
replay: {events: simulate-february-1999.jsonl, date: 1999-02-01}
queues:
  PS: {agents: 9, handle_time: {dist: exponential, mean_s: 184}, patience: {dist: exponential, mean_s: 300}}
  NW: {agents: 4, handle_time: {dist: exponential, mean_s: 107}, patience: {dist: exponential, mean_s: 300}}
  NE: {agents: 2, handle_time: {dist: exponential, mean_s: 275}, patience: {dist: exponential, mean_s: 300}}
  TT: {agents: 1, handle_time: {dist: exponential, mean_s: 103}, patience: {dist: exponential, mean_s: 300}}
  IN: {agents: 1, handle_time: {dist: exponential, mean_s: 263}, patience: {dist: exponential, mean_s: 300}}
  PE: {agents: 1, handle_time: {dist: exponential, mean_s: 228}, patience: {dist: exponential, mean_s: 300}}
YAML
replay=$("$hotline" simulate "$out/replay.yaml" --json)
offered=$(python3 -c 'import json,sys; print(int(json.load(sys.stdin)["total"]["offered"]))' <<<"$replay")
[ "$offered" = 1499 ] || { echo "replay: $offered contacts offered, the log has 1499 that day"; fail=1; }

# A roster from hotline schedule: agents log in for their shifts, take their breaks, log out.
"$hotline" forecast "$events" --interval 30m --horizon 7d > "$out/week.csv" 2>/dev/null
"$hotline" staff --plan "$out/week.csv" --target 0.8/20s --shrinkage 0.3 > "$out/need.csv"
"$hotline" schedule "$out/need.csv" "$root/examples/shifts.yaml" --agents "$root/examples/center.yaml" --roster "$out/roster.csv" >/dev/null || { echo "schedule --roster failed"; fail=1; }
sed 's/^duration: 8h/duration: 24h/' "$root/examples/ivr.scenario.yaml" > "$out/ivr-roster.yaml"
printf 'staffing: {roster: roster.csv}\n' >> "$out/ivr-roster.yaml"
"$hotline" simulate "$root/examples/center.yaml" "$out/ivr-roster.yaml" --events "$out/roster-events.jsonl" >/dev/null || { echo "roster run failed"; fail=1; }
first=$(head -1 "$out/roster.csv" >/dev/null; sed -n 2p "$out/roster.csv" | cut -d, -f1)
grep -q "\"type\":\"agent_login\",\"agent\":\"$first\"" "$out/roster-events.jsonl" || { echo "roster: $first never logged in"; fail=1; }
grep -q '"reason":"break"' "$out/roster-events.jsonl" || { echo "roster: no break taken"; fail=1; }
grep -q '"type":"agent_logout"' "$out/roster-events.jsonl" || { echo "roster: nobody logged out"; fail=1; }

# With the example center: its agents log in; the scenario's queue must exist there.
bad="$out/bad.scenario.yaml"
printf 'duration: 1h\nqueues:\n  nowhere:\n    arrivals: {rate_per_hour: 10}\n    handle_time: {dist: exponential, mean_s: 60}\n' > "$bad"
err=$("$hotline" simulate "$root/examples/center.yaml" "$bad" 2>&1); rc=$?
[ $rc -eq 2 ] || { echo "unknown queue: exit $rc"; fail=1; }
expect "$err" "the scenario's queue 'nowhere' is not in"
printf 'duration: 1h\nqueues:\n  q:\n    agents: 2\n    arrivals: {rate_per_hour: 10}\n    handle_time: {dist: weibull, mean_s: 60}\n' > "$bad"
err=$("$hotline" simulate "$bad" 2>&1); rc=$?
[ $rc -eq 2 ] || { echo "bad distribution: exit $rc"; fail=1; }
expect "$err" "$bad:6:25: unknown distribution 'weibull'"
exit $fail
