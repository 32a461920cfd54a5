#!/bin/sh
# rencana: `make install` and `make uninstall` (GNU PREFIX, DESTDIR, BINDIR,
# DATADIR, MANDIR, LOCALEDIR), and how an installed rencana finds its templates and
# schema from any folder: --template, RENCANA_TEMPLATES, PROGRAM/../share/
# rencana, the compiled-in DATADIR.  Builds its own copy in a temporary
# folder (the parent make's flags are not passed on).
# Prints one line per failure and ends with "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL install: $1"; fail=$((fail + 1)); }
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s O="$tmp/build" \
	    BIN="$tmp/build/rencana" "$@" >"$tmp/make.log" 2>&1 || {
		sed 's/^/  | /' "$tmp/make.log" | tail -n 5
		return 1
	}
}
root=$(pwd)

# ---- a staged install (DESTDIR), run from another folder ----
S=$tmp/stage
if mk DESTDIR="$S" PREFIX=/usr/local install; then ok; else bad "make install DESTDIR"; fi
for f in usr/local/bin/rencana usr/local/share/rencana/rencana.schema.json \
    usr/local/share/man/man1/rencana.1 \
    usr/local/share/locale/id/LC_MESSAGES/rencana.mo \
    usr/local/share/rencana/templates/dasar/dokumen.md.mustache \
    usr/local/share/rencana/templates/dasar/gaya.yaml \
    usr/local/share/rencana/templates/rencana-pengembangan/templat.yaml \
    usr/local/share/rencana/templates/sistem-pembinaan/kata-id.yaml; do
	[ -f "$S/$f" ] && ok || bad "not installed: $f"
done
[ -x "$S/usr/local/bin/rencana" ] && ok || bad "the program is not executable"
ntpl=$(find templates -type f | wc -l)
ninst=$(find "$S/usr/local/share/rencana/templates" -type f | wc -l)
[ "$ntpl" = "$ninst" ] && ok || bad "$ninst template files installed, $ntpl in the tree"

mkdir -p "$tmp/work"
cp examples/alak-pengembangan.yaml "$tmp/work/plan.yaml"
(cd "$tmp/work" && env -u RENCANA_TEMPLATES -u RENCANA_FONTS \
    "$S/usr/local/bin/rencana" build plan.yaml) 2>"$tmp/err"
st=$?
if [ $st = 0 ] && head -c 5 "$tmp/work/plan.pdf" | grep -q '%PDF-'; then ok
else bad "staged rencana build from another folder: exit $st $(head -n 2 "$tmp/err")"; fi
# The same bytes as the checkout's rencana.
"$RENCANA" build -o "$tmp/ref.pdf" examples/alak-pengembangan.yaml 2>/dev/null
cmp -s "$tmp/ref.pdf" "$tmp/work/plan.pdf" && ok || bad "installed rencana's PDF differs"
# The starter plan names the installed schema by its absolute path.
(cd "$tmp/work" && "$S/usr/local/bin/rencana" init) >"$tmp/init.yaml"
want="# yaml-language-server: \$schema=$(cd "$S/usr/local/share/rencana" && pwd -P)/rencana.schema.json"
[ "$(head -n 1 "$tmp/init.yaml")" = "$want" ] && ok ||
    bad "init modeline: $(head -n 1 "$tmp/init.yaml")"
# The staged program speaks Indonesian from its own share/locale (the
# compiled-in DATADIR/locale is not there: nothing is installed in it).
(cd "$tmp/work" && printf 'format: rencana/1\ndokumen: [x]\n' >bad.yaml &&
    env -i PATH="$PATH" "$S/usr/local/bin/rencana" --lang id check bad.yaml) 2>"$tmp/err"
grep -q 'seharusnya peta' "$tmp/err" && ok ||
    bad "the staged rencana --lang id is not Indonesian: $(head -n 1 "$tmp/err")"
cmp -s "$S/usr/local/share/rencana/rencana.schema.json" docs/rencana.schema.json &&
    ok || bad "installed schema differs from docs/rencana.schema.json"
if command -v man >/dev/null 2>&1; then
	MANPATH="$S/usr/local/share/man" man -P cat rencana >/dev/null 2>&1 &&
	    ok || bad "man rencana does not format the installed page"
fi

# ---- uninstall leaves no file ----
if mk DESTDIR="$S" PREFIX=/usr/local uninstall; then ok; else bad "make uninstall"; fi
left=$(find "$S" ! -type d | head -n 3)
[ -z "$left" ] && ok || bad "left after uninstall: $left"

# ---- PREFIX without DESTDIR: the compiled-in DATADIR is found even when
# the program is copied elsewhere.  The same build folder was built for
# PREFIX=/usr/local above, so this also proves that a changed flag (here
# -DRENCANA_DATADIR) rebuilds the objects ----
P=$tmp/prefix
if mk PREFIX="$P" install; then ok; else bad "make install PREFIX"; fi
mkdir -p "$tmp/elsewhere"
cp "$P/bin/rencana" "$tmp/elsewhere/rencana"
(cd "$tmp/work" && rm -f plan.pdf && env -u RENCANA_TEMPLATES \
    "$tmp/elsewhere/rencana" build plan.yaml) 2>"$tmp/err"
st=$?
[ $st = 0 ] && [ -s "$tmp/work/plan.pdf" ] && ok ||
    bad "a copied program did not find DATADIR: exit $st $(head -n 2 "$tmp/err")"
(cd "$tmp/work" && env -i PATH="$PATH" "$tmp/elsewhere/rencana" --lang id check bad.yaml) 2>"$tmp/err"
grep -q 'seharusnya peta' "$tmp/err" && ok ||
    bad "a copied program did not find DATADIR/locale: $(head -n 1 "$tmp/err")"

# ---- the order of template look-up: --template, then RENCANA_TEMPLATES,
# then the installed folders ----
mkdir -p "$tmp/tpl"
cp -R templates/rencana-pengembangan "$tmp/tpl/"
printf '\nPenanda RENCANA_TEMPLATES\n' >>"$tmp/tpl/rencana-pengembangan/dokumen.md.mustache"
(cd "$tmp/work" && RENCANA_TEMPLATES="$tmp/tpl" "$P/bin/rencana" build \
    --to markdown -o - plan.yaml) >"$tmp/md" 2>"$tmp/err"
grep -q 'Penanda RENCANA_TEMPLATES' "$tmp/md" && ok ||
    bad "RENCANA_TEMPLATES not used first: $(head -n 2 "$tmp/err")"
(cd "$tmp/work" && RENCANA_TEMPLATES="$tmp/tpl" "$P/bin/rencana" build \
    --to markdown --template "$root/templates/rencana-pengembangan" -o - plan.yaml) \
    >"$tmp/md" 2>"$tmp/err"
st=$?
[ $st = 0 ] && ! grep -q 'Penanda' "$tmp/md" && ok || bad "--template does not win"
# No template anywhere: the message names the places searched.
sed 's/^  jenis: .*/  jenis: rencana-pengembangan/; s/^  templat: .*//' "$tmp/work/plan.yaml" |
    sed 's/jenis: rencana-pengembangan/jenis: rencana-pengembangan\n  templat: tidak-ada/' \
    >"$tmp/work/none.yaml"
(cd "$tmp/work" && "$P/bin/rencana" build none.yaml) 2>"$tmp/err"
st=$?
[ $st = 1 ] && grep -q "no template \`tidak-ada\` in .*share/rencana/templates" "$tmp/err" &&
    ok || bad "missing template: exit $st $(head -n 1 "$tmp/err")"
if mk PREFIX="$P" uninstall; then ok; else bad "make uninstall PREFIX"; fi
left=$(find "$P" ! -type d | head -n 3)
[ -z "$left" ] && ok || bad "left after uninstall: $left"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
