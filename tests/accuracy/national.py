"""National identifiers of the EU, the UK and the US for the evaluation set
(generate.py) and their kinds for the scorer (score.py).

Every value is drawn at random in the identifier's make-up (a real date of
birth, its serial, its check digits found by trying) and kept only when
python-stdnum, an implementation independent of piiscan's, calls it
valid; the UK National Insurance number, which stdnum does not know, is
drawn by HMRC's prefix rules. Each country gets a staff file (one record
per person, the identifier after its usual label), a CSV export (the
label as the column name) and an invoice list whose order, invoice and
customer numbers have the identifiers' shapes and are no one's: decoys.
"""
import datetime as dt
import importlib

# kind: (country folder, stdnum module or None, label as written there,
#        make(rng) -> the value as written)
_KINDS = {}


def kind(name, country, module, label):
    def register(make):
        _KINDS[name] = (country, module, label, make)
        return make
    return register


def _date(rng, y0=1940, y1=2005):
    start = dt.date(y0, 1, 1).toordinal()
    return dt.date.fromordinal(rng.randrange(start, dt.date(y1, 12, 31).toordinal()))


def _digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def _yymmdd(d):
    return f"{d.year % 100:02d}{d.month:02d}{d.day:02d}"


def _ddmmyy(d):
    return f"{d.day:02d}{d.month:02d}{d.year % 100:02d}"


@kind("be_nrn", "BE", "be.nn", "Rijksregisternummer")
def _be_nrn(rng):
    d = _date(rng, 1940, 1999)
    body = _yymmdd(d) + f"{rng.randrange(1, 998):03d}"
    check = 97 - int(body) % 97
    return f"{body[0:2]}.{body[2:4]}.{body[4:6]}-{body[6:9]}.{check:02d}"


@kind("fr_nir", "FR", "fr.nir", "N° de sécurité sociale")
def _fr_nir(rng):
    d = _date(rng)
    dept = rng.choice([f"{n:02d}" for n in range(1, 96) if n != 20])
    body = f"{rng.choice('12')}{d.year % 100:02d}{d.month:02d}{dept}{rng.randrange(1, 990):03d}" \
           f"{rng.randrange(1, 999):03d}"
    key = 97 - int(body) % 97
    return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"


@kind("ie_ppsn", "IE", "ie.pps", "PPS number")
def _ie_ppsn(rng):
    return _digits(rng, 7) + rng.choice("ABCDEFGHIJKLMNOPQRSTUVW")


@kind("uk_nhs", "GB", "gb.nhs", "NHS number")
def _uk_nhs(rng):
    n = str(rng.randrange(400000000, 899999999)) + rng.choice("0123456789")
    return f"{n[0:3]} {n[3:6]} {n[6:10]}"


@kind("uk_nino", "GB", None, "National Insurance number")
def _uk_nino(rng):
    # HMRC: first letter not D F I Q U V, second not D F I O Q U V, and
    # not the prefixes BG GB NK KN TN NT ZZ; the suffix A to D
    while True:
        a = rng.choice("ABCEGHJKLMNOPRSTWXYZ")
        b = rng.choice("ABCEGHJKLMNPRSTWXYZ")
        if a + b not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
            break
    n = _digits(rng, 6)
    return f"{a}{b} {n[0:2]} {n[2:4]} {n[4:6]} {rng.choice('ABCD')}"


@kind("de_idnr", "DE", "de.idnr", "Steuer-ID")
def _de_idnr(rng):
    # ten digits, one of them twice and one digit missing, no 0 first
    while True:
        digits = rng.sample("0123456789", 9)
        digits.append(rng.choice(digits))
        rng.shuffle(digits)
        if digits[0] != "0":
            break
    return "".join(digits) + rng.choice("0123456789")


@kind("at_svnr", "AT", "at.vnr", "Sozialversicherungsnummer")
def _at_svnr(rng):
    return f"{rng.randrange(100, 999)}{rng.choice('0123456789')} {_ddmmyy(_date(rng))}"


@kind("pl_pesel", "PL", "pl.pesel", "PESEL")
def _pl_pesel(rng):
    d = _date(rng, 1940, 2005)
    month = d.month + (20 if d.year >= 2000 else 0)
    return f"{d.year % 100:02d}{month:02d}{d.day:02d}" + _digits(rng, 5)


def _rc(rng):
    d = _date(rng, 1954, 1999)
    month = d.month + rng.choice((0, 50))
    return f"{d.year % 100:02d}{month:02d}{d.day:02d}/" + _digits(rng, 4)


kind("cz_rc", "CZ", "cz.rc", "Rodné číslo pojištěnce")(_rc)
kind("sk_rc", "SK", "sk.rc", "Rodné číslo poistenca")(lambda rng: _rc(rng))


@kind("hr_oib", "HR", "hr.oib", "OIB")
def _hr_oib(rng):
    return str(rng.randrange(1, 10)) + _digits(rng, 10)


@kind("si_emso", "SI", "si.emso", "EMŠO")
def _si_emso(rng):
    d = _date(rng)
    return f"{d.day:02d}{d.month:02d}{d.year % 1000:03d}50{rng.randrange(0, 999):03d}" + _digits(rng, 1)


@kind("dk_cpr", "DK", "dk.cpr", "CPR-nr.")
def _dk_cpr(rng):
    d = _date(rng, 1940, 1999)
    return f"{_ddmmyy(d)}-{rng.choice('0123')}{_digits(rng, 3)}"


@kind("se_personnummer", "SE", "se.personnummer", "Personnummer")
def _se_pnr(rng):
    return f"{_yymmdd(_date(rng))}-{_digits(rng, 4)}"


@kind("fi_hetu", "FI", "fi.hetu", "Henkilötunnus")
def _fi_hetu(rng):
    d = _date(rng, 1940, 2005)
    sign = "A" if d.year >= 2000 else "-"
    return f"{_ddmmyy(d)}{sign}{rng.randrange(2, 899):03d}" + rng.choice("0123456789ABCDEFHJKLMNPRSTUVWXY")


@kind("no_fodselsnummer", "NO", "no.fodselsnummer", "Fødselsnummer")
def _no_fnr(rng):
    d = _date(rng, 1940, 1999)
    return f"{_ddmmyy(d)}{rng.randrange(0, 499):03d}" + _digits(rng, 2)


def _ee_lt(rng):
    d = _date(rng, 1940, 2005)
    g = rng.choice("34" if d.year < 2000 else "56")
    return f"{g}{_yymmdd(d)}{_digits(rng, 3)}" + _digits(rng, 1)


kind("ee_ik", "EE", "ee.ik", "Isikukood")(_ee_lt)
kind("lt_asmens", "LT", "lt.asmens", "Asmens kodas")(lambda rng: _ee_lt(rng))


@kind("lv_personas_kods", "LV", "lv.pvn", "Personas kods")
def _lv_pk(rng):
    d = _date(rng, 1940, 1999)
    return f"{_ddmmyy(d)}-1{_digits(rng, 3)}" + _digits(rng, 1)


@kind("us_ssn", "US", "us.ssn", "SSN")
def _us_ssn(rng):
    area = rng.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"


@kind("us_itin", "US", "us.itin", "ITIN")
def _us_itin(rng):
    group = rng.choice(list(range(70, 89)) + [90, 91, 92] + list(range(94, 100)))
    return f"9{_digits(rng, 2)}-{group:02d}-{_digits(rng, 4)}"


@kind("es_dni", "ES", "es.dni", "DNI")
def _es_dni(rng):
    body = f"{rng.randrange(10000000, 99999999)}"
    return body + "TRWAGMYFPDXBNJZSQVHLCKE"[int(body) % 23]


@kind("es_nie", "ES", "es.nie", "NIE")
def _es_nie(rng):
    first = rng.choice("XYZ")
    body = _digits(rng, 7)
    return first + body + "TRWAGMYFPDXBNJZSQVHLCKE"[int(str("XYZ".index(first)) + body) % 23]


@kind("it_cf", "IT", "it.codicefiscale", "Codice fiscale")
def _it_cf(rng):
    cf = importlib.import_module("stdnum.it.codicefiscale")
    d = _date(rng)
    letters = "".join(rng.choice("BCDFGHLMNPRSTVZ") for _ in range(3)) + \
        "".join(rng.choice("BCDFGHLMNPRSTVZAEIO") for _ in range(3))
    day = d.day + rng.choice((0, 40))
    body = f"{letters}{d.year % 100:02d}{'ABCDEHLMPRST'[d.month - 1]}{day:02d}" \
           f"{rng.choice('ABCDEFGHLM')}{rng.randrange(1, 999):03d}"
    return body + cf.calc_check_digit(body)


@kind("pt_nif", "PT", "pt.nif", "NIF")
def _pt_nif(rng):
    return rng.choice("123") + _digits(rng, 8)


@kind("ro_cnp", "RO", "ro.cnp", "CNP")
def _ro_cnp(rng):
    d = _date(rng, 1940, 2005)
    s = rng.choice("12" if d.year < 2000 else "56")
    return f"{s}{_yymmdd(d)}{rng.randrange(1, 47):02d}{rng.randrange(1, 999):03d}" + _digits(rng, 1)


@kind("bg_egn", "BG", "bg.egn", "ЕГН")
def _bg_egn(rng):
    d = _date(rng, 1940, 2005)
    month = d.month + (40 if d.year >= 2000 else 0)
    return f"{d.year % 100:02d}{month:02d}{d.day:02d}" + _digits(rng, 4)


@kind("gr_amka", "GR", "gr.amka", "ΑΜΚΑ")
def _gr_amka(rng):
    return _ddmmyy(_date(rng)) + _digits(rng, 5)


NATIONAL_KINDS = tuple(_KINDS)

# The country's language for labels.tsv (the scorer's per-language view).
LANG = {"BE": "nl", "FR": "fr", "DE": "de", "AT": "de", "GB": "en", "IE": "en", "US": "en"}

# Words that head a list of orders, invoices and customers, by country.
INVOICE = {"BE": "Factuur", "FR": "Facture", "DE": "Rechnung", "AT": "Rechnung", "PL": "Faktura",
           "CZ": "Faktura", "SK": "Faktúra", "HR": "Račun", "SI": "Račun", "DK": "Faktura",
           "SE": "Faktura", "FI": "Lasku", "NO": "Faktura", "EE": "Arve", "LT": "Sąskaita",
           "LV": "Rēķins", "US": "Invoice", "ES": "Factura", "IT": "Fattura", "PT": "Fatura",
           "RO": "Factura", "BG": "Фактура", "GR": "Τιμολόγιο", "GB": "Invoice", "IE": "Invoice"}


def valid_value(rng, name):
    """A value of kind name that stdnum (where it knows the kind) calls valid."""
    _, module, _, make = _KINDS[name]
    check = importlib.import_module("stdnum." + module).is_valid if module else None
    for _ in range(100000):
        v = make(rng)
        if check is None or check(v):
            return v
    raise AssertionError(f"no valid {name} drawn")


def same_shape(rng, name, value):
    """An order number with the make-up of value (digits for digits,
    letters for letters, dashes and slashes kept), that stdnum (where it
    knows the kind) does not call valid. Order numbers do not start with
    0 and are not grouped by spaces: a number so written is a phone
    number as much as anything, which is not what these decoys test."""
    module = _KINDS[name][1]
    check = importlib.import_module("stdnum." + module).is_valid if module else None
    while True:
        out = []
        for c in value.replace(" ", ""):
            if c.isdigit():
                out.append(rng.choice("123456789" if not out else "0123456789"))
            elif c.isalpha() and c.isascii():
                out.append(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ"))
            else:
                out.append(c)
        shape = "".join(out)
        if check is None or not check(shape):
            return shape


def build(ev, rng, people=8):
    """Per country: a staff file, a CSV export, an invoice list of decoys."""
    by_country = {}
    for name, (country, _, _, _) in _KINDS.items():
        by_country.setdefault(country, []).append(name)
    for country, names in by_country.items():
        lang = LANG.get(country, "en")
        staff = ev.loc(f"EU/{country}/HR/staff-records.txt", lang)
        lines = [f"Staff records ({country})", ""]
        rows = [["employee"] + [_KINDS[n][2] for n in names]]
        for i in range(people):
            lines.append(f"Employee E-{1041 + i}")
            row = [f"E-{2041 + i}"]
            for name in names:
                lines.append(f"{_KINDS[name][2]}: {staff.p(name, valid_value(rng, name))}")
                row.append(valid_value(rng, name))
            rows.append(row)
            lines.append("")
        ev.write_text(staff, "\n".join(lines) + "\n")
        export = ev.loc(f"EU/{country}/HR/export.csv", lang)
        for row in rows[1:]:
            for name, value in zip(names, row[1:]):
                export.p(name, value)
        ev.write_text(export, "".join(",".join(r) + "\r\n" for r in rows))
        bills = ev.loc(f"EU/{country}/Finance/invoices.txt", lang)
        lines = [f"{INVOICE[country]} / order / customer numbers", ""]
        for i in range(people):
            for name in names:
                shape = same_shape(rng, name, valid_value(rng, name))
                lines.append(f"{INVOICE[country]} {1000 + i}: order {bills.d(name, shape, 'order_number')}"
                             f", total {rng.randrange(10, 999)}.{rng.randrange(0, 99):02d}")
        ev.write_text(bills, "\n".join(lines) + "\n")
