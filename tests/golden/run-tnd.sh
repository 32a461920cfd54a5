#!/bin/sh
# rencana: the rules of docs/tata-naskah.md (issue 16), one plan per rule.
# For each tests/golden/tnd/NAME.yaml:
#   `rencana check NAME.yaml`         NAME.diag   exact stderr (absent: none)
#                                     NAME.status exit status (default 0)
#   when valid, `rencana build --to pages`, and of its dump the text of the
#   cover (page 1) and of the signature page (the last page), with the
#   rules drawn on it (the paraf table and box):
#                                     NAME.ttd    exact expected text
# Prints one line per failure and ends with "N passed, N failed".
# Usage: run-tnd.sh PATH/TO/rencana   (UPDATE=1 rewrites .diag and .ttd)
set -u
. "$(dirname "$0")/lib.sh"

# The cover's and the last page's text and rules, from a page dump.
pick() {
	awk '/^page / { n++; buf = ""; keep = 0 }
	    /^page 1 / { keep = 1 }
	    /^page / { hdr = $0; next }
	    /^outline|^meta|^paper/ { next }
	    /^  text / { t = $0; sub(/^[^|]*\|/, "", t); sub(/\|$/, "", t)
	        line = "  text " $2 " " $3 " |" t "|" }
	    /^  rule / { line = $0 }
	    !/^  text |^  rule / { next }
	    { if (keep) first = first "\n" line; else buf = buf "\n" line; last = hdr }
	    END { print "cover:" first; print "last:" buf }' "$1"
}

for y in tests/golden/tnd/*.yaml; do
	[ -e "$y" ] || continue
	base=${y%.yaml}
	want_status=0
	[ -f "$base.status" ] && want_status=$(cat "$base.status")
	run check "$y" >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ "${UPDATE:-}" = 1 ]; then
		if [ -s "$tmp/err" ]; then cp "$tmp/err" "$base.diag"; else rm -f "$base.diag"; fi
	fi
	if [ "$st" != "$want_status" ]; then
		echo "FAIL $y: exit status $st, expected $want_status"
		sed 's/^/  | /' "$tmp/err" | head -20
		fail=$((fail + 1))
		continue
	fi
	[ -f "$base.diag" ] || : >"$base.diag.none"
	if ! cmp -s "$tmp/err" "$( [ -f "$base.diag" ] && echo "$base.diag" || echo "$base.diag.none")"; then
		echo "FAIL $y: diagnostics differ"
		diff "$( [ -f "$base.diag" ] && echo "$base.diag" || echo /dev/null)" "$tmp/err" | head -20 | sed 's/^/  | /'
		rm -f "$base.diag.none"
		fail=$((fail + 1))
		continue
	fi
	rm -f "$base.diag.none"
	pass=$((pass + 1))
	[ "$st" = 0 ] || continue
	if ! SOURCE_DATE_EPOCH= run build "$y" --to pages -o "$tmp/pages" 2>"$tmp/err"; then
		echo "FAIL $y: build failed"
		sed 's/^/  | /' "$tmp/err" | head -20
		fail=$((fail + 1))
		continue
	fi
	pick "$tmp/pages" >"$tmp/ttd"
	[ "${UPDATE:-}" = 1 ] && cp "$tmp/ttd" "$base.ttd"
	same "$y" "$base.ttd" "$tmp/ttd" "signature page differs"
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
