#!/bin/sh
# Runs the test suites and prints the total as the last line:
# "N passed, N failed". BUILD names the build folder (build, build-asan).
# The suites are found: the unit tests (tests/unit, one suite per
# test_NAME.c) and every tests/e2e/*.sh. Arguments choose some of them:
#   sh tests/run.sh golden unit:match    (or: make test SUITES="...")
BUILD=${BUILD:-build}
cd "$(dirname "$0")/.." || exit 2
total_pass=0
total_fail=0

want_args="$*"
wanted_suite() {
	[ -z "$want_args" ] && return 0
	for w in $want_args; do
		[ "$w" = "$1" ] && return 0
	done
	return 1
}

# report NAME FILE: prints FILE but its last line, then that line (the
# suite's "N passed, N failed") with the suite's name, and adds it up.
report() {
	sed '$d' "$2"
	line=$(tail -n 1 "$2")
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	if [ -z "$p" ]; then
		echo "$line"
		echo "suite $1: did not finish"
		total_fail=$((total_fail + 1))
		return
	fi
	echo "suite $1: $p passed, $f failed"
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
}

out=$(mktemp)
unit=""
for w in $want_args; do
	case $w in
	unit) unit=all ;;
	unit:*) unit="$unit ${w#unit:}" ;;
	esac
done
if [ -z "$want_args" ] || [ -n "$unit" ]; then
	[ "$unit" = all ] && unit=""
	# shellcheck disable=SC2086
	"$BUILD/unit_tests" rules $unit >"$out" 2>&1
	report unit "$out"
fi

for suite in tests/e2e/*.sh; do
	[ -f "$suite" ] || continue
	name=$(basename "$suite" .sh)
	wanted_suite "$name" || continue
	BUILD=$BUILD sh "$suite" >"$out" 2>&1
	report "$name" "$out"
done
rm -f "$out"

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
