#!/bin/sh
# rencana: hostile plans and templates (issue 10).  Every fixture is made
# here in a temporary folder: FIFOs, symbolic links, copies of a template,
# and odd but valid images written by tests/golden/hostile/images.py
# (python3's standard library).  Each case runs under `timeout`, so a build
# that blocks fails instead of hanging, and checks the exit status and the
# exact first line of the diagnostic:
#   - the plan's logo: `../x`, an absolute path, a link leaving the folder,
#     a FIFO, a folder (exit 1 at wilayah.logo); a link inside is fine;
#     a logo the template writes itself is checked the same (sampul.logo);
#   - an image in a Markdown field (a figure): the same rules, at the
#     field, in build and check alike
#   - a template's partial linked to /etc/passwd, gaya.yaml linked outside,
#     a word set that is a FIFO, fonts named by gaya.yaml that are a FIFO,
#     outside or absolute (exit 1); a font inside the template is used
#   - PNGs with tRNS, 16-bit, palette with alpha, interlace, an iCCP chunk,
#     grey with alpha: built (exit 0), qpdf --check passes, transparency
#     becomes a soft mask; a 1 x 10000 logo is refused
#   - a JPEG's EXIF and comment segments are not in the PDF
#   - word spacing over libharu's limit (a paragraph `Layanan yang` and 120
#     dots; a gaya.yaml at 72 pt without margins): built, the line ragged
# Prints one line per failure and ends with "N passed, N failed".
# Usage: run-hostile.sh PATH/TO/rencana   (VALGRIND=1: under valgrind)
set -u
. "$(dirname "$0")/lib.sh"
root=$(pwd)

ok() { pass=$((pass + 1)); }
bad() {
	echo "FAIL $*"
	sed 's/^/  | /' "$tmp/err" | head -5
	fail=$((fail + 1))
}

# rr ARGS: rencana, never for more than a minute (valgrind: five).
rr() {
	if [ "${VALGRIND:-}" = 1 ]; then
		timeout 300 valgrind -q --error-exitcode=99 --leak-check=full \
		    --errors-for-leak-kinds=definite "$RENCANA" "$@"
	else
		timeout 60 "$RENCANA" "$@"
	fi
}

# t NAME STATUS FIRST-LINE ARGS...: runs rencana; checks the exit status and
# the first line of stderr (empty: stderr must be empty).
t() {
	name=$1 want=$2 line=$3
	shift 3
	rr "$@" >"$tmp/out" 2>"$tmp/err"
	st=$?
	got=$(head -n 1 "$tmp/err")
	if [ "$st" != "$want" ]; then
		bad "$name: exit status $st, expected $want"
		return 1
	elif [ "$got" != "$line" ]; then
		bad "$name: first line differs; expected:
  > $line"
		return 1
	fi
	ok
	return 0
}

for tool in python3 qpdf pdfimages pdffonts; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "FAIL $tool is not installed (make deps)"
		echo "0 passed, 1 failed"
		exit 1
	fi
done

mkdir "$tmp/w"
cd "$tmp/w" || exit 3
mkdir p out
"$RENCANA" init >p/plan.yaml
python3 "$root/tests/golden/hostile/images.py" p || exit 3
# A whole folder to edit (the shipped kinds overlay templates/dasar).
"$RENCANA" template copy rencana-pengembangan "$tmp/rp" || exit 3
tpl=$tmp/rp

# logo LOGO: p/logo.yaml, the plan with wilayah.logo LOGO; $at is the
# position of the value.
logo() {
	sed "s|^wilayah:\$|wilayah:\\
  logo: $1|" p/plan.yaml >p/logo.yaml
	at="p/logo.yaml:$(grep -n '^  logo: ' p/logo.yaml | cut -d: -f1):9"
}

# ---- the plan's logo: confined to the plan's folder, regular files ----
echo secret >outside.png
w=$(pwd)
cp p/rgb-trns.png outside.jpg
ln -s ../outside.png p/link.png
ln -s rgb-trns.png p/inlink.png
mkfifo p/fifo.png
mkdir p/folder.png
outside="lies outside the plan's folder \`p\` once links are followed"
# tl NAME LOGO STATUS MESSAGE: the plan with that logo; MESSAGE follows
# "$at: error[CODE]: wilayah.logo: " (empty: no message), CODE from MESSAGE.
tl() {
	logo "$2"
	case $4 in
	*"$outside") code=path-outside ;;
	*"not a regular file") code=path-not-file ;;
	*) code=layout-image ;;
	esac
	t "logo $1" "$3" "${4:+$at: error[$code]: wilayah.logo: $4}" \
	    build p/logo.yaml -o out/x.pdf
}
tl ../ ../outside.png 1 "the cover logo \`../outside.png\` $outside"
tl absolute "$w/outside.jpg" 1 "the cover logo \`$w/outside.jpg\` $outside"
tl "link out" link.png 1 "the cover logo \`link.png\` $outside"
tl FIFO fifo.png 1 "the cover logo \`fifo.png\` is not a regular file"
tl folder folder.png 1 "the cover logo \`folder.png\` is not a regular file"
# --allow-dir widens the plan's folder by one folder.
mkdir -p allowed
cp p/rgb-trns.png allowed/logo.png
logo "$w/allowed/logo.png"
rm -f out/x.pdf
t "logo absolute, --allow-dir" 0 "" build --allow-dir "$w/allowed" p/logo.yaml -o out/x.pdf
[ -e out/x.pdf ] || bad "logo with --allow-dir: no PDF written"
t "--allow-dir not a folder" 2 "rencana: error: --allow-dir \`$w/outside.jpg\`: not a folder" \
    build --allow-dir "$w/outside.jpg" p/logo.yaml -o out/x.pdf
t "logo outside an allowed folder" 1 "$at: error[path-outside]: wilayah.logo: the cover logo \`$w/allowed/logo.png\` $outside" \
    build p/logo.yaml -o out/x.pdf
tl missing nothing.png 1 "cannot read the cover logo \`nothing.png\`: No such file or directory"
rm -f out/x.pdf
tl "link inside" inlink.png 0 ""
[ -e out/x.pdf ] || bad "logo link inside: no PDF written"

# ---- images in Markdown fields (figures): the same rules, at the field ----
# fig IMG: p/fig.yaml, the plan with `![Gambar](IMG)` in pendahuluan; $at is
# the position of the image.
fig() {
	sed "/^  Tuliskan latar belakang/a\\
\\
  ![Gambar]($1)" p/plan.yaml >p/fig.yaml
	at="p/fig.yaml:$(grep -n '^  !\[Gambar\]' p/fig.yaml | cut -d: -f1):3"
}
# tf NAME IMG STATUS MESSAGE: as tl, for a figure's image at pendahuluan.
tf() {
	fig "$2"
	case $4 in
	*"$outside") code=path-outside ;;
	*"not a regular file") code=path-not-file ;;
	*) code=layout-image ;;
	esac
	t "figure $1" "$3" "${4:+$at: error[$code]: pendahuluan: $4}" \
	    build p/fig.yaml -o out/x.pdf
	t "figure $1 (check)" "$3" "${4:+$at: error[$code]: pendahuluan: $4}" \
	    check p/fig.yaml
}
tf ../ ../outside.png 1 "the image \`../outside.png\` $outside"
tf absolute "$w/outside.jpg" 1 "the image \`$w/outside.jpg\` $outside"
tf "link out" link.png 1 "the image \`link.png\` $outside"
tf FIFO fifo.png 1 "the image \`fifo.png\` is not a regular file"
tf folder folder.png 1 "the image \`folder.png\` is not a regular file"
tf missing nothing.png 1 "cannot read the image \`nothing.png\`: No such file or directory"
tf "not an image" plan.yaml 1 "the image \`plan.yaml\` is not a PNG or JPEG file"
tf tall tall.png 1 "the image \`tall.png\` is 1 x 10000 pixels; one side may be at most 20 times the other"
tf "link inside" inlink.png 0 ""
tf JPEG exif.jpg 0 ""
fig "$w/allowed/logo.png"
t "figure absolute, --allow-dir" 0 "" build --allow-dir "$w/allowed" p/fig.yaml -o out/x.pdf

# dokumen.templat as a path: a folder the plan names, so confined like the
# logo (inside the plan's folder, or --allow-dir); --template is the user's.
sed "s|^  jenis: \(.*\)|  jenis: \1\\
  templat: $tpl|" p/plan.yaml >p/tpath.yaml
tl_at="p/tpath.yaml:$(grep -n '^  templat: ' p/tpath.yaml | cut -d: -f1):12"
t "templat outside" 1 "$tl_at: error[path-outside]: dokumen.templat: the template folder \`$tpl\` lies outside the plan's folder \`p\` once links are followed (use --allow-dir, or --template)" \
    build p/tpath.yaml -o out/x.pdf
t "templat outside, --allow-dir" 0 "" build --allow-dir "$tpl" p/tpath.yaml -o out/x.pdf
t "templat outside, check" 1 "$tl_at: error[path-outside]: dokumen.templat: the template folder \`$tpl\` lies outside the plan's folder \`p\` once links are followed (use --allow-dir, or --template)" \
    check p/tpath.yaml
cp -R "$tpl" p/t
sed "s|^  templat: .*|  templat: ./t|" p/tpath.yaml >p/tin.yaml
t "templat inside" 0 "" build p/tin.yaml -o out/x.pdf

# A logo the template writes itself: no plan field, the same rules.
cp -R "$tpl" t0
sed 's|^judul: |logo: ../outside.png\njudul: |' "$tpl/sampul.mustache" >t0/sampul.mustache
t "template logo" 1 "rencana: error[path-outside]: sampul.logo: the cover logo \`../outside.png\` $outside" \
    build --template t0 p/plan.yaml -o out/x.pdf

# ---- odd but valid images ----
for img in rgb-trns.png rgba16.png pal-trns.png interlaced.png icc.png \
    gray-alpha.png exif.jpg; do
	logo "$img"
	rm -f "out/$img.pdf"
	t "logo $img" 0 "" build p/logo.yaml -o "out/$img.pdf" || continue
	if ! qpdf --check "out/$img.pdf" >/dev/null 2>&1; then
		bad "logo $img: qpdf --check fails"
		continue
	fi
	pdfimages -list "out/$img.pdf" >"$tmp/list" 2>&1
	case $img in
	rgb-trns.png|rgba16.png|pal-trns.png|gray-alpha.png) want=1 ;;
	*) want=0 ;;
	esac
	if [ "$(grep -c ' smask ' "$tmp/list")" != $want ]; then
		bad "logo $img: $want soft mask(s) expected"
		sed 's/^/  | /' "$tmp/list"
	else ok; fi
done
# The JPEG's own pixels are embedded (DCT), its EXIF and comment are not.
if ! grep -q ' jpeg ' "$tmp/list" || grep -a -q 'RAHASIA-EXIF-7731' out/exif.jpg.pdf ||
    ! grep -a -q 'RAHASIA-EXIF-7731' p/exif.jpg; then
	bad "exif.jpg: metadata embedded, or the image not a JPEG stream"
else ok; fi
tl "1 x 10000" tall.png 1 "the cover logo \`tall.png\` is 1 x 10000 pixels; one side may be at most 20 times the other"

# ---- template files: confined to the template folder ----
inside="once links are followed"
cp -R "$tpl" t1
rm t1/bab-kondisi.mustache
ln -s /etc/passwd t1/bab-kondisi.mustache
t "partial -> /etc/passwd" 1 "t1/bab-kondisi.mustache: error[path-outside]: the template file \`bab-kondisi.mustache\` lies outside the template folder \`t1\` $inside" \
    build --to markdown --template t1 p/plan.yaml -o out/t1.md
if [ -e out/t1.md ] || grep -q 'root:' "$tmp/out" "$tmp/err"; then
	bad "partial -> /etc/passwd: its text was written"
else ok; fi
cp -R "$tpl" t2
rm t2/gaya.yaml t2/kata-id.yaml
ln -s ../outside.png t2/gaya.yaml
mkfifo t2/kata-id.yaml
t "gaya.yaml -> outside, kata-id.yaml a FIFO" 1 "t2/gaya.yaml: error[path-outside]: the template file \`gaya.yaml\` lies outside the template folder \`t2\` $inside" \
    build --template t2 p/plan.yaml -o out/x.pdf
if ! grep -q -F "t2/kata-id.yaml: error[path-not-file]: the template file \`kata-id.yaml\` is not a regular file" "$tmp/err"; then
	bad "kata-id.yaml FIFO: not reported"
else ok; fi

# Fonts named by gaya.yaml: a path with `/` stays in the template folder.
cp -R "$tpl" t3
mkdir t3/huruf
mkfifo t3/huruf/fifo.ttf
cp "$root/fonts/LiberationSans-Bold.ttf" t3/huruf/Tebal.ttf 2>/dev/null ||
    cp /usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf t3/huruf/Tebal.ttf
fl=$(grep -n '^  biasa: ' "$tpl/gaya.yaml" | cut -d: -f1)
font() { sed "s|^  biasa: .*|  biasa: $1|" "$tpl/gaya.yaml" >t3/gaya.yaml; }
font huruf/fifo.ttf
t "font FIFO" 1 "t3/gaya.yaml:$fl:10: error[path-not-file]: huruf.biasa: the font \`huruf/fifo.ttf\` is not a regular file" \
    build --template t3 p/plan.yaml -o out/x.pdf
font ../outside.png
t "font outside" 1 "t3/gaya.yaml:$fl:10: error[path-outside]: huruf.biasa: the font \`../outside.png\` lies outside the template folder \`t3\` $inside" \
    build --template t3 p/plan.yaml -o out/x.pdf
font /etc/passwd
t "font absolute" 1 "t3/gaya.yaml:$fl:10: error[path-outside]: huruf.biasa: the font \`/etc/passwd\` lies outside the template folder \`t3\` $inside" \
    build --template t3 p/plan.yaml -o out/x.pdf
font huruf/Tebal.ttf
t "font inside" 0 "" build --template t3 p/plan.yaml -o out/font.pdf &&
    if ! pdffonts out/font.pdf | grep -q '+LiberationSans-Bold ' ||
        pdffonts out/font.pdf | grep -q '+LiberationSans '; then
	bad "font inside: the template's font is not the body font"
	pdffonts out/font.pdf | sed 's/^/  | /'
else ok; fi

# ---- word spacing within libharu's limit: such lines are set ragged ----
dots=$(printf '%120s' '' | tr ' ' .)
awk -v d="$dots" '{ print } /^pendahuluan: \|$/ { print "  Layanan yang " d; print "" }' \
    p/plan.yaml >p/dots.yaml
t "Layanan yang + 120 dots" 0 "" build p/dots.yaml -o out/dots.pdf
rr build --to pages p/dots.yaml -o - >"$tmp/pages" 2>/dev/null
if ! grep -q 'R 12.0 |Layanan yang|$' "$tmp/pages"; then
	bad "Layanan yang + 120 dots: the line is not set ragged"
	grep 'Layanan' "$tmp/pages" | sed 's/^/  | /'
else ok; fi
cp -R "$tpl" t4
sed -e 's/^margin_mm: .*/margin_mm: {atas: 20, bawah: 25, kiri: 0, kanan: 0}/' \
    -e 's/^ukuran_pt: .*/ukuran_pt: {isi: 72, bab: 14, subbab: 12, subsubbab: 12, sampul: 20, tabel: 72}/' \
    "$tpl/gaya.yaml" >t4/gaya.yaml
t "gaya.yaml 72 pt, no margins" 0 "" build --template t4 p/plan.yaml -o out/big.pdf

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
