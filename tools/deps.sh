#!/bin/sh
# rencana: check for, and install, the Debian packages it needs.
#   tools/deps.sh                  building and running (make, make run)
#   tools/deps.sh --test           that and the test tools (make check)
#   --quiet                        silent when nothing is missing (used by make)
# As root the missing packages are installed with apt-get; otherwise the
# exact command is printed and the exit status is 1.
set -u
BUILD="gcc make pkg-config libhpdf-dev libyaml-dev libpcre2-dev libzip-dev libxml2-dev \
libcmark-gfm-dev libcmark-gfm-extensions-dev libpng-dev libqrencode-dev \
libharfbuzz-dev libharfbuzz-subset0 libdeflate-dev fonts-liberation2 gettext"
TEST="check cmark-gfm poppler-utils qpdf valgrind time python3 \
python3-jsonschema python3-yaml zbar-tools libxml2-utils libreoffice-writer-nogui"

PKGS=$BUILD
quiet=0
for a in "$@"; do
	case $a in
	--test) PKGS="$BUILD $TEST" ;;
	--quiet) quiet=1 ;;
	*) echo "usage: tools/deps.sh [--test] [--quiet]" >&2; exit 2 ;;
	esac
done

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
if [ -z "$missing" ]; then
	[ $quiet = 1 ] || echo "deps: all packages present:$(echo " $PKGS" | tr -s ' \\' ' ')"
	exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing Debian packages:$missing" >&2
	echo "deps: run as root:  apt-get update && apt-get install -y$missing" >&2
	exit 1
fi
echo "deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing
