#!/bin/sh
# rencana: messages in Indonesian and English (issue 14 parts 1 and 6).
#   - po/id.po translates every entry of po/rencana.pot: none untranslated,
#     none fuzzy, none missing (msgfmt --statistics, msgcmp);
#   - the language is chosen by --lang, then RENCANA_LANG, then LANGUAGE,
#     LC_ALL, LC_MESSAGES, LANG, with no Indonesian locale installed (as on
#     Debian with C.UTF-8 only); numbers in the PDF and the pages do not
#     change with the language;
#   - every message the golden check inputs reach is translated: its
#     Indonesian line differs from the English one;
#   - --format=json keeps "message" and "help" in English and adds "pesan"
#     and "bantuan";
#   - help texts, the starter plan's comments, template strict-mode and
#     gaya.yaml errors (with their "did you mean") are translated.
# Prints one line per failure and ends with "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL i18n: $1"; fail=$((fail + 1)); }

# ---- the catalog ------------------------------------------------------------
stats=$(msgfmt --check --statistics -o /dev/null po/id.po 2>&1)
case $stats in
*untranslated* | *fuzzy*) bad "po/id.po: $stats" ;;
*" translated message"*) ok ;;
*) bad "po/id.po does not compile: $stats" ;;
esac
if msgcmp po/id.po po/rencana.pot >"$tmp/msgcmp" 2>&1; then ok; else
	bad "po/id.po lacks entries of po/rencana.pot: $(head -n 2 "$tmp/msgcmp")"
fi

# ---- choosing the language ----------------------------------------------------
bad_plan=tests/golden/check/yaml-unclosed-quote.yaml
id_word='tidak ditutup'
en_word='is not closed'
# lang_is WANT DESCRIPTION [VAR=VALUE...] [OPTION...]: runs check in a
# clean environment with those variables and options.
lang_is() {
	want=$1 what=$2
	shift 2
	vars=""
	while [ $# -gt 0 ]; do
		case $1 in *=*) vars="$vars $1"; shift ;; *) break ;; esac
	done
	# shellcheck disable=SC2086
	env -i PATH="$PATH" NO_COLOR=1 $vars "$RENCANA" "$@" check "$bad_plan" \
	    >/dev/null 2>"$tmp/err"
	case $want in
	id) grep -q "$id_word" "$tmp/err" && ok || bad "$what: not Indonesian: $(head -n 1 "$tmp/err")" ;;
	en) grep -q "$en_word" "$tmp/err" && ok || bad "$what: not English: $(head -n 1 "$tmp/err")" ;;
	esac
}
lang_is en "no language set"
lang_is en "LANG=C.UTF-8" LANG=C.UTF-8
lang_is id "LANG=C.UTF-8 LANGUAGE=id" LANG=C.UTF-8 LANGUAGE=id
lang_is id "LANGUAGE=id alone (LC_MESSAGES is C)" LANGUAGE=id
lang_is id "LANG=id_ID.UTF-8, a locale not installed" LANG=id_ID.UTF-8
lang_is id "LC_ALL=id_ID.UTF-8" LC_ALL=id_ID.UTF-8
lang_is id "LC_MESSAGES=id_ID" LC_MESSAGES=id_ID
lang_is en "LANG=en_US.UTF-8" LANG=en_US.UTF-8
lang_is id "RENCANA_LANG=id over LANG=en_US.UTF-8" RENCANA_LANG=id LANG=en_US.UTF-8
lang_is en "RENCANA_LANG=en over LANGUAGE=id" RENCANA_LANG=en LANGUAGE=id
lang_is id "--lang id" --lang id
lang_is en "--lang en over RENCANA_LANG=id" RENCANA_LANG=id --lang en
# --lang is an option of every command, before or after it.
env -i PATH="$PATH" "$RENCANA" check --lang=id "$bad_plan" 2>"$tmp/err" >/dev/null
grep -q "$id_word" "$tmp/err" && ok || bad "check --lang=id: not Indonesian"
env -i PATH="$PATH" "$RENCANA" --lang id check "$bad_plan" 2>"$tmp/err" >/dev/null
grep -q "$id_word" "$tmp/err" && ok || bad "--lang id check: not Indonesian"
run --lang xx check "$bad_plan" >/dev/null 2>"$tmp/err"
st=$?
[ $st = 2 ] && grep -q "unknown --lang \`xx\`; use id or en" "$tmp/err" && ok ||
    bad "--lang xx: exit $st $(head -n 1 "$tmp/err")"
# The words CI filters read stay: error[CODE], warning[CODE], help:.
run --lang id check "$bad_plan" 2>"$tmp/err" >/dev/null
grep -q '^tests/golden/check/yaml-unclosed-quote.yaml:[0-9]*:[0-9]*: error\[yaml-unclosed-quote\]: ' "$tmp/err" &&
    grep -q '^  help: ' "$tmp/err" && ok || bad "--lang id changed error[CODE] or help:"
# A usage error and its hint.
run --lang id build >/dev/null 2>"$tmp/err"
grep -q '^rencana: error: build memerlukan PLAN$' "$tmp/err" &&
    grep -q '^Coba `rencana build --help`' "$tmp/err" && ok ||
    bad "usage error not Indonesian: $(cat "$tmp/err")"

# ---- numbers do not change with the language -----------------------------------
plan=examples/mataram-pengembangan.yaml
run --lang en build -o "$tmp/en.pdf" "$plan" 2>/dev/null
LANGUAGE=id LC_ALL=id_ID.UTF-8 run --lang id build -o "$tmp/id.pdf" "$plan" 2>/dev/null
cmp -s "$tmp/en.pdf" "$tmp/id.pdf" && ok || bad "the PDF differs with --lang id"
run --lang en build --to pages -o "$tmp/en.pages" "$plan" 2>/dev/null
run --lang id build --to pages -o "$tmp/id.pages" "$plan" 2>/dev/null
cmp -s "$tmp/en.pages" "$tmp/id.pages" && ok || bad "the page dump differs with --lang id"
run --lang id -v build -o "$tmp/id2.pdf" "$plan" 2>"$tmp/err"
grep -q '^rencana: menulis ' "$tmp/err" && grep -q ' detik$' "$tmp/err" &&
    grep -q '[0-9]\.[0-9][0-9] detik$' "$tmp/err" && ok ||
    bad "build -v summary: $(tr '\n' '|' <"$tmp/err")"
run --lang id -v check tests/golden/check/enum.yaml tests/golden/check/valid-warnings.yaml \
    >/dev/null 2>"$tmp/err"
grep -q '^rencana: 2 berkas diperiksa: [0-9]* galat, [0-9]* peringatan$' "$tmp/err" && ok ||
    bad "check -v summary: $(tail -n 1 "$tmp/err")"

# ---- every message the golden inputs reach is translated ------------------------
# The message lines (FILE:L:C: error[CODE]: ... and `  help:`) of each case in
# both languages, side by side; a line the same in both is untranslated.
# yaml-syntax messages are libyaml's own text: left in English.
: >"$tmp/same"
n=0
for y in tests/golden/check/*.yaml; do
	args=""
	[ -f "${y%.yaml}.args" ] && args=$(cat "${y%.yaml}.args")
	# shellcheck disable=SC2086
	run --lang en check $args "$y" 2>&1 >/dev/null | grep -E ': (error|warning)\[|^  help: ' >"$tmp/l.en"
	# shellcheck disable=SC2086
	run --lang id check $args "$y" 2>&1 >/dev/null | grep -E ': (error|warning)\[|^  help: ' >"$tmp/l.id"
	if [ "$(wc -l <"$tmp/l.en")" != "$(wc -l <"$tmp/l.id")" ]; then
		echo "$y: not the same number of messages" >>"$tmp/same"
		continue
	fi
	paste -d '\n' "$tmp/l.en" "$tmp/l.id" | awk -v f="$y" '
		NR % 2 == 1 { en = $0; next }
		$0 == en && en !~ /error\[yaml-syntax\]/ { print f ": " en }
	' >>"$tmp/same"
	n=$((n + 1))
done
if [ -s "$tmp/same" ]; then
	bad "untranslated messages:"
	head -n 10 "$tmp/same" | sed 's/^/  | /'
else
	ok
fi
[ $n -gt 50 ] && ok || bad "only $n golden check cases compared"

# ---- JSON: English for tools, Indonesian beside it -------------------------------
run --lang en check --format=json tests/golden/check/unknown-key.yaml >"$tmp/en.json" 2>/dev/null
run --lang id check --format=json tests/golden/check/unknown-key.yaml >"$tmp/id.json" 2>/dev/null
if python3 - "$tmp/en.json" "$tmp/id.json" <<'EOF'
import json, sys
en = json.load(open(sys.argv[1]))
idl = json.load(open(sys.argv[2]))
assert len(en) == len(idl) and en, "not the same messages"
for e, i in zip(en, idl):
    assert "pesan" not in e, "pesan in English output"
    assert i["message"] == e["message"], "message is not English: " + i["message"]
    assert i.get("help") == e.get("help"), "help is not English"
    assert i["pesan"] != i["message"], "pesan not translated: " + i["pesan"]
    assert ("bantuan" in i) == ("help" in i), "bantuan without help"
    assert i["code"] == e["code"] and i["severity"] == e["severity"]
assert any("maksud Anda" in i["pesan"] for i in idl), "no did-you-mean in pesan"
EOF
then ok; else bad "--format=json with --lang id"; fi
run --lang id check --format=github "$bad_plan" >"$tmp/gh" 2>/dev/null
grep -q "^::error file=$bad_plan,line=[0-9]*,col=[0-9]*,title=yaml-unclosed-quote::.*$id_word" "$tmp/gh" &&
    grep -q '%0Ahelp: tutup' "$tmp/gh" && ok || bad "--format=github --lang id: $(head -c 200 "$tmp/gh")"

# ---- help, init ------------------------------------------------------------------
run --lang id --help >"$tmp/help" 2>&1
grep -q '^penggunaan: rencana ' "$tmp/help" && grep -q -- '--lang=LANG' "$tmp/help" &&
    ok || bad "rencana --lang id --help: $(head -n 1 "$tmp/help")"
for c in check build init schema expand template hyphenate layout-dump explain help; do
	run --lang id "$c" --help >"$tmp/help" 2>&1
	grep -q "^penggunaan: rencana $c" "$tmp/help" && grep -q '^Opsi setiap perintah' "$tmp/help" &&
	    ok || bad "rencana --lang id $c --help: $(head -n 1 "$tmp/help")"
done
for j in rencana-pengembangan sistem-pembinaan strategi-kompetensi; do
	run --lang id init --jenis "$j" >"$tmp/init-$j.yaml"
	grep -q '^# Rencana awal dalam format rencana/1' "$tmp/init-$j.yaml" && ok ||
	    bad "init --lang id: the comments are not Indonesian"
	run --lang en check "$tmp/init-$j.yaml" >/dev/null 2>"$tmp/err" && [ ! -s "$tmp/err" ] && ok ||
	    bad "init --lang id --jenis $j does not pass check: $(head -n 1 "$tmp/err")"
	# The same plan as the English one, comments aside.
	run --lang en init --jenis "$j" | sed 's/ *#.*//' >"$tmp/a"
	sed 's/ *#.*//' "$tmp/init-$j.yaml" >"$tmp/b"
	cmp -s "$tmp/a" "$tmp/b" && ok || bad "init --lang id --jenis $j: the values differ from English"
done

# ---- template strict mode and gaya.yaml (part 6) -----------------------------------
run template copy rencana-pengembangan "$tmp/tpl" 2>/dev/null
printf '{{dokumen.judull}}\n' >>"$tmp/tpl/bab-kesimpulan.mustache"
run --lang id check -T "$tmp/tpl" "$plan" 2>"$tmp/err" >/dev/null
grep -q "error\[tpl-unknown-name\]: nama \`dokumen.judull\` tidak dikenal; maksud Anda \`dokumen.judul\`?" "$tmp/err" &&
    ok || bad "template strict mode: $(head -n 1 "$tmp/err")"
sed 's/^spasi_baris:/spasi_bariss:/; s/^indentasi_mm: .*/indentasi_mm: 500/' \
    "$tmp/tpl/gaya.yaml" >"$tmp/gaya" && mv "$tmp/gaya" "$tmp/tpl/gaya.yaml"
run --lang id check -T "$tmp/tpl" "$plan" 2>"$tmp/err" >/dev/null
grep -q "error\[style-key\]: spasi_bariss: kunci \`spasi_bariss\` tidak dikenal; maksud Anda \`spasi_baris\`?" "$tmp/err" &&
    grep -q "error\[style-value\]: indentasi_mm: 500 di luar rentang" "$tmp/err" &&
    ok || bad "gaya.yaml: $(head -n 1 "$tmp/err")"
run --lang id hyphenate -x a--b kata 2>"$tmp/err" >/dev/null
grep -q "pengecualian \`a--b\`: dua tanda hubung berturut-turut" "$tmp/err" && ok ||
    bad "hyphenate -x: $(head -n 1 "$tmp/err")"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
