#!/bin/sh
# rencana: docs/architecture.md names every file of src/ in its table of
# files (issue 11: readable at a glance).  A new file without a row fails.
# Prints one line per failure and ends with "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"
for f in src/*.c; do
	b=$(basename "$f")
	if grep -q "^| \`$b\`" docs/architecture.md ||
	    grep -q "^| \`[a-z_.]*\`, \`$b\`" docs/architecture.md; then
		pass=$((pass + 1))
	else
		echo "FAIL archdoc: $b has no row in docs/architecture.md"
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
