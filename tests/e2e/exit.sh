#!/bin/sh
# Exit status for scheduled jobs (#18): 1 when --fail-on finds what it
# names, 4 when nothing could be read under a PATH; the reports are
# written either way.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

# status NAME WANT PATTERN COMMAND...: exit status WANT, and stderr (run
# with -q: only what is wrong) is one line matching PATTERN, or empty
# when PATTERN is "".
status() {
	name=$1 want=$2 pattern=$3
	shift 3
	"$@" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	if [ $rc -eq "$want" ] && if [ -n "$pattern" ]; then
		[ "$(wc -l <"$WORK/err")" -eq 1 ] && grep -q -- "$pattern" "$WORK/err"
	else
		[ ! -s "$WORK/err" ]
	fi; then
		ok "$name"
	else
		not_ok "$name" "exit $rc (want $want), stderr: $(cat "$WORK/err")"
	fi
}

# A BSN and an e-mail address (both high), a BSN without its word (low:
# listed, not counted at the default --min-confidence), and a tree with
# nothing to find.
D="$WORK/data"
mkdir -p "$D/found" "$D/clean" "$D/low"
printf 'BSN 111222333\nmail j.devries@ziggo.nl\n' >"$D/found/a.txt"
printf 'nothing personal here\n' >"$D/clean/b.txt"
printf 'nummer 111222333 staat hier\n' >"$D/low/c.txt"

head -c 32 /dev/urandom >"$WORK/key"
"$PIISCAN" -q -j 1 --fingerprint-key-file "$WORK/key" -o "$WORK/plain.jsonl" "$D/found"
status "--fail-on any, findings: exit 1, the kinds found on stderr" 1 \
	"^piiscan: --fail-on: found contact (1), national_id (1)\$" \
	"$PIISCAN" -q -j 1 --fingerprint-key-file "$WORK/key" --fail-on any -o "$WORK/any.jsonl" \
	-o "$WORK/any.xlsx" "$D/found"
check "--fail-on: the JSONL output is written whole, as without it" cmp "$WORK/plain.jsonl" "$WORK/any.jsonl"
check "--fail-on: the workbook is written, its Summary counts both findings" \
	test "$(summary "$WORK/any.xlsx" Findings)" = 2
status "--fail-on any, nothing found: exit 0" 0 "" \
	"$PIISCAN" -q --fail-on any -o "$WORK/clean.xlsx" "$D/clean"
status "--fail-on a category found: exit 1, that category named" 1 \
	"found national_id (1)\$" "$PIISCAN" -q --fail-on national_id,special_category -o "$WORK/c.xlsx" "$D/found"
status "--fail-on a category not found: exit 0" 0 "" \
	"$PIISCAN" -q --fail-on special_category,criminal_data -o "$WORK/c.xlsx" "$D/found"
status "--fail-on a report name (nl_bsn): exit 1" 1 "found nl_bsn (1)\$" \
	"$PIISCAN" -q --fail-on nl_bsn -o "$WORK/c.xlsx" "$D/found"
status "--fail-on names listed as given, with their counts" 1 "found email (1), nl_bsn (1)\$" \
	"$PIISCAN" -q --fail-on 'email, nl_bsn,health' -o "$WORK/c.xlsx" "$D/found"
status "--fail-on a rule id counts that rule's findings alone (email_obfuscated: none)" 0 "" \
	"$PIISCAN" -q --fail-on email_obfuscated -o "$WORK/c.xlsx" "$D/found"
status "--fail-on: a finding below --min-confidence (listed only) does not count" 0 "" \
	"$PIISCAN" -q --fail-on national_id -o "$WORK/low.jsonl" "$D/low"
check "... though it is listed" grep -q '"rule":"nl_bsn".*"confidence":"low"' "$WORK/low.jsonl"
status "--fail-on with --min-confidence low: it counts" 1 "found national_id (1)\$" \
	"$PIISCAN" -q --min-confidence low --fail-on national_id -o "$WORK/c.xlsx" "$D/low"
status "--fail-on an unknown name: exit 2, the categories named" 2 \
	"^piiscan: --fail-on: 'nationalid' is no category, rule or 'any'; categories: .*national_id" \
	"$PIISCAN" -q --fail-on contact,nationalid -o "$WORK/bad.xlsx" "$D/found"
check "... before scanning: no output written" test ! -e "$WORK/bad.xlsx"
status "--fail-on: a fatal error keeps exit 2" 2 "cannot write" \
	"$PIISCAN" -q --fail-on any -o "$WORK/nope/x.xlsx" "$D/found"

# The configuration file: fail-on as a string or a list.
printf 'fail-on: national_id\n' >"$WORK/one.yaml"
printf 'fail-on: [special_category, contact]\n' >"$WORK/list.yaml"
printf 'fail-on: [contact, nationalid]\n' >"$WORK/bad.yaml"
status "config fail-on: a string" 1 "found national_id (1)\$" \
	"$PIISCAN" -q --config "$WORK/one.yaml" -o "$WORK/c.xlsx" "$D/found"
status "config fail-on: a list" 1 "found contact (1)\$" \
	"$PIISCAN" -q --config "$WORK/list.yaml" -o "$WORK/c.xlsx" "$D/found"
status "config fail-on: an unknown name is exit 2" 2 "'nationalid' is no category" \
	"$PIISCAN" -q --config "$WORK/bad.yaml" -o "$WORK/c.xlsx" "$D/found"
status "the command line's --fail-on replaces the file's" 0 "" \
	"$PIISCAN" -q --config "$WORK/one.yaml" --fail-on health -o "$WORK/c.xlsx" "$D/found"

# piiscan merge: --fail-on on the merged inventory.
"$PIISCAN" -q --records -o "$WORK/part.jsonl" "$D/found" "$D/clean"
status "merge --fail-on: exit 1 on the merged inventory" 1 "found national_id (1)\$" \
	"$PIISCAN" merge -q --fail-on national_id -o "$WORK/merged.xlsx" "$WORK/part.jsonl"
check "... and the merged workbook is written" test "$(summary "$WORK/merged.xlsx" Findings)" = 2
status "merge --fail-on, nothing of that kind: exit 0" 0 "" \
	"$PIISCAN" merge -q --fail-on health -o "$WORK/merged2.xlsx" "$WORK/part.jsonl"
status "merge --fail-on an unknown name: exit 2" 2 "'bogus' is no category" \
	"$PIISCAN" merge -q --fail-on bogus -o "$WORK/merged3.xlsx" "$WORK/part.jsonl"

# --fail-on changes no finding: a --state made without it carries every
# file into a run with it (the settings hash leaves it out).
"$PIISCAN" -q -o "$WORK/s1.xlsx" --state "$WORK/s.db" "$D/found" "$D/clean"
status "--state: a run with --fail-on after one without" 1 "found national_id" \
	"$PIISCAN" -q --fail-on national_id -o "$WORK/s2.xlsx" --state "$WORK/s.db" "$D/found" "$D/clean"
check "... carries every file over (not read again)" \
	test "$(summary "$WORK/s2.xlsx" "Files carried over (unchanged)")" -eq 2

# Nothing could be read under a PATH: exit 4 after writing the outputs.
# Root reads anything, so as root piiscan runs as "nobody" (as walk.sh).
P="$WORK/perm"
mkdir -p "$P/closed" "$P/mixed" "$P/allbad/sub" "$P/empty" "$P/ok"
printf 'BSN 111222333\n' >"$P/closed/a.txt"
printf 'BSN 111222333\n' >"$P/mixed/bad.txt"
printf 'mail j.devries@ziggo.nl\n' >"$P/mixed/good.txt"
printf 'BSN 111222333\n' >"$P/allbad/sub/bad.txt"
printf 'BSN 111222333\n' >"$P/file.txt"
printf 'mail j.devries@ziggo.nl\n' >"$P/ok/good.txt"
chmod 000 "$P/closed" "$P/mixed/bad.txt" "$P/allbad/sub/bad.txt" "$P/file.txt"
as_nobody "$P"
status "a folder that cannot be opened: exit 4, and why" 4 \
	"^piiscan: nothing could be read under '$P/closed': cannot open folder: Permission denied\$" \
	$as_user "$bin" -q -o "$WORK/closed.xlsx" -o "$WORK/closed.jsonl" "$P/closed"
check "... after writing the outputs: the Errors sheet says why" \
	$PY tests/e2e/check_xlsx.py error "$WORK/closed.xlsx" closed failed "Permission denied"
check "... and the JSONL output (empty)" test -e "$WORK/closed.jsonl" -a ! -s "$WORK/closed.jsonl"
status "a file that cannot be opened: exit 4" 4 \
	"^piiscan: nothing could be read under '$P/file.txt': .*Permission denied\$" \
	$as_user "$bin" -q -o "$WORK/file.xlsx" "$P/file.txt"
status "a folder whose every file failed: exit 4" 4 \
	"nothing could be read under '$P/allbad': .*Permission denied\$" \
	$as_user "$bin" -q -o "$WORK/allbad.xlsx" "$P/allbad"
status "one unreadable file among readable ones: exit 0 (an Errors row)" 0 "" \
	$as_user "$bin" -q -o "$WORK/mixed.xlsx" "$P/mixed"
check "... the unreadable file is in the Errors sheet" \
	$PY tests/e2e/check_xlsx.py error "$WORK/mixed.xlsx" bad.txt failed "Permission denied"
status "an empty folder: exit 0" 0 "" $as_user "$bin" -q -o "$WORK/empty.xlsx" "$P/empty"
status "files all skipped on purpose (--max-filesize) are no failure: exit 0" 0 "" \
	$as_user "$bin" -q --max-filesize 1 -o "$WORK/skipped.xlsx" "$P/ok"
status "a readable PATH and an unreadable one: exit 4, the unreadable one named" 4 \
	"nothing could be read under '$P/closed'" \
	$as_user "$bin" -q -o "$WORK/two.xlsx" -o "$WORK/two.jsonl" "$P/ok" "$P/closed"
check "... the readable one's findings are written" grep -q '"rule":"email"' "$WORK/two.jsonl"
$as_user "$bin" -q --fail-on contact -o "$WORK/both.xlsx" "$P/ok" "$P/closed" 2>"$WORK/both.err"
rc=$?
check "exit 4 goes before --fail-on's 1, and both are said" sh -c \
	"test $rc -eq 4 && grep -q 'found contact (1)' '$WORK/both.err' &&
	 grep -q 'nothing could be read under' '$WORK/both.err'"
$as_user "$bin" -q --records -o "$WORK/closed-part.jsonl" "$P/closed" 2>/dev/null
status "merge: a PATH of the parts' scan that read nothing is exit 4 too" 4 \
	"nothing could be read under '$P/closed'" \
	"$PIISCAN" merge -q -o "$WORK/closed-merged.xlsx" "$WORK/closed-part.jsonl"
chmod 755 "$P/closed"

finish
