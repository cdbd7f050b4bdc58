#!/usr/bin/env python3
"""check_merged.py MERGED.json SINGLE.json: the JSON inventory that
piiscan merge built from shards is the one of a single run over the same
tree (same fingerprint key): the same Inventory rows (file, table, column,
rule, count, distinct, rows, example, fingerprint, ...) in the same order,
the same errors, the same per-rule finding counts and the same summary
figures. Only what says when and how it ran may differ. Prints the counts
compared; on a difference, says which rows or figures differ and exits 1."""
import json
import sys

RUN_ONLY = {"started", "finished", "duration", "command_line"}


def key(row):
    return tuple(row.get(k) for k in ("file", "table", "column", "key", "part", "rule"))


def main():
    merged, single = (json.load(open(p)) for p in sys.argv[1:3])
    problems = []
    mi, si = merged["inventory"], single["inventory"]
    if mi != si:
        mrows, srows = {key(r): r for r in mi}, {key(r): r for r in si}
        for k in sorted(set(mrows) | set(srows), key=repr):
            if k not in mrows:
                problems.append(f"row only in the single run: {k}")
            elif k not in srows:
                problems.append(f"row only in the merge: {k}")
            elif mrows[k] != srows[k]:
                diff = {f: (mrows[k].get(f), srows[k].get(f))
                        for f in set(mrows[k]) | set(srows[k]) if mrows[k].get(f) != srows[k].get(f)}
                problems.append(f"row {k} differs (merge, single): {diff}")
        if not problems:
            problems.append("the same rows in another order")
    if merged["errors"] != single["errors"]:
        problems.append(f"errors differ: {len(merged['errors'])} rows, {len(single['errors'])} in the single run")
    mr = {r["id"]: r.get("findings") for r in merged["rules"]}
    sr = {r["id"]: r.get("findings") for r in single["rules"]}
    if mr != sr:
        problems.append("rule finding counts differ: " + str(
            {i: (mr.get(i), sr.get(i)) for i in set(mr) | set(sr) if mr.get(i) != sr.get(i)}))
    ms, ss = merged["summary"], single["summary"]
    for f in sorted((set(ms) | set(ss)) - RUN_ONLY):
        if ms.get(f) != ss.get(f):
            problems.append(f"summary {f}: {ms.get(f)!r} merged, {ss.get(f)!r} single")
    if problems:
        print("\n".join(problems[:40]))
        return 1
    if not si or not ss.get("findings"):
        print("the single run found nothing: nothing compared")
        return 1
    print(f"{len(si)} inventory rows, {ss['findings']} findings, {ss['files_seen']} files, "
          f"{len(single['errors'])} errors alike")
    return 0


if __name__ == "__main__":
    sys.exit(main())
