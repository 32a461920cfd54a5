#!/bin/sh
# rencana: `make bench` (issue 5; never part of `make check`).  Runs
# `rencana build` beside the libharu-only floor (bench/floor.c: the same
# pages, read from rencana's page dump, drawn with the same fonts) and
# prints, for each, wall and CPU time (best of RUNS), peak memory, PDF size
# and the ratio to the floor.  rencana and the floor, and -j 1 and -j 2, run
# in turn (bench/measure.c), so a machine whose speed drifts treats both
# alike:
#   - a 10-page plan (the starter plan) and a 100-page plan (bench/gen.sh)
#   - a batch of 500 plans with -j 1 and -j 2, against 500 floor runs
# Targets: each plan within 1.5x the floor's wall time, under 16 MiB at 100
# pages, the batch with -j 2 at least 1.8x the plans per second of -j 1.
# Usage: run.sh RENCANA FLOOR MEASURE [RUNS]    (outputs in build/bench/)
set -u
RENCANA=$1 FLOOR=$2 MEASURE=$3 RUNS=${4:-5}
cd "$(dirname "$0")/.." || exit 3
out=build/bench
rm -rf "$out"
mkdir -p "$out/batch" "$out/batch-out"
fontdir=${RENCANA_FONTS:-fonts}
miss=0

pages() {
	pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'
}

# row NAME "wall cpu kib" BYTES [FLOOR-ROW]: one line of the table
row() {
	printf '%-26s %9s %9s %9s %10s' "$1" $2 "$3"
	[ -n "${4:-}" ] && printf '   %s' "$4"
	printf '\n'
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

echo "rencana bench: $(uname -m), $(nproc) cores, best of $RUNS runs"
printf '%-26s %9s %9s %9s %10s\n' "" "wall ms" "cpu ms" "peak KiB" "PDF bytes"
for size in 10 100; do
	sh bench/gen.sh "$RENCANA" "$size" >"$out/p$size.yaml" || exit 1
	# The floor draws these very pages (the dump is made untimed); the two
	# run in turn, so both see the same machine.
	"$RENCANA" build --to pages -o "$out/p$size.pages" "$out/p$size.yaml" || exit 1
	both=$($MEASURE "$RUNS" "$RENCANA" build -o "$out/p$size.pdf" "$out/p$size.yaml" \
	    -- "$FLOOR" "$out/p$size.pages" "$fontdir" "$out/floor$size.pdf") || exit 1
	r=$(echo "$both" | sed -n 1p) f=$(echo "$both" | sed -n 2p)
	n=$(pages "$out/p$size.pdf")
	rw=$(echo "$r" | cut -d' ' -f1) fw=$(echo "$f" | cut -d' ' -f1)
	rc=$(echo "$r" | cut -d' ' -f2) fc=$(echo "$f" | cut -d' ' -f2)
	kib=$(echo "$r" | cut -d' ' -f3)
	row "rencana, $n pages" "$r" "$(wc -c <"$out/p$size.pdf")" \
	    "wall $(ratio "$rw" "$fw")x, cpu $(ratio "$rc" "$fc")x the floor"
	row "floor, $n pages" "$f" "$(wc -c <"$out/floor$size.pdf")"
	if awk -v a="$rw" -v b="$fw" 'BEGIN { exit !(a > 1.5 * b) }'; then
		echo "  MISSED: more than 1.5x the floor's wall time"
		miss=$((miss + 1))
	fi
	if [ "$size" = 100 ] && [ "$kib" -gt 16384 ]; then
		echo "  MISSED: peak memory over 16 MiB"
		miss=$((miss + 1))
	fi
done

sh bench/gen.sh "$RENCANA" batch 500 "$out/batch" || exit 1
n=$(pages "$out/p10.pdf")
brun=$(( RUNS > 2 ? 2 : RUNS ))
both=$($MEASURE "$brun" "$RENCANA" build -j 1 -d "$out/batch-out" "$out"/batch/p*.yaml \
    -- "$RENCANA" build -j 2 -d "$out/batch-out" "$out"/batch/p*.yaml) || exit 1
for j in 1 2; do
	r=$(echo "$both" | sed -n ${j}p)
	w=$(echo "$r" | cut -d' ' -f1)
	eval "w$j=$w"
	row "rencana, 500 plans, -j $j" "$r" "" \
	    "$(awk -v w="$w" 'BEGIN { printf "%.1f plans/s", 500000 / w }')"
done
r=$($MEASURE 1 sh -c "i=0; while [ \$i -lt 500 ]; do $FLOOR $out/p10.pages $fontdir $out/batch-floor.pdf >/dev/null || exit 1; i=\$((i + 1)); done") || exit 1
row "floor, 500 x $n pages" "$r" "" \
    "$(awk -v w="$(echo "$r" | cut -d' ' -f1)" 'BEGIN { printf "%.1f plans/s", 500000 / w }')"
sp=$(ratio "$w1" "$w2")
echo "batch: -j 2 runs ${sp}x the plans per second of -j 1"
if awk -v s="$sp" 'BEGIN { exit !(s < 1.8) }'; then
	echo "  MISSED: under 1.8x"
	miss=$((miss + 1))
fi
echo "bench: $miss targets missed"
