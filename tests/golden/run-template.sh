#!/bin/sh
# rencana: a base template and small overlays (issue 11 item 3), and
# `rencana template copy` / `template list`:
#   - the shipped kinds hold only what differs from templates/dasar;
#   - a copy of each kind is a whole folder with no base, and builds every
#     example to the same PDF bytes as the shipped kind; editing a partial
#     of the copy changes the output;
#   - an overlay's gaya.yaml and word set are merged key by key with its
#     base's, its partials replace the base's; a copy of an overlay of a
#     kind (three layers) builds as the overlay does;
#   - bases: only by name, no cycles, a base-only folder is refused;
#   - copy refuses a non-empty folder and leaves nothing behind on failure.
# Prints one line per failure and ends with "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL template: $1"; fail=$((fail + 1)); }
kinds="rencana-pengembangan sistem-pembinaan strategi-kompetensi"

# ---- the shipped folders: a base, and kinds with only what differs ----
[ ! -e templates/dasar/templat.yaml ] || grep -q '^hanya_dasar: true$' \
    templates/dasar/templat.yaml && ok || bad "templates/dasar is not marked a base"
for k in $kinds; do
	files=$(cd "templates/$k" && ls | tr '\n' ' ')
	[ "$files" = "kata-en.yaml kata-id.yaml templat.yaml " ] && ok ||
	    bad "templates/$k holds more than its words: $files"
	grep -q '^dasar: dasar$' "templates/$k/templat.yaml" && ok ||
	    bad "templates/$k does not name its base"
done
"$RENCANA" template list >"$tmp/list" 2>"$tmp/err"
[ $? = 0 ] && [ "$(cut -d' ' -f1 "$tmp/list" | tr '\n' ' ')" = "$kinds " ] &&
    ok || bad "template list: $(cat "$tmp/list" "$tmp/err" | head -n 4)"

# ---- a copy of each kind: whole, no base, the same PDF ----
for k in $kinds; do
	run template copy "$k" "$tmp/copy-$k" 2>"$tmp/err" && [ ! -s "$tmp/err" ] &&
	    ok || bad "template copy $k: $(head -n 2 "$tmp/err")"
	[ ! -e "$tmp/copy-$k/templat.yaml" ] && ok || bad "copy of $k has a templat.yaml"
	n=$(find "$tmp/copy-$k" -type f | wc -l)
	m=$(find templates/dasar -type f ! -name templat.yaml | wc -l)
	[ "$n" = "$m" ] && ok || bad "copy of $k has $n files, the base $m"
done
for e in examples/*.yaml; do
	k=$(sed -n 's/^  jenis: //p' "$e" | head -n 1)
	n=$(basename "$e" .yaml)
	"$RENCANA" build -q -o "$tmp/$n.pdf" "$e" &&
	    "$RENCANA" build -q -T "$tmp/copy-$k" -o "$tmp/$n-copy.pdf" "$e" &&
	    cmp -s "$tmp/$n.pdf" "$tmp/$n-copy.pdf" && ok ||
	    bad "$n: the copy of $k gives another PDF"
done
# The copy's word sets are the kind's words over the base's, each its own
# file: the same text as a word set written out whole.
grep -q '^bab_tujuan: Tujuan Pembinaan$' "$tmp/copy-sistem-pembinaan/kata-id.yaml" &&
    grep -q '^bab: BAB$' "$tmp/copy-sistem-pembinaan/kata-id.yaml" && ok ||
    bad "the copy's kata-id.yaml is not merged"
# Editing a partial of the copy changes the output.
e=examples/mataram-pembinaan.yaml
printf '\nPenanda salinan\n' >>"$tmp/copy-sistem-pembinaan/bab-kesimpulan.mustache"
"$RENCANA" build -q -T "$tmp/copy-sistem-pembinaan" --to markdown -o "$tmp/ed.md" "$e" &&
    grep -q 'Penanda salinan' "$tmp/ed.md" && ok || bad "an edited partial is not used"
"$RENCANA" build -q -T "$tmp/copy-sistem-pembinaan" -o "$tmp/ed.pdf" "$e" &&
    ! cmp -s "$tmp/ed.pdf" "$tmp/mataram-pembinaan.pdf" && ok ||
    bad "an edited partial does not change the PDF"

# ---- charts: an overlay's `grafik: false` leaves them out ----
e=examples/alak-pengembangan.yaml
mkdir -p "$tmp/nochart"
printf 'dasar: rencana-pengembangan\n' >"$tmp/nochart/templat.yaml"
printf 'grafik: false\n' >"$tmp/nochart/gaya.yaml"
"$RENCANA" build -T "$tmp/nochart" --to pages -o "$tmp/nochart.pages" "$e" &&
    "$RENCANA" build --to pages -o "$tmp/chart.pages" "$e" &&
    grep -q '|Gambar 2.1 |' "$tmp/chart.pages" && grep -q '|DAFTAR GAMBAR|' "$tmp/chart.pages" &&
    ! grep -q '|Gambar [0-9]' "$tmp/nochart.pages" &&
    ! grep -q 'GAMBAR' "$tmp/nochart.pages" && ok ||
    bad "grafik: false still prints charts or DAFTAR GAMBAR"

# ---- an overlay of a kind: only the margins, one word, one partial ----
e=examples/mataram-pengembangan.yaml
mkdir -p "$tmp/ov"
printf 'dasar: rencana-pengembangan\n' >"$tmp/ov/templat.yaml"
printf 'margin_mm: {kiri: 40}\npengecualian_pemenggalan: [ba-ngun-an]\n' >"$tmp/ov/gaya.yaml"
printf 'latar_belakang: Latar Kita\n' >"$tmp/ov/kata-id.yaml"
sed 's/^{{#bab.kesimpulan}}$/{{#bab.kesimpulan}}\nPenanda lapisan\n/' \
    templates/dasar/bab-kesimpulan.mustache >"$tmp/ov/bab-kesimpulan.mustache"
"$RENCANA" build -T "$tmp/ov" --to markdown -o "$tmp/ov.md" "$e" 2>"$tmp/err"
[ $? = 0 ] && grep -q '^## Latar Kita$' "$tmp/ov.md" &&
    grep -q 'Penanda lapisan' "$tmp/ov.md" && grep -q '^## Sistematika Penulisan$' "$tmp/ov.md" &&
    ok || bad "overlay words and partial: $(head -n 2 "$tmp/err")"
# The same as a whole copy with those edits made by hand.
"$RENCANA" template copy rencana-pengembangan "$tmp/hand" 2>/dev/null
sed 's/kiri: 30/kiri: 40/; s/plat-form, web-si-nar]/plat-form, web-si-nar, ba-ngun-an]/' \
    templates/dasar/gaya.yaml >"$tmp/hand/gaya.yaml"
sed 's/^latar_belakang: .*/latar_belakang: Latar Kita/' "$tmp/hand/kata-id.yaml" >"$tmp/k" &&
    mv "$tmp/k" "$tmp/hand/kata-id.yaml"
cp "$tmp/ov/bab-kesimpulan.mustache" "$tmp/hand/"
"$RENCANA" build -q -T "$tmp/ov" --to pages -o "$tmp/ov.pages" "$e"
"$RENCANA" build -q -T "$tmp/hand" --to pages -o "$tmp/hand.pages" "$e"
[ -s "$tmp/ov.pages" ] && cmp -s "$tmp/ov.pages" "$tmp/hand.pages" && ok ||
    bad "overlay gaya.yaml is not merged key by key: $(diff "$tmp/hand.pages" "$tmp/ov.pages" | head -n 3)"
"$RENCANA" build -q --to pages -o "$tmp/plain.pages" "$e"
! cmp -s "$tmp/ov.pages" "$tmp/plain.pages" && ok || bad "the overlay changed nothing"
# A copy of the overlay: three layers written out as one.
run template copy "$tmp/ov" "$tmp/ov-copy" 2>"$tmp/err" && ok ||
    bad "copy of an overlay: $(head -n 2 "$tmp/err")"
grep -q 'kiri: 40' "$tmp/ov-copy/gaya.yaml" && grep -q 'atas: 20' "$tmp/ov-copy/gaya.yaml" &&
    ok || bad "the copy's gaya.yaml is not merged: $(head -n 8 "$tmp/ov-copy/gaya.yaml")"
"$RENCANA" build -q -T "$tmp/ov-copy" --to pages -o "$tmp/ovc.pages" "$e"
cmp -s "$tmp/ov.pages" "$tmp/ovc.pages" && ok || bad "the copy of an overlay builds otherwise"

# ---- bases: names only, found, no cycles, a base is not a document ----
tb() {	# name, status, message pattern, args...
	name=$1 want=$2 pat=$3
	shift 3
	"$RENCANA" "$@" >/dev/null 2>"$tmp/err"
	st=$?
	[ "$st" = "$want" ] && grep -q -- "$pat" "$tmp/err" && ok ||
	    bad "$name: exit $st: $(head -n 1 "$tmp/err")"
}
mkdir -p "$tmp/r/a" "$tmp/r/b" "$tmp/r/p" "$tmp/r/u" "$tmp/r/x"
printf 'dasar: b\n' >"$tmp/r/a/templat.yaml"
printf 'dasar: a\n' >"$tmp/r/b/templat.yaml"
printf 'dasar: ../dasar\n' >"$tmp/r/p/templat.yaml"
printf 'dasr: dasar\n' >"$tmp/r/u/templat.yaml"
printf 'dasar: tidak-ada\n' >"$tmp/r/x/templat.yaml"
export RENCANA_TEMPLATES="$tmp/r"
tb "cycle" 1 "templat.yaml:1:8: error\[template-base\]: dasar: .* is already in the chain of bases" \
    build -T "$tmp/r/a" -o "$tmp/x.pdf" "$e"
tb "base as a path" 1 "error\[template-base\]: dasar: a base is a template name" \
    build -T "$tmp/r/p" -o "$tmp/x.pdf" "$e"
tb "unknown key" 1 "unknown key \`dasr\`; did you mean \`dasar\`?" \
    build -T "$tmp/r/u" -o "$tmp/x.pdf" "$e"
tb "missing base" 1 "no base template \`tidak-ada\` in $tmp/r" \
    build -T "$tmp/r/x" -o "$tmp/x.pdf" "$e"
unset RENCANA_TEMPLATES
tb "base chosen" 1 "hanya_dasar: .* is only a base" build -T templates/dasar -o "$tmp/x.pdf" "$e"
tb "base copied" 1 "is only a base" template copy dasar "$tmp/no"
[ ! -e "$tmp/no" ] && ok || bad "a refused copy left $tmp/no"
sed 's/^  jenis: \(.*\)/  jenis: \1\n  templat: dasar/' "$e" >"$tmp/d.yaml"
tb "base by dokumen.templat" 1 "is only a base" build -o "$tmp/x.pdf" "$tmp/d.yaml"
# build -o may not replace a file of the base either.
mkdir -p "$tmp/r2" "$tmp/ov2"
cp -R "$tmp/hand" "$tmp/r2/mine"
printf 'dasar: mine\n' >"$tmp/ov2/templat.yaml"
cp "$tmp/r2/mine/gaya.yaml" "$tmp/gaya.orig"
RENCANA_TEMPLATES="$tmp/r2" "$RENCANA" build -T "$tmp/ov2" -o "$tmp/r2/mine/gaya.yaml" \
    "$e" 2>"$tmp/err"
[ $? = 1 ] && cmp -s "$tmp/gaya.orig" "$tmp/r2/mine/gaya.yaml" && ok ||
    bad "build -o onto the base's gaya.yaml: $(head -n 1 "$tmp/err")"

# ---- copy: where it may write, and nothing left on failure ----
mkdir -p "$tmp/full" "$tmp/empty" "$tmp/par"
echo x >"$tmp/full/f"
tb "copy into a full folder" 3 "is not empty" template copy rencana-pengembangan "$tmp/full"
[ "$(ls "$tmp/full")" = f ] && ok || bad "a refused copy changed the folder"
run template copy rencana-pengembangan "$tmp/empty/" 2>"$tmp/err" &&
    [ -f "$tmp/empty/dokumen.md.mustache" ] && ok || bad "copy into an empty folder"
tb "copy, no parent" 3 "cannot make a folder beside" template copy \
    rencana-pengembangan "$tmp/nothere/x"
tb "copy, unknown" 1 "no template \`tidak-ada\`" template copy tidak-ada "$tmp/par/x"
mkdir -p "$tmp/fifo"
printf 'dasar: rencana-pengembangan\n' >"$tmp/fifo/templat.yaml"
mkfifo "$tmp/fifo/sampul.mustache"
tb "copy of a FIFO" 1 "is not a regular file" template copy "$tmp/fifo" "$tmp/par/x"
[ -z "$(ls -A "$tmp/par")" ] && ok || bad "a failed copy left: $(ls -A "$tmp/par")"
tb "template, nothing" 2 "template needs" template
tb "template copy, one operand" 2 "takes KIND and DIR" template copy x
tb "template, unknown" 2 "unknown template command" template move a b
"$RENCANA" help template | grep -q '^usage: rencana template' && ok ||
    bad "rencana help template"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
