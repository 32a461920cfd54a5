#!/bin/sh
# rencana: golden tests of `rencana build --to markdown`.
#   examples/NAME.yaml                 expected tests/golden/markdown/NAME.md
#   tests/golden/markdown/NAME.yaml    expected NAME.md (exit 0) or NAME.diag
#                                      (exact stderr) with NAME.status;
#                                      NAME.args: extra arguments
# With cmark-gfm installed, each expected document is also parsed: every
# `Table:` caption must be followed by a real table, every directive must
# be a code block, every `# ` line a heading, and no chapter, section or
# table number may be written by the template.  An example headed `# Seed NNN` must show
# every heading of tests/seeds/NNN_*.txt, in order; a missing seed fails, and
# so does a seed that no example names.
# Prints one line per failure, then "N passed, N failed".
set -u
RENCANA=${1:-./rencana}
cd "$(dirname "$0")/../.." || exit 3
SEEDS=tests/seeds
export NO_COLOR=1
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }

# The document parses as intended: tables, directives.
parse_check() {
	command -v cmark-gfm >/dev/null 2>&1 ||
	    { bad "$2: no cmark-gfm program (tools/deps.sh installs it)"; return; }
	cmark-gfm -e table "$1" >"$tmp/html" || { bad "$2: cmark-gfm failed"; return; }
	# Each caption paragraph (`Table: ...`) is directly followed by a
	# table (plans may hold tables of their own in Markdown fields,
	# without captions).  Numbers are never in the Markdown: the
	# numbering pass adds them (docs/templates.md).
	caps=$(grep -c '^Table: ' "$1")
	tabs=$(awk '/^<p>Table: / { c = 1; next }
	    c && /^<table>/ { n++ } { c = 0 } END { print n + 0 }' "$tmp/html")
	[ "$caps" = "$tabs" ] || bad "$2: $caps captions but $tabs of them above a table"
	if grep -q '^\*\*\(Tabel\|Table\) [0-9]' "$1" ||
	    grep -q '^#\{1,3\} \([0-9][0-9.]* \|BAB \|CHAPTER \)' "$1"; then
		bad "$2: a number written by the template"
	fi
	dirs=$(grep -c '^```rencana-' "$1")
	codes=$(grep -c '<pre><code class="language-rencana-' "$tmp/html")
	[ "$dirs" = "$codes" ] || bad "$2: $dirs directives but $codes code blocks"
	chaps=$(grep -c '^# ' "$1")
	h1=$(grep -c '<h1>' "$tmp/html")
	[ "$chaps" = "$h1" ] || bad "$2: $chaps chapters but $h1 chapter headings"
}

# Every heading of the seed appears among the document's headings, in order.
seed_check() {
	n=$(sed -n 's/^# Seed \([0-9][0-9][0-9]\).*/\1/p' "$1" | head -n 1)
	[ -n "$n" ] || return 0
	seed=$(ls "$SEEDS/${n}_"*.txt 2>/dev/null | head -n 1)
	[ -n "$seed" ] || { bad "$1: seed $n: no $SEEDS/${n}_*.txt"; return; }
	# Headings of the document, lower case: chapter titles and sections,
	# without their number and the goal or strategy code after them.
	awk '/^(BAB|CHAPTER) [IVXLC]+\\$/ { getline; print; next }
	     /^#+ / { sub(/^#+ ([0-9]+\.[0-9]+|[A-Z]\.)? */, "")
	              sub(/ \([A-Z]+[0-9]+\)$/, ""); print }' "$2" |
	    sed 's/\\//g' | tr '[:upper:]' '[:lower:]' >"$tmp/heads"
	# Seed headings: its short lines.  The first line is the seed's title
	# when a heading follows it directly (seed 003 has no title: its first
	# line is a heading followed by prose).
	awk 'NR == 1 { first = $0; next }
	     NR == 2 && length($0) >= 120 { print first }
	     length($0) < 120' "$seed" | tr '[:upper:]' '[:lower:]' >"$tmp/want"
	awk 'NR == FNR { want[++nw] = $0; next }
	     { have[++nh] = $0 }
	     END { j = 1
	           for (i = 1; i <= nw; i++) {
	               while (j <= nh && have[j] != want[i]) j++
	               if (j > nh) { print "missing or out of order: " want[i]; exit 1 }
	               j++
	           } }' "$tmp/want" "$tmp/heads" >"$tmp/seedout" ||
	    { bad "$1: seed $n: $(cat "$tmp/seedout")"; return; }
	ok
}

for y in examples/*.yaml; do
	[ -e "$y" ] || continue
	name=$(basename "$y" .yaml)
	want=tests/golden/markdown/$name.md
	"$RENCANA" build "$y" --to markdown -o "$tmp/out.md" 2>"$tmp/err"
	st=$?
	if [ "$st" != 0 ]; then
		bad "$y: exit status $st"
		sed 's/^/  | /' "$tmp/err" | head -10
	elif [ ! -f "$want" ]; then
		bad "$y: no $want"
	elif ! cmp -s "$tmp/out.md" "$want"; then
		bad "$y: markdown differs"
		diff "$want" "$tmp/out.md" | head -20 | sed 's/^/  | /'
	else
		ok
		parse_check "$want" "$y"
		seed_check "$y" "$want"
	fi
done

for y in tests/golden/markdown/*.yaml; do
	[ -e "$y" ] || continue
	base=${y%.yaml}
	want_status=0
	[ -f "$base.status" ] && want_status=$(cat "$base.status")
	args=""
	[ -f "$base.args" ] && args=$(cat "$base.args")
	# shellcheck disable=SC2086
	"$RENCANA" build "$y" --to markdown -o - $args >"$tmp/out.md" 2>"$tmp/err"
	st=$?
	if [ "$st" != "$want_status" ]; then
		bad "$y: exit status $st, expected $want_status"
		sed 's/^/  | /' "$tmp/err" | head -10
	elif [ "$st" = 0 ] && ! cmp -s "$tmp/out.md" "$base.md"; then
		bad "$y: markdown differs"
		diff "$base.md" "$tmp/out.md" | head -20 | sed 's/^/  | /'
	elif [ "$st" != 0 ] && ! cmp -s "$tmp/err" "$base.diag"; then
		bad "$y: diagnostics differ"
		diff "$base.diag" "$tmp/err" | head -20 | sed 's/^/  | /'
	elif [ "$st" != 0 ] && [ -s "$tmp/out.md" ]; then
		bad "$y: output written despite errors"
	else
		ok
		[ "$st" = 0 ] && parse_check "$base.md" "$y"
	fi
done

# Every seed is reproduced by an example.
for s in "$SEEDS"/[0-9][0-9][0-9]_*.txt; do
	[ -e "$s" ] || { bad "$SEEDS: no seed documents"; break; }
	n=$(basename "$s" | cut -c1-3)
	if grep -q "^# Seed $n[^0-9]" examples/*.yaml; then
		ok
	else
		bad "$s: no example headed \`# Seed $n\`"
	fi
done

# Metacharacters in plain fields come out literal (t-meta.yaml).
if ! command -v cmark-gfm >/dev/null 2>&1; then
	bad "t-meta: no cmark-gfm program (tools/deps.sh installs it)"
elif [ -f tests/golden/markdown/t-meta.md ]; then
	cmark-gfm -e table tests/golden/markdown/t-meta.md >"$tmp/meta.html"
	for lit in '*tebal*' '_miring_' '# bukan judul' 'a | b' '&lt;b&gt;x&lt;/b&gt;' \
	    '[x](y)' '1. bukan daftar' '---'; do
		grep -qF -- "$lit" "$tmp/meta.html" || bad "t-meta: \`$lit\` not literal"
	done
	if grep -q '<em>\|<strong>tebal\|<b>x' "$tmp/meta.html"; then
		bad "t-meta: markup leaked from a plain field"
	else
		ok
	fi
fi

echo "$pass passed, $fail failed"
