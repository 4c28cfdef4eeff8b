#!/usr/bin/env bash
# `hotline import` + `hotline report` on the bank's February 1999 log: the totals documented in
# docs/imports.md, the formats, the errors; the HTML report rendered in headless chromium.
set -u
hotline="$1"; root="$2"; out="$3"; fail=0
mkdir -p "$out"
expect() { if ! grep -qF -- "$2" <<<"$1"; then echo "missing: $2"; echo "$1" | head -20; fail=1; fi; }

events="$out/february-1999.jsonl"
log=$("$hotline" import anonymous-bank "$root/../shared/data/anonymous-bank/february-1999.tsv" -o "$events" 2>&1); rc=$?
[ $rc -eq 0 ] || { echo "import: exit $rc: $log"; exit 1; }
expect "$log" "import: 33066 records, 248838 events"
expect "$log" "278 phantom calls left out"

json=$("$hotline" report "$events" --by queue --format json)
total=$(python3 -c 'import json,sys; t=json.load(sys.stdin)["total"]; print(t["offered"], t["answered"], t["abandoned"], round(t["service_level"],4), round(t["asa_s"],2))' <<<"$json")
[ "$total" = "31125 27162 3963 0.5254 40.77" ] || { echo "totals: $total"; fail=1; }

day=$("$hotline" report "$events" --from 1999-02-01 --to 1999-02-02 --format json |
      python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["rows"]), d["total"]["offered"])')
[ "$day" = "1 1499" ] || { echo "--from/--to one day: $day"; fail=1; }
bad=$("$hotline" report "$events" --from yesterday 2>&1); rc=$?
[ $rc -eq 2 ] || { echo "--from yesterday: exit $rc"; fail=1; }
expect "$bad" "expected a local date or time"

table=$("$hotline" report "$events" --by queue --sl-variant answered)
expect "$table" "SL = answered at 20s"
csv=$("$hotline" report "$events" --interval 60m --format csv)
expect "$csv" "interval,offered,answered,abandoned"
expect "$csv" "1999-02-01 07:00,"

bad=$("$hotline" report "$events" --by shift 2>&1); rc=$?
[ $rc -eq 2 ] || { echo "--by shift: exit $rc"; fail=1; }
expect "$bad" "expected queue, team, agent or day"
printf '{"ts":1,"type":"arrive","id":"c1"}\n{"ts":"x"}\n' > "$out/bad.jsonl"
bad=$("$hotline" report "$out/bad.jsonl" 2>&1); rc=$?
[ $rc -eq 2 ] || { echo "bad log: exit $rc"; fail=1; }
expect "$bad" "bad.jsonl:2:"

html="$out/report.html"
"$hotline" report "$events" --format html -o "$html" 2>/dev/null || { echo "html: failed"; fail=1; }
if grep -q "https\?://[a-z]" <(grep -o '<script src=[^>]*>\|<link [^>]*href=[^>]*>' "$html"); then
  echo "html loads something from the network"; fail=1
fi
chrome=(chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
        --disable-background-networking --disable-component-update --disable-sync
        --user-data-dir="$out/chromium-profile")
dom=$(timeout 120 "${chrome[@]}" --dump-dom "file://$html" 2>/dev/null)
charts=$(grep -o '<svg' <<<"$dom" | wc -l)
[ "$charts" -ge 4 ] || { echo "html: $charts charts drawn, want 4"; fail=1; }
expect "$dom" '<div class="value">31,125</div>'
expect "$dom" '<div class="value">52.5%</div>'
expect "$dom" "服务水平与目标"
timeout 120 "${chrome[@]}" --window-size=1280,1800 --screenshot="$out/report.png" "file://$html" >/dev/null 2>&1
[ -s "$out/report.png" ] || { echo "no screenshot"; fail=1; }
exit $fail
