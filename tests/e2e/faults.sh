#!/bin/sh
# Faults: SIGINT and SIGTERM during a scan, the per-file time budget, an
# output that cannot be written (file size limit: as a full disk does).
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

# A 20 GB sparse file of zeros: no disk used, seconds to read.
truncate -s 20G "$WORK/huge.bin"

# summary_row BOOK KEY WORDS: the Summary row KEY holds WORDS.
summary_row() {
	v=$(summary "$1" "$2")
	case "$v" in *"$3"*) return 0 ;; esac
	echo "$2 = '$v'"
	return 1
}

# SIGINT while the huge file is read, fixtures/ already done (one thread:
# the order is the order of the paths; fixtures/images left out, as in the
# golden list).
for sig in INT TERM; do
	"$PIISCAN" -j 1 --exclude images --exclude national -o "$WORK/int-$sig.xlsx" -o "$WORK/int-$sig.jsonl" \
		fixtures/ "$WORK/huge.bin" \
		2>"$WORK/int-$sig.err" &
	pid=$!
	# the signal comes once the huge file is open: fixtures/ is done
	wait_open $pid huge.bin
	sleep 0.2
	kill -$sig $pid
	wait $pid
	rc=$?
	check "SIG$sig: exit status 3 (incomplete)" test $rc -eq 3
	check "SIG$sig: the workbook is written and marked incomplete" \
		summary_row "$WORK/int-$sig.xlsx" Scan "INCOMPLETE: interrupted (SIG$sig)"
	check "SIG$sig: the file under way is listed as interrupted" \
		$PY tests/e2e/check_xlsx.py error "$WORK/int-$sig.xlsx" huge.bin partial "scan interrupted (SIG$sig)"
	check "SIG$sig: nothing found before is lost (fixtures' findings all there)" \
		test "$(grep -c '"file":"fixtures/' "$WORK/int-$sig.jsonl")" -eq "$(grep -vc '^#' tests/golden/fixtures.tsv)"
	check "SIG$sig: stderr says so" grep -q "interrupted (SIG$sig): the inventory is incomplete" "$WORK/int-$sig.err"
	check "SIG$sig: no temporary file left (.NAME.XXXXXX)" \
		sh -c "! ls -A '$WORK' | grep -q '^\.'"
done

# A second signal ends piiscan at once, and takes its temporary outputs
# (made when the scan starts) with it.
mkdir "$WORK/twice"
"$PIISCAN" -q -j 1 -o "$WORK/twice/inv.xlsx" -o "$WORK/twice/inv.jsonl" "$WORK/huge.bin" &
pid=$!
wait_open $pid huge.bin
check "before the signals, the temporary outputs are there" test "$(ls -A "$WORK/twice" | grep -c '^\.inv')" -eq 2
# two different signals: two of the same could merge into one while pending
kill -INT $pid
kill -TERM $pid
# (the shell's own "Terminated" for the job is not the suite's output)
{ wait $pid; } 2>/dev/null
rc=$?
check "a second signal: piiscan ends by it (status 130 or 143)" \
	sh -c "test $rc -eq 130 || test $rc -eq 143"
check "a second signal: no temporary output left" test -z "$(ls -A "$WORK/twice")"
check "a complete scan says so" sh -c "'$PIISCAN' -q -o '$WORK/ok.xlsx' fixtures/notes && $PY -c \"
import openpyxl, sys
s = {r[0]: r[1] for r in openpyxl.load_workbook('$WORK/ok.xlsx')['Summary'].iter_rows(values_only=True) if r[0]}
sys.exit(s.get('Scan') != 'complete')\""

# --file-timeout: the huge file is given up after a second; the scan goes on.
"$PIISCAN" -q -j 1 --file-timeout 1 -o "$WORK/to.xlsx" "$WORK/huge.bin" fixtures/notes
check "--file-timeout 1: the scan completes (exit 0)" test $? -eq 0
check "--file-timeout 1: a timeout row" \
	$PY tests/e2e/check_xlsx.py error "$WORK/to.xlsx" huge.bin partial "timeout: not read to the end in 1 s"
check "--file-timeout 1: the next files are scanned" summary_row "$WORK/to.xlsx" "Files with personal data" 3
check_fails "--file-timeout takes seconds" "$PIISCAN" -q --file-timeout soon -o "$WORK/x.jsonl" fixtures/notes

# An output that cannot be written whole (the file size limit, as a full
# disk would): a clear error, exit 2, the previous inventory untouched.
mkdir "$WORK/full" && echo "previous inventory" >"$WORK/full/inv.csv"
(ulimit -f 1 && "$PIISCAN" -q -o "$WORK/full/inv.xlsx" -o "$WORK/full/inv.csv" fixtures/) 2>"$WORK/full.err"
rc=$?
check "output past the size limit: exit 2" test $rc -eq 2
check "output past the size limit: a one-line reason" grep -q "^piiscan: cannot write '.*inv\.[a-z]*': .*File too large" "$WORK/full.err"
check "output past the size limit: the previous inventory is untouched" grep -qx "previous inventory" "$WORK/full/inv.csv"
check "output past the size limit: no temporary file left" test "$(ls -A "$WORK/full")" = "inv.csv"

# Several outputs replace their files together or not at all: the small
# CSV could be written, the workbook could not, so neither is replaced.
mkdir "$WORK/both" && echo "previous csv" >"$WORK/both/inv.csv" && echo "previous xlsx" >"$WORK/both/inv.xlsx"
(ulimit -f 1 && "$PIISCAN" -q --exclude national -o "$WORK/both/inv.csv" -o "$WORK/both/inv.xlsx" fixtures/decoys) 2>"$WORK/both.err"
rc=$?
check "one output of two cannot be written: exit 2, the workbook named" \
	sh -c "test $rc -eq 2 && grep -q \"cannot write '.*inv.xlsx'\" '$WORK/both.err'"
check "one output of two cannot be written: the other keeps its previous content too" \
	grep -qx "previous csv" "$WORK/both/inv.csv"
check "one output of two cannot be written: no temporary file left" \
	test "$(ls -A "$WORK/both" | tr '\n' ' ')" = "inv.csv inv.xlsx "

# The workbook's temporary files (TMPDIR) on a full disk: libxlsxwriter
# does not check those writes, and gave a workbook without rows and exit
# 0. A small tmpfs where this machine lets us mount one.
mkdir "$WORK/tmpfs" "$WORK/tmpout"
if mount -t tmpfs -o size=256k tmpfs "$WORK/tmpfs" 2>/dev/null; then
	TMPDIR="$WORK/tmpfs" "$PIISCAN" -q -o "$WORK/tmpout/inv.xlsx" fixtures/ 2>"$WORK/tmpfs.err"
	rc=$?
	check "TMPDIR full: exit 2" test $rc -eq 2
	check "TMPDIR full: one line that names the temporary files and the cause" \
		sh -c "test \$(wc -l <'$WORK/tmpfs.err') -eq 1 &&
			grep -q \"^piiscan: cannot write '.*inv.xlsx': .*temporary files.*\\(No space left\\|MB free\\)\" '$WORK/tmpfs.err'" ||
		cat "$WORK/tmpfs.err"
	check "TMPDIR full: no workbook and no temporary file left" test -z "$(ls -A "$WORK/tmpout")"
	umount "$WORK/tmpfs"
	# --state on a full disk: said in words, not in SQL
	mount -t tmpfs -o size=64k tmpfs "$WORK/tmpfs"
	"$PIISCAN" -q --state "$WORK/tmpfs/state.db" -o "$WORK/tmpout/s.jsonl" fixtures/ 2>"$WORK/state.err"
	rc=$?
	check "--state on a full disk: exit 2, one line in words: 'database or disk is full'" \
		sh -c "test $rc -eq 2 && test \$(wc -l <'$WORK/state.err') -eq 1 &&
			grep -q '^piiscan: state: [a-z ]*: database or disk is full\$' '$WORK/state.err'" ||
		cat "$WORK/state.err"
	check "--state on a full disk: the first run's state, -wal and -shm are not left behind" \
		test -z "$(ls -A "$WORK/tmpfs")"
	umount "$WORK/tmpfs"
	# an earlier run's state is kept when a later run finds the disk full
	mount -t tmpfs -o size=1m tmpfs "$WORK/tmpfs"
	"$PIISCAN" -q --state "$WORK/tmpfs/state.db" -o "$WORK/tmpout/s.jsonl" fixtures/contacts
	check "--state with room: the first run sets its state up" test -s "$WORK/tmpfs/state.db"
	cp "$WORK/tmpfs/state.db" "$WORK/state.before"
	dd if=/dev/zero of="$WORK/tmpfs/filler" bs=4k 2>/dev/null
	"$PIISCAN" -q --state "$WORK/tmpfs/state.db" -o "$WORK/tmpout/s.jsonl" fixtures/ 2>"$WORK/state.err"
	rc=$?
	check "--state, disk full on a later run: exit 2, and the earlier state kept" \
		sh -c "test $rc -eq 2 && test -s '$WORK/tmpfs/state.db'" || cat "$WORK/state.err"
	umount "$WORK/tmpfs"
	rm -f "$WORK/tmpout/s.jsonl"
	mount -t tmpfs -o size=64m tmpfs "$WORK/tmpfs"
	TMPDIR="$WORK/tmpfs" "$PIISCAN" -q -o "$WORK/tmpout/inv.xlsx" fixtures/
	check "TMPDIR with room: the workbook is written whole" test $? -eq 0
	"$PIISCAN" -q -o "$WORK/ref.xlsx" fixtures/
	check "TMPDIR with room: every sheet has the rows of a run without TMPDIR" \
		$PY - "$WORK/tmpout/inv.xlsx" "$WORK/ref.xlsx" <<'EOF2'
import sys, openpyxl
got, want = ({ws.title: ws.max_row for ws in openpyxl.load_workbook(p)} for p in sys.argv[1:])
sys.exit(0 if got == want and want["Inventory"] > 100 else f"{got} against {want}")
EOF2
	check "TMPDIR: its files are gone afterwards" test -z "$(ls -A "$WORK/tmpfs")"
	umount "$WORK/tmpfs"
else
	echo "# skip - TMPDIR full: this machine does not let the suite mount a tmpfs"
fi
finish
