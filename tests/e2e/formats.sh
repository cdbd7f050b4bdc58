#!/bin/sh
# Outputs for other tools (#18): SARIF 2.1.0 and one JSON document,
# checked against their schemas (schema/) and against the workbook and
# CSV of the same run; JSONL lines against theirs. The text table, for a
# person on a terminal, against the JSON document of the same run.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

# One run, every format: they must tell the same inventory.
"$PIISCAN" -q --lang en -o "$WORK/run.sarif" -o "$WORK/run.json" -o "$WORK/run.jsonl" \
	-o "$WORK/run.csv" -o "$WORK/run.xlsx" -o "$WORK/run.text" fixtures
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

# ---- the text table (--format text, -o - on a terminal) ----------------------
check "text: a header line per file (its path), a line per Inventory row with its location, rule, count, confidence and example, as the JSON document of the same run" \
	$PY - "$WORK/run.text" "$WORK/run.json" <<'EOF'
import json, re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
doc = json.load(open(sys.argv[2], encoding="utf-8"))
rows = doc["inventory"]
assert len(rows) > 100 and "\x1b" not in "".join(lines), "no colour in a file"
# the groups: a path, its rows, a blank line; the rest after the last
groups, at = [], 0
while lines[at] and not lines[at].startswith(" ") and not lines[at].endswith(":"):
    end = lines.index("", at)
    groups.append((lines[at], lines[at + 1:end]))
    at = end + 1
want = {}
for r in rows:
    want.setdefault(r["file"], []).append(r)
assert [g[0] for g in groups] == list(want), ([g[0] for g in groups][:3], list(want)[:3])
aligned = 0
line_re = re.compile(r"^  (.*?)\s*(\S+)( \([^)]+\))?  +(\d+)  (high|medium|low)(?: +(.*))?$")
for path, got in groups:
    assert len(got) == len(want[path]), (path, got)
    count_end, example_at = set(), set()
    for line, r in zip(got, want[path]):
        m = line_re.match(line)
        assert m, line
        loc = ", ".join(x for x in (r["part"], ".".join(x for x in (r["table"], r["column"]) if x),
                                    r["key"]) if x)
        assert (m[1], m[2], int(m[4]), m[5], m[6] or "") == \
            (loc, r["rule"], r["count"], r["confidence"], r["example"] or ""), (line, r)
        assert bool(m[3]) == bool(r["special"]), (line, r["special"])
        # the columns line up: counts end, and examples start, in one
        # column (a location past 48 characters is let stick out)
        if len(loc) <= 48:
            count_end.add(m.end(4))
            if m[6]:
                example_at.add(m.start(6))
    assert len(count_end) <= 1 and len(example_at) <= 1, (path, got)
    aligned += len(got) > 1 and len(count_end) == 1
assert aligned > 50, aligned
# the Errors rows (the first 20), then the run's figures
errors = doc["errors"]
assert len(errors) > 20, len(errors)
assert lines[at] == "Not read, or read in part:", lines[at]
assert lines[at + 1:at + 21] == ["  %s: %s" % (e["path"], e["reason"]) for e in errors[:20]], \
    lines[at + 1:at + 3]
assert lines[at + 21].startswith("  ... and %d more: " % (len(errors) - 20)), lines[at + 21]
s = doc["summary"]
figures = "%d files seen, %d with personal data, %d findings counted" % (
    s["files_seen"], s["files_with_personal_data"], s["findings"])
assert lines[-2].startswith(figures), (lines[-2], figures)
assert lines[-2].endswith(", %d errors" % len(errors)), lines[-2]
assert lines[-1] == "", "ends with a line break"
EOF

# A small tree with a planted (fake) e-mail address and BSN, a column name
# past ASCII, a name that would move the cursor and colour and reorder a
# terminal's line (ESC, U+009B, U+202E), and a file that cannot be read.
mkdir -p "$WORK/tt/sub"
{
	printf 'naam;e-mail;bsn;t\303\251lefoon\n'
	printf 'Piet Plant;piet.planted@voorbeeld-test.nl;628194821;06-48213957\n'
	printf 'Anna Arm;anna.arm@voorbeeld-test.nl;;06-39571826\n'
} >"$WORK/tt/klanten.csv"
printf 'Beste Piet,\nmijn BSN is 628194821, mail piet.planted@voorbeeld-test.nl\n' \
	>"$WORK/tt/sub/brief.txt"
printf 'PK\003\004broken' >"$WORK/tt/kapot.zip"
printf 'mail anna.arm@voorbeeld-test.nl\n' >"$WORK/tt/sub/$(printf 'x\033[31m\302\233\342\200\256y.txt')"
"$PIISCAN" -q -j 1 --format text -o - "$WORK/tt" >"$WORK/tt.text"
"$PIISCAN" -q -j 1 --show-values --format text -o - "$WORK/tt" >"$WORK/tt-shown.text"
"$PIISCAN" -q -j 1 -o "$WORK/tt.json" "$WORK/tt"
check "text: the planted e-mail address and BSN only masked; in full with --show-values alone" \
	$PY - "$WORK/tt.text" "$WORK/tt-shown.text" <<'EOF'
import sys
masked, shown = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
planted = ["piet.planted@voorbeeld-test.nl", "628194821", "48213957"]
assert not [v for v in planted + ["anna.arm@", "39571826"] if v in masked], masked
assert "p***@v***.nl" in masked and "  *********" in masked, masked
# the check sees the values where they are: the examples are the first
assert all(v in shown for v in planted), shown
EOF
check "text: the columns of a file line up by characters, not bytes (a column t\303\251lefoon)" \
	$PY - "$WORK/tt.text" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
group = text.split("\n\n")[0].split("\n")
assert group[0].endswith("/klanten.csv") and len(group) == 5, group
assert any(l.startswith("  klanten.t\u00e9lefoon  ") for l in group), group
# every rule starts in one column
rules = ("email", "nl_bsn", "person_name", "phone")
at = {l.index(" " + r + " ") for l in group[1:] for r in rules if " " + r + " " in l}
assert len(at) == 1, group
EOF
check "text: a name's control characters escaped (\\x1B, \\u009B, \\u202E), never sent to the terminal" \
	$PY - "$WORK/tt.text" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
assert "/sub/x\\x1B[31m\\u009B\\u202Ey.txt\n" in text, text
assert not any(c in text for c in "\x1b\x9b\u202e"), text
EOF
check "text: the file not read with its reason; the figures are the JSON document's" \
	$PY - "$WORK/tt.text" "$WORK/tt.json" <<'EOF'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
doc = json.load(open(sys.argv[2], encoding="utf-8"))
(e,) = doc["errors"]
assert "  %s: %s" % (e["path"], e["reason"]) in lines, lines
s = doc["summary"]
assert lines[-1] == "%d files seen, %d with personal data, %d findings counted, 1 error" % (
    s["files_seen"], s["files_with_personal_data"], s["findings"]), lines[-1]
EOF

# On a terminal: standard output a pseudo-terminal, as a person runs it.
# on_tty.py OUT VAR=VALUE... -- COMMAND...: COMMAND's standard output, into
# OUT; VAR= (empty) removes VAR from the environment.
cat >"$WORK/on_tty.py" <<'EOF'
import os, pty, subprocess, sys
out, args = sys.argv[1], sys.argv[2:]
sep = args.index("--")
env = dict(os.environ)
for a in args[:sep]:
    k, v = a.split("=", 1)
    if v:
        env[k] = v
    else:
        env.pop(k, None)
m, s = pty.openpty()
p = subprocess.Popen(args[sep + 1:], stdin=subprocess.DEVNULL, stdout=s,
                     stderr=subprocess.DEVNULL, env=env)
os.close(s)
data = b""
while True:
    try:
        chunk = os.read(m, 65536)
    except OSError:  # EIO: the other side is closed
        break
    if not chunk:
        break
    data += chunk
open(out, "wb").write(data.replace(b"\r\n", b"\n"))
sys.exit(p.wait())
EOF
tty_run() {
	_out=$1
	shift
	$PY "$WORK/on_tty.py" "$WORK/$_out" "$@" -- "$PIISCAN" -q -j 1 $tty_args -o - "$WORK/tt"
}
tty_args="" tty_run tty.out TERM=xterm NO_COLOR=
tty_args="" tty_run tty-nocolor.out TERM=xterm NO_COLOR=1
tty_args="" tty_run tty-dumb.out TERM=dumb NO_COLOR=
tty_args="--color never" tty_run tty-never.out TERM=xterm NO_COLOR=
tty_args="--records" tty_run tty-records.out TERM=xterm NO_COLOR=
check "text: -o - on a terminal is the table, paths in bold magenta and counts bold" \
	$PY - "$WORK/tty.out" "$WORK/tt.text" <<'EOF'
import re, sys
tty, plain = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
assert tty.startswith("\x1b[1;35m" + plain.split("\n")[0] + "\x1b[0m\n"), tty[:200]
assert re.search(r"  \x1b\[1m2\x1b\[0m  high", tty), tty
# without its colours, the text of a pipe
assert re.sub(r"\x1b\[[0-9;]*m", "", tty) == plain, (tty, plain)
EOF
check "text: no colour on a terminal with NO_COLOR=1" cmp "$WORK/tty-nocolor.out" "$WORK/tt.text"
check "text: no colour on a terminal with TERM=dumb" cmp "$WORK/tty-dumb.out" "$WORK/tt.text"
check "text: no colour on a terminal with --color never" cmp "$WORK/tty-never.out" "$WORK/tt.text"
check "-o - --records on a terminal: JSON lines all the same (records are for a program)" \
	$PY -c "import json,sys; [json.loads(l) for l in open(sys.argv[1])]; assert open(sys.argv[1]).read(1) == '{'" \
	"$WORK/tty-records.out"
esc=$(printf '\033')
check "text: no escape sequence in a pipe; colour there with --color always" sh -c \
	"! grep -q '$esc' '$WORK/tt.text' &&
	 '$PIISCAN' -q --color always --format text -o - '$WORK/tt' | grep -q '$esc\\[1;35m'"
"$PIISCAN" -q -j 1 -o - "$WORK/tt" >"$WORK/piped.jsonl"
check "-o - into a pipe: still JSON lines, one per finding" \
	$PY - "$WORK/piped.jsonl" "$WORK/tt.json" <<'EOF'
import json, sys
found = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
s = json.load(open(sys.argv[2], encoding="utf-8"))["summary"]
assert found and len(found) == s["findings"] + s["findings_not_counted"], len(found)
assert all(f["value"] and f["rule"] and f["file"] for f in found)
EOF
mkdir "$WORK/cwd"
check "--format text without -o: the table on standard output, no inventory.xlsx" sh -c \
	"cd '$WORK/cwd' && '$PIISCAN' -q -j 1 --format text '$WORK/tt' >'$WORK/alone.text' &&
	 test ! -e inventory.xlsx && cmp '$WORK/alone.text' '$WORK/tt.text'"
"$PIISCAN" -q -j 1 -o "$WORK/named.text" "$WORK/tt"
check "-o NAME.text: the table, chosen by the extension, in a file of mode 0600" sh -c \
	"cmp '$WORK/named.text' '$WORK/tt.text' && test \"\$(stat -c %a '$WORK/named.text')\" = 600"
"$PIISCAN" -q -j 1 --lang nl --format text -o - "$WORK/tt" >"$WORK/nl.text"
check "text: in Dutch with --lang nl" $PY - "$WORK/nl.text" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
assert "  hoog  " in text and "Niet of deels gelezen:" in text, text
assert "bestanden gezien, 3 met persoonsgegevens, " in text and " vondsten geteld, 1 fout" in text
assert "  high  " not in text and "files seen" not in text, text
EOF
expect_2() {
	"$PIISCAN" -q --color sometimes -o - "$WORK/tt" >/dev/null 2>"$WORK/color.err"
	test $? -eq 2 && grep -q "'sometimes' is not auto, always or never" "$WORK/color.err"
}
check "--color: a word other than auto, always or never is a usage error" expect_2

finish
