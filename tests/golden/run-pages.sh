#!/bin/sh
# rencana: golden page dumps of the examples, with the real fonts.  For each
# examples/NAME.yaml:
#   `rencana build examples/NAME.yaml --to pages -o -`
#       tests/golden/pages/NAME.pages   exact expected stdout (required)
# and nothing on stderr, exit status 0.  The same pipeline as the PDF
# (template, blocks, layout with the embedded fonts' widths), so a change in
# any stage that moves a line shows here.
# Prints one line per failure and ends with "N passed, N failed".
# Usage: run-pages.sh PATH/TO/rencana   (UPDATE=1 rewrites the .pages files)
set -u
. "$(dirname "$0")/lib.sh"

for y in examples/*.yaml; do
	[ -e "$y" ] || continue
	name=$(basename "$y" .yaml)
	want=tests/golden/pages/$name.pages
	NO_COLOR=1 SOURCE_DATE_EPOCH= run build "$y" --to pages -o - \
	    >"$tmp/out" 2>"$tmp/err"
	st=$?
	[ "${UPDATE:-}" = 1 ] && [ "$st" = 0 ] && cp "$tmp/out" "$want"
	if [ "$st" != 0 ]; then
		echo "FAIL $y: exit status $st, expected 0"
		sed 's/^/  | /' "$tmp/err" | head -20
		fail=$((fail + 1))
	elif [ -s "$tmp/err" ]; then
		echo "FAIL $y: unexpected messages"
		sed 's/^/  | /' "$tmp/err" | head -20
		fail=$((fail + 1))
	else
		same "$y" "$want" "$tmp/out" "pages differ"
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
