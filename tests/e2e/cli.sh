#!/bin/sh
# The command line: options, exit status, messages, output files.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

# expect_exit NAME STATUS PATTERN COMMAND...: exit status and a one-line
# message on stderr that matches PATTERN.
expect_exit() {
	name=$1 want=$2 pattern=$3
	shift 3
	"$@" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	lines=$(wc -l <"$WORK/err")
	if [ $rc -eq "$want" ] && grep -q -- "$pattern" "$WORK/err" "$WORK/out" &&
		{ [ "$want" -eq 0 ] || [ "$lines" -eq 1 ]; }; then
		ok "$name"
	else
		not_ok "$name" "exit $rc (want $want), stderr: $(cat "$WORK/err")"
	fi
}

expect_exit "--version" 0 "^piiscan [0-9]" "$PIISCAN" --version
expect_exit "--help" 0 "Usage: piiscan" "$PIISCAN" --help
expect_exit "unknown option" 2 "unknown option '--frobnicate'" "$PIISCAN" --frobnicate fixtures
expect_exit "no path" 2 "no PATH" "$PIISCAN"
expect_exit "missing path" 2 "cannot scan 'no/such/dir'" "$PIISCAN" -o "$WORK/x.xlsx" no/such/dir
expect_exit "bad thread count" 2 "threads" "$PIISCAN" -j 0 fixtures
expect_exit "bad size" 2 "max-filesize" "$PIISCAN" --max-filesize lots fixtures
expect_exit "unknown output format" 2 "cannot tell the format" "$PIISCAN" -o "$WORK/out.pdf" fixtures
"$PIISCAN" -q -o "$WORK/r.json" fixtures/share
check ".json is one JSON document (not JSON lines, #18)" \
	$PY -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(not d['inventory'])" "$WORK/r.json"
expect_exit "unknown pack" 2 "unknown rule pack 'xx'" "$PIISCAN" --packs core,xx fixtures
expect_exit "output in a missing folder" 2 "cannot write" "$PIISCAN" -o "$WORK/nope/x.xlsx" fixtures
printf 'pack: mine\nrules:\n  - id: r1\n    category: c\n    pattern: x\n    validate: nope\n' >"$WORK/bad.yaml"
expect_exit "broken rule file names file and line" 2 "bad.yaml:3: rule 'r1': unknown validator 'nope'" \
	"$PIISCAN" --rules "$WORK/bad.yaml" fixtures

# --list-rules, --packs and --rules
"$PIISCAN" --list-rules >"$WORK/rules.txt"
check "--list-rules lists core and nl rules" sh -c "grep -q '^core *- *email ' '$WORK/rules.txt' && grep -q '^nl *NL *nl_bsn ' '$WORK/rules.txt'"
"$PIISCAN" --list-rules --format json >"$WORK/rules.json"
check "--list-rules --format json: a JSON array, one object per rule with its fields" $PY - "$WORK/rules.json" <<'EOF'
import json, sys
rules = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(rules, list) and len(rules) > 30, type(rules)
ids = [r["id"] for r in rules]
assert len(set(ids)) == len(ids), "ids twice"
for r in rules:
    for key in ("id", "name", "pack", "category", "report_as", "confidence", "pattern", "source"):
        assert isinstance(r[key], str) and r[key], (r["id"], key)
    assert isinstance(r["require_context"], bool) and isinstance(r["context"], list), r["id"]
bsn = next(r for r in rules if r["id"] == "nl_bsn")
assert (bsn["pack"], bsn["country"], bsn["validate"], bsn["category"]) == ("nl", "NL", "elfproef", "national_id"), bsn
assert next(r for r in rules if r["id"] == "email")["country"] is None
assert bsn["source"].startswith("nl.yaml:"), bsn["source"]
assert next(r for r in rules if r["id"] == "health")["special"] == "art9"
EOF
check "--list-rules: columns aligned to the widest value, the same rules as the JSON" \
	$PY - "$WORK/rules.txt" "$WORK/rules.json" <<'EOF'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
rules = json.load(open(sys.argv[2], encoding="utf-8"))
header = lines[0]
names = ["PACK", "COUNTRY", "RULE", "REPORTED AS", "CATEGORY", "VALIDATOR", "CONFIDENCE", "NAME"]
starts = [header.index(n) for n in names]
assert header.split() == " ".join(names).split(), header
assert len(lines) == len(rules) + 1, (len(lines), len(rules))
for line, r in zip(lines[1:], rules):
    cells = [line[a:b] for a, b in zip(starts, starts[1:] + [None])]
    want = [r["pack"], r["country"] or "-", r["id"], r["report_as"], r["category"], r["validate"] or "-",
            "context" if r["require_context"] else r["confidence"], r["name"]]
    # each value starts at its column and leaves a space before the next
    assert [c.rstrip() for c in cells] == want, (line, want)
    assert all(c.endswith(" ") for c in cells[:-1]), line
# aligned to the widest: the widest value of each column fills it but one space
for c in range(len(names) - 1):
    width = starts[c + 1] - starts[c] - 1
    assert max(len(l[starts[c]:starts[c + 1]].rstrip()) for l in lines) == width, names[c]
EOF
check "--list-rules --packs core --format json: the core pack alone" sh -c \
	"'$PIISCAN' --packs core --list-rules --format json | $PY -c 'import json,sys; assert {r[\"pack\"] for r in json.load(sys.stdin)} == {\"core\"}'"
expect_exit "--list-rules --format: text or json" 2 "is not text or json" "$PIISCAN" --list-rules --format csv
"$PIISCAN" --packs core --list-rules >"$WORK/core.txt"
check_fails "--packs core leaves nl out" grep -q nl_bsn "$WORK/core.txt"
mkdir -p "$WORK/myrules"
cat >"$WORK/myrules/staff.yaml" <<'YAML'
pack: acme
rules:
  - id: acme_staff_id
    name: ACME staff number
    category: employee_id
    pattern: '\bACME-\d{6}\b'
    confidence: high
    examples:
      match: ['badge ACME-004211']
YAML
mkdir -p "$WORK/tree"
printf 'Pass for ACME-004211 issued to j.devries@ziggo.nl\n' >"$WORK/tree/pass.txt"
"$PIISCAN" -q --rules "$WORK/myrules" --show-values -o "$WORK/custom.jsonl" "$WORK/tree"
check "a rule from --rules finds its value" grep -q '"rule":"acme_staff_id","category":"employee_id","value":"ACME-004211"' "$WORK/custom.jsonl"
check "shipped packs still run next to --rules" grep -q '"rule":"email"' "$WORK/custom.jsonl"
"$PIISCAN" -q --packs '' --rules "$WORK/myrules" -o "$WORK/only.jsonl" "$WORK/tree"
check "--packs '' runs only the extra rules" sh -c "grep -q acme '$WORK/only.jsonl' && ! grep -q email '$WORK/only.jsonl'"

# Where the shipped packs are found: never a stray "rules" folder near a
# copy of the binary (here with a bogus pack beside the real ones).
R="$WORK/rulesdirs"
mkdir -p "$R/stray/rules" "$R/up/bin" "$R/up/rules" "$R/inst/bin/rules" "$R/inst/share/piiscan"
printf 'pack: bogus\nrules:\n  - id: bogus_rule\n    category: c\n    pattern: bogus\n' >"$R/bogus.yaml"
cp rules/*.yaml "$R/bogus.yaml" "$R/stray/rules/"
cp rules/*.yaml "$R/bogus.yaml" "$R/up/rules/"
cp "$R/bogus.yaml" "$R/inst/bin/rules/"
cp "$PIISCAN" "$R/stray/" && cp "$PIISCAN" "$R/up/bin/" && cp "$PIISCAN" "$R/inst/bin/"
cp -r rules "$R/inst/share/piiscan/"
for bin in stray/piiscan up/bin/piiscan; do
	# found nothing (exit 2), or an installed piiscan's packs: not these
	env -u PIISCAN_RULES_DIR "$R/$bin" --list-rules >"$R/out" 2>"$R/err"
	check "a copied binary ($bin) ignores the stray rules folder near it" sh -c \
		"! grep -q bogus '$R/out' '$R/err' && { test -s '$R/out' || grep -q 'cannot find the shipped rule packs' '$R/err'; }"
done
env -u PIISCAN_RULES_DIR "$R/inst/bin/piiscan" --list-rules >"$R/out" 2>"$R/err"
check "an installed tree anywhere (bin/, share/piiscan/rules) finds its packs, not bin/rules" sh -c \
	"grep -q '^core *- *email ' '$R/out' && ! grep -q bogus '$R/out' && test ! -s '$R/err'"
check "the source tree's build finds the tree's packs" sh -c \
	"env -u PIISCAN_RULES_DIR '$PIISCAN' --list-rules --format json | grep -q '\"source\":\"core.yaml:'"
mkdir -p "$R/nocore" && cp rules/nl.yaml "$R/nocore/"
PIISCAN_RULES_DIR="$R/nocore" "$PIISCAN" --list-rules >"$R/out" 2>"$R/err"
check "a rules folder without the core pack: a warning that says so, and where" sh -c \
	"test $? -eq 0 && grep -q 'nl_bsn' '$R/out' &&
	 grep -q 'the core rule pack is missing from $R/nocore' '$R/err' && test \$(wc -l <'$R/err') -eq 1"
PIISCAN_RULES_DIR="$R/nocore" "$PIISCAN" --packs nl --list-rules >"$R/out" 2>"$R/err"
check "no warning when --packs leaves core out" sh -c "grep -q nl_bsn '$R/out' && test ! -s '$R/err'"

# Output files: private, complete, nothing left behind.
rm -rf "$WORK/outdir" && mkdir "$WORK/outdir"
"$PIISCAN" -q -o "$WORK/outdir/inv.xlsx" -o "$WORK/outdir/inv.jsonl" -o "$WORK/outdir/inv.csv" fixtures
check "outputs are mode 0600" sh -c "[ \$(stat -c %a '$WORK/outdir/inv.xlsx' '$WORK/outdir/inv.jsonl' '$WORK/outdir/inv.csv' | sort -u) = 600 ]"
check "no temporary files are left" test "$(ls -A "$WORK/outdir" | wc -l)" -eq 3
check "--format applies to a name without extension" sh -c "'$PIISCAN' -q --format csv -o '$WORK/outdir/report.out' fixtures/notes && head -1 '$WORK/outdir/report.out' | grep -q '^file,'"
check "jsonl to standard output" sh -c "'$PIISCAN' -q -o - fixtures/notes | $PY -c 'import json,sys; [json.loads(l) for l in sys.stdin]'"
echo "previous inventory" >"$WORK/outdir/keep.jsonl"
"$PIISCAN" -q -o "$WORK/outdir/keep.jsonl" -o "$WORK/outdir/nope/x.csv" fixtures 2>/dev/null
check "a failed run leaves an existing inventory untouched" grep -qx "previous inventory" "$WORK/outdir/keep.jsonl"
check "xlsx cells are values, never formulas" $PY tests/e2e/check_xlsx.py cells "$WORK/outdir/inv.xlsx"

# Progress: counts only, on stderr; a final line when it is a log.
"$PIISCAN" --progress -o "$WORK/pr.xlsx" fixtures 2>"$WORK/progress.txt"
nfix=$(find fixtures -type f | wc -l)
check "--progress writes counts, and the OCR pages, to stderr" \
	grep -Eq "^piiscan: $nfix/$nfix files, .* MB/s, [0-9]+ OCR pages\$" "$WORK/progress.txt"
check_fails "progress and summary name no path or value" grep -qE 'fixtures/|@|[0-9]{9}' "$WORK/progress.txt"
"$PIISCAN" -o "$WORK/pq.xlsx" fixtures 2>"$WORK/noprogress.txt"
check_fails "no progress line in a log for a short scan (one a minute)" grep -q 'MB/s' "$WORK/noprogress.txt"

# --max-findings caps the Findings sheet, and the summary says so.
# (fixtures/images left out: images.sh checks what OCR reads there)
"$PIISCAN" -q --exclude images --exclude national --max-findings 5 -o "$WORK/cap.xlsx" fixtures
check "--max-findings caps the Findings sheet" $PY -c '
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
rows = [r for r in wb["Findings"].iter_rows(values_only=True) if r[0]]
s = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r[0]}
assert len(rows) == 6, rows
want = [l.split("\t") for l in open(sys.argv[2]) if not l.startswith("#")]
n = len(want)
counted = sum(1 for w in want if w[3] != "low")
assert s["Findings"] == counted and s["Findings sheet lists"].startswith(f"first 5 of {n}"), s
' "$WORK/cap.xlsx" tests/golden/fixtures.tsv

# --min-confidence: what the totals count; every finding stays listed.
for level in low high; do
	"$PIISCAN" -q --exclude images --exclude national --min-confidence $level -o "$WORK/conf-$level.xlsx" fixtures
	check "--min-confidence $level: the summary counts the findings of that level and above" $PY -c '
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
s = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r[0]}
want = [l.split("\t") for l in open(sys.argv[2]) if not l.startswith("#")]
levels = {"low": ("low", "medium", "high"), "high": ("high",)}[sys.argv[3]]
counted = sum(1 for w in want if w[3] in levels)
assert s["Findings"] == counted, (s["Findings"], counted)
assert s["Findings sheet lists"] == f"all {len(want)}", s
assert ("Findings of lower confidence (listed, not counted)" in s) == (sys.argv[3] != "low"), s
head, *inventory = wb["Inventory"].iter_rows(values_only=True)
assert any(r[head.index("Confidence")] == "low" for r in inventory), "low rows are listed"
' "$WORK/conf-$level.xlsx" tests/golden/fixtures.tsv $level
done
check_fails "--min-confidence: only high, medium or low" "$PIISCAN" -q --min-confidence sure -o "$WORK/x.xlsx" fixtures

# --export-patterns: the rules that need no context word, no lookaround.
"$PIISCAN" --export-patterns >"$WORK/patterns.txt"
# e-mail (plain and "(at)"), international phone, IPv4, IPv6, IBAN, card,
# BSN, postcode, the phone numbers of NL, BE, DE, FR, UK and US and the
# machine-readable zone of an identity document, and the national
# identifiers with a shape of their own (the Belgian card's register or
# BIS number, NIE, HETU, NIR, PPSN, codice fiscale, personnummer, NINO);
# a role's mailbox and a private address, a BIS number and a register
# number have the same pattern as the others: one line each.
check "--export-patterns: one line per pattern of a rule that needs no context word (24 shipped)" \
	test "$(wc -l <"$WORK/patterns.txt")" -eq 24
check_fails "--export-patterns: no lookaround left" grep -q '(?<\|(?=\|(?!' "$WORK/patterns.txt"
check_fails "--export-patterns: names and birthdays left out" grep -q 'januari\|p{Lu}' "$WORK/patterns.txt"

# The progress bar on a terminal of 80 columns (a pseudo-terminal made by
# script(1)): no line is wider than 79, so none wraps.
if command -v script >/dev/null 2>&1; then
	script -qc "stty cols 80; '$PIISCAN' --progress -j 1 -o '$WORK/pty.xlsx' fixtures" \
		"$WORK/pty.log" >/dev/null 2>&1
	check "progress bar: fits 80 columns" $PY - "$WORK/pty.log" <<'EOF'
import re, sys
t = re.sub(r"\x1b\[K", "", open(sys.argv[1], "rb").read().decode("utf-8", "replace"))
lines = [s for l in t.split("\n") for s in l.split("\r") if s.startswith("piiscan: [")]
assert lines, "no progress bar drawn"
assert max(len(s) for s in lines) <= 79, max(lines, key=len)
EOF
fi

# Counts in words: one file, one thread, one rule, no "1 files".
mkdir -p "$WORK/one" && printf 'BSN 111222333\n' >"$WORK/one/a.txt"
"$PIISCAN" -j 1 --packs '' --rules rules/nl.yaml -o "$WORK/one.jsonl" "$WORK/one" 2>"$WORK/one.err"
check "singular counts: 1 path, 1 thread, 1 file, 1 finding" sh -c \
	"grep -q 'scanning 1 path with 1 thread and ' '$WORK/one.err' &&
	 grep -q '1 file (.* MB) in .* s, all read whole; 1 finding in 1 file' '$WORK/one.err' &&
	 ! grep -qE '(^|[^0-9])1 (files|findings|threads|paths|rules)' '$WORK/one.err'"

# The default output name.
mkdir -p "$WORK/cwd" && (cd "$WORK/cwd" && "$PIISCAN" -q "$ROOT/fixtures/notes")
check "default output is inventory.xlsx" test -s "$WORK/cwd/inventory.xlsx"
# A breach report or a data map alone has a name of its own: the full
# inventory beside it stays as it was.
cp "$WORK/cwd/inventory.xlsx" "$WORK/full.xlsx"
(cd "$WORK/cwd" && "$PIISCAN" -q --breach-report "$ROOT/fixtures/notes" &&
	"$PIISCAN" -q --data-map-only "$ROOT/fixtures/notes")
day=$(date +%Y-%m-%d)
check "--breach-report without -o: breach-DATE.xlsx and .txt" \
	test -s "$WORK/cwd/breach-$day.xlsx" -a -s "$WORK/cwd/breach-$day.txt"
# and the text on the terminal too (unless -q), the same as the .txt
(cd "$WORK/cwd" && "$PIISCAN" --breach-report "$ROOT/fixtures/notes" >"$WORK/breach.out" 2>/dev/null)
check "--breach-report without -o prints the breach summary" sh -c \
	"grep -q '^PERSONAL DATA BREACH' '$WORK/breach.out' &&
	 grep -v '^On:' '$WORK/breach.out' >'$WORK/breach.a' &&
	 grep -v '^On:' '$WORK/cwd/breach-$day.txt' >'$WORK/breach.b' && cmp '$WORK/breach.a' '$WORK/breach.b'"
"$PIISCAN" -q --breach-report -o - "$ROOT/fixtures/notes" >"$WORK/breach-stdout.out"
check "--breach-report -o -: the text on standard output" \
	grep -q '^Files examined: ' "$WORK/breach-stdout.out"
check "--data-map-only without -o: data-map.xlsx" test -s "$WORK/cwd/data-map.xlsx"
check "and inventory.xlsx is left as it was" cmp -s "$WORK/full.xlsx" "$WORK/cwd/inventory.xlsx"
# An output that is no regular file is written to, never replaced: a
# temporary file renamed over /dev/null would put a file in its place.
check "-o /dev/null --format jsonl: the scan runs" \
	"$PIISCAN" -q -j 1 --format jsonl -o /dev/null fixtures/logs
check "and /dev/null is still a character device" test -c /dev/null
mkfifo "$WORK/out.fifo"
timeout 120 cat "$WORK/out.fifo" >"$WORK/fifo.jsonl" &
reader=$!
"$PIISCAN" -q -j 1 --format jsonl -o "$WORK/out.fifo" fixtures/logs
rc=$?
wait $reader
check "-o FIFO: the findings come through it" sh -c "test $rc -eq 0 && grep -q '\"rule\"' '$WORK/fifo.jsonl'"
check "and the FIFO is still a FIFO" test -p "$WORK/out.fifo"
mkfifo "$WORK/book.xlsx"
check_fails "a workbook to a FIFO is refused (libxlsxwriter writes by name)" \
	"$PIISCAN" -q -j 1 -o "$WORK/book.xlsx" fixtures/logs

# Rule switches (#18): --disable drops rules by id, report name,
# category or pack; --enable keeps only the ones it names.
"$PIISCAN" -q -o "$WORK/sw-all.jsonl" fixtures/share
"$PIISCAN" -q --disable nl_bsn,special_category -o "$WORK/sw-off.jsonl" -o "$WORK/sw-off.xlsx" \
	fixtures/share
"$PIISCAN" -q --enable contact -o "$WORK/sw-on.jsonl" fixtures/share
check "--disable: those findings gone, every other one kept" $PY - "$WORK/sw-all.jsonl" \
	"$WORK/sw-off.jsonl" "$WORK/sw-off.xlsx" <<'PYEOF'
import json, sys, openpyxl
rows = lambda p: [json.loads(l) for l in open(p)]
key = lambda f: (f["file"], f["rule"], f["offset"])
every, off = rows(sys.argv[1]), rows(sys.argv[2])
dropped = [f for f in every if f["rule"] == "nl_bsn" or f["category"] == "special_category"]
assert dropped and any(f["rule"] == "nl_bsn" for f in dropped), "the fixture has both"
assert sorted(map(key, off)) == sorted(key(f) for f in every if f not in dropped), "others changed"
rules = [r[2] for r in openpyxl.load_workbook(sys.argv[3])["Rules"].iter_rows(values_only=True)]
assert "nl_bsn" not in rules and "health" not in rules and "email" in rules, rules
PYEOF
check "--enable contact: contact details only" $PY -c "
import json, sys
cats = {json.loads(l)['category'] for l in open(sys.argv[1])}
assert cats == {'contact'}, cats" "$WORK/sw-on.jsonl"
check_fails "--disable with a name no rule has is refused" \
	"$PIISCAN" -q --disable no_such_rule -o "$WORK/sw-x.jsonl" fixtures/share
check "and says which name, where to look" sh -c \
	"'$PIISCAN' -q --disable no_such_rule fixtures/share 2>&1 |
	 grep -q \"^piiscan: --disable: 'no_such_rule' is no rule id, report name, category or pack loaded\""
check_fails "--enable and --disable leaving no rule is refused" \
	"$PIISCAN" -q --enable nl --disable nl -o "$WORK/sw-x.jsonl" fixtures/share
printf 'disable:\n  - nl_bsn\n  - special_category\n' >"$WORK/sw.yaml"
"$PIISCAN" -q --config "$WORK/sw.yaml" -o "$WORK/sw-cfg.jsonl" fixtures/share
check "disable: in the configuration, as a list" $PY -c "
import json, sys
found = lambda p: sorted((f['file'], f['rule'], f['offset']) for f in map(json.loads, open(p)))
assert found(sys.argv[1]) == found(sys.argv[2])" "$WORK/sw-cfg.jsonl" "$WORK/sw-off.jsonl"
# another choice of rules is other settings: --state reads every file again
"$PIISCAN" -q --state "$WORK/sw.db" -o "$WORK/sw-s1.xlsx" fixtures/share
"$PIISCAN" -q --state "$WORK/sw.db" --disable nl_bsn -o "$WORK/sw-s2.xlsx" fixtures/share
check "--disable with --state: nothing carried over from a run with other rules" \
	test "$(summary "$WORK/sw-s2.xlsx" "Files carried over (unchanged)")" = 0

finish
