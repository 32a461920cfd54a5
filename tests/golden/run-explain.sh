#!/bin/sh
# rencana: `rencana explain` (issue 14).  The explanations are the sections of
# docs/diagnostics.md, built into the program (tools/diag-explain.awk):
# every code of src/diag_codes.h is listed and explained with its section's
# text, an unknown code is a usage error with a suggestion, and the help and
# the manual page name the command.
# Prints one line per failure and ends with "N passed, N failed".
# Usage: run-explain.sh PATH/TO/rencana   (VALGRIND=1: under valgrind)
set -u
. "$(dirname "$0")/lib.sh"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL explain: $1"; fail=$((fail + 1)); }

codes=$(sed -n 's/^DIAG([A-Z_0-9]*,[^"]*"\([a-z0-9-]*\)".*/\1/p' src/diag_codes.h)

# The list: every code, in the order of diag_codes.h, one line each.
run explain >"$tmp/list" 2>"$tmp/err" && [ ! -s "$tmp/err" ] && ok ||
    bad "\`rencana explain\` failed"
if [ "$(cut -d ' ' -f 1 "$tmp/list")" = "$codes" ]; then ok
else bad "the list differs from src/diag_codes.h"; fi

# Each code: a first line `CODE (level): text`, then its section of the
# document, whose first line of text is checked here.
for c in $codes; do
	if ! "$RENCANA" explain "$c" >"$tmp/out" 2>"$tmp/err"; then
		bad "$c: exit status $?"
		continue
	fi
	first=$(sed -n "/^### \`$c\`/,/^#/{/^###/d;/^\$/d;p;}" docs/diagnostics.md |
	    head -n 1)
	if head -n 1 "$tmp/out" | grep -q "^$c (\(error\|warning\)): " &&
	    [ -n "$first" ] && [ "$(sed -n 3p "$tmp/out")" = "$first" ]; then ok
	else bad "$c: not its section of docs/diagnostics.md"; fi
done

# As printed in a diagnostic, brackets and colon included.
run explain 'error[val-nip]:' >"$tmp/a" 2>/dev/null &&
    run explain val-nip >"$tmp/b" 2>/dev/null && cmp -s "$tmp/a" "$tmp/b" && ok ||
    bad "\`explain error[val-nip]:\` differs from \`explain val-nip\`"

# The Indonesian explanations, docs/diagnostics.id.md: the same code
# headings in the same order as docs/diagnostics.md.
heads() { sed -n 's/^### `\([a-z0-9-]*\)`.*/\1/p' "$1"; }
if [ "$(heads docs/diagnostics.md)" = "$(heads docs/diagnostics.id.md)" ] &&
    [ "$(heads docs/diagnostics.md | sort)" = "$(printf '%s\n' $codes | sort)" ]
then ok; else bad "docs/diagnostics.id.md: not the codes of docs/diagnostics.md, in its order"; fi

# Each code's section shows a mistake and its fix, in both languages
# (a label line, a blank line, then an indented example), and `--lang id`
# or the environment prints the Indonesian one.
for c in $codes; do
	for l in en id; do
		if [ $l = en ]; then m=Mistake f=Fix; else m=Salah f=Benar; fi
		LANGUAGE= LC_ALL= LC_MESSAGES= LANG= RENCANA_LANG= \
		    "$RENCANA" --lang $l explain "$c" >"$tmp/out" 2>/dev/null
		if awk -v m="$m" -v f="$f" '
		    function label(s, w) { return index(s, w) == 1 && s ~ /:$/ }
		    label(prev, m) && $0 == "" { want = 1 }
		    want == 1 && /^    [^ ]/ { got++; want = 0 }
		    label(prev, f) && $0 == "" { want = 2 }
		    want == 2 && /^    [^ ]/ { fix++; want = 0 }
		    { prev = $0 }
		    END { exit !(got && fix) }' "$tmp/out"
		then ok; else bad "$c ($l): no mistake and fix example"; fi
	done
done
first=$(sed -n '/^### `val-nip`/,/^#/{/^###/d;/^$/d;p;}' docs/diagnostics.id.md |
    head -n 1)
run --lang id explain val-nip >"$tmp/out" 2>/dev/null
[ -n "$first" ] && [ "$(sed -n 3p "$tmp/out")" = "$first" ] &&
    grep -q '^Salah:' "$tmp/out" && ! grep -q '^Mistake' "$tmp/out" && ok ||
    bad "--lang id explain val-nip: not its section of docs/diagnostics.id.md"
RENCANA_LANG=id "$RENCANA" explain val-nip >"$tmp/b" 2>/dev/null
cmp -s "$tmp/out" "$tmp/b" && ok || bad "RENCANA_LANG=id explain differs from --lang id"
run --lang en explain val-nip >"$tmp/out" 2>/dev/null
grep -q '^Mistake:' "$tmp/out" && ok || bad "--lang en explain val-nip: not English"

# The summaries (the 4th argument of DIAG in src/diag_codes.h) and the
# level word are translated too, in explain's output only: `--lang id
# explain val-nip` starts `val-nip (galat): ` and an Indonesian summary.
summary() { sed -n "s/^DIAG([A-Z_0-9]*,[^\"]*\"$1\",[^\"]*\"\\(.*\\)\")\$/\\1/p" src/diag_codes.h; }
en=$(summary val-nip)
run --lang id explain val-nip >"$tmp/out" 2>/dev/null
l1=$(head -n 1 "$tmp/out")
case $l1 in
"val-nip (galat): $en" | "val-nip (error): "*) bad "--lang id explain val-nip: first line \`$l1\`" ;;
"val-nip (galat): "?*) ok ;;
*) bad "--lang id explain val-nip: first line \`$l1\`" ;;
esac
[ -n "$en" ] && [ "$(run --lang en explain val-nip | head -n 1)" = "val-nip (error): $en" ] &&
    ok || bad "--lang en explain val-nip: not \`val-nip (error): $en\`"
# The list in both languages: the same codes, each with the glossary's
# level word, and every summary differs from the English one.
run --lang id explain >"$tmp/id" 2>/dev/null
run --lang en explain >"$tmp/en" 2>/dev/null
if [ "$(cut -d ' ' -f 1 "$tmp/id")" = "$codes" ] && cmp -s "$tmp/en" "$tmp/list"
then ok; else bad "--lang id/en explain: not the list of codes"; fi
rest() { sed 's/^[^ ]*  *[^ ]*  *//' "$1"; }
if awk '{ print $2 }' "$tmp/id" | grep -qv '^\(galat\|peringatan\)$'
then bad "--lang id explain: a level word is not galat or peringatan"; else ok; fi
rest "$tmp/en" >"$tmp/en.s"
rest "$tmp/id" >"$tmp/id.s"
same=$(paste -d '\n' "$tmp/en.s" "$tmp/id.s" | awk 'NR % 2 { e = $0; next } $0 == e')
[ -z "$same" ] && [ -s "$tmp/id.s" ] && ok ||
    bad "--lang id explain: untranslated summaries: $(echo "$same" | head -n 3)"
for c in io-open yaml-tab yaml-colon-space val-nip val-range tpl-unknown-partial tpl-limit-nesting; do
	s=$(summary "$c")
	[ -z "$s" ] && { bad "$c: no summary in src/diag_codes.h"; continue; }
	grep -qF -- "$s" "$tmp/id" && bad "--lang id explain: English summary of $c" || ok
done
# The diagnostics themselves keep their `error[...]` label.
printf 'format: rencana/1\n  judul: x\n' >"$tmp/bad.yaml"
run --lang id check "$tmp/bad.yaml" >/dev/null 2>"$tmp/err"
grep -q 'error\[' "$tmp/err" && ! grep -q 'galat\[' "$tmp/err" && ok ||
    bad "--lang id check: the \`error[...]\` label is translated"

# An unknown code: a usage error (2) with the nearest code.
run explain val-nipp >"$tmp/out" 2>"$tmp/err"
st=$?
if [ $st = 2 ] && [ ! -s "$tmp/out" ] &&
    grep -q "^rencana: error: unknown code \`val-nipp\`; did you mean \`val-nip\`?" "$tmp/err"
then ok; else bad "unknown code: exit $st, $(head -n 1 "$tmp/err")"; fi
run explain a b >/dev/null 2>&1
[ $? = 2 ] && ok || bad "two codes: not a usage error"

# Named in --help, `help explain` and the manual page.
run --help | grep -q '^  explain \[CODE\]' && ok || bad "not in --help"
run help explain | grep -q '^usage: rencana explain' && ok || bad "no \`help explain\`"
grep -q '^\.Cm explain' docs/rencana.1 && ok || bad "not in docs/rencana.1"

echo "$pass passed, $fail failed"
