#!/bin/sh
# A big CSV, NDJSON and SQL dump is parsed by one worker, but its cells,
# packed by the page (1 MiB), are matched by every worker: the findings
# of -j 1 and -j 2 must be the same, finding by finding, and where the
# values were planted (rows, columns, keys, lines as a reader of the
# format of its own, python's csv, json and sqlite3, finds them). What
# needs the whole record still sees it: a lone given name beside an
# e-mail address in its row is high and alone low (CSV, SQL), a word of
# health counts beside someone and is dropped alone, in later pages.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

D="$WORK/big"
mkdir -p "$D"
head -c 32 /dev/zero | tr '\0' 'k' >"$WORK/k.key"

# The files, about 6 MB each (several pages of cells), and what was
# planted where, as the independent readers see it, in $WORK/want.tsv:
# file, rule, value, row, column or key, line.
$PY - "$D" "$WORK/want.tsv" <<'PYEOF'
import csv, json, os, sqlite3, sys
d, want_path = sys.argv[1:3]
ROWS = 80000
# rows (1-based records) of the planted values, spread over the pages
PLANT = [7, 9001, 23456, 41000, 66000, ROWS - 2]
LONE_HIGH, LONE_LOW = 30001, 30002     # "Diana" with and without an e-mail address
SICK_COUNTS, SICK_ALONE = 44001, 44002  # "ziek gemeld" with and without one

def bsn(i):
    # a valid BSN (elfproef) made from i
    base = "%08d" % (10000000 + i * 7919 % 89999999)
    s = sum((9 - k) * int(base[k]) for k in range(8))
    for last in range(10):
        if (s - last) % 11 == 0:
            return base + str(last)
    return bsn(i + 1)

def filler(i):
    return "artikel %d in doos %d, kleur %s" % (i, i % 97, ["rood", "groen", "blauw"][i % 3])

def row(i):
    naam, mail, nr, opm = "product %d" % i, "", "%d" % (i * 13), filler(i)
    if i in PLANT:
        mail, nr = "klant%d@ziggo.nl" % i, bsn(i)
    if i == LONE_HIGH:
        naam, mail = "Diana", "diana%d@kpnmail.nl" % i
    if i == LONE_LOW:
        naam = "Diana"
    if i == SICK_COUNTS:
        mail, opm = "zieke%d@ziggo.nl" % i, "Medewerker heeft zich vanochtend ziek gemeld."
    if i == SICK_ALONE:
        opm = "Medewerker heeft zich vanochtend ziek gemeld."
    # a cell over two lines now and then: lines and records differ
    if i % 1000 == 500:
        opm = "eerste regel\ntweede regel"
    return [str(i), naam, opm, mail, nr]

header = ["id", "naam", "opmerking", "email", "bsn"]
want = []

# CSV: records with a quoted cell over two lines; rows count the header.
p = os.path.join(d, "big.csv")
with open(p, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    for i in range(1, ROWS + 1):
        w.writerow(row(i))
with open(p, newline="") as f:
    r = csv.reader(f)
    line = 1
    for rec_no, rec in enumerate(r, 1):
        start, line = line, r.line_num + 1
        if rec_no == 1:
            continue
        for col, val in zip(header, rec):
            if "@" in val:
                want.append(("big.csv", "email", val, rec_no, col, start))
            elif col == "bsn" and len(val) == 9:
                want.append(("big.csv", "nl_bsn", val, rec_no, col, start))

# NDJSON: one record a line, the planted values in nested keys.
p = os.path.join(d, "big.ndjson")
with open(p, "w") as f:
    for i in range(1, ROWS + 1):
        c = row(i)
        f.write(json.dumps({"id": i, "klant": {"naam": c[1], "email": c[3]},
                            "opmerking": c[2], "nummers": [c[4]]}) + "\n")
with open(p) as f:
    for line_no, text in enumerate(f, 1):
        o = json.loads(text)
        if "@" in o["klant"]["email"]:
            want.append(("big.ndjson", "email", o["klant"]["email"], line_no, "$.klant.email", line_no))
        if len(o["nummers"][0]) == 9:
            want.append(("big.ndjson", "nl_bsn", o["nummers"][0], line_no, "$.nummers[]", line_no))

# SQL: INSERT statements of many rows; the rows as SQLite reads them.
p = os.path.join(d, "big.sql")
with open(p, "w") as f:
    f.write("CREATE TABLE `klant` (`id` int, `naam` text, `opmerking` text, `email` text, `bsn` text);\n")
    for s in range(1, ROWS + 1, 250):
        vals = []
        for i in range(s, min(s + 250, ROWS + 1)):
            vals.append("(" + ",".join("'%s'" % v.replace("'", "''").replace("\n", "\\n") if k else v
                                       for k, v in enumerate(row(i))) + ")")
        f.write("INSERT INTO `klant` VALUES " + ",".join(vals) + ";\n")
db = sqlite3.connect(":memory:")
with open(p) as f:
    db.executescript(f.read())
lines = {}
with open(p) as f:
    for line_no, text in enumerate(f, 1):
        for m in text.split("'")[1::2]:
            if "@" in m:
                lines[m] = line_no
for rowid, mail, nr in db.execute("SELECT rowid, email, bsn FROM klant WHERE email LIKE '%@%' ORDER BY rowid"):
    want.append(("big.sql", "email", mail, rowid, "klant.email", lines[mail]))
    if len(nr) == 9:
        want.append(("big.sql", "nl_bsn", nr, rowid, "klant.bsn", lines[mail]))

with open(want_path, "w") as f:
    for w in sorted(want):
        f.write("\t".join(map(str, w)) + "\n")
PYEOF
check "the generated files span many pages (over 5 MiB each)" \
	sh -c "[ \$(stat -c %s '$D/big.csv') -gt 5242880 ] && [ \$(stat -c %s '$D/big.ndjson') -gt 5242880 ] && [ \$(stat -c %s '$D/big.sql') -gt 5242880 ]"

for j in 1 2 4; do
	"$PIISCAN" -q -j $j --show-values --fingerprint-key-file "$WORK/k.key" \
		-o "$WORK/j$j.jsonl" "$D"
	check "-j $j exits 0" test $? -eq 0
	sort "$WORK/j$j.jsonl" >"$WORK/j$j.sorted"
done
check "-j 2 finds exactly what -j 1 finds (sorted JSON lines)" \
	cmp "$WORK/j1.sorted" "$WORK/j2.sorted"
check "and -j 4 too" cmp "$WORK/j1.sorted" "$WORK/j4.sorted"

# The planted e-mail addresses and BSNs, where the readers found them.
for j in 1 2; do
	$PY - "$WORK/j$j.jsonl" "$D/" >"$WORK/got$j.tsv" <<'PYEOF'
import json, sys
got = []
for l in open(sys.argv[1]):
    f = json.loads(l)
    if f["rule"] not in ("email", "nl_bsn"):
        continue
    if "key" in f:
        where = f["key"]
    elif f["file"].endswith(".sql"):
        where = f["table"] + "." + f["column"]
    else:
        where = f["column"]
    got.append((f["file"].replace(sys.argv[2], ""), f["rule"], f["value"], f["row"], where, f["line"]))
for g in sorted(got):
    print("\t".join(map(str, g)))
PYEOF
	if d=$(diff "$WORK/want.tsv" "$WORK/got$j.tsv"); then
		ok "-j $j: every planted value at its row, column or key and line"
	else
		not_ok "-j $j: every planted value at its row, column or key and line" "$d"
	fi
done
check "the planted values are there in all three files" \
	test "$(cut -f1 "$WORK/want.tsv" | sort -u | wc -l)" -eq 3

# Decisions on a whole record, at -j 2, in handed-over pages of cells.
# confidence FILE ROW RULE: the confidences of RULE's findings in that row
confidence() {
	$PY -c "
import json, sys
print(' '.join(sorted(d['confidence'] for d in map(json.loads, open('$WORK/j2.jsonl'))
      if d['file'].endswith('/$1') and d['row'] == $2 and d['rule'] == '$3')))"
}
for f in big.csv big.ndjson big.sql; do
	# rows of a CSV count its header
	o=0
	[ $f = big.csv ] && o=1
	# (a key of JSON is no column: its names are not held to their row)
	if [ $f != big.ndjson ]; then
		check "$f: a lone given name beside an e-mail address in its row is high" \
			test "$(confidence $f $((30001 + o)) person_name)" = high
		check "$f: alone in its row, low" \
			test "$(confidence $f $((30002 + o)) person_name)" = low
	fi
	check "$f: a word of health beside someone in its record counts" \
		test -n "$(confidence $f $((44001 + o)) health)"
	check "$f: alone in its record it is dropped" \
		test -z "$(confidence $f $((44002 + o)) health)"
done
finish
