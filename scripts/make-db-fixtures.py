#!/usr/bin/env python3
"""Makes the database dump fixtures (fixtures/dumps/) with real servers:
a MariaDB webshop dumped with mysqldump (extended inserts, and
--complete-insert), a PostgreSQL HR database dumped with pg_dump (COPY,
--inserts, --column-inserts, and the custom format -Fc), an SQLite CRM
file, and two broken dumps (fixtures/hostile/): one cut off in the middle
of an INSERT, one with a quote that was not escaped.

Needs (Debian 12): mariadb-server postgresql sqlite3. Run as root from the
repository root; private server instances are started in a temporary
folder and stopped again. The output is committed; CI does not run this.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

OUT = "fixtures/dumps"
HOSTILE = "fixtures/hostile"
PG_BIN = next((f"/usr/lib/postgresql/{v}/bin" for v in ("17", "16", "15")
               if os.path.isdir(f"/usr/lib/postgresql/{v}/bin")), None)

WEBSHOP = r"""
CREATE TABLE customers (
  id INT NOT NULL AUTO_INCREMENT,
  first_name VARCHAR(50) NOT NULL,
  last_name VARCHAR(80) NOT NULL,
  email VARCHAR(120) DEFAULT NULL COMMENT 'login; unique',
  phone VARCHAR(30) DEFAULT NULL,
  date_of_birth DATE DEFAULT NULL,
  iban VARCHAR(34) DEFAULT NULL,
  notes TEXT,
  avatar BLOB,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (id),
  KEY idx_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='klanten; privacy: AVG';

CREATE TABLE orders (
  id INT NOT NULL,
  customer_id INT NOT NULL,
  order_number VARCHAR(20) NOT NULL,
  amount DECIMAL(10,2) NOT NULL,
  shipping_address TEXT,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO customers VALUES
 (1,'Jan','de Vries','j.devries@ziggo.nl','06-23456789','1985-03-14','NL39RABO0300065264',
  'Belt liever na 17:00.\nBSN 725763863 is bekend.', X'89504E470D0A1A0A0000000D49484452',
  '2023-01-14 10:00:00'),
 (2,'Seán','O''Brien','sean.obrien@eircom.net','+353 1 555 0199','1979-11-02',
  'IE29AIBK93115212345678','Zegt: "bel niet op zondag"',NULL,'2023-02-03 09:30:00'),
 (3,'Jürgen','Müller','juergen.mueller@web.de','0049 30 1234567','1990-02-28',
  'DE89370400440532013000',NULL,NULL,'2023-02-19 14:12:00'),
 (4,'Fatima','El Amrani','f.elamrani@gmail.com','+31 6 4455 6677',NULL,'NL73INGB0004567891',
  'Tab\there, backslash \\ and a semicolon; in one note',NULL,'2023-03-07 16:45:00'),
 (5,'Åse','Sørensen','ase.sorensen@online.no',NULL,'1968-07-30',NULL,NULL,NULL,
  '2023-04-11 08:05:00');

INSERT INTO orders VALUES
 (1001,1,'100231',49.95,'Prinsengracht 263\n1016 GV Amsterdam','2023-05-02 12:00:00'),
 (1002,2,'725763863',120.00,'12 Main Street, Dublin','2023-05-03 13:00:00'),
 (1003,3,'A-88213',12.50,'Gartenstraße 5, 10115 Berlin','2023-05-04 14:00:00'),
 (1004,4,'100234',99.00,'Laan van Meerdervoort 10\n2517 AK Den Haag','2023-05-05 15:00:00');
"""

HR = r"""
CREATE TABLE employees (
  id serial PRIMARY KEY,
  voornaam text NOT NULL,
  achternaam text NOT NULL,
  bsn char(9),
  geboortedatum date,
  email text,
  telefoon text,
  iban text,
  adres text,
  notitie text,
  foto bytea
);
CREATE TABLE salarissen (
  employee_id int REFERENCES employees(id),
  maand date NOT NULL,
  bruto numeric(10,2) NOT NULL,
  omschrijving text
);
CREATE FUNCTION touch_employee() RETURNS trigger AS $body$
BEGIN
  -- a semicolon; and a quote ' inside a function body
  NEW.notitie := coalesce(NEW.notitie, '');
  RETURN NEW;
END;
$body$ LANGUAGE plpgsql;

INSERT INTO employees (voornaam, achternaam, bsn, geboortedatum, email, telefoon, iban, adres,
                       notitie, foto) VALUES
 ('Anouk', 'Smit', '162275869', '1996-05-21', 'anouk.smit@hotmail.com', '0612345678',
  'NL91ABNA0417164300', E'Kerkstraat 12\n3511 AB Utrecht', 'Sleutel afgegeven op 1-4-2024',
  '\x89504e470d0a1a0a'),
 ('Pieter', 'van Dijk', '111222333', '1975-12-01', 'pvdijk@kpnmail.nl', '010-4412233',
  'NL39RABO0300065264', 'Coolsingel 40, 3011 AD Rotterdam',
  E'Tab\tin de notitie, backslash \\ en een quote '' erin', NULL),
 ('Marieke', 'Visser', NULL, NULL, 'marieke.visser@outlook.com', NULL, NULL, NULL,
  'Unicode: café – € 10', NULL);
INSERT INTO salarissen VALUES
 (1, '2024-03-01', 3100.00, 'Loon maart'),
 (2, '2024-03-01', 4250.50, 'Loon maart'),
 (3, '2024-03-01', 2980.00, NULL);
"""

CRM = r"""
CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  naam TEXT NOT NULL,
  email TEXT,
  telefoon TEXT,
  geboortedatum TEXT,
  opmerking TEXT,
  pasfoto BLOB
);
CREATE TABLE visits (contact_id INTEGER, datum TEXT, ip TEXT);
INSERT INTO contacts VALUES
 (1, 'Lotte Jansen', 'l.jansen@planet.nl', '06-98765432', '1988-09-09',
  'Wil de nieuwsbrief niet', X'89504E470D0A1A0A'),
 (2, 'Ahmed Benali', 'a.benali@xs4all.nl', '020-5551234', '1972-01-15',
  'BSN 111222333 telefonisch bevestigd', NULL),
 (3, 'Sanne de Graaf', NULL, '+31 6 1122 3344', NULL, NULL, NULL);
INSERT INTO visits VALUES (1, '2024-03-12', '81.204.13.77'), (2, '2024-03-13', '145.53.12.9');
"""


def run(cmd, **kw):
    print("+", " ".join(cmd) if isinstance(cmd, list) else cmd, file=sys.stderr)
    return subprocess.run(cmd, check=True, **kw)


def wait_for(path, seconds=30):
    for _ in range(seconds * 10):
        if os.path.exists(path):
            return
        time.sleep(0.1)
    sys.exit(f"make-db-fixtures: {path} did not appear")


def mariadb(tmp):
    data, sock = f"{tmp}/mysql", f"{tmp}/mysql.sock"
    run(["mariadb-install-db", "--user=root", f"--datadir={data}", "--auth-root-authentication-method=normal"],
        stdout=subprocess.DEVNULL)
    server = subprocess.Popen(["mariadbd", "--user=root", f"--datadir={data}", f"--socket={sock}",
                               "--skip-networking", f"--pid-file={tmp}/mysql.pid",
                               f"--log-error={tmp}/mysql.err"])
    try:
        wait_for(sock)
        time.sleep(1)
        client = ["mariadb", f"--socket={sock}", "-uroot"]
        run(client + ["-e", "CREATE DATABASE webshop CHARACTER SET utf8mb4"])
        run(client + ["webshop"], input=WEBSHOP.encode())
        dump = ["mariadb-dump", f"--socket={sock}", "-uroot", "--skip-dump-date", "webshop"]
        with open(f"{OUT}/webshop-mysqldump.sql", "wb") as f:
            run(dump, stdout=f)
        with open(f"{OUT}/webshop-complete-insert.sql", "wb") as f:
            run(dump + ["--complete-insert", "--skip-extended-insert"], stdout=f)
    finally:
        server.terminate()
        server.wait()


def postgres(tmp):
    if not PG_BIN:
        sys.exit("make-db-fixtures: PostgreSQL not installed")
    data = f"{tmp}/pg"
    os.makedirs(data)
    shutil.chown(data, "postgres")
    shutil.chown(tmp, "postgres")

    def as_pg(cmd, **kw):
        return run(["runuser", "-u", "postgres", "--"] + cmd, **kw)

    as_pg([f"{PG_BIN}/initdb", "-D", data, "-E", "UTF8", "--locale=C.UTF-8"],
          stdout=subprocess.DEVNULL)
    as_pg([f"{PG_BIN}/pg_ctl", "-D", data, "-o", f"-k {tmp} -c listen_addresses=''", "-w",
           "-l", f"{tmp}/pg.log", "start"], stdout=subprocess.DEVNULL)
    try:
        as_pg([f"{PG_BIN}/createdb", "-h", tmp, "hr"])
        as_pg([f"{PG_BIN}/psql", "-q", "-h", tmp, "-v", "ON_ERROR_STOP=1", "hr"],
              input=HR.encode())
        base = [f"{PG_BIN}/pg_dump", "-h", tmp, "--no-owner", "hr"]
        for name, extra in (("hr-pg_dump.sql", []), ("hr-inserts.sql", ["--inserts"]),
                            ("hr-column-inserts.sql", ["--column-inserts"]),
                            ("hr.dump", ["-Fc"])):
            with open(f"{OUT}/{name}", "wb") as f:
                as_pg(base + extra, stdout=f)
    finally:
        as_pg([f"{PG_BIN}/pg_ctl", "-D", data, "-m", "fast", "stop"], stdout=subprocess.DEVNULL)


def sqlite():
    path = f"{OUT}/crm.sqlite"
    if os.path.exists(path):
        os.remove(path)
    run(["sqlite3", path], input=CRM.encode())


def broken():
    whole = open(f"{OUT}/webshop-mysqldump.sql", "rb").read()
    # Cut in the middle of the orders INSERT: the customers are whole.
    at = whole.index(b"INSERT INTO `orders`")
    at = whole.index(b"Amsterdam", at)
    with open(f"{HOSTILE}/webshop-truncated.sql", "wb") as f:
        f.write(whole[:at])
    # A quote that was not escaped: "O'Brien" as a hand edit would leave it.
    with open(f"{HOSTILE}/webshop-bad-escaping.sql", "wb") as f:
        f.write(whole.replace(b"'O\\'Brien'", b"'O'Brien'"))


def main():
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(HOSTILE, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="piiscan-db-")
    os.chmod(tmp, 0o755)
    try:
        mariadb(tmp)
        postgres(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    sqlite()
    broken()


if __name__ == "__main__":
    main()
