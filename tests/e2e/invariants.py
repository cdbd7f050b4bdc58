#!/usr/bin/python3
"""The figures of a piiscan workbook that must agree, whatever was scanned
(#17): each is defined once and must add up the same way on every sheet.
Usage: invariants.py BOOK|DIR...  (a DIR: every workbook piiscan wrote in
it, found by its sheet names; other .xlsx files, e.g. scanned ones, are
passed over). Prints the number of workbooks checked; exits 1 with every
difference found."""
import collections
import os
import re
import sys
import zipfile

import openpyxl

PIISCAN_SHEETS = {"Summary", "Data map", "Folders", "Inventory", "Findings", "Errors", "Rules",
                  "Changes", "Breach", "Reviewed", "piiscan"}
# a sheet past the row limit goes on in "Inventory (2)", ...
PART = re.compile(r"(Inventory|Reviewed) \((\d+)\)$")
COUNTED = {  # the Summary's "Counted" row -> the levels counted
    "all confidence levels (--min-confidence low)": ("High", "Medium", "Low"),
    "confidence high and medium (--min-confidence)": ("High", "Medium"),
    "confidence high only (--min-confidence high)": ("High",),
}
problems = []


def bad(book, msg):
    problems.append(f"{book}: {msg}")


def rows(ws):
    return [r for r in ws.iter_rows(values_only=True) if any(c is not None for c in r)]


def table(ws):
    data = rows(ws)
    if not data:
        return []
    header = list(data[0])
    return [dict(zip(header, r)) for r in data[1:]]


def parts(wb, name):
    """The sheet name and its parts past the row limit, in order."""
    names = [name] + sorted((n for n in wb.sheetnames if PART.match(n) and
                             PART.match(n).group(1) == name),
                            key=lambda n: int(PART.match(n).group(2)))
    return [wb[n] for n in names if n in wb.sheetnames]


def inventory(wb):
    """The Inventory's rows, over all its sheets."""
    return [r for ws in parts(wb, "Inventory") for r in table(ws)]


def keyed(ws, stop):
    """Column A -> column B, down to the row whose A is stop."""
    out = {}
    for r in rows(ws):
        if r[0] == stop:
            break
        if r[0] is not None:
            out[r[0]] = r[1]
    return out


def after(ws, first):
    """The rows of the table whose header row starts with first, down to
    the first empty row."""
    out, header = [], None
    for r in ws.iter_rows(values_only=True):
        if header and r[0] is None:
            break
        if header:
            out.append(dict(zip(header, r)))
        elif r[0] == first:
            header = list(r)
    return out


def check_summary(book, wb):
    s = keyed(wb["Summary"], "Category")
    seen = s.get("Files seen")
    parts = (s.get("Files read whole"), s.get("Files read in part (Errors sheet)"),
             s.get("Files not read (Errors sheet)"))
    if None in parts or seen is None:
        bad(book, f"Summary lacks the file figures: {s}")
        return s
    if seen != sum(parts):
        bad(book, f"Files seen {seen} != read whole + in part + not read {parts}")
    if s.get("Files with personal data", 0) > seen:
        bad(book, "more files with personal data than files seen")
    if "Files carried over (unchanged)" in s:
        carried, read = s["Files carried over (unchanged)"], s.get("Files read this run")
        if carried + read != seen:
            bad(book, f"carried {carried} + read this run {read} != seen {seen}")
    cats = after(wb["Summary"], "Category")
    if sum(c["Findings"] for c in cats) != s.get("Findings"):
        bad(book, f"category findings add up to {sum(c['Findings'] for c in cats)}, "
                  f"Findings {s.get('Findings')}")
    for c in cats:
        if c["Distinct values"] > c["Findings"] or c["Files"] > c["Locations"] or \
                c["Files"] > s.get("Files with personal data", 0):
            bad(book, f"category row {c}")
    return s


def unit_of(location):
    """What the Summary counts as a file: the file on disk (a zip, not its
    members), or a live database's table (postgres://host/db!table)."""
    parts = location.split("!")
    if re.match(r"(postgres|postgresql|mysql|mariadb)://", location):
        return "!".join(parts[:2])
    return parts[0]


def folder_of(unit):
    """The Folders sheet's folder of a file (or live table): its folder;
    a live table's database URL."""
    if re.match(r"(postgres|postgresql|mysql|mariadb)://", unit) and "!" in unit:
        return unit.split("!")[0]
    d = unit.rsplit("/", 1)[0] if "/" in unit else "."
    return d or "/"


def check_folders(book, wb, s):
    """The roll-up agrees with the Inventory, sums per folder, and with
    the Summary's totals."""
    levels = COUNTED.get(s.get("Counted"), ("High", "Medium"))
    want = collections.defaultdict(lambda: {"files": set(), "cats": collections.Counter(),
                                            "findings": 0, "special": set()})
    for r in inventory(wb):
        n = sum(r[k] for k in levels)
        if not n:
            continue
        unit = unit_of(r["File"])
        f = want[folder_of(unit)]
        f["files"].add(unit)
        f["cats"][r["Category"]] += n
        f["findings"] += n
        if r.get("Special"):
            f["special"].add(r["Special"])
    got = table(wb["Folders"])
    names = [r["Folder"] for r in got]
    if names != sorted(names, key=lambda n: n.encode()):
        bad(book, f"Folders not sorted by folder: {names[:10]}")
    fixed = {"Folder", "Files with personal data", "Findings", "Special categories"}
    for r in got:
        w = want.pop(r["Folder"], None)
        if w is None:
            bad(book, f"Folders row {r['Folder']!r} has no counted Inventory row")
            continue
        cats = {k: v for k, v in r.items() if k not in fixed and v}
        special = set(r["Special categories"].split(", ")) if r["Special categories"] else set()
        if (r["Files with personal data"], r["Findings"], cats, special) != \
                (len(w["files"]), w["findings"], dict(w["cats"]), w["special"]):
            bad(book, f"Folders row {r}; the Inventory says files {len(w['files'])}, findings "
                      f"{w['findings']}, per category {dict(w['cats'])}, special {w['special']}")
    if want:
        bad(book, f"folders with counted Inventory rows but no Folders row: {sorted(want)[:10]}")
    if s:
        if sum(r["Findings"] for r in got) != s.get("Findings"):
            bad(book, "the Folders' findings do not add up to the Summary's")
        if sum(r["Files with personal data"] for r in got) != s.get("Files with personal data"):
            bad(book, "the Folders' files do not add up to the Summary's files with personal data")
        for c in after(wb["Summary"], "Category"):
            if sum(r.get(c["Category"]) or 0 for r in got) != c["Findings"]:
                bad(book, f"the Folders' {c['Category']!r} findings do not add up to the Summary's")


def check_inventory(book, wb, s):
    inv = inventory(wb)
    levels = COUNTED.get(s.get("Counted"), ("High", "Medium"))
    counted = low = 0
    files = set()
    for r in inv:
        if r["Count"] != r["High"] + r["Medium"] + r["Low"]:
            bad(book, f"Inventory row: Count is not High + Medium + Low: {r}")
        if not 1 <= r["Distinct"] <= r["Count"]:
            bad(book, f"Inventory row: Distinct not within 1..Count: {r}")
        if r.get("Rows") is not None and (r["Rows with it"] or 0) > r["Rows"]:
            bad(book, f"Inventory row: more rows with it than rows: {r}")
        n = sum(r[k] for k in levels)
        counted += n
        low += r["Count"] - n
        if n:
            files.add(unit_of(r["File"]))
    if not s:
        return
    if counted != s.get("Findings"):
        bad(book, f"Inventory counts {counted} findings, the Summary {s.get('Findings')}")
    lower = s.get("Findings of lower confidence (listed, not counted)", 0)
    if low != lower:
        bad(book, f"Inventory has {low} findings below the counted level, the Summary {lower}")
    if len(files) != s.get("Files with personal data"):
        bad(book, f"Inventory has {len(files)} files with counted findings, the Summary "
                  f"{s.get('Files with personal data')}")
    listed = s.get("Findings sheet lists", "")
    if "Findings" in wb.sheetnames and listed.startswith("all "):
        n = len(table(wb["Findings"]))
        if n != int(listed.split()[1]) or n != s.get("Findings") + lower:
            bad(book, f"Findings sheet has {n} rows; the Summary says {listed!r}")


def check_data_map(book, wb, s):
    systems = table(wb["Data map"])
    for r in systems:
        if (r["Data subjects (estimate)"] or 0) > r["Findings"] or r["Files"] > r["Locations"]:
            bad(book, f"Data map row {r['System']!r}: subjects {r['Data subjects (estimate)']}, "
                      f"findings {r['Findings']}, files {r['Files']}, locations {r['Locations']}")
    if s and systems and sum(r["Findings"] for r in systems) != s.get("Findings"):
        bad(book, "the Data map's findings do not add up to the Summary's")


def check_breach(book, wb):
    b = keyed(wb["Breach"], "Category of personal data")
    cats = after(wb["Breach"], "Category of personal data")
    subjects = b.get("Data subjects (estimate)", 0)
    for c in cats:
        if c["Data subjects (estimate)"] > subjects:
            bad(book, f"breach: category {c['Category of personal data']!r} has more data "
                      f"subjects ({c['Data subjects (estimate)']}) than all ({subjects})")
        if c["Data subjects (estimate)"] > c["Records"]:
            bad(book, f"breach: more data subjects than records in {c}")
    if sum(c["Records"] for c in cats) != b.get("Records (findings)"):
        bad(book, "breach: category records do not add up to the records")
    if b.get("Files with personal data", 0) > b.get("Files examined", 0):
        bad(book, "breach: more files with personal data than examined")


def is_piiscan_book(path):
    try:
        with zipfile.ZipFile(path) as z:
            names = z.read("xl/workbook.xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    import re
    sheets = set(re.findall(r'<sheet name="([^"]+)"', names))
    return bool(sheets) and all(n in PIISCAN_SHEETS or PART.match(n) for n in sheets)


def findings_lost(wb):
    """The run says it lost findings for want of memory (oom.sh's runs):
    its totals need not add up, and it says so in the Errors sheet."""
    return "Errors" in wb.sheetnames and \
        any(r.get("Code") == "out_of_memory" for r in table(wb["Errors"]))


def check(book):
    wb = openpyxl.load_workbook(book)
    s = check_summary(book, wb) if "Summary" in wb.sheetnames else {}
    if findings_lost(wb):
        return
    if "Inventory" in wb.sheetnames:
        check_inventory(book, wb, s)
    if "Folders" in wb.sheetnames and "Inventory" in wb.sheetnames:
        check_folders(book, wb, s)
    if "Data map" in wb.sheetnames:
        check_data_map(book, wb, s)
    if "Breach" in wb.sheetnames:
        check_breach(book, wb)


def books(args):
    for a in args:
        if os.path.isdir(a):
            for d, _, files in os.walk(a):
                for f in sorted(files):
                    p = os.path.join(d, f)
                    # (a test's fifo or device named .xlsx is no workbook)
                    if f.endswith(".xlsx") and os.path.isfile(p) and \
                            not os.path.islink(p) and is_piiscan_book(p):
                        yield p
        else:
            yield a


if __name__ == "__main__":
    n = 0
    for book in books(sys.argv[1:]):
        check(book)
        n += 1
    if problems:
        sys.exit("\n".join(problems))
    print(f"{n} workbook{'s' if n != 1 else ''}")
