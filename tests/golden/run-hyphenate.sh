#!/bin/sh
# rencana: golden tests of `rencana hyphenate`.  Cases by glob:
#   tests/golden/hyphenate/NAME.args    the arguments, one per line (required)
#       NAME.out     exact expected standard output (default: empty)
#       NAME.diag    exact expected stderr (default: empty)
#       NAME.status  expected exit status (default 0)
# Prints one line per failure and ends with "N passed, N failed".
# Usage: run-hyphenate.sh PATH/TO/rencana   (VALGRIND=1: under valgrind)
set -u
. "$(dirname "$0")/lib.sh"

for a in tests/golden/hyphenate/*.args; do
	[ -e "$a" ] || continue
	base=${a%.args}
	want_status=0
	[ -f "$base.status" ] && want_status=$(cat "$base.status")
	: >"$tmp/want_out"
	[ -f "$base.out" ] && cp "$base.out" "$tmp/want_out"
	: >"$tmp/want_err"
	[ -f "$base.diag" ] && cp "$base.diag" "$tmp/want_err"
	# One argument per line, so words may hold any character but newline.
	set --
	while IFS= read -r line || [ -n "$line" ]; do
		set -- "$@" "$line"
	done <"$a"
	run hyphenate "$@" >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ "$st" != "$want_status" ]; then
		echo "FAIL $base: exit status $st, expected $want_status"
		sed 's/^/  | /' "$tmp/err" | head -20
		fail=$((fail + 1))
	elif ! cmp -s "$tmp/out" "$tmp/want_out"; then
		echo "FAIL $base: output differs"
		diff "$tmp/want_out" "$tmp/out" | head -20 | sed 's/^/  | /'
		fail=$((fail + 1))
	elif ! cmp -s "$tmp/err" "$tmp/want_err"; then
		echo "FAIL $base: diagnostics differ"
		diff "$tmp/want_err" "$tmp/err" | head -20 | sed 's/^/  | /'
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
