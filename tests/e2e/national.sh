#!/bin/sh
# National identifiers of the EU and the UK (rules/CC.yaml): every value
# of fixtures/national/CC.tsv is checked with python-stdnum, the
# independent reference, then found or refused by piiscan
# (check_national.py); the decoys of each country (company, VAT, order
# and phone numbers of the same length, fixtures/decoys/national/) give
# no national identifier.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

if ! $PY -c 'import stdnum' 2>/dev/null; then
	not_ok "python3-stdnum is installed (make deps-test)"
	finish
	exit 0
fi
set -- fixtures/national/*.tsv
if [ -e "$1" ]; then
	$PY tests/e2e/check_national.py "$PIISCAN" "$@" >"$WORK/national.out" 2>&1
	while IFS= read -r line; do
		case $line in
		"ok - "*) ok "${line#ok - }" ;;
		"not ok - "*) not_ok "${line#not ok - }" ;;
		"    "*) echo "$line" ;;
		esac
	done <"$WORK/national.out"
	grep -q ' passed, 0 failed$' "$WORK/national.out" ||
		check "check_national.py ran to its end" sh -c "tail -n 1 '$WORK/national.out' | grep -q ' passed, '"
fi

for decoys in fixtures/decoys/national/*.txt; do
	[ -e "$decoys" ] || continue
	"$PIISCAN" -q -j 1 --show-values --format jsonl -o "$WORK/decoys.jsonl" "$decoys"
	check "decoys of $(basename "$decoys" .txt): no national identifier" $PY -c "
import json, sys
got = [(f['rule'], f['value']) for f in map(json.loads, open(sys.argv[1])) if f['category'] == 'national_id']
assert not got, got" "$WORK/decoys.jsonl"
done
finish
