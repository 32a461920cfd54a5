#!/bin/sh
# rencana: golden tests of `rencana check` beyond tests/golden/check/: the
# loader's four limits on inputs generated here (no multi-MB files in git),
# --format=json and --format=github output, standard input, several files,
# exit statuses 2 and 3, and `rencana init` output passing `check -`.
# Prints one line per failure and ends with "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"
G=tests/golden/validate

# expect NAME WANT_STATUS FILE_WITH_EXPECTED GOT_FILE GOT_STATUS
expect() {
	if [ "$5" != "$2" ]; then
		echo "FAIL validate/$1: exit status $5, expected $2"
		fail=$((fail + 1))
	elif ! cmp -s "$3" "$4"; then
		echo "FAIL validate/$1: output differs"
		diff "$3" "$4" | head -10 | sed 's/^/  | /'
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

# ---- the four limits of the loader (messages without the caret lines, which
# would echo megabytes) ----
limit() {
	name=$1
	"$RENCANA" check "$tmp/$name.yaml" 2>"$tmp/err" >/dev/null
	st=$?
	grep -v "^ " "$tmp/err" | sed "s|$tmp/||" >"$tmp/got"
	expect "limit-$name" 1 "$G/limit-$name.diag" "$tmp/got" "$st"
}
{ echo 'format: rencana/1'; yes '# padding to pass the 4 MiB limit' | head -n 130000; } \
    >"$tmp/size.yaml"
limit size
{ printf 'format: '; i=0; while [ $i -lt 70 ]; do printf '['; i=$((i + 1)); done;
  i=0; while [ $i -lt 70 ]; do printf ']'; i=$((i + 1)); done; echo; } >"$tmp/depth.yaml"
limit depth
{ echo 'format: rencana/1'; echo 'dasar_hukum:'; yes '  - x' | head -n 100001; } \
    >"$tmp/nodes.yaml"
limit nodes
{ printf 'format: rencana/1\npendahuluan: '; yes 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl' | \
    head -n 1025 | tr -d '\n'; echo; } >"$tmp/scalar.yaml"
limit scalar

# ---- --format=json and --format=github: stdout, exact ----
for f in json github; do
	"$RENCANA" check --format=$f tests/golden/check/needs-final.yaml \
	    tests/golden/check/valid-warnings.yaml >"$tmp/out" 2>"$tmp/err"
	expect "format-$f" 1 "$G/format.$f" "$tmp/out" $?
	expect "format-$f-stderr" 0 /dev/null "$tmp/err" 0
done

# ---- standard input is `<stdin>` ----
"$RENCANA" check - <tests/golden/check/needs-final.yaml >/dev/null 2>"$tmp/err"
expect stdin 1 "$G/stdin.diag" "$tmp/err" $?

# ---- several files: a syntax error stops only its own file ----
"$RENCANA" check tests/golden/check/yaml-syntax.yaml tests/golden/check/missing-key.yaml \
    tests/golden/check/valid-minimal.yaml >/dev/null 2>"$tmp/err"
expect several 1 "$G/several.diag" "$tmp/err" $?

# ---- after `--` every argument is a file, even one that looks like an option ----
cp tests/golden/check/missing-key.yaml "$tmp/--missing-key.yaml"
(cd "$tmp" && "$RENCANA" check -- --missing-key.yaml) >/dev/null 2>"$tmp/err"
st=$?
sed 's|^--missing-key.yaml|tests/golden/check/missing-key.yaml|' "$tmp/err" >"$tmp/got"
expect dashdash 1 tests/golden/check/missing-key.diag "$tmp/got" $st

# ---- exit status 3: a file that cannot be read, even beside invalid ones ----
"$RENCANA" check tests/golden/check/missing-key.yaml "$tmp/no-such.yaml" >/dev/null 2>"$tmp/err"
st=$?
sed "s|$tmp/||" "$tmp/err" >"$tmp/got"
expect io 3 "$G/io.diag" "$tmp/got" $st

# ---- exit status 2: usage ----
"$RENCANA" check --format=xml x.yaml >/dev/null 2>"$tmp/err"
expect usage-format 2 "$G/usage-format.diag" "$tmp/err" $?
"$RENCANA" init --jenis rencana >/dev/null 2>"$tmp/err"
expect usage-init 2 "$G/usage-init.diag" "$tmp/err" $?
"$RENCANA" schema extra >/dev/null 2>"$tmp/err"
expect usage-schema 2 "$G/usage-schema.diag" "$tmp/err" $?

# ---- init: every jenis gives a plan with no errors and no warnings; its
# first line names the schema by an absolute path (the checkout's here) ----
printf '# yaml-language-server: $schema=%s\n' "$(pwd -P)/docs/rencana.schema.json" \
    >"$tmp/init.first"
for j in rencana-pengembangan sistem-pembinaan strategi-kompetensi; do
	"$RENCANA" init --jenis $j >"$tmp/plan.yaml"
	st=$?
	head -n 1 "$tmp/plan.yaml" >"$tmp/first"
	expect "init-$j-first-line" 0 "$tmp/init.first" "$tmp/first" $st
	grep "^  jenis: $j\$" "$tmp/plan.yaml" >/dev/null
	expect "init-$j-jenis" 0 /dev/null /dev/null $?
	"$RENCANA" check - <"$tmp/plan.yaml" >/dev/null 2>"$tmp/err"
	expect "init-$j-check" 0 /dev/null "$tmp/err" $?
done
"$RENCANA" init | "$RENCANA" check - >/dev/null 2>"$tmp/err"
expect init-default-check 0 /dev/null "$tmp/err" $?
"$RENCANA" init --schema=https://example.org/s.json | head -n 1 >"$tmp/first"
echo '# yaml-language-server: $schema=https://example.org/s.json' >"$tmp/want"
expect init-schema-option 0 "$tmp/want" "$tmp/first" $?

echo "$pass passed, $fail failed"
