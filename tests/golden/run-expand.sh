#!/bin/sh
# rencana: golden tests of `rencana expand`.  Cases by glob:
#   tests/golden/expand/NAME.out   exact expected standard output (required)
#       NAME.mustache  the template; NAME.yaml  the data (either may be
#                      missing on purpose, to test the I/O error)
#       NAME.args      extra arguments (optional)
#       NAME.diag      exact expected stderr (default: empty)
#       NAME.status    expected exit status (default 0)
# Partials are _NAME.mustache beside them (the template's own directory).
# Also checks that -o FILE writes the same bytes as standard output.
# Prints one line per failure and ends with "N passed, N failed".
# Usage: run-expand.sh PATH/TO/rencana   (VALGRIND=1: under valgrind)
set -u
. "$(dirname "$0")/lib.sh"

for o in tests/golden/expand/*.out; do
	[ -e "$o" ] || continue
	base=${o%.out}
	want_status=0
	[ -f "$base.status" ] && want_status=$(cat "$base.status")
	args=""
	[ -f "$base.args" ] && args=$(cat "$base.args")
	# shellcheck disable=SC2086
	run expand "$base.mustache" --data "$base.yaml" $args \
	    >"$tmp/out" 2>"$tmp/err"
	st=$?
	: >"$tmp/want_err"
	[ -f "$base.diag" ] && cp "$base.diag" "$tmp/want_err"
	if [ "$st" != "$want_status" ]; then
		echo "FAIL $base: exit status $st, expected $want_status"
		sed 's/^/  | /' "$tmp/err" | head -20
		fail=$((fail + 1))
	elif ! cmp -s "$tmp/out" "$o"; then
		echo "FAIL $base: output differs"
		diff "$o" "$tmp/out" | head -20 | sed 's/^/  | /'
		fail=$((fail + 1))
	elif [ "$want_status" != 1 ] && ! cmp -s "$tmp/err" "$tmp/want_err"; then
		echo "FAIL $base: diagnostics differ"
		diff "$tmp/want_err" "$tmp/err" | head -20 | sed 's/^/  | /'
		fail=$((fail + 1))
	elif [ "$want_status" = 1 ] && [ -f "$base.diag" ] &&
	    ! cmp -s "$tmp/err" "$base.diag"; then
		echo "FAIL $base: diagnostics differ"
		diff "$base.diag" "$tmp/err" | head -20 | sed 's/^/  | /'
		fail=$((fail + 1))
	elif [ "$want_status" = 1 ] && [ ! -s "$tmp/err" ]; then
		echo "FAIL $base: exit status 1 without a diagnostic"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done

# -o FILE: the same bytes, written through a temporary file.
b=tests/golden/expand/basic
if run expand "$b.mustache" --data "$b.yaml" -o "$tmp/o.txt" >"$tmp/out" 2>&1 &&
    [ ! -s "$tmp/out" ] && cmp -s "$tmp/o.txt" "$b.out" &&
    [ "$(ls "$tmp" | grep -c tmp)" = 0 ]; then
	pass=$((pass + 1))
else
	echo "FAIL expand -o: output file differs or stray output"
	fail=$((fail + 1))
fi
# An error leaves an existing -o file untouched.
echo keep >"$tmp/keep.txt"
u=tests/golden/expand/unclosed
if ! run expand "$u.mustache" --data "$u.yaml" -o "$tmp/keep.txt" 2>/dev/null &&
    [ "$(cat "$tmp/keep.txt")" = keep ]; then
	pass=$((pass + 1))
else
	echo "FAIL expand -o: an error replaced the output file"
	fail=$((fail + 1))
fi

echo "$pass passed, $fail failed"
