#!/bin/sh
# rencana: the version lives in VERSION alone.  `rencana --version` must print
# it on its first line, and CHANGELOG.md must have a `## [VERSION]` heading.
# Prints one line per failure and ends with "N passed, N failed".
# Usage: run-version.sh PATH/TO/rencana   (VALGRIND=1: under valgrind)
set -u
. "$(dirname "$0")/lib.sh"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL version: $1"; fail=$((fail + 1)); }

v=$(cat VERSION 2>/dev/null)
if [ ! -f VERSION ]; then
	bad "no file VERSION"
elif [ "$(wc -l <VERSION)" != 1 ] ||
    ! printf '%s\n' "$v" | grep -qx '[0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*'; then
	bad "VERSION is not one line MAJOR.MINOR.PATCH: \`$v\`"
	v=""
else
	ok
fi

if [ -n "$v" ]; then
	run --version >"$tmp/out" 2>"$tmp/err"
	st=$?
	first=$(head -n 1 "$tmp/out")
	if [ "$st" != 0 ]; then
		bad "\`rencana --version\` exit status $st"
	else
		case $first in
		*"$v"*) ok ;;
		*) bad "\`rencana --version\` says \`$first\`, not $v (rebuild after changing VERSION)" ;;
		esac
	fi
	if awk -v h="## [$v]" 'index($0, h) == 1 { found = 1 } END { exit !found }' \
	    CHANGELOG.md 2>/dev/null; then
		ok
	else
		bad "CHANGELOG.md has no \`## [$v]\` heading"
	fi
fi

echo "$pass passed, $fail failed"
