#!/usr/bin/env bash
# The same KPI report two ways over >= 10^7 events: `hotline report` (read, parse, aggregate,
# report) beside the sqlite3 shell running the equivalent SQL over the events loaded into a table.
# Prints both results (they must agree) and the speed ratio. Reports; never fails on speed.
#
# Usage: bench/compare_sqlite.sh [BUILD] [COPIES]   (COPIES months of the bank's February, 41 → 10.2M events)
set -euo pipefail
build="${1:-build}"; copies="${2:-41}"
root="$(cd "$(dirname "$0")/.." && pwd)"
hotline="$build/hotline"
work="$build/bench/sqlite-compare"; mkdir -p "$work"
command -v sqlite3 >/dev/null || { echo "compare_sqlite: sqlite3 is not installed (make deps)"; exit 1; }

"$hotline" import anonymous-bank "$root/../shared/data/anonymous-bank/february-1999.tsv" -o "$work/month.jsonl" 2>/dev/null
# COPIES consecutive "months": timestamps shifted by 28 days each, ids made unique per copy.
python3 - "$work/month.jsonl" "$work/events.jsonl" "$copies" <<'PY'
import sys
src, dst, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(src).read().splitlines()
month = 28 * 86400 * 1000
with open(dst, "w") as out:
    for k in range(copies):
        for line in lines:
            head, rest = line[6:].split(",", 1)          # {"ts":NNN,...
            rest = rest.replace('"id":"', '"id":"%d~' % k, 1)
            out.write('{"ts":%d,%s\n' % (int(head) + k * month, rest))
PY
events=$(wc -l < "$work/events.jsonl")
echo "events: $events"

now() { echo "$EPOCHREALTIME"; }
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
t0=$(now)
"$hotline" report "$work/events.jsonl" --by queue --format csv > "$work/hotline.csv"
t1=$(now)
hotline_s=$(calc "$t1 - $t0")

rm -f "$work/events.db"
t2=$(now)
sqlite3 "$work/events.db" > /dev/null <<SQL
PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
CREATE TABLE raw(line TEXT);
.mode ascii
.separator "\t" "\n"
.import $work/events.jsonl raw
CREATE TABLE ev AS SELECT json_extract(line,'\$.ts') AS ts, json_extract(line,'\$.type') AS type,
  json_extract(line,'\$.id') AS id, json_extract(line,'\$.queue') AS queue,
  json_extract(line,'\$.stage') AS stage FROM raw;
DROP TABLE raw;
CREATE INDEX ev_type_id ON ev(type, id);
SQL
t3=$(now)
# The report: per queue offered, answered, abandoned, answered within 20 s, ASA and AHT, with
# the same definitions as docs/kpis.md for this log (one visit per contact, no transfers).
sqlite3 -csv "$work/events.db" > "$work/sqlite.csv" <<'SQL'
WITH enq AS (SELECT id, queue, ts FROM ev WHERE type = 'enqueue'),
     ans AS (SELECT id, ts FROM ev WHERE type = 'answer'),
     abd AS (SELECT id, ts FROM ev WHERE type = 'abandon'),
     hup AS (SELECT id, ts FROM ev WHERE type = 'hangup' AND stage = 'talk')
SELECT e.queue, count(*) AS offered, count(a.id) AS answered, count(b.id) AS abandoned,
       sum(a.ts - e.ts <= 20000) AS answered_within,
       printf('%.2f', avg(a.ts - e.ts) / 1000.0) AS asa_s,
       printf('%.2f', avg(h.ts - a.ts) / 1000.0) AS aht_s
FROM enq e LEFT JOIN ans a ON a.id = e.id LEFT JOIN abd b ON b.id = e.id
     LEFT JOIN hup h ON h.id = e.id
GROUP BY e.queue ORDER BY e.queue;
SQL
t4=$(now)
load_s=$(calc "$t3 - $t2"); query_s=$(calc "$t4 - $t3")

echo "hotline report (read + parse + aggregate + report): ${hotline_s}s, $(calc "$events / $hotline_s / 1e6")M events/s"
echo "sqlite3 load (JSON into a table + index):           ${load_s}s"
echo "sqlite3 report query over the loaded table:          ${query_s}s"
echo "ratio, sqlite3 query only / hotline:      $(calc "$query_s / $hotline_s")"
echo "ratio, sqlite3 load + query / hotline:    $(calc "($load_s + $query_s) / $hotline_s")"
echo "-- hotline (queue, offered, answered, abandoned, answered_within, asa_s, aht_s):"
python3 - "$work/hotline.csv" <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if r["queue"] == "total": continue
    print(",".join([r["queue"], r["offered"], r["answered"], r["abandoned"], r["answered_within"],
                    "%.2f" % float(r["asa_s"]), "%.2f" % float(r["aht_s"])]))
PY
echo "-- sqlite3:"
cat "$work/sqlite.csv"
