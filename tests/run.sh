#!/bin/sh
# Runs every test suite and prints the total as the last line:
# "N passed, N failed". BUILD names the build folder (build, build-asan).
BUILD=${BUILD:-build}
cd "$(dirname "$0")/.." || exit 2
total_pass=0
total_fail=0

# add_counts FILE: adds the "N passed, N failed" of FILE's last line.
add_counts() {
	line=$(tail -n 1 "$1")
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	if [ -z "$p" ]; then
		echo "run.sh: $2 did not finish (last line: $line)"
		total_fail=$((total_fail + 1))
		return
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
}

out=$(mktemp)
"$BUILD/unit_tests" rules >"$out" 2>&1
cat "$out"
add_counts "$out" "unit tests"

for suite in tests/e2e/*.sh; do
	[ -f "$suite" ] || continue
	BUILD=$BUILD sh "$suite" >"$out" 2>&1
	cat "$out"
	add_counts "$out" "$suite"
done
rm -f "$out"

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
