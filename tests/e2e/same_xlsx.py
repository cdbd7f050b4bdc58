#!/usr/bin/env python3
"""same_xlsx.py A.xlsx B.xlsx [KEY...]: exits 0 when the two inventories
hold the same cells in every sheet, but for the Summary rows named KEY
(times, command line: what differs between runs of the same scan), and
the inventory is not trivially small."""
import sys
import openpyxl

a, b = (openpyxl.load_workbook(p) for p in sys.argv[1:3])
volatile = set(sys.argv[3:])
assert a.sheetnames == b.sheetnames, (a.sheetnames, b.sheetnames)
for name in a.sheetnames:
    ra = [r for r in a[name].iter_rows(values_only=True)]
    rb = [r for r in b[name].iter_rows(values_only=True)]
    if name == "Summary":
        ra = [r for r in ra if r[0] not in volatile]
        rb = [r for r in rb if r[0] not in volatile]
    assert len(ra) == len(rb), (name, len(ra), len(rb))
    for x, y in zip(ra, rb):
        assert x == y, (name, x, y)
rows = a["Inventory"].max_row - 1
assert rows > 100, f"only {rows} inventory rows: not a real comparison"
