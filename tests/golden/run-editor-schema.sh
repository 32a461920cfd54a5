#!/bin/sh
# rencana: the JSON Schema of `rencana schema` applied as an editor applies
# it (tests/golden/editor-schema.py: YAML 1.2, Debian's python3-jsonschema):
#   every examples/*.yaml and every golden plan that check accepts is valid;
#   every plan named in tests/golden/editor-schema.expect (check rejects it
#   for a rule the schema encodes) is rejected by the schema too.
# A missing python3-jsonschema or python3-yaml is a failure, not a skip.
# MEASURE=1 also prints the verdict on every plan check rejects, and the
# figure docs/editor.md quotes.
# Prints one line per failure and ends with "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
EXPECT=tests/golden/editor-schema.expect

if ! "$PY" -c 'import jsonschema, yaml' 2>/dev/null; then
	echo "FAIL editor-schema: $PY cannot import jsonschema and yaml" \
	    "(apt-get install python3-jsonschema python3-yaml, or make deps)"
	echo "$pass passed, 1 failed"
	exit 1
fi
# The starter plans of `rencana init` are judged too.
for j in rencana-pengembangan sistem-pembinaan strategi-kompetensi; do
	run init --jenis $j >"$tmp/init-$j.yaml"
done
if ! run schema >"$tmp/schema.json" ||
    ! "$PY" tests/golden/editor-schema.py "$tmp/schema.json" examples/*.yaml \
    "$tmp"/init-*.yaml tests/golden/check/*.yaml >"$tmp/verdicts"; then
	echo "FAIL editor-schema: the schema could not be generated or applied"
	echo "$pass passed, 1 failed"
	exit 1
fi

verdict() {
	awk -F '\t' -v f="$1" '$1 == f { print $2 }' "$tmp/verdicts"
}

want_status() {
	if [ -f "tests/golden/check/$1.status" ]; then cat "tests/golden/check/$1.status"; else echo 1; fi
}

# What check accepts, the schema accepts.
for y in examples/*.yaml "$tmp"/init-*.yaml tests/golden/check/*.yaml; do
	case $y in tests/*) n=$(basename "$y" .yaml); [ "$(want_status "$n")" = 0 ] || continue ;; esac
	v=$(verdict "$y")
	if [ "$v" = valid ]; then
		pass=$((pass + 1))
	else
		echo "FAIL editor-schema: $y is valid for check but the schema says: $v"
		grep "^$y	" "$tmp/verdicts" | cut -f 3 | sed 's/^/  | /'
		fail=$((fail + 1))
	fi
done

# What check rejects for a rule the schema encodes, the schema rejects.
for n in $(sed 's/#.*//' "$EXPECT"); do
	v=$(verdict "tests/golden/check/$n.yaml")
	if [ "$v" = schema ] && [ "$(want_status "$n")" = 1 ]; then
		pass=$((pass + 1))
	else
		echo "FAIL editor-schema: $n (in $EXPECT) is not rejected by the schema: ${v:-no such plan}"
		fail=$((fail + 1))
	fi
done

if [ "${MEASURE:-}" = 1 ]; then
	total=0 schema=0 yaml=0
	for y in tests/golden/check/*.yaml; do
		n=$(basename "$y" .yaml)
		[ "$(want_status "$n")" = 1 ] || continue
		v=$(verdict "$y")
		total=$((total + 1))
		case $v in schema) schema=$((schema + 1)) ;; yaml) yaml=$((yaml + 1)) ;; esac
		printf '%-7s %s\n' "$v" "$n"
	done
	echo "the schema rejects $schema of $total plans check rejects;" \
	    "$yaml more are YAML an editor's parser refuses"
fi
echo "$pass passed, $fail failed"
