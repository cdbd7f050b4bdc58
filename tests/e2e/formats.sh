#!/bin/sh
# Outputs for other tools (#18): SARIF 2.1.0 and one JSON document,
# checked against their schemas (schema/) and against the workbook and
# CSV of the same run; JSONL lines against theirs.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

# One run, every format: they must tell the same inventory.
"$PIISCAN" -q --lang en -o "$WORK/run.sarif" -o "$WORK/run.json" -o "$WORK/run.jsonl" \
	-o "$WORK/run.csv" -o "$WORK/run.xlsx" fixtures
# The same with the values shown: what must not be in the masked outputs.
"$PIISCAN" -q --show-values -o "$WORK/shown.jsonl" -o "$WORK/shown.sarif" fixtures

check "SARIF validates against the official SARIF 2.1.0 schema" $PY - "$WORK/run.sarif" <<'EOF'
import json, sys, jsonschema
schema = json.load(open("schema/sarif-schema-2.1.0.json"))
doc = json.load(open(sys.argv[1], encoding="utf-8"))
errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=str)
assert not errors, [(list(e.path), e.message) for e in errors[:5]]
assert doc["version"] == "2.1.0" and len(doc["runs"]) == 1
driver = doc["runs"][0]["tool"]["driver"]
assert driver["name"] == "piiscan" and driver["version"], driver
EOF

check "SARIF: one result per Inventory row (CSV), its rule, count and level from confidence" \
	$PY - "$WORK/run.sarif" "$WORK/run.csv" <<'EOF'
import csv, json, sys
run = json.load(open(sys.argv[1], encoding="utf-8"))["runs"][0]
rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8", newline="")))
assert len(rows) > 100, len(rows)
level = {"high": "error", "medium": "warning", "low": "note"}
def key(file, table, column, k, part, rule):
    return (file, table or "", column or "", k or "", part or "", rule)
# CSV guards fields against formula injection with a leading apostrophe
unguard = lambda s: s[1:] if s.startswith("'") else s
want = sorted((key(unguard(r["file"]), unguard(r["table"]), unguard(r["column"]), unguard(r["key"]),
                   unguard(r["part"]), r["rule"]), int(r["count"]), level[r["confidence"]]) for r in rows)
rules = run["tool"]["driver"]["rules"]
got = []
for res in run["results"]:
    p = res["properties"]
    assert rules[res["ruleIndex"]]["id"] == res["ruleId"], res
    got.append((key(p["file"], p.get("table"), p.get("column"), p.get("key"), p.get("part"),
                    res["ruleId"]), p["count"], res["level"]))
got.sort()
assert got == want, [x for x in got if x not in want][:3] + [x for x in want if x not in got][:3]
# one descriptor per rule used, each with its category
assert sorted(r["id"] for r in rules) == sorted({r["rule"] for r in rows}), rules
for r in rules:
    assert r["shortDescription"]["text"] and r["properties"]["category"], r
    assert isinstance(r["properties"]["specialCategory"], bool), r
assert any(r["properties"]["specialCategory"] for r in rules), "no special category in fixtures"
EOF

check "SARIF and JSON: values masked (none of the --show-values run's), the example in the message" \
	$PY - "$WORK/shown.jsonl" "$WORK/run.sarif" "$WORK/run.json" "$WORK/shown.sarif" "$WORK/run.jsonl" <<'EOF'
import json, sys
# long enough not to turn up in a path or a rule name by chance; not the
# words of a special category, which every report shows (mask: keyword)
shown = {json.loads(l)["value"] for l in open(sys.argv[1], encoding="utf-8")}
masked = {json.loads(l)["value"] for l in open(sys.argv[5], encoding="utf-8")}
shown = {v for v in shown - masked if len(v) >= 8}
assert len(shown) > 50, len(shown)
for out in sys.argv[2:4]:
    text = json.dumps(json.load(open(out, encoding="utf-8")), ensure_ascii=False)
    leaked = [v for v in shown if v in text]
    assert not leaked, (out, leaked[:3])
    assert "*" in text, out
# the check sees values where they are: --show-values puts them in
text = open(sys.argv[4], encoding="utf-8").read()
assert sum(v in text for v in shown) > 20
run = json.load(open(sys.argv[2], encoding="utf-8"))["runs"][0]
for res in run["results"]:
    assert res["properties"]["example"] in res["message"]["text"], res
EOF

check "SARIF: partialFingerprints are the example's keyed fingerprint; startLine a line of it" \
	$PY - "$WORK/run.sarif" "$WORK/run.jsonl" <<'EOF'
import json, sys
run = json.load(open(sys.argv[1], encoding="utf-8"))["runs"][0]
seen = {}
for line in open(sys.argv[2], encoding="utf-8"):
    f = json.loads(line)
    loc = (f["file"], f.get("table"), f.get("column"), f.get("key"), f.get("part"), f["rule"])
    seen.setdefault(loc, set()).add((f["fingerprint"], f.get("line")))
lines = 0
for res in run["results"]:
    p, fp = res["properties"], res["partialFingerprints"]
    loc = (p["file"], p.get("table"), p.get("column"), p.get("key"), p.get("part"), res["ruleId"])
    assert len(fp["piiscanLocation/v1"]) == 16, fp
    assert fp["piiscanValue/v1"] in {x[0] for x in seen[loc]}, (loc, fp)
    region = res["locations"][0]["physicalLocation"].get("region")
    if region:
        lines += 1
        assert (fp["piiscanValue/v1"], region["startLine"]) in seen[loc], (loc, region)
        assert "member" not in p, res
assert lines > 20, lines
# the location's fingerprint tells rows apart
fps = [r["partialFingerprints"]["piiscanLocation/v1"] for r in run["results"]]
assert len(set(fps)) == len(fps)
EOF

check "SARIF: URIs relative to the scanned path, percent-encoded, resolve to the file; members on their outer file" \
	$PY - "$WORK/run.sarif" <<'EOF'
import json, os, sys, urllib.parse
run = json.load(open(sys.argv[1], encoding="utf-8"))["runs"][0]
bases = run["originalUriBaseIds"]
assert bases["ROOT1"]["uri"] == "file://" + urllib.parse.quote(os.path.abspath("fixtures")) + "/", bases
members = 0
for res in run["results"]:
    art = res["locations"][0]["physicalLocation"]["artifactLocation"]
    uri = art["uri"]
    assert not uri.startswith("/") and ":" not in uri and " " not in uri, uri
    assert urllib.parse.quote(urllib.parse.unquote(uri)) == uri, uri
    path = urllib.parse.unquote(urllib.parse.urlparse(bases[art["uriBaseId"]]["uri"]).path + uri)
    assert os.path.isfile(path), path
    p = res["properties"]
    if "!" in p["file"] and "member" in p:
        members += 1
        outer = p["file"][: -len(p["member"]) - 1]
        assert path == os.path.abspath(outer), (path, p)
    else:
        assert path == os.path.abspath(p["file"]), (path, p)
assert members > 10, members
zipped = [r for r in run["results"] if r["properties"]["file"] == "fixtures/containers/dossier.zip!dossier/dossier.txt"]
assert zipped and all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "containers/dossier.zip"
                      for r in zipped), zipped[:1]
EOF

check "SARIF: the files not read are the run's toolExecutionNotifications (Errors sheet)" \
	$PY - "$WORK/run.sarif" "$WORK/run.json" <<'EOF'
import json, sys
inv = json.load(open(sys.argv[1], encoding="utf-8"))["runs"][0]["invocations"][0]
doc = json.load(open(sys.argv[2], encoding="utf-8"))
assert inv["executionSuccessful"] is True
notes = inv["toolExecutionNotifications"]
assert notes and [(n["properties"]["file"], n["message"]["text"]) for n in notes] == \
    [(e["path"], e["reason"]) for e in doc["errors"]]
EOF

check "JSON document validates against schema/piiscan.schema.json" $PY - "$WORK/run.json" <<'EOF'
import json, sys, jsonschema
schema = json.load(open("schema/piiscan.schema.json"))
jsonschema.Draft202012Validator.check_schema(schema)
doc = json.load(open(sys.argv[1], encoding="utf-8"))
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
assert not errors, [(list(e.path), e.message) for e in errors[:5]]
EOF

check "JSON document: its figures are the workbook's Summary, category by category" \
	$PY - "$WORK/run.json" "$WORK/run.xlsx" <<'EOF'
import json, sys, openpyxl
s = json.load(open(sys.argv[1], encoding="utf-8"))["summary"]
rows = list(openpyxl.load_workbook(sys.argv[2])["Summary"].iter_rows(values_only=True))
kv = {r[0]: r[1] for r in rows if r[0]}
pairs = {
    "Files seen": "files_seen", "Files read whole": "files_read_whole",
    "Files read in part (Errors sheet)": "files_read_in_part",
    "Files not read (Errors sheet)": "files_not_read",
    "Symbolic links not followed": "symlinks_not_followed",
    "Files with personal data": "files_with_personal_data", "Bytes scanned": "bytes_scanned",
    "Findings": "findings", "Locations of high confidence": "locations_high",
    "Findings of lower confidence (listed, not counted)": "findings_not_counted",
    "Contact lists": "contact_lists", "Largest contact list": "largest_contact_list",
    "Stale files (deletion candidates)": "stale_files", "Stale bytes": "stale_bytes",
}
for label, key in pairs.items():
    assert kv[label] == s[key], (label, kv[label], key, s[key])
assert s["files_seen"] == s["files_read_whole"] + s["files_read_in_part"] + s["files_not_read"]
assert s["files_not_read"] > 0 and s["files_with_personal_data"] > 0
assert s["counted_from"] == "medium" and s["complete"] is True and s["values_shown"] is False
# the categories table: Category, Findings, Locations, Files, Distinct values
start = next(i for i, r in enumerate(rows) if r[:2] == ("Category", "Findings"))
book = sorted(tuple(r[1:5]) for r in rows[start + 1:] if r[0])
mine = sorted((c["findings"], c["locations"], c["files"], c["distinct"]) for c in s["categories"])
assert book == mine, (book, mine)
EOF

check "JSON document: its rows are the Inventory's, its errors the Errors sheet's" \
	$PY - "$WORK/run.json" "$WORK/run.xlsx" <<'EOF'
import json, sys, openpyxl
doc = json.load(open(sys.argv[1], encoding="utf-8"))
wb = openpyxl.load_workbook(sys.argv[2])
rows = list(wb["Inventory"].iter_rows(values_only=True))
head = rows[0]
cols = {"File": "file", "Table / sheet": "table", "Column": "column", "Key": "key", "Part": "part",
        "Rule": "rule", "Count": "count", "Distinct": "distinct", "Example": "example",
        "High": "high", "Medium": "medium", "Low": "low"}
at = {key: head.index(label) for label, key in cols.items()}
book = [tuple(r[at[k]] for k in cols.values()) for r in rows[1:]]
mine = [tuple(r[k] for k in cols.values()) for r in doc["inventory"]]
assert len(mine) > 100 and book == mine, [x for x in mine if x not in book][:3]
errs = [tuple(r[:1]) for r in wb["Errors"].iter_rows(min_row=2, values_only=True) if r[0]]
assert errs == [(e["path"],) for e in doc["errors"]], (errs[:3], doc["errors"][:3])
EOF

check "JSONL: every line of a run on the fixtures validates against schema/piiscan-finding.schema.json" \
	$PY - "$WORK/run.jsonl" "$WORK/run.json" <<'EOF'
import json, sys, jsonschema
schema = json.load(open("schema/piiscan-finding.schema.json"))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
n = 0
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    errors = list(v.iter_errors(json.loads(line)))
    assert not errors, (n, [e.message for e in errors])
s = json.load(open(sys.argv[2], encoding="utf-8"))["summary"]
assert n == s["findings"] + s["findings_not_counted"], (n, s["findings"])
EOF

# A name that is no URI as it stands: space, '#', '%', ':' and UTF-8.
mkdir -p "$WORK/odd dir"
printf 'mail jan.jansen@example.nl\n' >"$WORK/odd dir/a b#%c:ä.txt"
"$PIISCAN" -q -o "$WORK/odd.sarif" "$WORK/odd dir"
check "SARIF: an odd file name is percent-encoded and resolves to the file" \
	$PY - "$WORK/odd.sarif" "$WORK/odd dir" <<'EOF'
import json, os, sys, urllib.parse
run = json.load(open(sys.argv[1], encoding="utf-8"))["runs"][0]
art = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
assert art["uri"] == "a%20b%23%25c%3A%C3%A4.txt", art
base = run["originalUriBaseIds"][art["uriBaseId"]]["uri"]
assert base.endswith("/odd%20dir/"), base
path = urllib.parse.unquote(urllib.parse.urlparse(base + art["uri"]).path)
assert os.path.isfile(path) and path == os.path.join(sys.argv[2], "a b#%c:ä.txt"), path
EOF

# --format, and standard output
"$PIISCAN" -q --format sarif -o - fixtures/share >"$WORK/stdout.sarif"
check "--format sarif -o -: SARIF on standard output" \
	$PY -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(not d['runs'][0]['results'])" "$WORK/stdout.sarif"
"$PIISCAN" -q --format json -o "$WORK/report.out" fixtures/share
check "--format json: one JSON document under any name" \
	$PY -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(not d['inventory'])" "$WORK/report.out"

finish
