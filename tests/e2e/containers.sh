#!/bin/sh
# Containers and hostile files: each hostile fixture gives its errors row
# and the scan finishes; the container limits and their flags; nothing is
# extracted to disk; a bomb streams through bounded memory.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2
H=fixtures/hostile

# scan_alone NAME FILE STATUS REASON ROWFILE: FILE scanned on its own exits 0,
# writes the workbook and has an errors row for ROWFILE (default FILE).
scan_alone() {
	fixture=$1 file=$2 status=$3 reason=$4 rowfile=${5:-$2}
	"$PIISCAN" -q -o "$WORK/$fixture.xlsx" "$file"
	check "$fixture: scan finishes (exit 0)" test $? -eq 0
	check "$fixture: errors row '$status: $reason'" \
		$PY tests/e2e/check_xlsx.py error "$WORK/$fixture.xlsx" "$rowfile" "$status" "$reason"
}
scan_alone zipbomb "$H/zipbomb.zip" partial "expands more than 200 times (--max-ratio)"
scan_alone nest100 "$H/nest100.zip" skipped "container nested 10 deep" \
	"nest100.zip!$(seq -f 'level%g.zip' -s '!' 2 11)"
scan_alone encrypted "$H/encrypted.zip" skipped "encrypted, not scanned" "encrypted.zip!dossier.txt"
scan_alone truncated "$H/truncated.tar.gz" partial "damaged or cut short"
# A PDF page without a text layer is read by OCR (images.sh); with OCR
# off it is listed as needing it.
"$PIISCAN" -q --ocr off -o "$WORK/scanned-pdf.xlsx" "$H/scanned.pdf"
check "scanned-pdf, --ocr off: errors row 'skipped: without a text layer'" \
	$PY tests/e2e/check_xlsx.py error "$WORK/scanned-pdf.xlsx" "$H/scanned.pdf" skipped \
	"without a text layer (scanned?) not read: --ocr off"

# The members before the cut are still scanned.
"$PIISCAN" -q -o "$WORK/trunc.jsonl" "$H/truncated.tar.gz"
check "truncated: findings from the members before the cut" \
	grep -q '"file":"fixtures/hostile/truncated.tar.gz!deel0.txt","rule":"nl_bsn"' "$WORK/trunc.jsonl"

# All hostile files, then a good one: the good one is still scanned, and
# the summary on stderr counts the problem files.
"$PIISCAN" -o "$WORK/all.jsonl" "$H" fixtures/containers/dossier.zip 2>"$WORK/all.err"
check "hostile folder then a zip: exit 0" test $? -eq 0
check "hostile folder then a zip: the zip's findings" \
	test "$(grep -c 'dossier.zip!dossier/dossier.txt' "$WORK/all.jsonl")" -eq 5
check "stderr summary counts the hostile files" \
	grep -q '^piiscan: 16 files .*: 6 read whole, 10 in part, 0 not read' "$WORK/all.err"

# Limits and their flags.
# nested.zip > level2.tar.gz > level3.zip > dossier.txt: the dossier is
# three containers deep.
"$PIISCAN" -q --max-depth 2 -o "$WORK/d2.xlsx" -o "$WORK/d2.jsonl" fixtures/containers/nested.zip
check "--max-depth 2: the third container is not opened" \
	$PY tests/e2e/check_xlsx.py error "$WORK/d2.xlsx" "nested.zip!level2.tar.gz!level3.zip" \
	skipped "container nested 2 deep"
check "--max-depth 2: so nothing is found" test ! -s "$WORK/d2.jsonl"
"$PIISCAN" -q --max-depth 3 -o "$WORK/d3.jsonl" fixtures/containers/nested.zip
check "--max-depth 3: three deep is found" test "$(wc -l <"$WORK/d3.jsonl")" -eq 5
"$PIISCAN" -q --max-depth 0 -o "$WORK/d0.xlsx" fixtures/containers/dossier.zip
check "--max-depth 0: archives are listed, not opened" \
	$PY tests/e2e/check_xlsx.py error "$WORK/d0.xlsx" "containers/dossier.zip" skipped "(--max-depth 0)"

"$PIISCAN" -q --max-ratio 100000 --max-expand 20M -o "$WORK/x.xlsx" "$H/zipbomb.zip"
check "--max-expand 20M stops the bomb instead" \
	$PY tests/e2e/check_xlsx.py error "$WORK/x.xlsx" zipbomb.zip partial "(--max-expand)"
"$PIISCAN" -q --max-ratio 2000 -o "$WORK/r.xlsx" -o "$WORK/r.jsonl" "$H/zipbomb.zip"
check "--max-ratio 2000 lets the 1000-fold bomb through: no errors row" \
	$PY -c "import openpyxl,sys; sys.exit(openpyxl.load_workbook('$WORK/r.xlsx')['Errors'].max_row != 1)"

# Five members, --max-members 2: two scanned, a row for the rest.
$PY - "$WORK/five.zip" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for i in range(5):
        z.writestr(f"m{i}.txt", f"mail m{i}@example.nl\n")
EOF
"$PIISCAN" -q --max-members 2 -o "$WORK/five.xlsx" -o "$WORK/five.jsonl" "$WORK/five.zip"
check "--max-members 2: two members scanned" test "$(wc -l <"$WORK/five.jsonl")" -eq 2
check "--max-members 2: a row for the rest" \
	$PY tests/e2e/check_xlsx.py error "$WORK/five.xlsx" five.zip partial "more than 2 members"
check_fails "--max-depth needs a number" "$PIISCAN" -q --max-depth lots -o "$WORK/e.jsonl" "$WORK/five.zip"

# An Outlook data file inside a zip is read from memory, with the same
# findings as on disk.
$PY -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1],'w').write('fixtures/mail/dossier.pst','dossier.pst')" "$WORK/pst.zip"
"$PIISCAN" -q -o "$WORK/pst-disk.jsonl" fixtures/mail/dossier.pst
"$PIISCAN" -q -o "$WORK/pst-zip.jsonl" "$WORK/pst.zip"
check "pst in a zip: as many findings as on disk" \
	test "$(wc -l <"$WORK/pst-zip.jsonl")" -eq "$(wc -l <"$WORK/pst-disk.jsonl")" -a -s "$WORK/pst-disk.jsonl"
check "pst in a zip: attachment located through both layers" \
	grep -q '"file":"[^"]*pst.zip!dossier.pst!Inbox/msg-1/dossier.txt"' "$WORK/pst-zip.jsonl"

# An Outlook data file with a damaged header: a row saying so, no crash.
$PY - "$WORK/damaged.pst" <<'EOF'
import random, sys
random.seed(4)
open(sys.argv[1], "wb").write(b"!BDN\0\0\0\0SM\x17\x00" + bytes(random.randrange(256) for _ in range(20000)))
EOF
"$PIISCAN" -q -o "$WORK/damaged.xlsx" "$WORK/damaged.pst"
check "damaged pst: scan finishes (exit 0)" test $? -eq 0
check "damaged pst: errors row with libpff's cause" \
	$PY tests/e2e/check_xlsx.py error "$WORK/damaged.xlsx" damaged.pst failed \
	"not readable as an Outlook data file (damaged or cut short?): mismatch in file header checksum"

# A spreadsheet embedded in a Word file in a zip: reached, with its sheet.
$PY - "$WORK/embedded.zip" <<'EOF'
import io, sys, zipfile
docx = io.BytesIO(open("fixtures/documents/dossier.docx", "rb").read())
with zipfile.ZipFile(docx, "a") as d:
    d.write("fixtures/documents/dossier.xlsx", "word/embeddings/Microsoft_Excel_Worksheet.xlsx")
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("brief.docx", docx.getvalue())
EOF
"$PIISCAN" -q -o "$WORK/emb.jsonl" "$WORK/embedded.zip"
check "a sheet embedded in a docx in a zip is found with its sheet and column" \
	grep -q '"file":"[^"]*embedded.zip!brief.docx!word/embeddings/Microsoft_Excel_Worksheet.xlsx","rule":"nl_bsn".*"table":"Klanten","column":"BSN"' "$WORK/emb.jsonl"
check "and the docx's own text" grep -q '"file":"[^"]*embedded.zip!brief.docx","rule":"iban"' "$WORK/emb.jsonl"

# Nothing is extracted to disk: TMPDIR stays empty through every fixture.
mkdir "$WORK/tmp"
TMPDIR="$WORK/tmp" "$PIISCAN" -q -o "$WORK/t.jsonl" fixtures/
check "no temporary files while scanning containers and documents" \
	test -z "$(ls -A "$WORK/tmp")"

# A 256 MiB bomb with its limits lifted streams through a 200 MiB
# address-space cap: members are never held whole (not under ASan, which
# reserves terabytes of address space).
case $BUILD in
*san*) echo "skip - address-space cap under a sanitizer" ;;
*)
	$PY - "$WORK/big.zip" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("zeros.bin", "w", force_zip64=True) as f:
        for _ in range(256):
            f.write(bytes(1 << 20))
EOF
	(ulimit -v 204800 && "$PIISCAN" -q -j 2 --max-ratio 100000 -o "$WORK/b.xlsx" "$WORK/big.zip")
	check "a 256 MiB bomb streams under a 200 MiB cap (exit 0)" test $? -eq 0
	check "and is read to the end: no errors row" \
		$PY -c "import openpyxl,sys; sys.exit(openpyxl.load_workbook('$WORK/b.xlsx')['Errors'].max_row != 1)"
	;;
esac
finish
