#!/usr/bin/python3
"""gensqlite.py PATH SIZE - a deterministic, table-heavy SQLite database of
about SIZE bytes (e.g. 200M) for the benchmark: a web shop's customers,
orders, order lines, products, event log and sessions (WITHOUT ROWID), in
the proportions such a database has: many narrow rows of ids, codes,
amounts, dates and statuses, personal data in the customer table and here
and there in free text and the log. Made-up names, e-mail addresses,
phone numbers, IBANs (valid check digits, invented accounts), postcodes
and IP addresses; fixed seed, nothing downloaded, nobody real.
"""
import os
import random
import sqlite3
import sys

FIRST = ["Jan", "Sanne", "Pieter", "Fatima", "Mark", "Lotte", "Ahmed", "Emma", "Daan",
         "Sophie", "Noah", "Julia", "Kees", "Anouk", "Mohamed", "Eva"]
LAST = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "El Amrani", "Dekker",
        "Mulder", "Bos", "Vos", "Peters", "van Dijk", "de Boer"]
DOMAINS = ["ziggo.nl", "kpnmail.nl", "gmail.com", "outlook.com", "xs4all.nl", "planet.nl"]
CITIES = ["Amsterdam", "Utrecht", "Zwolle", "Groningen", "Eindhoven", "Leiden", "Delft"]
STREETS = ["Dorpsstraat", "Kerkweg", "Stationsplein", "Molenlaan", "Schoolstraat", "Parkweg"]
PRODUCTS = ["fiets", "helm", "slot", "bel", "zadel", "band", "pomp", "lamp", "tas", "rek"]
COLOURS = ["zwart", "wit", "rood", "blauw", "groen", "grijs"]
NOTES = ["graag bellen voor levering", "achterom leveren", "cadeau verpakken",
         "klant wil factuur per post", "levering later", "retour ontvangen", "akkoord"]
BANKS = ["ABNA", "RABO", "INGB", "TRIO", "SNSB", "KNAB"]
PATHS = ["/index.html", "/api/v1/orders", "/winkelwagen", "/login", "/product/fiets-zwart"]


def iban(rng):
    """An NL IBAN with valid check digits for an invented account."""
    bank, acct = rng.choice(BANKS), f"{rng.randrange(10 ** 10):010d}"
    digits = "".join(str(int(c, 36)) for c in bank + acct + "NL00")
    return f"NL{98 - int(digits) % 97:02d}{bank}{acct}"


def phone(rng):
    return f"06-{rng.randrange(10000000, 100000000)}" if rng.randrange(2) else \
        f"+31 20 {rng.randrange(1000):03d} {rng.randrange(10000):04d}"


def email(rng, first, last, i):
    return f"{first.lower()}.{last.lower().replace(' ', '')}{i}@{rng.choice(DOMAINS)}"


def ip(rng):
    return f"{rng.randrange(80, 180)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def day(rng, year=None):
    return f"{year or rng.randrange(2019, 2025)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"


def generate(path, size):
    rng = random.Random(20240319)
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.executescript("""
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE klanten (id INTEGER PRIMARY KEY, voornaam TEXT, achternaam TEXT,
            email TEXT, telefoon TEXT, iban TEXT, straat TEXT, postcode TEXT,
            woonplaats TEXT, geboortedatum TEXT, aangemaakt TEXT, status TEXT);
        CREATE TABLE producten (id INTEGER PRIMARY KEY, sku TEXT, naam TEXT, kleur TEXT,
            prijs REAL, voorraad INTEGER);
        CREATE TABLE bestellingen (id INTEGER PRIMARY KEY, klant_id INTEGER, besteld TEXT,
            status TEXT, totaal REAL, verzending TEXT, betaling TEXT, opmerking TEXT);
        CREATE TABLE orderregels (id INTEGER PRIMARY KEY, bestelling_id INTEGER,
            product_id INTEGER, aantal INTEGER, prijs REAL, btw INTEGER);
        CREATE TABLE gebeurtenissen (id INTEGER PRIMARY KEY, tijd TEXT, niveau TEXT,
            bron TEXT, bericht TEXT);
        CREATE TABLE sessies (token TEXT PRIMARY KEY, klant_id INTEGER, ip TEXT,
            laatst TEXT) WITHOUT ROWID;
        CREATE INDEX bestellingen_klant ON bestellingen(klant_id);
    """)
    db.executemany("INSERT INTO producten VALUES (?,?,?,?,?,?)",
                   [(i + 1, f"SKU-{i:05d}", f"{rng.choice(PRODUCTS)} {rng.choice(COLOURS)}",
                     rng.choice(COLOURS), rng.randrange(500, 90000) / 100, rng.randrange(500))
                    for i in range(2000)])
    # One customer at a time with what comes with one: about 875 bytes of
    # database (measured) per customer.
    customers = max(1, size // 875)
    order = line = event = 0
    batch = 5000
    for start in range(0, customers, batch):
        k, b, r, g, s = [], [], [], [], []
        for i in range(start, min(customers, start + batch)):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            k.append((i + 1, first, last, email(rng, first, last, i), phone(rng), iban(rng),
                      f"{rng.choice(STREETS)} {rng.randrange(1, 200)}",
                      f"{rng.randrange(1000, 10000)} {chr(65 + rng.randrange(26))}{chr(65 + rng.randrange(26))}",
                      rng.choice(CITIES), day(rng, rng.randrange(1940, 2006)), day(rng),
                      rng.choice(["actief", "actief", "inactief"])))
            for _ in range(rng.randrange(1, 5)):
                order += 1
                note = rng.choice(NOTES) if rng.randrange(4) == 0 else ""
                if note and rng.randrange(10) == 0:
                    note += f", bel {phone(rng)}"
                b.append((order, i + 1, day(rng), rng.choice(["open", "betaald", "verzonden", "geleverd"]),
                          rng.randrange(500, 50000) / 100, rng.choice(["PostNL", "DHL", "afhalen"]),
                          rng.choice(["iDEAL", "creditcard", "achteraf"]), note))
                for _ in range(rng.randrange(1, 5)):
                    line += 1
                    r.append((line, order, rng.randrange(1, 2001), rng.randrange(1, 4),
                              rng.randrange(500, 90000) / 100, rng.choice([9, 21])))
            for _ in range(rng.randrange(2, 8)):
                event += 1
                msg = f"GET {rng.choice(PATHS)} {rng.choice([200, 200, 304, 404])} {rng.randrange(5, 900)} ms"
                if rng.randrange(20) == 0:
                    msg = f"login ok user={email(rng, first, last, i)} from {ip(rng)}"
                g.append((event, f"{day(rng, 2024)} {rng.randrange(24):02d}:{rng.randrange(60):02d}:"
                          f"{rng.randrange(60):02d}", rng.choice(["INFO", "INFO", "WARN"]),
                          rng.choice(["web", "api", "betaal"]), msg))
            s.append((f"{rng.getrandbits(64):016x}{i:08x}", i + 1, ip(rng), day(rng, 2024)))
        db.executemany("INSERT INTO klanten VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", k)
        db.executemany("INSERT INTO bestellingen VALUES (?,?,?,?,?,?,?,?)", b)
        db.executemany("INSERT INTO orderregels VALUES (?,?,?,?,?,?)", r)
        db.executemany("INSERT INTO gebeurtenissen VALUES (?,?,?,?,?)", g)
        db.executemany("INSERT INTO sessies VALUES (?,?,?,?)", s)
    db.commit()
    db.close()


def size_bytes(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    return int(text[:-1]) * units[text[-1].upper()] if text[-1].upper() in units else int(text)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: gensqlite.py PATH SIZE")
    generate(sys.argv[1], size_bytes(sys.argv[2]))
