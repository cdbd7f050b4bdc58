#!/usr/bin/python3
"""National identifiers, checked against python-stdnum (an independent
implementation of each country's algorithm) and found or refused by
piiscan.

  check_national.py PIISCAN TSV... : one "ok - " or "not ok - " line each

Each fixtures/national/CC.tsv holds, tab-separated, with a header:
  expect  found or refused
  rule    the report name piiscan gives it (nl_bsn, be_nrn, ...)
  stdnum  python-stdnum's module for it ("be.nn"), or "-" when it has none
  value   the identifier as written in the text
  text    a line of text that holds it
  source  where the value comes from (a specification, stdnum's doctests,
          generated here)
A "found" value must be valid for stdnum and be reported by piiscan
under that rule, unmasked value equal; a "refused" value must be invalid
for stdnum (when it knows the kind) and its text must give no national
identifier at all.
"""
import csv
import importlib
import json
import os
import subprocess
import sys
import tempfile

piiscan, tsvs = sys.argv[1], sys.argv[2:]
passed = failed = 0


def result(ok, name, why=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok - {name}")
    else:
        failed += 1
        print(f"not ok - {name}")
        if why:
            print("    " + str(why)[:2000].replace("\n", "\n    "))


def scan(text):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "ids.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        out = os.path.join(d, "out.jsonl")
        subprocess.run([piiscan, "-q", "-j", "1", "--show-values", "--format", "jsonl", "-o", out, path],
                       check=True)
        return [json.loads(line) for line in open(out, encoding="utf-8")]


for tsv in tsvs:
    cc = os.path.splitext(os.path.basename(tsv))[0]
    with open(tsv, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows:
        result(False, f"{cc}: {tsv} has rows")
        continue
    for r in rows:
        if r["stdnum"] == "-":
            continue
        mod = importlib.import_module("stdnum." + r["stdnum"])
        valid = mod.is_valid(r["value"])
        want = r["expect"] == "found"
        result(valid == want, f"{cc}: stdnum.{r['stdnum']} says {r['value']!r} is "
               f"{'valid' if want else 'invalid'} ({r['source']})")
    # Every line its own paragraph, farther apart than the context window
    # (64 bytes): context words of one do not reach another.
    found = [r for r in rows if r["expect"] == "found"]
    refused = [r for r in rows if r["expect"] == "refused"]
    apart = "\n\n" + ("-" * 40 + "\n") * 3 + "\n"
    if found:
        got = scan(apart.join(r["text"] for r in found) + "\n")
        pairs = {(g["rule"], g["value"]) for g in got}
        for r in found:
            result((r["rule"], r["value"]) in pairs, f"{cc}: {r['rule']} {r['value']!r} is found in "
                   f"{r['text']!r}", sorted(pairs))
    for r in refused:
        got = [g for g in scan(r["text"] + "\n") if g["category"] == "national_id"]
        result(not got, f"{cc}: nothing national in {r['text']!r} ({r['source']})",
               [(g["rule"], g["value"]) for g in got])

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
