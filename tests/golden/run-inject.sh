#!/bin/sh
# rencana: hostile plans (issue 10).  For each tests/golden/inject/NAME.yaml:
#   `rencana build NAME.yaml --to pages -o -` (the real fonts)
#       NAME.diag    exact expected stderr (default: empty)
#       NAME.status  expected exit status (default 0)
#       NAME.grep    lines `+TEXT` the page dump must hold and `-REGEX` it
#                    must not (fixed strings); on exit 0 only
# The whole dump is not compared (tests/golden/pages does that for the
# examples): these cases ask only where a value ended up.
# Prints one line per failure and ends with "N passed, N failed".
# Usage: run-inject.sh PATH/TO/rencana
set -u
. "$(dirname "$0")/lib.sh"

for y in tests/golden/inject/*.yaml; do
	[ -e "$y" ] || continue
	base=${y%.yaml}
	want_status=0
	[ -f "$base.status" ] && want_status=$(cat "$base.status")
	NO_COLOR=1 SOURCE_DATE_EPOCH= run build "$y" --to pages -o - \
	    >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ -f "$base.diag" ]; then cp "$base.diag" "$tmp/want"; else : >"$tmp/want"; fi
	msg=
	if [ "$st" != "$want_status" ]; then
		msg="exit status $st, expected $want_status"
	elif ! cmp -s "$tmp/err" "$tmp/want"; then
		msg="diagnostics differ"
		diff "$tmp/want" "$tmp/err" | head -10 | sed 's/^/  | /' >"$tmp/why"
	elif [ "$st" = 0 ] && [ -f "$base.grep" ]; then
		while IFS= read -r l; do
			case $l in
			+*) grep -qF -- "${l#+}" "$tmp/out" || msg="no \`${l#+}\`" ;;
			-*) ! grep -qF -- "${l#-}" "$tmp/out" || msg="has \`${l#-}\`" ;;
			esac
			[ -n "$msg" ] && break
		done <"$base.grep"
	fi
	if [ -n "$msg" ]; then
		echo "FAIL $y: $msg"
		[ -f "$tmp/why" ] && cat "$tmp/why" && rm -f "$tmp/why"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
