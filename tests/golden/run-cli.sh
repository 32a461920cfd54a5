#!/bin/sh
# rencana: the command line (getopt_long): option forms, `--`, help for
# every command, --version, -q, -v, the batch summary, colour, refused
# outputs, and report output that cannot be written.
# Prints one line per failure and ends with "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"
unset NO_COLOR

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL cli: $1"; fail=$((fail + 1)); }
# check_status NAME WANT GOT
check_status() {
	if [ "$3" = "$2" ]; then ok; else bad "$1: exit status $3, expected $2"; fi
}

E=examples/alak-pengembangan.yaml
E2=examples/mataram-kompetensi.yaml
W=tests/golden/check/valid-warnings.yaml
X=tests/golden/check/missing-key.yaml

# ---- help: `help CMD`, `CMD --help` and `CMD -h` agree, on stdout, exit 0 ----
for c in check build init schema expand hyphenate layout-dump help; do
	"$RENCANA" help $c >"$tmp/h1" 2>"$tmp/err"; s1=$?
	"$RENCANA" $c --help >"$tmp/h2" 2>>"$tmp/err"; s2=$?
	"$RENCANA" $c -h >"$tmp/h3" 2>>"$tmp/err"; s3=$?
	if [ "$s1$s2$s3" != 000 ] || [ -s "$tmp/err" ] ||
	    ! cmp -s "$tmp/h1" "$tmp/h2" || ! cmp -s "$tmp/h1" "$tmp/h3" ||
	    ! head -n 1 "$tmp/h1" | grep -q "^usage: rencana $c "; then
		bad "help of $c (status $s1 $s2 $s3)"
	else ok; fi
done
# Every command is in the general help, and every long option of a command
# is in its help.
"$RENCANA" --help >"$tmp/general"
check_status "--help" 0 $?
for c in check build init schema expand hyphenate layout-dump help; do
	grep -q "^  $c" "$tmp/general" || bad "$c missing from --help"
done
"$RENCANA" help nope >/dev/null 2>"$tmp/err"
check_status "help nope" 2 $?
"$RENCANA" >/dev/null 2>"$tmp/err"
check_status "no command" 2 $?
grep -q '^usage: rencana' "$tmp/err" && ok || bad "no command: no usage on stderr"

# ---- --version: rencana's and each library's ----
"$RENCANA" --version >"$tmp/v"
check_status "--version" 0 $?
if head -n 1 "$tmp/v" | grep -q '^rencana [0-9]' &&
    sed -n 2p "$tmp/v" | grep 'libyaml [0-9]' | grep 'PCRE2 [0-9]' |
    grep 'cmark-gfm [0-9]' | grep 'libharu [0-9]' | grep -q 'libpng [0-9]'; then
	ok
else bad "--version: $(tr '\n' '|' <"$tmp/v")"; fi
"$RENCANA" check -V | cmp -s - "$tmp/v" && ok || bad "check -V differs from --version"

# ---- option forms: -j2, -dDIR, --opt=value, --opt value, -tKIND ----
"$RENCANA" build -j2 -d"$tmp/o1" "$E" "$E2" 2>"$tmp/err"
check_status "-j2 -dDIR" 0 $?
[ -s "$tmp/o1/alak-pengembangan.pdf" ] && [ -s "$tmp/o1/mataram-kompetensi.pdf" ] &&
    ok || bad "-j2 -dDIR: outputs missing"
"$RENCANA" build --jobs=2 --dir="$tmp/o2" --to=markdown "$E" "$E2" 2>"$tmp/err"
check_status "--jobs=2 --dir=DIR --to=markdown" 0 $?
[ -s "$tmp/o2/alak-pengembangan.md" ] && [ -s "$tmp/o2/mataram-kompetensi.md" ] &&
    ok || bad "--dir=DIR: outputs missing"
"$RENCANA" build -tmarkdown --output "$tmp/one.md" "$E" 2>"$tmp/err"
check_status "-tKIND --output FILE" 0 $?
cmp -s "$tmp/one.md" "$tmp/o2/alak-pengembangan.md" && ok || bad "-tmarkdown output differs"
# Options after the operands too (GNU permutation).
"$RENCANA" build "$E" --to markdown -o "$tmp/two.md" 2>"$tmp/err"
check_status "options after the plan" 0 $?
cmp -s "$tmp/one.md" "$tmp/two.md" && ok || bad "options after the plan: output differs"
"$RENCANA" build -j 0 "$E" 2>"$tmp/err"
check_status "-j 0" 2 $?
"$RENCANA" build --bogus "$E" 2>"$tmp/err"
check_status "--bogus" 2 $?
grep -q "unknown option \`--bogus\`" "$tmp/err" && grep -q 'rencana build --help' "$tmp/err" &&
    ok || bad "--bogus: message"
"$RENCANA" build "$E" -o 2>"$tmp/err"
check_status "-o without a value" 2 $?
grep -q -- '-o needs a value' "$tmp/err" && ok || bad "-o without a value: message"

# ---- `--`: a plan whose name starts with a dash ----
cp "$E" "$tmp/-plan.yaml"
(cd "$tmp" && "$RENCANA" build --to markdown -o dash.md -- -plan.yaml) 2>"$tmp/err"
check_status "--" 0 $?
cmp -s "$tmp/dash.md" "$tmp/one.md" && ok || bad "--: output differs"

# ---- -q and -v ----
"$RENCANA" check "$W" 2>"$tmp/err"
check_status "warnings" 0 $?
grep -q 'warning\[' "$tmp/err" && ok || bad "warnings not shown"
"$RENCANA" check -q "$W" 2>"$tmp/err"
check_status "check -q" 0 $?
[ -s "$tmp/err" ] && bad "check -q printed: $(head -n 1 "$tmp/err")" || ok
"$RENCANA" -q check "$X" "$W" 2>"$tmp/err"
check_status "-q before the command" 1 $?
if grep -q 'error\[' "$tmp/err" && ! grep -q 'warning\[' "$tmp/err"; then ok
else bad "-q before the command: errors kept, warnings dropped"; fi
"$RENCANA" build -q -d "$tmp/o3" "$E" "$E2" 2>"$tmp/err"
check_status "build -q" 0 $?
[ -s "$tmp/err" ] && bad "build -q printed: $(head -n 1 "$tmp/err")" || ok
"$RENCANA" build -v --to markdown -o "$tmp/v.md" "$E" 2>"$tmp/err"
check_status "build -v" 0 $?
if grep -q "^rencana: wrote $tmp/v.md\$" "$tmp/err" &&
    grep -q '^rencana: 1 written, 0 failed, 0 not started, [0-9.]* s$' "$tmp/err"; then ok
else bad "build -v: $(tr '\n' '|' <"$tmp/err")"; fi
"$RENCANA" build -d "$tmp/o4" "$E" "$X" 2>"$tmp/err"
check_status "batch with an invalid plan" 1 $?
grep -q '^rencana: 1 written, 1 failed, 0 not started, [0-9.]* s$' "$tmp/err" &&
    ok || bad "batch summary: $(tail -n 1 "$tmp/err")"

# ---- colour: never without a terminal, always on request, never with
# NO_COLOR or TERM=dumb on a terminal ----
esc=$(printf '\033')
"$RENCANA" check "$X" 2>"$tmp/err"
grep -q "$esc" "$tmp/err" && bad "colour without a terminal" || ok
"$RENCANA" check --color=always "$X" 2>"$tmp/err"
grep -q "$esc" "$tmp/err" && ok || bad "--color=always: no colour"
NO_COLOR=1 "$RENCANA" --color=always check "$X" 2>"$tmp/err"
grep -q "$esc" "$tmp/err" && ok || bad "--color=always before the command, NO_COLOR: no colour"
"$RENCANA" check --color=sometimes "$X" 2>"$tmp/err"
check_status "--color=sometimes" 2 $?
if command -v script >/dev/null 2>&1; then
	TERM=xterm script -qec "'$RENCANA' check '$X'" /dev/null </dev/null >"$tmp/tty" 2>&1
	grep -q "$esc" "$tmp/tty" && ok || bad "terminal: no colour"
	TERM=xterm script -qec "'$RENCANA' check --color=never '$X'" /dev/null </dev/null >"$tmp/tty" 2>&1
	grep -q "$esc" "$tmp/tty" && bad "terminal, --color=never: colour" || ok
	NO_COLOR=1 TERM=xterm script -qec "'$RENCANA' check '$X'" /dev/null </dev/null >"$tmp/tty" 2>&1
	grep -q "$esc" "$tmp/tty" && bad "terminal, NO_COLOR: colour" || ok
	TERM=dumb script -qec "'$RENCANA' check '$X'" /dev/null </dev/null >"$tmp/tty" 2>&1
	grep -q "$esc" "$tmp/tty" && bad "terminal, TERM=dumb: colour" || ok
else
	bad "script(1) is missing (Debian bsdutils)"
fi

# ---- outputs: two plans onto one output, -o onto an input ----
mkdir -p "$tmp/a" "$tmp/b" "$tmp/o5"
cp "$E" "$tmp/a/plan.yaml"
cp "$E2" "$tmp/b/plan.yaml"
"$RENCANA" build -j 2 -d "$tmp/o5" "$tmp/a/plan.yaml" "$tmp/b/plan.yaml" 2>"$tmp/err"
check_status "same output twice" 2 $?
if [ -n "$(ls "$tmp/o5")" ] || ! grep -q 'would both be written' "$tmp/err"; then
	bad "same output twice: written, or no message"
else ok; fi
cp tests/golden/expand/basic.mustache tests/golden/expand/basic.yaml "$tmp/"
cp "$tmp/basic.mustache" "$tmp/basic.orig"
"$RENCANA" expand "$tmp/basic.mustache" --data "$tmp/basic.yaml" \
    -o "$tmp/basic.mustache" 2>"$tmp/err"
check_status "expand -o onto its template" 1 $?
cmp -s "$tmp/basic.mustache" "$tmp/basic.orig" && ok || bad "expand replaced its template"
"$RENCANA" expand "$tmp/basic.mustache" --data "$tmp/basic.yaml" \
    --output="$tmp/basic.yaml" 2>"$tmp/err"
check_status "expand -o onto its data" 1 $?

# build -o may not name the cover logo or a file of the template folder.
mkdir -p "$tmp/tp"
"$RENCANA" template copy rencana-pengembangan "$tmp/tp/t"
cp "$tmp/tp/t/gaya.yaml" "$tmp/gaya.orig"
"$RENCANA" build -T "$tmp/tp/t" -o "$tmp/tp/t/gaya.yaml" "$E" 2>"$tmp/err"
check_status "build -o onto the template's gaya.yaml" 1 $?
cmp -s "$tmp/tp/t/gaya.yaml" "$tmp/gaya.orig" && ok || bad "build replaced gaya.yaml"
sed 's|^wilayah:$|wilayah:\n  logo: logo.png|' "$E" >"$tmp/tp/plan.yaml"
printf 'not a png' >"$tmp/tp/logo.png"
"$RENCANA" build -o "$tmp/tp/logo.png" "$tmp/tp/plan.yaml" 2>"$tmp/err"
check_status "build -o onto the logo" 1 $?
[ "$(cat "$tmp/tp/logo.png")" = "not a png" ] && grep -q 'over the input file' "$tmp/err" &&
    ok || bad "build replaced the logo: $(head -n 1 "$tmp/err")"

# ---- a report that cannot be written is an I/O failure ----
if [ -w /dev/full ]; then
	"$RENCANA" check --format=json "$W" >/dev/full 2>/dev/null
	check_status "check --format=json >/dev/full" 3 $?
	"$RENCANA" schema >/dev/full 2>/dev/null
	check_status "schema >/dev/full" 3 $?
	"$RENCANA" --help >/dev/full 2>/dev/null
	check_status "--help >/dev/full" 3 $?
fi

# ---- an output name of 255 bytes (NAME_MAX): the temporary name fits ----
long=$(printf '%0250d' 0)
"$RENCANA" build -o "$tmp/$long.pdf" "$E" 2>"$tmp/err"
check_status "255-byte PDF name" 0 $?
"$RENCANA" build --to markdown -o "$tmp/$long.mdx" "$E" 2>"$tmp/err"
check_status "255-byte Markdown name" 0 $?
[ -s "$tmp/$long.pdf" ] && [ -s "$tmp/$long.mdx" ] && ok || bad "255-byte names: not written"
ls -a "$tmp" | grep -q '^\.rencana-' && bad "a temporary file was left" || ok

# ---- values in text diagnostics: control characters escaped, so no ESC
# reaches the terminal and no newline forges a line; JSON stays valid with
# invalid UTF-8 in a file name ----
printf 'format: rencana/1\ndokumen:\n  jenis: "a\\e[31mX\\nf.yaml:1:1: error: forged\\x85"\n' \
    >"$tmp/ctl.yaml"
"$RENCANA" check "$tmp/ctl.yaml" 2>"$tmp/err"
check_status "control characters" 1 $?
if grep -q "$esc" "$tmp/err" || grep -q '^f.yaml:1:1' "$tmp/err" ||
    ! grep -q 'a\\x1B\[31mX\\nf.yaml:1:1: error: forged\\u0085' "$tmp/err"; then
	bad "control characters printed raw: $(head -n 1 "$tmp/err" | od -c | head -n 2)"
else ok; fi
badname=$(printf "$tmp/bad\\377name.yaml")
cp "$tmp/ctl.yaml" "$badname"
"$RENCANA" check --format=json "$badname" >"$tmp/json" 2>/dev/null
/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1], encoding="utf-8")); assert d[0]["file"].endswith("bad\ufffdname.yaml")' \
    "$tmp/json" 2>"$tmp/err" && ok || bad "JSON with an invalid UTF-8 file name: $(tail -n 1 "$tmp/err")"
"$RENCANA" check "$badname" 2>"$tmp/err"
grep -q 'bad\\xFFname.yaml:' "$tmp/err" && ok || bad "text: invalid UTF-8 file name not escaped"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
