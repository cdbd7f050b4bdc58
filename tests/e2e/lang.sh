#!/bin/sh
# The words of the reports (#17): readable category names, Dutch with
# --lang nl or a Dutch locale, the same figures in either language;
# columns as wide as what they hold, what was found first in the
# Inventory, empty location columns hidden, ages in the unit given.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

S="$WORK/share"
cp -r fixtures/share "$S"
"$PIISCAN" -q -j 2 -o "$WORK/en.xlsx" "$S"
"$PIISCAN" -q -j 2 --lang nl -o "$WORK/nl.xlsx" "$S"

check "--lang nl: Dutch sheets, Summary, headers and categories; the same figures" \
	$PY - "$WORK/en.xlsx" "$WORK/nl.xlsx" <<'EOF'
import sys, openpyxl
en, nl = (openpyxl.load_workbook(p) for p in sys.argv[1:3])
assert nl.sheetnames == ["Samenvatting", "Gegevenskaart", "Mappen", "Inventaris", "Vondsten",
                         "Fouten", "Regels", "piiscan"], nl.sheetnames
def kv(ws):
    return [r[:2] for r in ws.iter_rows(values_only=True)]
se, sn = kv(en["Summary"]), kv(nl["Samenvatting"])
assert len(se) == len(sn), (se, sn)
keys = dict(zip([k for k, _ in se], [k for k, _ in sn]))
assert keys["Files seen"] == "Bestanden gezien", keys
assert keys["Findings"] == "Vondsten" and keys["Category"] == "Categorie", keys
assert keys["Stale locations (older than 5 years)"] == "Verouderde vindplaatsen (ouder dan 5 jaar)"
# every figure the same; the words differ (times and the command line aside)
volatile = {"Started (UTC)", "Finished (UTC)", "Duration (seconds)", "Command line"}
for (ke, ve), (kn, vn) in zip(se, sn):
    if ke in volatile:
        continue
    assert (ke is None) == (kn is None) and (ve is None) == (vn is None), (ke, kn)
    if isinstance(ve, (int, float)) and not isinstance(ve, bool):
        assert ve == vn, (ke, ve, kn, vn)
s = dict(sn)
assert s["Scan"] == "volledig" and s["Waarden"] == "gemaskeerd", s
assert s["Geteld"] == "zekerheid hoog en middel (--min-confidence)", s
ie = list(en["Inventory"].iter_rows(values_only=True))
inl = list(nl["Inventaris"].iter_rows(values_only=True))
assert inl[0][:5] == ("Bestand", "Soort", "Categorie", "Aantal", "Voorbeeld"), inl[0]
cats = {r[2] for r in inl[1:]}
assert {"Contactgegevens", "Bijzonder persoonsgegeven", "Strafrechtelijke gegevens"} <= cats, cats
assert [r[3] for r in ie[1:]] == [r[3] for r in inl[1:]], "counts differ"
ci = inl[0].index("Zekerheid")
conf = {r[ci] for r in inl[1:]}
assert conf <= {"hoog", "middel", "laag"}, conf
dm = list(nl["Gegevenskaart"].iter_rows(values_only=True))
assert dm[0][:3] == ("Systeem", "Categorieën persoonsgegevens", "Bijzondere categorieën"), dm[0]
assert any("Art. 9" in (r[2] or "") for r in dm[1:]), dm
# the roll-up per folder: Dutch words, the same folders and figures
fe = list(en["Folders"].iter_rows(values_only=True))
fn = list(nl["Mappen"].iter_rows(values_only=True))
assert fn[0][:2] == ("Map", "Bestanden met persoonsgegevens") and fn[0][-2:] == \
    ("Vondsten", "Bijzondere categorieën"), fn[0]
assert len(fe) == len(fn) > 1 and [r[:-1] for r in fe[1:]] == [r[:-1] for r in fn[1:]], (fe, fn)
assert any("Art. 9" in (r[-1] or "") for r in fn[1:]), fn
EOF

check "English by default: readable categories, what was found first" \
	$PY - "$WORK/en.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
inv = list(wb["Inventory"].iter_rows(values_only=True))
assert inv[0][:5] == ("File", "Rule", "Category", "Count", "Example"), inv[0]
cats = {r[2] for r in inv[1:]}
assert "Contact details" in cats and "Special category" in cats, cats
assert not cats & {"contact", "national_id", "special_category"}, cats
summary = [r[0] for r in wb["Summary"].iter_rows(values_only=True)]
assert "National identifier" in summary and "Criminal convictions and offences" in summary
EOF

# The locale decides when --lang is not given; LC_ALL before LANG.
(LANG=nl_NL.UTF-8 LC_ALL= LC_MESSAGES= "$PIISCAN" -j 2 -o "$WORK/loc.xlsx" "$S" 2>"$WORK/loc.err")
check "LANG=nl_NL.UTF-8: a Dutch workbook and terminal line" sh -c \
	"$PY -c \"import openpyxl,sys; assert openpyxl.load_workbook(sys.argv[1]).sheetnames[0] == 'Samenvatting'\" '$WORK/loc.xlsx' &&
	 grep -q '^piiscan: 7 bestanden (.*) in .* s, alle geheel gelezen; 196 vondsten in 5 bestanden' '$WORK/loc.err'"
(LANG=nl_NL.UTF-8 LC_ALL=C "$PIISCAN" -j 2 -o "$WORK/c.xlsx" "$S" 2>"$WORK/c.err")
check "LC_ALL=C over a Dutch LANG: English" grep -q '^piiscan: 7 files (' "$WORK/c.err"
check_fails "--lang fr is refused" "$PIISCAN" -q --lang fr -o "$WORK/fr.xlsx" "$S"
check "--lang fr: the message names the languages" sh -c \
	"'$PIISCAN' -q --lang fr '$S' 2>&1 | grep -q \"lang: 'fr' is not en or nl\""

# The breach summary in Dutch, text and sheet.
"$PIISCAN" -q --lang nl --breach-report -o "$WORK/lek.txt" -o "$WORK/lek.xlsx" "$S"
check "--lang nl --breach-report: the text in Dutch, its figures as in English" sh -c "
	grep -q '^DATALEK: OMVANG VAN DE BETROKKEN PERSOONSGEGEVENS' '$WORK/lek.txt' &&
	grep -q '^Betrokkenen (schatting): *ongeveer 63$' '$WORK/lek.txt' &&
	grep -q '^  Contactgegevens  *121  *62  *3$' '$WORK/lek.txt' &&
	grep -q '^  Bijzonder persoonsgegeven (Art. 9)  *8  *2  *2$' '$WORK/lek.txt'"
check "--lang nl --breach-report: the sheet is Datalek" $PY -c "
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ['Datalek'], wb.sheetnames
s = {r[0]: r[1] for r in wb['Datalek'].iter_rows(values_only=True) if r[0]}
assert s['Betrokkenen (schatting)'] == 63 and s['Bestanden onderzocht'] == 7, s" "$WORK/lek.xlsx"

# Ages in the unit they were given in.
for age in "18m:18 months" "90d:90 days" "2w:2 weeks" "1y:1 year"; do
	"$PIISCAN" -q --stale-after "${age%%:*}" -o "$WORK/age.xlsx" "$S"
	check "--stale-after ${age%%:*}: 'older than ${age#*:}'" \
		test "$(summary "$WORK/age.xlsx" "Stale locations (older than ${age#*:})")" != None
done

# Widths: no header or label cut, nothing wider than 80; the location
# columns hidden where no row has one, shown where one has.
check "columns as wide as their header and labels; empty location columns hidden" \
	$PY - "$WORK/en.xlsx" "$WORK/nl.xlsx" <<'EOF'
import sys, openpyxl
from openpyxl.utils import get_column_letter
for book in sys.argv[1:]:
    wb = openpyxl.load_workbook(book)
    for ws in wb:
        dims = ws.column_dimensions
        rows = list(ws.iter_rows(values_only=True))
        first = 2 if ws.title in ("Summary", "Samenvatting") else 0
        for c in range(ws.max_column):
            letter = get_column_letter(c + 1)
            width = dims[letter].width
            assert width <= 81, (book, ws.title, letter, width)
            texts = [r[c] for r in rows[first:] if c < len(r) and isinstance(r[c], str)]
            if ws.title in ("Summary", "Samenvatting", "Breach", "Datalek") and c > 1:
                continue  # the category table's numbers under short headers
            longest = max((len(t) for t in texts if len(t) <= 78), default=0)
            assert width >= longest, (book, ws.title, letter, width, longest)
    inv = wb.worksheets[3]
    hidden = {inv.cell(1, i + 1).value for i in range(inv.max_column)
              if inv.column_dimensions[get_column_letter(i + 1)].hidden}
    # a CSV has columns, no file here has parts or keys
    assert {"Key", "Part"} <= hidden or {"Sleutel", "Deel"} <= hidden, hidden
    assert not hidden & {"Column", "Kolom", "File", "Bestand"}, hidden
EOF
# The Errors sheet: a row's code says in the workbook's language what it
# means; the reader's own reason stays as it was.
"$PIISCAN" -q --lang nl -o "$WORK/nl-errors.xlsx" fixtures/hostile fixtures/containers
"$PIISCAN" -q -o "$WORK/en-errors.xlsx" fixtures/hostile fixtures/containers
check "Errors sheet: what each code means, in Dutch with --lang nl, in English without" \
	$PY - "$WORK/en-errors.xlsx" "$WORK/nl-errors.xlsx" <<'EOF'
import sys, openpyxl
en, nl = (openpyxl.load_workbook(p) for p in sys.argv[1:3])
ee, ne = list(en["Errors"].iter_rows(values_only=True)), list(nl["Fouten"].iter_rows(values_only=True))
assert ee[0] == ("File", "Status", "Code", "Reason", "What it means"), ee[0]
assert ne[0] == ("Bestand", "Status", "Code", "Reden", "Wat het betekent"), ne[0]
assert len(ee) == len(ne) > 3, (len(ee), len(ne))
codes = {r[2] for r in ee[1:]}
assert {"encrypted", "damaged"} <= codes, codes
for e, n in zip(sorted(ee[1:]), sorted(ne[1:])):
    assert e[3] == n[3], (e, n)  # the reason: the reader's own words
    assert e[4] and n[4] and e[4] != n[4], (e, n)
enc = [r[4] for r in ne[1:] if r[2] == "encrypted"]
assert all(m.startswith("Versleuteld") for m in enc), enc
EOF
# every code a reader may give has its meaning, in both languages
missing=$(sed -n 's/^#define \(PII_CODE_[A-Z_]*\) *".*/\1/p' include/pii_finding.h |
	while read -r c; do grep -q "{$c, PII_L_CODE_" src/labels.c || echo "$c"; done)
check "every PII_CODE_ has its meaning in labels.def" test -z "$missing" || echo "# missing: $missing"
finish
