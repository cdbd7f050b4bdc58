#!/bin/sh
# The catalogue of hostile input: each case checks its errors-sheet row (or
# that there is none where the input is merely odd), its findings, and
# that the scan finished. Small cases are fixtures (fixtures/hostile/,
# also checked by the golden list); large ones are made here. The rest of
# the catalogue is tested elsewhere: zip bomb, 100-deep nesting, encrypted
# and truncated archives in containers.sh; symbolic link loop, FIFO,
# socket, device node, unreadable file and folder, names with newlines
# and invalid UTF-8 in walk.sh; damaged dumps, JSON, CSV in tables.sh and
# the golden list.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2
H=fixtures/hostile

# scan NAME [OPTION...] PATH...: scans into $WORK/NAME.xlsx and .jsonl; the
# exit status is kept in $rc.
scan() {
	n=$1
	shift
	"$PIISCAN" -q -o "$WORK/$n.xlsx" -o "$WORK/$n.jsonl" "$@"
	rc=$?
}
row() { $PY tests/e2e/check_xlsx.py error "$WORK/$1.xlsx" "$2" "$3" "$4"; }
no_rows() { $PY -c "import openpyxl,sys; sys.exit(openpyxl.load_workbook('$WORK/$1.xlsx')['Errors'].max_row != 1)"; }
found() { grep -q "\"rule\":\"$2\"" "$WORK/$1.jsonl"; }

# An archive with a million empty members (92 MB of headers).
$PY - "$WORK/million.zip" <<'EOF'
import struct, sys
out, cd = bytearray(), bytearray()
for i in range(1_000_000):
    name = b"e%07d" % i
    off = len(out)
    out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 10, 0, 0, 0, 0, 0, 0, 0, len(name), 0) + name
    cd += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 10, 0, 0, 0, 0, 0, 0, 0,
                      len(name), 0, 0, 0, 0, 0, off) + name
end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, len(cd), len(out), 0)
open(sys.argv[1], "wb").write(bytes(out + cd + end))
EOF
scan million "$WORK/million.zip"
check "a million members: scan finishes" test $rc -eq 0
check "a million members: stops at --max-members with a row" \
	row million million.zip partial "more than 100000 members (--max-members)"

scan cutgz "$H/cut.txt.gz"
check "truncated gzip: scan finishes" test $rc -eq 0
check "truncated gzip: a row" row cutgz cut.txt.gz partial "damaged or cut short: truncated gzip input"
check "truncated gzip: the text before the cut is scanned" found cutgz email

scan badcd "$H/bad-central-dir.zip"
check "corrupt zip central directory: scan finishes, no row" sh -c "test $rc -eq 0"
check "corrupt zip central directory: members read from their local headers" \
	sh -c "grep -q 'bad-central-dir.zip!a.txt' '$WORK/badcd.jsonl' && grep -q 'bad-central-dir.zip!b.txt' '$WORK/badcd.jsonl'"

# A 10 MB single line, the value in its middle.
$PY -c "import sys; open(sys.argv[1], 'w').write('x' * 5_000_000 + ' j.devries@ziggo.nl ' + 'y' * 5_000_000)" "$WORK/line.txt"
scan line "$WORK/line.txt"
check "10 MB single line: scan finishes, no row" sh -c "test $rc -eq 0"
check "10 MB single line: no row" no_rows line
check "10 MB single line: the value in the middle is found" found line email

head -c 1048576 /dev/zero >"$WORK/zeros.bin"
scan zeros "$WORK/zeros.bin"
check "a file of NUL bytes: scan finishes, nothing found, no row" \
	sh -c "test $rc -eq 0 && test ! -s '$WORK/zeros.jsonl'"
check "a file of NUL bytes: no row" no_rows zeros

scan utf "$H/bad-utf8.txt" "$H/surrogates-utf16.txt"
check "invalid UTF-8 and lone surrogates: scan finishes, no row" no_rows utf
check "invalid UTF-8: values on both sides of the bad bytes" \
	test "$(grep -c 'bad-utf8.txt' "$WORK/utf.jsonl")" -eq 2
check "lone UTF-16 surrogates: values on both sides" \
	test "$(grep -c 'surrogates-utf16.txt' "$WORK/utf.jsonl")" -eq 2

# Bytes that are not UTF-8 from a library: libxml2 recovering from a
# damaged sharedStrings.xml hands them out (found by fuzz_ooxml; PCRE2's
# JIT, which is not asked to check UTF-8, read out of bounds on them).
scan libxml "$H/libxml-bad-bytes.xlsx"
check "invalid UTF-8 from libxml2: scan finishes" test $rc -eq 0
check "invalid UTF-8 from libxml2: the valid cell is found" found libxml email

# A pattern killer: an address whose domain is 200,000 labels and no
# top-level domain makes a naive regex backtrack forever; PCRE2's match
# limit stops it, with a row, in well under a second of work.
$PY -c "import sys; open(sys.argv[1], 'w').write('mail j@' + 'a.' * 200000 + '1\n')" "$WORK/killer.txt"
scan killer "$WORK/killer.txt"
check "pattern killer: scan finishes" test $rc -eq 0
check "pattern killer: the match limit is reported" \
	row killer killer.txt partial "pattern work limit reached"

# A path over 4096 bytes: 25 folders of 200 characters.
$PY - "$WORK/deep" <<'EOF'
import os, sys
os.makedirs(sys.argv[1])
os.chdir(sys.argv[1])
for _ in range(25):
    os.mkdir("d" * 200)
    os.chdir("d" * 200)
open("f.txt", "w").write("mail j.devries@ziggo.nl\n")
EOF
scan deep "$WORK/deep"
check "a path over 4096 bytes: scan finishes, no row" no_rows deep
check "a path over 4096 bytes: its file is read" found deep email
check "a path over 4096 bytes: located in full" \
	sh -c "grep -o '\"file\":\"[^\"]*\"' '$WORK/deep.jsonl' | awk '{ exit !(length(\$0) > 5000) }'"

# A file cut short, and one that grows, while they are read; a file
# deleted between the walk and the read. One thread: the big file first.
$PY -c "import sys; open(sys.argv[1], 'w').write('mail j.devries@ziggo.nl\n' * 6_000_000)" "$WORK/shrinks.txt"
echo "mail j.devries@ziggo.nl" >"$WORK/vanishes.txt"
"$PIISCAN" -q -j 1 --max-findings 10 -o "$WORK/chg.xlsx" "$WORK/shrinks.txt" "$WORK/vanishes.txt" &
pid=$!
wait_open $pid shrinks.txt # open, and not yet read through
truncate -s 100000 "$WORK/shrinks.txt"
rm -f "$WORK/vanishes.txt"
wait $pid
rc=$?
check "files changing under the scan: scan finishes" test $rc -eq 0
check "a file cut short while read: a row" row chg shrinks.txt partial "cut short while it was read"
check "a file deleted before it was read: a row" row chg vanishes.txt failed "gone before it was read"
$PY -c "import sys; open(sys.argv[1], 'w').write('mail j.devries@ziggo.nl\n' * 4_000_000)" "$WORK/grows.txt"
( i=0; while [ $i -lt 50 ]; do echo "mail p.bakker@xs4all.nl" >>"$WORK/grows.txt"; i=$((i + 1)); sleep 0.02; done ) &
apid=$!
scan grows --max-findings 10 "$WORK/grows.txt"
wait $apid
check "a file growing while read: read as it was when opened, no row" \
	sh -c "test $rc -eq 0 && $PY -c \"import openpyxl,sys; sys.exit(openpyxl.load_workbook('$WORK/grows.xlsx')['Errors'].max_row != 1)\""
finish
