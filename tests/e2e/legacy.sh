#!/bin/sh
# Legacy Office files and saved Outlook items (fixtures/legacy/, made by
# LibreOffice and scripts/msgwriter.py: scripts/make-legacy-fixtures.py):
# every value the generator planted is found where it was put (sheet and
# column, slide, mail part, attachment), bar the known misses listed with
# their reason; the damaged files each give their errors row and the scan
# goes on; the files are read by an independent reader too.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2
L=fixtures/legacy

if "$PIISCAN" --version | grep -q '^  cfb .*left out of this build'; then
	echo "# piiscan built without libgsf: legacy Office not read"
	finish
	exit 0
fi

"$PIISCAN" -q -j 2 --show-values -o "$WORK/l.jsonl" "$L"
check "legacy: scan finishes (exit 0)" test $? -eq 0
$PY tests/e2e/check_planted.py $L/planted.tsv "$WORK/l.jsonl" "$L/" \
	tests/e2e/legacy-known-misses.tsv >"$WORK/planted.txt"
planted_rc=$?
while IFS= read -r line; do
	case $line in
	"ok - "*) ok "${line#ok - }" ;;
	"not ok - "*) not_ok "${line#not ok - }" ;;
	esac
done <"$WORK/planted.txt"
check "every planted value checked" test $planted_rc -eq 0

# Numbers and dates of the .xls as a person reads them.
check "xls: a BSN stored as a number, whole" \
	grep -q '"table":"Medewerkers","column":"BSN"' "$WORK/l.jsonl"
check "xls: a date cell as a date of birth (yyyy-mm-dd)" \
	grep -Eq '"rule":"date_of_birth".*"value":"[0-9]{4}-[0-9]{2}-[0-9]{2}".*"column":"Geboortedatum"' \
	"$WORK/l.jsonl"
check "xls: a sheet's rows are counted" sh -c \
	"$PIISCAN -q -o - --format csv $L/personeel.xls | grep -q '^fixtures/legacy/personeel.xls,Medewerkers,BSN,.*,5,5,'"

# Retention: the data is as old as the document's last save (2011-02-03
# in the generator), not as the file's time (the checkout's).
cp $L/personeel.xls "$WORK/kopie.xls" && touch "$WORK/kopie.xls"
"$PIISCAN" -q --stale-after 10y -o "$WORK/age.xlsx" "$WORK/kopie.xls"
check "xls: age and staleness from its last save, not from a fresh copy's file time" $PY -c "
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1])['Inventory']
rows = list(ws.iter_rows(values_only=True))
h = rows[0]
age, stale = h.index('Age (years)'), h.index('Deletion candidate')
ages = {r[age] for r in rows[1:]}
assert ages and all(a >= 15 for a in ages), ages
assert all(r[stale] for r in rows[1:]), 'not stale'
" "$WORK/age.xlsx"

# The same values through an independent reader (xls2csv, catdoc).
if command -v xls2csv >/dev/null 2>&1; then
	for v in $(grep -P '^personeel.xls\tMedewerkers/(BSN|E-mail|IBAN)\t' $L/planted.tsv | cut -f4 | tr ' ' '_'); do
		v=$(echo "$v" | tr '_' ' ')
		check "xls2csv reads $v too" sh -c "xls2csv $L/personeel.xls 2>/dev/null | grep -qF '$v'"
	done
fi
if command -v catdoc >/dev/null 2>&1; then
	grep -P '^brief.doc\t(body|footnote|footer)\t(iban|nl_bsn|phone)\t' $L/planted.tsv | cut -f4 \
		>"$WORK/doc.values"
	while IFS= read -r v; do
		if catdoc -w $L/brief.doc 2>/dev/null | grep -qF "$v"; then ok "catdoc reads $v too"
		else not_ok "catdoc reads $v too"; fi
	done <"$WORK/doc.values"
fi

if command -v msgconvert >/dev/null 2>&1; then
	# msgconvert (Email::Outlook::Message) turns each item into a mail of
	# its own: the planted values are in it too (the compressed RTF body
	# it attaches as base64: only rtf-only.msg's sender is compared)
	for m in memo doorgestuurd rtf-only; do
		cp $L/$m.msg "$WORK/$m.msg"
		msgconvert --outfile "$WORK/$m.eml" "$WORK/$m.msg" >/dev/null 2>&1
		parts='body|sender'
		[ $m = rtf-only ] && parts=sender
		grep -P "^$m.msg\t($parts)\t(email|phone|nl_bsn|iban)\t" $L/planted.tsv | cut -f4 \
			>"$WORK/$m.values"
		while IFS= read -r v; do
			if grep -qF "$v" "$WORK/$m.eml"; then ok "msgconvert reads $v in $m.msg too"
			else not_ok "msgconvert reads $v in $m.msg too"; fi
		done <"$WORK/$m.values"
	done
fi
# The generator's own checks of every fixture with LibreOffice (Writer,
# Calc and Impress), olefile, msgconvert, xls2csv, catdoc and antiword,
# where they are all installed (Impress's library lies next to soffice).
lo_program=$(dirname "$(readlink -f "$(command -v soffice || echo /nonexistent)")")
if command -v soffice >/dev/null 2>&1 && [ -e "$lo_program/libsdlo.so" ] &&
	command -v msgconvert >/dev/null 2>&1 && command -v catdoc >/dev/null 2>&1 &&
	command -v antiword >/dev/null 2>&1 && $PY -c 'import olefile' 2>/dev/null; then
	check "make-legacy-fixtures.py --check: independent readers find every value" \
		$PY scripts/make-legacy-fixtures.py --check
else
	echo "# skip - make-legacy-fixtures.py --check needs LibreOffice with Impress, olefile," \
		"msgconvert, catdoc and antiword"
fi

# Hostile files: a row each, and the scan goes on to the good file after.
H=$L/hostile
"$PIISCAN" -q -o "$WORK/h.xlsx" -o "$WORK/h.jsonl" --show-values "$H" $L/brief.doc
check "hostile: scan finishes (exit 0)" test $? -eq 0
row() {
	check "$1: errors row '$3: $4'" $PY tests/e2e/check_xlsx.py error "$WORK/h.xlsx" "$2" "$3" "$4"
}
row "FAT chain that loops" "$H/fat-loop.doc" failed "cannot be read"
row "sector chain past the end" "$H/chain-past-end.xls" partial "ends inside a record"
row "mini stream cut short" "$H/ministream-cut.msg" partial "could not be read"
row "piece table outside the stream" "$H/piece-outside.doc" partial "piece table points outside"
row "encrypted .doc (RC4)" "$H/encrypted.doc" skipped "encrypted Word document, not scanned"
row "encrypted .xls (RC4)" "$H/encrypted.xls" skipped "encrypted Excel workbook, not scanned"
row "encrypted docx in its OLE2 wrapper" "$H/encrypted-ooxml.docx" skipped "encrypted Office document"
row "message nested 100 deep" \
	"$H/nest100.msg!$(printf 'attachment-1/%.0s' $(seq 9))attachment-1" skipped "nested 10 deep"
check "hostile: the good file after them is read" \
	grep -q '"file":"fixtures/legacy/brief.doc"' "$WORK/h.jsonl"
check "rows-2g.xls: a DIMENSION of 2^31 rows asks for nothing, the cells are read" \
	grep -q '"file":"fixtures/legacy/hostile/rows-2g.xls".*"table"' "$WORK/h.jsonl"
check "dir-loop.msg: a directory whose siblings loop is read without hanging" \
	grep -q '"file":"fixtures/legacy/hostile/dir-loop.msg!' "$WORK/h.jsonl"
row "directory entries that loop" "$H/dir-loop.msg" partial "structure is damaged"

# Inside other containers: a .msg in a zip, an .xls attached to a mail.
(cd $L && $PY -c "
import zipfile; z = zipfile.ZipFile('$WORK/post.zip', 'w'); z.write('memo.msg'); z.close()")
"$PIISCAN" -q --show-values -o "$WORK/z.jsonl" "$WORK/post.zip"
check "a .msg in a zip: its attachment's xls cells" \
	grep -q 'post.zip!memo.msg!personeel.xls",.*"table":"Medewerkers"' "$WORK/z.jsonl"
finish
