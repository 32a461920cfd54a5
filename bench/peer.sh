#!/bin/sh
# rencana: side by side with Typst on the peer document (issue 17; never
# part of `make check`).  The peer material (not in this repository: its
# typst/ folder with plan.typ, typst-pdf.js and the plans, Typst 0.14.2
# from npm, and make_rencana_plans.py) is described in its own README;
# bench/peer-template/ is its rencana template in the current format.  rencana and Typst run
# in turn (bench/measure.c, best of RUNS), so their ratio is fair on a
# shared machine; outputs go to OUT, which should be on tmpfs (/dev/shm)
# so that fsync does not blur the comparison.
#   - 10 and 95 pages (and about 850 when bench/peer-100x.py made its
#     plans): `rencana build` against one `node typst-pdf.js`
#   - a batch of 20 plans: `rencana build -j 2` against one node process
#     compiling the same 20
# Usage: bench/peer.sh RENCANA MEASURE TYPST-DIR PLANS-DIR OUT [RUNS]
#   TYPST-DIR: the peer's typst/ with node_modules, and batch/ made by
#              make_variants.py; PLANS-DIR: make_rencana_plans.py's plans/
set -u
RENCANA=$1 MEASURE=$2 TY=$3 PL=$4 OUT=$5 RUNS=${6:-5}
tpl=$(cd "$(dirname "$0")" && pwd)/peer-template
fonts=${RENCANA_FONTS:-/usr/share/fonts/truetype/dejavu}
mkdir -p "$OUT/r" "$OUT/t" || exit 1

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b / a }'; }
line() { # NAME "rencana-row" "typst-row" RPDF TPDF
	set -- "$1" $2 $3 "$4" "$5"
	printf '%-18s rencana %6s ms %6s KiB %8s B | typst %6s ms %7s KiB %8s B | %sx faster\n' \
	    "$1" "$2" "$4" "$(cat $8 2>/dev/null | wc -c)" "$5" "$7" \
	    "$(cat $9 2>/dev/null | wc -c)" "$(ratio "$2" "$5")"
}

echo "rencana vs Typst: $(nproc) cores, best of $RUNS runs each, in turn"
for p in plan plan-10x plan-100x; do
	# plan-100x (about 850 pages) only when bench/peer-100x.py made it
	[ -f "$PL/$p.yaml" ] && [ -f "$TY/$p.yaml" ] || continue
	both=$(RENCANA_FONTS=$fonts $MEASURE "$RUNS" \
	    "$RENCANA" build -T "$tpl" -o "$OUT/r/$p.pdf" "$PL/$p.yaml" -- \
	    node "$TY/typst-pdf.js" "$TY/plan.typ" "$OUT/t/$p.pdf" "$TY/$p.yaml") ||
	    exit 1
	n=$(pdfinfo "$OUT/r/$p.pdf" | awk '/^Pages:/ { print $2 }')
	line "$p ($n pages)" "$(echo "$both" | sed -n 1p)" \
	    "$(echo "$both" | sed -n 2p)" "$OUT/r/$p.pdf" "$OUT/t/$p.pdf"
done
set --
for i in $(seq -w 1 20); do
	set -- "$@" "$OUT/t/b$i.pdf" "$TY/batch/plan-$i.yaml"
done
both=$(RENCANA_FONTS=$fonts $MEASURE "$RUNS" \
    "$RENCANA" build -j 2 -T "$tpl" -d "$OUT/r" "$PL"/batch/plan-*.yaml -- \
    node "$TY/typst-pdf.js" "$TY/plan.typ" "$@") || exit 1
line "batch of 20, -j 2" "$(echo "$both" | sed -n 1p)" \
    "$(echo "$both" | sed -n 2p)" "$OUT/r/plan-01.pdf" "$OUT/t/b01.pdf"
