#!/bin/sh
# rencana: `check` and `build` agree (issue 10).  Over every plan of the
# repository (examples, the golden inputs, the fuzz corpora): when check
# exits 0, build exits 0 and writes a PDF; when check refuses a plan (1),
# build refuses it too and writes nothing.
# Under VALGRIND=1 (`make valgrind`) only the examples and the golden check
# plans: the fuzz corpus (497 inputs) would take most of an hour there, and
# `make asan` replays it through fuzz_build, which runs check and build in
# one process and aborts when they disagree.
# Prints one line per failure and ends with "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL check-build: $1"; fail=$((fail + 1)); }

n=0
min=100
if [ "${VALGRIND:-}" = 1 ]; then
	set -- examples tests/golden/check
	min=50
else
	set -- examples tests/golden tests/fuzz/corpus
fi
for y in $(find "$@" -type f \
    \( -name '*.yaml' -o -path 'tests/fuzz/corpus/build/*' \) | LC_ALL=C sort); do
	n=$((n + 1))
	rm -f "$tmp/out.pdf"
	run check "$y" >/dev/null 2>"$tmp/cerr"
	cs=$?
	run build -o "$tmp/out.pdf" "$y" >/dev/null 2>"$tmp/berr"
	bs=$?
	case $cs in
	0)
		if [ "$bs" = 0 ] && [ -s "$tmp/out.pdf" ]; then ok
		else bad "$y: check says valid, build exits $bs: $(head -n 1 "$tmp/berr")"; fi ;;
	1)
		if [ "$bs" = 1 ] && [ ! -e "$tmp/out.pdf" ]; then ok
		else bad "$y: check refuses, build exits $bs"; fi ;;
	*)
		bad "$y: check exits $cs: $(head -n 1 "$tmp/cerr")" ;;
	esac
done
[ "$n" -gt "$min" ] || bad "only $n plans found"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
