#!/usr/bin/env bash
# `hotline check-config`: exit 0 with a summary for a good file; exit 2 with file:line:column
# errors for a bad one; exit 2 for bad usage.
set -u
hotline="$1"; root="$2"; fail=0
expect() { if ! grep -qF -- "$2" <<<"$1"; then echo "missing: $2"; fail=1; fi; }

out=$("$hotline" check-config "$root/examples/center.yaml" 2>&1); rc=$?
[ $rc -eq 0 ] || { echo "good file: exit $rc"; fail=1; }
expect "$out" "ok — 星海银行客服中心: 8 skills, 8 queues, 3 teams, 42 agents"

bad="$root/tests/cli/bad_center.yaml"
out=$("$hotline" check-config "$bad" 2>&1); rc=$?
[ $rc -eq 2 ] || { echo "bad file: exit $rc, want 2"; fail=1; }
expect "$out" "$bad:4:27: error: \"target\" must be above 0 and at most 100%"
expect "$out" "$bad:7:10: error: duplicate skill id \"cards\""
expect "$out" "$bad:10:14: error: unknown skill \"crads\""
expect "$out" "$bad:11:13: error: \"wrapup\" must be a duration"
expect "$out" "$bad:12:15: error: unknown strategy \"fastest\""
expect "$out" "$bad:13:15: error: \"priority\" must be a whole number"
expect "$out" "$bad:15:20: error: unknown team \"nowhere\""
expect "$out" "$bad:15:45: error: \"cards\" must be between 1 and 10"
expect "$out" "$bad:18:57: error: rule refers to unknown queue \"q9\""
expect "$out" "9 errors"

out=$("$hotline" check-config /nonexistent.yaml 2>&1); rc=$?
[ $rc -eq 2 ] || { echo "missing file: exit $rc"; fail=1; }
expect "$out" "cannot open the file"

"$hotline" check-config >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || { echo "no argument: exit $rc, want 2"; fail=1; }
"$hotline" frobnicate >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || { echo "unknown verb: exit $rc, want 2"; fail=1; }

[ $fail -eq 0 ] && echo "check-config: all expectations met"
exit $fail
