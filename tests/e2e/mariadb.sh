#!/bin/sh
# Live MariaDB (mysql://, mariadb://; #21). The suite starts a throw-away
# server of its own: mariadb-install-db makes a data folder in $WORK and
# mariadbd serves it on the Unix socket $WORK/mysql.sock only
# (--skip-networking), with --no-defaults so that no my.cnf of the
# machine counts, as root with --user=root when run as root (as CI does),
# else as the user running the suite. The EXIT trap stops it (and waits
# for it to go) before $WORK is removed, whatever failed.
#
# The webshop fixture is loaded from its mysqldump, and what piiscan
# finds in the live database is compared with what it finds in the dump
# (an independent reading of the same data); the sample's figures with
# the server's own catalogue, read by the mariadb client (the server keeps
# its row estimates as ANALYZE TABLE leaves them: no recalculation in the
# background between the client's reading and piiscan's).
. "$(dirname "$0")/lib.inc"

SOCK="$WORK/mysql.sock"
DUMP="$ROOT/fixtures/dumps/webshop-mysqldump.sql"
PW='Rd-7pQ!x42_secret'
URL="mysql://root@localhost/webshop?socket=$SOCK"
RURL="mysql://reader@localhost/webshop?socket=$SOCK"
# No ~/.my.cnf or MYSQL_PWD of whoever runs the suite may give a password.
HOME="$WORK/home"
export HOME
unset MYSQL_PWD MYSQL_HOST MYSQL_TCP_PORT MYSQL_UNIX_PORT
mkdir -p "$HOME"
SERVER_PID=""

stop_server() {
	[ -n "$SERVER_PID" ] || return 0
	kill "$SERVER_PID" 2>/dev/null
	_i=0
	while kill -0 "$SERVER_PID" 2>/dev/null && [ $_i -lt 600 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	kill -9 "$SERVER_PID" 2>/dev/null
	wait "$SERVER_PID" 2>/dev/null
	SERVER_PID=""
}
trap 'stop_server; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

client() {
	mariadb --no-defaults --socket="$SOCK" -uroot "$@"
}

# ---- the server ----------------------------------------------------------------------

if [ "$(id -u)" -eq 0 ]; then
	as=root
else
	as=$(id -un)
fi
started=false
if command -v mariadbd >/dev/null 2>&1 &&
	mariadb-install-db --no-defaults --user="$as" --datadir="$WORK/data" \
		--auth-root-authentication-method=normal --skip-test-db \
		>"$WORK/install.log" 2>&1; then
	mariadbd --no-defaults --user="$as" --datadir="$WORK/data" --socket="$SOCK" \
		--skip-networking --pid-file="$WORK/mysql.pid" --log-error="$WORK/mysql.err" \
		--innodb-buffer-pool-size=32M --innodb-stats-auto-recalc=0 >/dev/null 2>&1 &
	SERVER_PID=$!
	_i=0
	while [ $_i -lt 300 ] && kill -0 "$SERVER_PID" 2>/dev/null; do
		if [ -S "$SOCK" ] && client -e 'SELECT 1' >/dev/null 2>&1; then
			started=true
			break
		fi
		sleep 0.1
		_i=$((_i + 1))
	done
fi
if ! $started; then
	not_ok "MariaDB: the server did not start" \
		"$(command -v mariadbd || echo 'mariadbd not installed (Debian: mariadb-server)')
$(tail -n 20 "$WORK/install.log" "$WORK/mysql.err" 2>/dev/null)"
	finish
	exit 0
fi
ok "MariaDB: a throw-away server answers on $SOCK"

if client -e 'CREATE DATABASE webshop CHARACTER SET utf8mb4' && client webshop <"$DUMP"; then
	ok "the webshop dump is loaded"
else
	not_ok "the webshop dump is loaded"
fi

# inventory_rows FILE.json [TABLE]: the inventory's (table, column, rule,
# count, rows, rows_with), sorted, as JSON; of one table when given.
inventory_rows() {
	$PY -c '
import json, sys
d = json.load(open(sys.argv[1]))
want = sys.argv[2] if len(sys.argv) > 2 else None
rows = sorted((r["table"], r["column"], r["rule"], r["count"], r["rows"], r["rows_with"])
              for r in d["inventory"] if want is None or r["table"] == want)
print(json.dumps(rows))' "$@"
}

# ---- 1. the live database gives the dump's inventory ----------------------------------

"$PIISCAN" -q "$DUMP" -o "$WORK/dump.json" 2>"$WORK/dump.err"
"$PIISCAN" -q "$URL" -o "$WORK/live.json" -o "$WORK/live.xlsx" 2>"$WORK/live.err"
status=$?
dump_rows=$(inventory_rows "$WORK/dump.json")
live_rows=$(inventory_rows "$WORK/live.json" 2>&1)
if [ "$status" -eq 0 ] && [ -n "$dump_rows" ] && [ "$dump_rows" != "[]" ] &&
	[ "$dump_rows" = "$live_rows" ]; then
	ok "live webshop: the inventory rows (table, column, rule, count, rows, rows_with) are the dump's"
else
	not_ok "live webshop: the inventory rows are the dump's" \
		"exit $status
dump: $dump_rows
live: $live_rows
$(cat "$WORK/live.err")"
fi
check "live webshop: every table is shown as mysql://localhost/webshop!TABLE, read whole, a MariaDB table" \
	$PY -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert not d["errors"], d["errors"]
files = {(r["file"], r["type"], r["owner"]) for r in d["inventory"]}
assert files == {("mysql://localhost/webshop!" + t, "MariaDB table", "webshop")
                 for t in ("customers", "orders")}, files
assert {r["system"] for r in d["inventory"]} == {"mysql://localhost/webshop"}
assert {r["table"] for r in d["inventory"]} == {"customers", "orders"}
assert all("rows_in_table" not in r for r in d["inventory"])' "$WORK/live.json"

# mariadb:// and no database in the URL: every database but the server's
# own, tables as db.table under mysql://localhost.
client -e 'CREATE DATABASE other; CREATE TABLE other.people (id INT PRIMARY KEY, email TEXT);
	INSERT INTO other.people VALUES (1, "a.person@example-mail.nl")'
"$PIISCAN" -q "mariadb://root@localhost?socket=$SOCK" -o "$WORK/all.json" 2>"$WORK/all.err"
check "mariadb:// without a database: webshop.customers, webshop.orders and other.people, nothing of mysql or sys" \
	$PY -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert not d["errors"], d["errors"]
seen = {(r["file"], r["table"]) for r in d["inventory"]}
want = {("mysql://localhost!" + t, t) for t in ("webshop.customers", "webshop.orders", "other.people")}
assert seen == want, seen' "$WORK/all.json"

# A JSON column (MariaDB: LONGTEXT guarded by json_valid) is read with
# key paths, as the JSON extractor locates values.
client other -e 'CREATE TABLE profiles (id INT PRIMARY KEY, data JSON);
	INSERT INTO profiles VALUES (1, "{\"contact\": {\"email\": \"s.degraaf@kpnmail.nl\"}}")'
"$PIISCAN" -q "mariadb://root@localhost/other?socket=$SOCK" -o "$WORK/json.json" 2>"$WORK/json.err"
check "a JSON column: the address at its key path" $PY -c '
import json, sys
d = json.load(open(sys.argv[1]))
got = {(r["table"], r["column"], r["key"]) for r in d["inventory"] if r["rule"] == "email"}
assert ("profiles", "data", "$.contact.email") in got, got' "$WORK/json.json"

# A column's comment counts as its name does (as in postgres.sh).
client other -e 'CREATE TABLE met_uitleg (nr VARCHAR(20) COMMENT "BSN van de medewerker");
	CREATE TABLE zonder_uitleg (nr VARCHAR(20));
	INSERT INTO met_uitleg VALUES ("111222333"); INSERT INTO zonder_uitleg VALUES ("111222333")'
"$PIISCAN" -q --enable nl_bsn "mariadb://root@localhost/other?socket=$SOCK" -o "$WORK/comment.jsonl" \
	2>"$WORK/comment.err"
check "a column's comment is context: the BSN under 'nr' is high with it, low without" $PY -c '
import json, sys
f = {(x["table"], x["column"]): x["confidence"] for x in map(json.loads, open(sys.argv[1]))
     if x.get("table") in ("met_uitleg", "zonder_uitleg")}
assert f == {("met_uitleg", "nr"): "high", ("zonder_uitleg", "nr"): "low"}, f' "$WORK/comment.jsonl"
client other -e 'DROP TABLE met_uitleg; DROP TABLE zonder_uitleg'

# ---- 3. a user who may read customers but not orders, its password in a file ---------

# INSERT on orders: the table is listed to the user (information_schema
# shows a table to whoever has a privilege on it), its SELECT is denied.
client -e "CREATE USER reader@localhost IDENTIFIED BY '$PW';
	GRANT SELECT ON webshop.customers TO reader@localhost;
	GRANT INSERT ON webshop.orders TO reader@localhost"
printf '%s\n' "$PW" >"$WORK/pw"
chmod 600 "$WORK/pw"
"$PIISCAN" "$RURL" --db-password-file "$WORK/pw" --state "$WORK/state.db" \
	-o "$WORK/r.json" -o "$WORK/r.jsonl" -o "$WORK/r.xlsx" >"$WORK/r.out" 2>"$WORK/r.err"
check "reader: orders has an Errors row (SELECT command denied)" \
	$PY -c '
import json, sys
d = json.load(open(sys.argv[1]))
errs = {e["path"]: e for e in d["errors"]}
assert list(errs) == ["mysql://localhost/webshop!orders"], errs
e = errs["mysql://localhost/webshop!orders"]
assert e["status"] == "failed" and e["reason"].startswith("not read: SELECT command denied"), e
assert not any(r["table"] == "orders" for r in d["inventory"])' "$WORK/r.json"
dump_customers=$(inventory_rows "$WORK/dump.json" customers)
reader_customers=$(inventory_rows "$WORK/r.json" customers 2>&1)
if [ -n "$dump_customers" ] && [ "$dump_customers" != "[]" ] &&
	[ "$dump_customers" = "$reader_customers" ]; then
	ok "reader: customers is read, the dump's inventory rows"
else
	not_ok "reader: customers is read, the dump's inventory rows" \
		"dump: $dump_customers
reader: $reader_customers
$(cat "$WORK/r.err")"
fi
mkdir -p "$WORK/r.xlsx.d"
(cd "$WORK/r.xlsx.d" && unzip -q ../r.xlsx)
leaks=""
for f in "$WORK/r.json" "$WORK/r.jsonl" "$WORK/r.out" "$WORK/r.err" "$WORK"/state.db*; do
	grep -a -q -F -e "$PW" "$f" && leaks="$leaks $f"
done
grep -r -a -q -F -e "$PW" "$WORK/r.xlsx.d" && leaks="$leaks r.xlsx"
strings "$WORK"/state.db* | grep -q -F -e "$PW" && leaks="$leaks state.db(strings)"
if [ -z "$leaks" ] && [ -s "$WORK/r.jsonl" ] && [ -s "$WORK/state.db" ] &&
	[ -d "$WORK/r.xlsx.d/xl" ]; then
	ok "reader: the password is in no output (.json, .jsonl, .xlsx unzipped, stdout, stderr) nor the state"
else
	not_ok "reader: the password is in no output nor the state" "found in:$leaks"
fi

"$PIISCAN" "mysql://reader:$PW@localhost/webshop?socket=$SOCK" -o "$WORK/url.json" \
	>"$WORK/url.out" 2>"$WORK/url.err"
status=$?
if [ "$status" -eq 2 ] && [ ! -e "$WORK/url.json" ] && grep -q 'password in a URL' "$WORK/url.err" &&
	! grep -q -F -e "$PW" "$WORK/url.err" "$WORK/url.out"; then
	ok "a password in the URL: refused, exit 2, no scan, not repeated"
else
	not_ok "a password in the URL: refused, exit 2, no scan" \
		"exit $status; $(sed "s/$PW/(password)/g" "$WORK/url.err")"
fi

cp "$WORK/pw" "$WORK/pw-open"
chmod 644 "$WORK/pw-open"
"$PIISCAN" "$RURL" --db-password-file "$WORK/pw-open" -o "$WORK/open.json" 2>"$WORK/open.err"
status=$?
if [ "$status" -eq 2 ] && [ ! -e "$WORK/open.json" ] &&
	grep -q 'may be read by others' "$WORK/open.err"; then
	ok "a password file readable by others: refused, exit 2, no scan"
else
	not_ok "a password file readable by others: refused, exit 2" "exit $status; $(cat "$WORK/open.err")"
fi

# no password anywhere, and no terminal to ask on (setsid: none)
setsid -w "$PIISCAN" "$RURL" -o "$WORK/nopw.json" </dev/null 2>"$WORK/nopw.err"
status=$?
if [ "$status" -eq 2 ] && [ ! -e "$WORK/nopw.json" ] && grep -q 'Access denied' "$WORK/nopw.err"; then
	ok "no password and no terminal: the server's 'Access denied', exit 2, no scan"
else
	not_ok "no password and no terminal: exit 2" "exit $status; $(cat "$WORK/nopw.err")"
fi

# no password anywhere, on a terminal (script(1) gives one): asked for,
# not echoed. The line is typed again every half second: one typed before
# the prompt is flushed with the terminal's pending input.
if command -v script >/dev/null 2>&1; then
	i=0
	while [ $i -lt 60 ]; do
		sleep 0.5
		printf '%s\n' "$PW" 2>/dev/null || break
		i=$((i + 1))
	done | timeout 60 script -qec "'$PIISCAN' -q '$RURL' -o '$WORK/tty.json'" /dev/null \
		>"$WORK/tty.out" 2>&1
	if grep -q 'Password for reader on mysql://localhost/webshop' "$WORK/tty.out" &&
		! grep -q -F -e "$PW" "$WORK/tty.out" &&
		$PY -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert any(r["table"] == "customers" for r in d["inventory"])' "$WORK/tty.json" 2>/dev/null; then
		ok "no password, a terminal: asked for (not echoed), the scan reads customers"
	else
		not_ok "no password, a terminal: asked for, the scan reads customers" \
			"$(sed "s/$PW/(password)/g" "$WORK/tty.out")"
	fi
fi

# the client's own places: MYSQL_PWD, then ~/.my.cnf's [client]
MYSQL_PWD="$PW" "$PIISCAN" -q "$RURL" -o "$WORK/env.json" 2>"$WORK/env.err"
printf '[client]\npassword="%s"\n' "$PW" >"$HOME/.my.cnf"
chmod 600 "$HOME/.my.cnf"
"$PIISCAN" -q "$RURL" -o "$WORK/cnf.json" 2>"$WORK/cnf.err"
rm -f "$HOME/.my.cnf"
check "MYSQL_PWD and ~/.my.cnf give the password too: customers read as with the file" \
	$PY -c '
import json, sys
for f in sys.argv[1:]:
    d = json.load(open(f))
    assert any(r["table"] == "customers" for r in d["inventory"]), f
    assert [e["path"] for e in d["errors"]] == ["mysql://localhost/webshop!orders"], f' \
	"$WORK/env.json" "$WORK/cnf.json"

# --state: unchanged tables are carried over; a row added to orders
# (its max key and row estimate move) reads it again
"$PIISCAN" "$URL" --state "$WORK/root-state.db" -o "$WORK/s1.json" 2>"$WORK/s1.err"
"$PIISCAN" "$URL" --state "$WORK/root-state.db" -o "$WORK/s2.json" 2>"$WORK/s2.err"
client webshop -e "INSERT INTO orders VALUES (1005, 5, '100299', 5.00, 'Damrak 1\n1012 LG Amsterdam', '2023-06-01 10:00:00')"
"$PIISCAN" "$URL" --state "$WORK/root-state.db" -o "$WORK/s3.json" 2>"$WORK/s3.err"
if grep -q '0 of the 2 files carried over' "$WORK/s1.err" &&
	grep -q '2 of the 2 files carried over' "$WORK/s2.err" &&
	grep -q '1 of the 2 files carried over' "$WORK/s3.err" &&
	[ "$(inventory_rows "$WORK/s3.json" orders)" = '[["orders", "shipping_address", "nl_postcode", 3, 5, 3]]' ]; then
	ok "--state: unchanged tables carried over, orders read again after a row was added"
else
	not_ok "--state: unchanged tables carried over, orders read again after a row was added" \
		"$(cat "$WORK/s1.err" "$WORK/s2.err" "$WORK/s3.err"; inventory_rows "$WORK/s3.json" orders)"
fi

# ---- 2. --sample-rows: a sample from across the key range -----------------------------

# 30,000 customers more (ids 6..30005), each with an e-mail address; only
# those of the upper half of the keys (id > 15005) with a date of birth.
$PY -c '
print("SET autocommit = 0;")
for b in range(30):
    vals = []
    for i in range(1000):
        n = b * 1000 + i + 6
        dob = "\x27%d-%02d-%02d\x27" % (1950 + n % 50, 1 + n % 12, 1 + n % 28) if n > 15005 else "NULL"
        vals.append("(%d, \x27Gen\x27, \x27Person\x27, \x27gen.person%d@example-mail.nl\x27, NULL, %s, NULL, NULL, NULL, \x272024-01-01 00:00:00\x27)" % (n, n, dob))
    print("INSERT INTO customers VALUES " + ",".join(vals) + ";")
print("COMMIT;")
print("ANALYZE TABLE customers;")' >"$WORK/more.sql"
client webshop <"$WORK/more.sql" >/dev/null
estimate=$(client -N -e "SELECT TABLE_ROWS FROM information_schema.TABLES
	WHERE TABLE_SCHEMA = 'webshop' AND TABLE_NAME = 'customers'")
count=$(client -N -e "SELECT COUNT(*) FROM webshop.customers")
"$PIISCAN" -q "$URL" --sample-rows 1000 -o "$WORK/sample.json" 2>"$WORK/sample.err"
# Rows read: at most --sample-rows, and all of them here, where the keys
# have no gaps. From across the keys: about half of the rows read have a
# date of birth (the first 1000 rows would give the fixture's 4).
check "--sample-rows 1000 of $count rows: 1000 rows read, Rows in table the catalogue's $estimate, drawn from across the keys" \
	$PY -c '
import json, sys
d = json.load(open(sys.argv[1]))
estimate = int(sys.argv[2])
assert not d["errors"], d["errors"]
rows = {r["rule"]: r for r in d["inventory"] if r["table"] == "customers"}
email = rows["email"]
assert email["rows"] == 1000 and email["count"] == 1000 and email["rows_with"] == 1000, email
assert all(r["rows"] == 1000 and r["rows_in_table"] == estimate for r in rows.values()), rows
dob = rows["date_of_birth"]["count"]
assert 350 <= dob <= 650, "date_of_birth in %d of the 1000 rows read" % dob
orders = [r for r in d["inventory"] if r["table"] == "orders"]
assert orders and all("rows_in_table" not in r for r in orders), orders' \
	"$WORK/sample.json" "$estimate"

# ---- 4. the server stops ---------------------------------------------------------------

pid=$SERVER_PID
stop_server
if ! kill -0 "$pid" 2>/dev/null && [ ! -S "$SOCK" ]; then
	ok "the server is stopped (as the EXIT trap does after a failing check too)"
else
	not_ok "the server is stopped" "$(ps -p "$pid" -o pid,args 2>&1)"
fi

finish
