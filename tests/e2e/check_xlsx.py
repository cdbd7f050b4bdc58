#!/usr/bin/python3
"""Reads a piiscan workbook back with openpyxl (a real xlsx reader) and
checks it. Usage:
  check_xlsx.py fixtures BOOK WANT.tsv   whole workbook against the golden list
  check_xlsx.py no-values BOOK VALUES    no cell holds any of the values
  check_xlsx.py shown BOOK               summary says values are shown
  check_xlsx.py error BOOK PATH STATUS REASON
                                          an Errors row whose file ends with
                                          PATH, with STATUS, reason containing REASON
  check_xlsx.py cells BOOK               every cell is a plain value, no formula
Exits 1 with a message on the first difference."""
import collections
import os
import sys

import openpyxl

SHEETS = ["Summary", "Data map", "Folders", "Inventory", "Findings", "Errors", "Rules"]


def fail(msg):
    sys.exit("check_xlsx: " + msg)


def rows(ws):
    return [r for r in ws.iter_rows(values_only=True) if any(c is not None for c in r)]


def summary(wb):
    return {r[0]: r[1] for r in rows(wb["Summary"]) if r[0] is not None}


def table(ws):
    data = rows(ws)
    header = list(data[0])
    return header, [dict(zip(header, r)) for r in data[1:]]


def check_chart(book):
    """The Summary's bar chart: categories top-down in the table's order
    (the category axis reversed), values growing left to right (the value
    axis not reversed), each bar labelled with its count."""
    import re
    import zipfile
    with zipfile.ZipFile(book) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        if len(charts) != 1:
            fail(f"charts: {charts}")
        xml = z.read(charts[0]).decode()
    for axis, want in (("catAx", "maxMin"), ("valAx", "minMax")):
        m = re.search(r"<c:%s>.*?</c:%s>" % (axis, axis), xml, re.S)
        got = m and re.search(r'<c:orientation val="(\w+)"', m.group(0))
        if not got or got.group(1) != want:
            fail(f"chart {axis} orientation {got and got.group(1)}, want {want}")
    if "<c:dLbls>" not in xml or '<c:showVal val="1"/>' not in xml:
        fail("chart bars without their counts")


def check_print(book):
    """How every sheet prints: A4 landscape, one page wide, a page header
    naming the sheet; each table sheet repeats its header row."""
    import re
    import zipfile
    with zipfile.ZipFile(book) as z:
        sheets = sorted(n for n in z.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", n))
        for n in sheets:
            xml = z.read(n).decode()
            setup = re.search(r"<pageSetup [^>]*>", xml)
            if not setup or 'orientation="landscape"' not in setup.group(0) or \
                    'paperSize="9"' not in setup.group(0) or 'fitToHeight="0"' not in setup.group(0):
                fail(f"{n}: page setup {setup and setup.group(0)}")
            if '<pageSetUpPr fitToPage="1"/>' not in xml:
                fail(f"{n}: not fitted to the page width")
            if "piiscan: " not in xml or "Page &amp;P of &amp;N" not in xml:
                fail(f"{n}: no page header or footer")
        book_xml = z.read("xl/workbook.xml").decode()
    titles = re.findall(r'name="_xlnm.Print_Titles"[^>]*>([^<]*)', book_xml)
    for sheet in SHEETS[1:]:
        if not any(t.strip("'").startswith(sheet) and t.endswith("!$1:$1") for t in titles):
            fail(f"{sheet}: header row not repeated on printed pages ({titles})")


def check_layout(wb):
    # the people's sheets, then the hidden one for piiscan review import
    if wb.sheetnames != SHEETS + ["piiscan"]:
        fail(f"sheets {wb.sheetnames}, want {SHEETS} and piiscan")
    if wb["piiscan"].sheet_state != "hidden":
        fail(f"the piiscan sheet is {wb['piiscan'].sheet_state}, want hidden")
    for name in SHEETS[1:]:
        ws = wb[name]
        if ws.freeze_panes != "A2":
            fail(f"{name}: header not frozen ({ws.freeze_panes})")
        if not ws.auto_filter.ref or not ws.auto_filter.ref.startswith("A1:"):
            fail(f"{name}: no autofilter ({ws.auto_filter.ref})")


# What each hostile fixture (and the pg_dump archive) must give in the Errors sheet: the row's file
# (under fixtures/), its status, its stable code, words of its reason; and how the file
# itself counts in the summary.
HOSTILE = [
    ("hostile/zipbomb.zip", "partial", "limit.ratio", "--max-ratio", "partial"),
    ("hostile/nest100.zip!" + "!".join(f"level{i}.zip" for i in range(2, 12)),
     "skipped", "limit.depth", "--max-depth", "partial"),
    ("hostile/encrypted.zip!dossier.txt", "skipped", "encrypted", "encrypted, not scanned", "partial"),
    ("hostile/truncated.tar.gz", "partial", "damaged", "cut short", "partial"),
    ("hostile/webshop-truncated.sql", "partial", "damaged", "cut short", "partial"),
    ("hostile/webshop-bad-escaping.sql", "partial", "damaged", "1 malformed row (", "partial"),
    ("dumps/hr.dump", "skipped", "unsupported", "pg_restore -f", "skipped"),
    ("hostile/klanten-kapot.ndjson", "partial", "damaged", "malformed NDJSON lines", "partial"),
    ("hostile/bestellingen-afgebroken.json", "partial", "damaged", "JSON ends too soon", "partial"),
    ("hostile/kapot.csv", "partial", "damaged", "quoted field opened on line 2 is not closed", "partial"),
    ("hostile/cut.txt.gz", "partial", "damaged", "truncated gzip input", "partial"),
    ("legacy/hostile/chain-past-end.xls", "partial", "damaged", "ends inside a record", "partial"),
    ("legacy/hostile/dir-loop.msg", "partial", "damaged", "structure is damaged", "partial"),
    ("legacy/hostile/encrypted-ooxml.docx", "skipped", "encrypted", "encrypted Office document",
     "skipped"),
    ("legacy/hostile/encrypted.doc", "skipped", "encrypted", "encrypted Word document", "skipped"),
    ("legacy/hostile/encrypted.xls", "skipped", "encrypted", "encrypted Excel workbook", "skipped"),
    ("legacy/hostile/fat-loop.doc", "failed", "damaged", "cannot be read", "failed"),
    ("legacy/hostile/ministream-cut.msg", "partial", "damaged", "could not be read", "partial"),
    ("legacy/hostile/nest100.msg!" + "attachment-1/" * 9 + "attachment-1", "skipped", "limit.depth",
     "nested 10 deep", "partial"),
    ("legacy/hostile/piece-outside.doc", "partial", "damaged", "piece table points outside",
     "partial"),
]


def golden_location(field):
    """'dir/f.xlsx table=Klanten column=BSN' -> ('dir/f.xlsx', {'table': ...})"""
    path, *words = field.split(" ")
    attrs, last = {}, None
    for w in words:
        if "=" in w and w.split("=", 1)[0] in ("table", "column", "row", "key", "part", "page"):
            last, attrs[w.split("=", 1)[0]] = w.split("=", 1)[0], w.split("=", 1)[1]
        elif last:
            attrs[last] += " " + w  # a name with a space: "column 2"
    return path, attrs


def check_fixtures(book, want_path):
    wb = openpyxl.load_workbook(book)
    check_layout(wb)
    check_chart(book)
    check_print(book)
    want = [l.rstrip("\n").split("\t") for l in open(want_path, encoding="utf-8")]
    s = summary(wb)
    # (fixtures/images is left out of this scan: images.sh checks it; so
    # are the national folders: national.sh checks them)
    n_files = sum(len(f) for d, _, f in os.walk("fixtures")
                  if not d.startswith(os.path.join("fixtures", "images"))
                  and os.path.basename(d) != "national")
    # Counted are the findings of confidence high and medium (the default
    # --min-confidence); the low ones are listed only.
    counted = [w for w in want if w[3] != "low"]
    outer = {golden_location(w[0])[0].split("!")[0] for w in counted}
    in_part = sum(1 for h in HOSTILE if h[4] == "partial")
    expect = {
        "Files seen": n_files,
        "Files read whole": n_files - len(HOSTILE),
        "Files read in part (Errors sheet)": in_part,
        "Files not read (Errors sheet)": len(HOSTILE) - in_part,
        "Findings": len(counted),
        "Findings of lower confidence (listed, not counted)": len(want) - len(counted),
        "Counted": "confidence high and medium (--min-confidence)",
        "Findings sheet lists": f"all {len(want)}",
        "Files with personal data": len(outer),
        "Values": "masked",
    }
    for k, v in expect.items():
        if s.get(k) != v:
            fail(f"Summary {k!r} = {s.get(k)!r}, want {v!r}")
    if not str(s.get("Scanned paths", "")).startswith("fixtures"):
        fail(f"Summary paths {s.get('Scanned paths')!r}")

    # Inventory: one row per location x rule with the planted count; the
    # location is the file (with members) and the sheet, column, key, part.
    header, inv = table(wb["Inventory"])
    for col in ("File", "Table / sheet", "Column", "Key", "Part", "Rule", "Category",
                "Confidence", "Count", "Distinct", "Example", "File size", "Owner",
                "Modified (UTC)"):
        if col not in header:
            fail(f"Inventory has no column {col!r}: {header}")
    counts = collections.Counter()
    for w in want:
        path, attrs = golden_location(w[0])
        counts[(path, attrs.get("table"), attrs.get("column"), attrs.get("key"),
                attrs.get("part"), w[2])] += 1
    got = {}
    for r in inv:
        path = r["File"][len("fixtures/"):]
        got[(path, r["Table / sheet"], r["Column"], r["Key"], r["Part"], r["Rule"])] = r["Count"]
        if not r["Example"] or r["Distinct"] < 1 or r["Distinct"] > r["Count"]:
            fail(f"Inventory row {r}")
        on_disk = r["File"].split("!")[0]
        if r["File size"] != os.path.getsize(on_disk):
            fail(f"Inventory size of {r['File']}: {r['File size']}")
    if got != dict(counts):
        fail(f"Inventory counts differ:\n got {sorted(got.items(), key=str)}\n"
             f" want {sorted(counts.items(), key=str)}")
    # Low rows are listed in the Inventory too; the summary says how many
    # locations have a finding of confidence high.
    highest = collections.defaultdict(set)
    for w in want:
        path, attrs = golden_location(w[0])
        highest[(path, attrs.get("table"), attrs.get("column"), attrs.get("key"),
                 attrs.get("part"), w[2])].add(w[3])
    high = sum(1 for levels in highest.values() if "high" in levels)
    if s.get("Locations of high confidence") != high:
        fail(f"Summary 'Locations of high confidence' = {s.get('Locations of high confidence')!r}, want {high}")
    # Four customers, four phone numbers in four formats.
    if [r["Distinct"] for r in inv if r["File"].endswith("klanten-export.csv") and r["Rule"] == "phone"] != [4]:
        fail("distinct phone numbers in klanten-export.csv")

    # Folders: per folder of the file on disk (a member's: its archive's
    # or mail's), its files and findings as the golden file counts them
    folders = collections.defaultdict(lambda: [set(), 0])
    for w in counted:
        on_disk = golden_location(w[0])[0].split("!")[0]
        f = folders[os.path.dirname("fixtures/" + on_disk)]
        f[0].add(on_disk)
        f[1] += 1
    want_folders = sorted((d, len(f[0]), f[1]) for d, f in folders.items())
    _, rolled = table(wb["Folders"])
    got_folders = [(r["Folder"], r["Files with personal data"], r["Findings"]) for r in rolled]
    if got_folders != want_folders:
        fail(f"Folders:\n got {got_folders}\n want {want_folders}")

    _, findings = table(wb["Findings"])
    if len(findings) != len(want):
        fail(f"Findings sheet has {len(findings)} rows, want {len(want)}")
    pages = sorted((f["Rule"], f["Page"]) for f in findings
                   if f["File"] == "fixtures/documents/dossier.pdf")
    if pages != [("email", 1), ("iban", 2), ("nl_bsn", 2), ("person_name", 1), ("phone", 1)]:
        fail(f"Findings sheet pages of dossier.pdf: {pages}")
    _, errors = table(wb["Errors"])
    got_errors = sorted((e["File"], e["Status"]) for e in errors)
    want_errors = sorted(("fixtures/" + h[0], h[1]) for h in HOSTILE)
    if got_errors != want_errors:
        fail(f"Errors sheet:\n got {got_errors}\n want {want_errors}")
    for e in errors:
        code, words = next(h[2:4] for h in HOSTILE if "fixtures/" + h[0] == e["File"])
        if e["Code"] != code:
            fail(f"Errors row {e}: code {e['Code']!r}, want {code!r}")
        if words not in e["Reason"]:
            fail(f"Errors row {e}: reason lacks {words!r}")
    _, rules = table(wb["Rules"])
    # where a rule is defined, as in its rule folder: no path of this machine
    for r in rules:
        if "/" in r["Defined in"] or not r["Defined in"].split(":")[0].endswith(".yaml"):
            fail(f"Rules: defined in {r['Defined in']!r}")
    ids = {r["Rule id"] for r in rules}
    for rid in ("email", "phone", "ipv4", "ipv6", "iban", "credit_card", "nl_bsn",
                "nl_postcode", "nl_phone"):
        if rid not in ids:
            fail(f"Rules sheet lacks {rid}")
    # Category totals add up to the findings counted.
    cat_rows = []
    seen_header = False
    for r in rows(wb["Summary"]):
        if r[0] == "Category":
            seen_header = True
            continue
        if seen_header:
            cat_rows.append(r)
    if sum(r[1] for r in cat_rows) != len(counted):
        fail(f"category totals {cat_rows}")
    if not wb["Summary"]._charts and not getattr(wb["Summary"], "_drawing", None):
        # openpyxl drops charts on load; the drawing part must exist in the zip.
        import zipfile
        names = zipfile.ZipFile(book).namelist()
        if not any(n.startswith("xl/charts/chart") for n in names):
            fail("no chart in the workbook")


def check_no_values(book, values_path):
    values = [v.rstrip("\n") for v in open(values_path, encoding="utf-8") if v.strip()]
    wb = openpyxl.load_workbook(book)
    for ws in wb:
        for r in ws.iter_rows(values_only=True):
            for c in r:
                if isinstance(c, str):
                    for v in values:
                        if v in c:
                            fail(f"{ws.title}: value {v!r} in cell {c!r}")


def check_shown(book):
    s = summary(openpyxl.load_workbook(book))
    if not str(s.get("Values", "")).startswith("SHOWN IN FULL"):
        fail(f"Values = {s.get('Values')!r}")


def check_error(book, path, status, reason):
    _, errors = table(openpyxl.load_workbook(book)["Errors"])
    for e in errors:
        if str(e["File"]).endswith(path) and e["Status"] == status and reason in str(e["Reason"]):
            return
    fail(f"no Errors row for {path!r} {status!r} {reason!r} in {errors}")


def check_cells(book):
    wb = openpyxl.load_workbook(book)
    for ws in wb:
        for r in ws.iter_rows():
            for c in r:
                if c.data_type == "f":
                    fail(f"{ws.title}!{c.coordinate} is a formula: {c.value!r}")


mode = sys.argv[1]
if mode == "fixtures":
    check_fixtures(sys.argv[2], sys.argv[3])
elif mode == "no-values":
    check_no_values(sys.argv[2], sys.argv[3])
elif mode == "shown":
    check_shown(sys.argv[2])
elif mode == "error":
    check_error(*sys.argv[2:6])
elif mode == "cells":
    check_cells(sys.argv[2])
else:
    fail(f"unknown mode {mode}")
