#!/usr/bin/python3
"""SQLite databases with planted values, and piiscan's findings in them
checked against what an independent reader (python3's sqlite3) reads back.

    check_sqlite.py make DB PLANTED.json
        writes a database of made-up people (fixed seed) and the values
        planted in it, by kind
    check_sqlite.py check DB PLANTED.json FINDINGS.jsonl DOCUMENT.json
        reads DB back, finds the planted values in every cell, and checks
        piiscan's findings (JSONL with --show-values) one by one, where
        they are (table, column, row) and what they are, and its inventory
        (the JSON document): per table x column x rule the count, the
        rows with it and the table's rows; nothing more, nothing less
    check_sqlite.py big DB ROWS
        a database of ROWS customers dense with personal data, made by
        SQLite itself (fast): for the time limit and the signal

Rows are numbered as a database browser shows them, in the table's own
order: rowid, or the primary key of a table WITHOUT ROWID. The values are
invented: e-mail addresses at real providers' domains with made-up names,
mobile numbers, IBANs and BSNs with valid check digits for accounts and
people that do not exist, public IP addresses.
"""
import collections
import json
import os
import random
import sqlite3
import sys

# kind -> the rule piiscan reports it as
RULE = {"email": "email", "phone": "phone", "iban": "iban", "bsn": "nl_bsn", "ip": "ipv4"}


def iban(rng):
    bank, acct = rng.choice(["ABNA", "RABO", "INGB", "TRIO"]), f"{rng.randrange(10 ** 10):010d}"
    digits = "".join(str(int(c, 36)) for c in bank + acct + "NL00")
    return f"NL{98 - int(digits) % 97:02d}{bank}{acct}"


def bsn(rng):
    """Nine digits passing the elfproef (11-test)."""
    while True:
        d = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(7)]
        rest = sum((9 - i) * x for i, x in enumerate(d)) % 11
        if rest < 10:
            return "".join(map(str, d)) + str(rest)


def make(db_path, planted_path):
    rng = random.Random(19)
    planted = collections.defaultdict(list)

    def plant(kind, value):
        planted[kind].append(value)
        return value

    first = ["jan", "sanne", "pieter", "fatima", "mark", "lotte", "ahmed", "emma", "daan"]
    last = ["devries", "jansen", "bakker", "visser", "smit", "meijer", "dekker", "mulder"]
    domains = ["ziggo.nl", "kpnmail.nl", "xs4all.nl", "planet.nl", "hotmail.com"]

    def email(i):
        return plant("email", f"{rng.choice(first)}.{rng.choice(last)}{i}@{rng.choice(domains)}")

    def phone():
        return plant("phone", f"06-{rng.randrange(10000000, 60000000)}")  # 06-1 to 06-5: mobile

    def ip():
        return plant("ip", f"{rng.choice([81, 145, 213])}.{rng.randrange(256)}."
                           f"{rng.randrange(256)}.{rng.randrange(1, 255)}")

    if os.path.exists(db_path):
        os.remove(db_path)
    db = sqlite3.connect(db_path)
    db.executescript("""
        CREATE TABLE klanten (id INTEGER PRIMARY KEY, klantcode TEXT, email TEXT,
            telefoon TEXT, iban TEXT, bsn TEXT, opmerking TEXT, saldo REAL, aangemaakt TEXT);
        CREATE INDEX klanten_email ON klanten(email DESC);
        CREATE TABLE sessies (token TEXT PRIMARY KEY, email TEXT, ip TEXT, laatst TEXT)
            WITHOUT ROWID;
        CREATE TABLE "log ""web"" 2024" (tijd TEXT, bericht TEXT);
        CREATE TABLE bijlagen (id INTEGER PRIMARY KEY, naam TEXT, inhoud BLOB);
        CREATE TABLE leeg (a TEXT, b TEXT);
        CREATE VIEW klantmail AS SELECT email FROM klanten;
    """)
    ids = list(range(1, 1501))
    rng.shuffle(ids)  # inserted out of order: rows are numbered by rowid
    for i in ids:
        note = rng.choice(["", "akkoord", "levering later", "retour ontvangen"])
        r = rng.randrange(10)
        if r == 0:
            note = f"bel {phone()} of mail {email(i + 5000)}"
        elif r == 1:
            note = f"BSN {plant('bsn', bsn(rng))} gecontroleerd"
        db.execute("INSERT INTO klanten VALUES (?,?,?,?,?,?,?,?,?)", (
            i, f"K-{i:05d}", email(i) if rng.randrange(8) else None,
            phone() if rng.randrange(3) else None, plant("iban", iban(rng)),
            plant("bsn", bsn(rng)) if rng.randrange(4) == 0 else None, note,
            rng.randrange(100000) / 100, f"2023-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"))
    for i in range(400):
        db.execute("INSERT INTO sessies VALUES (?,?,?,?)",
                   (f"{rng.getrandbits(64):016x}", email(i + 9000), ip(), f"2024-03-{i % 28 + 1:02d}"))
    for i in range(600):
        msg = f"GET /bestelling/{rng.randrange(100000)} {rng.choice([200, 304, 404])}"
        if i % 7 == 0:
            msg = f"login {email(i + 12000)} vanaf {ip()}"
        db.execute('INSERT INTO "log ""web"" 2024" VALUES (?,?)', (f"2024-03-01 10:{i % 60:02d}", msg))
    for i in range(1, 41):
        if i % 2:
            body = f"Beste klant,\nuw nummer {phone()} en adres {email(i + 15000)}.\n".encode()
        else:
            body = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(200))
        db.execute("INSERT INTO bijlagen VALUES (?,?,?)", (i, f"bijlage{i}", body))
    db.commit()
    db.close()
    with open(planted_path, "w") as f:
        json.dump(planted, f)


def table_order(db, table):
    """The ORDER BY of a table's own order: rowid, or its primary key."""
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    if "WITHOUT ROWID" not in sql.upper():
        return "rowid"
    pk = sorted((r[5], r[1]) for r in db.execute(f'PRAGMA table_info("{table}")') if r[5])
    return ", ".join('"' + name.replace('"', '""') + '"' for _, name in pk)


def expected(db_path, planted_path):
    """What is planted where, read back: findings as (table, column, row,
    rule, value), table -> rows."""
    planted = json.load(open(planted_path))
    db = sqlite3.connect(db_path)
    findings = collections.Counter()
    rows = {}
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    for t in tables:
        q = '"' + t.replace('"', '""') + '"'
        cur = db.execute(f"SELECT * FROM {q} ORDER BY {table_order(db, t)}")
        cols = [d[0] for d in cur.description]
        n = 0
        for n, row in enumerate(cur, 1):
            for col, v in zip(cols, row):
                if isinstance(v, bytes):
                    try:
                        v = v.decode("utf-8")
                    except UnicodeDecodeError:
                        continue
                if not isinstance(v, str):
                    continue
                for kind, values in planted.items():
                    for value in set(values):
                        for _ in range(v.count(value)):
                            findings[(t, col, n, RULE[kind], value)] += 1
        rows[t] = n
    return findings, rows


def check(db_path, planted_path, jsonl_path, doc_path):
    want, rows = expected(db_path, planted_path)
    got = collections.Counter()
    for line in open(jsonl_path):
        d = json.loads(line)
        got[(d.get("table"), d.get("column"), d.get("row"), d["rule"], d["value"])] += 1
    problems = []
    for k in sorted(set(want) | set(got), key=str):
        if want[k] != got[k]:
            problems.append(f"{k}: planted {want[k]}, found {got[k]}")
    # the inventory: per table x column x rule, from the read-back alone
    per = collections.defaultdict(lambda: [0, set()])
    for (t, col, row, rule, _), k in want.items():
        per[(t, col, rule)][0] += k
        per[(t, col, rule)][1].add(row)
    inv = {}
    for r in json.load(open(doc_path))["inventory"]:
        inv[(r["table"], r["column"], r["rule"])] = (r["count"], r["rows_with"], r["rows"])
    for key in sorted(set(per) | set(inv), key=str):
        w = (per[key][0], len(per[key][1]), rows.get(key[0])) if key in per else None
        if w != inv.get(key):
            problems.append(f"inventory {key}: read back {w}, piiscan {inv.get(key)}")
    for p in problems[:20]:
        print(p)
    if problems:
        sys.exit(f"{len(problems)} differences")
    print(f"{sum(want.values())} findings in {len(per)} columns, each where it was planted")


def big(db_path, n):
    """n customers, each with an address, a mobile number, an IBAN and a
    note with two more, made by SQLite (a few seconds for millions)."""
    if os.path.exists(db_path):
        os.remove(db_path)
    db = sqlite3.connect(db_path)
    db.executescript(f"""
        PRAGMA journal_mode = OFF;
        CREATE TABLE klanten (id INTEGER PRIMARY KEY, email TEXT, telefoon TEXT, iban TEXT,
            opmerking TEXT);
        WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c LIMIT {int(n)})
        INSERT INTO klanten SELECT i, printf('klant%d@ziggo.nl', i), printf('06-%08d', 10000000 + i),
            'NL91ABNA0417164300',
            printf('bel 06-%08d of mail klant%d.b@kpnmail.nl', 20000000 + i, i) FROM c;
    """)
    db.commit()
    db.close()


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "make" and len(sys.argv) == 4:
        make(sys.argv[2], sys.argv[3])
    elif cmd == "check" and len(sys.argv) == 6:
        check(*sys.argv[2:])
    elif cmd == "big" and len(sys.argv) == 4:
        big(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
