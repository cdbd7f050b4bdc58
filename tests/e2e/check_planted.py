#!/usr/bin/python3
"""Checks piiscan's JSONL findings against a list of planted values.

    check_planted.py PLANTED.tsv FINDINGS.jsonl PREFIX [KNOWN_MISSES.tsv]

PLANTED.tsv (written by the fixture generator, from the values it put in
the files, not from piiscan): file (below PREFIX, "!" between container
layers), where, kind, value. Prints one "ok"/"not ok" line per planted
value and exits 1 when one is missing. A value counts as found when a
finding of that kind has that value and the location `where` describes:

  Sheet/Column        table and column (an .xls sheet)
  Column              column (a CSV attachment)
  properties/Author   part properties, key author (LastAuthor: last modified by)
  page N, notes page N  page N (a slide)
  sender, recipient, headers   the item's "headers" part
  body                the item's body ("body", or "body.rtf"/"body.html")
  header, footer, footnote, attachment   the file itself (a .doc's text is one stream)

An Outlook item attached to another one is one location further in:
"a.msg!b.msg" is piiscan's "a.msg!b.msg/headers" (an item's parts are
named after a "/", as in a .pst).

KNOWN_MISSES.tsv lists planted values piiscan is known not to find (file,
kind, value, why): printed as "# known miss", not failed; a known miss that
is found after all fails, so that the list is kept true.
"""
import json
import sys

KIND_TO_RULE = {"card": "credit_card"}
PROPERTY_KEYS = {"Author": "author", "LastAuthor": "last modified by"}


def item_path(planted_file):
    """a.msg!b.msg!c.txt -> a.msg!b.msg/c.txt: layers inside one .msg file
    are steps of a path, not containers of their own."""
    layers = planted_file.split("!")
    out = layers[0]
    for prev, layer in zip(layers, layers[1:]):
        out += ("/" if prev.endswith(".msg") and out.count("!") else "!") + layer
    return out


def candidates(prefix, planted_file, where):
    """(file, predicate) pairs a finding may match."""
    base = prefix + item_path(planted_file)
    msg = planted_file.endswith(".msg")
    sep = "/" if msg and "!" in planted_file else "!"
    if where.startswith("properties/"):
        key = PROPERTY_KEYS[where.split("/", 1)[1]]
        return [(base, lambda f: f.get("part") == "properties" and f.get("key") == key)]
    if where.startswith("page ") or where.startswith("notes page "):
        page = int(where.rsplit(" ", 1)[1])
        return [(base, lambda f: f.get("page") == page)]
    if msg and where in ("sender", "recipient", "headers"):
        return [(base + sep + "headers", lambda f: True)]
    if msg and where == "body":
        return [(base + sep + b, lambda f: True) for b in ("body", "body.rtf", "body.html")]
    if "/" in where:
        table, column = where.split("/", 1)
        return [(base, lambda f: f.get("table") == table and f.get("column") == column)]
    if where in ("header", "footer", "footnote", "body", "attachment"):
        return [(base, lambda f: True)]
    return [(base, lambda f: f.get("column") == where)]


def main():
    planted_path, findings_path, prefix = sys.argv[1:4]
    known = {}
    if len(sys.argv) > 4:
        for line in open(sys.argv[4]):
            if line.strip() and not line.startswith("#"):
                f, k, v, why = line.rstrip("\n").split("\t")[:4]
                known[(f, k, v)] = why
    findings = [json.loads(line) for line in open(findings_path)]
    by_file = {}
    for f in findings:
        by_file.setdefault(f["file"], []).append(f)
    failed = 0
    for line in open(planted_path):
        if not line.strip() or line.startswith("#") or line.startswith("file\twhere\t"):
            continue
        file, where, kind, value = line.rstrip("\n").split("\t")[:4]
        rule = KIND_TO_RULE.get(kind, kind)
        found = any(f["rule"] == rule and f["value"] == value and pred(f)
                    for path, pred in candidates(prefix, file, where)
                    for f in by_file.get(path, []))
        name = f"{file} {where}: {kind}"
        why = known.get((file, kind, value))
        if why and found:
            failed += 1
            print(f"not ok - {name}: listed as a known miss but found now: update the list")
        elif why:
            print(f"ok - {name} # known miss: {why}")
        elif found:
            print(f"ok - {name}")
        else:
            failed += 1
            near = [(f["rule"], f.get("table"), f.get("column"), f.get("page"), f.get("part"))
                    for path, _ in candidates(prefix, file, where)
                    for f in by_file.get(path, []) if f["value"] == value]
            print(f"not ok - {name} (found with that value: {near or 'nothing'})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
