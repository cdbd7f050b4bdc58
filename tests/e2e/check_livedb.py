#!/usr/bin/env python3
"""Checks of a live database scan against what the test knows
independently (tests/e2e/postgres.sh, mariadb.sh):

  same DUMP.json LIVE.json [BUT] the inventory rows (table, column, rule,
                                count, distinct, rows read, rows with it)
                                of the live scan are those of the dump's
                                (but table BUT's, a sample drawn anew)
  sample LIVE.jsonl LIVE.json TABLE WANT TOTAL SPAN
                                TABLE was read as a sample: at most WANT
                                rows and at least half of them, Rows in
                                table is TOTAL (the catalogue's, read with
                                the server's own client), and the ids in
                                the e-mail addresses found (klantN@...)
                                span at least SPAN: rows from across the
                                table, not its first WANT
  errors LIVE.json TABLE WORDS  the Errors rows hold one for TABLE whose
                                reason holds WORDS
  absent SECRET FILE...         SECRET is in none of the files (bytes, and
                                inside an xlsx's zip members)
"""
import json
import re
import sys
import zipfile


def inventory_rows(path, but=None):
    doc = json.load(open(path))
    return sorted((r["table"], r["column"], r["rule"], r["count"], r["distinct"], r["rows"],
                   r["rows_with"]) for r in doc["inventory"] if r["table"] != but)


def same(dump, live, but=None):
    a, b = inventory_rows(dump, but), inventory_rows(live, but)
    if not a:
        sys.exit("the dump's inventory is empty: nothing compared")
    if a != b:
        only_dump = [r for r in a if r not in b]
        only_live = [r for r in b if r not in a]
        sys.exit(f"only in the dump's: {only_dump}\nonly in the live scan's: {only_live}\n"
                 f"rows: {len(a)} against {len(b)}")
    print(f"{len(a)} rows alike")


def sample(jsonl, doc_path, table, want, total, span):
    want, total, span = int(want), int(total), int(span)
    doc = json.load(open(doc_path))
    rows = [r for r in doc["inventory"] if r["table"] == table and r["rule"] == "email"]
    if len(rows) != 1:
        sys.exit(f"expected one e-mail row of {table}, got {rows}")
    r = rows[0]
    if not want // 2 <= r["rows"] <= want:
        sys.exit(f"rows read {r['rows']}, expected {want // 2}..{want}")
    if r.get("rows_in_table") != total:
        sys.exit(f"rows_in_table {r.get('rows_in_table')}, the catalogue says {total}")
    ids = []
    for line in open(jsonl):
        f = json.loads(line)
        if f.get("table") == table and f.get("rule") == "email":
            m = re.match(r"klant(\d+)@", f["value"])
            if m:
                ids.append(int(m.group(1)))
    if not ids or max(ids) - min(ids) < span:
        sys.exit(f"ids read span {min(ids, default=0)}..{max(ids, default=0)}, "
                 f"less than {span}: not from across the table")
    print(f"{r['rows']} rows of {total}, ids {min(ids)}..{max(ids)}")


def errors(doc_path, table, words):
    doc = json.load(open(doc_path))
    hits = [e for e in doc["errors"] if e["path"].endswith("!" + table)]
    if not hits or words not in (hits[0].get("reason") or ""):
        sys.exit(f"no Errors row for {table} saying '{words}': {doc['errors']}")
    print(hits[0]["reason"])


def absent(secret, *files):
    s = secret.encode()
    for f in files:
        data = open(f, "rb").read()
        if s in data:
            sys.exit(f"{f} holds the secret")
        if zipfile.is_zipfile(f):
            with zipfile.ZipFile(f) as z:
                for n in z.namelist():
                    if s in z.read(n):
                        sys.exit(f"{f}!{n} holds the secret")
    print(f"not in {len(files)} files")


if __name__ == "__main__":
    {"same": same, "sample": sample, "errors": errors, "absent": absent}[sys.argv[1]](
        *sys.argv[2:])
