#!/bin/sh
# SQLite databases: every finding where it was planted (table, column,
# row in the table's own order) and the inventory's counts per column,
# both against what python3's sqlite3 reads back, not against an earlier
# run; a large database stops at --file-timeout and on SIGINT as a text
# file does, with its Errors row and the findings so far.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2
CHECK="$PY tests/e2e/check_sqlite.py"

# Made-up customers, sessions (WITHOUT ROWID, inserted out of key order),
# a log under a quoted name, attachments as text and binary blobs, an
# empty table and a view; rows inserted out of rowid order.
$CHECK make "$WORK/crm.db" "$WORK/planted.json"
head -c 32 /dev/zero | tr '\0' 'k' >"$WORK/k.key"
KEY="--fingerprint-key-file $WORK/k.key"
"$PIISCAN" -q -j 2 $KEY --show-values -o "$WORK/crm.jsonl" -o "$WORK/crm.json" "$WORK/crm.db"
check "planted values: exit 0" test $? -eq 0
check "every finding where it was planted, counts per column as read back" \
	$CHECK check "$WORK/crm.db" "$WORK/planted.json" "$WORK/crm.jsonl" "$WORK/crm.json"
# the same database inside a zip is read from memory: the same findings
mkdir "$WORK/z" && cp "$WORK/crm.db" "$WORK/z/" && (cd "$WORK/z" && $PY -m zipfile -c ../crm.zip crm.db)
"$PIISCAN" -q -j 2 $KEY --show-values -o "$WORK/zip.jsonl" "$WORK/crm.zip"
check "inside a zip: the same findings" sh -c "
	sed 's/\"file\":\"[^\"]*\",//' '$WORK/crm.jsonl' | sort >'$WORK/a.txt'
	sed 's/\"file\":\"[^\"]*\",//' '$WORK/zip.jsonl' | sort >'$WORK/b.txt'
	test -s '$WORK/a.txt' && cmp -s '$WORK/a.txt' '$WORK/b.txt'"
# sqlite:///PATH, as the live databases are named: the file itself
"$PIISCAN" -q -j 2 $KEY --show-values -o "$WORK/url.jsonl" "sqlite://$WORK/crm.db"
check "sqlite:///PATH: the findings of the file, located by its path" sh -c "
	sort '$WORK/crm.jsonl' >'$WORK/c.txt' && sort '$WORK/url.jsonl' >'$WORK/u.txt' &&
	test -s '$WORK/c.txt' && cmp -s '$WORK/c.txt' '$WORK/u.txt'"

# A large database dense with personal data: 3.5 million customers, some
# 390 MB, about 37 s to read whole on the 2-core machine in 2025 (more
# under a sanitizer). The bounds below are for stopping, not for speed:
# 20 s, where the whole file would take longer.
$CHECK big "$WORK/big.db" 3500000

# errors_row DOC PATH CODE STATUS: the JSON document has that Errors row.
errors_row() {
	$PY - "$@" <<'EOF'
import json, sys
doc, path, code, status = sys.argv[1:5]
rows = [e for e in json.load(open(doc))["errors"] if e["path"].endswith(path)]
if [(e["code"], e["status"]) for e in rows] != [(code, status)]:
    sys.exit(f"errors rows of {path}: {rows}")
EOF
}

# kept DOC PATH: findings of PATH are in the inventory, not all of them.
kept() {
	$PY - "$@" <<'EOF'
import json, sys
doc, path = sys.argv[1:3]
n = {r["column"]: r["count"] for r in json.load(open(doc))["inventory"]
     if r["file"].endswith(path) and r["rule"] == "email"}
if not 0 < n.get("email", 0) < 3500000:
    sys.exit(f"e-mail addresses of {path} in the inventory: {n}")
EOF
}

timeout 20 "$PIISCAN" -q -j 1 --file-timeout 1 --max-findings 1000 -o "$WORK/to.xlsx" \
	-o "$WORK/to.json" "$WORK/big.db" "$WORK/crm.db"
check "--file-timeout 1: the scan completes within 20 s (exit 0)" test $? -eq 0
check "--file-timeout 1: an Errors row, timeout, read in part" \
	errors_row "$WORK/to.json" big.db timeout partial
check "--file-timeout 1: the same row in the workbook" \
	$PY tests/e2e/check_xlsx.py error "$WORK/to.xlsx" big.db partial "timeout: not read to the end in 1 s"
check "--file-timeout 1: the findings so far are kept" kept "$WORK/to.json" big.db
check "--file-timeout 1: the next file is read whole, as alone" $PY -c "
import json, sys
def rows(doc):
    return sorted((r['table'], r['column'], r['rule'], r['count'], r['rows_with'], r['rows'])
                  for r in json.load(open(doc))['inventory'] if r['file'].endswith('crm.db'))
doc = json.load(open('$WORK/to.json'))
sys.exit(any(e['path'].endswith('crm.db') for e in doc['errors']) or
         not rows('$WORK/to.json') or rows('$WORK/to.json') != rows('$WORK/crm.json'))"

# SIGINT while the database is read: exit 3, the inventory written, the
# file listed as interrupted with what was found before.
"$PIISCAN" -q -j 1 --max-findings 1000 -o "$WORK/int.xlsx" -o "$WORK/int.json" "$WORK/big.db" \
	2>"$WORK/int.err" &
pid=$!
wait_open $pid big.db
sleep 1
kill -INT $pid
i=0
while [ $i -lt 200 ] && kill -0 $pid 2>/dev/null; do
	sleep 0.1
	i=$((i + 1))
done
check "SIGINT: piiscan ends within 20 s" sh -c "! kill -0 $pid 2>/dev/null"
kill -KILL $pid 2>/dev/null
wait $pid
rc=$?
check "SIGINT: exit status 3 (incomplete)" test $rc -eq 3
check "SIGINT: an Errors row, interrupted, read in part" \
	errors_row "$WORK/int.json" big.db interrupted partial
check "SIGINT: the workbook is written, with the same row" \
	$PY tests/e2e/check_xlsx.py error "$WORK/int.xlsx" big.db partial "scan interrupted (SIGINT)"
check "SIGINT: the findings so far are kept" kept "$WORK/int.json" big.db
check "SIGINT: stderr says so" grep -q "interrupted (SIGINT): the inventory is incomplete" "$WORK/int.err"
finish
