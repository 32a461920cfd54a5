#!/bin/sh
# rencana: whole-PDF checks of every example (poppler-utils and qpdf, both in
# tools/deps.sh).  For each examples/NAME.yaml, built to a temporary folder:
#   - the page count equals tests/golden/pages/NAME.pages;
#   - pdffonts lists fonts, every one embedded;
#   - pdftotext -nodiag (the diagonal draft mark left out) prints nothing on
#     stderr, and every paragraph of the plan's prose fields
#     (tests/golden/pdf/paragraphs.mustache, expanded with the plan) is in
#     its text, in order (compared on letters and digits only, so line
#     breaks, hyphens and list marks do not count; paragraphs holding a
#     table are skipped);
#   - qpdf --check passes;
#   - a bookmark for every chapter of the dump, page labels /r then /D from
#     the dump's first body page;
#   - two builds are byte-identical; with SOURCE_DATE_EPOCH the dates follow
#     it and two builds are identical; `-o -` writes the same bytes; batches
#     at -j 1 and -j 2 write the same bytes as one-plan builds.
# Then the failure paths: a build that fails late (a broken logo) exits 1 and
# leaves an earlier PDF as it was; `-o` naming the plan itself is refused; a
# character the fonts lack in a Markdown field is a diagnostic with its code
# point and position, exit 1, no output; the progress line shows only when
# stderr is a terminal.
# Prints one line per failure and ends with "N passed, N failed".
# Usage: run-pdf.sh PATH/TO/rencana
set -u
RENCANA=${1:-./rencana}
case $RENCANA in /*) ;; *) RENCANA=$(pwd)/$RENCANA ;; esac
cd "$(dirname "$0")/../.." || exit 3
export NO_COLOR=1 TZ=UTC LC_ALL=C
unset SOURCE_DATE_EPOCH
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

for t in pdfinfo pdffonts pdftotext qpdf; do
	if ! command -v $t >/dev/null 2>&1; then
		echo "FAIL $t is not installed (poppler-utils, qpdf: make deps)"
		echo "0 passed, 1 failed"
		exit 1
	fi
done

# Letters and digits only: what the text says, not how it is broken.
norm() { tr -cd '[:alnum:]'; }

for y in examples/*.yaml; do
	[ -e "$y" ] || continue
	n=$(basename "$y" .yaml)
	d=$tmp/$n
	mkdir -p "$d"
	dump=tests/golden/pages/$n.pages
	if ! "$RENCANA" build "$y" -o "$d/a.pdf" 2>"$d/err" || [ -s "$d/err" ]; then
		bad "$y: build failed or printed messages"
		sed 's/^/  | /' "$d/err" | head -10
		continue
	fi
	ok

	# page count
	want=$(sed -n '1s/.* pages \([0-9]*\) .*/\1/p' "$dump" 2>/dev/null)
	got=$(pdfinfo "$d/a.pdf" | sed -n 's/^Pages: *//p')
	if [ -z "$want" ] || [ "$got" != "$want" ]; then
		bad "$y: $got pages, the dump has ${want:-none}"
	else ok; fi

	# fonts: at least one, all embedded (emb is the 5th field from the end)
	pdffonts "$d/a.pdf" >"$d/fonts" 2>&1
	nf=$(tail -n +3 "$d/fonts" | grep -c .)
	ne=$(tail -n +3 "$d/fonts" | awk '$(NF-4) != "yes"' | grep -c .)
	if [ "$nf" = 0 ] || [ "$ne" != 0 ]; then
		bad "$y: fonts not all embedded"
		sed 's/^/  | /' "$d/fonts"
	else ok; fi

	# text: no warnings; every prose paragraph, in order
	pdftotext -nodiag "$d/a.pdf" "$d/text" 2>"$d/terr"
	if [ -s "$d/terr" ]; then
		bad "$y: pdftotext printed messages"
		sed 's/^/  | /' "$d/terr" | head -5
	else ok; fi
	# the running head, page numbers and page breaks are not the text, nor
	# a line on every page (the footer of an electronically signed document)
	awk 'BEGIN { RS = "\f" } NF { np++; delete seen; n = split($0, l, "\n")
	    for (i = 1; i <= n; i++) if (l[i] != "" && !seen[l[i]]++) c[l[i]]++ }
	    END { if (np > 2) for (k in c) if (c[k] == np) print k }' \
	    "$d/text" >"$d/every"
	tr -d '\f' <"$d/text" | grep -v -x -E '[0-9]+|[ivxlcdm]+|KONSEP (-|–) versi .*' |
	    grep -v -x -F -f "$d/every" | norm >"$d/flat"
	"$RENCANA" expand tests/golden/pdf/paragraphs.mustache --data "$y" \
	    --escape none >"$d/prose" 2>"$d/experr"
	missing=0
	total=0
	# Footnotes: a reference prints as a superscript number, so the text
	# around it is looked for piece by piece; a definition prints at the
	# page's foot, so it is looked for but not in order (note*).
	awk -v dir="$d" 'BEGIN { RS = ""; k = 0; m = 0 }
	    function out(name, n, s,   f) { f = sprintf("%s/%s%04d", dir, name, n)
		print s > f; close(f) }
	    /\|/ { next }
	    /^([Tt]abel?|[Tt]able)?:/ { next }
	    # an image alone is a figure, its caption also in DAFTAR GAMBAR
	    /^!\[/ { next }
	    /^[ \t]*\[\^[^] \t]+\]:/ {
		n = split($0, L, "\n"); cur = ""
		for (i = 1; i <= n; i++)
			if (L[i] ~ /^[ \t]*\[\^[^] \t]+\]:/) {
				if (cur != "") out("note", ++m, cur)
				cur = L[i]; sub(/^[ \t]*\[\^[^] \t]+\]:[ \t]*/, "", cur)
			} else cur = cur "\n" L[i]
		out("note", ++m, cur); next }
	    { n = split($0, P, /\[\^[^] \t]+\]/)
	      for (i = 1; i <= n; i++) out("para", ++k, P[i]) }' \
	    "$d/prose"
	for p in "$d"/para* "$d"/note*; do
		[ -e "$p" ] || continue
		total=$((total + 1))
		s=$(norm <"$p")
		[ -n "$s" ] || continue
		if ! grep -q -F -- "$s" "$d/flat"; then
			missing=$((missing + 1))
			[ $missing -le 3 ] && head -c 160 "$p" | sed 's/^/  | missing: /'
		fi
	done
	if [ "$total" -lt 5 ] || [ "$missing" != 0 ]; then
		bad "$y: $missing of $total prose paragraphs not found in the text"
	else ok; fi
	# paragraphs in order: their positions in the text only grow
	last=0
	order=ok
	for p in "$d"/para*; do
		[ -e "$p" ] || continue
		s=$(norm <"$p")
		[ -n "$s" ] || continue
		pos=$(awk -v s="$s" '{ i = index($0, s); print i; exit }' "$d/flat")
		# a repeated paragraph may be found earlier: only the first counts
		if [ "${pos:-0}" -gt 0 ] && [ "$pos" -lt "$last" ] &&
		    ! grep -q -F -- "$s" "$tmp/seen-$n" 2>/dev/null; then
			order="paragraph at $pos before $last"
		fi
		[ "${pos:-0}" -gt "$last" ] && last=$pos
		echo "$s" >>"$tmp/seen-$n"
	done
	if [ "$order" != ok ]; then bad "$y: prose out of order: $order"; else ok; fi

	# structure
	if ! qpdf --check "$d/a.pdf" >"$d/qpdf" 2>&1; then
		bad "$y: qpdf --check failed"
		sed 's/^/  | /' "$d/qpdf" | tail -5
	else ok; fi
	qpdf --json --json-key=outlines "$d/a.pdf" >"$d/outlines" 2>&1
	nmiss=0
	sed -n 's/^outline 1 page [0-9]* y [0-9.]* |\(.*\)|$/\1/p' "$dump" >"$d/chapters"
	while IFS= read -r title; do
		grep -q -F "\"title\": \"$title\"" "$d/outlines" ||
		    { nmiss=$((nmiss + 1)); echo "  | no bookmark: $title"; }
	done <"$d/chapters"
	if [ ! -s "$d/chapters" ] || [ "$nmiss" != 0 ]; then
		bad "$y: bookmarks missing"
	else ok; fi
	bs=$(sed -n '1s/.* body_start \([0-9]*\)$/\1/p' "$dump")
	qpdf --json --json-key=pagelabels "$d/a.pdf" | tr -d ' \n' >"$d/labels"
	if ! grep -q -F '{"index":0,"label":{"/S":"/r","/St":1}}' "$d/labels" ||
	    ! grep -q -F "{\"index\":$bs,\"label\":{\"/S\":\"/D\",\"/St\":1}}" "$d/labels"; then
		bad "$y: page labels are not /r from 0 and /D from $bs"
		sed 's/^/  | /' "$d/labels" | head -c 400; echo
	else ok; fi

	# reproducible
	"$RENCANA" build "$y" -o "$d/b.pdf" 2>/dev/null
	if ! cmp -s "$d/a.pdf" "$d/b.pdf"; then bad "$y: two builds differ"; else ok; fi
	"$RENCANA" build "$y" -o - >"$d/c.pdf" 2>/dev/null
	if ! cmp -s "$d/a.pdf" "$d/c.pdf"; then bad "$y: -o - differs from the file"; else ok; fi
	SOURCE_DATE_EPOCH=1700000000 "$RENCANA" build "$y" -o "$d/e1.pdf" 2>/dev/null
	SOURCE_DATE_EPOCH=1700000000 "$RENCANA" build "$y" -o "$d/e2.pdf" 2>/dev/null
	dates=$(pdfinfo -isodates "$d/e1.pdf" | grep -c -E '^(CreationDate|ModDate): *2023-11-14T22:13:20(Z|\+00)')
	if ! cmp -s "$d/e1.pdf" "$d/e2.pdf" || [ "$dates" != 2 ]; then
		bad "$y: SOURCE_DATE_EPOCH builds differ or dates do not follow it"
		pdfinfo -isodates "$d/e1.pdf" | grep Date | sed 's/^/  | /'
	else ok; fi
done

# A batch writes what one-plan builds write (each a.pdf above), at -j 1 and
# at -j 2 (one libharu document per thread).
for j in 1 2; do
	mkdir -p "$tmp/batch$j"
	"$RENCANA" build -j $j -d "$tmp/batch$j" examples/*.yaml 2>/dev/null
	for y in examples/*.yaml; do
		n=$(basename "$y" .yaml)
		if ! cmp -s "$tmp/$n/a.pdf" "$tmp/batch$j/$n.pdf"; then
			bad "$y: the one-plan build and the -j $j batch differ"
		else ok; fi
	done
done

# A build that fails late leaves the earlier PDF whole.
d=$tmp/fail
mkdir -p "$d"
cp examples/alak-pengembangan.yaml "$d/plan.yaml"
"$RENCANA" build "$d/plan.yaml" -o "$d/out.pdf" 2>/dev/null
cp "$d/out.pdf" "$d/before.pdf"
awk '{ print } /^  instansi: /{ print "  logo: rusak.png" }' \
    examples/alak-pengembangan.yaml >"$d/plan.yaml"
printf '\211PNG\r\n\032\nnot a png' >"$d/rusak.png"
"$RENCANA" build "$d/plan.yaml" -o "$d/out.pdf" 2>"$d/err"
st=$?
if [ "$st" != 1 ] || ! cmp -s "$d/out.pdf" "$d/before.pdf" || [ ! -s "$d/err" ] ||
    [ -n "$(find "$d" -name '*.tmp*')" ]; then
	bad "failed build: exit $st (want 1), earlier PDF changed or leftovers"
	sed 's/^/  | /' "$d/err"
else ok; fi

# Never over the plan itself, however it is spelled.
cp examples/alak-pengembangan.yaml "$d/self.yaml"
cp "$d/self.yaml" "$d/self.orig"
for o in "$d/self.yaml" "$d/./self.yaml"; do
	"$RENCANA" build "$d/self.yaml" -o "$o" 2>"$d/err"
	st=$?
	if [ "$st" != 1 ] || ! cmp -s "$d/self.yaml" "$d/self.orig" ||
	    ! grep -q 'refusing to write the output over the input file' "$d/err"; then
		bad "build -o $o: exit $st (want 1) or the plan changed"
		sed 's/^/  | /' "$d/err"
	else ok; fi
done

# Text is text: a character the fonts lack, in a Markdown field.
sed '/^kata_pengantar: |$/{n;s/^  \([A-Za-z]*\) /  \1 一 /;}' \
    examples/alak-pengembangan.yaml >"$d/le.yaml"
line=$(grep -n '一' "$d/le.yaml" | cut -d: -f1)
"$RENCANA" build "$d/le.yaml" -o "$d/le.pdf" >"$d/out" 2>"$d/err"
st=$?
if [ "$st" != 1 ] || [ -e "$d/le.pdf" ] || [ -s "$d/out" ] || [ -z "$line" ] ||
    ! grep -q -F "$d/le.yaml:$line:11: error[val-char]: kata_pengantar: character \`一\` (U+4E00) is not in the template's font \`LiberationSans-Regular.ttf\`" "$d/err"; then
	bad "一 in kata_pengantar: exit $st (want 1), output written or no diagnostic"
	sed 's/^/  | /' "$d/err" | head -5
else ok; fi

# Unicode text (issue 17): characters outside WinAnsi that Liberation Sans
# has, in a Markdown field (and so in a bold heading's neighbourhood, in the
# justified body), are set and extracted whole; the fonts stay embedded,
# subset, with ToUnicode maps, one of them Identity-H; qpdf accepts it.
uni='≥ ≤ ± → × ÷ ² ³ ‰ • Ñoño Çağlar Đặng Łukasz Wiśniewski Jiří Dvořák'
sed "/^kata_pengantar: |\$/a\\
  Simbol $uni selesai." examples/alak-pengembangan.yaml >"$d/uni.yaml"
if ! "$RENCANA" build "$d/uni.yaml" -o "$d/uni.pdf" >"$d/out" 2>"$d/err"; then
	bad "Unicode text: build failed"
	sed 's/^/  | /' "$d/err" | head -5
else
	pdftotext "$d/uni.pdf" - 2>"$d/err" | tr '\n' ' ' | tr -s ' ' >"$d/txt"
	if ! grep -q -F "Simbol $uni selesai." "$d/txt" || [ -s "$d/err" ]; then
		bad "Unicode text: pdftotext does not give back \`$uni\`"
		grep -o 'Simbol.\{0,120\}' "$d/txt" | sed 's/^/  | /' | head -3
	else ok; fi
	pdffonts "$d/uni.pdf" >"$d/fonts" 2>&1
	if ! grep -q 'CID TrueType *Identity-H *yes yes yes' "$d/fonts" ||
	    grep -v '^name\|^---' "$d/fonts" | grep -v 'yes yes yes' | grep -q .; then
		bad "Unicode text: a font not embedded, subset and mapped, or no Identity-H one"
		sed 's/^/  | /' "$d/fonts"
	else ok; fi
	if ! qpdf --check "$d/uni.pdf" >"$d/out" 2>&1; then
		bad "Unicode text: qpdf --check"
		sed 's/^/  | /' "$d/out" | head -5
	else ok; fi
fi

# An output that is not a regular file (a FIFO here; /dev/null in life) is
# written in place: a temporary file renamed over it would replace it.
for kind in pdf markdown; do
	rm -f "$d/fifo" "$d/got"
	mkfifo "$d/fifo"
	timeout 10 cat "$d/fifo" >"$d/got" &
	"$RENCANA" build --to "$kind" examples/alak-pengembangan.yaml -o "$d/fifo" 2>"$d/err"
	st=$?
	wait
	if [ "$st" != 0 ] || [ ! -p "$d/fifo" ] || [ ! -s "$d/got" ]; then
		bad "--to $kind -o FIFO: exit $st, the FIFO replaced or nothing written"
	else ok; fi
done

# The progress line: only when several plans are built and stderr is a
# terminal (script(1) gives one).  Without a terminal stderr has only the
# summary line.
mkdir -p "$d/o1" "$d/o2"
"$RENCANA" build -d "$d/o1" examples/alak-pengembangan.yaml \
    examples/mataram-kompetensi.yaml 2>"$d/err"
if ! grep -q '^rencana: 2 written, 0 failed, 0 not started, [0-9.]* s$' "$d/err" ||
    [ "$(wc -l <"$d/err")" != 1 ]; then
	bad "progress shown without a terminal, or no summary line"
	od -c "$d/err" | head -3 | sed 's/^/  | /'
else ok; fi
if command -v script >/dev/null 2>&1; then
	script -qec "'$RENCANA' build -d '$d/o2' examples/alak-pengembangan.yaml examples/mataram-kompetensi.yaml" /dev/null \
	    </dev/null >"$d/tty" 2>&1
	if ! grep -q -F '[1/2]' "$d/tty" || ! grep -q -F '[2/2]' "$d/tty" ||
	    ! grep -q 'mataram-kompetensi' "$d/tty"; then
		bad "no progress line on a terminal"
		od -c "$d/tty" | head -5 | sed 's/^/  | /'
	else ok; fi
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
