#!/bin/sh
# Tables: the inventory's rows per table x column x rule with their row
# counts; SQLite files are never written; large NDJSON and SQL files
# stream through bounded memory.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2
D=fixtures/dumps

# inventory_row BOOK FILE TABLE COLUMN RULE COUNT ROWS ROWS_WITH: the row
# for that location and rule has these counts and share.
inventory_row() {
	$PY - "$@" <<'EOF'
import sys, openpyxl
book, path, table, column, rule, count, rows, with_ = sys.argv[1:9]
ws = openpyxl.load_workbook(book)["Inventory"]
data = list(ws.iter_rows(values_only=True))
h = {name: i for i, name in enumerate(data[0])}
for r in data[1:]:
    if (r[h["File"]].endswith(path) and r[h["Table / sheet"]] == table and
            r[h["Column"]] == column and r[h["Rule"]] == rule):
        got = (r[h["Count"]], r[h["Rows"]], r[h["Rows with it"]], r[h["Share of rows"]])
        want = (int(count), int(rows), int(with_), int(with_) / int(rows))
        if got[:3] != want[:3] or abs(got[3] - want[3]) > 1e-9:
            sys.exit(f"{path} {table}.{column} {rule}: {got}, want {want}")
        sys.exit(0)
sys.exit(f"no inventory row for {path} {table}.{column} {rule}")
EOF
}

"$PIISCAN" -q -o "$WORK/t.xlsx" "$D" fixtures/exports
check "mysqldump: customers.email, 5 of 5 rows" \
	inventory_row "$WORK/t.xlsx" webshop-mysqldump.sql customers email email 5 5 5
check "mysqldump: customers.notes, a BSN in 1 of 5 rows (a free-text column)" \
	inventory_row "$WORK/t.xlsx" webshop-mysqldump.sql customers notes nl_bsn 1 5 1
check "mysqldump: orders.shipping_address, postcodes in 2 of 4 rows" \
	inventory_row "$WORK/t.xlsx" webshop-mysqldump.sql orders shipping_address nl_postcode 2 4 2
check "pg_dump COPY: employees.geboortedatum, 2 of 3 rows" \
	inventory_row "$WORK/t.xlsx" hr-pg_dump.sql employees geboortedatum date_of_birth 2 3 2
check "pg_dump --column-inserts: employees.bsn, 2 of 3 rows" \
	inventory_row "$WORK/t.xlsx" hr-column-inserts.sql employees bsn nl_bsn 2 3 2
check "sqlite: contacts.telefoon, 3 of 3 rows" \
	inventory_row "$WORK/t.xlsx" crm.sqlite contacts telefoon phone 3 3 3
check "csv: klanten-export.email, 4 of 4 rows" \
	inventory_row "$WORK/t.xlsx" klanten-export.csv klanten-export email email 4 4 4
check "ndjson: a table of 3 records" $PY -c "
import openpyxl, sys
ws = openpyxl.load_workbook('$WORK/t.xlsx')['Inventory']
data = list(ws.iter_rows(values_only=True)); h = {n: i for i, n in enumerate(data[0])}
rows = [r for r in data[1:] if r[h['File']].endswith('klanten-mongoexport.ndjson') and r[h['Key']] == '\$.contact.email']
sys.exit(not (len(rows) == 1 and rows[0][h['Rows']] == 3 and rows[0][h['Rows with it']] == 3))"
check "csv output has the row counts" \
	sh -c "'$PIISCAN' -q -o - --format csv '$D/crm.sqlite' | grep -q '^$D/crm.sqlite,contacts,telefoon,,,phone,contact,high,3,3,3,3,'"

# SQLite: read-only and immutable: the file is unchanged, no journal or
# WAL file appears, even in a folder the scanner could write to.
mkdir "$WORK/db" && cp "$D/crm.sqlite" "$WORK/db/"
before=$(sha256sum "$WORK/db/crm.sqlite")
"$PIISCAN" -q -o "$WORK/db.jsonl" "$WORK/db/crm.sqlite"
check "sqlite: the database file is unchanged" test "$(sha256sum "$WORK/db/crm.sqlite")" = "$before"
check "sqlite: no journal, WAL or shm file" test "$(ls "$WORK/db")" = "crm.sqlite"
check "sqlite: findings" test "$(wc -l <"$WORK/db.jsonl")" -eq 13
# A damaged database: a row in the errors sheet, the scan goes on.
head -c 2048 "$D/crm.sqlite" >"$WORK/db/kapot.sqlite"
"$PIISCAN" -q -o "$WORK/dbk.xlsx" "$WORK/db/kapot.sqlite" fixtures/exports/profiel.json
check "damaged sqlite: exit 0" test $? -eq 0
check "damaged sqlite: errors row" \
	$PY tests/e2e/check_xlsx.py error "$WORK/dbk.xlsx" kapot.sqlite failed \
	"not readable as an SQLite database: database disk image is malformed"
check "damaged sqlite: the next file is still scanned" \
	$PY -c "import openpyxl,sys; sys.exit(not any(r[0].endswith('profiel.json') for r in openpyxl.load_workbook('$WORK/dbk.xlsx')['Inventory'].iter_rows(min_row=2, values_only=True)))"

# A pg_dump custom archive: the hint to convert it.
"$PIISCAN" -q -o "$WORK/fc.xlsx" "$D/hr.dump"
check "pg_dump -Fc: skipped with the pg_restore hint" \
	$PY tests/e2e/check_xlsx.py error "$WORK/fc.xlsx" hr.dump skipped "pg_restore -f dump.sql"

# Large files stream: a 300 MB NDJSON file and a 300 MB dump of one
# extended INSERT per 1000 rows, under a 200 MiB address-space cap (not
# under ASan, which reserves terabytes).
# One word under a column "Name" is a person's name only beside another
# identifying cell of its row (an e-mail address, a family name): a table
# of hosts or settings named "Diana" and "Arthur" is not a list of people.
mkdir "$WORK/rows"
printf 'Name,Value\nDiana,10\nArthur,20\n' >"$WORK/rows/settings.csv"
printf 'Name,Email\nDiana,diana.smit@ziggo.nl\nArthur,\n' >"$WORK/rows/contacts.csv"
printf 'Voornaam,Achternaam\nDiana,Smit\n' >"$WORK/rows/namen.csv"
printf 'Name,Value\nDiana Smit,10\n' >"$WORK/rows/full.csv"
"$PIISCAN" -q -j 1 --show-values -o "$WORK/rows.jsonl" "$WORK/rows"
# name_confidence FILE VALUE: the confidence of that person_name finding
name_confidence() {
	$PY -c "
import json, sys
for l in open('$WORK/rows.jsonl'):
    d = json.loads(l)
    if d.get('rule') == 'person_name' and d['file'].endswith('/$1') and d['value'] == '$2':
        print(d['confidence'])"
}
check "a lone given name in a table of settings is low" test "$(name_confidence settings.csv Diana)" = low
check "and the other one too" test "$(name_confidence settings.csv Arthur)" = low
check "beside an e-mail address in its row it is high" test "$(name_confidence contacts.csv Diana)" = high
check "in a row without one, of the same file, low" test "$(name_confidence contacts.csv Arthur)" = low
check "beside a family name in its row, high" test "$(name_confidence namen.csv Diana)" = high
check "a given and a family name in one cell, high" test "$(name_confidence full.csv 'Diana Smit')" = high
"$PIISCAN" -q -j 1 -o "$WORK/rows.xlsx" "$WORK/rows"
check "the lone names are listed, not counted" $PY -c "
import openpyxl, sys
ws = openpyxl.load_workbook('$WORK/rows.xlsx')['Inventory']
data = list(ws.iter_rows(values_only=True)); h = {n: i for i, n in enumerate(data[0])}
rows = [r for r in data[1:] if r[h['File']].endswith('settings.csv')]
sys.exit(not (rows and all(r[h['Confidence']] == 'low' for r in rows)))"

case $BUILD in
*san*) echo "skip - address-space caps under a sanitizer" ;;
*)
	$PY - "$WORK/big.ndjson" "$WORK/big.sql" <<'EOF'
import sys
rec = '{"naam":"Jan de Vries","email":"j.devries@ziggo.nl","notitie":"%s"}\n' % ("x" * 200)
with open(sys.argv[1], "w") as f:
    for _ in range(1_200_000):
        f.write(rec)
row = "(1,'Jan de Vries','j.devries@ziggo.nl','%s')" % ("y" * 200)
with open(sys.argv[2], "w") as f:
    f.write("CREATE TABLE `t` (`id` int, `naam` text, `email` text, `notitie` text);\n")
    for _ in range(1200):
        f.write("INSERT INTO `t` VALUES " + ",".join([row] * 1000) + ";\n")
EOF
	(ulimit -v 204800 && "$PIISCAN" -q -j 2 -o "$WORK/bigj.csv" "$WORK/big.ndjson")
	check "300 MB NDJSON under a 200 MiB cap (exit 0)" test $? -eq 0
	check "and every record counted" grep -q ',email,contact,high,1200000,1,1200000,1200000,' "$WORK/bigj.csv"
	(ulimit -v 204800 && "$PIISCAN" -q -j 2 -o "$WORK/bigs.csv" "$WORK/big.sql")
	check "300 MB SQL dump under a 200 MiB cap (exit 0)" test $? -eq 0
	check "and every row counted" grep -q ',t,email,,,email,contact,high,1200000,1,1200000,1200000,' "$WORK/bigs.csv"
	;;
esac
# Distinct values are estimated past 4096 (HyperLogLog): the estimate is
# never above the count, and the workbook says it is one ("about"). With
# this key the raw estimate for 8,000 addresses is 8,224.
head -c 32 /dev/zero | tr '\0' 'k' >"$WORK/k.key"
$PY -c "
import sys
with open(sys.argv[1], 'w') as f:
    for i in range(8000):
        f.write('Mail klant%d@kpnmail.nl voor de offerte.\\n' % i)
" "$WORK/many.txt"
"$PIISCAN" -q --fingerprint-key-file "$WORK/k.key" -o "$WORK/many.csv" -o "$WORK/many.xlsx" "$WORK/many.txt"
check "an estimated distinct count is not above the count" \
	grep -q ',email,contact,high,8000,8000,' "$WORK/many.csv"
check "the workbook shows it as an estimate (about)" $PY -c "
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1])['Inventory']
rows = list(ws.iter_rows())
col = [c.value for c in rows[0]].index('Distinct')
cell = rows[1][col]
assert cell.value == 8000 and cell.number_format.startswith('\"about'), (cell.value, cell.number_format)
" "$WORK/many.xlsx"
finish
