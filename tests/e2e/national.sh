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

# A health insurance number is Art. 9 data as well as an identifier: the
# breach scope names it among the special categories and marks its file,
# while the category National identifier stays one (its people counted
# by distinct values), and a tax id alone makes no special category.
printf 'Krankenversichertennummer K220645122\n\n%s\n\nSteuer-ID 36574261809\n' \
	"------------------------------------------------------------------------" >"$WORK/kvnr.txt"
"$PIISCAN" -q --breach-report -o - "$WORK/kvnr.txt" >"$WORK/kvnr-breach.txt" 2>&1
check "de_kvnr: the breach scope names it as Art. 9, and its file" sh -c \
	"grep -q '^Special categories: *de_kvnr (Art. 9)\$' '$WORK/kvnr-breach.txt' &&
	 grep -q 'kvnr.txt (Art. 9)\$' '$WORK/kvnr-breach.txt'"
check "de_kvnr: National identifier stays no special category, both numbers counted" sh -c \
	"grep -Eq '^  National identifier +2 +2 +1\$' '$WORK/kvnr-breach.txt'"
printf 'Steuer-ID 36574261809\n' >"$WORK/idnr.txt"
"$PIISCAN" -q --breach-report -o - "$WORK/idnr.txt" >"$WORK/idnr-breach.txt" 2>&1
check "a tax id alone: no special category" sh -c \
	"grep -q '^Special categories: *none' '$WORK/idnr-breach.txt' || ! grep -q '^Special categories:.*Art' '$WORK/idnr-breach.txt'"

for decoys in fixtures/decoys/national/*.txt; do
	[ -e "$decoys" ] || continue
	"$PIISCAN" -q -j 1 --show-values --format jsonl -o "$WORK/decoys.jsonl" "$decoys"
	check "decoys of $(basename "$decoys" .txt): no national identifier" $PY -c "
import json, sys
got = [(f['rule'], f['value']) for f in map(json.loads, open(sys.argv[1])) if f['category'] == 'national_id']
assert not got, got" "$WORK/decoys.jsonl"
done
finish
