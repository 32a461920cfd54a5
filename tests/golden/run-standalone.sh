#!/bin/sh
# rencana: the repository stands alone (issue 9): no file of the build, the
# tests or the docs names the team's shared folder beside the clone.
# Prints one line per failure and ends with "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"
pat='\.\./shared\|/work/shared'
hits=$(grep -rn "$pat" Makefile README.md CHANGELOG.md docs src tests tools templates \
    examples bench 2>/dev/null | grep -v '^tests/golden/run-standalone.sh:')
if [ -z "$hits" ]; then
	pass=$((pass + 1))
else
	echo "FAIL standalone: a file names the shared folder:"
	echo "$hits" | head -n 10 | sed 's/^/  | /'
	fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
