#!/bin/sh
# rencana: landscape pages for wide tables (issue 12, item 5; docs/layout.md
# "Landscape pages").  On page dumps (`build --to pages`):
#   - examples/mataram-pembinaan.yaml (ten target years): the matrix of
#     indicators, and only it, is on a landscape page (`size 841.9 595.3`),
#     with its page number centred at the bottom as the reader holds it,
#     between portrait pages;
#   - the same with tests/golden/landscape/potret (gaya.yaml
#     `orientasi_tabel: {potret: [matriks-indikator]}`): no landscape page;
#   - examples/mataram-pengembangan.yaml (five years, fits portrait) with
#     tests/golden/landscape/lanskap (`lanskap: [matriks-indikator]`): the
#     matrix goes landscape;
#   - tests/golden/landscape/ganda (a kind in two lists): the error
#     in ganda.diag, exit 1.
# Prints one line per failure and ends with "N passed, N failed".
# Usage: run-landscape.sh PATH/TO/rencana
set -u
. "$(dirname "$0")/lib.sh"
d=tests/golden/landscape

# "N W H" for each landscape page of a dump; then "matrix P" for the page
# of each text `Matriks Indikator Kinerja` (the last: the caption); "number P X Y" for
# the centre x and the y of each landscape page's number.
facts() {
	awk '/^paper / { pw = $2 }
	    /^page / { p = $2; lab = $4; land = ($5 == "size")
	        if (land) print "land " p " " $6 " " $7; next }
	    /^  text / && /\|Matriks Indikator Kinerja\|$/ { print "matrix " p }
	    /^  text / && land && $0 ~ ("\\|" lab "\\|$") && $3 < 40 {
	        # centre: x plus half the width (6.7 pt a digit at 12 pt)
	        printf "number %s %.0f %s\n", p, $2 + length(lab) * 6.672 / 2, $3 }' "$1"
}

check() {	# label, condition, message
	if [ "$2" = 1 ]; then pass=$((pass + 1)); else echo "FAIL $1: $3"; fail=$((fail + 1)); fi
}

e=examples/mataram-pembinaan.yaml
if run build -q "$e" --to pages -o "$tmp/auto.pages"; then
	facts "$tmp/auto.pages" >"$tmp/auto"
	n=$(grep -c '^land ' "$tmp/auto")
	lp=$(sed -n 's/^land \([0-9]*\) 841.9 595.3$/\1/p' "$tmp/auto")
	mp=$(sed -n 's/^matrix //p' "$tmp/auto" | tail -n 1)
	check auto "$([ "$n" = 1 ] && [ "$lp" = "$mp" ] && echo 1)" \
	    "want one landscape page holding the matrix: $(tr '\n' ' ' <"$tmp/auto")"
	# centred between the landscape margins (25 and 20 mm: 70.9 to
	# 785.2 pt, centre 428), in the middle of the bottom margin (20 mm)
	check number "$(grep -q "^number $lp 428 28.3$" "$tmp/auto" && echo 1)" \
	    "the landscape page's number is not at its bottom centre: $(tr '\n' ' ' <"$tmp/auto")"
else
	check auto 0 "build failed"
fi

if run build -q -T "$d/potret" "$e" --to pages -o "$tmp/potret.pages"; then
	facts "$tmp/potret.pages" >"$tmp/potret"
	check potret "$(! grep -q '^land ' "$tmp/potret" && grep -q '^matrix ' "$tmp/potret" && echo 1)" \
	    "potret: [matriks-indikator] left a landscape page: $(tr '\n' ' ' <"$tmp/potret")"
else
	check potret 0 "build with potret failed"
fi

e=examples/mataram-pengembangan.yaml
if run build -q "$e" --to pages -o "$tmp/five.pages" &&
    run build -q -T "$d/lanskap" "$e" --to pages -o "$tmp/lanskap.pages"; then
	facts "$tmp/five.pages" >"$tmp/five"
	facts "$tmp/lanskap.pages" >"$tmp/lanskap"
	lp=$(sed -n 's/^land \([0-9]*\) .*/\1/p' "$tmp/lanskap")
	mp=$(sed -n 's/^matrix //p' "$tmp/lanskap" | tail -n 1)
	check lanskap "$(! grep -q '^land ' "$tmp/five" && [ -n "$lp" ] && [ "$lp" = "$mp" ] && echo 1)" \
	    "lanskap: [matriks-indikator]: $(tr '\n' ' ' <"$tmp/lanskap")"
else
	check lanskap 0 "build with lanskap failed"
fi

run check -T "$d/ganda" examples/mataram-pengembangan.yaml >/dev/null 2>"$tmp/err"
st=$?
check ganda-status "$([ "$st" = 1 ] && echo 1)" "exit status $st, expected 1"
[ "${UPDATE:-}" = 1 ] && cp "$tmp/err" "$d/ganda.diag"
same ganda "$d/ganda.diag" "$tmp/err" "diagnostics differ"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
