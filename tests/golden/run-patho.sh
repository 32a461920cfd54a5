#!/bin/sh
# rencana: pathological inputs in linear time; see tests/patho/run.sh.
exec sh "$(dirname "$0")/../patho/run.sh" "$@"
