#!/bin/sh
# rencana: positions through the Markdown hop (issue 11).  A message about
# bytes of the expanded Markdown points at where they came from: template
# text at the template file's line and column, a value at its plan field.
# Prints one line per failure and ends with "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL positions: $1"; fail=$((fail + 1)); }
# first NAME WANT: the first line of $tmp/err is WANT
first() {
	got=$(head -n 1 "$tmp/err")
	if [ "$got" = "$2" ]; then ok
	else bad "$1: got
  > $got
  expected
  > $2"; fi
}

T=$tmp/t
run template copy rencana-pengembangan "$T" || bad "template copy"
cp examples/alak-pengembangan.yaml "$tmp/plan.yaml"
k=$T/bab-kesimpulan.mustache
n=$(wc -l <"$k")

# Raw HTML in template text: a warning at the template's line and column.
cp "$k" "$tmp/k.orig"
printf '\nTeks <b>tebal</b> di templat.\n' >>"$k"
run build -T "$T" -o "$tmp/x.pdf" "$tmp/plan.yaml" 2>"$tmp/err"
st=$?
[ $st = 0 ] && ok || bad "html in template text: exit $st"
first "html in template text" \
    "$k:$((n + 2)):6: warning[md-html]: raw HTML is not shown in the PDF; write the text without tags"

# A Markdown limit in template text: 300 `|` on one line of a partial.
cp "$tmp/k.orig" "$k"
{ printf '\n'; i=0; while [ $i -lt 300 ]; do printf '|'; i=$((i + 1)); done; printf '\n'; } >>"$k"
run build -T "$T" -o "$tmp/x.pdf" "$tmp/plan.yaml" 2>"$tmp/err"
st=$?
[ $st = 1 ] && ok || bad "pipes in template text: exit $st"
head -n 1 "$tmp/err" | grep -q "^$k:$((n + 2)):[0-9]*: error\[md-limit\]: a line holds 300" && ok ||
    bad "pipes in template text: $(head -n 1 "$tmp/err")"
# check reports it too (it runs every stage but the writing).
run check -T "$T" "$tmp/plan.yaml" 2>"$tmp/err"
st=$?
[ $st = 1 ] && head -n 1 "$tmp/err" | grep -q "^$k:$((n + 2)):[0-9]*: error\[md-limit\]: a line holds 300" && ok ||
    bad "check: pipes in template text: exit $st $(head -n 1 "$tmp/err")"

# Raw HTML in a plan value: at the field, in the plan.
cp "$tmp/k.orig" "$k"
line=$(grep -n '^kesimpulan: |' "$tmp/plan.yaml" | cut -d: -f1)
if [ -n "$line" ]; then
	sed "$((line + 1))s/^\\(  *\\)/\\1Teks <i>miring<\\/i>. /" "$tmp/plan.yaml" >"$tmp/p2.yaml"
	run build -T "$T" -o "$tmp/x.pdf" "$tmp/p2.yaml" 2>"$tmp/err"
	head -n 1 "$tmp/err" | grep -q "^$tmp/p2.yaml:$((line + 1)):[0-9]*: warning\[md-html\]: kesimpulan: raw HTML" &&
	    ok || bad "html in a value: $(head -n 1 "$tmp/err")"
else
	bad "the example has no \`kesimpulan: |\`"
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
