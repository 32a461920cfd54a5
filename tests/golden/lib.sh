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
