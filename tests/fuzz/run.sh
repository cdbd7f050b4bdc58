#!/bin/sh
# Runs every fuzz target for SECONDS: sh tests/fuzz/run.sh BUILD SECONDS
# TARGET... (make fuzz). Each starts from its corpus in tests/fuzz/corpus/
# and keeps new inputs in BUILD/fuzz/new/; a crash, leak or hang leaves
# its input in BUILD/fuzz/crashes/ (turn it into a fixture and a test).
# Prints executions, executions per second and time per target.
# Leak checks are off while fuzzing (the harness keeps its inventory
# between inputs, which makes libFuzzer check for leaks on almost every
# input, at a third of the speed); every input kept is then run once
# more with leak checks on.
BUILD=$1
SECONDS_EACH=$2
shift 2
cd "$(dirname "$0")/../.." || exit 2
mkdir -p "$BUILD/fuzz/crashes"
failed=0
total_start=$(date +%s)
printf '%-10s %12s %10s %8s %s\n' target executions exec/s seconds result
for t in "$@"; do
	mkdir -p "$BUILD/fuzz/new/$t" "tests/fuzz/corpus/$t"
	log="$BUILD/fuzz/$t.log"
	start=$(date +%s)
	"$BUILD/fuzz/fuzz_$t" -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=2048 \
		-detect_leaks=0 -print_final_stats=1 -artifact_prefix="$BUILD/fuzz/crashes/$t-" \
		"$BUILD/fuzz/new/$t" "tests/fuzz/corpus/$t" >"$log" 2>&1
	rc=$?
	if [ $rc -eq 0 ]; then
		"$BUILD/fuzz/fuzz_$t" -runs=0 -detect_leaks=1 -artifact_prefix="$BUILD/fuzz/crashes/$t-" \
			"$BUILD/fuzz/new/$t" "tests/fuzz/corpus/$t" >"$BUILD/fuzz/$t.leaks.log" 2>&1
		rc=$?
		[ $rc -eq 0 ] || log="$BUILD/fuzz/$t.leaks.log"
	fi
	took=$(($(date +%s) - start))
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	if [ $rc -eq 0 ]; then result=ok; else result="FAILED (see $log)"; failed=$((failed + 1)); fi
	printf '%-10s %12s %10s %8s %s\n' "$t" "${runs:-?}" "${rate:-?}" "$took" "$result"
done
echo "total: $(($(date +%s) - total_start)) s, $failed targets failed"
[ $failed -eq 0 ]
