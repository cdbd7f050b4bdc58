#!/bin/sh
# The review loop (#18): verdicts given in the workbook's Verdict and Note
# columns (here by openpyxl, as a person would in Excel or LibreOffice),
# read back by piiscan review import, applied by the next runs.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

D="$WORK/share"
mkdir -p "$D/hr" "$D/it"
printf 'BSN 111222333\nmail j.devries@ziggo.nl\n' >"$D/hr/a.txt"
# the test account of an application: looks like a person, is none
printf 'Contact: t.testaccount@firma-voorbeeld.nl\nContact: t.testaccount@firma-voorbeeld.nl\n' >"$D/it/b.txt"
printf 'mail p.bakker@kpnmail.nl\n' >"$D/hr/c.txt"
head -c 32 /dev/urandom >"$WORK/key"
head -c 32 /dev/urandom >"$WORK/other-key"
scan() {
	"$PIISCAN" -q -j 2 --fingerprint-key-file "$WORK/key" "$@"
}

# edit BOOK OUT SHEET FILE-SUFFIX RULE VERDICT [NOTE]...: sets the Verdict
# (and Note) of the rows of that file and rule, found by their headers.
cat >"$WORK/edit.py" <<'EOF'
import sys, openpyxl
book, out, sheet = sys.argv[1:4]
wb = openpyxl.load_workbook(book)
ws = wb[sheet]
head = [c.value for c in ws[1]]
names = {"File": "File", "Rule": "Rule", "Verdict": "Verdict", "Note": "Note"}
if "Bestand" in head:
    names = {"File": "Bestand", "Rule": "Soort", "Verdict": "Oordeel", "Note": "Notitie"}
col = {k: head.index(v) for k, v in names.items()}
edits = sys.argv[4:]
hit = 0
for i in range(0, len(edits), 4):
    suffix, rule, verdict, note = edits[i:i + 4]
    for row in ws.iter_rows(min_row=2):
        if str(row[col["File"]].value).endswith(suffix) and row[col["Rule"]].value == rule:
            row[col["Verdict"]].value = verdict or None
            row[col["Note"]].value = note or None
            hit += 1
assert hit == len(edits) // 4, f"{hit} rows edited of {len(edits) // 4}"
wb.save(out)
EOF
edit() {
	$PY "$WORK/edit.py" "$@"
}

scan --state "$WORK/st.db" -o "$WORK/r1.xlsx" -o "$WORK/r1.json" "$D"

check "the Inventory offers the four verdicts in a drop-down on the Verdict column; Row key and Fingerprint hidden" \
	$PY - "$WORK/r1.xlsx" <<'EOF'
import sys, openpyxl
from openpyxl.utils import get_column_letter
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Inventory"]
head = [c.value for c in ws[1]]
v = get_column_letter(head.index("Verdict") + 1)
dvs = ws.data_validations.dataValidation
assert len(dvs) == 1, dvs
dv = dvs[0]
assert dv.type == "list", dv.type
assert dv.formula1 == '"personal data,not personal data,accepted,to delete"', dv.formula1
assert str(dv.sqref) == f"{v}2:{v}{ws.max_row}", (dv.sqref, ws.max_row)
assert dv.allow_blank
for name in ("Row key", "Fingerprint"):
    letter = get_column_letter(head.index(name) + 1)
    assert ws.column_dimensions[letter].hidden, name
assert wb["piiscan"].sheet_state == "hidden"
about = {r[0]: r[1] for r in wb["piiscan"].iter_rows(values_only=True)}
assert about["review format"] == "1", about
assert len(about["fingerprint key"]) == 16, about
EOF

# The row key is part of the contract with reviews kept on disk: computed
# here from its definition (FNV-1a 64 of the report name, file, table,
# column, key path and part, each ended by 0xfe, a missing one as 0xff),
# not taken from piiscan.
check "row keys: FNV-1a of rule and location, the same in the workbook and the JSON" \
	$PY - "$WORK/r1.xlsx" "$WORK/r1.json" <<'EOF'
import sys, json, openpyxl
def fnv(h, data):
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h
def key(*parts):
    h = 0xcbf29ce484222325
    for p in parts:
        h = fnv(h, b"\xff") if p is None else fnv(fnv(h, p.encode()), b"\xfe")
    return f"{h:016x}"
doc = json.load(open(sys.argv[2]))
assert doc["inventory"], doc
for r in doc["inventory"]:
    assert r["row_key"] == key(r["rule"], r["file"], r["table"], r["column"], r["key"], r["part"]), r
ws = openpyxl.load_workbook(sys.argv[1])["Inventory"]
rows = list(ws.iter_rows(values_only=True))
h = rows[0]
got = {(r[h.index("File")], r[h.index("Rule")]): r[h.index("Row key")] for r in rows[1:]}
want = {(r["file"], r["rule"]): r["row_key"] for r in doc["inventory"]}
assert got == want, (got, want)
EOF

# The review: the system mailbox is not personal data, the BSN is known
# and accepted, the e-mail address in a.txt is to be deleted.
edit "$WORK/r1.xlsx" "$WORK/reviewed.xlsx" Inventory \
	it/b.txt email "not personal data" "system mailbox of the firm" \
	hr/a.txt nl_bsn "Accepted" "payroll; kept 7 years (tax law)" \
	hr/a.txt email "to delete" ""
check "review import reads the verdicts into the state file" \
	"$PIISCAN" review import "$WORK/reviewed.xlsx" --state "$WORK/st.db"
check "the state file keeps the three verdicts and notes, keyed by row" \
	$PY - "$WORK/st.db" "$WORK/r1.json" <<'EOF'
import sys, json, sqlite3
db = sqlite3.connect(sys.argv[1])
got = {(r[0]): (r[1], r[2]) for r in db.execute("SELECT row_key, verdict, note FROM review")}
doc = json.load(open(sys.argv[2]))
key = {(r["file"].split("/")[-1], r["rule"]): r["row_key"] for r in doc["inventory"]}
want = {key[("b.txt", "email")]: ("not_personal", "system mailbox of the firm"),
        key[("a.txt", "nl_bsn")]: ("accepted", "payroll; kept 7 years (tax law)"),
        key[("a.txt", "email")]: ("to_delete", None)}
assert got == want, (got, want)
EOF

# a.txt gains a second address: its reviewed row has changed
printf 'cc m.smit@ziggo.nl\n' >>"$D/hr/a.txt"
scan --state "$WORK/st.db" -o "$WORK/r2.xlsx" -o "$WORK/r2.json" -o "$WORK/r2.sarif" \
	-o "$WORK/r2.csv" "$D"

check "next run: not personal data out of the Inventory, on the Reviewed sheet with its note" \
	$PY - "$WORK/r2.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def rows(name):
    rs = list(wb[name].iter_rows(values_only=True))
    return [dict(zip(rs[0], r)) for r in rs[1:]]
inv, rev = rows("Inventory"), rows("Reviewed")
assert not [r for r in inv if r["File"].endswith("b.txt")], inv
assert len(rev) == 1, rev
r = rev[0]
assert r["File"].endswith("it/b.txt") and r["Rule"] == "email" and r["Count"] == 2, r
assert r["Verdict"] == "not personal data" and r["Note"] == "system mailbox of the firm", r
bsn = [r for r in inv if r["Rule"] == "nl_bsn"]
assert bsn and bsn[0]["Verdict"] == "accepted" and bsn[0]["Note"] == "payroll; kept 7 years (tax law)", bsn
assert not bsn[0]["Since review"], bsn
mail = [r for r in inv if r["File"].endswith("a.txt") and r["Rule"] == "email"]
assert mail[0]["Verdict"] == "to delete", mail
assert mail[0]["Since review"] == "changed since review: count 1 then, 2 now", mail
c = [r for r in inv if r["File"].endswith("c.txt")]
assert c and c[0]["Verdict"] is None, c
EOF

check "next run: the counts leave the false positive out; Summary: reviewed, open, changed" \
	$PY - "$WORK/r1.json" "$WORK/r2.json" "$WORK/r2.xlsx" <<'EOF'
import sys, json, openpyxl
r1, r2 = (json.load(open(p)) for p in sys.argv[1:3])
def count(doc, suffix, rule):
    return sum(r["count"] for r in doc["inventory"] if r["file"].endswith(suffix) and r["rule"] == rule)
b = count(r1, "b.txt", "email")
assert b == 2, b
# one address added to a.txt, the two of b.txt out
assert r2["summary"]["findings"] == r1["summary"]["findings"] + 1 - b, (r1["summary"]["findings"], r2["summary"]["findings"])
contact = lambda d: [c for c in d["summary"]["categories"] if c["category"] == "contact"][0]
assert contact(r2)["findings"] == contact(r1)["findings"] + 1 - b
assert contact(r2)["locations"] == contact(r1)["locations"] - 1
s = r2["summary"]
assert (s["locations_reviewed"], s["locations_open"], s["changed_since_review"]) == (3, len(r2["inventory"]) - 2, 1), s
assert (s["not_personal_locations"], s["not_personal_findings"]) == (1, 2), s
assert [r["verdict"] for r in r2["reviewed"]] == ["not_personal"], r2["reviewed"]
summ = {r[0]: r[1] for r in openpyxl.load_workbook(sys.argv[3])["Summary"].iter_rows(values_only=True) if r[0]}
assert summ["Locations reviewed"] == 3 and summ["Changed since review (Since review column)"] == 1, summ
assert summ["Not personal data: left out of the counts"] == "1 locations, 2 findings (Reviewed sheet)", summ
EOF

check "SARIF: the accepted row suppressed with its note, the row out of personal data absent; valid; CSV has the verdicts" \
	$PY - "$WORK/r2.sarif" "$ROOT/schema/sarif-schema-2.1.0.json" "$WORK/r2.csv" <<'EOF'
import sys, json, csv, jsonschema
doc = json.load(open(sys.argv[1]))
jsonschema.validate(doc, json.load(open(sys.argv[2])))
res = doc["runs"][0]["results"]
assert not [r for r in res if r["properties"]["file"].endswith("b.txt")], res
sup = {(r["properties"]["file"].split("/")[-1], r["ruleId"]): r.get("suppressions") for r in res}
assert sup[("a.txt", "nl_bsn")] == [{"kind": "external", "status": "accepted",
                                     "justification": "payroll; kept 7 years (tax law)"}], sup
assert sup[("a.txt", "email")] is None and sup[("c.txt", "email")] is None, sup
rows = {(r["file"].split("/")[-1], r["rule"]): r for r in csv.DictReader(open(sys.argv[3], newline=""))}
assert rows[("a.txt", "nl_bsn")]["verdict"] == "accepted", rows
assert rows[("a.txt", "email")]["verdict"] == "to_delete" and rows[("c.txt", "email")]["verdict"] == ""
assert ("b.txt", "email") not in rows
EOF

check "--fail-on leaves the reviewed-out row out: only the open ones alert" \
	sh -c '"$1" -q -j 1 --fingerprint-key-file "$2" --review "$3" --fail-on email -o "$4" "$5/it"; test $? -eq 0' \
	sh "$PIISCAN" "$WORK/key" "$WORK/st.db" "$WORK/it.json" "$D"
check "--fail-on without the review: the same folder alerts" \
	sh -c '"$1" -q -j 1 --fail-on email -o "$2" "$3/it"; test $? -eq 1' \
	sh "$PIISCAN" "$WORK/it2.json" "$D"

# Refused workbooks change nothing.
verdicts() {
	$PY -c "import sqlite3,sys; print(sorted(sqlite3.connect(sys.argv[1]).execute('SELECT row_key, verdict, note FROM review')))" "$1"
}
verdicts "$WORK/st.db" >"$WORK/before"
refused() {
	name=$1 pattern=$2
	shift 2
	"$@" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	verdicts "$WORK/st.db" >"$WORK/after"
	if [ $rc -eq 2 ] && grep -q -- "$pattern" "$WORK/err" && [ "$(wc -l <"$WORK/err")" -eq 1 ] &&
		cmp -s "$WORK/before" "$WORK/after"; then
		ok "$name"
	else
		not_ok "$name" "exit $rc; $(cat "$WORK/err")"
	fi
}
$PY - "$WORK/reviewed.xlsx" "$WORK/moved.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Inventory"]
head = [c.value for c in ws[1]]
ws.cell(row=2, column=head.index("File") + 1).value = "hr/elsewhere.txt"
wb.save(sys.argv[2])
EOF
refused "a row whose location was edited is refused: its key does not fit" "does not fit" \
	"$PIISCAN" review import "$WORK/moved.xlsx" --state "$WORK/st.db"
$PY -c "
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); del wb['piiscan']; wb.save(sys.argv[2])" \
	"$WORK/reviewed.xlsx" "$WORK/nosheet.xlsx"
refused "a workbook without piiscan's sheet is refused" "not an inventory written by piiscan" \
	"$PIISCAN" review import "$WORK/nosheet.xlsx" --state "$WORK/st.db"
refused "a workbook of rules not loaded here is refused, naming the rule" "rule 'nl_bsn' is not loaded here" \
	"$PIISCAN" review import "$WORK/reviewed.xlsx" --state "$WORK/st.db" --disable nl_bsn
"$PIISCAN" -q -j 1 --fingerprint-key-file "$WORK/other-key" -o "$WORK/other.xlsx" "$D"
edit "$WORK/other.xlsx" "$WORK/other-reviewed.xlsx" Inventory hr/c.txt email "accepted" ""
refused "a workbook of another fingerprint key than the verdicts kept is refused" "fingerprint key" \
	"$PIISCAN" review import "$WORK/other-reviewed.xlsx" --state "$WORK/st.db"
edit "$WORK/r1.xlsx" "$WORK/bad-verdict.xlsx" Inventory hr/c.txt email "maybe" ""
refused "a verdict that is none of the four is refused" "'maybe' is no verdict" \
	"$PIISCAN" review import "$WORK/bad-verdict.xlsx" --state "$WORK/st.db"
check_fails "review import without --state or --review is a usage error" \
	"$PIISCAN" review import "$WORK/reviewed.xlsx"

# A verdict taken back: the Verdict cell emptied in the next workbook.
edit "$WORK/r2.xlsx" "$WORK/r2-reviewed.xlsx" Inventory hr/a.txt nl_bsn "" ""
"$PIISCAN" review import -q "$WORK/r2-reviewed.xlsx" --state "$WORK/st.db"
scan --state "$WORK/st.db" -o "$WORK/r3.json" "$D"
check "an emptied Verdict takes the verdict back; the others stay" \
	$PY - "$WORK/r3.json" <<'EOF'
import sys, json
d = json.load(open(sys.argv[1]))
v = {(r["file"].split("/")[-1], r["rule"]): r["verdict"] for r in d["inventory"] + d["reviewed"]}
assert v[("a.txt", "nl_bsn")] is None, v
assert v[("a.txt", "email")] == "to_delete" and v[("b.txt", "email")] == "not_personal", v
EOF

# --review FILE: verdicts kept apart from any state; a Dutch workbook;
# shards and merge keep them.
"$PIISCAN" -q -j 1 --fingerprint-key-file "$WORK/key" --lang nl -o "$WORK/nl.xlsx" "$D"
edit "$WORK/nl.xlsx" "$WORK/nl-reviewed.xlsx" Inventaris it/b.txt email "geen persoonsgegevens" "systeembus"
check "a Dutch workbook's verdicts are read (--review FILE, created)" \
	"$PIISCAN" review import "$WORK/nl-reviewed.xlsx" --review "$WORK/rv.db"
check "the review file is created 0600" test "$(stat -c %a "$WORK/rv.db")" = 600
scan --review "$WORK/rv.db" -o "$WORK/one.json" "$D"
for k in 1 2; do
	scan --review "$WORK/rv.db" --shard $k/2 -o "$WORK/part$k.jsonl" "$D"
done
"$PIISCAN" merge -q --review "$WORK/rv.db" "$WORK/part1.jsonl" "$WORK/part2.jsonl" -o "$WORK/merged.json" -o "$WORK/merged.xlsx"
check "--review: one run and merged shards leave the same row out, with its note" \
	$PY - "$WORK/one.json" "$WORK/merged.json" <<'EOF'
import sys, json
one, merged = (json.load(open(p)) for p in sys.argv[1:3])
for d in (one, merged):
    assert [(r["file"].split("/")[-1], r["verdict"], r["note"]) for r in d["reviewed"]] == [("b.txt", "not_personal", "systeembus")], d["reviewed"]
    assert not [r for r in d["inventory"] if r["file"].endswith("b.txt")]
strip = lambda d: sorted((r["file"], r["rule"], r["count"], r["verdict"]) for r in d["inventory"])
assert strip(one) == strip(merged), (strip(one), strip(merged))
assert one["summary"]["findings"] == merged["summary"]["findings"]
EOF

# --baseline: only what is new since a run. Checked against the plain
# runs' own findings, compared here by file, rule and fingerprint.
B="$WORK/bl"
mkdir -p "$B/s"
printf 'BSN 111222333\nmail j.devries@ziggo.nl\n' >"$B/s/a.txt"
printf 'mail p.bakker@kpnmail.nl\n' >"$B/s/c.txt"
scan --records -o "$B/r1.jsonl" -o "$B/r1.xlsx" "$B/s"
check "--baseline with nothing new: no finding, --fail-on any passes" \
	sh -c '"$1" -q -j 2 --fingerprint-key-file "$2" --baseline "$3" --fail-on any -o "$4" "$5" &&
		test ! -s "$4"' sh "$PIISCAN" "$WORK/key" "$B/r1.jsonl" "$B/none.jsonl" "$B/s"
printf 'mail m.smit@ziggo.nl\n' >>"$B/s/a.txt"
printf 'mail x.nieuw@ziggo.nl\n' >"$B/s/d.txt"
scan -o "$B/all.jsonl" "$B/s"
scan --baseline "$B/r1.jsonl" -o "$B/new.jsonl" -o "$B/new.xlsx" "$B/s"
scan --baseline "$B/r1.xlsx" -o "$B/new-rows.jsonl" "$B/s"
check "--baseline PREVIOUS.jsonl: exactly the findings the previous run had not (by value)" \
	$PY - "$B/r1.jsonl" "$B/all.jsonl" "$B/new.jsonl" "$B/new.xlsx" <<'EOF'
import sys, json, openpyxl
def load(p):
    return [json.loads(l) for l in open(p) if l.strip() and '"record"' not in l]
key = lambda f: (f["file"], f["rule"], f["fingerprint"])
before, now, new = (load(p) for p in sys.argv[1:4])
want = sorted(key(f) for f in now if key(f) not in {key(b) for b in before})
assert len(want) == 2, want
assert sorted(key(f) for f in new) == want, (new, want)
s = {r[0]: r[1] for r in openpyxl.load_workbook(sys.argv[4])["Summary"].iter_rows(values_only=True) if r[0]}
assert s["Findings known from the baseline, left out"] == len(now) - 2, s
assert s["Findings"] == 2, s
EOF
check "--baseline PREVIOUS.xlsx: only locations the previous inventory did not list" \
	$PY - "$B/new-rows.jsonl" <<'EOF'
import sys, json
new = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
assert [(f["file"].split("/")[-1], f["rule"]) for f in new] == [("d.txt", "email")], new
EOF
check "--baseline and --fail-on: what is new alerts" \
	sh -c '"$1" -q -j 2 --fingerprint-key-file "$2" --baseline "$3" --fail-on email -o "$4" "$5"; test $? -eq 1' \
	sh "$PIISCAN" "$WORK/key" "$B/r1.jsonl" "$B/n.jsonl" "$B/s"
check "--baseline .jsonl without a fingerprint key file is refused (a random key matches nothing)" \
	sh -c '"$1" -q --baseline "$2" -o "$3" "$4" 2>&1; test $? -eq 2' sh "$PIISCAN" "$B/r1.jsonl" "$B/x.jsonl" "$B/s"
check "--baseline of another fingerprint key is refused" \
	sh -c '"$1" -q --fingerprint-key-file "$2" --baseline "$3" -o "$4" "$5" 2>"$4.err"; test $? -eq 2 && grep -q "fingerprint key" "$4.err"' \
	sh "$PIISCAN" "$WORK/other-key" "$B/r1.jsonl" "$B/y.jsonl" "$B/s"

# LibreOffice saves the edited workbook its own way (shared strings, its
# own styles): still read.
if command -v soffice >/dev/null 2>&1; then
	mkdir -p "$WORK/lo"
	edit "$WORK/r1.xlsx" "$WORK/lo-in.xlsx" Inventory hr/c.txt email "accepted" "newsletter, consent on file"
	(cd "$WORK/lo" && HOME="$WORK/lo" timeout 180 soffice --headless --norestore \
		--convert-to xlsx:"Calc MS Excel 2007 XML" "$WORK/lo-in.xlsx" >/dev/null 2>&1)
	check "a workbook saved by LibreOffice is read back" \
		"$PIISCAN" review import -q "$WORK/lo/lo-in.xlsx" --review "$WORK/lo.db"
	check "LibreOffice's workbook: its verdict and note kept" \
		$PY -c "
import sqlite3, sys
rows = list(sqlite3.connect(sys.argv[1]).execute('SELECT verdict, note, report FROM review'))
assert rows == [('accepted', 'newsletter, consent on file', 'email')], rows" "$WORK/lo.db"
fi

finish
