#!/bin/sh
# Incremental rescans (--state): an unchanged tree is not read again and
# gives the same inventory with no changes; a changed file is read again
# and the Changes sheet shows the difference; a killed run is resumed;
# one run at a time; the state file is private.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

T="$WORK/tree"
mkdir "$T" && cp -r fixtures "$T/"
S="$WORK/state.db"
scan() { # NAME [OPTION...]: scans $T/fixtures into $WORK/NAME.xlsx
	n=$1
	shift
	(cd "$T" && "$PIISCAN" -q --state "$S" -o "$WORK/$n.xlsx" -o "$WORK/$n.csv" "$@" fixtures)
}
changes() { # BOOK: prints the Changes rows, tab-separated
	$PY -c "
import openpyxl, sys
for r in list(openpyxl.load_workbook(sys.argv[1])['Changes'].iter_rows(values_only=True))[1:]:
    print('\t'.join('' if v is None else str(v) for v in r))" "$1"
}
nfiles=$(find "$T/fixtures" -type f | wc -l)

scan first
check "first run: every file read" test "$(summary "$WORK/first.xlsx" "Files read this run")" -eq "$nfiles"
check "first run: nothing to compare with, and it says so" \
	sh -c "case '$(summary "$WORK/first.xlsx" "Changes since the previous run")' in 'none: the first'*) exit 0 ;; esac; exit 1"
check "the state file is mode 0600" test "$(stat -c %a "$S")" = 600

# A second run over the unchanged tree, with a reader holding the state
# file open in a read transaction all the while (WAL lets both be).
$PY - "$S" "$WORK/reader.ready" "$WORK/second.done" <<'EOF' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN")
db.execute("SELECT count(*) FROM files").fetchone()
open(sys.argv[2], "w").close()
for _ in range(600):
    if os.path.exists(sys.argv[3]):
        break
    time.sleep(0.1)
db.execute("COMMIT")
EOF
reader=$!
i=0
while [ ! -e "$WORK/reader.ready" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
scan second
rc=$?
touch "$WORK/second.done"
wait $reader
check "second run: exit 0 with a reader on the state file" test $rc -eq 0
check "second run: no file read again" test "$(summary "$WORK/second.xlsx" "Files read this run")" -eq 0
check "second run: every file carried over" \
	test "$(summary "$WORK/second.xlsx" "Files carried over (unchanged)")" -eq "$nfiles"
check "second run: the same inventory (every sheet but times and state counts)" \
	$PY tests/e2e/same_xlsx.py "$WORK/first.xlsx" "$WORK/second.xlsx" "Started (UTC)" \
	"Finished (UTC)" "Duration (seconds)" "Command line" "Files read this run" \
	"Files carried over (unchanged)" "Changes since the previous run" \
	"OCR" "OCR time (seconds, all threads)" "Images and pages not read by OCR (Errors sheet)"
check "second run: the same CSV" cmp "$WORK/first.csv" "$WORK/second.csv"
check "second run: an empty Changes sheet" test -z "$(changes "$WORK/second.xlsx")"

# Not read again means not read: a file rewritten with the same size,
# time and inode keeps its old findings until --full.
f="$T/fixtures/notes/klantgesprek-de-vries.txt"
stamp=$(stat -c %y "$f")
$PY -c "
import sys
p = sys.argv[1]
data = open(p, 'rb').read()
with open(p, 'r+b') as fh:
    fh.write(b'x' * len(data))" "$f"
touch -d "$stamp" "$f"
scan third
before=$(grep -c 'klantgesprek-de-vries' "$WORK/first.csv")
after=$(grep -c 'klantgesprek-de-vries' "$WORK/third.csv")
check "same size, time and inode: carried over, not read (its old findings kept)" \
	sh -c "test $before -gt 0 && test $after -eq $before"
scan full --full
check "--full reads every file again" test "$(summary "$WORK/full.xlsx" "Files read this run")" -eq "$nfiles"
check "--full: the rewritten file's findings are gone, and the change is listed" \
	sh -c "! grep -q 'klantgesprek-de-vries' '$WORK/full.csv' && $PY -c \"
import openpyxl
rows = list(openpyxl.load_workbook('$WORK/full.xlsx')['Changes'].iter_rows(values_only=True))[1:]
assert rows and all(r[0].endswith('klantgesprek-de-vries.txt') and r[6] == 'gone' for r in rows), rows\""

# Touch one file: only it is read; the Changes sheet shows the new count.
printf 'Nieuw adres: p.jansen@kpnmail.nl, ook a.bakker@ziggo.nl\n' >>"$T/fixtures/notes/meeting-notes-2024-03.txt"
printf 'mail c.visser@hetnet.nl\n' >"$T/fixtures/notes/nieuw.txt"
rm "$T/fixtures/exports/klanten-export.csv"
scan fourth
check "a touched and a new file are read, nothing else" \
	test "$(summary "$WORK/fourth.xlsx" "Files read this run")" -eq 2
check "Changes: the touched file's count, the new file, the deleted file's locations" \
	$PY - "$WORK/fourth.xlsx" "$WORK/full.xlsx" <<'EOF'
import sys, openpyxl
rows = list(openpyxl.load_workbook(sys.argv[1])["Changes"].iter_rows(values_only=True))[1:]
prev = {(r[0], r[1], r[2], r[5]): r[9] for r in
        list(openpyxl.load_workbook(sys.argv[2])["Inventory"].iter_rows(values_only=True))[1:]}
meet = [r for r in rows if r[0].endswith("meeting-notes-2024-03.txt")]
assert len(meet) == 1 and meet[0][5] == "email" and meet[0][6] == "count", meet
assert meet[0][8] == meet[0][7] + 2, meet
new = [r for r in rows if r[0].endswith("nieuw.txt")]
assert new == [("fixtures/notes/nieuw.txt", None, None, None, None, "email", "new", 0, 1)], new
gone = [r for r in rows if "klanten-export.csv" in r[0]]
assert gone and all(r[6] == "gone" and r[8] == 0 and r[7] > 0 for r in gone), gone
assert len(rows) == len(meet) + len(new) + len(gone), rows
EOF
check "the deleted file is forgotten by the state" \
	$PY -c "import sqlite3,sys; sys.exit(sqlite3.connect(sys.argv[1]).execute(\"select count(*) from files where path like '%klanten-export.csv'\").fetchone()[0] != 0)" "$S"

# Other rules: every file is read again.
scan core --packs core
check "changed rules: every file read again" \
	test "$(summary "$WORK/core.xlsx" "Files read this run")" -eq "$(find "$T/fixtures" -type f | wc -l)"

# Another OCR mode reads what it reads differently: every file read again.
scan ocr-off --packs core --ocr off
check "changed OCR mode: every file read again" \
	test "$(summary "$WORK/ocr-off.xlsx" "Files read this run")" -eq "$(find "$T/fixtures" -type f | wc -l)"

# A state file inside the scanned tree is not scanned.
mkdir "$WORK/inside" && cp -r fixtures/notes "$WORK/inside/"
"$PIISCAN" -q --state "$WORK/inside/state.db" -o "$WORK/inside1.xlsx" "$WORK/inside"
"$PIISCAN" -q --state "$WORK/inside/state.db" -o "$WORK/inside2.xlsx" -o "$WORK/inside2.jsonl" "$WORK/inside"
check "a state file in the scanned tree is left out, with a row" \
	$PY tests/e2e/check_xlsx.py error "$WORK/inside2.xlsx" state.db skipped "piiscan's own state file, not read"
check "nothing is found in the state file" sh -c "! grep -q 'state.db' '$WORK/inside2.jsonl'"

check_fails "--state with --show-values is refused (the state keeps no values)" \
	"$PIISCAN" -q --state "$WORK/sv.db" --show-values -o "$WORK/sv.xlsx" fixtures/notes
check_fails "--full without --state is refused" "$PIISCAN" -q --full -o "$WORK/f.xlsx" fixtures/notes

# A killed run is resumed. 600 small files, then a 20 GB sparse file read
# last (-j 1 keeps the order): the state commits every 500 files, so the
# first 500 are in it when piiscan is killed while reading the big one.
R="$WORK/resume"
mkdir -p "$R/tree"
$PY -c "
import sys
for i in range(600):
    open(f'{sys.argv[1]}/f{i:04d}.txt', 'w').write(f'klant {i}: k{i}.devries@ziggo.nl\n')" "$R/tree"
truncate -s 20G "$R/tree/zzz.bin"
"$PIISCAN" -q -j 1 --state "$R/state.db" -o "$R/killed.xlsx" "$R/tree" &
pid=$!
wait_open $pid zzz.bin
"$PIISCAN" -q --state "$R/state.db" -o "$R/second.xlsx" "$R/tree" 2>"$R/busy.err"
busy=$?
kill -KILL $pid
wait $pid 2>/dev/null
check "a second run on a state file in use is refused with a clear message" \
	sh -c "test $busy -eq 2 && grep -q 'in use by another piiscan run' '$R/busy.err'"
check "the killed run left no inventory" test ! -e "$R/killed.xlsx"
"$PIISCAN" -q -j 1 --file-timeout 2 --state "$R/state.db" -o "$R/resumed.xlsx" -o "$R/resumed.csv" "$R/tree"
carried=$(summary "$R/resumed.xlsx" "Files carried over (unchanged)")
check "the next run resumes: the killed run's first 500 files carried over" \
	sh -c "test $carried -ge 500 && test $carried -le 600"
check "the resumed run's inventory has every file's findings" \
	test "$(grep -c '/tree/f[0-9]*\.txt' "$R/resumed.csv")" -eq 600
finish
