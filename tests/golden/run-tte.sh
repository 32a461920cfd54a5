#!/bin/sh
# rencana: the electronic signature (issue 12 item 7, docs/tata-naskah.md).
# On tests/golden/tnd/tte-final.yaml (final, tte: ya, tte_verifikasi):
#   - the QR code beside the signature block decodes (zbarimg, from the
#     last page rendered at 300 dpi) to exactly the plan's address, also
#     when a wide name leaves it only the left margin;
#   - every page carries the BSrE footer, in 7 pt, above the page number
#     and below the text, overlapping neither;
#   - two builds give the same bytes.
# On examples/mataram-pembinaan.yaml made final and signed: its landscape
# page carries the footer centred on it, clear of its page number, and the
# portrait pages after it keep their text clear of the footer.
# On tests/golden/check/tte-draft.yaml (the same plan as a konsep): no
# footer and no QR code anywhere.
# Prints one line per failure and ends with "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL tte: $1"; fail=$((fail + 1)); }

plan=tests/golden/tnd/tte-final.yaml
draft=tests/golden/check/tte-draft.yaml
want=$(sed -n 's/^  tte_verifikasi: //p' "$plan")

run build "$plan" -o "$tmp/a.pdf" 2>"$tmp/err" || bad "build failed: $(head -n 3 "$tmp/err")"
run build "$plan" -o "$tmp/b.pdf" 2>/dev/null
cmp -s "$tmp/a.pdf" "$tmp/b.pdf" && ok || bad "two builds differ"

# ---- the QR code ------------------------------------------------------------
n=$(pdfinfo "$tmp/a.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
pdftoppm -r 300 -png -f "$n" -l "$n" "$tmp/a.pdf" "$tmp/last"
got=$(zbarimg -q --raw "$tmp"/last*.png 2>/dev/null)
[ "$got" = "$want" ] && ok || bad "the QR code reads \`$got\`, expected \`$want\`"

# A name as wide as the text: the column leaves no room at its left, and
# the QR code stands at the left margin instead, still readable.
sed 's/^  nama: .*/  nama: Prof. Dr. Ir. H. Lalu Muhammad Zainuddin Abdurrahman Wirasasmita Pratama, S.H., M.Si., M.Kom./' \
    "$plan" >"$tmp/wide.yaml"
run build "$tmp/wide.yaml" -o "$tmp/w.pdf" 2>/dev/null
nw=$(pdfinfo "$tmp/w.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
pdftoppm -r 300 -png -f "$nw" -l "$nw" "$tmp/w.pdf" "$tmp/wlast"
got=$(zbarimg -q --raw "$tmp"/wlast*.png 2>/dev/null)
[ "$got" = "$want" ] && ok || bad "a wide signature: the QR code reads \`$got\`"

# ---- the footer: on every page, clear of the page number and the text ---------
# footer PAGES N WHAT: the footer checks on a page dump of N pages; a page's
# first footer line starts left of its centre and within 200 pt of it.
footer() {
	awk -v pw="$(awk '/^paper / { print $2; exit }' "$1")" '
/^page / { if (np) check(); np++; fb = 1e9; ft = -1e9; pn = -1; tl = 1e9; foot = 0
	w = pw; for (i = 1; i < NF; i++) if ($i == "size") w = $(i + 1); fx = -1; next }
/^  text / {
	y = $3 + 0; size = $5 + 0
	# the footer: 7 pt lines in the bottom margin (the 7 pt labels of a chart
	# stand higher, in the text)
	if (size == 7.0 && y < 120) { foot += /Balai Besar Sertifikasi Elektronik/;
		if (fx < 0) fx = $2 + 0
		if (y < fb) fb = y; if (y > ft) ft = y }
	else if (y < 45) pn = y
	else if (y < tl) tl = y
}
function check() {
	if (foot != 1) { printf "page %d: %d footer statements\n", np, foot; return }
	if (pn >= 0 && fb - 7 * 0.212 <= pn + 12 * 0.905)
		printf "page %d: footer (%.1f) touches the page number (%.1f)\n", np, fb, pn
	if (tl < 1e9 && tl - 12 * 0.212 <= ft + 7 * 0.905)
		printf "page %d: text (%.1f) touches the footer (%.1f)\n", np, tl, ft
	if (w > 0 && (fx >= w / 2 || fx < w / 2 - 200))
		printf "page %d: footer at x %.1f, not centred on a page %.1f wide\n", np, fx, w
}
END { if (np) check(); print "pages " np }' "$1" >"$tmp/foot"
	if [ "$(cat "$tmp/foot")" = "pages $2" ]; then ok; else
		bad "footer$3: $(grep -v '^pages' "$tmp/foot" | head -n 3)"
	fi
}
run build --to pages "$plan" -o "$tmp/a.pages" 2>/dev/null
footer "$tmp/a.pages" "$n" ""

# A landscape page (the ten-year matrix of mataram-pembinaan), signed.
sed 's/^  status: konsep/  status: final\
  nomor: 800\/1\/BKPSDM\/2026\
  tte: ya/' examples/mataram-pembinaan.yaml >"$tmp/land.yaml"
run build --to pages "$tmp/land.yaml" -o "$tmp/l.pages" 2>"$tmp/err" ||
    bad "landscape: $(head -n 2 "$tmp/err")"
if grep -q '^page .* size ' "$tmp/l.pages"; then ok; else
	bad "landscape: mataram-pembinaan has no landscape page"
fi
footer "$tmp/l.pages" "$(grep -c '^page ' "$tmp/l.pages")" " (landscape)"

# ---- a draft: nothing of it ---------------------------------------------------
run build "$draft" -o "$tmp/d.pdf" 2>/dev/null
if pdftotext "$tmp/d.pdf" - 2>/dev/null | grep -q 'Sertifikasi Elektronik'; then
	bad "a draft prints the footer"
else ok; fi
nd=$(pdfinfo "$tmp/d.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
pdftoppm -r 300 -png -f "$nd" -l "$nd" "$tmp/d.pdf" "$tmp/dlast"
if zbarimg -q --raw "$tmp"/dlast*.png >/dev/null 2>&1; then
	bad "a draft prints a QR code"
else ok; fi

echo "$pass passed, $fail failed"
