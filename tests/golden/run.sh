#!/bin/sh
# rencana: golden test runner.  Finds cases by glob, so there is no list:
#   tests/golden/check/NAME.yaml   `rencana check NAME.yaml`
#       NAME.diag    exact expected stderr (required)
#       NAME.status  expected exit status (default 1)
#       NAME.args    extra arguments before the file (optional)
# Other stages add folders with their own runner in tests/golden/run-<stage>.sh,
# each printing one line per failure; this script runs them all.
# Usage: run.sh PATH/TO/rencana       (VALGRIND=1 runs each case under valgrind)
set -u
. "$(dirname "$0")/lib.sh"

for y in tests/golden/check/*.yaml; do
	[ -e "$y" ] || continue
	base=${y%.yaml}
	want_status=1
	[ -f "$base.status" ] && want_status=$(cat "$base.status")
	args=""
	[ -f "$base.args" ] && args=$(cat "$base.args")
	# shellcheck disable=SC2086
	run check $args "$y" >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ "$st" != "$want_status" ]; then
		echo "FAIL $y: exit status $st, expected $want_status"
		sed 's/^/  | /' "$tmp/err" | head -20
		fail=$((fail + 1))
	elif [ -f "$base.diag" ] && ! cmp -s "$tmp/err" "$base.diag"; then
		echo "FAIL $y: diagnostics differ"
		diff "$base.diag" "$tmp/err" | head -20 | sed 's/^/  | /'
		fail=$((fail + 1))
	elif [ ! -f "$base.diag" ]; then
		echo "FAIL $y: no $base.diag"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done

# Stage runners: each prints PASS/FAIL lines and ends with "N passed, N failed".
for r in tests/golden/run-*.sh; do
	[ -e "$r" ] || continue
	out=$(sh "$r" "$RENCANA")
	printf '%s\n' "$out" | grep -v '^[0-9]* passed, [0-9]* failed$'
	line=$(printf '%s\n' "$out" | tail -n 1)
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	pass=$((pass + ${p:-0}))
	fail=$((fail + ${f:-1}))
done

echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
