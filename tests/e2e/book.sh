#!/bin/sh
# The workbook for millions of rows (#22): an Inventory past Excel's row
# limit goes on in "Inventory (2)", ...; the Folders sheet rolls the
# Inventory up per folder. The limit is lowered (PIISCAN_XLSX_ROW_LIMIT,
# for the tests) so that 84 rows split as a million would.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

D="$WORK/share"
mkdir -p "$D/a" "$D/b/c"
# 30 + 10 files of one address and one phone number each, a zip of two
# more: 84 Inventory rows in the folders a, b/c and b (the zip's)
i=0
while [ $i -lt 40 ]; do
	dir="$D/a"
	[ $i -ge 30 ] && dir="$D/b/c"
	printf 'Contact: jan.devries%d@example.nl, tel. 06-%08d\n' $i $((23456789 + i * 7919)) \
		>"$dir/f$i.txt"
	i=$((i + 1))
done
$PY -c "
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    for i in (1, 2):
        z.writestr(f'm{i}.txt', f'Contact: piet.jansen{i}@example.nl, tel. 06-3456789{i}\n')
" "$D/b/members.zip"
head -c 32 /dev/urandom >"$WORK/key"
scan() {
	"$PIISCAN" -q -j 2 --fingerprint-key-file "$WORK/key" "$@"
}

scan -o "$WORK/whole.xlsx" "$D"
PIISCAN_XLSX_ROW_LIMIT=30 scan -o "$WORK/split.xlsx" "$D"
PIISCAN_XLSX_ROW_LIMIT=30 scan --lang nl -o "$WORK/split-nl.xlsx" "$D"

check "84 rows at 30 a sheet (a header and 29): Inventory, Inventory (2), Inventory (3) in place of one" \
	$PY - "$WORK/split.xlsx" "$WORK/whole.xlsx" <<'EOF'
import sys, openpyxl
split, whole = (openpyxl.load_workbook(p) for p in sys.argv[1:3])
assert whole.sheetnames == ["Summary", "Data map", "Folders", "Inventory", "Findings", "Errors",
                            "Rules", "piiscan"], whole.sheetnames
want = whole.sheetnames[:4] + ["Inventory (2)", "Inventory (3)"] + whole.sheetnames[4:]
assert split.sheetnames == want, split.sheetnames
assert [split[n].max_row for n in want[3:6]] == [30, 30, 27], [split[n].max_row for n in want[3:6]]
# the Findings sheet is not split: --max-findings keeps it within the real limit
assert split["Findings"].max_row == whole["Findings"].max_row == 85
EOF

check "each part: the same header, widths, hidden columns, filter, frozen header, verdict drop-down" \
	$PY - "$WORK/split.xlsx" "$WORK/whole.xlsx" <<'EOF'
import sys, openpyxl
split, whole = (openpyxl.load_workbook(p) for p in sys.argv[1:3])
w = whole["Inventory"]
def looks(ws):
    cols = {k: (round(d.width, 2), bool(d.hidden)) for k, d in ws.column_dimensions.items()}
    return [c.value for c in ws[1]], cols, ws.freeze_panes, ws.print_title_rows
assert looks(w)[1]["AE"][1] and not looks(w)[1]["A"][1], looks(w)[1]
for name in ("Inventory", "Inventory (2)", "Inventory (3)"):
    ws = split[name]
    assert looks(ws) == looks(w), (name, looks(ws), looks(w))
    n = ws.max_row
    assert ws.auto_filter.ref == f"A1:AF{n}", (name, ws.auto_filter.ref)
    dvs = ws.data_validations.dataValidation
    assert len(dvs) == 1 and str(dvs[0].sqref) == f"F2:F{n}", (name, [str(d.sqref) for d in dvs])
    assert dvs[0].formula1 == '"personal data,not personal data,accepted,to delete"'
    assert ws.page_setup.orientation == "landscape" and "Inventory" in ws.oddHeader.left.text, name
EOF

check "the parts' rows together are the rows of the unsplit run, in its order" \
	$PY - "$WORK/split.xlsx" "$WORK/whole.xlsx" <<'EOF'
import sys, openpyxl
split, whole = (openpyxl.load_workbook(p) for p in sys.argv[1:3])
def body(ws):
    return list(ws.iter_rows(min_row=2, values_only=True))
got = [r for n in ("Inventory", "Inventory (2)", "Inventory (3)") for r in body(split[n])]
want = body(whole["Inventory"])
assert len(want) == 84 and got == want, (len(got), len(want))
EOF

check "the Summary says the Inventory was split, over how many sheets; not when it was not" \
	$PY - "$WORK/split.xlsx" "$WORK/whole.xlsx" "$WORK/split-nl.xlsx" <<'EOF'
import sys, openpyxl
def summary(p, sheet="Summary"):
    return {r[0]: r[1] for r in openpyxl.load_workbook(p)[sheet].iter_rows(values_only=True) if r[0]}
s = summary(sys.argv[1])
assert s["Inventory sheet split"] == \
    "over 3 sheets, Inventory to Inventory (3) (at most 29 rows a sheet)", s
assert not [k for k in summary(sys.argv[2]) if "split" in str(k)]
nl = summary(sys.argv[3], "Samenvatting")
assert nl["Blad Inventaris gesplitst"] == \
    "over 3 bladen, Inventaris t/m Inventaris (3) (hoogstens 29 rijen per blad)", nl
EOF

check "Dutch: Inventaris (2), Inventaris (3), and the roll-up is Mappen" \
	$PY - "$WORK/split-nl.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames[:6] == ["Samenvatting", "Gegevenskaart", "Mappen", "Inventaris",
                             "Inventaris (2)", "Inventaris (3)"], wb.sheetnames
head = [c.value for c in wb["Mappen"][1]]
assert head[:2] == ["Map", "Bestanden met persoonsgegevens"] and \
    head[-2:] == ["Vondsten", "Bijzondere categorieën"], head
EOF

check "Folders: one row per folder (a zip's members in the zip's folder), sorted, its sums" \
	$PY - "$WORK/split.xlsx" "$D" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
d = sys.argv[2]
rows = [r for r in wb["Folders"].iter_rows(values_only=True)]
head = rows[0]
assert head[:2] == ("Folder", "Files with personal data") and \
    head[-2:] == ("Findings", "Special categories"), head
cats = head[2:-2]
assert "Contact details" in cats, cats
got = [(r[0], r[1], {c: v for c, v in zip(cats, r[2:-2]) if v}, r[-2], r[-1]) for r in rows[1:]]
want = [(f"{d}/a", 30, {"Contact details": 60}, 60, None),
        (f"{d}/b", 1, {"Contact details": 4}, 4, None),
        (f"{d}/b/c", 10, {"Contact details": 20}, 20, None)]
assert got == want, got
EOF

# A file's own rows and its members' rows, where another file's path
# sorts between them ("a.eml" < "a.eml x.txt" < "a.eml!dossier.txt"): the
# mail's body made a row of the mail itself in its records, merged into a
# workbook. A file's rows stay together (sorted by file first), which
# the Folders sheet and the breach summary count files by.
mkdir -p "$WORK/rec/m"
cp fixtures/mail/dossier.eml "$WORK/rec/m/a.eml"
printf 'mail p.bakker@kpnmail.nl\n' >"$WORK/rec/m/a.eml x.txt"
printf 'mail q.bakker@kpnmail.nl\n' >"$WORK/rec/m/a.txt"
(cd "$WORK" && scan --records -o rec.jsonl rec)
sed 's/"file":"rec\/m\/a.eml!body"/"file":"rec\/m\/a.eml"/' "$WORK/rec.jsonl" >"$WORK/rec2.jsonl"
"$PIISCAN" merge -q "$WORK/rec2.jsonl" -o "$WORK/rec2.xlsx"
check "a file's rows together, before the file whose name sorts between them; Folders counts it once" \
	$PY - "$WORK/rec2.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
files = [r[0] for r in wb["Inventory"].iter_rows(min_row=2, values_only=True)]
i = files.index("rec/m/a.eml x.txt")
assert "rec/m/a.eml" in files[:i] and "rec/m/a.eml!dossier.txt" in files[:i], files
assert files[i:] == ["rec/m/a.eml x.txt", "rec/m/a.txt"], files
folders = list(wb["Folders"].iter_rows(min_row=2, values_only=True))
assert [(r[0], r[1]) for r in folders] == [("rec/m", 3)], folders
EOF

# The review: a verdict typed on the second part is read back.
PIISCAN_XLSX_ROW_LIMIT=30 scan --state "$WORK/st.db" -o "$WORK/r1.xlsx" "$D"
check "review import reads a verdict typed on Inventory (2)" sh -c '
	"$1" - "$2" "$3" <<EOF
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Inventory (2)"]
head = [c.value for c in ws[1]]
row = ws[5]
assert row[head.index("Rule")].value == "email", row[0].value
open(sys.argv[1] + ".file", "w").write(row[head.index("File")].value)
row[head.index("Verdict")].value = "not personal data"
row[head.index("Note")].value = "a test account"
wb.save(sys.argv[2])
EOF
	"$4" review import -q "$3" --state "$5"' \
	sh "$PY" "$WORK/r1.xlsx" "$WORK/r1-edited.xlsx" "$PIISCAN" "$WORK/st.db"
cp "$WORK/st.db" "$WORK/st-lib.db"
PIISCAN_XLSX_ROW_LIMIT=30 scan --state "$WORK/st.db" -o "$WORK/r2.xlsx" "$D"
check "next run: that row on the Reviewed sheet with its note, out of the Inventory sheets" \
	$PY - "$WORK/r2.xlsx" "$WORK/r1.xlsx.file" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
path = open(sys.argv[2]).read()
def rows(name):
    ws = wb[name]
    head = [c.value for c in ws[1]]
    return [dict(zip(head, r)) for r in ws.iter_rows(min_row=2, values_only=True)]
rev = rows("Reviewed")
assert [(r["File"], r["Rule"], r["Verdict"], r["Note"]) for r in rev] == \
    [(path, "email", "not personal data", "a test account")], rev
inv = [r for n in wb.sheetnames if n.startswith("Inventory") for r in rows(n)]
assert len(inv) == 83 and not [r for r in inv if r["File"] == path and r["Rule"] == "email"]
EOF

# The Inventory's rows are written straight into the sheet's XML
# (src/report/book_rows.c), not through libxlsxwriter's cell functions:
# the workbook must come out as the library writes it, byte for byte.
# File names that XML and the preserve rule must handle: & < > ", white
# space at either end, a tab and control characters (shown as \t, \x01),
# accents; split into parts, and with the Reviewed sheet of the review
# above.
H="$WORK/hostile"
mkdir -p "$H"
for name in 'a & b <c> "d".txt' ' lead.txt' 'trail.txt ' "$(printf 'tab\tin.txt')" \
	"$(printf 'ctl\001\037.txt')" 'één ïn.txt' '>'; do
	printf 'Contact: jan.devries@example.nl, tel. 06-23456789\n' >"$H/$name"
done
for mode in direct lib; do
	lib=
	[ $mode = lib ] && lib=1
	PIISCAN_XLSX_LIBRARY_ROWS=$lib PIISCAN_XLSX_ROW_LIMIT=30 scan -o "$WORK/rows-$mode.xlsx" \
		"$D" "$H"
	PIISCAN_XLSX_LIBRARY_ROWS=$lib scan --ocr off -o "$WORK/rows-fixtures-$mode.xlsx" fixtures/
done
PIISCAN_XLSX_LIBRARY_ROWS=1 PIISCAN_XLSX_ROW_LIMIT=30 scan --state "$WORK/st-lib.db" \
	-o "$WORK/r2-lib.xlsx" "$D"
check "Inventory rows written straight into the sheet: the workbook as libxlsxwriter writes it, byte for byte" \
	$PY - "$WORK" <<'EOF'
import sys, zipfile
d = sys.argv[1]
def parts(path):
    z = zipfile.ZipFile(path)
    # the Summary (sheet1) and the document's properties hold the run's times
    return {n: z.read(n) for n in z.namelist()
            if n not in ("xl/worksheets/sheet1.xml", "docProps/core.xml")}
sheets = b""
for direct, lib in (("rows-direct", "rows-lib"), ("rows-fixtures-direct", "rows-fixtures-lib"),
                    ("r2", "r2-lib")):
    a, b = parts(f"{d}/{direct}.xlsx"), parts(f"{d}/{lib}.xlsx")
    assert sorted(a) == sorted(b), (direct, sorted(a), sorted(b))
    for n in a:
        at = next((i for i in range(len(a[n])) if a[n][i:i + 1] != b[n][i:i + 1]), None)
        assert a[n] == b[n], (direct, n, at, a[n][at - 80:at + 80], b[n][at - 80:at + 80])
    sheets += b"".join(v for n, v in b.items() if n.startswith("xl/worksheets/"))
# not a trivial comparison: what the writer must escape and mark is there,
# the sheets are split and the review's sheet is written
for want in (b"&amp;", b"&lt;", b"&gt;", b'xml:space="preserve"', b"tab\\tin.txt"):
    assert want in sheets, want
for name, sheet in (("rows-direct", b'name="Inventory (3)"'), ("r2", b'name="Reviewed"')):
    assert sheet in zipfile.ZipFile(f"{d}/{name}.xlsx").read("xl/workbook.xml"), (name, sheet)
EOF

# libxlsxwriter zips at zlib's default level; piiscan deflates at the
# fastest (src/report/zip_deflate.c), where it was built with minizip's
# header, as --version says. minizip marks level 1 in each member's flags (bits 1
# and 2 set), level 6 with neither.
"$PIISCAN" --version >"$WORK/version.txt"
check "the workbook's parts are deflated at the level --version gives, and read back whole" \
	$PY - "$WORK/whole.xlsx" "$WORK/version.txt" <<'EOF'
import sys, zipfile
fast = "Workbook: zipped at zlib's fastest level" in open(sys.argv[2]).read()
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
parts = z.infolist()
assert len(parts) > 10 and all(p.compress_type == zipfile.ZIP_DEFLATED for p in parts)
assert all(p.flag_bits & 6 == (6 if fast else 0) for p in parts), \
    (fast, [(p.filename, p.flag_bits) for p in parts])
EOF

# A sheet of some 5 MB: 20 blocks of the zip's 256 KiB, more than the 8 in
# flight, deflated on two workers (-j 2) and on the closing thread alone
# (-j 1): the same bytes, read back whole by two zip readers and openpyxl.
$PY -c "
import os, sys
for i in range(6000):
    d = os.path.join(sys.argv[1], 'd%02d' % (i // 250))
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, 'f%05d.txt' % i), 'w').write('Contact: jan.devries%d@example.nl\n' % i)
" "$WORK/big"
for j in 1 2; do
	scan -j $j -o "$WORK/big-j$j.xlsx" "$WORK/big"
done
check "a sheet of many blocks: deflated on two threads as on one, read back whole" \
	$PY - "$WORK/big-j1.xlsx" "$WORK/big-j2.xlsx" <<'EOF'
import sys, zipfile, openpyxl
one, two = (zipfile.ZipFile(p) for p in sys.argv[1:3])
assert one.testzip() is None and two.testzip() is None
inv = max(two.infolist(), key=lambda i: i.file_size)
assert inv.file_size > 9 * (256 << 10), inv.file_size  # more blocks than in flight
def deflated(z, name):
    # the member's compressed bytes, after its local header (30 bytes, name, extra)
    info = z.getinfo(name)
    z.fp.seek(info.header_offset)
    head = z.fp.read(30)
    skip = int.from_bytes(head[26:28], "little") + int.from_bytes(head[28:30], "little")
    z.fp.seek(info.header_offset + 30 + skip)
    return z.fp.read(info.compress_size)
a, b = deflated(one, inv.filename), deflated(two, inv.filename)
assert len(a) > 100000 and a == b, (inv.filename, len(a), len(b))
rows = openpyxl.load_workbook(sys.argv[2], read_only=True)["Inventory"].max_row
assert rows == 6001, rows
EOF
check "unzip (Info-ZIP) tests the many-block workbook" unzip -tq "$WORK/big-j2.xlsx"

# Bounded memory: past --memory the rows go to a temporary file in sorted
# runs and are merged when read. 4K (the least taken) spills every few
# rows; every output must come out as the run held in memory gives it.
# The fixtures hold tables, archives, mail, contact lists and rows of
# every writer's kind.
for budget in "" 4K; do
	scan --ocr off ${budget:+--memory $budget} -o "$WORK/mem$budget.xlsx" \
		-o "$WORK/mem$budget.csv" -o "$WORK/mem$budget.json" \
		-o "$WORK/mem$budget.sarif" -o "$WORK/mem$budget.text" fixtures/
done
check "--memory 4K: the same workbook, every sheet and cell (but times and command line)" \
	$PY tests/e2e/same_xlsx.py "$WORK/mem.xlsx" "$WORK/mem4K.xlsx" \
	"Started (UTC)" "Finished (UTC)" "Duration (seconds)" "Command line" \
	"OCR time (seconds, all threads)"
check "--memory 4K: the same CSV and text table, byte for byte" \
	sh -c 'cmp "$1/mem.csv" "$1/mem4K.csv" && cmp "$1/mem.text" "$1/mem4K.text"' sh "$WORK"
check "--memory 4K: the same JSON inventory and errors, the same SARIF results" \
	$PY - "$WORK" <<'EOF'
import json, sys
d = sys.argv[1]
a, b = (json.load(open(f"{d}/{n}.json")) for n in ("mem", "mem4K"))
assert len(a["inventory"]) > 500, len(a["inventory"])
assert a["inventory"] == b["inventory"] and a["errors"] == b["errors"]
a, b = (json.load(open(f"{d}/{n}.sarif"))["runs"][0] for n in ("mem", "mem4K"))
assert a["results"] == b["results"] and a["tool"] == b["tool"]
EOF
# Where no temporary file can be made, the rows stay in memory: nothing
# lost, and the Errors sheet says so. Within the budget no temporary
# file is needed at all.
TMPDIR="$WORK/no-such-dir" scan --ocr off --memory 4K -o "$WORK/notmp.csv" \
	-o "$WORK/notmp.json" fixtures/
TMPDIR="$WORK/no-such-dir" scan --ocr off -o "$WORK/notmp-needed.json" fixtures/
check "no temporary file: every row kept in memory, an Errors row with code spill says why" \
	$PY - "$WORK" <<'EOF'
import json, sys
d = sys.argv[1]
assert open(f"{d}/notmp.csv").read() == open(f"{d}/mem.csv").read()
errors = [e for e in json.load(open(f"{d}/notmp.json"))["errors"] if e["path"] == "(piiscan)"]
assert [(e["code"], e["status"]) for e in errors] == [("spill", "partial")], errors
assert "temporary file" in errors[0]["reason"] and "kept in memory" in errors[0]["reason"]
none = [e for e in json.load(open(f"{d}/notmp-needed.json"))["errors"] if e["path"] == "(piiscan)"]
assert none == [], none
EOF
check "--memory takes a size" sh -c '! "$1" -q --memory lots -o - fixtures/ 2>"$2" &&
	grep -q -- "--memory" "$2"' sh "$PIISCAN" "$WORK/memory.err"

# LibreOffice, where it is installed (a bench dependency, not in the CI
# image): the split workbook opens, every sheet read.
if command -v soffice >/dev/null 2>&1; then
	mkdir -p "$WORK/lo" && cp "$WORK/split.xlsx" "$WORK/lo/"
	(cd "$WORK/lo" && HOME="$WORK/lo" timeout 180 soffice --headless --norestore \
		--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
		split.xlsx >/dev/null 2>&1)
	check "LibreOffice opens the split workbook: the three Inventory sheets hold the 84 rows, the Folders its three" \
		$PY - "$WORK/lo" <<'EOF'
import csv, os, sys
d = sys.argv[1]
def rows(sheet):
    with open(os.path.join(d, f"split-{sheet}.csv"), newline="") as f:
        return [r for r in csv.reader(f) if any(r)]
parts = [rows(n) for n in ("Inventory", "Inventory (2)", "Inventory (3)")]
assert [len(p) for p in parts] == [30, 30, 27], [len(p) for p in parts]
assert all(p[0] == parts[0][0] for p in parts)
folders = rows("Folders")
assert len(folders) == 4 and folders[0][0] == "Folder", folders
EOF
else
	echo "skip - LibreOffice (soffice) is not installed: the split workbook not opened in it"
fi

finish
