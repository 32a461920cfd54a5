#!/bin/sh
# rencana: `rencana schema` must print exactly docs/rencana.schema.json, the
# committed copy that editors use; docs/format.md holds the current field
# table, and docs/diagnostics.md explains every code.  After changing src/schema.c, run
#   ./rencana schema > docs/rencana.schema.json
# Prints one line per failure and ends with "N passed, N failed".
set -u
RENCANA=${1:-./rencana}
case $RENCANA in /*) ;; *) RENCANA=$(pwd)/$RENCANA ;; esac
cd "$(dirname "$0")/../.." || exit 3
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
pass=0
fail=0
if "$RENCANA" schema >"$tmp" && cmp -s "$tmp" docs/rencana.schema.json; then
	pass=$((pass + 1))
else
	echo "FAIL schema: \`rencana schema\` differs from docs/rencana.schema.json"
	diff docs/rencana.schema.json "$tmp" | head -10 | sed 's/^/  | /'
	fail=$((fail + 1))
fi
# The field table of docs/format.md is current.
"$RENCANA" schema --markdown >"$tmp"
if sed -n '/^<!-- BEGIN rencana schema --markdown -->$/,/^<!-- END rencana schema --markdown -->$/p' \
    docs/format.md | sed '1d;$d' | cmp -s - "$tmp"; then
	pass=$((pass + 1))
else
	echo "FAIL schema: the table in docs/format.md differs from \`rencana schema --markdown\`"
	fail=$((fail + 1))
fi
# Every diagnostic code is explained in docs/diagnostics.md.
for c in $(sed -n 's/^DIAG([A-Z_0-9]*,[^"]*"\([a-z0-9-]*\)".*/\1/p' src/diag_codes.h); do
	if grep -q "^### \`$c\`" docs/diagnostics.md; then
		pass=$((pass + 1))
	else
		echo "FAIL docs: code \`$c\` is not in docs/diagnostics.md"
		fail=$((fail + 1))
	fi
done
# Well-formed JSON, when a checker is at hand.
if command -v python3 >/dev/null 2>&1; then
	if python3 -m json.tool docs/rencana.schema.json >/dev/null 2>&1; then
		pass=$((pass + 1))
	else
		echo "FAIL schema: docs/rencana.schema.json is not valid JSON"
		fail=$((fail + 1))
	fi
fi
echo "$pass passed, $fail failed"
