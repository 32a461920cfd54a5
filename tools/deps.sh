#!/bin/sh
# rencana: check for, and install, the Debian packages the build and tests need.
#   tools/deps.sh          install what is missing (as root), else print the command
#   tools/deps.sh --quiet  same, silent when nothing is missing (used by make)
set -u
PKGS="gcc make pkg-config libhpdf-dev libyaml-dev libpcre2-dev check \
libcmark-gfm-dev libcmark-gfm-extensions-dev libpng-dev fonts-liberation2 \
cmark-gfm poppler-utils qpdf valgrind time python3-jsonschema python3-yaml"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
if [ -z "$missing" ]; then
	[ "${1:-}" = "--quiet" ] || echo "deps: all packages present:$(echo " $PKGS" | tr -s ' \\' ' ')"
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
