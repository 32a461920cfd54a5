# rencana: the start every golden runner shares (sourced, not run):
#   . "$(dirname "$0")/lib.sh"
# Makes $RENCANA (the runner's first argument) absolute, moves to the
# repository root, sets NO_COLOR, the pass/fail counters and a temporary
# folder $tmp removed at exit, and defines run(), which runs rencana (under
# valgrind when VALGRIND=1, failing on any error or definite leak).
RENCANA=${1:-./rencana}
case $RENCANA in /*) ;; *) RENCANA=$(pwd)/$RENCANA ;; esac
# Messages in English whatever the caller's locale (run-i18n.sh tests the others).
export RENCANA_LANG=en
export NO_COLOR=1 RENCANA
cd "$(dirname "$0")/../.." || exit 3
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() {
	if [ "${VALGRIND:-}" = 1 ]; then
		valgrind -q --error-exitcode=99 --leak-check=full \
		    --errors-for-leak-kinds=definite "$RENCANA" "$@"
	else
		"$RENCANA" "$@"
	fi
}

# same LABEL WANT GOT WHAT: GOT (the output) must equal the expected file
# WANT; counts a pass, or prints "FAIL LABEL: no WANT" / "FAIL LABEL: WHAT"
# with the diff and counts a failure.
same() {
	if [ ! -f "$2" ]; then
		echo "FAIL $1: no $2"
		fail=$((fail + 1))
	elif ! cmp -s "$3" "$2"; then
		echo "FAIL $1: $4"
		diff "$2" "$3" | head -20 | sed 's/^/  | /'
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}
