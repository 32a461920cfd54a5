#!/bin/sh
# rencana: tools/deps.sh keeps building apart from testing.  A non-root user
# who lacks only a test tool can build and run (`make`, `make run` check only
# the build packages); `--test` names the missing tool and the exact command.
# dpkg-query and id are stand-ins on PATH, so nothing is installed.
# Prints one line per failure and ends with "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL deps: $1"; fail=$((fail + 1)); }

mkdir -p "$tmp/bin"
# Every package is installed but valgrind.
cat >"$tmp/bin/dpkg-query" <<'EOS'
#!/bin/sh
for a; do p=$a; done
[ "$p" = valgrind ] && exit 1
printf 'install ok installed'
EOS
printf '#!/bin/sh\necho 1000\n' >"$tmp/bin/id"
chmod +x "$tmp/bin/dpkg-query" "$tmp/bin/id"

PATH="$tmp/bin:$PATH" sh tools/deps.sh --quiet >"$tmp/out" 2>&1
st=$?
[ $st = 0 ] && [ ! -s "$tmp/out" ] && ok || bad "build packages: exit $st $(head -n 1 "$tmp/out")"
PATH="$tmp/bin:$PATH" sh tools/deps.sh --test --quiet >"$tmp/out" 2>&1
st=$?
[ $st = 1 ] && grep -q 'apt-get install -y valgrind$' "$tmp/out" && ok ||
    bad "test packages: exit $st $(tr '\n' '|' <"$tmp/out")"
sh tools/deps.sh --bogus >/dev/null 2>&1
[ $? = 2 ] && ok || bad "unknown option accepted"
# The Makefile: building asks only for the build packages.
grep -q '^$(O)/%.o: src/%.c $(O)/cflags | deps-quiet$' Makefile && ok ||
    bad "objects no longer order on deps-quiet"
grep -q '^check: .*| deps-test-quiet$' Makefile && ok || bad "check does not order on deps-test-quiet"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
