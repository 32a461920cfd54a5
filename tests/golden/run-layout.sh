#!/bin/sh
# rencana: golden layout dumps.  For each tests/golden/layout/NAME.md:
#   `rencana layout-dump --no-hyph [ARGS] NAME.md` (fake metrics)
#       NAME.pages   exact expected stdout (required)
#       NAME.diag    exact expected stderr (default: empty)
#       NAME.status  expected exit status (default 0)
#       NAME.args    extra arguments before the file (optional;
#                    `--hyph` turns hyphenation back on)
# Prints one line per failure and ends with "N passed, N failed".
# Usage: run-layout.sh PATH/TO/rencana   (UPDATE=1 rewrites the .pages files)
set -u
. "$(dirname "$0")/lib.sh"

for m in tests/golden/layout/*.md; do
	[ -e "$m" ] || continue
	base=${m%.md}
	want_status=0
	[ -f "$base.status" ] && want_status=$(cat "$base.status")
	args=""
	[ -f "$base.args" ] && args=$(cat "$base.args")
	# shellcheck disable=SC2086
	NO_COLOR=1 run layout-dump --no-hyph $args "$m" >"$tmp/out" 2>"$tmp/err"
	st=$?
	[ "${UPDATE:-}" = 1 ] && cp "$tmp/out" "$base.pages"
	if [ -f "$base.diag" ]; then
		cp "$base.diag" "$tmp/wanterr"
	else
		: >"$tmp/wanterr"
	fi
	if [ "$st" != "$want_status" ]; then
		echo "FAIL $m: exit status $st, expected $want_status"
		sed 's/^/  | /' "$tmp/err" | head -20
		fail=$((fail + 1))
	elif [ ! -f "$base.pages" ]; then
		echo "FAIL $m: no $base.pages"
		fail=$((fail + 1))
	elif ! cmp -s "$tmp/out" "$base.pages"; then
		echo "FAIL $m: pages differ"
		diff "$base.pages" "$tmp/out" | head -20 | sed 's/^/  | /'
		fail=$((fail + 1))
	elif ! cmp -s "$tmp/err" "$tmp/wanterr"; then
		echo "FAIL $m: diagnostics differ"
		diff "$tmp/wanterr" "$tmp/err" | head -20 | sed 's/^/  | /'
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
echo "$pass passed, $fail failed"
