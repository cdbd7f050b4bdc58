#!/bin/sh
# Accuracy: the labelled evaluation set (tests/accuracy) generated afresh,
# scanned and scored; every kind's precision and recall of confidence
# high+medium at or above its floor in tests/accuracy/floors.tsv, so that
# a rule change that lowers one fails here like any other test.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

if ! $PY tests/accuracy/generate.py "$WORK/set" >"$WORK/generate.log" 2>&1; then
	not_ok "generate.py writes the set" "$(tail -n 5 "$WORK/generate.log")"
	finish
	exit
fi
ok "generate.py writes the set"
$PY tests/accuracy/score.py --piiscan "$PIISCAN" "$WORK/set" >"$WORK/score.txt" 2>&1
rc=$?
# One check per floor, named by its kind, with the scorer's row.
grep -v '^#' tests/accuracy/floors.tsv | while IFS='	' read -r kind p r; do
	[ -n "$kind" ] || continue
	row=$(sed -n '/floors apply/,/^all kinds/p' "$WORK/score.txt" | grep "^$kind ")
	case $row in
	*" ok") echo "ok - $kind: precision and recall at or above $p/$r" ;;
	*) echo "not ok - $kind: below its floor $p/$r"
	   echo "    ${row:-no row for $kind}" ;;
	esac
done >"$WORK/kinds.txt"
cat "$WORK/kinds.txt"
T_PASS=$((T_PASS + $(grep -c '^ok' "$WORK/kinds.txt")))
T_FAIL=$((T_FAIL + $(grep -c '^not ok' "$WORK/kinds.txt")))
check "score.py exits 0 (every kind meets its floor)" test "$rc" -eq 0
[ "$rc" -eq 0 ] || sed 's/^/    /' "$WORK/score.txt" | tail -n 30
finish
