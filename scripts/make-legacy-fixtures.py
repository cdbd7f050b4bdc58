#!/usr/bin/python3
"""Writes fixtures/legacy/ (issue 15): legacy Office files made by
LibreOffice from flat ODF written here (.xls BIFF8 and BIFF5, .doc, .ppt,
password-protected .xls/.doc/.docx through Python-UNO), Outlook .msg files
made by scripts/msgwriter.py, the hostile files (made with the same CFB
writer, then damaged on purpose) and planted.tsv, the list of every planted
value and where it is. Then checks every file with readers that are not
piiscan: catdoc, xls2csv, catppt, LibreOffice back to text, python3-olefile
and msgconvert. Prints "ok"/"not ok" per check and exits 1 when one fails.

    /usr/bin/python3 scripts/make-legacy-fixtures.py          # make and check
    /usr/bin/python3 scripts/make-legacy-fixtures.py --check  # check only

Run from the repository root, with the Debian python3 (python3-olefile,
python3-uno). All values are invented: BSNs pass the elfproef, IBANs their
mod-97, card numbers Luhn with real IIN ranges. The values are fixed (a
seeded generator); LibreOffice stamps its files with the time, so those
files and the .msg that carries one change on every run.
"""
import datetime
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True   # no __pycache__ in scripts/
sys.path.insert(0, HERE)
import msgwriter as mw  # noqa: E402

OUT = "fixtures/legacy"
HOST = OUT + "/hostile"
TSV = OUT + "/planted.tsv"
HEADER = "file\twhere\tkind\tvalue"


# ---- values ------------------------------------------------------------------
rng = random.Random(1515)
USED = set()


def fresh(make):
    while True:
        v = make()
        if v not in USED:
            USED.add(v)
            return v


def _bsn():
    while True:
        d = [rng.randrange(10) for _ in range(8)]
        if d[0] == 0 and (d[1] == 0 or rng.random() < 0.8):
            continue  # one leading zero at most: a number cell keeps eight digits
        s = sum((9 - i) * d[i] for i in range(8)) % 11
        if s == 10:
            continue
        d.append(s)
        v = "".join(map(str, d))
        if len(set(v)) > 3:
            return v


def bsn(leading_zero=False):
    if leading_zero:
        while True:
            d = [0] + [rng.randrange(10) for _ in range(7)]
            s = sum((9 - i) * d[i] for i in range(8)) % 11
            if s < 10:
                v = "".join(map(str, d + [s]))
                if v not in USED:
                    USED.add(v)
                    return v
    return fresh(_bsn)


def mod97(s):
    n = "".join(str(int(c, 36)) for c in s)
    return int(n) % 97


def iban(cc="NL", bank=None, length=10):
    def make():
        b = bank or rng.choice(["RABO", "INGB", "ABNA", "SNSB", "ASNB", "TRIO", "KNAB", "BUNQ"])
        acct = "".join(str(rng.randrange(10)) for _ in range(length))
        bban = (b + acct) if cc == "NL" else acct
        check = 98 - mod97(bban + cc + "00")
        return f"{cc}{check:02d}{bban}"
    return fresh(make)


def grouped(v, n=4):
    return " ".join(v[i:i + n] for i in range(0, len(v), n))


def luhn_digit(partial):
    total = 0
    for i, c in enumerate(reversed(partial)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def card(prefix, length=16):
    def make():
        body = prefix + "".join(str(rng.randrange(10)) for _ in range(length - len(prefix) - 1))
        return body + luhn_digit(body)
    return fresh(make)


def digits(n):
    return "".join(str(rng.randrange(10)) for _ in range(n))


def mobile_digits():
    # 6 + 8 digits, no counting run and not "12345678"; 06-1 to 06-5 are
    # mobile numbers (066 pagers and 067 data lines are machines)
    return fresh(lambda: "6" + str(rng.randrange(1, 6)) + digits(7))


def mobile_digits_not_bsn():
    # a phone number stored as a number (nine digits) that does not pass
    # the BSN's eleven-test, which would make it a BSN as much as a phone
    while True:
        d = mobile_digits()  # fresh already
        if sum((9 - i) * int(d[i]) for i in range(8)) % 11 != int(d[8]) % 11:
            return d


def phone_mobile():
    d = mobile_digits()
    return "06-" + d[1:]


def phone_plus():
    d = mobile_digits()
    return "+31 6 " + d[1:5] + " " + d[5:]


def phone_land(area="020"):
    def make():
        rest = str(rng.randrange(2, 10)) + digits(9 - len(area))
        if len(area) == 4:                       # 0575 - 51 23 45
            return f"{area} - {rest[:2]} {rest[2:4]} {rest[4:]}"
        return f"{area} - {rest[:3]} {rest[3:5]} {rest[5:]}"  # 020 - 123 45 67
    return fresh(make)


PLANTED = []


def plant(file, where, kind, value):
    PLANTED.append((file, where, kind, str(value)))
    return value


def xml(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


# ---- LibreOffice ---------------------------------------------------------------
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" ')


def meta(title, author, last, created, saved):
    return ("<office:meta>"
            f"<dc:title>{xml(title)}</dc:title>"
            f"<meta:initial-creator>{xml(author)}</meta:initial-creator>"
            f"<dc:creator>{xml(last)}</dc:creator>"
            f"<meta:creation-date>{created}</meta:creation-date>"
            f"<dc:date>{saved}</dc:date>"
            "</office:meta>")


TMP = None
PROFILE = None


def soffice(*args):
    cmd = ["soffice", f"-env:UserInstallation=file://{PROFILE}", "--headless",
           "--norestore", *args]
    return subprocess.run(cmd, check=True, capture_output=True, timeout=300)


def convert(source, fmt, dest):
    """soffice --convert-to, as scripts/make-fixtures.py does it."""
    soffice("--convert-to", fmt, "--outdir", TMP, source)
    made = os.path.join(TMP, os.path.splitext(os.path.basename(source))[0] + "." +
                        fmt.split(":")[0])
    shutil.move(made, dest)


# ---- personeel.xls ---------------------------------------------------------------


def cell_s(text):
    return (f'<table:table-cell office:value-type="string"><text:p>{xml(text)}</text:p>'
            '</table:table-cell>')


def cell_f(number):
    return (f'<table:table-cell office:value-type="float" office:value="{number}">'
            f'<text:p>{number}</text:p></table:table-cell>')


def cell_d(iso):
    return (f'<table:table-cell table:style-name="ceDate" office:value-type="date" '
            f'office:date-value="{iso}"><text:p>{iso}</text:p></table:table-cell>')


def cell_e():
    return "<table:table-cell/>"


def row(cells):
    return "<table:table-row>" + "".join(cells) + "</table:table-row>"


F_XLS = "personeel.xls"
STAFF_HEADER = ["Naam", "E-mail", "Telefoon", "BSN", "Geboortedatum", "IBAN"]
STAFF = [
    # name, e-mail, phone (kind of cell), BSN (kind), birth date, IBAN
    ("Sanne Verhoeven", "sanne.verhoeven@ziggo.nl", "num", "num", "1984-03-17", "NL"),
    ("Daan Kuipers", "d.kuipers@kpnmail.nl", "text", "num", "1979-11-02", "NL-grouped"),
    ("Femke Bosschaart", "femkebosschaart@hotmail.com", "num", "num0", "1991-06-25", "NL"),
    ("Youssef El Idrissi", "y.elidrissi@xs4all.nl", "num", "numsmall", "1968-01-09", "NL"),
    ("Marieke Terpstra-Hoekman", "m.terpstra@planet.nl", "num", "text", "2001-09-30", "BE"),
]
KLANTEN_HEADER = ["Klantnummer", "Bedrijf", "Adres", "Plaats", "Contactpersoon", "E-mail",
                  "Telefoon", "IBAN", "Opmerking"]
TRADES = ["Bakkerij", "Garagebedrijf", "Installatiebedrijf", "Kapsalon", "Drukkerij",
          "Tuincentrum", "Transportbedrijf", "Adviesbureau", "Schildersbedrijf", "Zeilmakerij"]
SIGNS = ["De Eendracht", "Het Anker", "De Korenmolen", "Zonnewijzer", "De Vlijt", "Het Baken",
         "De Hoeksteen", "Noorderlicht", "De Zwaan", "Het Kompas", "De Linde", "Morgenrood",
         "De Pelikaan", "Het Gilde", "De Ster", "Waterkant", "De Vuurtoren", "Het Veer",
         "De Kroon", "Dijkzicht", "De Toekomst", "Het Wapen", "De Hoop", "Polderzicht",
         "De Leeuw", "Het Hert", "De Ooievaar", "Zuiderzon", "De Valk", "Het Zeepaard",
         "De Regenboog", "Het Klaverblad", "De Oude Haven", "Lindenhof", "De Bron",
         "Het Torentje", "De Walvis", "Sterrenwacht", "De Notenboom", "Het Fort"]
STREETS = ["Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsweg", "Industrieweg",
           "Havenkade", "Marktplein", "Beukenlaan", "Nieuwe Gracht", "Spoorlaan",
           "Wilhelminastraat", "Julianaweg", "Veerweg", "Schoolstraat", "Parallelweg"]
CITIES = ["Utrecht", "Zwolle", "Leeuwarden", "Delft", "Tilburg", "Apeldoorn", "Haarlem",
          "Groningen", "Maastricht", "Alkmaar", "Deventer", "Middelburg", "Breda",
          "Amersfoort", "Den Helder", "Enschede", "Nijmegen", "Hoorn", "Assen", "Gouda"]


def staff_rows(file, planted=True):
    rows = [row([cell_s(h) for h in STAFF_HEADER])]
    p = (lambda where, kind, value: plant(file, where, kind, value)) if planted else \
        (lambda where, kind, value: value)
    for name, email, phone_kind, bsn_kind, dob, iban_kind in STAFF:
        cells = [cell_s(p("Medewerkers/Naam", "person_name", name)),
                 cell_s(p("Medewerkers/E-mail", "email", email))]
        if phone_kind == "num":
            cells.append(cell_f(p("Medewerkers/Telefoon", "phone", mobile_digits_not_bsn())))
        else:
            cells.append(cell_s(p("Medewerkers/Telefoon", "phone", phone_mobile())))
        if bsn_kind == "num0":
            cells.append(cell_f(p("Medewerkers/BSN", "nl_bsn", str(int(bsn(leading_zero=True))))))
        elif bsn_kind == "numsmall":
            # under 2^29: Excel and LibreOffice store it as an RK integer
            while True:
                v = bsn()
                if int(v) < 1 << 29:
                    break
            cells.append(cell_f(p("Medewerkers/BSN", "nl_bsn", v)))
        elif bsn_kind == "text":
            v = bsn()
            cells.append(cell_s(p("Medewerkers/BSN", "nl_bsn", v[:4] + "." + v[4:6] + "." + v[6:])))
        else:
            while True:
                v = bsn()
                if int(v) >= 1 << 29:
                    break
            cells.append(cell_f(p("Medewerkers/BSN", "nl_bsn", v)))
        cells.append(cell_d(p("Medewerkers/Geboortedatum", "date_of_birth", dob)))
        if iban_kind == "BE":
            v = iban("BE", bank="", length=12)
        else:
            v = iban()
            if iban_kind == "NL-grouped":
                v = grouped(v)
        cells.append(cell_s(p("Medewerkers/IBAN", "iban", v)))
        rows.append(row(cells))
    return rows


def make_note(file, split_at, planted=True):
    """The long Opmerking of the last customer: UTF-16 in the SST (it holds
    characters beyond Latin-1) and longer than a CONTINUE record, so it is
    cut; the card number is placed over the cut found on the first run."""
    p = (lambda where, kind, value: plant(file, where, kind, value)) if planted else \
        (lambda where, kind, value: value)
    words = ("Klant meldt op 12-03 dat de levering van de bestelling € 1.250,00 niet "
             "compleet was; afgesproken is dat Łukasz van de buitendienst langskomt. ").split()
    filler = []
    n = 0
    while n < 6000:
        w = words[len(filler) % len(words)]
        filler.append(w)
        n += len(w) + 1
    text = " ".join(filler)
    email = p("Klanten/Opmerking", "email", "facturatie.dezwaan@kpnmail.nl")
    cardno = p("Klanten/Opmerking", "card", grouped(card("5" + str(rng.randrange(1, 6)))))
    ib = p("Klanten/Opmerking", "iban", grouped(iban(bank="INGB")))
    head = "Contact via " + email + ". "
    # the card starts 9 characters before the cut (inside the digits)
    at = max(split_at - 9 - len(head) - len(" creditcard "), 50) if split_at else 3000
    body = text[:at].rstrip() + " creditcard " + cardno + " " + text[at:]
    return head + body + " Terugbetaling naar " + ib + ". Einde notitie."


def klanten_rows(file, split_at, planted=True):
    p = (lambda where, kind, value: plant(file, where, kind, value)) if planted else \
        (lambda where, kind, value: value)
    rows = [row([cell_s(h) for h in KLANTEN_HEADER])]
    picked = {120: ("Kees Wijnberg", "kees.wijnberg@gmail.com"),
              260: ("Ingrid Molenkamp", "i.molenkamp@outlook.com"),
              400: ("Pieter-Bas Hofstede", None)}
    for i in range(1, 401):
        trade, sign = TRADES[(i - 1) % 10], SIGNS[(i - 1) // 10]
        cells = [cell_f(20000 + i * 7), cell_s(f"{trade} {sign} B.V."),
                 cell_s(f"{STREETS[i % 15]} {i // 15 + 1}{'abcdefghijklmno'[i % 15]}"),
                 cell_s(CITIES[i % 20])]
        if i in picked:
            name, email = picked[i]
            cells.append(cell_s(p("Klanten/Contactpersoon", "person_name", name)))
            if email:
                cells.append(cell_s(p("Klanten/E-mail", "email", email)))
            else:
                cells.append(cell_e())
            if i == 120:
                cells.append(cell_s(p("Klanten/Telefoon", "phone", phone_land("030"))))
                cells.append(cell_s(p("Klanten/IBAN", "iban", iban(bank="RABO"))))
            elif i == 260:
                cells.append(cell_s(p("Klanten/Telefoon", "phone", phone_plus())))
                cells.append(cell_s(p("Klanten/IBAN", "iban", grouped(iban(bank="ABNA")))))
            else:
                cells.append(cell_f(p("Klanten/Telefoon", "phone", mobile_digits_not_bsn())))
                cells.append(cell_e())
                cells.append(cell_s(make_note(file, split_at, planted)))
        rows.append(row(cells))
    return rows


def fods(sheets, meta_xml):
    body = "".join(f'<table:table table:name="{xml(n)}">{"".join(r)}</table:table>'
                   for n, r in sheets)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<office:document {NS}office:version="1.2" '
            'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
            f'{meta_xml}'
            '<office:automatic-styles>'
            '<number:date-style style:name="NDate"><number:year number:style="long"/>'
            '<number:text>-</number:text><number:month number:style="long"/>'
            '<number:text>-</number:text><number:day number:style="long"/></number:date-style>'
            '<style:style style:name="ceDate" style:family="table-cell" '
            'style:data-style-name="NDate"/></office:automatic-styles>'
            f'<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>'
            '</office:document>')


def biff_records(stream):
    i = 0
    while i + 4 <= len(stream):
        t, n = struct.unpack_from("<HH", stream, i)
        yield i, t, stream[i + 4:i + 4 + n]
        i += 4 + n


def sst_pieces(path):
    """The SST record and its CONTINUE records: [(offset, bytes)]."""
    import olefile
    wb = olefile.OleFileIO(path).openstream("Workbook").read()
    pieces, inside = [], False
    for off, t, d in biff_records(wb):
        if t == 0x00FC:
            pieces, inside = [(off, d)], True
        elif t == 0x003C and inside:
            pieces.append((off, d))
        elif inside:
            break
    return pieces


def note_split(path, note_head):
    """Where (in characters of the note) the first CONTINUE cut the note."""
    pieces = sst_pieces(path)
    if len(pieces) < 2:
        return None
    target = note_head.encode("utf-16-le")
    for k, (off, d) in enumerate(pieces):
        at = d.find(target)
        if at >= 0:
            return (len(d) - at) // 2
    return None


def make_xls():
    meta_xml = meta("Personeelsbestand 2011", plant(F_XLS, "properties/Author", "person_name",
                                                     "Wilma Oosterhout"),
                    plant(F_XLS, "properties/LastAuthor", "person_name", "Gert-Jan Pieterse"),
                    "2009-06-15T09:12:00", "2011-02-03T16:45:00")
    state = rng.getstate()
    used = set(USED)
    # first run: find where the CONTINUE cuts the long note
    src = os.path.join(TMP, "personeel.fods")
    with open(src, "w") as f:
        f.write(fods([("Medewerkers", staff_rows(F_XLS, planted=False)),
                      ("Klanten", klanten_rows(F_XLS, None, planted=False))], meta_xml))
    convert(src, "xls:MS Excel 97", os.path.join(TMP, "probe.xls"))
    split = note_split(os.path.join(TMP, "probe.xls"), "Contact via ")
    rng.setstate(state)
    USED.clear()
    USED.update(used)
    with open(src, "w") as f:
        f.write(fods([("Medewerkers", staff_rows(F_XLS)),
                      ("Klanten", klanten_rows(F_XLS, split))], meta_xml))
    convert(src, "xls:MS Excel 97", f"{OUT}/personeel.xls")
    # the same staff list as xlsx: its cells, dates and numbers must read
    # as the xls's do
    convert(src, "xlsx:Calc MS Excel 2007 XML", f"{OUT}/personeel.xlsx")
    for file, where, kind, value in [x for x in PLANTED if x[0] == F_XLS]:
        PLANTED.append(("personeel.xlsx", where, kind, value))
    # BIFF5: LibreOffice 7.4 reads it but no longer writes it (the "MS Excel 95"
    # export fails with "Error Area:Io Class:Parameter"); made when it can.
    try:
        convert(src, "xls:MS Excel 95", f"{OUT}/personeel-biff5.xls")
    except (subprocess.CalledProcessError, FileNotFoundError):
        print("make-legacy-fixtures: LibreOffice does not write BIFF5 (MS Excel 95); "
              "personeel-biff5.xls not made", file=sys.stderr)
        return src
    for file, where, kind, value in [x for x in PLANTED if x[0] == F_XLS]:
        PLANTED.append(("personeel-biff5.xls", where, kind, value))
    return src


# ---- brief.doc -------------------------------------------------------------------
F_DOC = "brief.doc"


def make_doc():
    p = lambda where, kind, value: plant(F_DOC, where, kind, value)  # noqa: E731
    head_mail = p("header", "email", "personeelszaken@bouwbedrijf-vandermeulen.nl")
    foot_phone = p("footer", "phone", phone_land("020"))
    name = p("body", "person_name", "Annelies Brouwer-Zijlstra")
    email = p("body", "email", "annelies.brouwer@telfort.nl")
    ib = p("body", "iban", grouped(iban(bank="SNSB")))
    bsn_v = bsn()
    bsn_body = p("body", "nl_bsn", bsn_v[:4] + "." + bsn_v[4:6] + "." + bsn_v[6:])
    dob = p("body", "date_of_birth", "14-08-1975")
    note_bsn = p("footnote", "nl_bsn", bsn())
    mob = p("body", "phone", phone_plus())
    m = meta("Brief salarisadministratie", p("properties/Author", "person_name", "Hendrik Zwart"),
             p("properties/LastAuthor", "person_name", "Joke Lammertsma"),
             "2008-10-01T11:20:00", "2010-05-21T08:05:00")
    paras = [
        "Bouwbedrijf Van der Meulen – afdeling Personeelszaken",
        f"Geachte mevrouw {name},",
        "Hierbij bevestigen wij uw indiensttreding per 1 april. Voor de salarisadministratie "
        f"hebben wij de volgende gegevens van u genotegreat: geboortedatum {dob}, "
        f"burgerservicenummer {bsn_body}, rekeningnummer (IBAN) {ib}.",
        f"Correspondentie sturen wij naar {email}; telefonisch bent u bereikbaar op {mob}.",
        "Uw reiskostenvergoeding bedraagt € 0,23 per kilometer (café-overleg met Zoë "
        "en Łukasz op 3 maart, geëvalueerd in België).",
        "Met vriendelijke groet,",
        "Afdeling Personeelszaken",
    ]
    paras[2] = paras[2].replace("genotegreat", "genoteerd")
    note = (f'<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1'
            f'</text:note-citation><text:note-body><text:p>Het BSN van uw partner ({note_bsn}) '
            'is alleen nodig voor de pensioenregeling.</text:p></text:note-body></text:note>')
    body = "".join(f"<text:p>{xml(t)}{note if i == 2 else ''}</text:p>"
                   for i, t in enumerate(paras))
    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           f'<office:document {NS}office:version="1.2" '
           'office:mimetype="application/vnd.oasis.opendocument.text">' + m +
           '<office:automatic-styles><style:page-layout style:name="pm1">'
           '<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" '
           'fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" '
           'fo:margin-right="2cm"/><style:header-style/><style:footer-style/>'
           '</style:page-layout></office:automatic-styles>'
           '<office:master-styles><style:master-page style:name="Standard" '
           'style:page-layout-name="pm1">'
           f'<style:header><text:p>Vertrouwelijk – vragen aan {xml(head_mail)}</text:p></style:header>'
           f'<style:footer><text:p>Salarisadministratie, telefoon {xml(foot_phone)}</text:p>'
           '</style:footer></style:master-page></office:master-styles>'
           f'<office:body><office:text>{body}</office:text></office:body></office:document>')
    src = os.path.join(TMP, "brief.fodt")
    with open(src, "w") as f:
        f.write(doc)
    convert(src, "doc:MS Word 97", f"{OUT}/brief.doc")
    return src


# ---- presentatie.ppt -------------------------------------------------------------
F_PPT = "presentatie.ppt"


def make_ppt():
    p = lambda where, kind, value: plant(F_PPT, where, kind, value)  # noqa: E731
    slides = [
        ("Werving en selectie 2012",
         [f"Projectleider: {p('page 1', 'person_name', 'Geertruida Aukema')}",
          f"Budget op rekening {p('page 1', 'iban', grouped(iban(bank='TRIO')))}"],
         None),
        ("Aanmeldingen",
         ["Sollicitaties per e-mail naar "
          f"{p('page 2', 'email', 'sollicitaties.werving@zonnet.nl')}",
          "Reactie binnen twee weken"],
         f"Spreker: kandidaat met BSN {p('notes page 2', 'nl_bsn', bsn())} is al eerder "
         "afgewezen."),
        ("Vragen?",
         [f"Bel het secretariaat: {p('page 3', 'phone', phone_mobile())}"],
         None),
    ]
    m = meta("Werving en selectie", p("properties/Author", "person_name", "Roelof Dijkhuizen"),
             p("properties/LastAuthor", "person_name", "Aafke Nijboer"),
             "2011-09-12T14:00:00", "2012-01-19T10:30:00")
    pages = []
    for i, (title, lines, notes) in enumerate(slides, 1):
        body = "".join(f"<text:p>{xml(x)}</text:p>" for x in lines)
        n = ""
        if notes:
            n = ('<presentation:notes><draw:frame presentation:class="notes" svg:x="2cm" '
                 'svg:y="14cm" svg:width="17cm" svg:height="10cm"><draw:text-box>'
                 f'<text:p>{xml(notes)}</text:p></draw:text-box></draw:frame></presentation:notes>')
        pages.append(
            f'<draw:page draw:name="page{i}">'
            '<draw:frame presentation:class="title" svg:x="1cm" svg:y="1cm" svg:width="24cm" '
            f'svg:height="3cm"><draw:text-box><text:p>{xml(title)}</text:p></draw:text-box>'
            '</draw:frame>'
            '<draw:frame presentation:class="outline" svg:x="1cm" svg:y="5cm" svg:width="24cm" '
            f'svg:height="12cm"><draw:text-box>{body}</draw:text-box></draw:frame>{n}</draw:page>')
    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           f'<office:document {NS}office:version="1.2" '
           'office:mimetype="application/vnd.oasis.opendocument.presentation">' + m +
           f'<office:body><office:presentation>{"".join(pages)}</office:presentation>'
           '</office:body></office:document>')
    src = os.path.join(TMP, "presentatie.fodp")
    with open(src, "w") as f:
        f.write(doc)
    made = os.path.join(TMP, "presentatie.ppt")
    convert(src, "ppt:MS PowerPoint 97", made)
    # LibreOffice's PowerPoint export always puts a preview of the first
    # slide (an uncompressed bitmap of ~440 KB) in SummaryInformation as
    # PIDSI_THUMBNAIL; that property is dropped and the streams are written
    # again by msgwriter.write_cfb. The streams themselves are LibreOffice's.
    tree = repack(made)
    tree["\x05SummaryInformation"] = drop_property(tree["\x05SummaryInformation"], 0x11)
    with open(f"{OUT}/presentatie.ppt", "wb") as f:
        f.write(mw.write_cfb(tree, tree.clsid)[0])
    return src


def drop_property(stream, pid):
    """An OLE property set ([MS-OLEPS]) without property pid in its first section."""
    off = struct.unpack_from("<I", stream, 44)[0]
    size, count = struct.unpack_from("<II", stream, off)
    entries = sorted((struct.unpack_from("<II", stream, off + 8 + 8 * k) for k in range(count)),
                     key=lambda e: e[1])
    values = []
    for k, (p, po) in enumerate(entries):
        end = entries[k + 1][1] if k + 1 < len(entries) else size
        if p != pid:
            values.append((p, stream[off + po:off + end]))
    table_len = 8 + 8 * len(values)
    table, body, at = b"", b"", table_len
    for p, v in values:
        table += struct.pack("<II", p, at)
        body += v
        at += len(v)
    section = struct.pack("<II", at, len(values)) + table + body
    return stream[:off] + section + stream[off + size:]


# ---- Outlook .msg --------------------------------------------------------------------


def rtf_escape(text):
    out = []
    for c in text:
        if c in "\\{}":
            out.append("\\" + c)
        elif c == "\n":
            out.append("\\par\r\n")
        elif ord(c) < 128:
            out.append(c)
        elif ord(c) < 256:
            out.append("\\'%02x" % ord(c))
        else:
            out.append("\\u%d?" % ord(c))
    return "".join(out)


def make_memo():
    f = "memo.msg"
    p = lambda where, kind, value, file=f: plant(file, where, kind, value)  # noqa: E731
    sender = p("sender", "person_name", "Bart Hoogendoorn")
    sender_addr = p("sender", "email", "b.hoogendoorn@vandermeulen-bouw.nl")
    to_name = p("recipient", "person_name", "Hanneke Visscher")
    to_addr = p("recipient", "email", "hanneke.visscher@vandermeulen-bouw.nl")
    cc_name = p("recipient", "person_name", "Ruud Smeenk")
    cc_addr = p("recipient", "email", "r.smeenk@vandermeulen-bouw.nl")
    reply = p("headers", "email", "bart.hoogendoorn@gmail.com")
    subject = "Memo personeelslijst afdeling Logistiek"
    bphone = p("body", "phone", phone_mobile())
    bbsn = p("body", "nl_bsn", bsn())
    headers = ("Received: from mail.vandermeulen-bouw.nl (mail.vandermeulen-bouw.nl [192.0.2.25])\r\n"
               "\tby mx.vandermeulen-bouw.nl; Thu, 3 Nov 2011 09:15:00 +0100\r\n"
               f"From: {sender} <{sender_addr}>\r\n"
               f"Reply-To: {sender} <{reply}>\r\n"
               f"To: {to_name} <{to_addr}>\r\n"
               f"Cc: {cc_name} <{cc_addr}>\r\n"
               f"Subject: {subject}\r\n"
               "Date: Thu, 3 Nov 2011 09:15:00 +0100\r\n"
               "Message-ID: <20111103091500.4711@vandermeulen-bouw.nl>\r\n"
               "MIME-Version: 1.0\r\n"
               "Content-Type: multipart/mixed; boundary=\"----=_grens\"\r\n\r\n")
    body = (f"Hanneke,\r\n\r\nHierbij de personeelslijst van Logistiek, als csv en als Excel.\r\n"
            f"De nieuwe chauffeur begint maandag; zijn BSN is {bbsn}.\r\n"
            f"Vragen? Bel me op {bphone}.\r\n\r\nGroet,\r\nBart\r\n")
    m = mw.Message(subject=subject, sender_name=sender, sender_address=sender_addr, body=body,
                   headers=headers, message_id="<20111103091500.4711@vandermeulen-bouw.nl>",
                   sent=1320308100)
    m.recipients += [mw.Recipient(to_name, to_addr, 1), mw.Recipient(cc_name, cc_addr, 2)]
    a = f + "!personeel-lijst.csv"
    rows = [["Naam", "E-mail", "Telefoon", "BSN", "IBAN"]]
    for name, email in (("Gerrit Jan Hofman", "gj.hofman@chello.nl"),
                        ("Esther Kramer-Vos", "esther.kramer@home.nl")):
        v = bsn()
        rows.append([p("Naam", "person_name", name, a), p("E-mail", "email", email, a),
                     p("Telefoon", "phone", phone_mobile(), a), p("BSN", "nl_bsn", v, a),
                     p("IBAN", "iban", iban(), a)])
    data = "".join(";".join(r) + "\r\n" for r in rows).encode("cp1252")
    m.attachments.append(mw.Attachment("personeel-lijst.csv", data, mime="text/csv"))
    with open(f"{OUT}/personeel.xls", "rb") as x:
        m.attachments.append(mw.Attachment("personeel.xls", x.read(),
                                           mime="application/vnd.ms-excel"))
    for file, where, kind, value in [x for x in PLANTED if x[0] == F_XLS]:
        PLANTED.append((f + "!personeel.xls", where, kind, value))
    m.extra.string(0x0E03, cc_name)  # PR_DISPLAY_CC
    with open(f"{OUT}/{f}", "wb") as out:
        out.write(m.to_bytes())


def make_rtf_only():
    f = "rtf-only.msg"
    p = lambda where, kind, value: plant(f, where, kind, value)  # noqa: E731
    sender = p("sender", "person_name", "Mohamed Bakkali")
    addr = p("sender", "email", "m.bakkali@live.nl")
    ib = p("body", "iban", grouped(iban(bank="KNAB")))
    v = p("body", "nl_bsn", bsn())
    tel = p("body", "phone", phone_land("0575"))
    text = ("Beste salarisadministratie,\n\nMijn rekeningnummer is gewijzigd. Wilt u mijn salaris "
            f"voortaan overmaken naar {ib}?\nTer controle: mijn BSN is {v}.\n"
            f"U kunt mij overdag bereiken op {tel}.\n\nMet vriendelijke groet,\n"
            "Mohamed (afdeling Expeditie, Café-restaurant)\n")
    rtf = ("{\\rtf1\\ansi\\ansicpg1252\\fromtext \\fbidis \\deff0{\\fonttbl\r\n"
           "{\\f0\\fswiss\\fcharset0 Arial;}\r\n{\\f1\\fmodern Courier New;}\r\n"
           "{\\f2\\fnil\\fcharset2 Symbol;}\r\n{\\f3\\fmodern\\fcharset0 Courier New;}}\r\n"
           "{\\colortbl\\red0\\green0\\blue0;\\red0\\green0\\blue255;}\r\n"
           "\\uc1\\pard\\plain\\deftab360 \\f0\\fs20 " + rtf_escape(text) + "\r\n}\r\n")
    m = mw.Message(subject="Wijziging bankrekening", sender_name=sender, sender_address=addr,
                   rtf=rtf.encode("ascii"), sent=1331629200)
    m.recipients.append(mw.Recipient("Salarisadministratie", "salaris@vandermeulen-bouw.nl"))
    data = m.to_bytes()
    assert mw.compress_rtf.references > 20, "the RTF compressor emitted no references"
    with open(f"{OUT}/{f}", "wb") as out:
        out.write(data)


def make_forwarded():
    f = "doorgestuurd.msg"
    inner_f = f + "!origineel.msg"
    att_f = inner_f + "!adreswijziging.txt"
    p = lambda where, kind, value, file=f: plant(file, where, kind, value)  # noqa: E731
    sender = p("sender", "person_name", "Carla Wiersma")
    addr = p("sender", "email", "carla.wiersma@upcmail.nl")
    to = p("recipient", "person_name", "Thijs Roelofs")
    to_addr = p("recipient", "email", "t.roelofs@vandermeulen-bouw.nl")
    tel = p("body", "phone", phone_land("010"))
    outer = mw.Message(subject="FW: Adreswijziging", sender_name=sender, sender_address=addr,
                       body=f"Thijs,\r\n\r\nTer info het bericht hieronder. Ik ben bereikbaar op "
                            f"{tel}.\r\n\r\nCarla\r\n", sent=1341230400)
    outer.recipients.append(mw.Recipient(to, to_addr))
    isender = p("sender", "person_name", "Dirk-Jan Haverkamp", inner_f)
    iaddr = p("sender", "email", "dj.haverkamp@ziggo.nl", inner_f)
    ibsn = p("body", "nl_bsn", bsn(), inner_f)
    idob = p("body", "date_of_birth", "03-02-1969", inner_f)
    inner = mw.Message(subject="Adreswijziging", sender_name=isender, sender_address=iaddr,
                       body=f"Goedemiddag,\r\n\r\nPer 1 juli verhuis ik. Mijn gegevens ter "
                            f"controle: BSN {ibsn}, geboren {idob}. Het nieuwe adres staat in "
                            f"de bijlage.\r\n\r\nDirk-Jan\r\n", sent=1341144000)
    inner.recipients.append(mw.Recipient(sender, addr))
    amail = p("attachment", "email", "dirkjan.haverkamp@gmail.com", att_f)
    aphone = p("attachment", "phone", phone_land("0575"), att_f)
    inner.attachments.append(mw.Attachment(
        "adreswijziging.txt",
        (f"Nieuw adres per 1 juli:\r\nBeekstraat 14\r\n7231 AB Warnsveld\r\n"
         f"Telefoon {aphone}\r\nPrivé e-mail {amail}\r\n").encode("cp1252"), mime="text/plain"))
    a = mw.Attachment("origineel.msg", message=inner)
    a.extra.string(mw.PR_ATTACH_LONG_FILENAME, "origineel.msg")
    outer.attachments.append(a)
    with open(f"{OUT}/{f}", "wb") as out:
        out.write(outer.to_bytes())


# ---- hostile files ---------------------------------------------------------------------


def repack(path):
    """The streams of an OLE2 file, in a Storage tree for msgwriter.write_cfb."""
    import olefile
    import uuid
    o = olefile.OleFileIO(path)

    def clsid(s):
        return uuid.UUID(s).bytes_le if s else b"\0" * 16

    root = mw.Storage(clsid(o.root.clsid))
    for entry in o.listdir(streams=True, storages=True):
        node = root
        for part in entry[:-1]:
            node = node[part]
        if o.get_type(entry) == olefile.STGTY_STORAGE:
            node[entry[-1]] = mw.Storage(clsid(o.getclsid(entry)))
        else:
            node[entry[-1]] = o.openstream(entry).read()
    o.close()
    return root


def put32(buf, off, value):
    struct.pack_into("<I", buf, off, value)


def get32(buf, off):
    return struct.unpack_from("<I", buf, off)[0]


def small_xls():
    """A small staff list (other values than personeel.xls), for the damaged copies."""
    rows = [row([cell_s(h) for h in ("Naam", "E-mail", "Telefoon", "BSN")])]
    for name, email in (("Wouter Lindeboom", "w.lindeboom@quicknet.nl"),
                        ("Priya Ramdin", "priya.ramdin@kpnplanet.nl"),
                        ("Joost Eikelenboom", "j.eikelenboom@zeelandnet.nl")):
        rows.append(row([cell_s(name), cell_s(email), cell_f(mobile_digits()), cell_f(bsn())]))
    src = os.path.join(TMP, "klein.fods")
    with open(src, "w") as f:
        stock = [row([cell_s(h) for h in ("Artikel", "Omschrijving", "Voorraad")])]
        stock += [row([cell_f(70000 + 13 * i), cell_s(f"Bouwmateriaal partij {i}"),
                       cell_f((i * 37) % 500)]) for i in range(1, 151)]
        # the second sheet makes the Workbook stream larger than 4096 bytes:
        # in regular sectors, not in the mini stream
        f.write(fods([("Medewerkers", rows), ("Voorraad", stock)],
                     meta("Klein", "Ria Veldkamp", "Ria Veldkamp", "2010-01-01T00:00:00",
                          "2010-01-02T00:00:00")))
    dest = os.path.join(TMP, "klein.xls")
    convert(src, "xls:MS Excel 97", dest)
    return dest


def make_hostile(small_xls_path):
    os.makedirs(HOST, exist_ok=True)
    notes = {}
    # fat-loop.doc: brief.doc rewritten by the CFB writer; the FAT entry of
    # the last sector of the WordDocument stream points back to its first.
    tree = repack(f"{OUT}/brief.doc")
    data, lay = mw.write_cfb(tree, tree.clsid)
    with open(os.path.join(TMP, "brief-repacked.doc"), "wb") as f:
        f.write(data)
    name = "WordDocument" if not lay.in_mini["WordDocument"] else "1Table"
    chain = lay.chains[name]
    assert len(chain) >= 2 and not lay.in_mini[name]
    buf = bytearray(data)
    mid = chain[len(chain) // 2]
    put32(buf, lay.fat_entry_offset(mid), chain[0])
    with open(f"{HOST}/fat-loop.doc", "wb") as f:
        f.write(buf)
    notes["fat-loop.doc"] = (f"brief.doc rewritten by scripts/msgwriter.py; the FAT entry of sector "
                             f"{mid}, in the middle of the {name} stream's chain "
                             f"({len(chain)} sectors from {chain[0]}), points back to sector "
                             f"{chain[0]}: the chain loops before the stream's size is reached.")

    # piece-outside.doc: the first piece of the piece table (CLX in the
    # table stream) starts far beyond the end of the WordDocument stream.
    tree = repack(f"{OUT}/brief.doc")
    word = bytearray(tree["WordDocument"])
    flags = struct.unpack_from("<H", word, 0x0A)[0]
    table = "1Table" if flags & 0x0200 else "0Table"
    fc_clx, lcb_clx = struct.unpack_from("<II", word, 154 + 33 * 8)
    tbl = bytearray(tree[table])
    i = fc_clx
    while tbl[i] == 0x01:                         # Prc entries before the Pcdt
        i += 3 + struct.unpack_from("<H", tbl, i + 1)[0]
    assert tbl[i] == 0x02
    lcb = get32(tbl, i + 1)
    n = (lcb - 4) // 12
    pcd0 = i + 5 + 4 * (n + 1)
    fc_raw = get32(tbl, pcd0 + 2)
    compressed = fc_raw & 0x40000000
    outside = len(word) + 0x10000
    put32(tbl, pcd0 + 2, compressed | (outside * 2 if compressed else outside))
    tree[table] = bytes(tbl)
    with open(f"{HOST}/piece-outside.doc", "wb") as f:
        f.write(mw.write_cfb(tree, tree.clsid)[0])
    pieces = []
    for k in range(n):
        raw = get32(tbl, i + 5 + 4 * (n + 1) + 8 * k + 2)
        pieces.append("8-bit" if raw & 0x40000000 else "UTF-16")
    notes["piece-outside.doc"] = (
        f"brief.doc rewritten by scripts/msgwriter.py; the piece table (CLX at {fc_clx} in "
        f"{table}, {n} piece(s): {', '.join(pieces)}) has its first piece's fc set to byte "
        f"{outside}, 64 KiB past the end of the {len(word)}-byte WordDocument stream. "
        "The CFB container itself is intact.")

    # chain-past-end.xls and rows-2g.xls: a small LibreOffice .xls.
    tree = repack(small_xls_path)
    data, lay = mw.write_cfb(tree, tree.clsid)
    with open(os.path.join(TMP, "klein-repacked.xls"), "wb") as f:
        f.write(data)
    chain = lay.chains["Workbook"]
    assert not lay.in_mini["Workbook"] and len(chain) >= 2
    nsect = len(data) // 512 - 1
    buf = bytearray(data)
    cut = chain[len(chain) // 2 - 1]
    put32(buf, lay.fat_entry_offset(cut), nsect + 3)
    with open(f"{HOST}/chain-past-end.xls", "wb") as f:
        f.write(buf)
    notes["chain-past-end.xls"] = (
        f"a small LibreOffice .xls rewritten by scripts/msgwriter.py; in the Workbook stream's "
        f"chain ({len(chain)} sectors) the FAT entry of sector {cut} says the next is sector "
        f"{nsect + 3}, while "
        f"the file has {nsect} sectors after the header.")

    tree = repack(small_xls_path)
    wb = bytearray(tree["Workbook"])
    changed = []
    last_row = None
    for off, t, d in biff_records(bytes(wb)):
        if t == 0x0200:                           # DIMENSIONS: rwMic, rwMac (32 bit)
            put32(wb, off + 4 + 4, 0x80000000)
            changed.append("DIMENSIONS rwMac=2^31")
        elif t == 0x020B:                         # INDEX: rwMic, rwMac (32 bit)
            put32(wb, off + 4 + 8, 0x80000000)
            changed.append("INDEX rwMac=2^31")
        elif t in (0x0208, 0x00FD, 0x0203, 0x027E, 0x00BD, 0x0201, 0x00BE, 0x0204, 0x0006):
            rw = struct.unpack_from("<H", wb, off + 4)[0]
            if last_row is None or rw >= last_row:
                last_row = rw
    for off, t, d in biff_records(bytes(wb)):
        if t in (0x0208, 0x00FD, 0x0203, 0x027E, 0x00BD, 0x0201, 0x00BE, 0x0204, 0x0006):
            if struct.unpack_from("<H", wb, off + 4)[0] == last_row:
                struct.pack_into("<H", wb, off + 4, 0xFFFF)
                changed.append("%s row %d->65535" % ({0x0208: "ROW", 0x00FD: "LABELSST",
                                                     0x0203: "NUMBER", 0x027E: "RK"}
                                                    .get(t, hex(t)), last_row))
    tree["Workbook"] = bytes(wb)
    with open(f"{HOST}/rows-2g.xls", "wb") as f:
        f.write(mw.write_cfb(tree, tree.clsid)[0])
    notes["rows-2g.xls"] = (
        "a small LibreOffice .xls rewritten by scripts/msgwriter.py, container intact; in the "
        "Workbook stream (both sheets' DIMENSIONS; the last row of the last sheet): " +
        ", ".join(sorted(set(changed))) + ". The 32-bit row fields (DIMENSIONS rwMac; "
        "LibreOffice writes no INDEX record) carry 2^31; ROW and cell records have a 16-bit "
        "row field, so theirs is the largest it can hold, 0xFFFF (row 65536), beyond the "
        "rows that DIMENSIONS of a sane file would announce.")

    # dir-loop.msg: a left sibling of the top storage's tree root points back at it.
    m = mw.Message(subject="Lus in de map", sender_name="Test",
                   sender_address="lus@vandermeulen-bouw.nl",
                   body="Dit bericht heeft een lus in de directory.\r\n")
    m.recipients.append(mw.Recipient("Ontvanger", "ontvanger@vandermeulen-bouw.nl"))
    data, lay = mw.write_cfb(m.storage())
    buf = bytearray(data)
    top = get32(buf, lay.dir_entry_offset(0) + 76)        # child of the root entry
    left = get32(buf, lay.dir_entry_offset(top) + 68)
    assert left != mw.NOSTREAM
    put32(buf, lay.dir_entry_offset(left) + 68, top)
    with open(f"{HOST}/dir-loop.msg", "wb") as f:
        f.write(buf)
    notes["dir-loop.msg"] = (
        f"a small .msg from scripts/msgwriter.py; directory entry {top} (the root storage's "
        f"child, the top of its sibling tree) has left sibling {left}, whose left sibling is "
        f"set to {top}: the sibling tree loops.")

    # ministream-cut.msg: the root entry's chain (the mini stream) ends after
    # its first sector, while the mini FAT and the streams use more of it.
    m = mw.Message(subject="Afgebroken ministream", sender_name="Test",
                   sender_address="kort@vandermeulen-bouw.nl",
                   body="Deze tekst staat voorbij het eerste blok van de ministream. " * 25)
    data, lay = mw.write_cfb(m.storage())
    assert len(lay.ministream_sectors) >= 3
    buf = bytearray(data)
    put32(buf, lay.fat_entry_offset(lay.ministream_sectors[0]), mw.ENDOFCHAIN)
    with open(f"{HOST}/ministream-cut.msg", "wb") as f:
        f.write(buf)
    notes["ministream-cut.msg"] = (
        f"a .msg from scripts/msgwriter.py whose mini stream (the root entry's chain, "
        f"{len(lay.ministream_sectors)} sectors, {get32(buf, lay.dir_entry_offset(0) + 120)} "
        "bytes by the root entry) is cut after its first sector: its FAT entry is ENDOFCHAIN. "
        "The body (mini sectors beyond 512 bytes) cannot be read.")

    # nest100.msg: a message in a message, 100 deep.
    inner = mw.Message(subject="Niveau 100", body="Het binnenste bericht.\r\n")
    for level in range(99, -1, -1):
        # the levels between carry the fewest properties: a small file
        outer = mw.Message(lean=level > 0, subject=None if level else "Niveau 0")
        outer.attachments.append(mw.Attachment(None, message=inner))
        inner = outer
    with open(f"{HOST}/nest100.msg", "wb") as f:
        f.write(inner.to_bytes())
    notes["nest100.msg"] = ("a .msg from scripts/msgwriter.py holding an embedded message "
                            "(attach method 5) holding one, 100 deep; the innermost has a body. "
                            "The directory nests 200 storages deep.")
    return notes


# ---- password-protected files (LibreOffice through Python-UNO) -------------------------
PASSWORD = "Geheim2011"


def make_encrypted(sources):
    """Opens each flat ODF file in a LibreOffice started here and stores it
    with a password (MediaDescriptor Password): RC4 CryptoAPI for .doc and
    .xls, ECMA-376 agile encryption (an OLE2 file with EncryptionInfo and
    EncryptedPackage) for .docx."""
    import time
    import uno
    from com.sun.star.beans import NamedValue, PropertyValue

    def props(**kw):
        out = []
        for k, v in kw.items():
            pv = PropertyValue()
            pv.Name, pv.Value = k, v
            out.append(pv)
        return tuple(out)

    pipe = "piiscan_legacy_%d" % os.getpid()
    proc = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{PROFILE}", "--headless",
                             "--invisible", "--norestore", "--nologo",
                             f"--accept=pipe,name={pipe};urp;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    made = []
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            raise RuntimeError("LibreOffice did not answer on its pipe")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for src, filt, dest in sources:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)),
                                               "_blank", 0, props(Hidden=True))
            if "2007" in filt:
                # the OOXML filters take the password as encryption data
                nv, ct = NamedValue(), NamedValue()
                nv.Name, nv.Value = "OOXPassword", PASSWORD
                ct.Name, ct.Value = "CryptoType", "StrongEncryptionDataSpace"
                enc = uno.Any("[]com.sun.star.beans.NamedValue", (ct, nv))
                args = props(FilterName=filt, Overwrite=True, EncryptionData=enc)
            else:
                args = props(FilterName=filt, Overwrite=True, Password=PASSWORD)
            uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(os.path.abspath(dest)), args))
            doc.close(True)
            made.append(dest)
        try:
            desktop.terminate()
        except Exception:
            pass                                   # the bridge goes down with it
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 15)
            proc.wait(timeout=30)
    return made


# ---- independent checks -------------------------------------------------------------------
from checklib import RESULTS, info, ok, run  # noqa: E402


def read_planted():
    with open(TSV, encoding="utf-8") as f:
        return [tuple(line.rstrip("\n").split("\t")) for line in f
                if line.strip() and not line.startswith(HEADER)]


def excel_serial(iso):
    d = datetime.date.fromisoformat(iso)
    return str((d - datetime.date(1899, 12, 30)).days)


def valid(kind, value):
    d = re.sub(r"\D", "", value)
    if kind == "nl_bsn":
        d = d.zfill(9)
        return len(d) == 9 and (sum((9 - i) * int(d[i]) for i in range(8)) - int(d[8])) % 11 == 0
    if kind == "iban":
        v = value.replace(" ", "")
        return mod97(v[4:] + v[:4]) == 1
    if kind == "card":
        return luhn_digit(d[:-1]) == d[-1] and d[0] in "2345"
    return True


def lo_text(path, fmt, suffix):
    """LibreOffice converting a file back (to csv, txt, flat ODF)."""
    out = tempfile.mkdtemp(dir=TMP)
    try:
        soffice("--convert-to", fmt, "--outdir", out, path)
    except subprocess.CalledProcessError as e:
        return "", str(e)
    text = ""
    for name in sorted(os.listdir(out)):
        if name.endswith(suffix):
            with open(os.path.join(out, name), encoding="utf-8", errors="replace") as f:
                text += f.read() + "\n"
    return text, ""


def check_office(planted):
    import olefile
    tools = {
        "personeel.xls": [("xls2csv", ["xls2csv", "-d", "utf-8"]),
                          ("LibreOffice csv", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,"
                                              "false,true,true,false,false,-1")],
        "personeel-biff5.xls": [("xls2csv", ["xls2csv", "-d", "utf-8"]),
                                ("LibreOffice csv", "csv:Text - txt - csv (StarCalc):44,34,76,1,,"
                                                    "0,false,true,true,false,false,-1")],
        "brief.doc": [("catdoc", ["catdoc", "-d", "utf-8", "-w"]), ("antiword", ["antiword", "-w", "0"]),
                      ("LibreOffice txt", "txt:Text (encoded):UTF8")],
        "presentatie.ppt": [("catppt", ["catppt", "-d", "utf-8"]),
                            ("LibreOffice fodp", "fodp")],
    }
    for file, readers in tools.items():
        path = f"{OUT}/{file}"
        if not os.path.exists(path):
            info(f"{file}: not made")
            continue
        mine = [p for p in planted if p[0] == file and not p[1].startswith("properties")]
        texts = {}
        for name, how in readers:
            if isinstance(how, list):
                rc, out, err = run(how + [path])
                texts[name] = out if rc == 0 else ""
                if rc != 0:
                    info(f"{name} {file}: exit {rc}: {err.strip()[:200]}")
            else:
                texts[name], err = lo_text(path, how, "." + how.split(":")[0])
        for _, where, kind, value in mine:
            forms = [value]
            if kind == "date_of_birth" and re.match(r"\d{4}-\d\d-\d\d$", value):
                forms.append(excel_serial(value))
            found = [n if value in t else f"{n} (as serial {forms[-1]})"
                     for n, t in texts.items() if any(v in t for v in forms)]
            ok(f"{file} {where} {kind} {value}: found by {', '.join(found) or 'nobody'}",
               bool(found), "readers: " + ", ".join(texts))
            missing = [n for n in texts if not any(f.startswith(n) for f in found)]
            if found and missing:
                info(f"    not in the output of {', '.join(missing)}")
        # document properties through olefile
        m = olefile.OleFileIO(path).get_metadata()
        props = {"properties/Author": m.author, "properties/LastAuthor": m.last_saved_by}
        for _, where, kind, value in [p for p in planted if p[0] == file and p[1] in props]:
            got = (props[where] or b"").decode("cp1252", "replace")
            ok(f"{file} {where} = {value} (olefile SummaryInformation)", got == value, f"got {got!r}")
        info(f"{file}: last saved {m.last_saved_time}, created {m.create_time}, "
             f"application {m.creating_application!r}")


def xls_report(path):
    """What LibreOffice wrote: cell record kinds, formats, the SST and its CONTINUEs."""
    import olefile
    wb = olefile.OleFileIO(path).openstream("Workbook").read()
    kinds, formats = {}, []
    names = {0x0203: "NUMBER", 0x027E: "RK", 0x00BD: "MULRK", 0x00FD: "LABELSST",
             0x0204: "LABEL", 0x0006: "FORMULA"}
    for off, t, d in biff_records(wb):
        if t in names:
            kinds[names[t]] = kinds.get(names[t], 0) + 1
        if t == 0x041E:
            idx, n = struct.unpack_from("<HH", d)
            if d[4] & 1:
                formats.append((idx, d[5:5 + 2 * n].decode("utf-16-le")))
            else:
                formats.append((idx, d[5:5 + n].decode("latin-1")))
    info(f"{path}: cell records {kinds}; number formats {formats}")
    # how each number was stored: NUMBER (an IEEE double), RK or MULRK (30 bits)
    def rk(v):
        x = (v >> 2) - ((v >> 31) << 30) if v & 2 else \
            struct.unpack("<d", struct.pack("<Q", (v & 0xFFFFFFFC) << 32))[0]
        return x / 100 if v & 1 else x
    numbers = []
    for off, t, d in biff_records(wb):
        if t == 0x0203:
            numbers.append(("NUMBER", struct.unpack_from("<HHHd", d)[3],
                            struct.unpack_from("<H", d, 4)[0]))
        elif t == 0x027E:
            numbers.append(("RK", rk(struct.unpack_from("<I", d, 6)[0]),
                            struct.unpack_from("<H", d, 4)[0]))
        elif t == 0x00BD:
            for k in range((len(d) - 6) // 6):
                xf, v = struct.unpack_from("<HI", d, 4 + 6 * k)
                numbers.append(("MULRK", rk(v), xf))
    pieces = sst_pieces(path)
    if len(pieces) > 1:
        total = sum(len(d) for _, d in pieces)
        info(f"{path}: SST {len(pieces[0][1])} bytes + {len(pieces) - 1} CONTINUE record(s) "
             f"({', '.join(str(len(d)) for _, d in pieces[1:])} bytes); {total} bytes of strings")
    return numbers


def check_sst(planted):
    numbers = xls_report(f"{OUT}/personeel.xls")
    for _, where, kind, value in [p for p in planted if p[0] == "personeel.xls"]:
        want = float(excel_serial(value)) if kind == "date_of_birth" else \
            float(value) if value.isdigit() else None
        for rec, v, xf in numbers:
            if want is not None and v == want:
                info(f"personeel.xls {where} {value}: a {rec} record, {v!r}, XF {xf}")
    pieces = sst_pieces(f"{OUT}/personeel.xls")
    ok("personeel.xls: the shared string table is continued (CONTINUE records)", len(pieces) > 1)
    # which planted strings sit wholly in a CONTINUE, which straddle a cut
    for _, where, kind, value in [p for p in planted if p[0] == "personeel.xls"
                                  and p[1].startswith("Klanten/") and not p[3].isdigit()]:
        enc16, enc8 = value.encode("utf-16-le"), value.encode("latin-1", "replace")
        where_is = None
        for k, (_, d) in enumerate(pieces):
            if enc16 in d or enc8 in d:
                where_is = "SST" if k == 0 else f"CONTINUE {k}"
                break
        if where_is is None:
            where_is = "split over a CONTINUE boundary"
        info(f"personeel.xls {where} {value}: {where_is}")
    card = [p for p in planted if p[0] == "personeel.xls" and p[2] == "card"][0][3]
    joined_first = any(card.encode("utf-16-le") in d for _, d in pieces)
    ok("personeel.xls: the card number in the long note is cut by a CONTINUE record",
       not joined_first)
    if os.path.exists(f"{OUT}/personeel-biff5.xls"):
        xls_report(f"{OUT}/personeel-biff5.xls")


def eml_texts(msg, path, out):
    """(layer path, text) for a message parsed by the email package."""
    out.append((path, "".join(f"{k}: {v}\n" for k, v in msg.items())))
    if msg.is_multipart() and msg.get_content_type() != "message/rfc822":
        for part in msg.get_payload():
            eml_texts_part(part, path, out)
    else:
        eml_texts_part(msg, path, out, top=True)


def eml_texts_part(part, path, out, top=False):
    import email
    ctype = part.get_content_type()
    name = part.get_filename()
    layer = f"{path}!{name}" if name and not top else path
    if ctype == "message/rfc822":
        inner = part.get_payload()
        inner = inner[0] if isinstance(inner, list) else email.message_from_string(inner)
        eml_texts(inner, f"{path}!{name or '*'}", out)
        return
    if part.is_multipart():
        for p in part.get_payload():
            eml_texts_part(p, path, out)
        return
    data = part.get_payload(decode=True) or b""
    if ctype == "application/vnd.ms-excel":
        x = os.path.join(TMP, "attachment.xls")
        with open(x, "wb") as f:
            f.write(data)
        out.append((layer, run(["xls2csv", "-d", "utf-8", x])[1]))
    elif ctype == "application/rtf":
        out.append((layer + " (rtf)", data.decode("latin-1")))
    else:
        cs = part.get_content_charset() or "cp1252"
        try:
            out.append((layer, data.decode(cs)))
        except (LookupError, UnicodeDecodeError):
            out.append((layer, data.decode("cp1252", "replace")))


def check_msg(planted):
    import email
    import olefile
    for file in ("memo.msg", "rtf-only.msg", "doorgestuurd.msg"):
        path = f"{OUT}/{file}"
        try:
            o = olefile.OleFileIO(path)
            streams = o.listdir(streams=True, storages=False)
            ok(f"{file}: olefile lists {len(streams)} streams", len(streams) > 3)
            o.close()
        except Exception as e:                     # noqa: BLE001
            ok(f"{file}: olefile opens it", False, str(e))
        eml = os.path.join(TMP, file + ".eml")
        rc, out, err = run(["msgconvert", "--outfile", eml, path])
        if not ok(f"{file}: msgconvert makes an .eml", rc == 0 and os.path.exists(eml), err):
            continue
        with open(eml, "rb") as f:
            msg = email.message_from_bytes(f.read())
        layers = []
        eml_texts(msg, file, layers)
        for pfile, where, kind, value in [p for p in planted if p[0].split("!")[0] == file]:
            if pfile.endswith(".xls"):
                forms = [value, excel_serial(value)] if kind == "date_of_birth" else [value]
                if where.startswith("properties"):
                    continue               # checked on personeel.xls itself
            else:
                forms = [value]
            want = pfile.split("!")
            hit = [lp for lp, t in layers
                   if any(v in t for v in forms) and
                   len(lp.split(" ")[0].split("!")) == len(want) and
                   all(a == b or a == "*" for a, b in zip(lp.split(" ")[0].split("!"), want))]
            ok(f"{pfile} {where} {kind} {value}: in the .eml", bool(hit),
               "layers: " + ", ".join(lp for lp, _ in layers))
    # the RTF body: our own reader checks the CRC, msgconvert's is the independent one
    o = olefile.OleFileIO(f"{OUT}/rtf-only.msg")
    blob = o.openstream("__substg1.0_10090102").read()
    raw = mw.decompress_rtf(blob)
    comp, rawsize, magic, crc = struct.unpack_from("<IIII", blob)
    ok(f"rtf-only.msg: PR_RTF_COMPRESSED is LZFu, {rawsize} bytes in {comp - 12}, CRC good",
       magic == mw.COMPRESSED and len(raw) == rawsize and comp - 12 < rawsize)
    ok("rtf-only.msg: no plain body (no __substg1.0_1000001F)",
       not o.exists("__substg1.0_1000001F"))


def check_values(planted):
    bad = [p for p in planted if not valid(p[2], p[3])]
    ok(f"planted.tsv: {len(planted)} values, BSNs/IBANs/cards pass their checks", not bad,
       "\n".join("\t".join(p) for p in bad))
    seen = {}
    for p in planted:
        if "!" in p[0] or p[0] in ("personeel-biff5.xls", "personeel.xlsx"):
            continue                               # copies of a file elsewhere
        seen.setdefault(p[3], []).append(p)
    dup = {v: ps for v, ps in seen.items() if len(ps) > 1}
    ok("planted.tsv: every value is planted in one place only", not dup, repr(dup)[:500])


def fat_walk(path, start, limit=10000):
    """Follows a FAT chain by hand: 'loop', 'past end' or the length."""
    with open(path, "rb") as f:
        data = f.read()
    nfat = get32(data, 0x2C)
    fat = []
    for k in range(nfat):
        s = get32(data, 0x4C + 4 * k)
        fat += struct.unpack_from("<128I", data, 512 * (s + 1))
    nsect = len(data) // 512 - 1
    seen, s = set(), start
    while s != mw.ENDOFCHAIN:
        if s in seen:
            return "loop"
        if s >= nsect:
            return "past end"
        seen.add(s)
        s = fat[s]
    return len(seen)


def check_hostile():
    import olefile
    repacked = {"brief-repacked.doc": ["catdoc", "-d", "utf-8"],
                "klein-repacked.xls": ["xls2csv", "-d", "utf-8"]}
    for name, cmd in repacked.items():
        path = os.path.join(TMP, name)
        if not os.path.exists(path):
            continue
        rc, out, err = run(cmd + [path])
        orig = f"{OUT}/brief.doc" if name.endswith(".doc") else os.path.join(TMP, "klein.xls")
        rc2, out2, _ = run(cmd + [orig])
        ok(f"{name} (LibreOffice's file rewritten by msgwriter.write_cfb): {cmd[0]} reads "
           "the same text as from the original", rc == 0 and out == out2 and len(out) > 50)
    for name in sorted(os.listdir(HOST)):
        path = f"{HOST}/{name}"
        if name == "README":
            continue
        size = os.path.getsize(path)
        try:
            o = olefile.OleFileIO(path, raise_defects=olefile.DEFECT_INCORRECT)
            n = len(o.listdir())
            olemsg = f"olefile opens it ({n} streams)"
        except Exception as e:                     # noqa: BLE001
            olemsg = f"olefile refuses it: {str(e)[:100]}"
        tool = {"doc": ["catdoc", "-d", "utf-8"], "xls": ["xls2csv", "-d", "utf-8"],
                "msg": ["msgconvert", "--outfile", os.path.join(TMP, "h.eml")],
                "docx": ["file", "-b"]}[name.rsplit(".", 1)[1]]
        rc, out, err = run(tool + [path], timeout=20)
        said = (out + err).strip().splitlines()
        info(f"hostile/{name} ({size} bytes): {olemsg}; {tool[0]}: exit {rc}, "
             f"{(said[-1] if said else '')[:120]}")
    with open(f"{HOST}/fat-loop.doc", "rb") as f:
        d = f.read()
    ok("hostile/fat-loop.doc: a FAT chain loops",
       any(fat_walk(f"{HOST}/fat-loop.doc", s) == "loop" for s in range(len(d) // 512 - 1)))
    ok("hostile/chain-past-end.xls: a chain points past the end",
       any(fat_walk(f"{HOST}/chain-past-end.xls", s) == "past end"
           for s in range(len(open(f"{HOST}/chain-past-end.xls", "rb").read()) // 512 - 1)))
    ok("hostile/nest100.msg: 100 embedded messages deep",
       sum(1 for e in olefile.OleFileIO(f"{HOST}/nest100.msg").listdir(storages=True)
           if e[-1] == "__substg1.0_3701000D" and len(e) == 200) == 1)
    # the encrypted ones
    o = olefile.OleFileIO(f"{HOST}/encrypted.doc")
    flags = struct.unpack_from("<H", o.openstream("WordDocument").read(), 0x0A)[0]
    ok("hostile/encrypted.doc: fEncrypted set in the FIB (LibreOffice, password)",
       bool(flags & 0x0100))
    o = olefile.OleFileIO(f"{HOST}/encrypted.xls")
    recs = [t for _, t, _ in biff_records(o.openstream("Workbook").read())]
    ok("hostile/encrypted.xls: a FILEPASS record (LibreOffice, password)", 0x002F in recs)
    rc, out, err = run(["xls2csv", f"{HOST}/encrypted.xls"])
    info(f"xls2csv on encrypted.xls: {(out + err).strip()[:80]}")
    o = olefile.OleFileIO(f"{HOST}/encrypted-ooxml.docx")
    ok("hostile/encrypted-ooxml.docx: OLE2 with EncryptionInfo and EncryptedPackage",
       o.exists("EncryptionInfo") and o.exists("EncryptedPackage"))
    ver = struct.unpack_from("<HH", o.openstream("EncryptionInfo").read())
    info(f"encrypted-ooxml.docx: EncryptionInfo version {ver[0]}.{ver[1]} "
         f"({'agile' if ver == (4, 4) else 'standard (AES, CryptoAPI)' if ver[1] == 2 else '?'})")


def check_all():
    planted = read_planted()
    check_values(planted)
    check_office(planted)
    check_sst(planted)
    check_msg(planted)
    check_hostile()
    print(f"{RESULTS[0]} passed, {RESULTS[1]} failed")
    return RESULTS[1] == 0


# ---- main ---------------------------------------------------------------------------------


def main():
    global TMP, PROFILE
    if not os.path.isdir("fixtures") or not os.path.isdir("scripts"):
        sys.exit("make-legacy-fixtures: run from the repository root")
    TMP = tempfile.mkdtemp(prefix="piiscan-legacy-")
    PROFILE = os.path.join(TMP, "lo-profile")
    try:
        if "--check" not in sys.argv[1:]:
            os.makedirs(HOST, exist_ok=True)
            make_xls()
            fodt = make_doc()
            make_ppt()
            make_memo()
            make_rtf_only()
            make_forwarded()
            small = small_xls()
            notes = make_hostile(small)
            made = make_encrypted([(fodt, "MS Word 97", f"{HOST}/encrypted.doc"),
                                   (os.path.join(TMP, "klein.fods"), "MS Excel 97",
                                    f"{HOST}/encrypted.xls"),
                                   (fodt, "MS Word 2007 XML", f"{HOST}/encrypted-ooxml.docx")])
            notes["encrypted.doc"] = ("brief.doc's source stored by LibreOffice (Python-UNO, "
                                      f"filter \"MS Word 97\", Password \"{PASSWORD}\"): "
                                      "fEncrypted set in the FIB, RC4 encryption header at "
                                      "the start of the table stream.")
            notes["encrypted.xls"] = ("the small staff list stored by LibreOffice (Python-UNO, "
                                      f"filter \"MS Excel 97\", Password \"{PASSWORD}\"): a "
                                      "FILEPASS record (RC4) after BOF; the records after it "
                                      "are encrypted.")
            notes["encrypted-ooxml.docx"] = (
                "brief.doc's source stored by LibreOffice (Python-UNO, filter \"MS Word 2007 "
                f"XML\", EncryptionData OOXPassword \"{PASSWORD}\"): an OLE2 file with the "
                "streams EncryptionInfo and EncryptedPackage, not a zip.")
            assert len(made) == 3
            with open(TSV, "w", encoding="utf-8") as f:
                # a header row: a reader of the TSV (piiscan too) takes
                # the first row for column names, never for data
                f.write(HEADER + "\n")
                for p in PLANTED:
                    assert "\t" not in "".join(p) and "\n" not in "".join(p)
                    f.write("\t".join(p) + "\n")
            with open(f"{HOST}/README", "w", encoding="utf-8") as f:
                f.write("Hostile legacy files (issue 15), written by "
                        "scripts/make-legacy-fixtures.py.\nEach must give its Errors row "
                        "and the scan must go on. Sector numbers count from 0 after the "
                        "512-byte header.\n\n")
                for name in sorted(notes):
                    f.write(f"{name}\n    {notes[name]}\n")
        good = check_all()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    sys.exit(0 if good else 1)


if __name__ == "__main__":
    main()
