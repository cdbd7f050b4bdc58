#!/usr/bin/python3
"""Reads piiscan JSONL, checks every line is a JSON object with the keys of
the output contract, and prints "file line rule confidence value" rows
(tab-separated, file relative to PREFIX followed by whichever of table,
column, row, key, part and page the finding has, '-' for no line), sorted."""
import json
import sys

prefix = sys.argv[2] if len(sys.argv) > 2 else ""
rows = []
with open(sys.argv[1], encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        obj = json.loads(line)
        for key in ("file", "rule", "category", "value", "confidence", "offset"):
            if key not in obj:
                sys.exit(f"line {n}: no '{key}' in {line!r}")
        path = obj["file"]
        if path.startswith(prefix):
            path = path[len(prefix):]
        for key in ("table", "column", "row", "key", "part", "page"):
            if key in obj:
                path += f" {key}={obj[key]}"
        rows.append("\t".join([path, str(obj.get("line", "-")), obj["rule"],
                               obj["confidence"], obj["value"].replace("\n", "\\n")]))
for r in sorted(rows):
    print(r)
