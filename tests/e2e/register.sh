#!/bin/sh
# From inventory to GDPR register, on the fixture share (fixtures/share:
# systems hr, marketing, finance, intranet): the Data map, special
# categories in Dutch and English (and a word in passing that is not one),
# stale data and contact lists where planted, the breach summary.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

# A copy, so that ages can be planted: the contact list is from 2016.
S="$WORK/share"
cp -r fixtures/share "$S"
touch -d "2016-05-01 12:00:00 UTC" "$S/marketing/mailing-list-2019.csv"
list_size=$(stat -c %s "$S/marketing/mailing-list-2019.csv")
"$PIISCAN" -q -o "$WORK/reg.xlsx" "$S"
sheet() { # BOOK SHEET: the sheet's rows as JSON lines, header first
	$PY -c "
import json, sys, openpyxl, datetime
for r in openpyxl.load_workbook(sys.argv[1])[sys.argv[2]].iter_rows(values_only=True):
    print(json.dumps([v.isoformat() if isinstance(v, datetime.datetime) else v for v in r]))" "$1" "$2"
}

check "Data map: one row per system with findings (finance, hr, marketing; not intranet)" \
	$PY - "$WORK/reg.xlsx" "$S" <<'EOF'
import sys, openpyxl
rows = list(openpyxl.load_workbook(sys.argv[1])["Data map"].iter_rows(values_only=True))
head, rows = rows[0], rows[1:]
assert head[:9] == ("System", "Categories of personal data", "Special categories", "Locations",
                    "Files", "Findings", "Data subjects (estimate)", "Oldest file (UTC)",
                    "Newest file (UTC)"), head
assert head[9:] == ("Purpose", "Legal basis", "Retention period", "Recipients",
                    "Transfers outside the EU", "Security measures"), head
s = sys.argv[2]
assert [r[0] for r in rows] == [f"{s}/finance", f"{s}/hr", f"{s}/marketing"], rows
m = {r[0].rsplit("/", 1)[1]: r for r in rows}
hr, mk, fi = m["hr"], m["marketing"], m["finance"]
# hr: two sick notes (NL, EN) with e-mail addresses, a VOG request with a BSN
assert hr[2] == "Art. 9, Art. 10", hr
# special first, by their readable names
assert hr[1].split(", ")[:2] == ["Special category", "Criminal convictions and offences"], hr
assert {"Contact details", "Names and identity", "National identifier"} <= set(hr[1].split(", ")), hr
assert hr[4] == 3 and hr[6] == 2, hr     # 3 files; 2 people by e-mail (1 BSN)
assert mk[2] is None and mk[4] == 1 and mk[6] == 60, mk   # 60 people on the list
assert mk[7] == mk[8] and mk[7].year == 2016, mk          # planted age
assert fi[1] == "Financial data" and fi[6] == 0, fi            # accounts, no person kinds
assert all(v is None for r in rows for v in r[9:]), "officer's columns are empty"
EOF

check "special categories: NL and EN sick notes Art. 9, the VOG Art. 10, passing mentions not" \
	$PY - "$WORK/reg.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = list(wb["Inventory"].iter_rows(values_only=True))
col = {n: i for i, n in enumerate(rows[0])}
special = {}
for r in rows[1:]:
    name = r[0].rsplit("/", 1)[1]
    if r[col["Special"]]:
        special.setdefault(name, set()).add((r[col["Rule"]], r[col["Special"]]))
assert special == {
    "ziekmelding-jansen.txt": {("health", "Art. 9")},
    "sick-leave-smith.txt": {("health", "Art. 9")},
    "vog-aanvraag-de-boer.txt": {("criminal_data", "Art. 10")},
}, special
assert not any("intranet" in r[0] for r in rows[1:]), "a word in passing was flagged"
summary = list(wb["Summary"].iter_rows(values_only=True))
start = next(i for i, r in enumerate(summary) if r[0] == "Category")
order = [r[0] for r in summary[start + 1:] if r[0]]
assert order[:2] == ["Special category", "Criminal convictions and offences"], order  # special first
EOF

check "retention: the 2016 list is a deletion candidate, nothing else; Summary totals it" \
	$PY - "$WORK/reg.xlsx" "$list_size" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = list(wb["Inventory"].iter_rows(values_only=True))
col = {n: i for i, n in enumerate(rows[0])}
stale = {r[0].rsplit("/", 1)[1] for r in rows[1:] if r[col["Deletion candidate"]]}
assert stale == {"mailing-list-2019.csv"}, stale
ages = {r[0].rsplit("/", 1)[1]: r[col["Age (years)"]] for r in rows[1:]}
assert ages["mailing-list-2019.csv"] > 10 and ages["ziekmelding-jansen.txt"] < 1, ages
s = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r[0]}
assert s["Stale files (deletion candidates)"] == 1, s
assert s["Stale bytes"] == int(sys.argv[2]), (s["Stale bytes"], sys.argv[2])
assert s["Stale locations (older than 5 years)"] == 3, s  # name, e-mail, phone columns
EOF

check "contact list: the 60-person list is one, sized 60; the sick notes are not" \
	$PY - "$WORK/reg.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = list(wb["Inventory"].iter_rows(values_only=True))
col = {n: i for i, n in enumerate(rows[0])}
lists = {(r[0].rsplit("/", 1)[1], r[col["Contact list"]]) for r in rows[1:] if r[col["Contact list"]]}
assert lists == {("mailing-list-2019.csv", 60)}, lists
s = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r[0]}
assert s["Contact lists"] == 1 and s["Largest contact list"] == 60, s
EOF
"$PIISCAN" -q -o "$WORK/reg.csv" "$S"
check "the CSV carries the same flags: special, deletion candidate, contact list, system" \
	$PY - "$WORK/reg.csv" "$S" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
by = lambda name: [r for r in rows if r["file"].endswith(name)]
assert {r["special"] for r in by("ziekmelding-jansen.txt") if r["rule"] == "health"} == {"Art. 9"}
assert {r["special"] for r in by("vog-aanvraag-de-boer.txt") if r["rule"] == "criminal_data"} == {"Art. 10"}
assert {(r["deletion_candidate"], r["contact_list"]) for r in by("mailing-list-2019.csv")} == {("yes", "60")}
assert {r["deletion_candidate"] for r in rows if "mailing" not in r["file"]} == {""}
assert {r["system"] for r in by("sick-leave-smith.txt")} == {sys.argv[2] + "/hr"}
EOF
"$PIISCAN" -q --contact-list-min 61 --stale-after 20y -o "$WORK/thresholds.xlsx" "$S"
check "--contact-list-min 61 and --stale-after 20y: no list, nothing stale" $PY - "$WORK/thresholds.xlsx" <<'EOF'
import sys, openpyxl
s = {r[0]: r[1] for r in openpyxl.load_workbook(sys.argv[1])["Summary"].iter_rows(values_only=True) if r[0]}
assert s["Contact lists"] == 0 and s["Stale files (deletion candidates)"] == 0, s
EOF
check_fails "--stale-after takes an age" "$PIISCAN" -q --stale-after soon -o "$WORK/x.xlsx" "$S"

# Systems named by the user, on the command line and in the config.
"$PIISCAN" -q --system "People=*/share/hr/*" --system "Lists=*mailing*" -o "$WORK/named.xlsx" "$S"
check "--system NAME=GLOB names systems; the rest stay top-level folders" \
	$PY -c "
import sys, openpyxl
rows = list(openpyxl.load_workbook(sys.argv[1])['Data map'].iter_rows(values_only=True))[1:]
assert [r[0] for r in rows] == sorted(['Lists', 'People', sys.argv[2] + '/finance']), rows
assert {r[0]: r[6] for r in rows}['Lists'] == 60, rows" "$WORK/named.xlsx" "$S"
cat >"$WORK/cfg.yaml" <<EOF
paths: [$S]
systems:
  HR: "*/share/hr/*"
output: [$WORK/cfg.xlsx]
data-map-only: true
EOF
"$PIISCAN" -q --config "$WORK/cfg.yaml"
check "config systems: mapping and data-map-only: the workbook is the Data map alone" \
	$PY -c "
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ['Data map'], wb.sheetnames
assert 'HR' in [r[0] for r in wb['Data map'].iter_rows(values_only=True)]" "$WORK/cfg.xlsx"

# The breach summary: text and workbook.
"$PIISCAN" -q --breach-report -o "$WORK/breach.txt" -o "$WORK/breach.xlsx" "$S"
check "breach summary (text): files, people, special categories, per category, files involved" \
	$PY - "$WORK/breach.txt" <<'EOF'
import re, sys
t = open(sys.argv[1]).read()
assert re.search(r"^Files with personal data: +5$", t, re.M), t
# the largest category: 63 names (60 on the list + 3 in hr); never fewer
# than a category's own estimate (#17: it was 62 in all, 121 for contact)
assert re.search(r"^Data subjects \(estimate\): +about 63$", t, re.M), t
assert re.search(r"^Special categories: +health \(Art\. 9\), criminal_data \(Art\. 10\)$", t,
                 re.M), t
assert re.search(r"^  Special category \(Art\. 9\) +8 +2 +2$", t, re.M), t
assert re.search(r"^  Criminal convictions and offences \(Art\. 10\) +2 +1 +1$", t, re.M), t
# 121 e-mail addresses and phone numbers of 62 people (60 on the list + 2
# in hr; the placeholder 06-12345678 is no one's): an address and a
# number of one person are one person
assert re.search(r"^  Contact details +121 +62 +3$", t, re.M), t
files = re.findall(r"^ +(\d+)  (\S+)", t, re.M)
assert [(n, p.rsplit("/", 1)[1]) for n, p in files][0] == ("179", "mailing-list-2019.csv"), files
assert len(files) == 5, files
assert "@" not in t and "725763863" not in t, "a value in the breach summary"
EOF
check "breach summary (xlsx): one sheet, the same figures" $PY - "$WORK/breach.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Breach"], wb.sheetnames
s = {r[0]: r[1] for r in wb["Breach"].iter_rows(values_only=True) if r[0]}
assert s["Files with personal data"] == 5 and s["Data subjects (estimate)"] == 63, s
assert s["Special categories"] == "health (Art. 9), criminal_data (Art. 10)", s
EOF
check_fails "a .txt output without --breach-report is refused" "$PIISCAN" -q -o "$WORK/x.txt" "$S"

# Findings of low confidence (a role's mailbox, a private address) are
# listed, not counted: no file with personal data, no data map row, no
# breach; --min-confidence low counts them.
L="$WORK/lowonly/it"
mkdir -p "$L"
printf 'Vragen? Mail info@bakkerij-zonnetje.nl\nprinter 192.168.1.34\n' >"$L/contact.txt"
"$PIISCAN" -q --breach-report -o "$WORK/low.txt" "$WORK/lowonly"
"$PIISCAN" -q --breach-report --min-confidence low -o "$WORK/low-all.txt" "$WORK/lowonly"
"$PIISCAN" -q -o "$WORK/low-inv.xlsx" "$WORK/lowonly"
check "low confidence alone: no file with personal data in the breach summary" \
	grep -q "^Files with personal data: *0$" "$WORK/low.txt"
check "low confidence alone, --min-confidence low: the file counts" \
	grep -q "^Files with personal data: *1$" "$WORK/low-all.txt"
check "low confidence alone: listed in the Inventory, not in the Data map" $PY - "$WORK/low-inv.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
head, *inv = wb["Inventory"].iter_rows(values_only=True)
col = {n: i for i, n in enumerate(head)}
assert sorted(r[col["Rule"]] for r in inv) == ["email_role", "ipv4_private"], inv
assert all(r[col["Confidence"]] == "low" for r in inv), inv
assert len(list(wb["Data map"].iter_rows(values_only=True))) == 1, "a Data map row"
s = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r[0]}
assert s["Findings"] == 0 and s["Files with personal data"] == 0, s
assert s["Findings of lower confidence (listed, not counted)"] == 2, s
EOF
finish
