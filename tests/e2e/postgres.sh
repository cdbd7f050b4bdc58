#!/bin/sh
# Live PostgreSQL (postgres://) against a real server started here: initdb
# and pg_ctl of Debian's postgresql in $WORK/pg, listening on a Unix socket
# in $WORK only (no TCP), run as the user postgres when the suite runs as
# root (the server refuses root), stopped by the EXIT trap even when a
# check fails. The HR database is loaded from the pg_dump fixture, so the
# live scan can be held to the dump's scan; the other checks: sampling
# from across a large table against the catalogue's own count, a reader
# role with a password from a file (its Errors rows for what it may not
# read, the password nowhere), a table locked by another session, --state
# and shards by table.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2
CHECK="$PY tests/e2e/check_livedb.py"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
SOCK="$WORK/pgrun" # the socket and the server's log
RUN_AS=""
[ "$(id -u)" -eq 0 ] && RUN_AS="runuser -u postgres --"

pg_stop() {
	[ -f "$WORK/pg/postmaster.pid" ] &&
		$RUN_AS "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate -w stop >/dev/null 2>&1
	rm -rf "$WORK"
}
trap pg_stop EXIT

# psql DB SQL: runs SQL as the superuser.
psql_su() {
	$RUN_AS "$PG_BIN/psql" -X -q -h "$SOCK" -v ON_ERROR_STOP=1 -d "$1" -c "$2"
}

if ! "$PIISCAN" --version | grep -q '^  postgres'; then
	echo "skip - this build reads no postgres:// (made without libpq)"
	finish
	exit 0
fi
mkdir -p "$WORK/pg" "$SOCK"
[ -n "$RUN_AS" ] && chown postgres "$WORK/pg" "$SOCK"
if [ -z "$PG_BIN" ] ||
	! $RUN_AS "$PG_BIN/initdb" -D "$WORK/pg" -E UTF8 --locale=C.UTF-8 -U postgres \
		--auth-local=scram-sha-256 >"$WORK/initdb.log" 2>&1; then
	not_ok "PostgreSQL server did not start: initdb failed" "$(cat "$WORK/initdb.log" 2>/dev/null)"
	finish
	exit 1
fi
# the superuser of the test on the socket without a password; every
# other role with its password
printf 'local all postgres trust\nlocal all all scram-sha-256\n' >"$WORK/pg/pg_hba.conf"
if ! $RUN_AS "$PG_BIN/pg_ctl" -D "$WORK/pg" -w -l "$SOCK/pg.log" \
	-o "-k $SOCK -c listen_addresses=''" start >/dev/null 2>&1; then
	not_ok "PostgreSQL server did not start" "$(cat "$SOCK/pg.log" 2>&1)"
	finish
	exit 1
fi
ok "PostgreSQL server started ($($PG_BIN/postgres --version)) on $SOCK"

psql_su postgres "CREATE DATABASE hr"
$RUN_AS "$PG_BIN/psql" -X -q -h "$SOCK" -v ON_ERROR_STOP=1 -d hr \
	<fixtures/dumps/hr-pg_dump.sql >/dev/null
URL="postgres://postgres@localhost/hr?host=$SOCK"

# 1. The live database gives the rows of its dump.
"$PIISCAN" -q -o "$WORK/dump.json" fixtures/dumps/hr-pg_dump.sql
"$PIISCAN" -q -o "$WORK/live.json" -o "$WORK/live.xlsx" "$URL"
check "live scan: exit 0" test $? -eq 0
check "the live database's inventory rows are its pg_dump's (table, column, rule, counts)" \
	$CHECK same "$WORK/dump.json" "$WORK/live.json"
check "located as postgres://localhost/hr!TABLE, one data-map system, owner the table's role" $PY -c "
import json, sys
d = json.load(open('$WORK/live.json'))
bad = [(r['file'], r['system'], r['owner']) for r in d['inventory']
       if (r['file'], r['system'], r['owner']) !=
          ('postgres://localhost/hr!' + r['table'], 'postgres://localhost/hr', 'postgres')]
sys.exit(bad or None)"
check "no user name or socket in any location" $PY -c "
import json, sys
d = json.load(open('$WORK/live.json'))
where = [r['file'] for r in d['inventory']] + [e['path'] for e in d['errors']]
sys.exit([w for w in where if '@' in w or 'pgrun' in w] or None)"

"$PIISCAN" -q -o "$WORK/twice.json" "$URL" "$URL" 2>/dev/null
check "the same database given twice is scanned once" $CHECK same "$WORK/live.json" "$WORK/twice.json"

# 2. A schema besides public is named; a view is not read twice.
psql_su hr "CREATE SCHEMA crm; CREATE TABLE crm.klanten (naam text, email text);
	INSERT INTO crm.klanten VALUES ('Lotte Jansen', 'l.jansen@planet.nl');
	CREATE VIEW public.klanten_view AS SELECT * FROM crm.klanten"
"$PIISCAN" -q -o "$WORK/schema.json" "$URL"
check "a table of schema crm is crm.klanten; the view is not scanned" $PY -c "
import json, sys
d = json.load(open('$WORK/schema.json'))
tables = {r['table'] for r in d['inventory']}
sys.exit(None if 'crm.klanten' in tables and not any('view' in t for t in tables) else tables)"

# A jsonb column is read with key paths, as the JSON extractor locates
# values; a bytea column for the printable strings in its bytes.
psql_su hr "CREATE TABLE profielen (id int, data jsonb, bijlage bytea);
	INSERT INTO profielen VALUES (1, '{\"contact\": {\"email\": \"s.degraaf@kpnmail.nl\"}}',
	  '\\x00ff'::bytea || convert_to('mail: a.benali@xs4all.nl', 'UTF8') || '\\x0001'::bytea)"
"$PIISCAN" -q -o "$WORK/types.jsonl" "$URL"
check "jsonb: the address at its key path; bytea: the address in its bytes" $PY -c "
import json, sys
f = [json.loads(l) for l in open('$WORK/types.jsonl')]
got = {(x['column'], x.get('key')) for x in f if x.get('table') == 'profielen' and x['rule'] == 'email'}
sys.exit(None if got == {('data', '\$.contact.email'), ('bijlage', None)} else got)"

# A column's comment counts as its name does: a BSN under a column "nr"
# is one when the comment says so, and of low confidence (listed, not
# counted) in the same column without it.
psql_su hr "CREATE TABLE met_uitleg (nr text); CREATE TABLE zonder_uitleg (nr text);
	INSERT INTO met_uitleg VALUES ('111222333'); INSERT INTO zonder_uitleg VALUES ('111222333');
	COMMENT ON COLUMN met_uitleg.nr IS 'BSN van de medewerker'"
"$PIISCAN" -q -o "$WORK/comment.jsonl" --enable nl_bsn "$URL"
check "a column's comment is context: the BSN under 'nr' is high with it, low without" $PY -c "
import json, sys
f = {(x['table'], x['column']): x['confidence'] for x in map(json.loads, open('$WORK/comment.jsonl'))
     if x.get('table') in ('met_uitleg', 'zonder_uitleg')}
sys.exit(None if f == {('met_uitleg', 'nr'): 'high', ('zonder_uitleg', 'nr'): 'low'} else f)"
psql_su hr "DROP TABLE met_uitleg; DROP TABLE zonder_uitleg"

# 3. Sampling: 40,000 customers, ids in their addresses.
psql_su hr "CREATE TABLE big (id int PRIMARY KEY, email text);
	INSERT INTO big SELECT i, 'klant' || i || '@ziggo.nl' FROM generate_series(1, 40000) i;
	ANALYZE big"
TOTAL=$($RUN_AS "$PG_BIN/psql" -X -A -t -h "$SOCK" -d hr -c \
	"SELECT reltuples::bigint FROM pg_class WHERE relname = 'big'")
"$PIISCAN" -q --show-values --sample-rows 1000 -o "$WORK/sample.jsonl" -o "$WORK/sample.json" \
	-o "$WORK/sample.xlsx" --enable email "$URL"
check "--sample-rows 1000 of 40,000: a sample from across the table, the catalogue's total" \
	$CHECK sample "$WORK/sample.jsonl" "$WORK/sample.json" big 1000 "$TOTAL" 20000
check "the Inventory sheet says the table's rows beside the rows read" $PY -c "
import openpyxl, sys
ws = openpyxl.load_workbook('$WORK/sample.xlsx')['Inventory']
head = [c.value for c in ws[1]]
rows = [dict(zip(head, r)) for r in ws.iter_rows(min_row=2, values_only=True)]
big = [r for r in rows if r.get('Table / sheet') == 'big']
sys.exit(None if big and big[0].get('Rows in table (sampled)') == $TOTAL and big[0]['Rows'] <= 1000
	 else big)"
"$PIISCAN" -q --sample-rows all -o "$WORK/all.json" --enable email "$URL"
check "--sample-rows all reads every row" $PY -c "
import json, sys
r = [r for r in json.load(open('$WORK/all.json'))['inventory'] if r['table'] == 'big'][0]
sys.exit(None if r['rows'] == 40000 and r['count'] == 40000 and 'rows_in_table' not in r else r)"

# 4. A reader role, its password in a file; it may not read salarissen,
# nor the bsn column of employees.
PW="Zz9-ringo-$(date +%s)-Pw"
psql_su hr "CREATE ROLE reader LOGIN PASSWORD '$PW';
	GRANT SELECT (id, voornaam, achternaam, email) ON employees TO reader;
	GRANT SELECT ON big TO reader"
printf '%s\n' "$PW" >"$WORK/pw"
chmod 600 "$WORK/pw"
RURL="postgres://reader@localhost/hr?host=$SOCK"
"$PIISCAN" -q --db-password-file "$WORK/pw" --state "$WORK/reader.state" \
	--fingerprint-key-file "$WORK/pw" -o "$WORK/reader.json" -o "$WORK/reader.jsonl" \
	-o "$WORK/reader.xlsx" -o "$WORK/reader.csv" "$RURL" 2>"$WORK/reader.err"
check "reader: exit 0" test $? -eq 0
check "a table it may not read: its Errors row" $CHECK errors "$WORK/reader.json" salarissen \
	"permission denied"
check "columns it may not read: the table's Errors row names them" $CHECK errors \
	"$WORK/reader.json" employees "bsn"
check "what it may read is read" $PY -c "
import json, sys
cols = {(r['table'], r['column']) for r in json.load(open('$WORK/reader.json'))['inventory']}
sys.exit(None if ('employees', 'email') in cols and not any(c == 'bsn' for _, c in cols) else cols)"
check "the password is in no output, log or state" $CHECK absent "$PW" "$WORK/reader.json" \
	"$WORK/reader.jsonl" "$WORK/reader.xlsx" "$WORK/reader.csv" "$WORK/reader.err" \
	"$WORK/reader.state"
check_fails "without the password (no terminal): the run fails before scanning" \
	sh -c "'$PIISCAN' -q -o '$WORK/nopw.json' '$RURL' </dev/null"
check "and says why" sh -c "'$PIISCAN' -q -o '$WORK/nopw.json' '$RURL' </dev/null 2>&1 |
	grep -q 'cannot connect.*password'"
"$PIISCAN" -q -o "$WORK/inurl.json" "postgres://reader:$PW@localhost/hr?host=$SOCK" \
	2>"$WORK/inurl.err"
check "a password in the URL is refused (exit 2), no output written" sh -c \
	"test $? -eq 2 && grep -q 'process list' '$WORK/inurl.err' && ! test -e '$WORK/inurl.json'"
# On a terminal (script(1) gives the run one), the password is asked for,
# not echoed, and the scan goes on.
if command -v script >/dev/null; then
	# typed once the prompt shows (typed ahead, it is discarded)
	mkfifo "$WORK/keys"
	script -qec "'$PIISCAN' -q -o '$WORK/tty.json' '$RURL'" /dev/null <"$WORK/keys" \
		>"$WORK/tty.out" 2>&1 &
	exec 3>"$WORK/keys"
	i=0
	until grep -q 'Password for' "$WORK/tty.out" 2>/dev/null || [ $i -ge 600 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	printf '%s\n' "$PW" >&3
	exec 3>&-
	wait
	check "no password anywhere but a terminal: asked for there, and the scan done" sh -c "
		grep -q 'Password for reader@localhost/hr' '$WORK/tty.out' &&
		$CHECK same '$WORK/reader.json' '$WORK/tty.json' big"
	check "the password typed is not echoed" $CHECK absent "$PW" "$WORK/tty.out" "$WORK/tty.json"
fi
printf 'databases:\n  - url: %s\n    password_file: %s\n' "$RURL" "$WORK/pw" >"$WORK/piiscan.yaml"
"$PIISCAN" -q --config "$WORK/piiscan.yaml" -o "$WORK/config.json" </dev/null
check "databases: in the configuration, with its password_file: the reader's scan" \
	$CHECK same "$WORK/reader.json" "$WORK/config.json" big
"$PIISCAN" -q -o "$WORK/inquery.json" "$RURL&password=$PW" 2>"$WORK/inquery.err"
check "a password in the URL's query (libpq's ?password=) is refused too" sh -c \
	"test $? -eq 2 && grep -q 'process list' '$WORK/inquery.err' && ! test -e '$WORK/inquery.json'"
"$PIISCAN" -q -o "$WORK/bad.json" "postgres://reader:$PW@localhost:5x/hr" 2>"$WORK/bad.err"
"$PIISCAN" -q -o "$WORK/bad.json" "pgsql://reader:$PW@localhost/hr" 2>>"$WORK/bad.err"
check "a URL refused as malformed or unknown is not repeated with its password" sh -c "
	test -s '$WORK/bad.err' && ! grep -qF -- '$PW' '$WORK/bad.err'"
chmod 644 "$WORK/pw"
check_fails "a password file others may read is refused" \
	"$PIISCAN" -q --db-password-file "$WORK/pw" -o "$WORK/open.json" "$RURL"
chmod 600 "$WORK/pw"

# 5. A table another session holds locked is an Errors row after the
# lock timeout; the scan goes on (and never queues writers behind it).
$RUN_AS "$PG_BIN/psql" -X -q -h "$SOCK" -d hr -c \
	"BEGIN; LOCK TABLE big IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(30)" >/dev/null 2>&1 &
LOCKER=$!
i=0
until [ $i -ge 100 ] || [ "$($RUN_AS "$PG_BIN/psql" -X -A -t -h "$SOCK" -d hr -c \
	"SELECT count(*) FROM pg_locks WHERE mode = 'AccessExclusiveLock' AND relation = 'big'::regclass")" = 1 ]; do
	sleep 0.1
	i=$((i + 1))
done
"$PIISCAN" -q -o "$WORK/locked.json" "$URL"
check "a locked table: its Errors row (lock timeout), the others read" sh -c "
	$CHECK errors '$WORK/locked.json' big 'lock timeout' &&
	grep -q '\"table\": *\"employees\"' '$WORK/locked.json' || $PY -c \"
import json, sys
sys.exit(None if any(r['table'] == 'employees' for r in json.load(open('$WORK/locked.json'))['inventory']) else 1)\""
kill "$LOCKER" 2>/dev/null
wait "$LOCKER" 2>/dev/null
psql_su hr "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()" >/dev/null

# 6. --state: unchanged tables are carried over; a changed one is read.
S="$WORK/db.state"
"$PIISCAN" -q --state "$S" -o "$WORK/s1.json" "$URL"
"$PIISCAN" -q --state "$S" -o "$WORK/s2.json" "$URL"
check "second run: every table carried over, the same rows" sh -c "
	$CHECK same '$WORK/s1.json' '$WORK/s2.json' >/dev/null &&
	$PY -c \"
import json, sys
s = json.load(open('$WORK/s2.json'))['summary']
sys.exit(None if s.get('files_carried_over', s.get('files_carried')) == s['files_seen'] else s)\""
psql_su hr "UPDATE employees SET email = 'nieuw.adres@ziggo.nl' WHERE id = 3"
sleep 1 # the statistics collector reports the change within half a second
"$PIISCAN" -q --state "$S" -o "$WORK/s3.json" "$URL"
check "after an UPDATE, employees is read again and the others carried" $PY -c "
import json, sys
s = json.load(open('$WORK/s3.json'))['summary']
carried = s.get('files_carried_over', s.get('files_carried'))
sys.exit(None if carried == s['files_seen'] - 1 else s)"

# 7. Shards by table: the parts merged give the single run's inventory
# (without the sampled table, whose sample is drawn anew each run).
psql_su hr "DROP TABLE big"
"$PIISCAN" -q --fingerprint-key-file "$WORK/pw" -o "$WORK/one.json" "$URL"
for k in 1 2; do
	"$PIISCAN" -q --shard $k/2 --fingerprint-key-file "$WORK/pw" -o "$WORK/part$k.jsonl" "$URL"
done
"$PIISCAN" merge -q "$WORK/part1.jsonl" "$WORK/part2.jsonl" -o "$WORK/merged.json"
check "two shards by table, merged: the single run's rows" $CHECK same "$WORK/one.json" \
	"$WORK/merged.json"
NTABLES=$($RUN_AS "$PG_BIN/psql" -X -A -t -h "$SOCK" -d hr -c \
	"SELECT count(*) FROM pg_tables WHERE schemaname IN ('public', 'crm')")
check "each of the $NTABLES tables read by exactly one shard" sh -c "
	cat '$WORK/part1.jsonl' '$WORK/part2.jsonl' | grep -o '\"record\":\"file\",\"file_id\":[0-9]*,\"path\":\"[^\"]*\"' |
	sed 's/.*\"path\"://' | sort >'$WORK/units.txt'
	test \$(wc -l <'$WORK/units.txt') -eq $NTABLES && test \$(sort -u '$WORK/units.txt' | wc -l) -eq $NTABLES"

# 8. The server stops with the suite.
pg_stop_now() {
	$RUN_AS "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null 2>&1
}
check "the server stops" pg_stop_now
finish
