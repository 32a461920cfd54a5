#!/bin/sh
# rencana: nothing lost under faults (issue 5).  Each case breaks one thing
# under `rencana build` and checks: the exit status (3 for the environment:
# output folder, disk, fonts, interruption; 1 for a bad logo, which the plan
# names, as docs/diagnostics.md says), the message, no partial or temporary
# file left in the output folder, and earlier outputs intact (checksums).
#   - unwritable folder: chmod 555 (as root, where modes do not bind: a
#     read-only tmpfs when mount works, else a folder under /proc)
#   - full disk: a file-size limit (`ulimit -f`, SIGXFSZ ignored so write
#     fails with EFBIG), and a 64 KiB tmpfs when mount works (ENOSPC)
#   - missing fonts: RENCANA_FONTS names an empty folder; behind a template
#     error only the template's message shows (one plan and a batch)
#   - missing, corrupt and truncated logos
#   - SIGINT during `build -j 2 -d DIR` on 40 plans, once the first is out
# Prints one line per failure and ends with "N passed, N failed".
# Usage: run-faults.sh PATH/TO/rencana
set -u
. "$(dirname "$0")/lib.sh"
mounted=
cleanup() {
	for m in $mounted; do umount "$m" 2>/dev/null; done
	chmod -R u+w "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 3' INT TERM

ok() { pass=$((pass + 1)); }
bad() {
	echo "FAIL $*"
	[ -f "$tmp/err" ] && sed 's/^/  | /' "$tmp/err" | head -5
	fail=$((fail + 1))
}

# expect NAME STATUS WANT: the last run's status ($st) and stderr ($tmp/err).
expect() {
	if [ "$st" != "$2" ]; then
		bad "$1: exit status $st, expected $2"
		return 1
	elif ! grep -q "$3" "$tmp/err"; then
		bad "$1: no \`$3\` in the message"
		return 1
	fi
	return 0
}

# clean NAME DIR: no temporary file (.NAME.XXXXXX) and no stray file in DIR
# other than those listed after it.
clean() {
	name=$1 dir=$2
	shift 2
	ls -A "$dir" | LC_ALL=C sort >"$tmp/have"
	printf '%s\n' "$@" | sed '/^$/d' | LC_ALL=C sort >"$tmp/want"
	if ! cmp -s "$tmp/have" "$tmp/want"; then
		bad "$name: files left in the output folder:" $(comm -23 "$tmp/have" "$tmp/want")
		return 1
	fi
	return 0
}

sum() { cksum <"$1"; }

plan=$tmp/plan.yaml
"$RENCANA" init >"$plan"
"$RENCANA" build -o "$tmp/ref.pdf" "$plan" 2>/dev/null
ref=$(sum "$tmp/ref.pdf")
me=$(id -u)

# ---- an unwritable output folder ----
mkdir "$tmp/ro"
if [ "$me" != 0 ]; then
	chmod 555 "$tmp/ro"
	ro=$tmp/ro
elif mount -t tmpfs -o ro,size=64k tmpfs "$tmp/ro" 2>/dev/null; then
	mounted="$mounted $tmp/ro"
	ro=$tmp/ro
else
	ro=/proc/self
fi
run build -d "$ro" "$plan" >/dev/null 2>"$tmp/err"
st=$?
expect "unwritable folder" 3 "cannot create a temporary file" &&
    { [ "$ro" = /proc/self ] || clean "unwritable folder" "$ro"; } && ok

# ---- a full disk: a file-size limit, an existing output kept ----
mkdir "$tmp/full"
cp "$tmp/ref.pdf" "$tmp/full/plan.pdf"
cp "$plan" "$tmp/plan2.yaml"
echo "kata_pengantar: Kata pengantar yang mengubah keluaran." >>"$tmp/plan2.yaml"
(
	trap '' XFSZ
	ulimit -f 16	# 8 KiB or 16 KiB (the unit is 512 or 1024 bytes): under one PDF
	exec "$RENCANA" build -o "$tmp/full/plan.pdf" "$tmp/plan2.yaml"
) >/dev/null 2>"$tmp/err"
st=$?
expect "file-size limit" 3 "cannot write" &&
    clean "file-size limit" "$tmp/full" plan.pdf &&
    if [ "$(sum "$tmp/full/plan.pdf")" != "$ref" ]; then
	bad "file-size limit: the earlier plan.pdf was changed"
    else ok; fi

# ---- a full disk: a small tmpfs (ENOSPC), when mount works ----
if [ "$me" = 0 ] && mkdir "$tmp/small" &&
    mount -t tmpfs -o size=16k tmpfs "$tmp/small" 2>/dev/null; then
	mounted="$mounted $tmp/small"
	run build -d "$tmp/small" "$plan" >/dev/null 2>"$tmp/err"
	st=$?
	expect "full tmpfs" 3 "cannot write" && clean "full tmpfs" "$tmp/small" && ok
fi

# ---- missing fonts ----
mkdir "$tmp/nofonts" "$tmp/out"
cp "$tmp/ref.pdf" "$tmp/out/plan.pdf"
RENCANA_FONTS=$tmp/nofonts run build -d "$tmp/out" "$plan" >/dev/null 2>"$tmp/err"
st=$?
expect "missing fonts" 3 "cannot read font .*LiberationSans-Regular.ttf" &&
    clean "missing fonts" "$tmp/out" plan.pdf &&
    if [ "$(sum "$tmp/out/plan.pdf")" != "$ref" ]; then
	bad "missing fonts: the earlier plan.pdf was changed"
    else ok; fi

# ---- missing fonts behind a template error: the template's message only,
# exit 1 (the fonts are opened after the template), for one plan and for a
# batch ----
cp -R templates/rencana-pengembangan "$tmp/badtpl"
echo '{{nama_yang_tidak_ada}}' >>"$tmp/badtpl/dokumen.md.mustache"
cp "$plan" "$tmp/plan3.yaml"
for plans in "$plan" "$plan $tmp/plan3.yaml"; do
	# shellcheck disable=SC2086
	RENCANA_FONTS=$tmp/nofonts run build --template "$tmp/badtpl" \
	    -d "$tmp/out" $plans >/dev/null 2>"$tmp/err"
	st=$?
	if expect "template error, no fonts" 1 "nama_yang_tidak_ada"; then
		if grep -q "cannot read font" "$tmp/err"; then
			bad "template error, no fonts: a font message as well"
		else ok; fi
	fi
done

# ---- missing, corrupt and truncated logos (the plan's fault: exit 1) ----
printf 'not an image' >"$tmp/corrupt.png"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0' >"$tmp/truncated.png"
printf '\377\330\377\340 not a jpeg' >"$tmp/corrupt.jpg"
for logo in missing.png corrupt.png truncated.png corrupt.jpg; do
	sed "s/^wilayah:\$/wilayah:\\
  logo: $logo/" "$plan" >"$tmp/logo.yaml"
	rm -rf "$tmp/out"
	mkdir "$tmp/out"
	run build -d "$tmp/out" "$tmp/logo.yaml" >/dev/null 2>"$tmp/err"
	st=$?
	case $logo in
	missing.png)	want="cannot read the cover logo" ;;
	*)		want="cannot decode image" ;;
	esac
	expect "logo $logo" 1 "$want" && clean "logo $logo" "$tmp/out" && ok
done

# ---- SIGINT during a batch: finished outputs complete, no temp files ----
mkdir "$tmp/many" "$tmp/out2"
cp examples/lambang-contoh.png "$tmp/many/"	# its cover logo
cp -R examples/gambar "$tmp/many/"	# the example's figure
i=0
while [ $i -lt 40 ]; do
	cp examples/mataram-pengembangan.yaml "$tmp/many/p$i.yaml"
	i=$((i + 1))
done
"$RENCANA" build -o "$tmp/mref.pdf" "$tmp/many/p0.yaml" 2>/dev/null
mref=$(sum "$tmp/mref.pdf")
# An earlier output of the last plan, which the batch never reaches.
cp "$tmp/ref.pdf" "$tmp/out2/p39.pdf"
"$RENCANA" build -j 2 -d "$tmp/out2" "$tmp"/many/p*.yaml >/dev/null 2>"$tmp/err" &
pid=$!
# The signal goes once the first PDF is out (at most 60 s): a fixed delay
# would come before the handler is installed under valgrind.
i=0
while [ $i -lt 1200 ] && ! ls "$tmp/out2" | grep -qv '^p39\.pdf$'; do
	sleep 0.05
	i=$((i + 1))
done
kill -INT $pid
wait $pid
st=$?
if expect "SIGINT" 3 "interrupted"; then
	n=0 broken=
	for f in "$tmp"/out2/*; do
		case $f in
		*/p39.pdf) [ "$(sum "$f")" = "$ref" ] || broken="$broken p39.pdf(changed)" ;;
		*/p*.pdf) [ "$(sum "$f")" = "$mref" ] || broken="$broken ${f##*/}" ;;
		*) broken="$broken ${f##*/}" ;;
		esac
		n=$((n + 1))
	done
	if ls -A "$tmp/out2" | grep -q '^\.'; then
		bad "SIGINT: temporary files left: $(ls -A "$tmp/out2" | grep '^\.')"
	elif [ -n "$broken" ]; then
		bad "SIGINT: incomplete or stray outputs:$broken"
	elif [ "$n" -ge 40 ]; then
		bad "SIGINT: every plan was built; the signal came too late"
	else
		ok
	fi
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
