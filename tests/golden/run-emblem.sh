#!/bin/sh
# rencana: examples/lambang-contoh.png, the neutral emblem on the cover of
# examples/mataram-pengembangan.yaml, is what tools/emblem.py draws: the
# committed asset and its script cannot drift apart.
# Prints one line per failure and ends with "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"

if python3 tools/emblem.py "$tmp/e.png" 2>"$tmp/err" &&
    cmp -s "$tmp/e.png" examples/lambang-contoh.png; then
	pass=$((pass + 1))
else
	echo "FAIL emblem: tools/emblem.py does not make examples/lambang-contoh.png: $(head -n 2 "$tmp/err")"
	fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
