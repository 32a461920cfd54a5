#!/bin/sh
# rencana: the typesetting quality gate (issue 13).  Every example and a
# set of generated stress plans (tests/patho/gen.sh) is built to a page dump
# (`--to pages`), and tests/quality/measure.awk measures every page: lines
# wider than their measure, the word-space ratios of justified lines, runs
# of hyphenated lines, one-word last lines, widows, orphans, headings at a
# page foot, table splits against the rules.  Fails past the thresholds
# below (docs/layout.md, "Quality", records the figures).
# QUALITY_REPORT=1 prints each document's figures.
# Prints one line per failure and ends with "N passed, N failed".
# Usage: run-quality.sh PATH/TO/rencana
set -u
. "$(dirname "$0")/lib.sh"

# Per document: these must be 0.  (Spaces under 0.8 times natural come
# only from the breaker's last resort, TeX's 2/3; they count against
# MIN_INRANGE below.)
ZERO="overfull r<0.67 r>2 hy3 widow orphan headfoot tsplit tabhy"
# Lines of justified paragraphs set ragged (the emergency), per document.
MAX_RAGGED=5
# One-word last lines per document, at most (URLs and e-mail addresses
# alone on a list item's last line count too).
MAX_ONEWORD=10
# Justified lines with spaces 0.8 to 1.5 times natural, over all documents,
# at least this percentage (the issue's aim is 99; see docs/layout.md).
MIN_INRANGE=99

gen() {
	sh tests/patho/gen.sh "$RENCANA" "$1" "$2" >"$tmp/$1.yaml"
}

docs=""
for y in examples/*.yaml; do
	docs="$docs $y"
done
gen para 3000
gen loops 25
gen rows 300
gen cols 12
gen word 400
gen list 300
docs="$docs $tmp/para.yaml $tmp/loops.yaml $tmp/rows.yaml $tmp/cols.yaml $tmp/word.yaml $tmp/list.yaml"

tin=0
tjust=0
for y in $docs; do
	name=$(basename "$y" .yaml)
	if ! run build "$y" --to pages -o "$tmp/$name.pages" 2>"$tmp/err"; then
		echo "FAIL $name: the build failed"
		sed 's/^/  | /' "$tmp/err" | head -5
		fail=$((fail + 1))
		continue
	fi
	fig=$(awk -v name="$name" -f tests/quality/measure.awk "$tmp/$name.pages")
	[ "${QUALITY_REPORT:-}" = 1 ] && echo "quality: $fig" >&2
	bad=""
	for k in $ZERO; do
		v=$(echo "$fig" | awk -v k="$k" '{ for (i = 1; i < NF; i++) if ($i == k) print $(i + 1) }')
		[ "${v:-x}" = 0 ] || bad="$bad $k=$v"
	done
	v=$(echo "$fig" | awk '{ for (i = 1; i < NF; i++) if ($i == "oneword") print $(i + 1) }')
	[ "$v" -le "$MAX_ONEWORD" ] || bad="$bad oneword=$v"
	v=$(echo "$fig" | awk '{ for (i = 1; i < NF; i++) if ($i == "ragged") print $(i + 1) }')
	[ "$v" -le "$MAX_RAGGED" ] || bad="$bad ragged=$v"
	j=$(echo "$fig" | awk '{ for (i = 1; i < NF; i++) if ($i == "just") print $(i + 1) }')
	m=$(echo "$fig" | awk '{ for (i = 1; i < NF; i++) if ($i == "r0.8-1.5") print $(i + 1) }')
	tjust=$((tjust + j))
	tin=$((tin + m))
	if [ -n "$bad" ]; then
		echo "FAIL $name:$bad"
		awk -v verbose=1 -f tests/quality/measure.awk "$tmp/$name.pages" |
		    head -8 | sed 's/^/  | /'
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
if [ "$tjust" -gt 0 ] && [ $((100 * tin)) -lt $((MIN_INRANGE * tjust)) ]; then
	echo "FAIL word spaces: $tin of $tjust justified lines within 0.8-1.5, under $MIN_INRANGE%"
	fail=$((fail + 1))
else
	[ "${QUALITY_REPORT:-}" = 1 ] && echo "quality: $tin of $tjust justified lines within 0.8-1.5" >&2
	pass=$((pass + 1))
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
