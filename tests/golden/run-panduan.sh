#!/bin/sh
# rencana: every command of the planner's guide, docs/panduan.md, works.
# Each fenced ```sh block is run, in the order of the guide, in one
# temporary folder (each block a `sh -e` script), with `rencana` on PATH
# being the program under test and RENCANA_LANG=id, as the guide's first
# step sets.  A block expected to fail is preceded by the line
# `<!-- status N -->`: its exit status must be N.  The guide's claims
# about the failing checks are tested too (Indonesian, "did you mean").
# Prints one line per failure and ends with "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"
doc=docs/panduan.md

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL panduan: $*"; fail=$((fail + 1)); }

mkdir -p "$tmp/bin" "$tmp/work" "$tmp/blocks"
ln -s "$RENCANA" "$tmp/bin/rencana"
# Blocks as files NNN.sh, with NNN.status when a status is expected.
awk -v dir="$tmp/blocks" '
	/^<!-- status [0-9]+ -->$/ { st = $3; next }
	!inb && /^```sh[ \t]*$/ { inb = 1; n++; f = sprintf("%s/%03d.sh", dir, n)
		printf "" > f
		if (st != "") { print st > (dir "/" sprintf("%03d", n) ".status"); st = "" }
		next }
	inb && /^```[ \t]*$/ { inb = 0; close(f); next }
	inb { print > f; next }
	/^```/ { st = "" }
' "$doc"
nblocks=$(find "$tmp/blocks" -name '*.sh' | wc -l)
[ "$nblocks" -ge 10 ] && ok || bad "only $nblocks sh blocks found in $doc"
grep -q '^export RENCANA_LANG=id$' "$tmp/blocks/001.sh" && ok ||
    bad "the first block does not set RENCANA_LANG=id"

for b in "$tmp"/blocks/*.sh; do
	want=0
	[ -f "${b%.sh}.status" ] && want=$(cat "${b%.sh}.status")
	(cd "$tmp/work" && env PATH="$tmp/bin:$PATH" RENCANA_LANG=id sh -e "$b") \
	    >"${b%.sh}.out" 2>&1
	st=$?
	if [ "$st" = "$want" ]; then ok; else
		bad "block $(basename "$b"): exit $st, expected $want"
		sed 's/^/  | /' "$b" | head -n 5
		sed 's/^/  > /' "${b%.sh}.out" | head -n 5
	fi
done

# What the guide says the runs show.
out=$(cat "$tmp"/blocks/*.out)
case $out in *"penggunaan: rencana"*) ok ;; *) bad "rencana --help was not Indonesian" ;; esac
case $out in *"maksud Anda \`tantangan\`?"*) ok ;; *) bad "no did-you-mean for tantangn" ;; esac
case $out in *"error[val-enum]: dokumen.status: \`draf\` bukan salah satu dari"*) ok ;;
*) bad "no val-enum error for status: draf" ;; esac
case $out in *"dokumen final memerlukan \`nomor\`"*) ok ;; *) bad "no val-needs error for nomor" ;; esac
for f in rencana.yaml pembinaan.yaml kompetensi.yaml rencana.pdf keluaran/rencana.pdf \
    keluaran/pembinaan.pdf keluaran/kompetensi.pdf rencana-kami.pdf rencana.schema.json \
    templat-kami/gaya.yaml; do
	[ -s "$tmp/work/$f" ] && ok || bad "the guide's commands made no $f"
done
grep -q '^  status: final$' "$tmp/work/rencana.yaml" && ok || bad "rencana.yaml is not final"
# The final PDF has no KONSEP mark, the draft had one.
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext "$tmp/work/rencana.pdf" - 2>/dev/null | grep -q KONSEP &&
	    bad "the final PDF has a KONSEP mark" || ok
	pdftotext "$tmp/work/keluaran/rencana.pdf" - 2>/dev/null | grep -q KONSEP &&
	    ok || bad "the draft PDF has no KONSEP mark"
fi
# The example output in the guide is what rencana prints.
for l in 'error[yaml-colon-in-value]: nilai `peran` memuat `: `, yang dibaca YAML sebagai awal kunci lain' \
    'help: apit nilainya dengan tanda petik: peran: "Catatan: menyusun kurikulum"'; do
	grep -qF "$l" "$doc" && grep -qF "$l" tests/golden/check-id/yaml-colon-in-value.diag &&
	    ok || bad "the guide's example differs from check-id/yaml-colon-in-value.diag: $l"
done
line=$(grep -F 'error[val-enum]: dokumen.status:' "$doc")
case $out in *"$line"*) ok ;; *) bad "the guide's val-enum example is not what check prints: $line" ;; esac

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
