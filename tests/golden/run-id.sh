#!/bin/sh
# rencana: golden check cases in Indonesian (issue 14 part 1), as run.sh
# runs tests/golden/check/ in English:
#   tests/golden/check-id/NAME.yaml   `rencana --lang id check NAME.yaml`
#       NAME.diag    exact expected stderr (required)
#       NAME.status  expected exit status (default 1)
#       NAME.args    extra arguments before the file (optional)
# The cases are copies of tests/golden/check/ ones (the YAML syntax errors
# and common validation errors); each must stay the same as its original,
# so that the two languages are compared on one input.
# Prints one line per failure and ends with "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"

for y in tests/golden/check-id/*.yaml; do
	[ -e "$y" ] || continue
	base=${y%.yaml}
	orig=tests/golden/check/$(basename "$y")
	if ! cmp -s "$y" "$orig"; then
		echo "FAIL $y: differs from $orig (or $orig is gone)"
		fail=$((fail + 1))
		continue
	fi
	want_status=1
	[ -f "$base.status" ] && want_status=$(cat "$base.status")
	args=""
	[ -f "$base.args" ] && args=$(cat "$base.args")
	# shellcheck disable=SC2086
	run --lang id check $args "$y" >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ "$st" != "$want_status" ]; then
		echo "FAIL $y: exit status $st, expected $want_status"
		sed 's/^/  | /' "$tmp/err" | head -20
		fail=$((fail + 1))
	else
		same "$y" "$base.diag" "$tmp/err" "diagnostics differ"
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
