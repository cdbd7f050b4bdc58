#!/usr/bin/python3
"""Writes piiscan's labelled evaluation set (see README.md in this folder).

    generate.py DIR

DIR receives a tree that looks like the file share of a small company with
offices in the Netherlands, Belgium, Germany, France, the UK and the US:
letters, notes, HR files, e-mails, exports (CSV, JSON, SQL), office files,
logs, and the software, configuration and documentation that make up most
of a real share. Beside it:

  labels.tsv  file, kind, value, lang: one line per personal datum planted,
              each value once per location (file relative to DIR,
              "a.eml!b.csv" for a member; kind is piiscan's report name;
              value exactly as written in the file)
  decoys.tsv  file, kind, value, class: values that look like a kind and
              are not personal data (optional for the scorer: it names the
              decoy classes that were reported)

Nothing here is a real person's data: names are combinations from the short
lists below, numbers are drawn at random with valid check digits (BSN
elfproef, IBAN mod 97, Luhn), e-mail domains are example.nl or invented
companies, UK and US phone numbers are in the ranges kept for drama.

Labelling rules (what counts as personal data here):
- a person's name, however written, wherever it refers to a person: full
  names, "J. de Vries", a given name alone ("Beste Jan,", "Jan belt terug"),
  a family name alone ("Geachte heer De Vries"), display names in mail
  headers, document authors. Team names, role senders ("Klantenservice"),
  placeholders ("Dear Customer") and capitalised words in a "Name" column of
  options or files are decoys.
- e-mail addresses, phone numbers, IBANs, card numbers, postcodes, dates of
  birth, BSNs of persons; the same kinds of a company (role mailboxes such as
  info@, noreply@, the company's postcode in a letterhead) are decoys, as are
  placeholders and documented test values (4242 4242 4242 4242).
- IP addresses of visitors and clients (access logs, sshd, mail Received
  lines of a sender); loopback, documentation, broadcast and netmask values,
  version strings and server addresses in configuration are decoys.
- a date is labelled only as a date of birth, whatever the context words.
- special categories: the phrase of a sentence that says it about a person
  ("is sinds 4 maart ziek gemeld"), or a cell holding it in a table
  ("katholiek" in a column of religions); the same words in policies,
  software and news about no one are decoys.

Deterministic: a fixed seed, no clock, no set or dict-order dependence; the
same bytes every run (file times are set to a fixed date too).
"""
import base64
import datetime as dt
import json
import os
import quopri
import random
import re
import shutil
import sys
import unicodedata
import zipfile
from xml.sax.saxutils import escape as xml_escape

SEED = 20240611
FIXED_MTIME = 1710237600  # 2024-03-12 10:00 UTC

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import national  # noqa: E402

KINDS = (
    "email", "phone", "iban", "credit_card", "date_of_birth", "person_name",
    "nl_bsn", "nl_postcode", "ipv4", "ipv6", "health", "religion",
    "ethnic_origin", "political_opinion", "trade_union", "sexual_orientation",
    "genetic_biometric", "criminal_data",
) + national.NATIONAL_KINDS
LANGS = ("nl", "en", "de", "fr")

# ---------------------------------------------------------------------------
# The evaluation set: files written, labels and decoys kept
# ---------------------------------------------------------------------------


class Loc:
    """The labels and decoys of one location: a file, or a member of one
    ("mail.eml!notes.txt"). p() and d() return the value, so that a text is
    written and labelled in one expression."""

    def __init__(self, ev, path, lang):
        self.ev, self.path, self.lang = ev, path, lang

    def p(self, kind, value):
        assert kind in KINDS, kind
        value = str(value)
        assert value and "\t" not in value and "\n" not in value, (kind, value)
        self.ev.labels.append((self.path, kind, value, self.lang))
        return value

    def d(self, kind, value, cls):
        assert kind in KINDS, kind
        value = str(value)
        assert value and "\t" not in value and "\n" not in value, (kind, value)
        self.ev.decoys.append((self.path, kind, value, cls))
        return value

    def text(self, text):
        """Notes the plain text this location holds, for the check that
        every label and decoy value occurs in it."""
        self.ev.texts.setdefault(self.path, []).append(text)
        return text


class Eval:
    def __init__(self, root, rng):
        self.root, self.rng = root, rng
        self.labels, self.decoys = [], []
        self.texts = {}
        self.files = []

    def loc(self, path, lang):
        return Loc(self, path, lang)

    def write(self, path, data):
        full = os.path.join(self.root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        assert path not in self.files, path
        self.files.append(path)
        with open(full, "wb") as f:
            f.write(data)

    def write_text(self, loc, text, encoding="utf-8", newline="\n"):
        loc.text(text)
        text = text.replace("\n", newline)
        if encoding == "utf-16":  # as Windows Notepad saves it: little-endian with a BOM
            data = b"\xff\xfe" + text.encode("utf-16-le")
        else:
            data = text.encode(encoding)
        self.write(loc.path, data)

    def check(self):
        """Every labelled or decoy value must occur in the text of its
        location as written (after undoing SQL and JSON escapes)."""
        bad = []
        for rows in (self.labels, self.decoys):
            for path, kind, value, _ in rows:
                texts = self.texts.get(path)
                assert texts is not None, f"no text noted for {path}"
                blob = "\n".join(texts)
                alt = blob.replace("\\'", "'").replace("''", "'").replace('\\"', '"')
                if value not in blob and value not in alt:
                    bad.append((path, kind, value))
        if bad:
            for b in bad[:20]:
                print("generate.py: value not in its file:", *b, file=sys.stderr)
            sys.exit(1)

    def finish(self):
        self.check()

        def dedup(rows):
            seen, out = set(), []
            for r in rows:
                key = r[:3]
                if key not in seen:
                    seen.add(key)
                    out.append(r)
            return out

        with open(os.path.join(self.root, "labels.tsv"), "w", encoding="utf-8") as f:
            f.write("# file\tkind\tvalue\tlang\n")
            for r in dedup(self.labels):
                f.write("\t".join(r) + "\n")
        with open(os.path.join(self.root, "decoys.tsv"), "w", encoding="utf-8") as f:
            f.write("# file\tkind\tvalue\tclass\n")
            for r in dedup(self.decoys):
                f.write("\t".join(r) + "\n")
        for path in self.files:
            os.utime(os.path.join(self.root, path), (FIXED_MTIME, FIXED_MTIME))


# ---------------------------------------------------------------------------
# Names, places, companies
# ---------------------------------------------------------------------------

GIVEN = {
    "nl": [("Jan", "m"), ("Pieter", "m"), ("Daan", "m"), ("Bram", "m"), ("Thijs", "m"),
           ("Joost", "m"), ("Ruud", "m"), ("Willem", "m"), ("Koen", "m"), ("Hendrik", "m"),
           ("Sem", "m"), ("Maarten", "m"), ("Mohamed", "m"), ("Emre", "m"), ("Gerrit", "m"),
           ("Sanne", "f"), ("Anouk", "f"), ("Lotte", "f"), ("Fleur", "f"), ("Femke", "f"),
           ("Marieke", "f"), ("Esther", "f"), ("Noor", "f"), ("Lieke", "f"), ("Inge", "f"),
           ("Maaike", "f"), ("Annelies", "f"), ("Fatima", "f"), ("Yasmina", "f"), ("Wilma", "f")],
    "en": [("James", "m"), ("Oliver", "m"), ("Thomas", "m"), ("Daniel", "m"), ("Jack", "m"),
           ("Harry", "m"), ("George", "m"), ("Michael", "m"), ("David", "m"), ("Samuel", "m"),
           ("Emma", "f"), ("Sarah", "f"), ("Emily", "f"), ("Sophie", "f"), ("Charlotte", "f"),
           ("Olivia", "f"), ("Amelia", "f"), ("Jessica", "f"), ("Hannah", "f"), ("Rachel", "f")],
    "de": [("Lukas", "m"), ("Felix", "m"), ("Jonas", "m"), ("Maximilian", "m"), ("Tobias", "m"),
           ("Matthias", "m"), ("Stefan", "m"), ("Jürgen", "m"), ("Andreas", "m"), ("Florian", "m"),
           ("Anna", "f"), ("Lena", "f"), ("Leonie", "f"), ("Katharina", "f"), ("Julia", "f"),
           ("Sabine", "f"), ("Ursula", "f"), ("Claudia", "f"), ("Miriam", "f"), ("Birgit", "f")],
    "fr": [("Louis", "m"), ("Hugo", "m"), ("Lucas", "m"), ("Julien", "m"), ("Nicolas", "m"),
           ("Mathieu", "m"), ("Antoine", "m"), ("François", "m"), ("Étienne", "m"), ("Karim", "m"),
           ("Camille", "f"), ("Léa", "f"), ("Chloé", "f"), ("Manon", "f"), ("Élodie", "f"),
           ("Amélie", "f"), ("Céline", "f"), ("Margaux", "f"), ("Sophie", "f"), ("Nadia", "f")],
}

FAMILY = {
    "nl": ["Jansen", "de Vries", "van den Berg", "Bakker", "van Dijk", "Visser", "Smit",
           "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Peters", "Hendriks",
           "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "de Graaf",
           "van der Meer", "van der Linden", "Kok", "de Haan", "Vermeulen", "van den Heuvel",
           "van der Veen", "ter Horst", "ten Brink", "van Beek", "Verhoeven", "El Amrani",
           "Öztürk", "Bouzid", "Kaya", "Postma", "Hoekstra", "van 't Hof"],
    "en": ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
           "Robinson", "Wright", "Thompson", "Evans", "Walker", "Roberts", "Clarke",
           "O'Brien", "McDonald", "Patel", "Hughes", "Edwards", "Harrison", "Kowalski"],
    "de": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
           "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Schröder",
           "Neumann", "Zimmermann", "Krüger", "Hartmann", "von Bülow", "Yıldız", "Lehmann"],
    "fr": ["Martin", "Bernard", "Dubois", "Durand", "Leroy", "Moreau", "Laurent", "Lefèvre",
           "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Rousseau", "Mercier",
           "Le Gall", "de Villiers", "Benali", "Faure", "Chevalier", "Gauthier", "Perrin"],
}
# Belgian names for the Flemish and Walloon people of the nl and fr offices.
FAMILY_BE = {"nl": ["Peeters", "Janssens", "Maes", "Claes", "Wouters", "De Smet", "Van Damme",
                    "Willems", "Goossens", "Vandenberghe"],
             "fr": ["Dubois", "Lambert", "Dupont", "Lejeune", "Renard", "Masson", "Leclercq"]}
PARTICLES = ("van", "de", "der", "den", "het", "ter", "ten", "te", "'t", "von", "le", "la", "du")

NL_CITIES = [  # city, postcode range
    ("Amsterdam", 1011, 1109), ("Rotterdam", 3011, 3089), ("Utrecht", 3511, 3585),
    ("Den Haag", 2491, 2599), ("Eindhoven", 5611, 5658), ("Groningen", 9711, 9747),
    ("Tilburg", 5011, 5049), ("Almere", 1311, 1363), ("Breda", 4811, 4839),
    ("Nijmegen", 6511, 6546), ("Haarlem", 2011, 2037), ("Arnhem", 6811, 6846),
    ("Zwolle", 8011, 8046), ("Leiden", 2311, 2334), ("Maastricht", 6211, 6229),
    ("Delft", 2611, 2629), ("Amersfoort", 3811, 3829), ("Apeldoorn", 7311, 7339),
]
NL_STREETS = ["Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsweg", "Schoolstraat",
              "Julianalaan", "Beatrixstraat", "Wilhelminastraat", "Nieuwstraat", "Lindelaan",
              "Eikenlaan", "Parallelweg", "Prinsengracht", "Zonnebloemstraat", "Merelstraat",
              "Populierenlaan", "Havenstraat", "Marktplein", "Spoorlaan", "Vijverhof"]
PC_LETTERS = "ABCEGHJKLMNPRSTVWXZ"
BE_PLACES = [("1000", "Brussel"), ("2000", "Antwerpen"), ("9000", "Gent"), ("3000", "Leuven"),
             ("8000", "Brugge"), ("4000", "Liège"), ("5000", "Namur"), ("1348", "Louvain-la-Neuve")]
BE_STREETS = {"nl": ["Stationsstraat", "Kerkstraat", "Veldstraat", "Meir", "Brugsesteenweg"],
              "fr": ["Rue de la Station", "Chaussée de Wavre", "Rue du Marché", "Avenue Louise"]}
DE_PLACES = [("10115", "Berlin"), ("80331", "München"), ("50667", "Köln"), ("20095", "Hamburg"),
             ("60311", "Frankfurt am Main"), ("70173", "Stuttgart"), ("04109", "Leipzig"),
             ("40213", "Düsseldorf"), ("28195", "Bremen"), ("01067", "Dresden")]
DE_STREETS = ["Hauptstraße", "Bahnhofstraße", "Gartenweg", "Schulstraße", "Lindenallee",
              "Bergstraße", "Am Markt", "Mühlenweg", "Goethestraße", "Rosenstraße"]
FR_PLACES = [("75011", "Paris"), ("75015", "Paris"), ("69002", "Lyon"), ("13001", "Marseille"),
             ("31000", "Toulouse"), ("33000", "Bordeaux"), ("59000", "Lille"), ("44000", "Nantes"),
             ("67000", "Strasbourg"), ("35000", "Rennes")]
FR_STREETS = ["rue de la République", "avenue Victor Hugo", "rue des Lilas", "boulevard Voltaire",
              "rue du Moulin", "place de la Mairie", "rue Pasteur", "allée des Tilleuls"]
GB_PLACES = [("M1 4BT", "Manchester"), ("LS1 5AB", "Leeds"), ("EH1 2NG", "Edinburgh"),
             ("BS1 4DJ", "Bristol"), ("SE1 7PB", "London"), ("N1 9GU", "London"),
             ("B2 4QA", "Birmingham"), ("CF10 1EP", "Cardiff")]
GB_STREETS = ["Church Lane", "Station Road", "Victoria Street", "Mill Lane", "Park Avenue",
              "Queens Road", "High Street", "Orchard Close"]
US_PLACES = [("Springfield, IL 62704", "Springfield"), ("Portland, OR 97205", "Portland"),
             ("Austin, TX 78701", "Austin"), ("Madison, WI 53703", "Madison"),
             ("Boulder, CO 80302", "Boulder")]
US_STREETS = ["Maple Avenue", "Oak Street", "Pine Road", "Cedar Lane", "Elm Street"]


class Company:
    def __init__(self, name, domain, lang, country, street=None, pc=None, city=None, short=None):
        self.name, self.domain, self.lang, self.country = name, domain, lang, country
        self.street, self.postcode, self.city = street, pc, city
        self.short = short or name


COMPANIES = {
    "nl": [Company("Bakkerij Het Zonnetje B.V.", "bakkerij-zonnetje.nl", "nl", "NL",
                   "Industrieweg 14", "3821 AB", "Amersfoort", "Het Zonnetje"),
           Company("Noorderlicht Installatietechniek B.V.", "noorderlicht-installatie.nl", "nl", "NL",
                   "Energieweg 3", "9743 AN", "Groningen", "Noorderlicht"),
           Company("Groenrijk Hoveniers B.V.", "groenrijk-hoveniers.nl", "nl", "NL",
                   "Kwekerijlaan 7", "2631 GT", "Delft", "Groenrijk"),
           Company("Zorggroep De Klaproos", "klaproos-zorg.nl", "nl", "NL",
                   "Klaproosweg 1", "6533 LM", "Nijmegen", "De Klaproos"),
           Company("Woonstichting Waterland", "waterland-wonen.nl", "nl", "NL",
                   "Havenkade 22", "1502 BR", "Zaandam", "Waterland")],
    "en": [Company("Harbourview Consulting Ltd", "harbourview-consulting.co.uk", "en", "GB",
                   short="Harbourview"),
           Company("Bluefinch Analytics Inc.", "bluefinch-analytics.com", "en", "US", short="Bluefinch"),
           Company("Kestrel Property Management", "kestrel-property.co.uk", "en", "GB", short="Kestrel")],
    "de": [Company("Kappa Logistik GmbH", "kappa-logistik.de", "de", "DE", short="Kappa Logistik"),
           Company("Schreinerei Eichenhof GmbH", "eichenhof-schreinerei.de", "de", "DE", short="Eichenhof"),
           Company("Steuerkanzlei Rheinblick", "rheinblick-steuer.de", "de", "DE", short="Rheinblick")],
    "fr": [Company("Boulangerie La Lumière SARL", "boulangerie-lumiere.fr", "fr", "FR", short="La Lumière"),
           Company("Cabinet Horizon Conseil", "horizon-conseil.fr", "fr", "FR", short="Horizon Conseil"),
           Company("Transports Azur SAS", "transports-azur.fr", "fr", "FR", short="Transports Azur"),
           Company("Atelier Schelde BV", "atelier-schelde.be", "fr", "BE", short="Atelier Schelde")],
}

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
}

# ---------------------------------------------------------------------------
# Numbers with their check digits
# ---------------------------------------------------------------------------


def elfproef_ok(d):
    if len(d) != 9 or not d.isdigit() or len(set(d)) == 1:
        return False
    return (sum((9 - i) * int(d[i]) for i in range(8)) - int(d[8])) % 11 == 0


def make_elfproef(rng, first=None):
    """A 9-digit number that passes the Dutch 11-check (a BSN, or a decoy
    order number)."""
    while True:
        d = [rng.randint(1, 9) if first is None else first] + [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(6)]
        last = sum((9 - i) * d[i] for i in range(8)) % 11
        if last == 10:
            continue
        s = "".join(map(str, d + [last]))
        if elfproef_ok(s):
            return s


def make_not_elfproef(rng, n=9):
    while True:
        s = str(rng.randint(10 ** (n - 1), 10 ** n - 1))
        if n != 9 or not elfproef_ok(s):
            return s


def iban_with_check(cc, bban):
    num = "".join(str(int(c, 36)) for c in bban + cc + "00")
    return f"{cc}{98 - int(num) % 97:02d}{bban}"


def iban_valid(iban):
    s = iban.replace(" ", "").upper()
    num = "".join(str(int(c, 36)) for c in s[4:] + s[:4])
    return int(num) % 97 == 1


def digits(rng, n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def bban_nl(rng):
    bank = rng.choice(["ABNA", "RABO", "INGB", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"])
    while True:  # the old Dutch account 11-test, still true of most accounts
        acc = "0" + str(rng.randint(1, 9)) + digits(rng, 8)
        if sum((10 - i) * int(c) for i, c in enumerate(acc)) % 11 == 0:
            return bank + acc


def bban_be(rng):
    ten = str(rng.randint(1, 9)) + digits(rng, 9)
    chk = int(ten) % 97 or 97
    return f"{ten}{chk:02d}"


def bban_de(rng):
    return str(rng.randint(1, 8)) + digits(rng, 7) + digits(rng, 10)


def bban_fr(rng):
    bank, branch, acc = digits(rng, 5), digits(rng, 5), digits(rng, 11)
    key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acc)) % 97
    return f"{bank}{branch}{acc}{key:02d}"


def bban_gb(rng):
    return rng.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + digits(rng, 6) + digits(rng, 8)


def bban_es(rng):
    bank, branch, acc = digits(rng, 4), digits(rng, 4), digits(rng, 10)
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]

    def dc(s):
        v = 11 - sum(int(c) * w[i] for i, c in enumerate(s)) % 11
        return {11: 0, 10: 1}.get(v, v)
    return f"{bank}{branch}{dc('00' + bank + branch)}{dc(acc)}{acc}"


IT_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def bban_it(rng):
    abi, cab, acc = digits(rng, 5), digits(rng, 5), digits(rng, 12)
    s = abi + cab + acc
    total = 0
    for i, c in enumerate(s):
        v = int(c)
        total += IT_ODD[v] if i % 2 == 0 else v
    cin = chr(ord("A") + total % 26)
    return cin + s


IBAN_BBAN = {"NL": (bban_nl, 18), "BE": (bban_be, 16), "DE": (bban_de, 22), "FR": (bban_fr, 27),
             "GB": (bban_gb, 22), "ES": (bban_es, 24), "IT": (bban_it, 27)}


def make_iban(rng, cc):
    fn, length = IBAN_BBAN[cc]
    iban = iban_with_check(cc, fn(rng))
    assert len(iban) == length and iban_valid(iban), iban
    return iban


def luhn_digit(body):
    total = 0
    for i, c in enumerate(reversed(body)):
        v = int(c)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return str((10 - total % 10) % 10)


CARD_NETWORKS = {  # name: (prefixes, lengths)
    "Visa": (["4"], [16, 16, 16, 13, 19]),
    "Mastercard": (["51", "52", "53", "54", "55", "2221", "2300", "2500", "2720"], [16]),
    "American Express": (["34", "37"], [15]),
    "Maestro": (["6759", "5018", "6304", "5020"], [16, 19]),
    "Discover": (["6011", "65"], [16]),
    "JCB": (["3528", "3540", "3566", "3589"], [16]),
    "Diners Club": (["36", "300", "305", "38"], [14]),
}


def make_card(rng, network=None):
    network = network or rng.choice(["Visa", "Visa", "Visa", "Mastercard", "Mastercard",
                                     "American Express", "Maestro", "Discover", "JCB", "Diners Club"])
    prefixes, lengths = CARD_NETWORKS[network]
    prefix, length = rng.choice(prefixes), rng.choice(lengths)
    body = prefix + digits(rng, length - len(prefix) - 1)
    return network, body + luhn_digit(body)


def group_card(number, style):
    """Card numbers as people write them: 4-4-4-4, 4-6-5 for Amex and 4-6-4
    for Diners, with spaces or dashes, or as one run."""
    n = len(number)
    if style == "plain":
        return number
    sep = "-" if style == "dash" else " "
    if n == 15:
        parts = [number[:4], number[4:10], number[10:]]
    elif n == 14:
        parts = [number[:4], number[4:10], number[10:]]
    else:
        parts = [number[i:i + 4] for i in range(0, n, 4)]
    return sep.join(parts)


def ean13(rng, prefix):
    body = prefix + digits(rng, 12 - len(prefix))
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


def ascii_fold(s, german=False):
    if german:
        for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
            s = s.replace(a, b)
    s = s.replace("ı", "i")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


# ---------------------------------------------------------------------------
# Phone numbers in the written forms of each country
# ---------------------------------------------------------------------------


def fmt_groups(s, sizes, sep=" "):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return sep.join(p for p in out if p)


def phone_nl(rng, mobile):
    if mobile:
        nsn = "6" + str(rng.randint(1, 5)) + digits(rng, 7)
        return rng.choice([
            "06-" + nsn[1:], "06 " + fmt_groups(nsn[1:], [4, 4]), "0" + nsn,
            "+31 6 " + nsn[1:], "+31 (0)6 " + fmt_groups(nsn[1:], [4, 4]), "+31" + nsn,
            "0031 6 " + fmt_groups(nsn[1:], [2, 2, 2, 2]), "06 - " + fmt_groups(nsn[1:], [2, 2, 2, 2]),
            "06 " + fmt_groups(nsn[1:], [2, 2, 2, 2]),
        ])
    area = rng.choice(["20", "10", "30", "70", "40", "50", "24", "26", "43", "53", "58", "71", "73",
                       "76", "33", "35", "38", "113", "229", "318", "597", "475"])
    sub = str(rng.randint(2, 9)) + digits(rng, 8 - len(area))
    if len(area) == 2:
        return rng.choice([
            f"0{area}-{sub}", f"(0{area}) {fmt_groups(sub, [3, 2, 2])}", f"0{area} {fmt_groups(sub, [3, 4])}",
            f"+31 {area} {fmt_groups(sub, [3, 4])}", f"+31 (0){area} {sub}", f"0{area} - {fmt_groups(sub, [3, 2, 2])}",
        ])
    return rng.choice([f"0{area}-{sub}", f"0{area} {fmt_groups(sub, [2, 2, 2])}", f"+31 {area} {sub}"])


def phone_be(rng, mobile):
    if mobile:
        nsn = "4" + rng.choice("789") + digits(rng, 7)
        return rng.choice([
            "0" + fmt_groups(nsn, [3, 2, 2, 2]), "+32 " + fmt_groups(nsn, [3, 2, 2, 2]),
            "0" + nsn[:3] + "/" + fmt_groups(nsn[3:], [2, 2, 2], "."), "0032 " + fmt_groups(nsn, [3, 3, 3]),
        ])
    area = rng.choice(["2", "3", "9"])
    sub = str(rng.randint(2, 9)) + digits(rng, 6)
    return rng.choice([f"0{area} {fmt_groups(sub, [3, 2, 2])}", f"+32 {area} {fmt_groups(sub, [3, 2, 2])}",
                       f"0{area}/{fmt_groups(sub, [3, 2, 2], '.')}"])


def pairs_from_end(s):
    """ "5098254" as "509 82 54": pairs from the end, three digits first
    when the count is odd."""
    head = 3 if len(s) % 2 else 2
    return " ".join([s[:head]] + [s[i:i + 2] for i in range(head, len(s), 2)])


def phone_de(rng, mobile):
    if mobile:
        area = rng.choice(["151", "152", "160", "170", "171", "172", "176", "157"])
        sub = str(rng.randint(1, 9)) + digits(rng, rng.choice([6, 7]))
    else:
        area = rng.choice(["30", "89", "221", "40", "69", "711", "341", "211"])
        sub = str(rng.randint(2, 9)) + digits(rng, rng.choice([5, 6, 7]) if len(area) == 3 else rng.choice([6, 7]))
    return rng.choice([
        f"0{area} {sub}", f"0{area}/{sub}", f"0{area}-{sub}", f"+49 {area} {sub}",
        f"+49 (0){area} {sub}", f"+49{area}{sub}", f"0{area} {pairs_from_end(sub)}",
    ])


def phone_fr(rng, mobile):
    first = rng.choice("67") if mobile else rng.choice("12345")
    nsn = first + digits(rng, 8)
    pairs = fmt_groups(nsn[1:], [2, 2, 2, 2])
    return rng.choice([
        f"0{first} {pairs}", f"0{first}.{fmt_groups(nsn[1:], [2, 2, 2, 2], '.')}",
        f"+33 {first} {pairs}", f"+33 (0){first} {pairs}", f"0{nsn}",
    ])


def phone_gb(rng, mobile):
    tail = digits(rng, 3)
    if mobile:  # Ofcom's range for drama: 07700 900000-900999
        return rng.choice([f"07700 900{tail}", f"+44 7700 900{tail}", f"+44 (0)7700 900{tail}",
                           f"+447700900{tail}"])
    kind = rng.choice(["ldn", "leeds", "man"])
    if kind == "ldn":
        return rng.choice([f"020 7946 0{tail}", f"+44 20 7946 0{tail}", f"(020) 7946 0{tail}"])
    area = "113" if kind == "leeds" else "161"
    return rng.choice([f"0{area} 496 0{tail}", f"+44 {area} 496 0{tail}"])


def phone_us(rng, mobile):
    area = rng.choice(["212", "415", "312", "617", "206", "512", "303"])
    line = f"01{rng.randint(0, 9)}{rng.randint(0, 9)}"  # 555-0100..0199 are kept for fiction
    return rng.choice([f"({area}) 555-{line}", f"{area}-555-{line}", f"+1 {area} 555 {line}",
                       f"+1 ({area}) 555-{line}", f"{area}.555.{line}", f"+1-{area}-555-{line}"])


PHONES = {"NL": phone_nl, "BE": phone_be, "DE": phone_de, "FR": phone_fr, "GB": phone_gb, "US": phone_us}

# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------


def fmt_date(d, lang, style):
    """A date written as people write it in lang; style picks the form."""
    m = MONTHS[lang][d.month - 1]
    if lang == "nl":
        forms = [f"{d:%d-%m-%Y}", f"{d.day}-{d.month}-{d.year}", f"{d.day} {m} {d.year}",
                 f"{d:%Y-%m-%d}", f"{d:%d/%m/%Y}"]
    elif lang == "en":
        forms = [f"{d.day} {m} {d.year}", f"{m} {d.day}, {d.year}", f"{d:%m/%d/%Y}",
                 f"{d:%d/%m/%Y}", f"{d:%Y-%m-%d}"]
    elif lang == "de":
        forms = [f"{d:%d.%m.%Y}", f"{d.day}. {m} {d.year}", f"{d.day}.{d.month}.{d.year}",
                 f"{d:%d.%m.%Y}", f"{d:%Y-%m-%d}"]
    else:
        day = "1er" if d.day == 1 else str(d.day)
        forms = [f"{d:%d/%m/%Y}", f"{day} {m} {d.year}", f"{d:%d/%m/%Y}", f"{d:%d.%m.%Y}", f"{d:%Y-%m-%d}"]
    return forms[style % len(forms)]


def dob_str(p, lang, rng):
    """p's date of birth in a form of p's language, and for English of p's
    country (the US writes the month first)."""
    styles = [0, 1, 2, 3, 4]
    if lang == "en":
        styles = [1, 2, 4] if p.country == "US" else [0, 3, 4]
    return fmt_date(p.dob, lang, rng.choice(styles))


class Person:
    def __init__(self, given, gender, family, lang, country):
        self.given, self.gender, self.family = given, gender, family
        self.lang, self.country = lang, country

    @property
    def full(self):
        return f"{self.given} {self.family}"

    @property
    def surname(self):
        """The family name without the given name: a Dutch tussenvoegsel is
        then written with a capital (meneer De Vries)."""
        f = self.family
        if self.lang == "nl" and f.split(" ")[0] in PARTICLES:
            return f[0].upper() + f[1:] if f[0] != "'" else f
        return f

    @property
    def initials(self):
        return f"{self.given[0]}. {self.family}"

    def local(self, rng):
        g = ascii_fold(self.given, self.lang == "de").lower()
        f = ascii_fold(self.family, self.lang == "de").lower().replace(" ", "").replace("'", "")
        return rng.choice([f"{g}.{f}", f"{g[0]}.{f}", f"{g}{f}", f"{f}.{g}", f"{g}_{f}{rng.randint(60, 99)}",
                           f"{g}.{f}{rng.randint(1, 99)}", f"{g[0]}{f}"])


class People:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def new(self, lang, country=None, employer=None):
        rng = self.rng
        if country is None:
            country = {"nl": rng.choice(["NL"] * 4 + ["BE"]), "en": rng.choice(["GB", "GB", "US"]),
                       "de": "DE", "fr": rng.choice(["FR", "FR", "FR", "BE"])}[lang]
        fams = FAMILY_BE[lang] if country == "BE" and lang in FAMILY_BE else FAMILY[lang]
        for _ in range(20):  # a new combination while there are any left
            given, gender = rng.choice(GIVEN[lang])
            family = rng.choice(fams)
            if (given, family) not in self.used:
                break
        self.used.add((given, family))
        p = Person(given, gender, family, lang, country)
        p.dob = dt.date(rng.randint(1948, 2004), rng.randint(1, 12), rng.randint(1, 28))
        if country == "NL":
            city, lo, hi = rng.choice(NL_CITIES)
            p.street = f"{rng.choice(NL_STREETS)} {rng.randint(1, 180)}"
            p.postcode = f"{rng.randint(lo, hi)} {self.pc_letters()}"
            p.city = city
        elif country == "BE":
            p.pc_be, p.city = rng.choice(BE_PLACES)
            p.street = f"{rng.choice(BE_STREETS[lang if lang in BE_STREETS else 'nl'])} {rng.randint(1, 120)}"
            p.postcode = None
        elif country == "DE":
            p.pc_de, p.city = rng.choice(DE_PLACES)
            p.street = f"{rng.choice(DE_STREETS)} {rng.randint(1, 90)}"
            p.postcode = None
        elif country == "FR":
            p.pc_fr, p.city = rng.choice(FR_PLACES)
            p.street = f"{rng.randint(1, 90)} {rng.choice(FR_STREETS)}"
            p.postcode = None
        elif country == "GB":
            p.pc_gb, p.city = rng.choice(GB_PLACES)
            p.street = f"{rng.randint(1, 90)} {rng.choice(GB_STREETS)}"
            p.postcode = None
        else:
            p.pc_us, p.city = rng.choice(US_PLACES)
            p.street = f"{rng.randint(100, 2999)} {rng.choice(US_STREETS)}"
            p.postcode = None
        p.mobile = PHONES[country](rng, True)
        p.landline = PHONES[country](rng, False)
        p.email = f"{p.local(rng)}@example.nl"
        p.employer = employer
        p.work_email = f"{p.local(rng)}@{employer.domain}" if employer else None
        if country == "US":
            p.iban = None
        elif rng.random() < 0.1:  # an account abroad: Spain and Italy are where people move and retire to
            p.iban = make_iban(rng, rng.choice(["ES", "IT"]))
        else:
            p.iban = make_iban(rng, country)
        p.bsn = make_elfproef(rng) if country == "NL" else None
        p.card = make_card(rng)
        return p

    def pc_letters(self):
        while True:
            s = self.rng.choice(PC_LETTERS) + self.rng.choice(PC_LETTERS)
            if s not in ("SA", "SD", "SS"):
                return s


def address_lines(loc, p, label_postcode=True):
    """The postal address of p as it is written in p's country; a Dutch
    postcode is labelled."""
    if p.country == "NL":
        pc = loc.p("nl_postcode", p.postcode) if label_postcode else p.postcode
        return [p.street, f"{pc} {p.city.upper() if loc.ev.rng.random() < 0.3 else p.city}"]
    if p.country == "BE":
        return [p.street, f"{p.pc_be} {p.city}"]
    if p.country == "DE":
        return [p.street, f"{p.pc_de} {p.city}"]
    if p.country == "FR":
        return [p.street, f"{p.pc_fr} {p.city.upper()}"]
    if p.country == "GB":
        return [p.street, p.city, p.pc_gb]
    return [p.street, p.pc_us]


def fmt_iban(rng, iban, style=None):
    """An IBAN as people write it: compact, in groups of four, with irregular
    spaces, in lower case."""
    style = style if style is not None else rng.choice(["compact", "groups", "groups", "groups", "irregular", "lower"])
    if style == "compact":
        return iban
    if style == "groups":
        return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    if style == "irregular":
        return f"{iban[:4]} {iban[4:8]} {iban[8:16]} {iban[16:]}".strip()
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)).lower() if rng.random() < 0.5 else iban.lower()


# ---------------------------------------------------------------------------
# Writers for the formats: CSV, e-mail, docx, xlsx, zip
# ---------------------------------------------------------------------------


def csv_text(rows, delim=",", crlf=True):
    out = []
    for row in rows:
        cells = []
        for c in row:
            c = "" if c is None else str(c)
            if any(ch in c for ch in (delim, '"', "\n")):
                c = '"' + c.replace('"', '""') + '"'
            cells.append(c)
        out.append(delim.join(cells))
    nl = "\r\n" if crlf else "\n"
    return nl.join(out) + nl


def q_encode(s):
    out = []
    for b in s.encode("utf-8"):
        c = chr(b)
        if c == " ":
            out.append("_")
        elif c.isalnum() and b < 128:
            out.append(c)
        else:
            out.append(f"={b:02X}")
    return "=?UTF-8?Q?" + "".join(out) + "?="


def display(name):
    if any(ord(c) > 127 for c in name):
        return q_encode(name)
    if any(c in name for c in ',.()<>@"'):
        return '"' + name.replace('"', '\\"') + '"'
    return name


def mailbox(name, addr):
    return f"{display(name)} <{addr}>" if name else addr


def b64_lines(data):
    s = base64.b64encode(data).decode()
    return "\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def make_eml(headers, body, attachments=(), html=None, boundary="b1"):
    """An RFC 5322 message: headers (list of (name, value), values already
    encoded), a text/plain body in quoted-printable, an optional HTML
    alternative, attachments (filename, content type, bytes) in base64."""
    head = "".join(f"{k}: {v}\n" for k, v in headers) + "MIME-Version: 1.0\n"
    text_part = ("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                 + quopri.encodestring(body.encode("utf-8")).decode("ascii") + "\n")
    if html is not None:
        html_part = ("Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                     + quopri.encodestring(html.encode("utf-8")).decode("ascii") + "\n")
        alt = f"alt-{boundary}"
        text_part = (f'Content-Type: multipart/alternative; boundary="{alt}"\n\n'
                     f"--{alt}\n{text_part}--{alt}\n{html_part}--{alt}--\n")
    if not attachments:
        return (head + text_part).encode("ascii")
    parts = [text_part]
    for name, ctype, data in attachments:
        parts.append(f'Content-Type: {ctype}; name="{name}"\nContent-Disposition: attachment; filename="{name}"\n'
                     f"Content-Transfer-Encoding: base64\n\n{b64_lines(data)}\n")
    out = head + f'Content-Type: multipart/mixed; boundary="{boundary}"\n\nThis is a multi-part message in MIME format.\n'
    for p in parts:
        out += f"--{boundary}\n{p}"
    out += f"--{boundary}--\n"
    return out.encode("ascii")


ZIP_TIME = (2024, 3, 12, 10, 0, 0)


def make_zip(members):
    """A zip of (name, bytes), the same bytes every run."""
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


OOXML_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
              '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
              '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{main}"/>'
              '</Relationships>')


def core_xml(title, creator, modified_by):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{xml_escape(title)}</dc:title><dc:creator>{xml_escape(creator)}</dc:creator>"
            f"<cp:lastModifiedBy>{xml_escape(modified_by)}</cp:lastModifiedBy><cp:revision>3</cp:revision>"
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-11T08:41:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-12T09:58:00Z</dcterms:modified>'
            "</cp:coreProperties>")


def app_xml(app):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f"<Application>{app}</Application><DocSecurity>0</DocSecurity><AppVersion>16.0000</AppVersion></Properties>")


def docx_runs(text, rng):
    """Word splits a paragraph into runs where formatting or editing
    changed; a third of the paragraphs here are split too."""
    if rng is not None and len(text) > 30 and rng.random() < 0.3:
        a = rng.randint(5, len(text) - 5)
        pieces = [text[:a], text[a:]]
    else:
        pieces = [text]
    out = []
    for k, piece in enumerate(pieces):
        rpr = "<w:rPr><w:lang w:val=\"nl-NL\"/></w:rPr>" if k else ""
        out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{xml_escape(piece)}</w:t></w:r>')
    return "".join(out)


def make_docx(blocks, title, creator, modified_by, rng=None):
    """A minimal Word document: blocks are paragraphs (str) or tables (a
    list of rows of cell texts)."""
    body = []
    for b in blocks:
        if isinstance(b, str):
            body.append(f"<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>{docx_runs(b, rng)}</w:p>")
        else:
            rows = "".join("<w:tr>" + "".join(f"<w:tc><w:p>{docx_runs(c, None)}</w:p></w:tc>" for c in row) + "</w:tr>"
                           for row in b)
            body.append(f"<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr>{rows}</w:tbl>")
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>'
           + "".join(body) +
           '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
             '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
             '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
             "</Types>")
    return make_zip([
        ("[Content_Types].xml", types.encode()),
        ("_rels/.rels", OOXML_RELS.format(main="word/document.xml").encode()),
        ("docProps/core.xml", core_xml(title, creator, modified_by).encode()),
        ("docProps/app.xml", app_xml("Microsoft Office Word").encode()),
        ("word/document.xml", doc.encode()),
    ])


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def make_xlsx(sheets, title, creator, modified_by):
    """A minimal workbook: sheets are (name, rows); strings are inline,
    ints numbers."""
    wb_sheets, rels, overrides, members = [], [], [], []
    for n, (name, rows) in enumerate(sheets, 1):
        wb_sheets.append(f'<sheet name="{xml_escape(name)}" sheetId="{n}" r:id="rId{n}"/>')
        rels.append(f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>')
        overrides.append(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        xrows = []
        for r, row in enumerate(rows, 1):
            cells = []
            for c, v in enumerate(row):
                ref = f"{col_name(c)}{r}"
                if v is None or v == "":
                    continue
                if isinstance(v, int):
                    cells.append(f'<c r="{ref}"><v>{v}</v></c>')
                else:
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{xml_escape(str(v))}</t></is></c>')
            xrows.append(f'<row r="{r}">' + "".join(cells) + "</row>")
        sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                 '<sheetData>' + "".join(xrows) + "</sheetData></worksheet>")
        members.append((f"xl/worksheets/sheet{n}.xml", sheet.encode()))
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          + "".join(wb_sheets) + "</sheets></workbook>")
    wb_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               + "".join(rels) + "</Relationships>")
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             + "".join(overrides) +
             '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
             '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
             "</Types>")
    return make_zip([
        ("[Content_Types].xml", types.encode()),
        ("_rels/.rels", OOXML_RELS.format(main="xl/workbook.xml").encode()),
        ("docProps/core.xml", core_xml(title, creator, modified_by).encode()),
        ("docProps/app.xml", app_xml("Microsoft Excel").encode()),
        ("xl/workbook.xml", wb.encode()),
        ("xl/_rels/workbook.xml.rels", wb_rels.encode()),
    ] + members)


# ---------------------------------------------------------------------------
# Pieces of letters: salutations, closings, signatures, dates, amounts
# ---------------------------------------------------------------------------

CLOSINGS = {
    "nl": ["Met vriendelijke groet,", "Met vriendelijke groeten,", "Hartelijke groet,", "Vriendelijke groet,"],
    "en": ["Kind regards,", "Best regards,", "Yours sincerely,", "Many thanks,"],
    "de": ["Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße", "Freundliche Grüße"],
    "fr": ["Cordialement,", "Bien cordialement,", "Bien à vous,", "Sincères salutations,"],
}
FUNCTIONS = {
    "nl": ["Medewerker klantenservice", "Teamleider administratie", "Accountmanager", "Planner", "HR-adviseur",
           "Office manager", "Financieel medewerker"],
    "en": ["Customer Service Advisor", "Account Manager", "HR Business Partner", "Office Manager",
           "Finance Assistant", "Operations Lead"],
    "de": ["Sachbearbeiterin Kundenservice", "Personalreferent", "Buchhaltung", "Vertriebsleiter",
           "Teamleitung Disposition"],
    "fr": ["Chargée de clientèle", "Responsable RH", "Comptable", "Assistant de direction",
           "Responsable commercial"],
}
PHONE_LABEL = {"nl": ["T", "Tel.", "Telefoon:"], "en": ["T:", "Tel:", "Phone:"],
               "de": ["Tel.:", "Telefon:", "Tel."], "fr": ["Tél. :", "Tél :", "Tél."]}
MOBILE_LABEL = {"nl": ["M", "Mobiel:", "Tel."], "en": ["Mobile:", "M:"], "de": ["Mobil:", "Handy:"],
                "fr": ["Portable :", "Mobile :"]}
MAIL_LABEL = {"nl": ["E", "E-mail:", "Mail:"], "en": ["E:", "Email:", "E-mail:"], "de": ["E-Mail:", "Mail:"],
              "fr": ["E-mail :", "Courriel :", "Mél :"]}


def rand_day(rng, y0=2023, y1=2024):
    return dt.date(rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28))


def long_date(d, lang):
    m = MONTHS[lang][d.month - 1]
    if lang == "en":
        return f"{d.day} {m} {d.year}"
    if lang == "de":
        return f"{d.day}. {m} {d.year}"
    return f"{d.day} {m} {d.year}"


def short_date(d, lang):
    return {"nl": f"{d:%d-%m-%Y}", "en": f"{d:%d/%m/%Y}", "de": f"{d:%d.%m.%Y}", "fr": f"{d:%d/%m/%Y}"}[lang]


def amount(rng, lang):
    v = rng.randint(1500, 250000) / 100
    if lang == "en":
        return rng.choice(["£", "$"]) + f"{v:,.2f}"
    s = f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"€ {s}" if lang != "fr" else f"{s} €"


def salutation(loc, p, lang, rng, formal=None):
    formal = rng.random() < 0.5 if formal is None else formal
    m = p.gender == "m"
    if lang == "nl":
        if formal:
            return f"Geachte {'heer' if m else 'mevrouw'} {loc.p('person_name', p.surname)},"
        return f"{rng.choice(['Beste', 'Beste', 'Hoi', 'Hallo'])} {loc.p('person_name', p.given)},"
    if lang == "en":
        if formal:
            return f"Dear {'Mr' if m else rng.choice(['Ms', 'Ms.', 'Mrs'])} {loc.p('person_name', p.surname)},"
        return f"{rng.choice(['Dear', 'Hi', 'Hello'])} {loc.p('person_name', p.given)},"
    if lang == "de":
        if formal:
            return f"{'Sehr geehrter Herr' if m else 'Sehr geehrte Frau'} {loc.p('person_name', p.surname)},"
        return f"{rng.choice(['Hallo', 'Lieber' if m else 'Liebe'])} {loc.p('person_name', p.given)},"
    if formal:
        return f"{rng.choice(['Bonjour', 'Chère' if not m else 'Cher'])} {'Monsieur' if m else 'Madame'} {loc.p('person_name', p.surname)},"
    return f"{rng.choice(['Bonjour', 'Cher' if m else 'Chère'])} {loc.p('person_name', p.given)},"


def signature(loc, emp, lang, rng, contact=True):
    closing = rng.choice(CLOSINGS[lang])
    if "Grüße" in closing:
        loc.d("person_name", "Grüße", "closing_word")
    lines = [closing, "", loc.p("person_name", emp.full), rng.choice(FUNCTIONS[lang]),
             emp.employer.name]
    if contact:
        if rng.random() < 0.5:
            lines.append(f"{rng.choice(PHONE_LABEL[lang])} {loc.p('phone', emp.landline)}")
        else:
            lines.append(f"{rng.choice(MOBILE_LABEL[lang])} {loc.p('phone', emp.mobile)}")
        lines.append(f"{rng.choice(MAIL_LABEL[lang])} {loc.p('email', emp.work_email)}")
    return lines


def letterhead(loc, comp, rng):
    lines = [comp.name]
    if comp.postcode:
        lines.append(f"{comp.street} · {loc.d('nl_postcode', comp.postcode, 'company_address')} {comp.city}")
        lines.append(f"www.{comp.domain} · KvK {loc.d('nl_bsn', make_not_elfproef(rng, 8), 'kvk_number')}")
    else:
        lines.append(f"www.{comp.domain}")
    return lines


def recipient(loc, p, lang, rng):
    m = p.gender == "m"
    name = loc.p("person_name", rng.choice([p.initials, p.full]))
    first = {"nl": rng.choice([f"{'De heer' if m else 'Mevrouw'} {name}", f"T.a.v. {name}", name]),
             "en": rng.choice([f"{'Mr' if m else 'Ms'} {name}", name]),
             "de": rng.choice([f"{'Herrn' if m else 'Frau'} {name}", name]),
             "fr": rng.choice([f"{'Monsieur' if m else 'Madame'} {name}", name])}[lang]
    return [first] + address_lines(loc, p)


def dob_phrase(loc, p, lang, rng):
    """A date of birth in a sentence or a form line, labelled."""
    d = p.dob
    if lang == "nl" and rng.random() < 0.12:
        return f"geb. {loc.p('date_of_birth', f'{d:%d-%m}-' + chr(39) + f'{d:%y}')}"
    v = loc.p("date_of_birth", dob_str(p, lang, rng))
    female = p.gender == "f"
    return rng.choice({
        "nl": [f"geboren op {v}", f"geboren {v}", f"geb. {v}", f"(geboortedatum {v})"],
        "en": [f"born {v}", f"born on {v}", f"date of birth {v}", f"(DOB {v})"],
        "de": [f"geboren am {v}", f"geb. {v}", f"Geburtsdatum {v}"],
        "fr": [f"{'née' if female else 'né'} le {v}", f"date de naissance : {v}"],
    }[lang])


def employee(ev, lang, comp=None):
    comp = comp or ev.rng.choice(COMPANIES[lang])
    return ev.people.new(lang, country=comp.country, employer=comp)


# ---------------------------------------------------------------------------
# Personal data in letters, notes and forms
# ---------------------------------------------------------------------------


def gen_letter(ev, lang, path, as_docx=False):
    rng = ev.rng
    comp = rng.choice([c for c in COMPANIES[lang] if c.country != "BE"] or COMPANIES[lang])
    cust, emp = ev.people.new(lang), employee(ev, lang, comp)
    loc = ev.loc(path, lang)
    subject = {"nl": ["Terugbetaling", "Bevestiging afspraak", "Wijziging betaalwijze", "Opzegging contract",
                      "Bevestiging inschrijving"],
               "en": ["Your refund", "Appointment confirmation", "Change of payment method", "Cancellation"],
               "de": ["Ihre Erstattung", "Terminbestätigung", "Änderung der Zahlungsweise", "Ihre Kündigung"],
               "fr": ["Votre remboursement", "Confirmation de rendez-vous", "Changement de mode de paiement",
                      "Résiliation"]}[lang]
    k = rng.randrange(5 if lang == "nl" else 4)
    if k == 4 and not cust.bsn:
        k = 1
    body = body_variant(loc, cust, lang, rng, k)
    ref = f"{rng.choice(['KS', 'ADM', 'REF'])}/{rng.randint(2023, 2024)}/{rng.randint(1000, 9999)}"
    lines = letterhead(loc, comp, rng) + [""] + recipient(loc, cust, lang, rng) + [
        "", f"{comp.city or ''}{', ' if comp.city else ''}{long_date(rand_day(rng), lang)}", "",
        {"nl": "Betreft: ", "en": "Re: ", "de": "Betreff: ", "fr": "Objet : "}[lang] + subject[k],
        {"nl": "Ons kenmerk: ", "en": "Our ref: ", "de": "Unser Zeichen: ", "fr": "Notre réf. : "}[lang] + ref,
        "", salutation(loc, cust, lang, rng), "", body, "",
        {"nl": "Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd.",
         "en": "We trust this answers your question.",
         "de": "Wir hoffen, Ihnen damit weitergeholfen zu haben.",
         "fr": "Nous espérons avoir répondu à votre demande."}[lang], ""] + signature(loc, emp, lang, rng)
    if as_docx:
        text = "\n".join(lines)
        loc.text(text)
        author = loc.p("person_name", emp.full)
        ev.write(path, make_docx(lines, subject[k], author, author, rng))
    else:
        ev.write_text(loc, "\n".join(lines) + "\n", newline=rng.choice(["\n", "\r\n"]))


def body_variant(loc, p, lang, rng, k):
    """Variant k of a letter body; only the values it writes are labelled."""
    d1, amt = long_date(rand_day(rng), lang), amount(rng, lang)
    if p.iban is None and k in (0, 2):
        k = 1
    iban = lambda: loc.p("iban", fmt_iban(rng, p.iban))  # noqa: E731
    phone = lambda: loc.p("phone", p.mobile)  # noqa: E731
    if lang == "nl":
        return [
            lambda: f"Naar aanleiding van uw klacht van {d1} hebben wij besloten u het bedrag van {amt} terug te "
                    f"betalen. Wij maken het binnen vijf werkdagen over naar uw rekening {iban()}.",
            lambda: f"Hierbij bevestigen wij de afspraak voor het onderhoud van uw cv-ketel op {d1} tussen 8.00 en "
                    f"12.00 uur. De monteur belt u een half uur van tevoren op {phone()}.",
            lambda: f"Vanaf 1 april schrijven wij het maandbedrag van {amt} af van rekening {iban()} ten name van "
                    f"{loc.p('person_name', p.initials)}. U hoeft hiervoor niets te doen.",
            lambda: f"Wij hebben uw opzegging ontvangen. Het contract eindigt op {d1}. Voor vragen bellen wij u "
                    f"graag terug op {phone()}.",
            lambda: f"Wij hebben uw inschrijving per {d1} verwerkt. Wij hebben uw burgerservicenummer (BSN) "
                    f"{loc.p('nl_bsn', fmt_bsn(rng, p.bsn))} en uw geboortedatum "
                    f"{loc.p('date_of_birth', dob_str(p, 'nl', rng))} vastgelegd; klopt dit niet, "
                    f"bel ons dan.",
        ][k]()
    if lang == "en":
        return [
            lambda: f"Following your complaint of {d1} we have decided to refund {amt}. The amount will be paid "
                    f"into your account {iban()} within five working days.",
            lambda: f"This letter confirms the engineer's visit on {d1} between 8am and noon. The engineer will "
                    f"call you on {phone()} half an hour before arrival.",
            lambda: f"As requested, from 1 April we will collect the monthly fee of {amt} from account {iban()} "
                    f"in the name of {loc.p('person_name', p.initials)}.",
            lambda: f"We have received your notice of cancellation; your contract ends on {d1}. If anything is "
                    f"unclear we will ring you back on {phone()}.",
        ][k]()
    if lang == "de":
        return [
            lambda: f"Bezug nehmend auf Ihre Reklamation vom {d1} erstatten wir Ihnen {amt}. Der Betrag wird "
                    f"innerhalb von fünf Werktagen auf Ihr Konto {iban()} überwiesen.",
            lambda: f"Hiermit bestätigen wir den Termin für die Wartung am {d1} zwischen 8 und 12 Uhr. Unser "
                    f"Monteur ruft Sie eine halbe Stunde vorher unter {phone()} an.",
            lambda: f"Ab dem 1. April buchen wir den Monatsbeitrag von {amt} per SEPA-Lastschrift von Ihrem Konto "
                    f"{iban()} (Kontoinhaber: {loc.p('person_name', p.full)}) ab.",
            lambda: f"Ihre Kündigung haben wir erhalten; der Vertrag endet am {d1}. Bei Rückfragen erreichen wir "
                    f"Sie unter {phone()}.",
        ][k]()
    return [
        lambda: f"Suite à votre réclamation du {d1}, nous vous remboursons la somme de {amt}. Le virement sera "
                f"effectué sous cinq jours ouvrés sur votre compte {iban()}.",
        lambda: f"Nous vous confirmons le passage de notre technicien le {d1} entre 8 h et 12 h. Il vous "
                f"appellera au {phone()} une demi-heure avant son arrivée.",
        lambda: f"À partir du 1er avril, la mensualité de {amt} sera prélevée sur le compte {iban()} au nom de "
                f"{loc.p('person_name', p.full)}.",
        lambda: f"Nous avons bien reçu votre demande de résiliation ; votre contrat prend fin le {d1}. Pour "
                f"toute question, nous vous rappellerons au {phone()}.",
    ][k]()


def fmt_bsn(rng, bsn):
    return rng.choice([bsn, bsn, f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}", f"{bsn[:3]}.{bsn[3:6]}.{bsn[6:]}",
                       f"{bsn[:3]} {bsn[3:6]} {bsn[6:]}"])


def datetime_decoy(loc, d, lang, rng):
    """A date and time of day ("04-01-2023 12:15"): a phone-like run, listed
    as a decoy."""
    return loc.d("phone", f"{short_date(d, lang)} {rng.randint(8, 21)}:{rng.randint(0, 59):02d}", "datetime")


def card_phrase(loc, p, lang, rng):
    network, number = p.card
    v = loc.p("credit_card", group_card(number, rng.choice(["space", "space", "plain", "dash"])))
    exp = f"{rng.randint(1, 12):02d}/{rng.randint(25, 29)}"
    return {"nl": f"betaald met {network} {v} (geldig t/m {exp})",
            "en": f"paid by {network} card {v}, expiry {exp}",
            "de": f"bezahlt mit {network} {v}, gültig bis {exp}",
            "fr": f"réglé par carte {network} {v}, expiration {exp}"}[lang]


def gen_phone_note(ev, lang, path, encoding="utf-8"):
    rng = ev.rng
    comp = rng.choice(COMPANIES[lang])
    caller, taker = ev.people.new(lang), employee(ev, lang, comp)
    loc = ev.loc(path, lang)
    when = rand_day(rng)
    m = caller.gender == "m"
    title = {"nl": "Telefoonnotitie", "en": "Phone message", "de": "Telefonnotiz", "fr": "Message téléphonique"}[lang]
    who = loc.p("person_name", rng.choice([caller.initials, caller.full]))
    ref = loc.p("person_name", caller.surname)
    phone = loc.p("phone", caller.mobile)
    issue = rng.randrange(3)
    if issue == 2 or (issue == 1 and not caller.iban):
        extra = card_phrase(loc, caller, lang, rng)
    elif issue == 1:
        extra = loc.p("iban", fmt_iban(rng, caller.iban))
    else:
        extra = loc.p("email", caller.email)
    if lang == "nl":
        hdr = [f"Datum/tijd: {datetime_decoy(loc, when, lang, rng)}",
               f"Aangenomen door: {loc.p('person_name', taker.given)}",
               f"Beller: {'de heer' if m else 'mevrouw'} {who}", f"Terugbellen op: {phone}"]
        body = [f"{'Meneer' if m else 'Mevrouw'} {ref} belt over de factuur van vorige maand.",
                ["Het bedrag is twee keer afgeschreven. Graag het teveel betaalde terugstorten.",
                 f"Wil het terug op een ander rekeningnummer: {extra}.",
                 f"Heeft de bestelling telefonisch {extra}."][issue],
                f"Graag vóór vrijdag terugbellen, liefst na 14.00 uur."]
        if issue == 0:
            body.insert(1, f"Stuur de bevestiging naar {extra}.")
    elif lang == "en":
        hdr = [f"Date/time: {datetime_decoy(loc, when, lang, rng)}",
               f"Taken by: {loc.p('person_name', taker.given)}",
               f"Caller: {'Mr' if m else 'Ms'} {who}", f"Call back on: {phone}"]
        body = [f"{'Mr' if m else 'Ms'} {ref} rang about last month's invoice.",
                ["He says the amount was taken twice and would like the overpayment back." if m else
                 "She says the amount was taken twice and would like the overpayment back.",
                 f"Wants the refund paid into a different account: {extra}.",
                 f"Order was {extra}."][issue],
                "Please call back before Friday, ideally after 2pm."]
        if issue == 0:
            body.insert(1, f"Send the confirmation to {extra}.")
    elif lang == "de":
        hdr = [f"Datum/Uhrzeit: {datetime_decoy(loc, when, lang, rng)}",
               f"Angenommen von: {loc.p('person_name', taker.given)}",
               f"Anrufer: {'Herr' if m else 'Frau'} {who}", f"Rückruf unter: {phone}"]
        body = [f"{'Herr' if m else 'Frau'} {ref} ruft wegen der Rechnung vom letzten Monat an.",
                ["Der Betrag wurde doppelt abgebucht; bitte den Differenzbetrag erstatten.",
                 f"Erstattung bitte auf ein anderes Konto: {extra}.",
                 f"Bestellung telefonisch {extra}."][issue],
                "Bitte bis Freitag zurückrufen, am besten nach 14 Uhr."]
        if issue == 0:
            body.insert(1, f"Bestätigung bitte an {extra} schicken.")
    else:
        hdr = [f"Date/heure : {datetime_decoy(loc, when, lang, rng)}",
               f"Pris par : {loc.p('person_name', taker.given)}",
               f"Appelant : {'M.' if m else 'Mme'} {who}", f"Rappeler au : {phone}"]
        body = [f"{'Monsieur' if m else 'Madame'} {ref} appelle au sujet de la facture du mois dernier.",
                ["Le montant a été prélevé deux fois ; merci de rembourser le trop-perçu.",
                 f"Souhaite être remboursé(e) sur un autre compte : {extra}.",
                 f"Commande passée par téléphone et {extra}."][issue],
                "Merci de rappeler avant vendredi, de préférence après 14 h."]
        if issue == 0:
            body.insert(1, f"Envoyer la confirmation à {extra}.")
    text = "\n".join([title, "=" * len(title)] + hdr + [""] + body) + "\n"
    ev.write_text(loc, text, encoding=encoding, newline="\r\n" if encoding == "utf-16" else "\n")


def gen_minutes(ev, lang, path):
    rng = ev.rng
    comp = rng.choice(COMPANIES[lang])
    staff = [employee(ev, lang, comp) for _ in range(rng.randint(4, 6))]
    cust, cust2 = ev.people.new(lang), ev.people.new(lang)
    loc = ev.loc(path, lang)
    P = lambda v: loc.p("person_name", v)  # noqa: E731
    chair, scribe, absent = staff[0], staff[1], staff[-1]
    present = ", ".join(P(s.full) + (" (vz)" if s is chair and lang == "nl" else "") for s in staff[:-1])
    when = long_date(rand_day(rng), lang)
    a, b = staff[2], staff[3] if len(staff) > 4 else staff[2]
    tel, mail = loc.p("phone", cust.mobile), loc.p("email", cust2.email)
    if lang == "nl":
        lines = [f"Notulen teamoverleg {comp.short}", f"Datum: {when}, 9.30 uur",
                 f"Aanwezig: {present}", f"Afwezig met kennisgeving: {P(absent.full)}", f"Notulist: {P(scribe.full)}", "",
                 "1. Opening en mededelingen",
                 f"{P(chair.given)} opent de vergadering. {P(a.given)} begint per 1 april als teamleider planning.", "",
                 "2. Klantcontact",
                 f"{P(b.given)} meldt dat er veel vragen komen over de nieuwe tarieven. Klant {P(cust.full)} heeft "
                 f"een klacht ingediend; {P(b.given)} belt haar of hem terug op {tel}.", "",
                 "3. Rondvraag", "Geen punten.", "", "Actiepunten",
                 f"- {P(scribe.given)}: offerte naar {P(cust2.full)} ({mail}) sturen",
                 f"- {P(absent.given)}: rooster april rondsturen"]
    elif lang == "en":
        lines = [f"Minutes - {comp.short} team meeting", f"Date: {when}, 9:30am",
                 f"Present: {present}", f"Apologies: {P(absent.full)}", f"Minutes: {P(scribe.full)}", "",
                 "1. Welcome", f"{P(chair.given)} opened the meeting. {P(a.given)} joins the planning team on 1 April.", "",
                 "2. Customer contact",
                 f"{P(b.given)} reported many questions about the new prices. {P(cust.full)} has made a complaint; "
                 f"{P(b.given)} will call back on {tel}.", "",
                 "3. AOB", "None.", "", "Actions",
                 f"- {P(scribe.given)}: send the quote to {P(cust2.full)} ({mail})",
                 f"- {P(absent.given)}: circulate the April rota"]
    elif lang == "de":
        lines = [f"Protokoll Teambesprechung {comp.short}", f"Datum: {when}, 9:30 Uhr",
                 f"Anwesend: {present}", f"Entschuldigt: {P(absent.full)}", f"Protokoll: {P(scribe.full)}", "",
                 "TOP 1 Begrüßung", f"{P(chair.given)} eröffnet die Sitzung. {P(a.given)} übernimmt ab 1. April die Disposition.", "",
                 "TOP 2 Kundenkontakt",
                 f"{P(b.given)} berichtet von vielen Fragen zu den neuen Preisen. {P(cust.full)} hat sich beschwert; "
                 f"{P(b.given)} ruft unter {tel} zurück.", "",
                 "TOP 3 Verschiedenes", "Keine Punkte.", "", "Aufgaben",
                 f"- {P(scribe.given)}: Angebot an {P(cust2.full)} ({mail}) senden",
                 f"- {P(absent.given)}: Dienstplan April verschicken"]
    else:
        lines = [f"Compte rendu - réunion d'équipe {comp.short}", f"Date : {when}, 9 h 30",
                 f"Présents : {present}", f"Excusé(e) : {P(absent.full)}", f"Rédaction : {P(scribe.full)}", "",
                 "1. Ouverture", f"{P(chair.given)} ouvre la réunion. {P(a.given)} rejoint le planning au 1er avril.", "",
                 "2. Relation client",
                 f"{P(b.given)} signale beaucoup de questions sur les nouveaux tarifs. {P(cust.full)} a déposé une "
                 f"réclamation ; {P(b.given)} rappellera au {tel}.", "",
                 "3. Divers", "Rien à signaler.", "", "Actions",
                 f"- {P(scribe.given)} : envoyer le devis à {P(cust2.full)} ({mail})",
                 f"- {P(absent.given)} : diffuser le planning d'avril"]
    ev.write_text(loc, "\n".join(lines) + "\n")


def gen_form(ev, lang, path, as_docx=False):
    """An intake or registration form, filled in: the labelled lines the
    scanner's context words are made for."""
    rng = ev.rng
    p = ev.people.new(lang, country="NL" if lang == "nl" and rng.random() < 0.85 else None)
    loc = ev.loc(path, lang)
    P = loc.p
    dob = P("date_of_birth", dob_str(p, lang, rng))
    addr = address_lines(loc, p)
    money = (f"IBAN: {P('iban', fmt_iban(rng, p.iban))}" if p.iban and rng.random() < 0.7 else
             {"nl": "Creditcard", "en": "Card number", "de": "Kartennummer", "fr": "Numéro de carte"}[lang]
             + f": {P('credit_card', group_card(p.card[1], rng.choice(['space', 'plain'])))}")
    signed = short_date(rand_day(rng), lang)
    if lang == "nl":
        title = rng.choice(["Inschrijfformulier sportschool De Vaart", "Aanmeldformulier kinderopvang",
                            "Huurdersregistratie", "Intakeformulier budgetcoaching"])
        lines = [title, "", f"Naam: {P('person_name', p.full)}", f"Geboortedatum: {dob}"]
        if p.bsn:
            lines.append(f"{rng.choice(['BSN', 'Burgerservicenummer', 'BSN-nummer'])}: {P('nl_bsn', fmt_bsn(rng, p.bsn))}")
        lines += [f"Adres: {addr[0]}", f"Postcode en woonplaats: {addr[1]}", f"Telefoon: {P('phone', p.mobile)}",
                  f"E-mail: {P('email', p.email)}", money, "", f"Datum: {signed}", "Handtekening: ________________"]
    elif lang == "en":
        title = rng.choice(["Gym membership application", "New tenant registration", "Patient registration form",
                            "Volunteer sign-up form"])
        lines = [title, "", f"Full name: {P('person_name', p.full)}", f"Date of birth: {dob}",
                 f"Address: {', '.join(addr)}", f"Telephone: {P('phone', p.mobile)}", f"Email: {P('email', p.email)}",
                 money, "", f"Date: {signed}", "Signature: ________________"]
    elif lang == "de":
        title = rng.choice(["Mitgliedsantrag Sportverein Blau-Weiß", "Anmeldung Kindertagesstätte", "Mieterselbstauskunft"])
        lines = [title, "", f"Name, {loc.d('person_name', 'Vorname', 'form_label')}: {P('person_name', p.family + ', ' + p.given)}", f"Geburtsdatum: {dob}",
                 f"Anschrift: {', '.join(addr)}", f"Telefon: {P('phone', p.mobile)}", f"E-Mail: {P('email', p.email)}",
                 money, f"Kontoinhaber: {P('person_name', p.full)}", "", f"Datum: {signed}", "Unterschrift: ________________"]
    else:
        title = rng.choice(["Fiche d'inscription - club de sport", "Formulaire d'adhésion", "Dossier de location"])
        lines = [title, "", f"Nom : {P('person_name', p.family)}", f"Prénom : {P('person_name', p.given)}",
                 f"Date de naissance : {dob}", f"Adresse : {', '.join(addr)}", f"Téléphone : {P('phone', p.mobile)}",
                 f"Courriel : {P('email', p.email)}", money, "", f"Fait le {signed}", "Signature : ________________"]
    if as_docx:
        loc.text("\n".join(lines))
        table = [[l.split(":", 1)[0].strip(), l.split(":", 1)[1].strip()] for l in lines[2:] if ":" in l and "___" not in l]
        # a form is a table of label and value cells
        blocks = [title, table, lines[-1]]
        ev.write(path, make_docx(blocks, title, "Microsoft Office User", "Microsoft Office User", rng))
        loc.text("Microsoft Office User")
        loc.d("person_name", "Microsoft Office User", "document_author_placeholder")
    else:
        ev.write_text(loc, "\n".join(lines) + "\n")


def gen_application(ev, lang, path):
    rng = ev.rng
    comp = rng.choice(COMPANIES[lang])
    p, hr = ev.people.new(lang), employee(ev, lang, comp)
    loc = ev.loc(path, lang)
    P = loc.p
    m_hr = hr.gender == "m"
    when = long_date(rand_day(rng), lang)
    job = {"nl": "medewerker financiële administratie", "en": "Finance Assistant", "de": "Sachbearbeiter/in Buchhaltung",
           "fr": "assistant(e) comptable"}[lang]
    head = [P("person_name", p.full)] + address_lines(loc, p) + [P("phone", p.mobile), P("email", p.email), ""]
    if lang == "nl":
        lines = head + [f"{p.city}, {when}", "", comp.name, f"T.a.v. {'de heer' if m_hr else 'mevrouw'} {P('person_name', hr.initials)}, afdeling HR", "",
                        f"Betreft: sollicitatie {job}", "", f"Geachte {'heer' if m_hr else 'mevrouw'} {P('person_name', hr.surname)},", "",
                        f"Met veel belangstelling las ik uw vacature voor {job}. Ik ben {dob_phrase(loc, p, lang, rng)} "
                        f"en werk sinds 2016 als boekhoudkundig medewerker bij een accountantskantoor.",
                        "Graag licht ik mijn motivatie toe in een gesprek.", "", rng.choice(CLOSINGS[lang]), "", P("person_name", p.full)]
    elif lang == "en":
        lines = head + [when, "", comp.name, f"FAO {'Mr' if m_hr else 'Ms'} {P('person_name', hr.initials)}, HR", "",
                        f"Application: {job}", "", f"Dear {'Mr' if m_hr else 'Ms'} {P('person_name', hr.surname)},", "",
                        f"I would like to apply for the {job} role. I was {dob_phrase(loc, p, lang, rng)} and have worked "
                        f"in accounts payable since 2016.", "I would welcome the chance to discuss my application.", "",
                        "Yours sincerely,", "", P("person_name", p.full)]
    elif lang == "de":
        lines = head + [f"{p.city}, {when}", "", comp.name, f"z. Hd. {'Herrn' if m_hr else 'Frau'} {P('person_name', hr.full)}", "",
                        f"Bewerbung als {job}", "", f"{'Sehr geehrter Herr' if m_hr else 'Sehr geehrte Frau'} {P('person_name', hr.surname)},", "",
                        f"hiermit bewerbe ich mich um die Stelle als {job}. Ich bin {dob_phrase(loc, p, lang, rng)} in "
                        f"{p.city} und arbeite seit 2016 in der Finanzbuchhaltung.", "Über eine Einladung freue ich mich.", "",
                        "Mit freundlichen Grüßen", "", P("person_name", p.full)]
    else:
        lines = head + [f"{p.city}, le {when}", "", comp.name, f"À l'attention de {'M.' if m_hr else 'Mme'} {P('person_name', hr.full)}", "",
                        f"Objet : candidature au poste d'{job}", "", f"{'Monsieur' if m_hr else 'Madame'} {P('person_name', hr.surname)},", "",
                        f"Je me permets de vous proposer ma candidature. {'Né' if p.gender == 'm' else 'Née'} le "
                        f"{P('date_of_birth', dob_str(p, lang, rng))}, je travaille depuis 2016 en comptabilité fournisseurs.",
                        "Je reste à votre disposition pour un entretien.", "", "Veuillez agréer mes salutations distinguées.", "",
                        P("person_name", p.full)]
    ev.write_text(loc, "\n".join(lines) + "\n")


def obfuscate(email, style):
    local, domain = email.split("@")
    if style == 0:
        return f"{local} (at) {domain.replace('.', ' (dot) ')}"
    if style == 1:
        return f"{local}[at]{domain}"
    if style == 2:
        return f"{local} at {domain.replace('.', ' dot ')}"
    if style == 3:
        return f"{local} [at] {domain.replace('.', ' [dot] ')}"
    if style == 4:
        return f"{local}(at){domain}"
    return f"{local} apenstaartje {domain.replace('.', ' punt ')}"


def gen_forum(ev, lang, path):
    """Posts copied from a community board or a web form export: people hide
    their addresses from harvesters."""
    rng = ev.rng
    loc = ev.loc(path, lang)
    topic = {"nl": ["Kinderfiets 20 inch te koop", "Oppas gezocht in Utrecht-Oost", "Gratis af te halen: bank"],
             "en": ["Kids' bike for sale", "Babysitter wanted", "Free to collect: sofa"],
             "de": ["Kinderfahrrad zu verkaufen", "Babysitter gesucht", "Sofa zu verschenken"],
             "fr": ["Vélo enfant à vendre", "Cherche baby-sitter", "Canapé à donner"]}[lang]
    lines = [f"Re: {rng.choice(topic)}", ""]
    for k in range(rng.randint(3, 5)):
        p = ev.people.new(lang)
        when = datetime_decoy(loc, rand_day(rng), lang, rng)
        by = {"nl": "Geplaatst door", "en": "Posted by", "de": "Geschrieben von", "fr": "Publié par"}[lang]
        lines.append(f"{by} {loc.p('person_name', p.given)} - {when}")
        style = rng.randrange(6 if lang == "nl" else 5)
        mail = loc.p("email", obfuscate(p.email, style))
        with_phone = rng.random() < 0.5
        phone = loc.p("phone", p.mobile) if with_phone else ""
        text = {"nl": [f"Is het nog beschikbaar? Mail me op {mail}" + (f" of bel na 18.00 uur: {phone}" if with_phone else "") + ".",
                       f"Ik heb interesse! Stuur een berichtje naar {mail}" + (f", of app {phone}" if with_phone else "") + "."],
                "en": [f"Is this still available? Email me at {mail}" + (f" or ring {phone} after 6pm" if with_phone else "") + ".",
                       f"Interested! Drop me a line at {mail}" + (f" or text {phone}" if with_phone else "") + "."],
                "de": [f"Ist das noch zu haben? Schreib mir an {mail}" + (f" oder ruf nach 18 Uhr an: {phone}" if with_phone else "") + ".",
                       f"Hätte Interesse! Bitte Mail an {mail}" + (f" oder SMS an {phone}" if with_phone else "") + "."],
                "fr": [f"C'est toujours disponible ? Écrivez-moi à {mail}" + (f" ou appelez le {phone} après 18 h" if with_phone else "") + ".",
                       f"Intéressé(e) ! Contact : {mail}" + (f" / {phone}" if with_phone else "") + "."]}[lang]
        lines += [rng.choice(text), ""]
    ev.write_text(loc, "\n".join(lines))


# ---------------------------------------------------------------------------
# HR files: special categories said about a named person
# ---------------------------------------------------------------------------

# (kind, sentence): {n} is the person, {d} a date, {pr} the pronoun, {e} the
# French feminine ending; [[...]] is the phrase labelled with kind: all of
# the statement, so that every keyword a scanner may report lies inside it.
# "a+b": the statement is of both kinds (a hereditary disease is genetic and
# health data) and is labelled as both.
SPECIAL = {
    "nl": [
        ("health", "{n} [[heeft zich vanochtend ziek gemeld]] bij de leidinggevende."),
        ("health", "{n} [[is gediagnosticeerd met diabetes type 2 en moet op vaste tijden medicatie innemen]]."),
        ("health", "[[Gesprek met de bedrijfsarts: {n} heeft een burn-out; re-integratie start naar verwachting in mei]]."),
        ("health", "{n} [[is zwanger; het zwangerschapsverlof gaat in op {d}]]."),
        ("health", "{n} [[is onder behandeling bij een psycholoog]] en werkt voorlopig halve dagen."),
        ("health", "{n} [[heeft een lichamelijke beperking]] en krijgt een aangepaste werkplek."),
        ("health", "{n} [[is sinds {d} arbeidsongeschikt na een ziekenhuisopname]]."),
        ("religion", "{n} [[is moslim en vraagt vrij voor het Suikerfeest]]."),
        ("religion", "{n} [[gaat op vrijdagmiddag naar de moskee]] en werkt die uren 's avonds in."),
        ("religion", "{n} [[is katholiek]] en wil op Eerste Kerstdag niet worden ingeroosterd."),
        ("trade_union", "{n} [[is lid van de vakbond (FNV) en wil dat de vakbond bij het gesprek aanwezig is]]."),
        ("trade_union", "{n} [[is vakbondslid en heeft een kaderfunctie bij het CNV]]."),
        ("political_opinion", "{n} [[is lid van de PvdA en zit namens die partij in de gemeenteraad]]."),
        ("political_opinion", "{n} [[is lid van de VVD]] en vraagt verlof voor de raadsvergaderingen."),
        ("ethnic_origin", "Voor de diversiteitsrapportage: {n} [[heeft een Turkse migratieachtergrond]]."),
        ("sexual_orientation", "{n} gaf in het gesprek aan [[dat {pr} homoseksueel is]] en vroeg om discretie."),
        ("sexual_orientation", "{n} vertelde [[lesbisch te zijn]] en ervaart opmerkingen van een collega als kwetsend."),
        ("genetic_biometric", "[[Vingerafdruk van {n} geregistreerd voor het toegangssysteem]] van het magazijn."),
        ("genetic_biometric+health", "{n} [[heeft uit DNA-onderzoek een erfelijke aandoening bekend]] en vraagt om aanpassing van het werk."),
        ("criminal_data", "Bij de screening bleek dat {n} [[in 2019 is veroordeeld voor verduistering]]."),
        ("criminal_data", "{n} [[heeft een strafblad; de VOG-aanvraag is afgewezen]]."),
    ],
    "en": [
        ("health", "{n} [[has been on sick leave since {d}]]."),
        ("health", "{n} [[was diagnosed with diabetes last year and needs regular breaks to take medication]]."),
        ("health", "{n} [[is pregnant; maternity leave starts on {d}]]."),
        ("health", "{n} [[has been referred to occupational health after a period of depression]]."),
        ("health", "{n} [[has a disability and needs a desk near the lift]]."),
        ("health", "{n} [[was hospitalised in March and is on a phased return]]."),
        ("religion", "{n} [[is a practising Muslim and asked to use the quiet room for prayers]]."),
        ("religion", "{n} [[attends the synagogue on Saturdays]] and cannot work Saturday shifts."),
        ("religion", "{n} [[is a Catholic and asked for Good Friday off]]."),
        ("trade_union", "{n} [[is a trade union representative for Unite]] and will attend the hearing."),
        ("trade_union", "{n} asked payroll to stop deducting [[the union membership fee]]."),
        ("political_opinion", "{n} [[is a Labour party member and a local councillor]]."),
        ("political_opinion", "{n} [[stood as a Green Party candidate]] in the May elections."),
        ("ethnic_origin", "Equality monitoring: {n} [[gave ethnic origin as Black Caribbean]]."),
        ("sexual_orientation", "{n} told HR [[that {pr} is gay]] and asked that this stays confidential."),
        ("sexual_orientation", "{n} [[is bisexual]] and reported comments from a colleague."),
        ("genetic_biometric", "[[Fingerprint data of {n} enrolled in the time clock]] on {d}."),
        ("genetic_biometric+health", "{n} [[shared the result of a genetic test for BRCA1 with occupational health]]."),
        ("criminal_data", "The background check showed that {n} [[has a criminal record (conviction for theft, 2018)]]."),
        ("criminal_data", "{n} [[was convicted of fraud in 2017]] and did not disclose it."),
    ],
    "de": [
        ("health", "{n} [[ist seit dem {d} krankgeschrieben]]."),
        ("health", "{n} [[hat die Diagnose Diabetes Typ 2 erhalten und muss regelmäßig Medikamente nehmen]]."),
        ("health", "{n} [[ist schwanger, der Mutterschutz beginnt am {d}]]."),
        ("health", "{n} [[befindet sich wegen einer Depression in Behandlung]]."),
        ("health", "{n} [[hat einen Grad der Behinderung von 50]]."),
        ("religion", "{n} [[ist Muslim und bittet um kurze Gebetspausen]]."),
        ("religion", "[[Konfession laut Lohnsteuermerkmalen: {n} ist römisch-katholisch (Kirchensteuer rk)]]."),
        ("trade_union", "{n} [[ist Mitglied der IG Metall]] und bringt einen Gewerkschaftssekretär mit."),
        ("trade_union", "{n} [[ist Gewerkschaftsmitglied bei ver.di]]."),
        ("political_opinion", "{n} [[ist Mitglied der SPD und sitzt im Stadtrat]]."),
        ("ethnic_origin", "{n} [[hat einen türkischen Migrationshintergrund]]."),
        ("sexual_orientation", "{n} [[hat erwähnt, dass {pr} schwul ist]], und bittet um Vertraulichkeit."),
        ("sexual_orientation", "{n} [[ist lesbisch]] und fühlt sich von einem Kollegen herabgesetzt."),
        ("genetic_biometric", "[[Fingerabdruck von {n} für die Zeiterfassung hinterlegt]]."),
        ("genetic_biometric", "{n} [[hat das Ergebnis eines Gentests vorgelegt]]."),
        ("criminal_data", "{n} [[ist wegen Betrugs vorbestraft]]."),
        ("criminal_data", "[[Das Führungszeugnis von {n} enthält eine Verurteilung wegen Diebstahls]]."),
    ],
    "fr": [
        ("health", "{n} [[est en arrêt maladie depuis le {d}]]."),
        ("health", "{n} [[a été diagnostiqué{e} diabétique et doit prendre un traitement à heures fixes]]."),
        ("health", "{n} [[est enceinte ; son congé maternité commence le {d}]]."),
        ("health", "{n} [[est suivi{e} par un psychiatre pour une dépression]]."),
        ("health", "{n} [[bénéficie d'une reconnaissance de travailleur handicapé (RQTH)]]."),
        ("religion", "{n} [[est de confession musulmane et demande un aménagement pendant le ramadan]]."),
        ("religion", "[[Religion déclarée par {n} : catholique]]."),
        ("trade_union", "{n} [[est délégué{e} syndical{e} CGT]]."),
        ("trade_union", "{n} [[est membre du syndicat CFDT]] et sera accompagné{e} à l'entretien."),
        ("political_opinion", "{n} [[est adhérent{e} du Parti socialiste et conseiller municipal]]."),
        ("ethnic_origin", "{n} [[a indiqué une origine ethnique maghrébine]] dans le questionnaire."),
        ("sexual_orientation", "{n} [[a indiqué être homosexuel{le}]] et demande la confidentialité."),
        ("genetic_biometric", "[[Empreintes digitales de {n} enregistrées pour le contrôle d'accès]]."),
        ("genetic_biometric", "{n} [[a transmis le résultat d'un test génétique au médecin du travail]]."),
        ("criminal_data", "{n} [[a été condamné{e} pour vol en 2018]]."),
        ("criminal_data", "[[Le casier judiciaire de {n} mentionne une condamnation]]."),
    ],
}
PRONOUN = {"nl": ("hij", "zij"), "en": ("he", "she"), "de": ("er", "sie"), "fr": ("il", "elle")}


def special_sentence(loc, lang, kind, tmpl, p, name, rng):
    """Fills a SPECIAL template for p (name already labelled) and labels
    its phrase."""
    female = p.gender == "f"
    d = long_date(rand_day(rng), lang)
    fill = lambda s: (s.replace("{n}", name).replace("{d}", d)  # noqa: E731
                      .replace("{pr}", PRONOUN[lang][female])
                      .replace("{le}", "le" if female else "").replace("{e}", "e" if female else ""))
    pre, rest = tmpl.split("[[", 1)
    phrase, post = rest.split("]]", 1)
    for k in kind.split("+"):
        loc.p(k, fill(phrase))
    return fill(pre) + fill(phrase) + fill(post)


FEMALE_ONLY = ("zwanger", "pregnant", "schwanger", "enceinte", "lesbisch", "lesbian", "lesbienne")
MALE_ONLY = ("schwul",)


def pick_specials(rng, lang, n, kinds=None, gender=None):
    """n different SPECIAL templates of kinds, that can be said of a person
    of gender (no pregnant men)."""
    pool = [t for t in SPECIAL[lang] if (kinds is None or t[0].split("+")[0] in kinds)
            and not (gender == "m" and any(w in t[1] for w in FEMALE_ONLY))
            and not (gender == "f" and any(w in t[1] for w in MALE_ONLY))]
    out = []
    while len(out) < n:
        t = rng.choice(pool)
        if t not in out:
            out.append(t)
    return out


NEUTRAL = {
    "nl": ["Afspraak gemaakt voor een vervolggesprek op {d}.", "{n} heeft het werkrooster voor april aangepast.",
           "Telefonisch contact gehad met {n}; volgende week opnieuw contact.", "Verslag besproken en akkoord bevonden."],
    "en": ["Follow-up meeting booked for {d}.", "{n} has changed the April rota.",
           "Spoke to {n} by phone; will check in again next week.", "Notes agreed with the employee."],
    "de": ["Folgetermin am {d} vereinbart.", "{n} hat den Dienstplan für April angepasst.",
           "Telefonat mit {n}; nächste Woche erneut Kontakt.", "Protokoll besprochen und abgestimmt."],
    "fr": ["Entretien de suivi fixé au {d}.", "{n} a modifié son planning d'avril.",
           "Échange téléphonique avec {n} ; nouveau point la semaine prochaine.", "Compte rendu relu et validé."],
}


def gen_hr_note(ev, lang, path):
    rng = ev.rng
    comp = rng.choice(COMPANIES[lang])
    p, boss, hr = employee(ev, lang, comp), employee(ev, lang, comp), employee(ev, lang, comp)
    loc = ev.loc(path, lang)
    P = lambda v: loc.p("person_name", v)  # noqa: E731
    style = rng.choice([0, 0, 1, 2])
    head_words = {
        "nl": (["Verzuimdossier - vertrouwelijk", "Gespreksverslag", "Personeelsdossier - notitie"],
               "Medewerker", "Personeelsnummer", "Geboortedatum", "Leidinggevende", "Opgesteld door"),
        "en": (["Absence record - confidential", "Meeting note", "Personnel file - note"],
               "Employee", "Staff number", "Date of birth", "Line manager", "Prepared by"),
        "de": (["Fehlzeitenakte - vertraulich", "Gesprächsnotiz", "Personalakte - Vermerk"],
               "Mitarbeiter/in", "Personalnummer", "Geburtsdatum", "Vorgesetzte/r", "Erstellt von"),
        "fr": (["Dossier absences - confidentiel", "Compte rendu d'entretien", "Dossier du personnel - note"],
               "Salarié(e)", "Matricule", "Date de naissance", "Responsable", "Rédigé par"),
    }[lang]
    titles, w_emp, w_no, w_dob, w_boss, w_by = head_words
    lines = [titles[style], "", f"{w_emp}: {P(p.full)}", f"{w_no}: {rng.randint(10000, 99999)}"]
    if rng.random() < 0.6:
        lines.append(f"{w_dob}: {loc.p('date_of_birth', dob_str(p, lang, rng))}")
    if lang == "nl" and p.bsn and rng.random() < 0.3:
        lines.append(f"BSN: {loc.p('nl_bsn', fmt_bsn(rng, p.bsn))}")
    lines += [f"{w_boss}: {P(boss.full)}", f"{w_by}: {P(hr.full)}", ""]
    if style == 0:
        chosen = pick_specials(rng, lang, rng.randint(3, 4), ["health"], p.gender)
    else:
        others = sorted({k.split("+")[0] for k, _ in SPECIAL[lang]} - {"health"})
        chosen = []
        for kind in rng.sample(others, rng.randint(4, 5)):
            chosen += pick_specials(rng, lang, 1, [kind], p.gender)
    entries = []
    for kind, tmpl in chosen:
        ref = P(rng.choice([p.given, p.given, p.full]))
        entries.append(special_sentence(loc, lang, kind, tmpl, p, ref, rng))
    for _ in range(rng.randint(1, 2)):
        t = rng.choice(NEUTRAL[lang])
        entries.insert(rng.randint(0, len(entries)), t.replace("{n}", P(p.given)).replace("{d}", long_date(rand_day(rng), lang)))
    days = sorted(rand_day(rng) for _ in entries)
    for d, e in zip(days, entries):
        lines.append(f"{short_date(d, lang)}  {e}" if style == 0 else e)
    ev.write_text(loc, "\n".join(lines) + "\n")


SCREENING = {
    "nl": ("Screeningsrapport nieuwe medewerker", "Kandidaat", "Uitgevoerd door",
           [("criminal_data", "[[Verklaring Omtrent het Gedrag: de VOG is geweigerd wegens een veroordeling voor diefstal (2020)]]."),
            ("criminal_data", "[[Uit de referentiecheck: {n} heeft een strafblad]]."),
            ("genetic_biometric", "[[Toegangspas: vingerafdrukken van {n} opgeslagen in het toegangssysteem]]."),
            ("political_opinion", "[[Nevenfunctie: gemeenteraadslid voor de SP]]."),
            ("ethnic_origin", "[[Doelgroepregistratie: migratieachtergrond Surinaams]].")]),
    "en": ("Pre-employment screening report", "Candidate", "Checked by",
           [("criminal_data", "[[DBS check: criminal record - conviction for assault in 2016]]."),
            ("criminal_data", "[[Self-declaration: {n} has an unspent conviction for fraud]]."),
            ("genetic_biometric", "[[Site access: fingerprint template of {n} enrolled]]."),
            ("political_opinion", "[[Outside interests: local councillor and Conservative party member]]."),
            ("ethnic_origin", "[[Monitoring form: ethnic origin Pakistani]].")]),
    "de": ("Bericht Einstellungsprüfung", "Bewerber/in", "Geprüft von",
           [("criminal_data", "[[Führungszeugnis: Eintrag wegen Körperverletzung (2019)]]."),
            ("criminal_data", "[[Selbstauskunft: {n} ist wegen Betrugs vorbestraft]]."),
            ("genetic_biometric", "[[Zutritt: Fingerabdruck von {n} im Zutrittssystem gespeichert]]."),
            ("political_opinion", "[[Nebentätigkeit: Stadtrat für Bündnis 90/Die Grünen]]."),
            ("ethnic_origin", "[[Angabe im Bogen: Migrationshintergrund Türkei]].")]),
    "fr": ("Rapport de vérification préalable à l'embauche", "Candidat(e)", "Vérifié par",
           [("criminal_data", "[[Extrait de casier judiciaire : condamnation pour vol (2019)]]."),
            ("criminal_data", "[[Déclaration : {n} a fait l'objet d'une condamnation pour fraude]]."),
            ("genetic_biometric", "[[Accès au site : empreintes digitales de {n} enregistrées]]."),
            ("political_opinion", "[[Activités extérieures : conseiller municipal, membre des Républicains]]."),
            ("ethnic_origin", "[[Questionnaire : origine ethnique maghrébine]].")]),
}


def gen_screening(ev, lang, path):
    rng = ev.rng
    comp = rng.choice(COMPANIES[lang])
    p, hr = employee(ev, lang, comp), employee(ev, lang, comp)
    loc = ev.loc(path, lang)
    title, w_cand, w_by, items = SCREENING[lang]
    lines = [title, "", f"{w_cand}: {loc.p('person_name', p.full)}",
             f"{w_by}: {loc.p('person_name', hr.full)}", ""]
    for kind, tmpl in rng.sample(items, rng.randint(3, 5)):
        name = loc.p("person_name", p.given) if "{n}" in tmpl else p.given
        lines.append(special_sentence(loc, lang, kind, tmpl, p, name, rng))
    ev.write_text(loc, "\n".join(lines) + "\n")


def gen_payslip(ev, lang, path):
    """A payslip: the employee's name, address, date of birth, national
    number (Dutch BSN), bank account."""
    rng = ev.rng
    comp = rng.choice([c for c in COMPANIES[lang] if c.country != "US"])
    p = employee(ev, lang, comp)
    loc = ev.loc(path, lang)
    P = loc.p
    month = rng.choice(MONTHS[lang][:6])
    gross = rng.randint(2400, 6800)
    w = {"nl": ("Loonstrook", "Werkgever", "Werknemer", "Adres", "Geboortedatum", "Personeelsnummer", "Bruto salaris",
                "Loonheffing", "Netto uit te betalen", "Overgemaakt op rekening"),
         "en": ("Payslip", "Employer", "Employee", "Address", "Date of birth", "Payroll number", "Gross pay",
                "Income tax", "Net pay", "Paid into account"),
         "de": ("Entgeltabrechnung", "Arbeitgeber", "Arbeitnehmer/in", "Anschrift", "Geburtsdatum", "Personalnummer",
                "Bruttoentgelt", "Lohnsteuer", "Auszahlungsbetrag", "Überwiesen auf"),
         "fr": ("Bulletin de paie", "Employeur", "Salarié(e)", "Adresse", "Date de naissance", "Matricule",
                "Salaire brut", "Prélèvement à la source", "Net à payer", "Virement sur le compte")}[lang]
    lines = [f"{w[0]} {month} 2024", "", f"{w[1]}: {comp.name}", f"{w[2]}: {P('person_name', rng.choice([p.full, p.initials]))}",
             f"{w[3]}: {', '.join(address_lines(loc, p))}",
             f"{w[4]}: {P('date_of_birth', dob_str(p, lang, rng))}", f"{w[5]}: {rng.randint(10000, 99999)}"]
    if p.bsn:
        lines.append(f"BSN: {P('nl_bsn', fmt_bsn(rng, p.bsn))}")
    tax = gross * rng.randint(18, 37) // 100
    money = (lambda v: f"{v:,}.00") if lang == "en" else (lambda v: f"{v:,}".replace(",", ".") + ",00")  # noqa: E731
    lines += ["", f"{w[6]:<28} {money(gross):>10}", f"{w[7]:<28} {money(tax):>10}", f"{w[8]:<28} {money(gross - tax):>10}", ""]
    if p.iban:
        lines.append(f"{w[9]}: {P('iban', fmt_iban(rng, p.iban))}")
    ev.write_text(loc, "\n".join(lines) + "\n")


LEAVE_REASONS = {
    "nl": [("trade_union", "kaderoverleg FNV"), ("trade_union", "vakbondsvergadering CNV"),
           ("political_opinion", "raadsvergadering (raadslid PvdA)"), ("political_opinion", "campagnedag GroenLinks"),
           ("religion", "Suikerfeest"), ("religion", "Jom Kipoer"), ("religion", "Offerfeest"),
           ("health", "controle in het ziekenhuis"), ("health", "afspraak bedrijfsarts"),
           ("health", "fysiotherapie na operatie"), (None, "verhuizing"), (None, "vakantie"), (None, "bruiloft zus"),
           (None, "cursus Excel")],
    "en": [("trade_union", "Unite branch meeting (rep)"), ("political_opinion", "council meeting (Labour councillor)"),
           ("religion", "Eid al-Fitr"), ("religion", "Yom Kippur"), ("religion", "Diwali"),
           ("health", "hospital check-up"), ("health", "physiotherapy after surgery"),
           ("health", "occupational health appointment"), (None, "moving house"), (None, "holiday"),
           (None, "sister's wedding"), (None, "Excel course")],
    "de": [("trade_union", "Vertrauensleutesitzung IG Metall"), ("political_opinion", "Stadtratssitzung (SPD-Fraktion)"),
           ("religion", "Zuckerfest"), ("religion", "Jom Kippur"), ("health", "Kontrolle im Krankenhaus"),
           ("health", "Physiotherapie nach OP"), (None, "Umzug"), (None, "Urlaub"), (None, "Hochzeit der Schwester"),
           (None, "Excel-Schulung")],
    "fr": [("trade_union", "réunion syndicale CGT (délégué)"), ("political_opinion", "conseil municipal (élu PS)"),
           ("religion", "Aïd el-Fitr"), ("religion", "Yom Kippour"), ("health", "contrôle à l'hôpital"),
           ("health", "kinésithérapie après opération"), (None, "déménagement"), (None, "congés"),
           (None, "mariage de ma sœur"), (None, "formation Excel")],
}


def gen_leave_requests(ev, lang, path):
    """Leave requests with their reasons: a union meeting, a council seat, a
    religious holiday or a hospital visit says a special category of the
    person asking."""
    rng = ev.rng
    comp = rng.choice(COMPANIES[lang])
    loc = ev.loc(path, lang)
    head = {"nl": ["naam", "van", "tot", "reden", "akkoord"], "en": ["name", "from", "to", "reason", "approved"],
            "de": ["Name", "von", "bis", "Grund", "genehmigt"], "fr": ["nom", "du", "au", "motif", "validé"]}[lang]
    rows = [head]
    for _ in range(rng.randint(18, 30)):
        p = employee(ev, lang, comp)
        d = rand_day(rng, 2024, 2024)
        kind, reason = rng.choice(LEAVE_REASONS[lang])
        if kind:
            loc.p(kind, reason)
        rows.append([loc.p("person_name", p.full), short_date(d, lang), short_date(d + dt.timedelta(days=rng.randint(0, 3)), lang),
                     reason, rng.choice(["ja", "nee"] if lang == "nl" else ["yes", "no"] if lang == "en" else
                                        ["ja", "nein"] if lang == "de" else ["oui", "non"])])
    ev.write_text(loc, csv_text(rows, ";" if lang != "en" else ","))


def gen_survey(ev, lang, path):
    """An equality or diversity survey that kept the names: special
    categories in columns, each answer a labelled cell."""
    rng = ev.rng
    comp = rng.choice(COMPANIES[lang])
    loc = ev.loc(path, lang)
    if lang == "nl":
        header = ["personeelsnummer", "naam", "geloof", "migratieachtergrond", "vakbond", "seksuele_geaardheid"]
        rel = ["katholiek", "protestants", "moslim", "joods", "hindoe", "boeddhistisch"]
        eth = ["Marokkaans", "Turks", "Surinaams", "Indonesisch", "Pools", "Antilliaans"]
        uni = ["FNV", "CNV", "De Unie"]
        sex = ["homoseksueel", "biseksueel", "lesbisch", "heteroseksueel"]
        delim = ";"
    elif lang == "en":
        header = ["employee_id", "name", "religion", "ethnicity", "union", "sexual_orientation"]
        rel = ["Christian", "Muslim", "Jewish", "Hindu", "Sikh", "Buddhist"]
        eth = ["White British", "Black Caribbean", "Pakistani", "Indian", "Chinese", "Mixed - White and Asian"]
        uni = ["Unite", "UNISON", "GMB"]
        sex = ["Gay man", "Lesbian", "Bisexual", "Heterosexual"]
        delim = ","
    elif lang == "de":
        header = ["Personalnummer", "Name", "Konfession", "Herkunft", "Gewerkschaft", "sexuelle_Orientierung"]
        rel = ["römisch-katholisch", "evangelisch", "muslimisch", "jüdisch", "orthodox"]
        eth = ["türkisch", "polnisch", "russlanddeutsch", "syrisch", "italienisch"]
        uni = ["IG Metall", "ver.di", "IG BCE"]
        sex = ["schwul", "lesbisch", "bisexuell", "heterosexuell"]
        delim = ";"
    else:
        header = ["matricule", "nom", "religion", "origine", "syndicat", "orientation_sexuelle"]
        rel = ["catholique", "musulmane", "juive", "protestante", "bouddhiste"]
        eth = ["maghrébine", "subsaharienne", "européenne", "asiatique", "antillaise"]
        uni = ["CGT", "CFDT", "FO"]
        sex = ["homosexuel", "lesbienne", "bisexuel", "hétérosexuel"]
        delim = ";"
    for h, kind in zip(header[2:], ("religion", "ethnic_origin", "trade_union", "sexual_orientation")):
        loc.d(kind, h, "column_header")
    rows = [header]
    for _ in range(rng.randint(25, 45)):
        p = employee(ev, lang, comp)
        cells = [str(rng.randint(10000, 99999)), loc.p("person_name", p.full)]
        for kind, vals, share in (("religion", rel, 0.6), ("ethnic_origin", eth, 0.5),
                                  ("trade_union", uni, 0.3), ("sexual_orientation", sex, 0.5)):
            cells.append(loc.p(kind, rng.choice(vals)) if rng.random() < share else "")
        rows.append(cells)
    ev.write_text(loc, csv_text(rows, delim))


# ---------------------------------------------------------------------------
# E-mails
# ---------------------------------------------------------------------------

ISP_FIRST_OCTETS = [31, 37, 46, 62, 77, 78, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94,
                    95, 109, 145, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217]


def public_ipv4(rng):
    return f"{rng.choice(ISP_FIRST_OCTETS)}.{rng.randint(1, 254)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def public_ipv6(rng):
    prefix = rng.choice(["2a02:a45f", "2001:1c00", "2a01:4f8", "2a02:8109", "2a01:cb19", "2a00:23c7", "2600:1700"])
    groups = [f"{rng.randint(0, 0xffff):x}" for _ in range(6)]
    full = f"{prefix}:{':'.join(groups)}"
    if rng.random() < 0.3:
        return f"{prefix}:{groups[0]}::{groups[4]}:{groups[5]}"
    return full


def rfc_date(d, rng, lang, hours=(7, 21)):
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    hh, mm, ss = rng.randint(*hours), rng.randint(0, 59), rng.randint(0, 59)
    tz = "+0000" if lang == "en" else "+0100"
    return f"{days[d.weekday()]}, {d.day} {months[d.month - 1]} {d.year} {hh:02d}:{mm:02d}:{ss:02d} {tz}", (hh, mm)


def msg_id(rng, domain):
    return f"<{rng.randint(10 ** 11, 10 ** 12)}.{rng.randint(1000, 9999)}.{rng.choice(['JavaMail', 'GTM', 'EX'])}@{domain}>"


def quote_header(lang, d, hm, name, addr):
    t = f"{hm[0]:02d}:{hm[1]:02d}"
    nl_short = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"][d.month - 1]
    return {"nl": f"Op {d.day} {nl_short}. {d.year} om {t} schreef {name} <{addr}>:",
            "en": f"On {d.day} {MONTHS['en'][d.month - 1][:3]} {d.year}, at {t}, {name} <{addr}> wrote:",
            "de": f"Am {d:%d.%m.%Y} um {t} schrieb {name} <{addr}>:",
            "fr": f"Le {d.day} {MONTHS['fr'][d.month - 1]} {d.year} à {t}, {name} <{addr}> a écrit :"}[lang]


def received_lines(loc, rng, sender_domain, to_domain, date, hop=True):
    """The Received trail: the sender's own client address (personal data)
    and the hop between mail servers (a company's server: a decoy)."""
    lines = []
    client = loc.p("ipv6", public_ipv6(rng)) if rng.random() < 0.3 else loc.p("ipv4", public_ipv4(rng))
    if hop:
        srv = loc.d("ipv4", f"{rng.choice([185, 193, 195, 212])}.{rng.randint(1, 254)}.{rng.randint(0, 255)}."
                            f"{rng.randint(1, 254)}", "mail_server_ip")
        lines.append(("Received", f"from mail.{sender_domain} (mail.{sender_domain} [{srv}])\n\tby mx1.{to_domain} "
                                  f"with ESMTPS id {rng.randint(10 ** 8, 10 ** 9)}; {date}"))
    lines.append(("Received", f"from [{client}] (unknown [{client}])\n\tby mail.{sender_domain} with ESMTPSA; {date}"))
    return lines


MAIL_TOPICS = {
    "nl": ["Wijziging adres en rekeningnummer", "Vraag over factuur", "Afmelding nieuwsbrief", "Reservering 14 juni"],
    "en": ["Change of address and bank details", "Question about my invoice", "Unsubscribe", "Booking on 14 June"],
    "de": ["Adress- und Kontoänderung", "Frage zur Rechnung", "Abmeldung Newsletter", "Reservierung 14. Juni"],
    "fr": ["Changement d'adresse et de RIB", "Question sur ma facture", "Désinscription newsletter", "Réservation du 14 juin"],
}


def customer_mail_body(loc, p, lang, rng, topic):
    """What a customer writes: the new address, a bank account, a card for a
    booking."""
    P = loc.p
    if topic == 0:
        addr = address_lines(loc, p)
        acct = P("iban", fmt_iban(rng, p.iban)) if p.iban else None
        return {"nl": [f"Per 1 april ben ik verhuisd naar {addr[0]}, {addr[1]}." +
                       (f" Mijn nieuwe rekeningnummer is {acct}." if acct else ""),
                       f"U kunt mij overdag bereiken op {P('phone', p.mobile)}."],
                "en": [f"From 1 April my new address is {', '.join(addr)}." +
                       (f" Please use my new account {acct} for the direct debit." if acct else ""),
                       f"I can be reached on {P('phone', p.mobile)} during the day."],
                "de": [f"Zum 1. April bin ich umgezogen: {', '.join(addr)}." +
                       (f" Bitte buchen Sie künftig von meinem neuen Konto {acct} ab." if acct else ""),
                       f"Tagsüber bin ich unter {P('phone', p.mobile)} erreichbar."],
                "fr": [f"Depuis le 1er avril, ma nouvelle adresse est : {', '.join(addr)}." +
                       (f" Merci de prélever désormais sur mon compte {acct}." if acct else ""),
                       f"Vous pouvez me joindre au {P('phone', p.mobile)} en journée."]}[lang]
    if topic == 1:
        return {"nl": ["Op de factuur van maart staat een bedrag dat ik niet herken.",
                       f"Kunt u mij terugbellen op {P('phone', p.landline)}? Mijn klantnummer is {rng.randint(10000, 99999)}."],
                "en": ["My March invoice shows a charge I don't recognise.",
                       f"Could you call me back on {P('phone', p.landline)}? Customer number {rng.randint(10000, 99999)}."],
                "de": ["Auf der Rechnung für März steht ein Betrag, den ich nicht zuordnen kann.",
                       f"Können Sie mich unter {P('phone', p.landline)} zurückrufen? Kundennummer {rng.randint(10000, 99999)}."],
                "fr": ["Ma facture de mars comporte un montant que je ne reconnais pas.",
                       f"Pourriez-vous me rappeler au {P('phone', p.landline)} ? Numéro client {rng.randint(10000, 99999)}."]}[lang]
    if topic == 2:
        return {"nl": [f"Wilt u mijn adres {P('email', p.email)} van de nieuwsbrief afhalen? Dank u."],
                "en": [f"Please remove {P('email', p.email)} from your mailing list. Thank you."],
                "de": [f"Bitte nehmen Sie {P('email', p.email)} aus dem Verteiler. Danke."],
                "fr": [f"Merci de retirer {P('email', p.email)} de votre liste de diffusion."]}[lang]
    card = card_phrase(loc, p, lang, rng)
    return {"nl": ["Hierbij bevestig ik de reservering voor 4 personen op 14 juni.",
                   f"De aanbetaling mag u afschrijven: {card}."],
            "en": ["I confirm the booking for four people on 14 June.", f"You may take the deposit: {card}."],
            "de": ["Hiermit bestätige ich die Reservierung für 4 Personen am 14. Juni.",
                   f"Die Anzahlung können Sie abbuchen ({card})."],
            "fr": ["Je confirme la réservation pour 4 personnes le 14 juin.",
                   f"Vous pouvez prélever l'acompte : {card}."]}[lang]


def gen_mail_customer(ev, lang, path):
    """A customer writes to a company and an employee replies: the reply
    quotes the message."""
    rng = ev.rng
    comp = rng.choice(COMPANIES[lang])
    p, emp = ev.people.new(lang), employee(ev, lang, comp)
    loc = ev.loc(path, lang)
    topic = rng.randrange(4)
    d = rand_day(rng)
    date1, hm1 = rfc_date(d, rng, lang, (7, 12))
    date2, _ = rfc_date(d, rng, lang, (13, 20))
    roles = {"nl": ["klantenservice", "info", "service"], "en": ["customerservice", "info", "support"],
             "de": ["kundenservice", "info", "service"], "fr": ["service-client", "contact", "info"]}[lang]
    role = loc.d("email", f"{rng.choice(roles)}@{comp.domain}", "role_mailbox")
    cust_body = [salutation_generic(lang)] + customer_mail_body(loc, p, lang, rng, topic) + \
        ["", rng.choice(CLOSINGS[lang]), loc.p("person_name", p.full)]
    reply = [salutation(loc, p, lang, rng), "",
             {"nl": "Dank voor uw bericht. Wij hebben uw verzoek in behandeling genomen.",
              "en": "Thank you for your message; we are dealing with your request.",
              "de": "Vielen Dank für Ihre Nachricht, wir kümmern uns um Ihr Anliegen.",
              "fr": "Merci pour votre message, nous avons bien pris en compte votre demande."}[lang], ""]
    reply += signature(loc, emp, lang, rng)
    pname, ename = loc.p("person_name", p.full), loc.p("person_name", emp.full)
    paddr, eaddr = loc.p("email", p.email), loc.p("email", emp.work_email)
    quoted = [quote_header(lang, d, hm1, pname, paddr)] + ["> " + l if l else ">" for l in cust_body]
    body = "\n".join(reply + [""] + quoted) + "\n"
    orig_id = msg_id(rng, "example.nl")
    loc.d("email", orig_id.strip("<>"), "message_id")
    this_id = msg_id(rng, comp.domain)
    loc.d("email", this_id.strip("<>"), "message_id")
    headers = [("Return-Path", f"<{eaddr}>")] + received_lines(loc, rng, comp.domain, "example.nl", date2) + [
        ("From", mailbox(ename, eaddr)), ("To", mailbox(pname, paddr)), ("Cc", role),
        ("Subject", f"RE: {MAIL_TOPICS[lang][topic]}"), ("Date", date2), ("Message-ID", this_id),
        ("In-Reply-To", orig_id), ("References", orig_id),
        ("X-Mailer", "Microsoft Outlook 16.0")]
    loc.text(plain_headers(headers) + body)
    headers = [(k, encode_header_value(k, v)) for k, v in headers]
    ev.write(path, make_eml(headers, body, boundary=f"=_{rng.randint(10 ** 9, 10 ** 10)}"))


def salutation_generic(lang):
    return {"nl": "Goedemiddag,", "en": "Hello,", "de": "Guten Tag,", "fr": "Bonjour,"}[lang]


def attachment_csv(ev, lang, name, loc, rng, n):
    """A participants list attached to a mail."""
    header = {"nl": ["naam", "email", "telefoon"], "en": ["name", "email", "phone"],
              "de": ["Name", "E-Mail", "Telefon"], "fr": ["nom", "email", "telephone"]}[lang]
    rows = [header]
    for _ in range(n):
        q = ev.people.new(lang)
        rows.append([loc.p("person_name", q.full), loc.p("email", q.email), loc.p("phone", q.mobile)])
    return csv_text(rows, ";" if lang in ("nl", "de", "fr") else ",")


def gen_mail_internal(ev, lang, path):
    """A colleague writes to colleagues: an absence (special category), a
    participants list or a CV attached."""
    rng = ev.rng
    comp = rng.choice(COMPANIES[lang])
    a, b, c = (employee(ev, lang, comp) for _ in range(3))
    loc = ev.loc(path, lang)
    P = loc.p
    kind = rng.randrange(3)
    d = rand_day(rng)
    date, _ = rfc_date(d, rng, lang)
    attachments = []
    an, cn = P("person_name", a.full), P("person_name", c.full)
    body = [salutation(loc, b, lang, rng, formal=False), ""]
    if kind == 0:
        subject = {"nl": f"Ziekmelding {c.given}", "en": f"Absence - {c.given}", "de": f"Krankmeldung {c.given}",
                   "fr": f"Absence de {c.given}"}[lang]
        P("person_name", c.given)
        if lang in ("nl", "de"):  # "Ziekmelding Jan" says Jan is ill; "Absence - Jan" does not say why
            P("health", subject)
        kind_s, tmpl = rng.choice([t for t in pick_specials(rng, lang, 4, ["health"], c.gender)
                                   if re.search("ziek gemeld|sick leave|krankgeschrieben|arrêt maladie|diabet|Diabet", t[1])]
                                  or pick_specials(rng, lang, 1, ["health"], c.gender))
        body.append(special_sentence(loc, lang, kind_s, tmpl, c, P("person_name", c.given), rng))
        cg = P("person_name", c.given)
        body.append({"nl": f"Kun jij de afspraken van {cg} deze week overnemen? Voor dringende vragen is {cg} bereikbaar op {P('phone', c.mobile)}.",
                     "en": f"Could you cover {cg}'s meetings this week? For anything urgent {cg} can be reached on {P('phone', c.mobile)}.",
                     "de": f"Kannst du diese Woche die Termine von {cg} übernehmen? In dringenden Fällen ist {cg} unter {P('phone', c.mobile)} erreichbar.",
                     "fr": f"Peux-tu reprendre les rendez-vous de {cg} cette semaine ? En cas d'urgence, {cg} est joignable au {P('phone', c.mobile)}."}[lang])
    elif kind == 1:
        subject = {"nl": "Deelnemerslijst training 18 april", "en": "Attendees - training 18 April",
                   "de": "Teilnehmerliste Schulung 18. April", "fr": "Liste des participants - formation du 18 avril"}[lang]
        name = {"nl": "deelnemers.csv", "en": "attendees.csv", "de": "teilnehmer.csv", "fr": "participants.csv"}[lang]
        aloc = ev.loc(f"{path}!{name}", lang)
        data = attachment_csv(ev, lang, name, aloc, rng, rng.randint(6, 14))
        aloc.text(data)
        attachments.append((name, "text/csv; charset=utf-8", data.encode("utf-8")))
        body.append({"nl": "Hierbij de deelnemerslijst voor de training. Wil je de badges klaarzetten?",
                     "en": "Attached is the attendee list for the training. Could you print the badges?",
                     "de": "Anbei die Teilnehmerliste für die Schulung. Kannst du die Namensschilder vorbereiten?",
                     "fr": "Ci-joint la liste des participants. Peux-tu préparer les badges ?"}[lang])
    else:
        cand = ev.people.new(lang)
        subject = {"nl": f"Sollicitatie {cand.full}", "en": f"Application - {cand.full}", "de": f"Bewerbung {cand.full}",
                   "fr": f"Candidature {cand.full}"}[lang]
        P("person_name", cand.full)
        name = "cv-" + ascii_fold(cand.family).lower().replace(" ", "-").replace("'", "") + ".txt"
        aloc = ev.loc(f"{path}!{name}", lang)
        cv = "\n".join([aloc.p("person_name", cand.full)] + address_lines(aloc, cand) +
                       [aloc.p("phone", cand.mobile), aloc.p("email", cand.email), "",
                        {"nl": "Persoonlijke gegevens", "en": "Personal details", "de": "Persönliche Daten",
                         "fr": "Informations personnelles"}[lang],
                        {"nl": "Geboortedatum: ", "en": "Date of birth: ", "de": "Geburtsdatum: ",
                         "fr": "Date de naissance : "}[lang] + aloc.p("date_of_birth", dob_str(cand, lang, rng)),
                        {"nl": "Nationaliteit: Nederlandse", "en": "Nationality: British", "de": "Staatsangehörigkeit: deutsch",
                         "fr": "Nationalité : française"}[lang], "",
                        {"nl": "Werkervaring", "en": "Experience", "de": "Berufserfahrung", "fr": "Expérience"}[lang],
                        {"nl": "2016 - heden: ", "en": "2016 - present: ", "de": "2016 - heute: ",
                         "fr": "2016 - aujourd'hui : "}[lang] + rng.choice(FUNCTIONS[lang])]) + "\n"
        aloc.text(cv)
        attachments.append((name, "text/plain; charset=utf-8", cv.encode("utf-8")))
        body.append({"nl": f"In de bijlage het cv van {P('person_name', cand.full)}. Zij of hij kan op {P('phone', cand.mobile)} gebeld worden voor een eerste gesprek.",
                     "en": f"Attached is {P('person_name', cand.full)}'s CV. The candidate can be called on {P('phone', cand.mobile)} for a first interview.",
                     "de": f"Im Anhang der Lebenslauf von {P('person_name', cand.full)}. Für ein erstes Gespräch ist die Person unter {P('phone', cand.mobile)} erreichbar.",
                     "fr": f"Ci-joint le CV de {P('person_name', cand.full)}, joignable au {P('phone', cand.mobile)} pour un premier entretien."}[lang])
    body += [""] + signature(loc, a, lang, rng)
    text = "\n".join(body) + "\n"
    aaddr, baddr, caddr = P("email", a.work_email), P("email", b.work_email), P("email", c.work_email)
    mid = msg_id(rng, comp.domain)
    loc.d("email", mid.strip("<>"), "message_id")
    # Outlook in the Netherlands shows "Achternaam, Voornaam"
    to_b = mailbox(P("person_name", b.full if rng.random() < 0.5 or lang != "nl" else f"{b.family}, {b.given}"), baddr)
    headers = [("Return-Path", f"<{aaddr}>")] + received_lines(loc, rng, comp.domain, comp.domain, date, hop=False) + [
        ("From", mailbox(an, aaddr)), ("To", to_b), ("Cc", mailbox(cn, caddr)),
        ("Subject", subject), ("Date", date), ("Message-ID", mid)]
    html = None
    if rng.random() < 0.3:
        html = "<html><body>" + "".join(f"<p>{xml_escape(l)}</p>" for l in body if l) + "</body></html>"
    loc.text(plain_headers(headers) + text)
    enc_headers = [(k, encode_header_value(k, v)) for k, v in headers]
    ev.write(path, make_eml(enc_headers, text, attachments, html, boundary=f"=_{rng.randint(10 ** 9, 10 ** 10)}"))


def plain_headers(headers):
    """The headers as a mail reader shows them (RFC 2047 words decoded)."""
    from email.header import decode_header, make_header
    return "".join(f"{k}: {make_header(decode_header(v))}\n" for k, v in headers)


def encode_header_value(name, value):
    """Subjects with accents are RFC 2047 encoded, as a mail client does."""
    if name == "Subject" and any(ord(c) > 127 for c in value):
        return q_encode(value)
    return value


# ---------------------------------------------------------------------------
# Exports: CSV, JSON, SQL dumps, spreadsheets, zipped exports
# ---------------------------------------------------------------------------


def split_family(family):
    """("de", "Vries") for "de Vries": how Dutch systems store a surname."""
    words = family.split(" ")
    k = 0
    while k < len(words) - 1 and words[k] in PARTICLES:
        k += 1
    return " ".join(words[:k]), " ".join(words[k:])


def ts(rng, y0=2021, y1=2024):
    d = rand_day(rng, y0, y1)
    return d, f"{d:%Y-%m-%d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def dob_cell(loc, p, lang, rng, iso=False):
    return loc.p("date_of_birth", f"{p.dob:%Y-%m-%d}" if iso else dob_str(p, lang, rng))


def customer_rows(ev, loc, lang, rng, n):
    P = loc.p
    if lang == "nl":
        rows = [["klantnummer", "voornaam", "tussenvoegsel", "achternaam", "straat", "postcode", "woonplaats",
                 "telefoon", "email", "geboortedatum", "iban", "aangemaakt"]]
    elif lang == "en":
        rows = [["customer_id", "first_name", "last_name", "email", "phone", "date_of_birth", "address_line1",
                 "city", "postcode", "created_at"]]
    elif lang == "de":
        rows = [["Kundennummer", "Anrede", "Vorname", "Nachname", "Straße", "PLZ", "Ort", "Telefon", "E-Mail",
                 "Geburtsdatum", "IBAN"]]
    else:
        rows = [["id", "civilite", "prenom", "nom", "adresse", "code_postal", "ville", "telephone", "email",
                 "date_naissance", "iban"]]
    for k in range(n):
        p = ev.people.new(lang, country="NL" if lang == "nl" else None)
        cid = 10000 + k * 7 + rng.randint(0, 6)
        phone = P("phone", rng.choice([p.mobile, p.mobile, p.landline]))
        mail = P("email", p.email if rng.random() < 0.9 else p.email.upper())
        iban = (P("iban", fmt_iban(rng, p.iban, rng.choice(["compact", "compact", "groups"])))
                if p.iban and lang != "en" else "")
        if lang == "nl":
            tv, fam = split_family(p.family)
            _, created = ts(rng)
            pc = P("nl_postcode", p.postcode if rng.random() < 0.7 else p.postcode.replace(" ", ""))
            rows.append([cid, P("person_name", p.given), tv, P("person_name", fam), p.street, pc, p.city, phone, mail,
                         dob_cell(loc, p, lang, rng), iban, loc.d("date_of_birth", created, "record_timestamp")])
        elif lang == "en":
            _, created = ts(rng)
            pc = p.pc_gb if p.country == "GB" else p.pc_us.split()[-1]
            rows.append([cid, P("person_name", p.given), P("person_name", p.family), mail, phone,
                         dob_cell(loc, p, lang, rng, iso=rng.random() < 0.5), p.street, p.city, pc,
                         loc.d("date_of_birth", created.replace(" ", "T") + "Z", "record_timestamp")])
        elif lang == "de":
            rows.append([cid, "Herr" if p.gender == "m" else "Frau", P("person_name", p.given), P("person_name", p.family),
                         p.street, p.pc_de, p.city, phone, mail, dob_cell(loc, p, lang, rng), iban])
        else:
            addr = address_lines(loc, p)
            pc = addr[1].split(" ")[0]
            rows.append([cid, "M." if p.gender == "m" else "Mme", P("person_name", p.given), P("person_name", p.family),
                         addr[0], pc, p.city, phone, mail, dob_cell(loc, p, lang, rng), iban])
    return rows


def gen_csv_customers(ev, lang, path, encoding="utf-8"):
    rng = ev.rng
    loc = ev.loc(path, lang)
    rows = customer_rows(ev, loc, lang, rng, rng.randint(20, 50))
    ev.write_text(loc, csv_text(rows, ";" if lang in ("nl", "de", "fr") else ","), encoding=encoding)


def gen_csv_employees(ev, lang, path):
    rng = ev.rng
    comp = rng.choice(COMPANIES[lang])
    loc = ev.loc(path, lang)
    P = loc.p
    head = {"nl": ["personeelsnummer", "naam", "functie", "email", "telefoon", "geboortedatum", "bsn", "iban", "in_dienst"],
            "en": ["staff_no", "full_name", "job_title", "work_email", "mobile", "dob", "ni_number", "bank_iban", "start_date"],
            "de": ["Personalnummer", "Name", "Funktion", "E-Mail", "Telefon", "Geburtsdatum", "Steuer-ID", "IBAN", "Eintritt"],
            "fr": ["matricule", "nom_complet", "poste", "email", "telephone", "date_naissance", "num_secu", "iban", "date_entree"]}[lang]
    rows = [head]
    for k in range(rng.randint(15, 40)):
        p = employee(ev, lang, comp)
        start, _ = ts(rng, 2005, 2024)
        bsn = ""
        if lang == "nl" and p.bsn:
            bsn = P("nl_bsn", p.bsn)
        # the UK, German and French identifiers are personal data of a kind
        # piiscan has no rule for: left empty rather than left unlabelled
        rows.append([1000 + k, P("person_name", p.full), rng.choice(FUNCTIONS[lang]), P("email", p.work_email),
                     P("phone", p.mobile), dob_cell(loc, p, lang, rng), bsn,
                     P("iban", fmt_iban(rng, p.iban, "compact")) if p.iban else "",
                     loc.d("date_of_birth", short_date(start, lang), "start_date")])
    ev.write_text(loc, csv_text(rows, ";" if lang != "en" else ","))


def gen_csv_payments(ev, lang, path):
    rng = ev.rng
    loc = ev.loc(path, lang)
    P = loc.p
    head = {"nl": ["transactie_id", "datum", "bedrag", "kaarthouder", "kaartnummer", "status"],
            "en": ["transaction_id", "date", "amount", "cardholder", "card_number", "status"],
            "de": ["Transaktions-ID", "Datum", "Betrag", "Karteninhaber", "Kartennummer", "Status"],
            "fr": ["id_transaction", "date", "montant", "titulaire", "numero_carte", "statut"]}[lang]
    rows = [head]
    for _ in range(rng.randint(20, 45)):
        p = ev.people.new(lang)
        d, stamp = ts(rng, 2023, 2024)
        holder = P("person_name", rng.choice([p.full, p.initials, p.full.upper()]))
        if rng.random() < 0.75:
            card = P("credit_card", group_card(p.card[1], rng.choice(["plain", "plain", "space"])))
        else:
            card = loc.d("credit_card", rng.choice([f"**** **** **** {p.card[1][-4:]}",
                                                    p.card[1][:6] + "*" * (len(p.card[1]) - 10) + p.card[1][-4:]]),
                         "masked_card")
        rows.append([f"TX{rng.randint(10 ** 7, 10 ** 8 - 1)}", stamp, amount(rng, lang), holder, card,
                     rng.choice(["OK", "OK", "OK", "DECLINED", "REFUNDED"])])
    ev.write_text(loc, csv_text(rows, ";" if lang != "en" else ","))


def gen_csv_newsletter(ev, lang, path):
    """A consent log: who subscribed, when, from which address."""
    rng = ev.rng
    loc = ev.loc(path, lang)
    P = loc.p
    head = {"nl": ["email", "naam", "aangemeld_op", "ip_adres", "bron"], "en": ["email", "name", "subscribed_at", "ip_address", "source"],
            "de": ["E-Mail", "Name", "angemeldet_am", "IP-Adresse", "Quelle"], "fr": ["email", "nom", "inscrit_le", "adresse_ip", "source"]}[lang]
    rows = [head]
    for _ in range(rng.randint(25, 60)):
        p = ev.people.new(lang)
        _, stamp = ts(rng, 2022, 2024)
        ip = P("ipv6", public_ipv6(rng)) if rng.random() < 0.25 else P("ipv4", public_ipv4(rng))
        rows.append([P("email", p.email), P("person_name", p.full) if rng.random() < 0.7 else "",
                     loc.d("date_of_birth", stamp, "record_timestamp"), ip,
                     rng.choice(["website", "kassa", "actie-voorjaar", "facebook"])])
    ev.write_text(loc, csv_text(rows, ","))


def gen_json_export(ev, lang, path):
    rng = ev.rng
    loc = ev.loc(path, lang)
    P = loc.p
    out = []
    for k in range(rng.randint(12, 30)):
        p = ev.people.new(lang)
        d, stamp = ts(rng)
        created = loc.d("date_of_birth", f"{d:%Y-%m-%d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z",
                        "iso_timestamp")
        addr = {"street": p.street, "city": p.city}
        if p.country == "NL":
            addr["postalCode"] = P("nl_postcode", p.postcode)
        rec = {"id": 5000 + k, "name": {"first": P("person_name", p.given), "last": P("person_name", p.family)},
               "email": P("email", p.email), "phone": P("phone", p.mobile),
               "birthDate": P("date_of_birth", f"{p.dob:%Y-%m-%d}"), "address": addr,
               "iban": P("iban", p.iban) if p.iban else None, "createdAt": created,
               "tags": rng.sample(["newsletter", "vip", "b2c", "retour"], 2),
               "client": {"version": loc.d("ipv4", "6.9.11.60", "version_string") if k % 5 == 0 else "2.4.1",
                          "lastIp": P("ipv4", public_ipv4(rng))}}
        out.append(rec)
    ev.write_text(loc, json.dumps(out, ensure_ascii=False, indent=2) + "\n")


def gen_ndjson(ev, lang, path):
    rng = ev.rng
    loc = ev.loc(path, lang)
    P = loc.p
    lines = []
    for _ in range(rng.randint(15, 35)):
        p = ev.people.new(lang)
        oid = "".join(rng.choice("0123456789abcdef") for _ in range(24))
        d, _ = ts(rng, 2024, 2024)
        login = loc.d("date_of_birth", f"{d:%Y-%m-%d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00.000Z", "iso_timestamp")
        rec = {"_id": {"$oid": oid}, "naam": P("person_name", p.full), "email": P("email", p.email),
               "telefoon": P("phone", p.mobile),
               "geboortedatum": {"$date": P("date_of_birth", f"{p.dob:%Y-%m-%d}T00:00:00.000Z")},
               "laatsteLogin": {"$date": login}}
        if p.country == "NL":
            rec["adres"] = {"straat": p.street, "postcode": P("nl_postcode", p.postcode), "plaats": p.city}
        lines.append(json.dumps(rec, ensure_ascii=False))
    ev.write_text(loc, "\n".join(lines) + "\n")


def sql_str(v):
    if v is None:
        return "NULL"
    if isinstance(v, int):
        return str(v)
    return "'" + str(v).replace("\\", "\\\\").replace("'", "\\'") + "'"


def gen_sql_dump(ev, lang, path):
    """A mysqldump of a webshop: customers with their data, orders with
    order numbers that pass the 11-check and client IPs."""
    rng = ev.rng
    loc = ev.loc(path, lang)
    P = loc.p
    cust_rows, order_rows = [], []
    for k in range(rng.randint(20, 40)):
        p = ev.people.new(lang)
        _, created = ts(rng)
        loc.d("date_of_birth", created, "record_timestamp")
        cust_rows.append((k + 1, P("person_name", p.given), P("person_name", p.family), P("email", p.email),
                          P("phone", p.mobile), P("date_of_birth", f"{p.dob:%Y-%m-%d}"),
                          P("iban", p.iban) if p.iban else None,
                          P("nl_bsn", p.bsn) if p.bsn and rng.random() < 0.5 else None,
                          P("nl_postcode", p.postcode.replace(" ", "")) if p.postcode else None,
                          p.city, created))
        for _ in range(rng.randint(0, 3)):
            _, ots = ts(rng, 2023, 2024)
            order_rows.append((len(order_rows) + 1, loc.d("nl_bsn", make_elfproef(rng), "order_number_elfproef"), k + 1,
                               rng.randint(500, 25000), P("ipv4", public_ipv4(rng)) if rng.random() < 0.8 else P("ipv6", public_ipv6(rng)),
                               loc.d("date_of_birth", ots, "record_timestamp")))
    text = f"""-- MySQL dump 10.13  Distrib 8.0.35, for Linux (x86_64)
--
-- Host: localhost    Database: webshop
-- ------------------------------------------------------
-- Server version	8.0.35-0ubuntu0.22.04.1

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!50503 SET NAMES utf8mb4 */;

--
-- Table structure for table `customers`
--

DROP TABLE IF EXISTS `customers`;
CREATE TABLE `customers` (
  `id` int NOT NULL AUTO_INCREMENT,
  `first_name` varchar(80) NOT NULL,
  `last_name` varchar(80) NOT NULL,
  `email` varchar(190) NOT NULL,
  `phone` varchar(32) DEFAULT NULL,
  `date_of_birth` date DEFAULT NULL,
  `iban` varchar(34) DEFAULT NULL,
  `bsn` char(9) DEFAULT NULL,
  `postcode` varchar(10) DEFAULT NULL,
  `city` varchar(80) DEFAULT NULL,
  `created_at` datetime NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `email` (`email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

LOCK TABLES `customers` WRITE;
INSERT INTO `customers` VALUES {",".join("(" + ",".join(sql_str(v) for v in r) + ")" for r in cust_rows)};
UNLOCK TABLES;

--
-- Table structure for table `orders`
--

DROP TABLE IF EXISTS `orders`;
CREATE TABLE `orders` (
  `id` int NOT NULL AUTO_INCREMENT,
  `order_number` char(9) NOT NULL,
  `customer_id` int NOT NULL,
  `total_cents` int NOT NULL,
  `client_ip` varchar(45) DEFAULT NULL,
  `created_at` datetime NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `orders` WRITE;
INSERT INTO `orders` VALUES {",".join("(" + ",".join(sql_str(v) for v in r) + ")" for r in order_rows)};
UNLOCK TABLES;

-- Dump completed on 2024-03-12  2:00:01
"""
    ev.write_text(loc, text)


def gen_pg_dump(ev, lang, path):
    """A pg_dump of a CRM: contacts in a COPY block."""
    rng = ev.rng
    loc = ev.loc(path, lang)
    P = loc.p
    rows = []
    for k in range(rng.randint(20, 40)):
        p = ev.people.new(lang)
        _, created = ts(rng)
        rows.append("\t".join([str(k + 1), P("person_name", p.full), P("email", p.email), P("phone", p.landline),
                               P("date_of_birth", f"{p.dob:%Y-%m-%d}"),
                               loc.d("date_of_birth", created + "+00", "record_timestamp")]))
    text = ("--\n-- PostgreSQL database dump\n--\n\n-- Dumped from database version 15.5 (Debian 15.5-0+deb12u1)\n"
            "-- Dumped by pg_dump version 15.5 (Debian 15.5-0+deb12u1)\n\nSET statement_timeout = 0;\n"
            "SET client_encoding = 'UTF8';\n\nCREATE TABLE public.contacts (\n    id integer NOT NULL,\n"
            "    full_name text NOT NULL,\n    email text,\n    phone text,\n    birth_date date,\n"
            "    created timestamp with time zone DEFAULT now()\n);\n\n"
            "COPY public.contacts (id, full_name, email, phone, birth_date, created) FROM stdin;\n"
            + "\n".join(rows) + "\n\\.\n\n--\n-- PostgreSQL database dump complete\n--\n")
    ev.write_text(loc, text)


def gen_xlsx_staff(ev, lang, path):
    rng = ev.rng
    comp = rng.choice(COMPANIES[lang])
    loc = ev.loc(path, lang)
    P = loc.p
    head = {"nl": ["Naam", "Functie", "E-mail", "Telefoon", "Geboortedatum", "BSN", "Postcode"],
            "en": ["Name", "Role", "Email", "Phone", "Date of birth", "Emergency contact", "Emergency phone"],
            "de": ["Name", "Funktion", "E-Mail", "Telefon", "Geburtsdatum", "IBAN", "Notfallkontakt"],
            "fr": ["Nom", "Poste", "E-mail", "Téléphone", "Date de naissance", "IBAN", "Contact d'urgence"]}[lang]
    rows = [head]
    for _ in range(rng.randint(12, 30)):
        p = employee(ev, lang, comp)
        base = [P("person_name", p.full), rng.choice(FUNCTIONS[lang]), P("email", p.work_email), P("phone", p.mobile),
                dob_cell(loc, p, lang, rng)]
        if lang == "nl":
            if p.bsn:
                # Excel drops a leading zero: a BSN that starts with 0 is a number of 8 digits
                b = make_elfproef(rng, first=0)
                bsn = int(p.bsn) if rng.random() < 0.7 else int(b)
                P("nl_bsn", str(bsn))
            else:
                bsn = ""
            base += [bsn, P("nl_postcode", p.postcode) if p.postcode else ""]
        elif lang == "en":
            q = ev.people.new(lang)
            base += [P("person_name", q.full), P("phone", q.mobile)]
        else:
            q = ev.people.new(lang)
            base += [P("iban", fmt_iban(rng, p.iban, "groups")) if p.iban else "", P("person_name", q.full)]
        rows.append(base)
    sheet = {"nl": "Medewerkers", "en": "Staff", "de": "Mitarbeiter", "fr": "Personnel"}[lang]
    loc.text("\n".join("\t".join(str(c) for c in r) for r in rows))
    author = employee(ev, lang, comp)
    a = P("person_name", author.full)
    loc.text(a)
    ev.write(path, make_xlsx([(sheet, rows)], sheet, a, a))


def gen_zip_export(ev, lang, path):
    """A zipped CRM export: the CSV inside is a member ("x.zip!klanten.csv")."""
    rng = ev.rng
    member = {"nl": "klanten.csv", "en": "customers.csv", "de": "kunden.csv", "fr": "clients.csv"}[lang]
    loc = ev.loc(f"{path}!{member}", lang)
    rows = customer_rows(ev, loc, lang, rng, rng.randint(15, 30))
    data = csv_text(rows, ";" if lang != "en" else ",")
    loc.text(data)
    readme = ev.loc(f"{path}!LEESMIJ.txt" if lang == "nl" else f"{path}!README.txt", lang)
    rtext = {"nl": "Export uit het CRM, gemaakt door de nachtelijke taak (versie 1.7.0.6).\n",
             "en": "CRM export written by the nightly job (version 1.7.0.6).\n",
             "de": "CRM-Export des nächtlichen Jobs (Version 1.7.0.6).\n",
             "fr": "Export CRM produit par la tâche de nuit (version 1.7.0.6).\n"}[lang]
    readme.text(rtext)
    readme.d("ipv4", "1.7.0.6", "version_string")
    ev.write(path, make_zip([(member, data.encode("utf-8")), (readme.path.split("!")[1], rtext.encode())]))


# ---------------------------------------------------------------------------
# Logs with visitors' and users' addresses
# ---------------------------------------------------------------------------

UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0",
    "Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.43 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 Safari/537.36 Edg/118.0.2088.76",
]
PAGES = ["/", "/producten/brood", "/winkelwagen", "/afrekenen", "/account/login", "/css/site.css?v=1.7.0.6",
         "/js/app.min.js", "/img/logo@2x.png", "/api/v2/cart", "/contact", "/favicon.ico", "/nieuws/2024/03"]


def gen_access_log(ev, path, comp):
    rng = ev.rng
    loc = ev.loc(path, "en")
    visitors = []
    for _ in range(rng.randint(25, 50)):
        visitors.append(("ipv6", public_ipv6(rng)) if rng.random() < 0.25 else ("ipv4", public_ipv4(rng)))
    lines = []
    t = dt.datetime(2024, 3, rng.randint(1, 28), 6, 0, 0)
    for _ in range(rng.randint(150, 300)):
        t += dt.timedelta(seconds=rng.randint(1, 90))
        stamp = t.strftime("%d/%b/%Y:%H:%M:%S +0100")
        if rng.random() < 0.08:
            lines.append(f'{loc.d("ipv4", "127.0.0.1", "loopback")} - - [{stamp}] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.27"')
            continue
        kind, ip = rng.choice(visitors)
        loc.p(kind, ip)
        page = rng.choice(PAGES)
        if rng.random() < 0.03:
            p = ev.people.new(rng.choice(LANGS))
            enc = p.email.replace("@", "%40")
            page = f"/nieuwsbrief/afmelden?email={loc.p('email', enc)}"
        ua = rng.choice(UAS)
        if "Chrome/119.0.0.0" in ua:
            loc.d("ipv4", "119.0.0.0", "version_string")
        if "Chrome/118.0.0.0" in ua:
            loc.d("ipv4", "118.0.0.0", "version_string")
        if "1.7.0.6" in page:
            loc.d("ipv4", "1.7.0.6", "version_string")
        status = rng.choice([200] * 8 + [304, 404, 302])
        user = "-"
        lines.append(f'{ip} - {user} [{stamp}] "GET {page} HTTP/1.1" {status} {rng.randint(200, 60000)} '
                     f'"https://www.{comp.domain}/" "{ua}"')
    ev.write_text(loc, "\n".join(lines) + "\n")


def gen_auth_log(ev, path):
    rng = ev.rng
    loc = ev.loc(path, "en")
    lines = []
    t = dt.datetime(2024, 3, rng.randint(1, 28), 0, 0, 0)
    users = ["deploy", "jdevries", "sbakker", "root", "admin", "backup", "pi", "oracle"]
    pid = rng.randint(1000, 5000)
    lines.append(f"{t:%b %d %H:%M:%S} web01 sshd[{pid}]: Server listening on {loc.d('ipv4', '0.0.0.0', 'unspecified')} port 22.")
    lines.append(f"{t:%b %d %H:%M:%S} web01 sshd[{pid}]: Server listening on :: port 22.")
    for _ in range(rng.randint(60, 120)):
        t += dt.timedelta(seconds=rng.randint(5, 600))
        pid += rng.randint(1, 30)
        kind = "ipv6" if rng.random() < 0.2 else "ipv4"
        ip = loc.p(kind, public_ipv6(rng) if kind == "ipv6" else public_ipv4(rng))
        r = rng.random()
        if r < 0.4:
            lines.append(f"{t:%b %d %H:%M:%S} web01 sshd[{pid}]: Failed password for invalid user {rng.choice(users)} "
                         f"from {ip} port {rng.randint(30000, 65000)} ssh2")
        elif r < 0.7:
            lines.append(f"{t:%b %d %H:%M:%S} web01 sshd[{pid}]: Accepted publickey for {rng.choice(users[:3])} "
                         f"from {ip} port {rng.randint(30000, 65000)} ssh2: ED25519 SHA256:{base64.b64encode(bytes(rng.randrange(256) for _ in range(12))).decode()}")
        else:
            lines.append(f"{t:%b %d %H:%M:%S} web01 sshd[{pid}]: Connection closed by authenticating user root {ip} "
                         f"port {rng.randint(30000, 65000)} [preauth]")
        if rng.random() < 0.1:
            lines.append(f"{t:%b %d %H:%M:%S} web01 CRON[{pid + 1}]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)")
    ev.write_text(loc, "\n".join(lines) + "\n")


def gen_mail_log(ev, path, comp):
    """Postfix: users submitting mail from home (their address and
    login), message ids (not mailboxes)."""
    rng = ev.rng
    loc = ev.loc(path, "en")
    lines = []
    t = dt.datetime(2024, 3, rng.randint(1, 28), 7, 0, 0)
    lang = comp.lang
    for _ in range(rng.randint(20, 40)):
        t += dt.timedelta(seconds=rng.randint(5, 900))
        p = employee(ev, lang, comp)
        q = ev.people.new(rng.choice(LANGS))
        qid = "".join(rng.choice("0123456789ABCDEF") for _ in range(10))
        ip = loc.p("ipv4", public_ipv4(rng))
        sender, rcpt = loc.p("email", p.work_email), loc.p("email", q.email)
        mid = loc.d("email", f"{t:%Y%m%d%H%M%S}.{qid}@mail.{comp.domain}", "message_id")
        s = f"{t:%b %d %H:%M:%S} mail postfix"
        lines += [f"{s}/submission/smtpd[{rng.randint(1000, 9999)}]: connect from unknown[{ip}]",
                  f"{s}/submission/smtpd[{rng.randint(1000, 9999)}]: {qid}: client=unknown[{ip}], sasl_method=PLAIN, sasl_username={sender}",
                  f"{s}/cleanup[{rng.randint(1000, 9999)}]: {qid}: message-id=<{mid}>",
                  f"{s}/qmgr[812]: {qid}: from=<{sender}>, size={rng.randint(2000, 90000)}, nrcpt=1 (queue active)",
                  f"{s}/smtp[{rng.randint(1000, 9999)}]: {qid}: to=<{rcpt}>, relay=mx.example.nl[{loc.d('ipv4', '192.0.2.25', 'documentation_range')}]:25, "
                  f"delay=0.{rng.randint(10, 99)}, status=sent (250 2.0.0 Ok: queued)",
                  f"{s}/qmgr[812]: {qid}: removed"]
    ev.write_text(loc, "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------
# Decoys: software, configuration, logs, documentation, business records
# without persons. Every value that imitates a kind is listed in decoys.tsv.
# ---------------------------------------------------------------------------

IDENTS = ["ring", "pkt", "sess", "conn", "cache", "queue", "frame", "ctx", "node", "slot", "dev", "buf"]


def c_snippets(loc, rng):
    """Pieces of C that a capture daemon has: a union, a disabled device,
    constants, defaults, timestamps, certificate pinning, flags. Each file
    takes some of them; register_found lists the decoys of those taken."""
    D = loc.d
    a, b = rng.sample(IDENTS, 2)
    seed = D("nl_bsn", make_elfproef(rng), "code_constant")
    ver = D("ipv4", rng.choice(["1.7.0.6", "6.9.11.60", "2.4.1.3", "3.10.2.1"]), "version_string")
    return [
        f"""/* The header is read as a union: the union member that holds the type
 * is valid only after {a}_parse() checked the length. */
union {a}_hdr {{
	struct {{ uint16_t type; uint16_t len; }} f;
	uint32_t raw;
}};

static inline uint16_t {a}_type(const union {a}_hdr *h)
{{
	return ntohs(h->f.type); /* read the union member, not raw */
}}
""",
        f"""static int {b}_open(struct {b}_dev *dev)
{{
	if (dev->disabled) {{
		/* diagnose why the device was disabled before giving up */
		log_warn("{b}: device %s disabled (code %d)", dev->name, dev->err);
		return -ENODEV;
	}}
	dev->state = {b.upper()}_ENABLED;
	return 0;
}}
""",
        f"""#define {a.upper()}_HASH_SEED {seed}u
#define {a.upper()}_VERSION "{ver}"
#define {a.upper()}_MAX_SLOTS 4096
""",
        f"""/* Defaults: bind to {D("ipv4", "127.0.0.1", "loopback")}, documentation address in tests
 * ({D("ipv4", "192.0.2.10", "documentation_range")}), netmask {D("ipv4", "255.255.255.0", "netmask")}. */
static const char *default_bind = "127.0.0.1";
static const char *link_local = "{D("ipv6", "fe80::1", "link_local_in_code")}";
""",
        f"""/* Timestamps are written as 08-11-2023 01:02 in the local zone, e.g.
 * "{D("date_of_birth", "08-11-2023", "log_datetime")} 01:02 {b} flushed 12 frames". */
strftime(buf, sizeof(buf), "%d-%m-%Y %H:%M", &tm);
""",
        f"""/* Hash the fingerprint data of the peer certificate (SHA-256) and compare
 * it with the pinned value; a mismatch is reported, never ignored. */
static bool {a}_pin_ok(const uint8_t fp[32])
{{
	return memcmp(fp, pinned_fp, 32) == 0;
}}
""",
        f"""static const struct {{ const char *name; int flag; }} {b}_flags[] = {{
	{{"enabled", FLAG_ENABLED}},
	{{"disabled", FLAG_DISABLED}},
	{{"diagnose", FLAG_DIAGNOSE}},
}};
""",
    ]


# Values the code snippets may hold, found again in the text written.
DECOY_SCAN = [
    ("ipv4", "1.7.0.6", "version_string"), ("ipv4", "6.9.11.60", "version_string"),
    ("ipv4", "2.4.1.3", "version_string"), ("ipv4", "3.10.2.1", "version_string"),
    ("ipv4", "127.0.0.1", "loopback"), ("ipv4", "192.0.2.10", "documentation_range"),
    ("ipv4", "255.255.255.0", "netmask"), ("ipv6", "fe80::1", "link_local_in_code"),
    ("date_of_birth", "08-11-2023", "log_datetime"), ("phone", "08-11-2023 01:02", "log_datetime"),
    ("trade_union", "union member", "software_text"), ("health", "disabled", "software_text"),
    ("health", "diagnose", "software_text"), ("genetic_biometric", "fingerprint data", "software_text"),
]


def gen_c_source(ev, path):
    rng = ev.rng
    snippets = c_snippets(Loc(Eval(None, rng), path, "en"), rng)  # decoys listed below, of the snippets taken
    parts = rng.sample(snippets, rng.randint(3, 6))
    loc = ev.loc(path, "en")
    head = (f"/* SPDX-License-Identifier: MIT */\n/*\n * {os.path.basename(path)} - part of the capture daemon.\n"
            f" * Report bugs to <{loc.d('email', 'bugs@tartool-project.org', 'role_mailbox')}>.\n */\n"
            "#include <stdint.h>\n#include <string.h>\n#include <errno.h>\n#include <arpa/inet.h>\n\n")
    text = head + "\n".join(parts)
    register_found(loc, text)
    ev.write_text(loc, text)


def register_found(loc, text):
    """Lists in decoys.tsv the decoy values of DECOY_SCAN and the 9-digit
    constants that pass the 11-check, as they occur in text."""
    for kind, value, cls in DECOY_SCAN:
        if re.search(r"(?<![\w.])" + re.escape(value) + r"(?![\w])", text, re.I if kind not in ("ipv4", "ipv6") else 0):
            loc.d(kind, value, cls)
    for m in re.finditer(r"(?<![\w.-])\d{9}(?![\w-])", text):
        if elfproef_ok(m.group()):
            loc.d("nl_bsn", m.group(), "code_constant")


def gen_py_source(ev, path, comp):
    rng = ev.rng
    loc = ev.loc(path, "en")
    D = loc.d
    kind = rng.randrange(3)
    if kind == 0:
        text = f'''"""Settings for the {comp.short} webshop."""
import os

DEBUG = False
ALLOWED_HOSTS = ["shop.{comp.domain}", "{D("ipv4", "127.0.0.1", "loopback")}"]
DEFAULT_FROM_EMAIL = "{D("email", "noreply@" + comp.domain, "role_mailbox")}"
SERVER_EMAIL = "{D("email", "alerts@" + comp.domain, "role_mailbox")}"
ADMINS = [("Ops", "{D("email", "ops@example.com", "documentation_domain")}")]
DATABASES = {{"default": {{"ENGINE": "django.db.backends.postgresql", "HOST": "{D("ipv4", "10.20.0.15", "server_ip")}", "PORT": 5432}}}}
STATIC_VERSION = "{D("ipv4", "1.7.0.6", "version_string")}"
TIME_FORMAT = "%d-%m-%Y %H:%M"  # {D("phone", "08-11-2023 01:02", "log_datetime")}
FEATURE_FLAGS = {{"new_checkout": "enabled", "legacy_api": "disabled"}}
'''
        D("date_of_birth", "08-11-2023", "log_datetime")
        D("health", "disabled", "software_text")
    elif kind == 1:
        text = f'''import pytest
from shop.payments import luhn_valid, iban_valid, bsn_valid, normalise_phone

# Test numbers published by the payment provider: never real cards.
TEST_CARDS = [
    "{D("credit_card", "4242424242424242", "test_card")}",  # Visa
    "{D("credit_card", "5555555555554444", "test_card")}",  # Mastercard
    "{D("credit_card", "378282246310005", "test_card")}",   # American Express
]


@pytest.mark.parametrize("number", TEST_CARDS)
def test_luhn(number):
    assert luhn_valid(number)


def test_iban():
    assert iban_valid("{D("iban", "NL91ABNA0417164300", "documented_example")}")
    assert not iban_valid("NL91ABNA0417164301")


def test_bsn():
    assert bsn_valid("{D("nl_bsn", "123456782", "test_value")}")
    assert not bsn_valid("123456789")


def test_phone():
    assert normalise_phone("06-12345678") == "{D("phone", "+31612345678", "test_value")}"


def test_timestamps():
    assert parse_ts("{D("date_of_birth", "2023-11-08T01:02:03Z", "iso_timestamp")}").year == 2023
'''
        D("phone", "06-12345678", "test_value")
    else:
        text = f'''"""Nightly export of orders to the warehouse system."""
import csv
import logging

log = logging.getLogger("export")
WAREHOUSE = "{D("ipv4", "10.20.0.31", "server_ip")}"
ORDER_PREFIX = "ORD"
# order numbers are 9 digits with an 11-check, e.g. ordernummer {D("nl_bsn", make_elfproef(rng), "order_number_elfproef")}


class Exporter:
    """This class writes one CSV per day. The Name column holds the product name."""

    def __init__(self, path, disabled=False):
        self.path = path
        self.disabled = disabled

    def run(self, orders):
        if self.disabled:
            log.info("export disabled")
            return 0
        with open(self.path, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["Order", "Name", "Qty"])
            for o in orders:
                w.writerow([o.number, o.product_name, o.qty])
        return len(orders)
'''
        D("health", "disabled", "software_text")
        D("person_name", "Qty", "software_text")
    ev.write_text(loc, text)


def gen_js_source(ev, path, comp):
    rng = ev.rng
    loc = ev.loc(path, "en")
    D = loc.d
    if path.endswith(".json"):
        text = json.dumps({
            "name": f"{comp.domain.split('.')[0]}-web", "version": "2.14.0", "private": True,
            "description": "Storefront",
            "repository": {"type": "git", "url": f"git@github.com:{comp.domain.split('.')[0]}/web.git"},
            "scripts": {"build": "vite build", "test": "vitest run"},
            "dependencies": {"vue": "^3.3.8", "axios": "^1.6.2", "dayjs": "^1.11.10"},
            "devDependencies": {"vite": "^5.0.2", "vitest": "^0.34.6"},
            "engines": {"node": ">=18.18.0"},
        }, indent=2) + "\n"
    else:
        text = f"""// API client for the storefront.
import axios from 'axios';

export const api = axios.create({{ baseURL: 'https://api.{comp.domain}/v2', timeout: 5000 }});

// Orders are shown as "{D("phone", "08-11-2023 01:02", "log_datetime")}"; the API sends "{D("date_of_birth", "2023-11-08T01:02:03Z", "iso_timestamp")}".
export function formatOrderDate(iso) {{
  const d = new Date(iso);
  return d.toLocaleString('nl-NL', {{ dateStyle: 'short', timeStyle: 'short' }});
}}

// The card field shows only the last four digits: **** **** **** 1234
export const maskCard = (n) => '**** **** **** ' + n.slice(-4);

export const DEFAULTS = {{ version: '{D("ipv4", "1.7.0.6", "version_string")}', retries: 3, disabled: false }};
"""
        D("health", "disabled", "software_text")
        D("credit_card", "**** **** **** 1234", "masked_card")
        D("date_of_birth", "08-11-2023", "log_datetime")
    ev.write_text(loc, text)
    if "git@github.com" in text:
        D("email", f"git@github.com", "git_remote")


TOOLS = [("tartool", "archive and restore share snapshots"), ("shopctl", "control the webshop services"),
         ("logship", "ship log files to the collector"), ("pkgmirror", "mirror package repositories"),
         ("netprobe", "probe hosts and report latency"), ("certwatch", "watch TLS certificates for expiry")]


def gen_man_page(ev, path, tool, desc):
    rng = ev.rng
    loc = ev.loc(path, "en")
    D = loc.d
    up = tool.upper()
    text = f"""{up}(1)                      User Commands                      {up}(1)

NAME
       {tool} - {desc}

SYNOPSIS
       {tool} [OPTION]... [HOST]...

DESCRIPTION
       The {tool} utility reads its configuration from /etc/{tool}.conf. This manual
       describes version {D("ipv4", "6.9.11.60", "version_string") if rng.random() < 0.5 else "2.1.0"}.

       Description of the fields printed by --list:

       Name              Type      Default    Description
       Log Level         string    info       How much is logged
       Retry Policy      string    backoff    What happens after an error
       Max Connections   integer   64         Parallel connections per host
       Cache Directory   path      /var/cache Where state is kept

OPTIONS
       -b, --bind ADDRESS
              Listen on ADDRESS (default {D("ipv4", "127.0.0.1", "loopback")}).

       -n, --netmask MASK
              Network mask for --scan (default {D("ipv4", "255.255.255.0", "netmask")}).

       --disable-diagnose
              Do not diagnose failures; the check is disabled in batch mode.

EXAMPLES
       {tool} --bind {D("ipv4", "192.0.2.10", "documentation_range")} {D("ipv4", "198.51.100.7", "documentation_range")}
       {tool} --notify {D("email", "admin@example.com", "documentation_domain")} {D("ipv6", "2001:db8::42", "documentation_range")}
       {tool} --since "{D("phone", D("date_of_birth", "08-11-2023", "log_datetime") + " 01:02", "log_datetime")}" --until 2023-11-09

EXIT STATUS
       0 on success, 1 when a host did not answer, 2 on a usage error.

REPORTING BUGS
       Report bugs to <{D("email", f"bugs@{tool}-project.org", "role_mailbox")}>.

SEE ALSO
       ssh(1), cron(8)

{tool} 2.1.0                         November 2023                      {up}(1)
"""
    for v in ("Log Level", "Retry Policy", "Max Connections", "Cache Directory"):
        D("person_name", v, "name_column_not_person")
    D("health", "disabled", "software_text")
    D("health", "diagnose", "software_text")
    ev.write_text(loc, text)


def gen_config(ev, path, comp):
    rng = ev.rng
    loc = ev.loc(path, "en")
    D = loc.d
    kind = path.rsplit(".", 1)[-1]
    srv = D("ipv4", f"10.20.{rng.randint(0, 9)}.{rng.randint(2, 250)}", "server_ip")
    if kind == "conf":
        text = f"""# nginx: shop.{comp.domain}
server {{
    listen {srv}:443 ssl http2;
    server_name shop.{comp.domain};
    ssl_certificate /etc/ssl/shop.crt;
    access_log /var/log/nginx/shop.access.log combined;

    location /api/ {{
        proxy_pass http://{D("ipv4", "127.0.0.1", "loopback")}:8080;
        proxy_set_header X-Real-IP $remote_addr;
    }}
    location /admin/ {{
        allow {D("ipv4", "10.20.0.0", "network_address")}/16;
        deny all;
    }}
    client_max_body_size 20M;
}}
"""
    elif kind == "ini":
        text = f"""; workstation agent settings
[network]
address = {srv}
netmask = {D("ipv4", "255.255.255.0", "netmask")}
gateway = {D("ipv4", "10.20.0.1", "server_ip")}
dns = {D("ipv4", "8.8.8.8", "public_dns")}, {D("ipv4", "1.1.1.1", "public_dns")}

[features]
autoupdate = disabled
telemetry = enabled=disabled
diagnose_on_crash = yes

[storage]
cache_size = {D("nl_postcode", "3072MB", "size_unit")}
max_disk = {D("nl_postcode", "2048GB", "size_unit")}

[tags]
; categories of the intranet news
categories = Sport, Religion, Politiek, Cultuur, Personeel
"""
        D("health", "disabled", "software_text")
        D("religion", "Religion", "tag_name")
    elif kind == "yaml":
        text = f"""# deployment of the order service
apiVersion: apps/v1
kind: Deployment
metadata:
  name: order-service
  labels: {{app: order-service, tier: backend}}
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: order-service
          image: registry.{comp.domain}/order-service:{D("ipv4", "1.7.0.6", "version_string")}
          env:
            - {{name: DB_HOST, value: "{srv}"}}
            - {{name: SMTP_FROM, value: "{D("email", "orders@" + comp.domain, "role_mailbox")}"}}
            - {{name: LEGACY_EXPORT, value: "disabled"}}
          resources:
            limits: {{memory: 4096Mi, cpu: "2"}}
"""
        D("health", "disabled", "software_text")
    else:  # hosts-like inventory
        text = f"""# /etc/hosts - managed by ansible, do not edit
{D("ipv4", "127.0.0.1", "loopback")}   localhost
::1         localhost ip6-localhost ip6-loopback
{srv}   db01.{comp.domain} db01
{D("ipv4", f"10.20.0.{rng.randint(200, 250)}", "server_ip")}   printer-2e-verdieping
{D("ipv4", "10.20.0.1", "server_ip")}      gw
"""
    ev.write_text(loc, text)


def gen_build_log(ev, path):
    rng = ev.rng
    loc = ev.loc(path, "en")
    D = loc.d
    files = rng.sample(["ringbuf.c", "session.c", "parser.c", "main.c", "util.c", "queue.c", "net.c", "cache.c"], 5)
    lines = ["-- The C compiler identification is GNU 12.2.0",
             "-- Detecting C compiler ABI info - done",
             f'-- Found PkgConfig: /usr/bin/pkg-config (found version "1.8.1")',
             f"-- Found ImageMagick: /usr/lib/x86_64-linux-gnu (found version \"{D('ipv4', '6.9.11.60', 'version_string')}\")",
             f"-- Found libfoo: {D('ipv4', '1.7.0.6', 'version_string')}",
             "-- Configuring done (0.4s)", "-- Generating done (0.0s)", "-- Build files have been written to: /home/build/shop/build"]
    for k, f in enumerate(files):
        pct = int((k + 1) * 100 / (len(files) + 1))
        lines.append(f"[{pct:3d}%] Building C object src/CMakeFiles/core.dir/{f}.o")
        if rng.random() < 0.4:
            lines.append(f"/home/build/shop/src/{f}:{rng.randint(10, 400)}:{rng.randint(2, 40)}: warning: unused variable 'disabled' [-Wunused-variable]")
    lines += ["[ 95%] Linking C executable bin/shopd", "[100%] Built target shopd",
              f"real\t0m{rng.randint(5, 59)}.{rng.randint(100, 999)}s", f"user\t0m{rng.randint(5, 59)}.{rng.randint(100, 999)}s",
              f"Build finished at {D('phone', D('date_of_birth', '08-11-2023', 'log_datetime') + ' 01:02', 'log_datetime')} (job {rng.randint(1000, 9999)})"]
    if any("disabled" in l for l in lines):
        D("health", "disabled", "software_text")
    ev.write_text(loc, "\n".join(lines) + "\n")


def gen_postscript(ev, path):
    rng = ev.rng
    loc = ev.loc(path, "en")
    D = loc.d
    out = ["%!PS-Adobe-3.0", "%%Creator: cairo 1.16.0 (https://cairographics.org)",
           "%%CreationDate: Wed Nov  8 01:02:03 2023", "%%Pages: 1", "%%DocumentData: Clean7Bit",
           "%%LanguageLevel: 2", "%%BoundingBox: 0 0 596 842", "%%EndComments", "%%BeginProlog",
           "/languagelevel where { pop languagelevel } { 1 } ifelse 2 lt { /Helvetica findfont 12 scalefont setfont } if",
           "%%EndProlog", "%%Page: 1 1", "%%BeginPageSetup", "%%PageBoundingBox: 0 0 596 842", "%%EndPageSetup",
           "q 0 0 596 842 rectclip q"]
    D("phone", "0 -1 83.599998", "postscript_coordinates")
    out.append("0 -1 83.599998 0 0 841.889764 cm")
    D("phone", "0 841.889764", "postscript_coordinates")
    for _ in range(rng.randint(60, 140)):
        x, y = rng.randint(0, 595) + rng.randint(0, 999999) / 1e6, rng.randint(0, 841) + rng.randint(0, 999999) / 1e6
        r = rng.random()
        if r < 0.4:
            out.append(f"{x:.6f} {y:.6f} m {x + rng.randint(1, 90):.6f} {y:.6f} l S")
        elif r < 0.7:
            size = rng.randint(8, 14)
            D("phone", f"0 {size} {x:.4f}", "postscript_coordinates")
            out.append(f"BT {size} 0 0 {size} {x:.4f} {y:.4f} Tm /f-0-0 1 Tf [(Item {rng.randint(1, 99)})] TJ ET")
        else:
            out.append(f"0 {rng.randint(0, 9)} {rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(0, 9)} {rng.randint(0, 9)} re f")
    out += ["Q Q", "showpage", "%%Trailer", "%%EOF"]
    ev.write_text(loc, "\n".join(out) + "\n")


def gen_json_api(ev, path, comp):
    rng = ev.rng
    loc = ev.loc(path, "en")
    D = loc.d
    events = []
    t = dt.datetime(2023, 11, 8, 1, 2, 3)
    for _ in range(rng.randint(15, 40)):
        t += dt.timedelta(seconds=rng.randint(1, 400))
        stamp = D("date_of_birth", t.strftime("%Y-%m-%dT%H:%M:%SZ"), "iso_timestamp")
        ev_kind = rng.choice(["order.created", "order.paid", "stock.low", "job.finished"])
        rec = {"timestamp": stamp, "event": ev_kind, "service": "order-service",
               "build": D("ipv4", "1.7.0.6", "version_string"), "duration_ms": rng.randint(2, 900)}
        if ev_kind.startswith("order"):
            rec["order_id"] = int(D("nl_bsn", make_elfproef(rng), "order_number_elfproef"))
            rec["total"] = {"amount": rng.randint(500, 40000), "currency": "EUR"}
        elif ev_kind == "stock.low":
            rec["sku"] = f"SKU-{rng.randint(10000, 99999)}"
            rec["name"] = D("person_name", rng.choice(["Volkoren Brood", "Appel Taart", "Roggebrood Groot"]), "name_key_product")
        else:
            rec["job"] = {"name": D("person_name", rng.choice(["Nightly Export", "Stock Sync", "Price Update"]), "name_key_job"),
                          "host": D("ipv4", f"10.20.0.{rng.randint(2, 60)}", "server_ip")}
        events.append(rec)
    ev.write_text(loc, "\n".join(json.dumps(e) for e in events) + "\n")


def gen_app_log(ev, path):
    rng = ev.rng
    loc = ev.loc(path, "en")
    D = loc.d
    lines = []
    t = dt.datetime(2023, 11, rng.randint(1, 28), 1, 2, 0)
    db = D("ipv4", f"10.20.0.{rng.randint(2, 60)}", "server_ip")
    for _ in range(rng.randint(40, 120)):
        t += dt.timedelta(seconds=rng.randint(1, 300))
        stamp = t.strftime("%d-%m-%Y %H:%M:%S")
        D("date_of_birth", t.strftime("%d-%m-%Y"), "log_datetime")
        D("phone", stamp, "log_datetime")
        r = rng.random()
        if r < 0.3:
            msg = f"INFO  [worker-{rng.randint(1, 8)}] job {rng.randint(1000, 99999)} finished in {rng.randint(1, 99)}.{rng.randint(0, 9)}s"
        elif r < 0.5:
            msg = f"DEBUG [pool] connected to db {db}:5432 (pool size {rng.randint(2, 20)})"
        elif r < 0.65:
            msg = f"INFO  [http] GET /health 200 from {D('ipv4', '127.0.0.1', 'loopback')} in {rng.randint(1, 9)}ms"
        elif r < 0.8:
            msg = f"WARN  [cache] hit ratio {rng.randint(50, 99)}% below target; size {D('nl_postcode', '3072MB', 'size_unit')}"
        elif r < 0.9:
            msg = f"INFO  [export] wrote batch {rng.randint(100000, 999999)} ({rng.randint(10, 900)} rows), client {D('ipv4', '1.7.0.6', 'version_string')}"
        else:
            msg = f"ERROR [mail] relay {D('ipv4', '192.0.2.25', 'documentation_range')} refused: 421 try again later"
        lines.append(f"{stamp} {msg}")
    ev.write_text(loc, "\n".join(lines) + "\n")
    # decoys listed above that the random lines did not use are dropped
    text = "\n".join(lines)
    ev.decoys[:] = [d for d in ev.decoys if d[0] != path or d[2] in text]


def gen_orders(ev, lang, path, week):
    """A pick list or invoice register: order and invoice numbers of 9
    digits that pass the 11-check, next to the word that says what they are."""
    rng = ev.rng
    loc = ev.loc(path, lang)
    D = loc.d
    products = {"nl": ["Volkorenbrood", "Appeltaart", "Krentenbollen (6)", "Roggebrood", "Stroopwafels"],
                "en": ["Wholemeal loaf", "Apple pie", "Scones (6)", "Rye bread", "Flapjacks"],
                "de": ["Vollkornbrot", "Apfelkuchen", "Brötchen (6)", "Roggenbrot", "Brezeln"],
                "fr": ["Pain complet", "Tarte aux pommes", "Croissants (6)", "Pain de seigle", "Madeleines"]}[lang]
    word = {"nl": ["Ordernummer", "Factuurnummer", "Bestelnummer", "ordernr."],
            "en": ["Order no.", "Invoice number", "Order number", "PO"],
            "de": ["Bestellnummer", "Rechnungsnummer", "Auftragsnummer"],
            "fr": ["N° de commande", "Numéro de facture", "Commande n°"]}[lang]
    title = {"nl": "Orderoverzicht week", "en": "Order register week", "de": "Auftragsliste KW", "fr": "Récapitulatif commandes semaine"}[lang]
    lines = [f"{title} {week}", ""]
    unit = {"nl": "st.", "en": "pcs", "de": "Stk.", "fr": "pcs"}[lang]
    for _ in range(rng.randint(12, 30)):
        d = dt.date(2024, 1, 1) + dt.timedelta(days=7 * (week - 1) + rng.randint(0, 6))
        num = D("nl_bsn", make_elfproef(rng), "order_number_elfproef")
        qty = rng.randint(1, 40)
        style = rng.randrange(3)
        w = rng.choice(word)
        if style == 0:
            amt_date = D("phone", f"{amount(rng, lang)} - {short_date(d, lang)}", "amount_and_date")
            lines.append(f"{w} {num} - {qty} x {rng.choice(products)} - {amt_date}")
        elif style == 1:
            lines.append(f"{short_date(d, lang)}  {w}: {num}  {amount(rng, lang)}")
        else:
            ean = D("credit_card", ean13(rng, rng.choice(["87", "40", "54", "30"])), "ean_barcode")
            lines.append(f"{w} {num}; EAN {ean}; {qty} {unit}")
    ev.write_text(loc, "\n".join(lines) + "\n")


def gen_catalog(ev, lang, path):
    """A hardware inventory or product catalogue: sizes that look like Dutch
    postcodes, German barcodes (13 digits starting with 4: a tenth of them
    pass the Luhn check like a Visa number)."""
    rng = ev.rng
    loc = ev.loc(path, lang)
    D = loc.d
    head = {"nl": "Inventaris werkplekken", "en": "Hardware inventory", "de": "Inventarliste Arbeitsplätze",
            "fr": "Inventaire du matériel"}[lang]
    lines = [head, ""]
    sizes = ["3072MB", "2048GB", "4096MB", "1024 KB", "8192MB", "5700 XT", "6800 XT", "1500 VA", "4800 MT", "2400 MT"]
    for k in range(rng.randint(15, 35)):
        s1, s2 = rng.sample(sizes, 2)
        D("nl_postcode", s1, "size_unit")
        D("nl_postcode", s2, "size_unit")
        model = rng.choice(["Dell OptiPlex 7090", "HP EliteBook 840 G8", "Lenovo ThinkPad T14", "Radeon RX", "APC Back-UPS",
                            "Kingston DDR5"])
        barcode = D("credit_card", ean13(rng, str(rng.randint(400, 440))), "ean_barcode")
        lines.append(f"WP-{100 + k:03d}  {model:<22} {s1:<8} {s2:<8} EAN {barcode}  firmware {D('ipv4', rng.choice(['1.7.0.6', '2.4.1.3', '3.10.2.1']), 'version_string')}")
    ev.write_text(loc, "\n".join(lines) + "\n")


NAME_TABLES = [
    ("Name", "Status", ["Windows Update", "Print Spooler", "Task Scheduler", "Windows Defender Firewall",
                        "Remote Desktop Services", "Background Intelligent Transfer Service"], ["Running", "Stopped"]),
    ("Name", "Value", ["Max Connections", "Session Timeout", "Default Language", "Retry Policy", "Backup Window"],
     ["64", "30 min", "nl-NL", "exponential", "02:00-04:00"]),
    ("Naam", "Locatie", ["Vergaderruimte Noord", "Grote Zaal", "Stilte Werkplek", "Kantine Begane Grond"],
     ["1e verdieping", "2e verdieping", "begane grond"]),
    ("Name", "Modified", ["Quarterly Report", "Budget Forecast", "Annual Review", "Team Photos", "Brand Guidelines"],
     ["2023-11-08", "2024-01-15", "2024-02-29"]),
    ("Name", "Description", ["The", "This", "Windows", "Description", "Default", "Note"],
     ["placeholder", "header cell", "see below"]),
]


def gen_name_table(ev, path):
    """Tables whose first column is headed Name or Naam and lists services,
    settings, rooms or folders: capitalised words that are not people."""
    rng = ev.rng
    loc = ev.loc(path, "en")
    h1, h2, names, vals = rng.choice(NAME_TABLES)
    names = rng.sample(names, min(len(names), rng.randint(3, len(names))))
    rows = [[h1, h2]] + [[loc.d("person_name", n, "name_column_not_person"), rng.choice(vals)] for n in names]
    ext = path.rsplit(".", 1)[-1]
    if ext == "csv":
        ev.write_text(loc, csv_text(rows, ","))
    elif ext == "md":
        text = f"| {h1} | {h2} |\n|---|---|\n" + "".join(f"| {a} | {b} |\n" for a, b in rows[1:])
        ev.write_text(loc, text)
    else:
        loc.text("\n".join("\t".join(r) for r in rows))
        loc.text("Administrator")
        loc.d("person_name", "Administrator", "document_author_placeholder")
        ev.write(path, make_xlsx([("Sheet1", rows)], "Overview", "Administrator", "Administrator"))


def gen_template(ev, lang, path, as_docx=False):
    """Letter and form templates: placeholders where the data will go."""
    rng = ev.rng
    loc = ev.loc(path, lang)
    D = loc.d
    comp = rng.choice(COMPANIES[lang])
    if lang == "nl":
        lines = [comp.name, "", "[Naam klant]", "[Adres]", "[Postcode en woonplaats]", "", "Datum: dd-mm-jjjj", "",
                 rng.choice(["Geachte heer/mevrouw,", "Beste klant,", "Beste [voornaam],"]), "",
                 "Hierbij ontvangt u de bevestiging van uw aanmelding. Controleer uw gegevens hieronder.", "",
                 f"Telefoonnummer: (bijv. {D('phone', '06-12345678', 'placeholder')})",
                 f"IBAN: NL00 BANK {D('phone', '0123 4567 89', 'placeholder')}", f"E-mail: {D('email', 'naam@voorbeeld.nl', 'placeholder')}",
                 f"Kaartnummer: {D('credit_card', '**** **** **** 1234', 'masked_card')}", "",
                 "Met vriendelijke groet,", "", "Team Klantenservice", comp.name]
        D("person_name", "Team Klantenservice", "team_signature")
    elif lang == "en":
        lines = [comp.name, "", "[Customer name]", "[Address line 1]", "[Postcode]", "", "Date: DD/MM/YYYY", "",
                 rng.choice(["Dear Customer,", "Dear Sir or Madam,", "Dear Valued Customer,"]), "",
                 "Thank you for registering. Please check the details below.", "",
                 f"Card number: {D('credit_card', '1234 5678 9012 3456', 'placeholder')}",
                 f"Sort code / account: 00-00-00 / 00000000",
                 f"Card on file: {D('credit_card', '0000 0000 0000 0000', 'placeholder')}", "",
                 "Kind regards,", "", "The Support Team", comp.name]
        D("person_name", "The Support Team", "team_signature")
        for v in ("Customer", "Sir or Madam", "Valued Customer"):
            if v in "\n".join(lines):
                D("person_name", v, "salutation_placeholder")
    elif lang == "de":
        lines = [comp.name, "", f"[Name {D('person_name', 'Kunde', 'placeholder')}]", "[Straße Hausnummer]", "[PLZ Ort]", "", "Datum: TT.MM.JJJJ", "",
                 "Sehr geehrte Damen und Herren,", "",
                 "vielen Dank für Ihre Anmeldung. Bitte prüfen Sie Ihre Angaben.", "",
                 f"Telefon: {D('phone', '0123 456789', 'placeholder')}", "IBAN: DE00 0000 0000 0000 0000 00",
                 f"E-Mail: {D('email', 'max.mustermann@example.org', 'documentation_domain')}", "",
                 "Mit freundlichen Grüßen", "", "Ihr Kundenservice", comp.name]
        D("person_name", "Ihr Kundenservice", "team_signature")
    else:
        lines = [comp.name, "", "[Nom du client]", "[Adresse]", "[Code postal Ville]", "", "Date : JJ/MM/AAAA", "",
                 "Madame, Monsieur,", "", "Nous vous remercions de votre inscription. Merci de vérifier vos informations.", "",
                 f"Téléphone : {D('phone', '01 02 03 04 05', 'placeholder')}", "IBAN : FR76 XXXX XXXX XXXX XXXX XXXX XXX",
                 f"Carte : {D('credit_card', '**** **** **** 1234', 'masked_card')}", "",
                 "Cordialement,", "", "Le service client", comp.name]
        D("person_name", "Le service client", "team_signature")
    if as_docx:
        loc.text("\n".join(lines))
        loc.text("Microsoft Office User")
        D("person_name", "Microsoft Office User", "document_author_placeholder")
        ev.write(path, make_docx(lines, "Sjabloon" if lang == "nl" else "Template", "Microsoft Office User", "Microsoft Office User", rng))
    else:
        ev.write_text(loc, "\n".join(lines) + "\n")


POLICIES = {
    "nl": [
        ("Verzuimprotocol", [
            "Ben je ziek? Meld je dan vóór 9.00 uur telefonisch ziek bij je leidinggevende.",
            "Bij ziekteverzuim langer dan twee weken nodigt de bedrijfsarts je uit voor een spreekuur.",
            "Je leidinggevende vraagt niet naar de diagnose of naar medicatie: dat bespreek je alleen met de bedrijfsarts.",
            "Re-integratie gebeurt volgens de Wet verbetering poortwachter.",
            "Zwangerschapsverlof en ziekteverlof lopen niet door elkaar: zie de regeling verlof."]),
        ("Nieuws van de personeelsvereniging", [
            "Op 14 juni gaan we met z'n allen naar het Joods Historisch Museum in Amsterdam.",
            "Doe mee met de Samenloop voor Hoop: samen lopen we geld bij elkaar voor onderzoek naar kanker.",
            "Golfdag in september: ook zonder handicap ben je welkom.",
            "De ondernemingsraad overlegt deze maand met de vakbond over de nieuwe cao."]),
        ("Oplevering nieuwbouw", [
            "Het proces-verbaal van oplevering is door de aannemer en de opdrachtgever getekend.",
            "De diagnose van de storing in de luchtbehandeling: een defecte sensor, vervangen op 12 maart.",
            "De toegangspoortjes met gezichtsherkenning worden niet geplaatst; we houden de pasjes."]),
    ],
    "en": [
        ("Sickness absence policy", [
            "If you are unwell, call your line manager before 9am on the first day of sick leave.",
            "After seven days a fit note is needed; occupational health may contact you for a referral.",
            "Managers do not ask about a diagnosis or medication.",
            "Pregnancy-related absence is recorded separately from other sick leave."]),
        ("Staff newsletter", [
            "The weather: a depression over the North Sea brings rain all weekend.",
            "Charity run: this year we raise money for cancer research.",
            "Game night: bring a party member for the co-op campaign!",
            "Our conviction: good bread needs time.",
            "The new turnstiles do not use facial recognition; badges stay."]),
    ],
    "de": [
        ("Richtlinie Krankmeldung", [
            "Bitte melden Sie sich vor 9 Uhr telefonisch krank.",
            "Ab dem vierten Tag ist eine Arbeitsunfähigkeitsbescheinigung vorzulegen.",
            "Die Diagnose geht nur die Ärztin oder den Arzt etwas an, nicht die Führungskraft."]),
        ("Mitarbeiterzeitung", [
            "Betriebsausflug zum Jüdischen Museum Berlin am 14. Juni.",
            "Spendenlauf gegen Krebs: melden Sie sich bis Ende Mai an.",
            "Der Betriebsrat spricht mit der Gewerkschaft über den neuen Tarifvertrag."]),
    ],
    "fr": [
        ("Procédure d'absence", [
            "En cas de maladie, prévenez votre responsable avant 9 h.",
            "L'arrêt de travail doit être transmis sous 48 heures.",
            "Le diagnostic reste confidentiel entre vous et votre médecin."]),
        ("Journal interne", [
            "Sortie au Musée d'art et d'histoire du Judaïsme le 14 juin.",
            "Course solidaire contre le cancer : inscriptions ouvertes.",
            "Le comité social et économique rencontre le syndicat la semaine prochaine."]),
    ],
}
POLICY_DECOYS = [  # (kind, word) looked for in the policy texts
    ("health", "ziekteverzuim"), ("health", "bedrijfsarts"), ("health", "diagnose"), ("health", "medicatie"),
    ("health", "Re-integratie"), ("health", "Zwangerschapsverlof"), ("health", "ziekteverlof"), ("health", "kanker"),
    ("health", "handicap"), ("religion", "Joods"), ("trade_union", "vakbond"), ("criminal_data", "proces-verbaal"),
    ("genetic_biometric", "gezichtsherkenning"), ("health", "sick leave"), ("health", "occupational health"),
    ("health", "diagnosis"), ("health", "medication"), ("health", "Pregnancy"), ("health", "depression"),
    ("health", "cancer"), ("political_opinion", "party member"), ("criminal_data", "conviction"),
    ("genetic_biometric", "facial recognition"), ("health", "Diagnose"), ("trade_union", "Gewerkschaft"),
    ("health", "cancer"), ("trade_union", "syndicat"), ("health", "Krebs"),
]


def gen_policy(ev, lang, path, k):
    rng = ev.rng
    loc = ev.loc(path, lang)
    title, paras = POLICIES[lang][k % len(POLICIES[lang])]
    comp = rng.choice(COMPANIES[lang])
    contact = loc.d("email", f"{rng.choice(['hr', 'personeelszaken', 'pv'] if lang == 'nl' else ['hr', 'people', 'social'])}@{comp.domain}", "role_mailbox")
    text = f"{title}\n{'=' * len(title)}\n\n" + "\n\n".join(paras) + "\n\n" + {
        "nl": f"Vragen? Mail {contact}.", "en": f"Questions? Email {contact}.",
        "de": f"Fragen? Schreiben Sie an {contact}.", "fr": f"Des questions ? Écrivez à {contact}."}[lang] + "\n"
    for kind, w in POLICY_DECOYS:
        if w in text:
            loc.d(kind, w, "text_about_no_one")
    ev.write_text(loc, text)


def gen_notification_mail(ev, path, comp):
    """A CI or monitoring mail: role senders and receivers, message ids,
    git remotes, build output."""
    rng = ev.rng
    loc = ev.loc(path, "en")
    D = loc.d
    sender = D("email", f"{rng.choice(['jenkins', 'gitlab', 'monitoring', 'noreply'])}@{comp.domain}", "role_mailbox")
    rcpt = D("email", f"{rng.choice(['dev-team', 'ops', 'it-alerts'])}@{comp.domain}", "role_mailbox")
    sender_name = {"jenkins": "Jenkins", "gitlab": "GitLab", "monitoring": "Monitoring", "noreply": "Build Server"}[sender.split("@")[0]]
    D("person_name", sender_name, "system_sender")
    num = rng.randint(1000, 9999)
    mid = f"{rng.randint(10 ** 9, 10 ** 10)}.{num}@ci.{comp.domain}"
    ref = f"{rng.randint(10 ** 9, 10 ** 10)}.{num - 1}@ci.{comp.domain}"
    D("email", mid, "message_id")
    D("email", ref, "message_id")
    repo = f"git@github.com:{comp.domain.split('.')[0]}/shop.git"
    D("email", "git@github.com", "git_remote")
    body = f"""Build #{num} of shop/main FAILED.

Repository: {repo}
Branch: main ({rng.randint(10 ** 6, 10 ** 7):x})
Started: {D("date_of_birth", "2023-11-08T01:02:03Z", "iso_timestamp")}

Last lines of the log:
[ 95%] Linking C executable bin/shopd
/usr/bin/ld: cannot find -lmagick (found version {D("ipv4", "6.9.11.60", "version_string")})
collect2: error: ld returned 1 exit status
make: *** [Makefile:42: all] Error 2

Test agent: Chrome/{D("ipv4", "119.0.0.0", "version_string")} on {D("ipv4", "10.20.0.44", "server_ip")}

This message was sent automatically. Do not reply.
"""
    date, _ = rfc_date(dt.date(2023, 11, 8), rng, "en")
    headers = [("From", mailbox(sender_name, sender)), ("To", rcpt), ("Subject", f"[shop] Build #{num} failed"),
               ("Date", date), ("Message-ID", f"<{mid}>"), ("In-Reply-To", f"<{ref}>"), ("References", f"<{ref}>"),
               ("X-Jenkins-Job", "shop/main")]
    loc.text(plain_headers(headers) + body)
    ev.write(path, make_eml(headers, body))


def gen_dev_readme(ev, path, comp):
    rng = ev.rng
    loc = ev.loc(path, "en")
    D = loc.d
    name = comp.domain.split(".")[0]
    text = f"""# {name} webshop

This repository holds the storefront and the order service.

## Getting started

    git clone {D("email", "git@github.com", "git_remote")}:{name}/shop.git
    cd shop && make dev

The dev server listens on {D("ipv4", "127.0.0.1", "loopback")}:8000; staging runs on {D("ipv4", f"10.20.0.{rng.randint(2, 60)}", "server_ip")}.
Log in with `{D("email", "admin@example.com", "documentation_domain")}` / `admin`.

## Payments in test mode

Use the provider's test cards; they never charge anything:

| Card | Number |
|---|---|
| Visa | {D("credit_card", "4242 4242 4242 4242", "test_card")} |
| Mastercard | {D("credit_card", "5555 5555 5555 4444", "test_card")} |
| Amex | {D("credit_card", "3782 822463 10005", "test_card")} |

For SEPA direct debit use {D("iban", "NL91 ABNA 0417 1643 00", "documented_example")} (the bank's documented example).

## Release

Tag the release (`v{D("ipv4", "1.7.0.6", "version_string")}`) and write the date as 2023-11-08 in CHANGELOG.md.
"""
    ev.write_text(loc, text)


PRODUCTS = {
    "nl": [("Suikervrije speculaas", "Zoetstof: maltitol. Geschikt bij diabetes; overmatig gebruik kan een laxerende werking hebben."),
           ("Glutenvrij volkorenbrood", "Gebakken in een aparte ruimte. Let op: bevat soja."),
           ("Appeltaart groot", "Met verse Elstar-appels en kaneel. Tip: lekker met slagroom.")],
    "en": [("Sugar-free shortbread", "Sweetened with maltitol; suitable for people with diabetes. Excess consumption may have a laxative effect."),
           ("Gluten-free loaf", "Baked in a separate room. Contains soya."),
           ("Large apple pie", "Bramley apples and cinnamon. Serve with cream.")],
    "de": [("Zuckerfreie Spekulatius", "Mit Maltit gesüßt; für Diabetiker geeignet."),
           ("Glutenfreies Vollkornbrot", "In einem separaten Raum gebacken. Enthält Soja."),
           ("Apfelkuchen groß", "Mit frischen Äpfeln und Zimt.")],
    "fr": [("Spéculoos sans sucre", "Édulcoré au maltitol ; convient aux personnes diabétiques."),
           ("Pain complet sans gluten", "Cuit dans un local séparé. Contient du soja."),
           ("Grande tarte aux pommes", "Pommes fraîches et cannelle.")],
}


def gen_product_texts(ev, lang, path):
    """Webshop product texts: article numbers that pass the 11-check, pack
    sizes that look like postcodes, health words about no one."""
    rng = ev.rng
    loc = ev.loc(path, lang)
    D = loc.d
    w = {"nl": ("Artikelnummer", "Inhoud", "Bewaren", "droog en koel"), "en": ("Article no.", "Contents", "Storage", "cool and dry"),
         "de": ("Artikelnummer", "Inhalt", "Lagerung", "kühl und trocken"),
         "fr": ("Réf. article", "Contenance", "Conservation", "au frais et au sec")}[lang]
    out = []
    for name, desc in PRODUCTS[lang]:
        size = D("nl_postcode", rng.choice(["1500 ML", "1000 ML", "2500 GR", "1200 GR"]), "size_unit")
        out += [name, "-" * len(name), desc, f"{w[0]}: {D('nl_bsn', make_elfproef(rng), 'article_number_elfproef')}",
                f"{w[1]}: {size}", f"EAN: {D('credit_card', ean13(rng, '87'), 'ean_barcode')}",
                f"{w[2]}: {w[3]}", ""]
    text = "\n".join(out)
    if "diabetes" in text:
        D("health", "diabetes", "text_about_no_one")
    ev.write_text(loc, text)


def gen_network_doc(ev, lang, path):
    rng = ev.rng
    loc = ev.loc(path, lang)
    D = loc.d
    title = {"nl": "IP-plan kantoor", "en": "Office IP plan", "de": "IP-Adressplan Büro", "fr": "Plan d'adressage du bureau"}[lang]
    third = rng.randint(0, 30)
    text = f"""{title}

VLAN 10  kantoor     {D("ipv4", f"10.{third}.10.0", "network_address")}/24  gateway {D("ipv4", f"10.{third}.10.1", "server_ip")}  netmask {D("ipv4", "255.255.255.0", "netmask")}
VLAN 20  printers    {D("ipv4", f"10.{third}.20.0", "network_address")}/24  gateway {D("ipv4", f"10.{third}.20.1", "server_ip")}
VLAN 30  gasten      {D("ipv4", "172.16.30.0", "network_address")}/24   broadcast {D("ipv4", "172.16.30.255", "broadcast")}
DNS       {D("ipv4", "9.9.9.9", "public_dns")}, {D("ipv4", "1.1.1.1", "public_dns")}
NTP       {D("ipv4", f"10.{third}.10.2", "server_ip")}
IPv6      {D("ipv6", "2001:db8:10::", "documentation_range")}/48 (documentation prefix in this plan)
Examples  {D("ipv4", "192.0.2.10", "documentation_range")}, {D("ipv4", "198.51.100.7", "documentation_range")}, {D("ipv4", "203.0.113.5", "documentation_range")}
Loopback  {D("ipv4", "127.0.0.1", "loopback")}, ::1
"""
    ev.write_text(loc, text)


# ---------------------------------------------------------------------------
# The share
# ---------------------------------------------------------------------------

OFFICES = {
    "nl": ("NL", {"letters": "Klantenservice/Brieven", "phone": "Klantenservice/Telefoonnotities",
                  "minutes": "Klantenservice/Overleg", "forms": "Klantenservice/Formulieren",
                  "apply": "HR/Sollicitaties", "hr": "HR/Personeelsdossiers", "mail": "Mail",
                  "exports": "Administratie/Exports", "orders": "Administratie/Orders", "templates": "Sjablonen",
                  "intranet": "Intranet", "facilities": "Facilitair", "forum": "Marketing/Prikbord",
                  "hr_root": "HR", "payroll": "HR/Salarisadministratie", "webshop": "Webshop"},
           {"letter": "brief", "phone": "telefoonnotitie", "minutes": "notulen", "form": "formulier",
            "apply": "sollicitatie", "hr": "notitie", "mail": "bericht", "leave": "verlofaanvragen",
            "survey": "diversiteitsmonitor", "payslip": "loonstrook", "products": "productteksten"}),
    "en": ("UK", {"letters": "Customer Service/Letters", "phone": "Customer Service/Phone messages",
                  "minutes": "Customer Service/Meetings", "forms": "Customer Service/Forms",
                  "apply": "HR/Applications", "hr": "HR/Personnel files", "mail": "Mail",
                  "exports": "Finance/Exports", "orders": "Finance/Orders", "templates": "Templates",
                  "intranet": "Intranet", "facilities": "Facilities", "forum": "Marketing/Community",
                  "hr_root": "HR", "payroll": "HR/Payroll", "webshop": "Webshop"},
           {"letter": "letter", "phone": "phone-message", "minutes": "minutes", "form": "form",
            "apply": "application", "hr": "note", "mail": "message", "leave": "leave-requests",
            "survey": "equality-monitoring", "payslip": "payslip", "products": "product-copy"}),
    "de": ("DE", {"letters": "Kundenservice/Briefe", "phone": "Kundenservice/Telefonnotizen",
                  "minutes": "Kundenservice/Besprechungen", "forms": "Kundenservice/Formulare",
                  "apply": "Personal/Bewerbungen", "hr": "Personal/Personalakten", "mail": "Mail",
                  "exports": "Buchhaltung/Exporte", "orders": "Buchhaltung/Aufträge", "templates": "Vorlagen",
                  "intranet": "Intranet", "facilities": "Facility", "forum": "Marketing/Forum",
                  "hr_root": "Personal", "payroll": "Personal/Lohnabrechnung", "webshop": "Webshop"},
           {"letter": "brief", "phone": "telefonnotiz", "minutes": "protokoll", "form": "formular",
            "apply": "bewerbung", "hr": "vermerk", "mail": "nachricht", "leave": "urlaubsantraege",
            "survey": "vielfalt-umfrage", "payslip": "abrechnung", "products": "produkttexte"}),
    "fr": ("FR", {"letters": "Service client/Courriers", "phone": "Service client/Messages téléphoniques",
                  "minutes": "Service client/Réunions", "forms": "Service client/Formulaires",
                  "apply": "RH/Candidatures", "hr": "RH/Dossiers du personnel", "mail": "Courrier",
                  "exports": "Comptabilité/Exports", "orders": "Comptabilité/Commandes", "templates": "Modèles",
                  "intranet": "Intranet", "facilities": "Services généraux", "forum": "Marketing/Forum",
                  "hr_root": "RH", "payroll": "RH/Paie", "webshop": "Boutique en ligne"},
           {"letter": "courrier", "phone": "message", "minutes": "compte-rendu", "form": "formulaire",
            "apply": "candidature", "hr": "note", "mail": "message", "leave": "demandes-conges",
            "survey": "enquete-diversite", "payslip": "bulletin", "products": "fiches-produits"}),
}


def build(ev):
    rng = ev.rng
    ev.people = People(rng)
    for lang in LANGS:
        top, dirs, words = OFFICES[lang]
        at = lambda key, name: f"{top}/{dirs[key]}/{name}"  # noqa: E731
        for i in range(8):
            ext = "docx" if i >= 6 else "txt"
            gen_letter(ev, lang, at("letters", f"{words['letter']}-2024-{101 + i * 7}.{ext}"), as_docx=ext == "docx")
        for i in range(5):
            gen_phone_note(ev, lang, at("phone", f"{words['phone']}-{i + 1:02d}.txt"),
                           encoding="utf-16" if i == 4 and lang in ("nl", "de") else "utf-8")
        for i in range(3):
            gen_minutes(ev, lang, at("minutes", f"{words['minutes']}-2024-0{i + 2}.txt"))
        for i in range(5):
            ext = "docx" if i == 4 else "txt"
            gen_form(ev, lang, at("forms", f"{words['form']}-{i + 1:03d}.{ext}"), as_docx=ext == "docx")
        for i in range(3):
            gen_application(ev, lang, at("apply", f"{words['apply']}-{i + 1}.txt"))
        for i in range(2):
            gen_forum(ev, lang, at("forum", f"{'prikbord' if lang == 'nl' else 'board'}-{i + 1}.txt"))
        for i in range(13):
            gen_hr_note(ev, lang, at("hr", f"{words['hr']}-{1040 + i * 3}.txt"))
        for i in range(5):
            gen_screening(ev, lang, at("hr", f"screening-{i + 1:02d}.txt"))
        gen_leave_requests(ev, lang, at("hr_root", f"{words['leave']}-2024.csv"))
        gen_survey(ev, lang, at("hr_root", f"{words['survey']}-2023.csv"))
        for i in range(5):
            gen_mail_customer(ev, lang, at("mail", f"{words['mail']}-{i + 1:03d}.eml"))
        for i in range(4):
            gen_mail_internal(ev, lang, at("mail", f"{words['mail']}-{i + 101:03d}.eml"))
        exp = {"nl": ("klanten", "medewerkers", "betalingen", "nieuwsbrief"),
               "en": ("customers", "staff", "payments", "newsletter"),
               "de": ("kunden", "mitarbeiter", "zahlungen", "newsletter"),
               "fr": ("clients", "personnel", "paiements", "newsletter")}[lang]
        gen_csv_customers(ev, lang, at("exports", f"{exp[0]}-2023.csv"))
        gen_csv_customers(ev, lang, at("exports", f"{exp[0]}-2024.csv"),
                          encoding="cp1252" if lang == "nl" else "utf-8")
        gen_csv_employees(ev, lang, at("exports", f"{exp[1]}.csv"))
        gen_csv_payments(ev, lang, at("exports", f"{exp[2]}-q1.csv"))
        gen_csv_payments(ev, lang, at("exports", f"{exp[2]}-q2.csv"))
        for i in range(5):
            gen_payslip(ev, lang, at("payroll", f"{words['payslip']}-2024-{i + 1:02d}.txt"))
        gen_csv_newsletter(ev, lang, at("exports", f"{exp[3]}-optin.csv"))
        gen_json_export(ev, lang, at("exports", f"crm-{exp[0]}.json"))
        for i in range(2):
            gen_xlsx_staff(ev, lang, at("exports", f"{exp[1]}-{2023 + i}.xlsx"))
        # business records and templates without persons
        for i in range(5):
            gen_orders(ev, lang, at("orders", f"{'orders' if lang != 'nl' else 'orderoverzicht'}-week-{10 + i}.txt"), 10 + i)
        for i in range(3):
            gen_catalog(ev, lang, at("facilities", f"{'inventaris' if lang == 'nl' else 'inventory'}-{i + 1}.txt"))
        for i in range(3):
            ext = "docx" if i == 2 else "txt"
            gen_template(ev, lang, at("templates", f"{'sjabloon' if lang == 'nl' else 'template'}-{i + 1}.{ext}"),
                         as_docx=ext == "docx")
        for k in range(len(POLICIES[lang])):
            gen_policy(ev, lang, at("intranet", f"{'nieuws' if lang == 'nl' else 'news'}-{k + 1}.txt"), k)
        gen_network_doc(ev, lang, f"{top}/IT/ip-plan.txt")
        for i in range(3):
            gen_product_texts(ev, lang, at("webshop", f"{words['products']}-{i + 1}.txt"))

    nl = COMPANIES["nl"]
    gen_ndjson(ev, "nl", "NL/Administratie/Exports/klanten-mongoexport.ndjson")
    gen_ndjson(ev, "en", "UK/Finance/Exports/contacts-mongoexport.ndjson")
    gen_sql_dump(ev, "nl", "NL/Administratie/Exports/webshop-2024-03-12.sql")
    gen_sql_dump(ev, "fr", "FR/Comptabilité/Exports/boutique.sql")
    gen_pg_dump(ev, "en", "UK/Finance/Exports/crm.sql")
    gen_zip_export(ev, "nl", "NL/Administratie/Exports/export-klanten-2023.zip")
    gen_zip_export(ev, "en", "UK/Finance/Exports/crm-export.zip")

    # IT: logs with visitors, then the software and its documentation
    for i, comp in enumerate(nl[:3] + COMPANIES["en"][:2] + COMPANIES["de"][:1]):
        gen_access_log(ev, f"IT/logs/web{i + 1:02d}/access.log", comp)
    gen_auth_log(ev, "IT/logs/web01/auth.log")
    gen_auth_log(ev, "IT/logs/web02/auth.log")
    gen_mail_log(ev, "IT/logs/mail/mail.log", nl[0])
    gen_mail_log(ev, "IT/logs/mail/mail.log.1", COMPANIES["en"][0])
    for i in range(40):
        gen_c_source(ev, f"IT/src/capture/{rng.choice(IDENTS)}_{i:02d}.c")
    for i in range(20):
        gen_py_source(ev, f"IT/src/shop/module_{i:02d}.py", rng.choice(nl))
    for i in range(10):
        gen_js_source(ev, f"IT/src/web/{'package' if i % 2 == 0 else 'api'}-{i:02d}.{'json' if i % 2 == 0 else 'js'}",
                      rng.choice(nl))
    for i, (tool, desc) in enumerate(TOOLS * 2):
        gen_man_page(ev, f"IT/docs/man/{tool}.{1 + i // len(TOOLS) * 7}.txt", tool, desc)
    for i in range(32):
        ext = ["conf", "ini", "yaml", "hosts"][i % 4]
        gen_config(ev, f"IT/config/host{i:02d}.{ext}", rng.choice(nl + COMPANIES["de"]))
    for i in range(20):
        gen_build_log(ev, f"IT/build/logs/build-{4700 + i}.log")
    for i in range(8):
        gen_postscript(ev, f"IT/print/spool-{i + 1:03d}.ps")
    for i in range(20):
        gen_json_api(ev, f"IT/logs/events/events-{i + 1:02d}.ndjson", rng.choice(nl))
    for i in range(20):
        gen_app_log(ev, f"IT/logs/app/app-{i + 1:02d}.log")
    for i in range(24):
        ext = ["csv", "md", "xlsx"][i % 3]
        gen_name_table(ev, f"IT/docs/tables/overview-{i + 1:02d}.{ext}")
    for i in range(16):
        gen_notification_mail(ev, f"IT/mail/ci-{i + 1:03d}.eml", rng.choice(nl))
    for i in range(6):
        gen_dev_readme(ev, f"IT/src/repo-{i + 1}/README.md", rng.choice(nl + COMPANIES["en"]))

    # National identifiers of the other countries: a random stream of
    # their own, so that the set above stays as it was.
    national.build(ev, random.Random(SEED + 20))


def main():
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        sys.exit("usage: generate.py DIR  (writes the evaluation set, labels.tsv and decoys.tsv into DIR)")
    root = sys.argv[1]
    if os.path.exists(root):
        if os.listdir(root) and not os.path.exists(os.path.join(root, "labels.tsv")):
            sys.exit(f"generate.py: {root} exists and is not an evaluation set; not overwritten")
        shutil.rmtree(root)
    os.makedirs(root)
    ev = Eval(root, random.Random(SEED))
    build(ev)
    ev.finish()
    n_labels = len({r[:3] for r in ev.labels})
    n_decoys = len({r[:3] for r in ev.decoys})
    print(f"generate.py: {len(ev.files)} files, {n_labels} labels, {n_decoys} decoys in {root}")


if __name__ == "__main__":
    main()
