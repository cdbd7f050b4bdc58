# Shared helpers for the end-to-end suites (sourced, POSIX sh).
# Each check prints "ok - NAME" or "not ok - NAME"; finish prints the
# suite's "N passed, N failed".
BUILD=${BUILD:-build}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PIISCAN="$ROOT/$BUILD/piiscan"
PY=/usr/bin/python3
T_PASS=0
T_FAIL=0
WORK=$(mktemp -d /tmp/piiscan-e2e.XXXXXX)
chmod 755 "$WORK"
trap 'rm -rf "$WORK"' EXIT

ok() {
	T_PASS=$((T_PASS + 1))
	echo "ok - $1"
}

not_ok() {
	T_FAIL=$((T_FAIL + 1))
	echo "not ok - $1"
	[ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/    /'
	return 0
}

# check NAME COMMAND...: passes when COMMAND succeeds.
check() {
	name=$1
	shift
	if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "$out"; fi
}

# check_fails NAME COMMAND...: passes when COMMAND fails.
check_fails() {
	name=$1
	shift
	if out=$("$@" 2>&1); then not_ok "$name" "succeeded: $out"; else ok "$name"; fi
}

finish() {
	echo "$T_PASS passed, $T_FAIL failed"
}
