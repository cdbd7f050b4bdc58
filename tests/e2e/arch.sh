#!/bin/sh
# The shape of the code on the build under test (scripts/archcheck.py):
# no two source files depend on each other, writers and extractors never
# see PCRE2, the stage files stay small.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2
check "no dependency cycles between source files; writers and extractors without PCRE2; small stages" \
	$PY scripts/archcheck.py "$BUILD"
finish
