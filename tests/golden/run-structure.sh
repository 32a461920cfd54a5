#!/bin/sh
# rencana: the structure belongs to the template (issue 11).  The shipped
# rencana-pengembangan folder with tests/golden/structure/*.mustache laid
# over it: its main template moves a chapter (tujuan before kondisi), calls
# a new partial (bab-anggaran.mustache: a chapter with a section and a
# captioned table) and leaves one out (tantangan), and the appendices with
# it (no `{{> lampiran}}`: the example's LAMPIRAN I is not printed).  For each
# tests/golden/structure/NAME.text, examples/NAME.yaml is built to a PDF
# with that folder, and
#   NAME.text     the structure lines of `pdftotext` in reading order:
#                 contents and list-of-tables entries (without their page
#                 numbers), then in the body every BAB line, numbered
#                 heading, caption and the Sistematika list;
#   NAME.outline  the PDF bookmarks (`qpdf --json`), indented by level;
# must equal the expected files: every number, contents line, list line
# and bookmark follows the template's order.  The page dump (--to pages)
# of the same build must hold the same bookmarks.
# Prints one line per failure and ends with "N passed, N failed".
# Usage: run-structure.sh PATH/TO/rencana   (UPDATE=1 rewrites the files)
set -u
. "$(dirname "$0")/lib.sh"

for t in pdftotext qpdf python3; do
	if ! command -v "$t" >/dev/null 2>&1; then
		echo "FAIL $t is not installed (make deps-test)"
		echo "0 passed, 1 failed"
		exit 1
	fi
done

tpl=$tmp/struktur
cp -R templates/rencana-pengembangan "$tpl"
cp tests/golden/structure/*.mustache "$tpl/"

check() {	# name, kind, got
	want=tests/golden/structure/$1.$2
	[ "${UPDATE:-}" = 1 ] && cp "$3" "$want"
	if [ ! -f "$want" ]; then
		echo "FAIL $1: no $want"
		fail=$((fail + 1))
	elif ! cmp -s "$3" "$want"; then
		echo "FAIL $1: $2 differs"
		diff "$want" "$3" | head -20 | sed 's/^/  | /'
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

for e in tests/golden/structure/*.text; do
	[ -e "$e" ] || continue
	name=$(basename "$e" .text)
	SOURCE_DATE_EPOCH= run build "examples/$name.yaml" -T "$tpl" \
	    -o "$tmp/$name.pdf" 2>"$tmp/err"
	st=$?
	if [ "$st" != 0 ] || [ -s "$tmp/err" ]; then
		echo "FAIL $name: exit status $st"
		sed 's/^/  | /' "$tmp/err" | head -10
		fail=$((fail + 1))
		continue
	fi
	# a form feed starts each page: a caption at a page top is a line too
	pdftotext -nodiag "$tmp/$name.pdf" - | tr -d '\f' |
	    grep -E '^(BAB [IVXLC]+|[0-9]+\.[0-9]+(\.[0-9]+)? [A-Z]|Tabel [0-9]+\.[0-9]+ )' |
	    sed 's/ *\.\.\.*  *[0-9ivx]*$//' >"$tmp/text"
	check "$name" text "$tmp/text"
	qpdf --json --json-key=outlines "$tmp/$name.pdf" | python3 -c '
import json, sys
def walk(items, depth):
    for o in items:
        print("  " * depth + o["title"])
        walk(o.get("kids", []), depth + 1)
walk(json.load(sys.stdin)["outlines"], 0)' >"$tmp/outline"
	check "$name" outline "$tmp/outline"
	# the page dump carries the same bookmarks, in the same order
	SOURCE_DATE_EPOCH= run build "examples/$name.yaml" -T "$tpl" \
	    --to pages -o - 2>/dev/null |
	    sed -n 's/^outline \([0-9]*\) page [0-9]* y [0-9.]* |\(.*\)|$/\1 \2/p' |
	    awk '{ l = $1; sub(/^[0-9]+ /, ""); printf "%*s%s\n", 2 * (l - 1), "", $0 }' \
	    >"$tmp/dumpout"
	if cmp -s "$tmp/dumpout" "$tmp/outline"; then
		pass=$((pass + 1))
	else
		echo "FAIL $name: the page dump's outlines differ from the PDF's"
		diff "$tmp/outline" "$tmp/dumpout" | head -10 | sed 's/^/  | /'
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
