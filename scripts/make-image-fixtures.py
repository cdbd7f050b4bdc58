#!/usr/bin/python3
"""Writes fixtures/images/ (issue 16): images and scanned PDFs for OCR, ICAO
9303 machine-readable zones and EXIF/XMP metadata, with planted.tsv (every
planted value and where it is) and decoys.tsv (what looks like personal data
and is not):

    scan-brief.png        a Dutch letter, 300 dpi, "scanned": turned 0.8
                          degrees, noise, 1 bit
    scan-brief-200.jpg    the same letter at 200 dpi, grey JPEG, turned -1.2
    id-kaart.png          a mock Dutch identity card (TD1, 3 x 30 MRZ), 300 dpi
    paspoort.png          a mock Dutch passport data page (TD3, 2 x 44), 300 dpi
    paspoort-200.jpg      the same page at 200 dpi, turned 1 degree, noise
    td2-document.png      a mock German document with a TD2 MRZ (2 x 36)
    decoy-handleiding.png a manual page showing MRZ lines whose check digits
                          are wrong, version numbers, page numbers
    scan.pdf              image-only PDF (written here): the letter (CCITT G4)
                          and an A4 scan of the card (JPEG)
    mixed.pdf             LibreOffice: page 1 a text layer, page 2 the passport
                          as an image only
    stapel.tif            3 pages: letter (G4), card (LZW, grey), blank (G4)
    vakantie.jpg          photo-like, EXIF written by exiftool (GPS, Artist,
                          Copyright, XPAuthor, serial numbers, OwnerName)
    vakantie-xmp.jpg      photo-like, XMP only (dc:creator, exif:GPS*)
    foto-zonder-tekst.jpg 2000 x 1500, no text, no metadata
    hostile/              truncated.jpg, exif-loop.jpg, not-really.png

Then checks every file with readers that are not piiscan: the tesseract CLI
(each image, nld+eng; each MRZ band again with an A-Z0-9< whitelist), exiftool,
pdftotext, pdfimages, identify. Prints "ok"/"not ok" per check, "#" lines with
what it saw, and exits 1 when a check fails.

    /usr/bin/python3 scripts/make-image-fixtures.py            # make and check
    /usr/bin/python3 scripts/make-image-fixtures.py --check    # check only
    /usr/bin/python3 scripts/make-image-fixtures.py --big DIR  # bomb.png and
        pages-10000.tif into DIR (too large to commit; tests make them)

Run from the repository root, with Debian's python3 (no modules beyond the
standard library), ImageMagick (convert), tesseract-ocr with -nld and -eng,
fonts-ocr-b, fonts-dejavu, fonts-liberation2, libimage-exiftool-perl,
poppler-utils and LibreOffice. All values are invented: BSNs pass the
elfproef, IBANs their mod-97, MRZ check digits follow ICAO 9303 (checked
against ICAO's own examples below). The values come from a seeded generator
and ImageMagick's noise from -seed, so a rerun writes the same bytes
(mixed.pdf too: LibreOffice's time stamp and /ID in it are overwritten with
fixed ones).
"""
import base64
import math
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

OUT = "fixtures/images"
HOST = OUT + "/hostile"
TSV = OUT + "/planted.tsv"
DECOYS = OUT + "/decoys.tsv"
HEADER = "file\twhere\tkind\tvalue"
DECOY_HEADER = "file\twhat\twhy"

TMP = None
PROFILE = None


# ---- values ------------------------------------------------------------------
rng = random.Random(1618)   # 1616, 1617: document numbers tesseract misreads in the MRZ (1I, Y0)
USED = set()


def fresh(make):
    while True:
        v = make()
        if v not in USED:
            USED.add(v)
            return v


def elfproef(v):
    d = [int(c) for c in v]
    return len(d) == 9 and (sum((9 - i) * d[i] for i in range(8)) - d[8]) % 11 == 0


def bsn():
    def make():
        while True:
            d = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(7)]
            s = sum((9 - i) * d[i] for i in range(8)) % 11
            if s < 10:
                v = "".join(map(str, d + [s]))
                if len(set(v)) > 4 and v != "123456782":
                    return v
    return fresh(make)


def dotted_bsn(v):
    return v[:4] + "." + v[4:6] + "." + v[6:]   # as NL cards and passports print it


def mod97(s):
    return int("".join(str(int(c, 36)) for c in s)) % 97


def iban(bank):
    def make():
        bban = bank + "".join(str(rng.randrange(10)) for _ in range(10))
        return f"NL{98 - mod97(bban + 'NL00'):02d}{bban}"
    return fresh(make)


def grouped(v, n=4):
    return " ".join(v[i:i + n] for i in range(0, len(v), n))


def mobile():
    return fresh(lambda: "06-" + str(rng.randrange(1, 6)) +
                 "".join(str(rng.randrange(10)) for _ in range(7)))


def nl_document_number():
    """Dutch passport and ID-card numbers since 2014: two letters, six
    letters or digits, one digit; never the letter O."""
    letters = "ABCDEFGHIJKLMNPQRSTUVWXYZ"
    def make():
        return ("".join(rng.choice(letters) for _ in range(2)) +
                "".join(rng.choice(letters + "0123456789") for _ in range(6)) +
                str(rng.randrange(10)))
    return fresh(make)


PLANTED = []
DECOY_ROWS = []


def make_values():
    """Every generated value, always in the same order (the seeded generator)."""
    letter_values()
    card_values()
    passport_values()
    td2_values()


def plant(file, where, kind, value):
    PLANTED.append((file, where, kind, str(value)))
    return value


def decoy(file, what, why):
    DECOY_ROWS.append((file, what, why))


# ---- ICAO 9303 machine-readable zones ------------------------------------------------
def mrz_value(c):
    if c == "<":
        return 0
    if c.isdigit():
        return int(c)
    if "A" <= c <= "Z":
        return ord(c) - ord("A") + 10
    raise ValueError(f"not an MRZ character: {c!r}")


def check_digit(s):
    """ICAO 9303 part 3, 4.9: weights 7, 3, 1 repeating, sum modulo 10."""
    return str(sum(mrz_value(c) * (7, 3, 1)[i % 3] for i, c in enumerate(s)) % 10)


def field(s, n):
    s = s.upper().replace(" ", "<").replace("-", "<").replace("'", "")
    if len(s) > n or not re.fullmatch(r"[A-Z0-9<]*", s):
        raise ValueError(f"{s!r} does not fit {n} MRZ characters")
    return s + "<" * (n - len(s))


def name_field(surname, given, n):
    return field(surname.upper().replace(" ", "<") + "<<" + "<".join(given).upper(), n)


def td1(state, number, optional1, dob, sex, expiry, nationality, surname, given,
        optional2="", code="I<"):
    """ICAO 9303 part 5: 3 x 30 (identity cards)."""
    num = field(number, 9)
    l1 = field(code, 2) + field(state, 3) + num + check_digit(num) + field(optional1, 15)
    l2 = dob + check_digit(dob) + sex + expiry + check_digit(expiry) + field(nationality, 3) + \
        field(optional2, 11)
    l2 += check_digit(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29])
    return [l1, l2, name_field(surname, given, 30)]


def td2(code, state, surname, given, number, nationality, dob, sex, expiry, optional=""):
    """ICAO 9303 part 6: 2 x 36."""
    num = field(number, 9)
    l1 = field(code, 2) + field(state, 3) + name_field(surname, given, 31)
    l2 = num + check_digit(num) + field(nationality, 3) + dob + check_digit(dob) + sex + \
        expiry + check_digit(expiry) + field(optional, 7)
    l2 += check_digit(l2[0:10] + l2[13:20] + l2[21:35])
    return [l1, l2]


def td3(code, state, surname, given, number, nationality, dob, sex, expiry, personal=""):
    """ICAO 9303 part 4: 2 x 44 (passports). The personal number field
    (positions 29-42) has its own check digit (43); an empty one may have
    '<' there, we always write the digit."""
    num = field(number, 9)
    pn = field(personal, 14)
    l1 = field(code, 2) + field(state, 3) + name_field(surname, given, 39)
    l2 = num + check_digit(num) + field(nationality, 3) + dob + check_digit(dob) + sex + \
        expiry + check_digit(expiry) + pn + check_digit(pn)
    l2 += check_digit(l2[0:10] + l2[13:20] + l2[21:43])
    return [l1, l2]


def mrz_errors(lines):
    """An independent reading of the check digits of a TD1, TD2 or TD3 zone:
    the fields by position as the ICAO parts list them; [] when all agree."""
    bad = []

    def want(name, data, digit):
        if digit == "<" and set(data) == {"<"}:
            return
        if check_digit(data) != digit:
            bad.append(f"{name}: {data} gives {check_digit(data)}, the zone has {digit}")
    lens = [len(x) for x in lines]
    if lens == [30, 30, 30]:
        a, b = lines[0], lines[1]
        want("document number", a[5:14], a[14])
        want("date of birth", b[0:6], b[6])
        want("date of expiry", b[8:14], b[14])
        want("composite", a[5:30] + b[0:7] + b[8:15] + b[18:29], b[29])
    elif lens == [36, 36] or lens == [44, 44]:
        b = lines[1]
        want("document number", b[0:9], b[9])
        want("date of birth", b[13:19], b[19])
        want("date of expiry", b[21:27], b[27])
        if lens[0] == 44:
            want("personal number", b[28:42], b[42])
            want("composite", b[0:10] + b[13:20] + b[21:43], b[43])
        else:
            want("composite", b[0:10] + b[13:20] + b[21:35], b[35])
    else:
        bad.append(f"not a TD1, TD2 or TD3 zone: line lengths {lens}")
    return bad


def mrz_selftest():
    """ICAO's own examples (Doc 9303 parts 3 to 6) and the Dutch identity
    card specimen as JMRTD's tests have it."""
    assert check_digit("L898902C3") == "6"
    assert check_digit("740812") == "2"
    assert check_digit("120415") == "9"
    assert check_digit("ZE184226B<<<<<") == "1"
    assert td3("P<", "UTO", "Eriksson", ["Anna", "Maria"], "L898902C3", "UTO", "740812", "F",
               "120415", "ZE184226B") == [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
    assert td1("UTO", "D23145890", "", "740812", "F", "120415", "UTO", "Eriksson",
               ["Anna", "Maria"]) == [
        "I<UTOD231458907<<<<<<<<<<<<<<<",
        "7408122F1204159UTO<<<<<<<<<<<6",
        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
    assert td2("I<", "UTO", "Eriksson", ["Anna", "Maria"], "D23145890", "UTO", "740812", "F",
               "120415") == [
        "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
        "D231458907UTO7408122F1204159<<<<<<<6"]
    assert td1("NLD", "SPECI2021", "", "650310", "F", "310802", "NLD", "De Bruijn",
               ["Willeke", "Liselotte"]) == [
        "I<NLDSPECI20212<<<<<<<<<<<<<<<",
        "6503101F3108022NLD<<<<<<<<<<<8",
        "DE<BRUIJN<<WILLEKE<LISELOTTE<<"]
    for z in (["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
               "L898902C36UTO7408122F1204159ZE184226B<<<<<10"],
              ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
               "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]):
        assert mrz_errors(z) == [], mrz_errors(z)
    # Doc 9303 part 10's DG1 example (I<NLDXI85935F86999999990<<<<<< /
    # 7208148F1108268NLD<<<<<<<<<<<4) has composite 4, which is the digit
    # without the optional data of line 1; part 5 counts positions 6-30 of
    # line 1 (the optional data too), which gives 8. We follow part 5.
    assert mrz_errors(["I<NLDXI85935F86999999990<<<<<<", "7208148F1108268NLD<<<<<<<<<<<4",
                       "VAN<DER<STEEN<<MARIANNE<LOUISE"]) == [
        "composite: XI85935F86999999990<<<<<<72081481108268<<<<<<<<<<< gives 8, the zone has 4"]


# ---- drawing with ImageMagick ---------------------------------------------------------
def font_file(pattern, fallback):
    try:
        r = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True,
                           text=True, timeout=30)
        if r.returncode == 0 and os.path.exists(r.stdout) and \
                os.path.basename(r.stdout).startswith(fallback.split(".")[0][:6]):
            return r.stdout
    except OSError:
        pass
    for root in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation2",
                 "/usr/share/fonts/opentype/ocr-b"):
        if os.path.exists(os.path.join(root, fallback)):
            return os.path.join(root, fallback)
    sys.exit(f"make-image-fixtures: font {pattern} ({fallback}) not found")


FONTS = {}


def fonts():
    if not FONTS:
        FONTS.update({
            "serif": font_file("DejaVu Serif", "DejaVuSerif.ttf"),
            "serif-bold": font_file("DejaVu Serif:bold", "DejaVuSerif-Bold.ttf"),
            "sans": font_file("Liberation Sans", "LiberationSans-Regular.ttf"),
            "sans-bold": font_file("Liberation Sans:bold", "LiberationSans-Bold.ttf"),
            "mono": font_file("DejaVu Sans Mono", "DejaVuSansMono.ttf"),
            # OCR-B "Sharp" (fonts-ocr-b): the same glyphs as OCRB.otf with
            # sharp stroke ends; tesseract reads its '<' better
            "ocrb": font_file("OCR B S", "OCRBS.otf"),
        })
    return FONTS


# OCR-B advances 0.723 em; ICAO 9303 part 3 wants a pitch of 2.54 mm (10 per inch)
OCRB_PT = 2.54 / 25.4 * 72 / 0.723


def mvg_string(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


class Canvas:
    """A page in millimetres drawn by ImageMagick at a resolution."""

    def __init__(self, w_mm, h_mm, dpi):
        self.w_mm, self.h_mm, self.dpi = w_mm, h_mm, dpi
        self.cmds = []

    def px(self, mm):
        return mm / 25.4 * self.dpi

    @property
    def size(self):
        return round(self.px(self.w_mm)), round(self.px(self.h_mm))

    def text(self, x, y, s, font="serif", pt=11, fill="black"):
        """y is the baseline."""
        self.cmds.append(f"push graphic-context font {mvg_string(fonts()[font])} "
                         f"font-size {pt * self.dpi / 72:.2f} fill '{fill}' stroke none "
                         f"text {self.px(x):.1f},{self.px(y):.1f} {mvg_string(s)} "
                         "pop graphic-context")

    def rect(self, x, y, w, h, fill, stroke="none", radius=0, sw=0.3):
        shape = (f"roundrectangle {self.px(x):.1f},{self.px(y):.1f} {self.px(x + w):.1f},"
                 f"{self.px(y + h):.1f} {self.px(radius):.1f},{self.px(radius):.1f}"
                 if radius else
                 f"rectangle {self.px(x):.1f},{self.px(y):.1f} {self.px(x + w):.1f},"
                 f"{self.px(y + h):.1f}")
        self.cmds.append(f"push graphic-context fill '{fill}' stroke '{stroke}' "
                         f"stroke-width {self.px(sw):.1f} {shape} pop graphic-context")

    def ellipse(self, cx, cy, rx, ry, fill, start=0, end=360):
        self.cmds.append(f"push graphic-context fill '{fill}' stroke none ellipse "
                         f"{self.px(cx):.1f},{self.px(cy):.1f} {self.px(rx):.1f},"
                         f"{self.px(ry):.1f} {start},{end} pop graphic-context")

    def portrait(self, x, y, w, h, bg, fg, frame):
        """A grey silhouette where the holder's photo would be."""
        self.rect(x, y, w, h, bg, frame, sw=0.2)
        self.ellipse(x + w / 2, y + h * 0.34, w * 0.24, h * 0.22, fg)
        self.ellipse(x + w / 2, y + h, w * 0.42, h * 0.34, fg, 180, 360)
        self.rect(x, y, w, h, "none", frame, sw=0.2)

    def wave(self, y0, amp, period, phase, color, sw=0.15):
        pts = []
        x = 0.0
        while x <= self.w_mm + 1:
            pts.append(f"{self.px(x):.1f},{self.px(y0 + amp * math.sin(x / period + phase)):.1f}")
            x += 1.0
        self.cmds.append(f"push graphic-context fill none stroke '{color}' stroke-width "
                         f"{self.px(sw):.1f} polyline {' '.join(pts)} pop graphic-context")

    def mrz(self, lines, x, baselines):
        for line, y in zip(lines, baselines):
            self.text(x, y, line, font="ocrb", pt=OCRB_PT)

    def render(self, path, bg="white", extra=("-dither", "None", "-colors", "128")):
        w, h = self.size
        cmd = ["convert", "-size", f"{w}x{h}", f"xc:{bg}", "-draw", "\n".join(self.cmds),
               *extra, "-alpha", "off", "-depth", "8", "-units", "PixelsPerInch", "-density",
               str(self.dpi), *PNG_CLEAN, ("PNG8:" + path) if path.endswith(".png") else path]
        run_im(cmd)
        return path


# PNG without its time chunks, so a rerun writes the same bytes
PNG_CLEAN = ["-define", "png:exclude-chunks=date,time", "+set", "date:create",
             "+set", "date:modify"]


def run_im(cmd):
    r = subprocess.run(cmd, capture_output=True, timeout=600)
    if r.returncode != 0:
        sys.exit(f"make-image-fixtures: {' '.join(cmd[:3])}...: "
                 f"{r.stderr.decode('utf-8', 'replace')[:2000]}")
    return r


def tmp(name):
    return os.path.join(TMP, name)


def scanned(src, out, dpi, degrees, seed, kind, quality=75):
    """Makes a clean page look scanned: turned a little, noise, grey or 1 bit."""
    w, h = [int(x) for x in run_im(["identify", "-format", "%w %h", src]).stdout.split()]
    cmd = ["convert", src, "-colorspace", "Gray", "-background", "white", "-rotate",
           str(degrees), "-gravity", "center", "-extent", f"{w}x{h}", "+repage", "-seed", str(seed)]
    if kind == "bilevel":
        cmd += ["-blur", "0x0.8", "-attenuate", "0.6", "+noise", "Gaussian",
                "-attenuate", "0.05", "+noise", "Impulse",          # dust
                "-threshold", "55%", "-type", "bilevel", *PNG_CLEAN]
    else:
        cmd += ["-fill", "gray(96%)", "-opaque", "white", "-blur", "0x0.5",
                "-attenuate", "0.25", "+noise", "Gaussian", "-strip",
                "-quality", str(quality)]
    cmd += ["-units", "PixelsPerInch", "-density", str(dpi), out]
    run_im(cmd)
    return out


# ---- the letter ---------------------------------------------------------------------------
LETTER = {}


def letter_values():
    if not LETTER:
        LETTER.update(
            name="Maarten Jan de Vries",
            address="Kastanjelaan 17, 3817 GH Amersfoort",
            dob="14-08-1979",
            bsn=bsn(),
            phone=mobile(),
            email="m.devries79@ziggo.nl",
            iban=grouped(iban("RABO")),
            sender="Annelies Bakker",
        )
    return LETTER


def letter_page(dpi, path):
    v = letter_values()
    c = Canvas(210, 297, dpi)
    c.text(25, 28, "De Korenmolen B.V.", "serif-bold", 18)
    c.text(25, 35, "Bakkerij en banketbakkerij sinds 1952", "serif", 10)
    c.text(25, 40, "Industrieweg 8, 3825 MA Amersfoort", "serif", 10)
    y = 62
    for line in ["De heer M.J. de Vries", "Kastanjelaan 17", "3817 GH Amersfoort"]:
        c.text(25, y, line, "serif", 11)
        y += 5.5
    c.text(25, 95, "Amersfoort, 3 maart 2021", "serif", 11)
    c.text(25, 101, "Betreft: uw gegevens voor de salarisadministratie", "serif", 11)
    c.text(25, 115, "Geachte heer De Vries,", "serif", 11)
    y = 126
    for line in ["Welkom bij De Korenmolen! Voor uw indiensttreding op 1 april 2021 hebben",
                 "wij de volgende gegevens van u vastgelegd in onze salarisadministratie:"]:
        c.text(25, y, line, "serif", 11)
        y += 6
    y += 6
    for label, value in [("Naam:", v["name"]), ("Adres:", v["address"]),
                         ("Geboortedatum:", v["dob"]), ("Burgerservicenummer:", v["bsn"]),
                         ("Telefoon:", v["phone"]), ("E-mail:", v["email"]),
                         ("IBAN:", v["iban"])]:
        c.text(25, y, label, "serif", 11)
        c.text(80, y, value, "serif", 11)
        y += 7
    y += 6
    for line in ["Wilt u deze gegevens controleren? Klopt er iets niet, neem dan contact",
                 "op met de afdeling Personeelszaken. Uw salaris wordt elke maand op de",
                 "25e overgemaakt naar het bovenstaande rekeningnummer."]:
        c.text(25, y, line, "serif", 11)
        y += 6
    y += 8
    c.text(25, y, "Met vriendelijke groet,", "serif", 11)
    c.text(25, y + 18, v["sender"], "serif", 11)
    c.text(25, y + 24, "Personeelszaken", "serif", 11)
    c.text(95, 285, "pagina 1 van 1", "serif", 9)
    return c.render(path)


def plant_letter(file, page="page 1"):
    v = letter_values()
    plant(file, page, "person_name", v["name"])
    plant(file, page, "address", v["address"])
    plant(file, page, "date_of_birth", v["dob"])
    plant(file, page, "nl_bsn", v["bsn"])
    plant(file, page, "phone", v["phone"])
    plant(file, page, "email", v["email"])
    plant(file, page, "iban", v["iban"])
    plant(file, page, "person_name", v["sender"])


def decoy_letter(file):
    decoy(file, "Industrieweg 8, 3825 MA Amersfoort", "the address of a company (the sender)")
    decoy(file, "3 maart 2021; 1 april 2021",
          "the letter's date and a start date, no dates of birth")


# ---- identity card (TD1) ------------------------------------------------------------------
CARD = {}


def card_values():
    if not CARD:
        CARD.update(surname="van den Akker", given=["Emma", "Louise"],
                    number=nl_document_number(), bsn=bsn(), dob="860923",
                    dob_printed="23 SEP 1986", sex="F", expiry="310512")
        CARD["mrz"] = td1("NLD", CARD["number"], CARD["bsn"], CARD["dob"], CARD["sex"],
                          CARD["expiry"], "NLD", CARD["surname"], CARD["given"])
    return CARD


TD1_BASELINES = [54 - 12.9, 54 - 8.7, 54 - 4.5]
TD1_X = (85.6 - 30 * 2.54) / 2


def id_card(dpi, path):
    v = card_values()
    c = Canvas(85.6, 54, dpi)
    c.rect(0, 0, 85.6, 54, "#eef3f7", radius=3.2)
    for k in range(7):
        c.wave(4 + k * 4.2, 1.2, 5 + k % 3, k, "#cfdde8")
    c.rect(0, 0, 85.6, 8.5, "#2d4e86", radius=0)
    c.text(4, 4.0, "KONINKRIJK DER NEDERLANDEN", "sans-bold", 6.5, "white")
    c.text(4, 7.3, "KINGDOM OF THE NETHERLANDS", "sans", 5.5, "white")
    c.text(52, 6.2, "IDENTITEITSKAART", "sans-bold", 6.5, "white")
    c.portrait(4, 11, 20, 25, "#c9d2da", "#8f9daa", "#8796a5")
    x = 27
    fields = [("Naam / Surname", v["surname"]),
              ("Voornamen / Given names", " ".join(v["given"])),
              ("Geboortedatum / Date of birth", v["dob_printed"]),
              ("Persoonsnummer / BSN", dotted_bsn(v["bsn"]))]
    y = 11.8
    for label, value in fields:
        c.text(x, y, label, "sans", 5, "#3a4a5a")
        c.text(x, y + 3.2, value, "sans-bold", 7.5)
        y += 6.3
    c.text(62, 11.8, "Documentnr. / No.", "sans", 5, "#3a4a5a")
    c.text(62, 15.0, v["number"], "sans-bold", 7)
    c.text(62, 18.1, "Geldig tot / Expiry", "sans", 5, "#3a4a5a")
    c.text(62, 21.3, "12 MEI 2031", "sans-bold", 7)
    c.text(62, 24.4, "Geslacht / Sex", "sans", 5, "#3a4a5a")
    c.text(62, 27.6, "V/F", "sans-bold", 7)
    c.rect(0, 54 - 16.8, 85.6, 16.8, "#fbfcfd", radius=0)
    c.mrz(v["mrz"], TD1_X, TD1_BASELINES)
    return c.render(path)


def plant_document(file, v, page):
    """The values printed on an identity document and its zone."""
    plant(file, page, "person_name", v["surname"])
    plant(file, page, "person_name", " ".join(v["given"]))
    plant(file, page, "date_of_birth", v["dob_printed"])
    plant(file, page, "nl_bsn", dotted_bsn(v["bsn"]))
    plant(file, "MRZ" if page == "page 1" else page + " MRZ", "id_document",
          "\\n".join(v["mrz"]))


def plant_card(file, page="page 1"):
    plant_document(file, card_values(), page)


# ---- passport data page (TD3) ---------------------------------------------------------------
PASS = {}


def passport_values():
    if not PASS:
        PASS.update(surname="Hendriks", given=["Sander", "Willem"], number=nl_document_number(),
                    bsn=bsn(), dob="920305", dob_printed="05 MRT 1992", sex="M",
                    expiry="310614")
        PASS["mrz"] = td3("P<", "NLD", PASS["surname"], PASS["given"], PASS["number"], "NLD",
                          PASS["dob"], PASS["sex"], PASS["expiry"], PASS["bsn"])
    return PASS


TD3_BASELINES = [88 - 13.0, 88 - 6.0]
TD3_X = (125 - 44 * 2.54) / 2


def passport(dpi, path):
    v = passport_values()
    c = Canvas(125, 88, dpi)
    c.rect(0, 0, 125, 88, "#f3eee6")
    for k in range(12):
        c.wave(6 + k * 5, 1.5, 6 + k % 4, k * 0.7, "#e3d8c6")
    c.text(5, 7, "KONINKRIJK DER NEDERLANDEN / KINGDOM OF THE NETHERLANDS", "sans-bold", 7)
    c.text(5, 12, "PASPOORT / PASSPORT", "sans", 6.5)
    c.portrait(5, 16, 30, 40, "#d7d0c4", "#a59b8b", "#9c9383")
    left = [("Type / Type", "P"), ("Naam / Surname", v["surname"]),
            ("Voornamen / Given names", " ".join(v["given"])),
            ("Nationaliteit / Nationality", "Nederlandse"),
            ("Geboortedatum / Date of birth", v["dob_printed"]),
            ("Geboorteplaats / Place of birth", "Zwolle")]
    right = [("Code / Code", "NLD"), ("Paspoortnummer / Passport No.", v["number"]),
             ("Geslacht / Sex", "M"), ("Datum van afgifte / Date of issue", "14 JUN 2021"),
             ("Geldig tot / Date of expiry", "14 JUN 2031"),
             ("Persoonsnummer / Personal No.", dotted_bsn(v["bsn"]))]
    for col_x, rows in ((39, left), (84, right)):
        y = 18
        for label, value in rows:
            c.text(col_x, y, label, "sans", 5.5, "#4a4036")
            c.text(col_x, y + 3.8, value, "sans-bold", 8)
            y += 8.6
    c.rect(0, 88 - 19, 125, 19, "#fbf9f5")
    c.mrz(v["mrz"], TD3_X, TD3_BASELINES)
    return c.render(path)


def plant_passport(file, page="page 1"):
    plant_document(file, passport_values(), page)


def decoy_dates(file, issue, expiry):
    decoy(file, f"{issue}; {expiry}", "date of issue and date of expiry, no date of birth")


# ---- TD2 ----------------------------------------------------------------------------------
TD2V = {}


def td2_values():
    if not TD2V:
        letters = "CFGHJKLMNPRTVWXYZ"
        number = fresh(lambda: rng.choice(letters) + "".join(
            rng.choice(letters + "0123456789") for _ in range(8)))
        TD2V.update(surname="Brandt", given=["Katharina", "Elisabeth"], number=number,
                    dob="750214", dob_printed="14.02.1975", sex="F", expiry="290930")
        TD2V["mrz"] = td2("ID", "D", TD2V["surname"], TD2V["given"], number, "D",
                          TD2V["dob"], TD2V["sex"], TD2V["expiry"])
    return TD2V


TD2_BASELINES = [74 - 11.5, 74 - 5.0]
TD2_X = (105 - 36 * 2.54) / 2


def td2_document(path):
    v = td2_values()
    c = Canvas(105, 74, 300)
    c.rect(0, 0, 105, 74, "#eef5ee", radius=3)
    for k in range(8):
        c.wave(8 + k * 5, 1.3, 5 + k % 3, k * 1.3, "#d3e3d3")
    c.text(5, 7, "BUNDESREPUBLIK DEUTSCHLAND", "sans-bold", 7.5)
    c.text(5, 11.5, "AUSWEIS (MUSTER, ERFUNDEN) / IDENTITY DOCUMENT", "sans", 5.5)
    c.portrait(5, 15, 24, 31, "#cdd6cd", "#95a395", "#8a998a")
    y = 17
    for label, value in [("Name / Surname", v["surname"]),
                         ("Vornamen / Given names", " ".join(v["given"])),
                         ("Geburtstag / Date of birth", v["dob_printed"]),
                         ("Staatsangehörigkeit / Nationality", "DEUTSCH"),
                         ("Gültig bis / Date of expiry", "30.09.2029")]:
        c.text(33, y, label, "sans", 5.5, "#3c4a3c")
        c.text(33, y + 3.8, value, "sans-bold", 8)
        y += 8
    c.text(80, 17, "Nr. / No.", "sans", 5.5, "#3c4a3c")
    c.text(80, 20.8, v["number"], "sans-bold", 8)
    c.rect(0, 74 - 16, 105, 16, "#fafcfa")
    c.mrz(v["mrz"], TD2_X, TD2_BASELINES)
    return c.render(path)


def plant_td2(file):
    v = td2_values()
    plant(file, "page 1", "person_name", v["surname"])
    plant(file, "page 1", "person_name", " ".join(v["given"]))
    plant(file, "page 1", "date_of_birth", v["dob_printed"])
    plant(file, "MRZ", "id_document", "\\n".join(v["mrz"]))


# ---- the decoy manual page ----------------------------------------------------------------
def decoy_zones():
    """ICAO's examples, each with one check digit wrong; where that digit is
    one the composite covers, the composite is made again so that only the
    one digit is off."""
    a = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
         "L898902C37UTO7408122F1204159ZE184226B<<<<<1"]         # document number: 6 -> 7
    a[1] += check_digit(a[1][0:10] + a[1][13:20] + a[1][21:43])
    b = ["I<UTOD231458907<<<<<<<<<<<<<<<",
         "7408125F1204159UTO<<<<<<<<<<<",                     # date of birth: 2 -> 5
         "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
    b[1] += check_digit(b[0][5:30] + b[1][0:7] + b[1][8:15] + b[1][18:29])
    c = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
         "D231458907UTO7408122F1204159<<<<<<<3"]              # composite: 6 -> 3
    zones = [("document number", a), ("date of birth", b), ("composite", c)]
    for what, zone in zones:
        errs = mrz_errors(zone)
        assert len(errs) == 1 and errs[0].startswith(what), errs
    return zones


DECOY_ZONES_MM = (78, 160)   # where the decoy page's zones are (from, to)


def decoy_page(path):
    c = Canvas(210, 297, 300)
    c.text(25, 25, "Handleiding MRZ-lezer DocuScan", "sans-bold", 16)
    c.text(25, 32, "versie 1.2.3.4, build 2024.11.0457", "sans", 10)
    y = 48
    for line in ["Hoofdstuk 4: testen van de lezer",
                 "",
                 "Houd de testkaart onder de lezer. De voorbeelden hieronder zijn",
                 "bewust fout: bij elk voorbeeld klopt een controlecijfer niet, zodat",
                 "u kunt zien dat de lezer de regel afkeurt (melding E-204)."]:
        c.text(25, y, line, "sans-bold" if line.startswith("Hoofdstuk") else "sans", 11)
        y += 6.5
    y += 4
    for what, zone in decoy_zones():
        dutch = {"document number": "documentnummer", "date of birth": "geboortedatum",
                 "composite": "eindcontrole"}[what]
        c.text(25, y, f"Voorbeeld: fout controlecijfer ({dutch})", "sans", 10)
        y += 8
        for line in zone:
            c.text(25, y, line, "ocrb", OCRB_PT)
            y += 5.5
        y += 6
    for line in ["Zie ook paragraaf 4.2.1 en tabel 7 (pagina 14). Firmware 3.10.2",
                 "of nieuwer is nodig; controleer dit onder Instellingen > Info."]:
        c.text(25, y, line, "sans", 11)
        y += 6.5
    c.text(100, 285, "pagina 12", "sans", 9)
    return c.render(path)


def plant_decoys(file):
    for what, zone in decoy_zones():
        decoy(file, "MRZ " + "\\n".join(zone),
              f"ICAO's specimen with a wrong {what} check digit: no valid zone")
    decoy(file, "versie 1.2.3.4; firmware 3.10.2; build 2024.11.0457",
          "version numbers (1.2.3.4 is no IP address here)")
    decoy(file, "pagina 12; paragraaf 4.2.1; tabel 7; E-204", "page, section and message numbers")


# ---- PDFs ----------------------------------------------------------------------------------
def tiff_read(path):
    """The pages of a TIFF: [(tags {tag: values}, [strip bytes])]."""
    with open(path, "rb") as f:
        data = f.read()
    e = "<" if data[:2] == b"II" else ">"
    assert data[2:4] == (b"*\0" if e == "<" else b"\0*"), path
    sizes = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}
    codes = {1: "B", 2: "B", 3: "H", 4: "I", 5: "II", 6: "b", 7: "B", 8: "h", 9: "i",
             10: "ii", 11: "f", 12: "d"}
    pages = []
    off = struct.unpack_from(e + "I", data, 4)[0]
    while off:
        n = struct.unpack_from(e + "H", data, off)[0]
        tags = {}
        for k in range(n):
            tag, typ, count, val = struct.unpack_from(e + "HHI4s", data, off + 2 + 12 * k)
            size = sizes[typ] * count
            raw = val[:size] if size <= 4 else \
                data[struct.unpack(e + "I", val)[0]:struct.unpack(e + "I", val)[0] + size]
            if typ == 2:
                tags[tag] = (typ, raw)
            else:
                vals = struct.unpack(e + codes[typ] * count, raw)
                tags[tag] = (typ, vals)
        strips = [data[o:o + c] for o, c in zip(tags[273][1], tags[279][1])]
        pages.append((tags, strips))
        off = struct.unpack_from(e + "I", data, off + 2 + 12 * n)[0]
    return pages


def single_strip_tiff(src, compress, extra=()):
    """src made into a one-page, one-strip TIFF by ImageMagick; its tags and strip."""
    out = tmp(os.path.basename(src) + "." + compress + ".tif")
    w, h = [int(x) for x in run_im(["identify", "-format", "%w %h", src]).stdout.split()]
    run_im(["convert", src, "+repage", *extra, "-compress", compress, "-define",
            f"tiff:rows-per-strip={h}", "-define", "tiff:fill-order=msb", out])
    pages = tiff_read(out)
    assert len(pages) == 1 and len(pages[0][1]) == 1, out
    return pages[0]


def write_pdf(path, pages, info):
    """An image-only PDF: pages = [(w_pt, h_pt, image dict entries, stream)],
    each page one image filling it. No text, no fonts."""
    objs = []

    def add(body):
        objs.append(body)
        return len(objs)
    catalog = add(None)
    tree = add(None)
    kids = []
    for k, (w_pt, h_pt, entries, stream) in enumerate(pages):
        img = add(b"<< /Type /XObject /Subtype /Image " + entries.encode() +
                  b" /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = f"q {w_pt:.2f} 0 0 {h_pt:.2f} 0 0 cm /Im{k} Do Q".encode()
        cont = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {w_pt:.2f} "
                        f"{h_pt:.2f}] /Resources << /XObject << /Im{k} {img} 0 R >> >> "
                        f"/Contents {cont} 0 R >>".encode()))
    objs[catalog - 1] = f"<< /Type /Catalog /Pages {tree} 0 R >>".encode()
    objs[tree - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                      f"/Count {len(kids)} >>").encode()
    inf = add(("<< " + " ".join(f"/{k} ({v})" for k, v in info.items()) + " >>").encode())
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, catalog, inf, xref))
    with open(path, "wb") as f:
        f.write(out)


def g4_page(src, dpi):
    tags, strips = single_strip_tiff(src, "Group4")
    w, h = tags[256][1][0], tags[257][1][0]
    black_is_1 = "true" if tags[262][1][0] == 1 else "false"
    entries = (f"/Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 1 "
               f"/Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns {w} /Rows {h} "
               f"/BlackIs1 {black_is_1} >>")
    return (w * 72 / dpi, h * 72 / dpi, entries, strips[0])


def jpeg_page(jpg, dpi):
    w, h = [int(x) for x in run_im(["identify", "-format", "%w %h", jpg]).stdout.split()]
    with open(jpg, "rb") as f:
        data = f.read()
    cs = run_im(["identify", "-format", "%[colorspace]", jpg]).stdout.decode()
    space = "/DeviceGray" if cs == "Gray" else "/DeviceRGB"
    return (w * 72 / dpi, h * 72 / dpi,
            f"/Width {w} /Height {h} /ColorSpace {space} /BitsPerComponent 8 "
            "/Filter /DCTDecode", data)


def card_on_a4(path, fmt_extra=()):
    """The identity card as a flatbed scanner gives it: an A4 page, the card
    near the top left corner, turned a little."""
    run_im(["convert", "-size", "2480x3508", "xc:white", "(", tmp("id-kaart-clean.png"),
            "-background", "white", "-rotate", "-0.6", ")", "-geometry", "+210+240",
            "-composite", "-colorspace", "Gray", *fmt_extra, "-units", "PixelsPerInch",
            "-density", "300", *PNG_CLEAN, path])
    return path


def make_scan_pdf():
    card_on_a4(tmp("kaart-a4.jpg"), ["-strip", "-quality", "75"])
    write_pdf(f"{OUT}/scan.pdf",
              [g4_page(f"{OUT}/scan-brief.png", 300), jpeg_page(tmp("kaart-a4.jpg"), 300)],
              {"Producer": "scripts/make-image-fixtures.py", "Title": "Scan"})
    plant_letter("scan.pdf", "page 1")
    plant_card("scan.pdf", "page 2")


def soffice(*args):
    cmd = ["soffice", f"-env:UserInstallation=file://{PROFILE}", "--headless",
           "--norestore", *args]
    return subprocess.run(cmd, check=True, capture_output=True, timeout=300)


def xml(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


MIXED = {"name": "Sander Hendriks", "email": "sander.hendriks92@outlook.com"}


def make_mixed_pdf():
    with open(f"{OUT}/paspoort.png", "rb") as f:
        png = base64.b64encode(f.read()).decode()
    paras = ["Aan: Verhuurkantoor Het Baken", "Zwolle, 2 februari 2022", "",
             "Betreft: kopie identiteitsbewijs bij de huuraanvraag", "",
             "Beste mevrouw, meneer,",
             "Zoals gevraagd stuur ik hierbij een kopie van mijn paspoort mee (volgende "
             "pagina). U kunt mij bereiken via " + MIXED["email"] + ".", "",
             "Met vriendelijke groet,", MIXED["name"]]
    body = "".join(f"<text:p>{xml(p)}</text:p>" for p in paras)
    body += ('<text:p text:style-name="PBreak"><draw:frame draw:name="paspoort" '
             'text:anchor-type="as-char" svg:width="12.5cm" svg:height="8.8cm">'
             f'<draw:image><office:binary-data>{png}</office:binary-data></draw:image>'
             '</draw:frame></text:p>')
    fodt = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
            'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
            'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
            'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">'
            '<office:meta><dc:title>Huuraanvraag</dc:title></office:meta>'
            '<office:automatic-styles><style:style style:name="PBreak" style:family="paragraph">'
            '<style:paragraph-properties fo:break-before="page"/></style:style>'
            '</office:automatic-styles>'
            f'<office:body><office:text>{body}</office:text></office:body></office:document>')
    src = tmp("mixed.fodt")
    with open(src, "w", encoding="utf-8") as f:
        f.write(fodt)
    soffice("--convert-to", "pdf:writer_pdf_Export", "--outdir", TMP, src)
    with open(tmp("mixed.pdf"), "rb") as f:
        pdf = f.read()
    # LibreOffice stamps the time and a random /ID: both made fixed, at the
    # same length (the cross-reference offsets stay right)
    pdf, n = re.subn(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20220202101500", pdf)
    assert n == 1, "mixed.pdf: no /CreationDate"
    pdf, n = re.subn(rb"/ID\s*\[\s*<[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>",
                     lambda m: re.sub(rb"<[0-9A-Fa-f]{32}>", b"<" + b"50494953" * 4 + b">",
                                      m.group(0)), pdf)
    assert n == 1, "mixed.pdf: no /ID"
    pdf = re.sub(rb"/DocChecksum /[0-9A-Fa-f]{32}", b"/DocChecksum /" + b"0" * 32, pdf)
    with open(f"{OUT}/mixed.pdf", "wb") as f:
        f.write(pdf)
    plant("mixed.pdf", "page 1", "email", MIXED["email"])
    plant("mixed.pdf", "page 1", "person_name", MIXED["name"])
    plant_passport("mixed.pdf", "page 2")


# ---- TIFF ----------------------------------------------------------------------------------
def write_tiff(path, pages):
    """A little-endian multi-page TIFF: pages = [[(tag, type, values)], strip bytes].
    StripOffsets (273) and StripByteCounts (279) are filled in here."""
    fmt = {3: "H", 4: "I", 5: "II"}
    out = bytearray(b"II*\0\0\0\0\0")
    prev_link = 4
    for entries, strip in pages:
        if len(out) % 2:
            out += b"\0"
        strip_at = len(out)
        out += strip
        if len(out) % 2:
            out += b"\0"
        ents = [(t, ty, v) for t, ty, v in entries if t not in (273, 279)]
        ents += [(273, 4, (strip_at,)), (279, 4, (len(strip),))]
        ents.sort()
        ifd = len(out)
        struct.pack_into("<I", out, prev_link, ifd)
        extra_at = ifd + 2 + 12 * len(ents) + 4
        body = bytearray(struct.pack("<H", len(ents)))
        extra = bytearray()
        for tag, typ, vals in ents:
            if typ == 2:
                raw = vals
                count = len(vals)
            else:
                raw = struct.pack("<" + fmt[typ] * len(vals), *[x for v in vals for x in
                                                                  (v if isinstance(v, tuple)
                                                                   else (v,))])
                count = len(vals)
            if len(raw) <= 4:
                body += struct.pack("<HHI", tag, typ, count) + raw.ljust(4, b"\0")
            else:
                body += struct.pack("<HHII", tag, typ, count, extra_at + len(extra))
                extra += raw
                if len(extra) % 2:
                    extra += b"\0"
        body += b"\0\0\0\0"
        prev_link = ifd + 2 + 12 * len(ents)
        out += body + extra
    with open(path, "wb") as f:
        f.write(out)


def tiff_entries(tags, page, count):
    keep = [256, 257, 258, 259, 262, 266, 277, 278, 284, 296, 282, 283, 317, 339]
    ents = []
    for t in keep:
        if t in tags:
            typ, vals = tags[t]
            if t == 278:
                vals = (tags[257][1][0],)
            ents.append((t, typ, tuple(vals) if typ != 5 else
                         tuple((vals[i], vals[i + 1]) for i in range(0, len(vals), 2))))
    ents.append((254, 4, (2,)))                       # NewSubfileType: a page of many
    ents.append((297, 3, (page, count)))              # PageNumber
    return ents


def make_tiff():
    card_on_a4(tmp("kaart-a4.png"))
    run_im(["convert", "-size", "2480x3508", "xc:white", "-seed", "3", "-attenuate", "0.5",
            "+noise", "Gaussian", "-colorspace", "Gray", "-threshold", "62%", "-type", "bilevel",
            *PNG_CLEAN, tmp("blank.png")])
    pages = [single_strip_tiff(f"{OUT}/scan-brief.png", "Group4"),
             single_strip_tiff(tmp("kaart-a4.png"), "LZW", ["-type", "Grayscale", "-depth", "8"]),
             single_strip_tiff(tmp("blank.png"), "Group4")]
    write_tiff(f"{OUT}/stapel.tif",
               [(tiff_entries(tags, k, 3), strips[0]) for k, (tags, strips) in enumerate(pages)])
    plant_letter("stapel.tif", "page 1")
    plant_card("stapel.tif", "page 2")


# ---- photos and metadata -------------------------------------------------------------------
PHOTO = {
    "lat": 52.349012, "lon": 5.620145,           # Harderwijk, the boulevard
    "artist": "Ruben Kooistra", "xpauthor": "Lieke Veenstra",
    "owner": "Ruben Kooistra", "serial": "4021557863", "body_serial": "093021004187",
    "taken": "2019:07:14 15:22:03",
    "xmp_creator": "Jorien Wassenaar", "xmp_lat": "52,22.1234N", "xmp_lon": "4,53.5678E",
}


def dm_to_decimal(s):
    deg, rest = s[:-1].split(",")
    v = int(deg) + float(rest) / 60
    return -v if s[-1] in "SW" else v


def photo(path, w, h, seed, quality=80):
    run_im(["convert", "-seed", str(seed), "-size", f"{w}x{h}", "plasma:#7fa9d8-#3e7a3a",
            "-blur", "0x3", "(", "-size", f"{w}x{h}", "gradient:#dbe8f7-#3a6e2f", ")",
            "-compose", "softlight", "-composite", "-strip", "-interlace", "none",
            "-sampling-factor", "2x2", "-quality", str(quality), path])
    return path


def exiftool(*args):
    r = subprocess.run(["exiftool", "-overwrite_original", *args], capture_output=True,
                       timeout=120)
    if r.returncode != 0 or b"Warning" in r.stderr or b"Warning" in r.stdout:
        sys.exit("make-image-fixtures: exiftool: " + r.stderr.decode("utf-8", "replace"))


def make_photos():
    p = PHOTO
    f = f"{OUT}/vakantie.jpg"
    photo(f, 800, 600, 14)
    exiftool("-EXIF:Make=Canon", "-EXIF:Model=Canon EOS 80D",
             f"-EXIF:DateTimeOriginal={p['taken']}", f"-EXIF:CreateDate={p['taken']}",
             f"-EXIF:Artist={p['artist']}", f"-EXIF:Copyright=(c) {p['artist']}",
             f"-EXIF:XPAuthor={p['xpauthor']}", f"-EXIF:SerialNumber={p['body_serial']}",
             f"-EXIF:CameraSerialNumber={p['serial']}", f"-EXIF:OwnerName={p['owner']}",
             f"-GPSLatitude={p['lat']}", "-GPSLatitudeRef=N", f"-GPSLongitude={p['lon']}",
             "-GPSLongitudeRef=E", "-GPSAltitude=2", "-GPSAltitudeRef=0", f)
    gps = f"{p['lat']:.6f},{p['lon']:.6f}"
    plant("vakantie.jpg", "EXIF GPSLatitude/GPSLongitude", "gps_location", gps)
    plant("vakantie.jpg", "EXIF Artist", "person_name", p["artist"])
    plant("vakantie.jpg", "EXIF Copyright", "person_name", p["artist"])
    plant("vakantie.jpg", "EXIF XPAuthor", "person_name", p["xpauthor"])
    plant("vakantie.jpg", "EXIF OwnerName", "person_name", p["owner"])
    # 0xa431 is BodySerialNumber in EXIF 2.3 (exiftool: SerialNumber, ExifIFD);
    # 0xc62f is DNG's CameraSerialNumber (IFD0)
    plant("vakantie.jpg", "EXIF BodySerialNumber", "camera_serial", p["body_serial"])
    plant("vakantie.jpg", "EXIF CameraSerialNumber", "camera_serial", p["serial"])
    decoy("vakantie.jpg", f"EXIF DateTimeOriginal {p['taken']}",
          "when the photo was taken, no date of birth")
    decoy("vakantie.jpg", "EXIF Make Canon, Model Canon EOS 80D", "a camera model")

    f = f"{OUT}/vakantie-xmp.jpg"
    photo(f, 800, 600, 15)
    exiftool(f"-XMP-dc:Creator={p['xmp_creator']}",
             f"-XMP-exif:GPSLatitude={p['xmp_lat']}", f"-XMP-exif:GPSLongitude={p['xmp_lon']}",
             "-XMP-dc:Title=Grachten", f)
    plant("vakantie-xmp.jpg", "XMP dc:creator", "person_name", p["xmp_creator"])
    plant("vakantie-xmp.jpg", "XMP exif:GPSLatitude/GPSLongitude", "gps_location",
          f"{dm_to_decimal(p['xmp_lat']):.6f},{dm_to_decimal(p['xmp_lon']):.6f}")

    photo(f"{OUT}/foto-zonder-tekst.jpg", 2000, 1500, 16, quality=70)
    decoy("foto-zonder-tekst.jpg", "2000 x 1500 photo, no text, no metadata",
          "nothing to find; OCR's \"auto\" policy should skip it")


# ---- hostile --------------------------------------------------------------------------------
HOSTILE_NOTES = {}


def exif_loop_app1():
    """An APP1 Exif segment whose IFD0 links to itself twice: its next-IFD
    offset is its own offset, and its ExifIFD (0x8769) and GPS (0x8825)
    pointers point at IFD0 too. Big-endian ("MM")."""
    tiff = bytearray(b"MM\0*" + struct.pack(">I", 8))
    entries = [(0x010F, 2, 5, b"Loop\0"),             # Make, at an offset (over 4 bytes)
               (0x8769, 4, 1, struct.pack(">I", 8)),  # ExifIFD -> IFD0
               (0x8825, 4, 1, struct.pack(">I", 8))]  # GPS IFD -> IFD0
    ifd_len = 2 + 12 * len(entries) + 4
    data_at = 8 + ifd_len
    tiff += struct.pack(">H", len(entries))
    extra = b""
    for tag, typ, count, raw in entries:
        if len(raw) <= 4:
            tiff += struct.pack(">HHI", tag, typ, count) + raw.ljust(4, b"\0")
        else:
            tiff += struct.pack(">HHII", tag, typ, count, data_at + len(extra))
            extra += raw
    tiff += struct.pack(">I", 8)                       # next IFD -> IFD0
    tiff += extra
    body = b"Exif\0\0" + bytes(tiff)
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def make_hostile():
    os.makedirs(HOST, exist_ok=True)
    base = photo(tmp("klein.jpg"), 64, 48, 21, quality=85)
    with open(base, "rb") as f:
        jpg = f.read()
    assert jpg[:2] == b"\xff\xd8"
    with open(f"{HOST}/exif-loop.jpg", "wb") as f:
        f.write(jpg[:2] + exif_loop_app1() + jpg[2:])
    HOSTILE_NOTES["exif-loop.jpg"] = (
        "a 64 x 48 JPEG with an APP1 Exif segment written by hand: IFD0 (at offset 8) has "
        "Make, an ExifIFD pointer (0x8769) and a GPS pointer (0x8825) that both point at "
        "offset 8, IFD0 itself, and its next-IFD offset is 8 too. A reader that follows "
        "links without remembering where it has been never ends. The image itself is whole.")
    full = photo(tmp("half.jpg"), 640, 480, 22, quality=85)
    with open(full, "rb") as f:
        data = f.read()
    with open(f"{HOST}/truncated.jpg", "wb") as f:
        f.write(data[:len(data) // 2])
    HOSTILE_NOTES["truncated.jpg"] = (
        f"a 640 x 480 JPEG (baseline, no metadata) cut after {len(data) // 2} of its "
        f"{len(data)} bytes: the scan data stops in the middle, there is no EOI.")
    r = random.Random(1617)
    junk = bytes(r.randrange(256) for _ in range(4000))
    with open(f"{HOST}/not-really.png", "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + junk)
    HOSTILE_NOTES["not-really.png"] = (
        "the 8-byte PNG signature followed by 4000 random bytes (seeded): no IHDR, the first "
        "'chunk' has a nonsense length and type.")
    with open(f"{HOST}/README", "w", encoding="utf-8") as f:
        f.write("Hostile image files (issue 16), written by scripts/make-image-fixtures.py.\n"
                "Each must give its Errors row (or be skipped) and the scan must go on.\n"
                "Larger ones (bomb.png, pages-10000.tif) are not committed: "
                "`scripts/make-image-fixtures.py --big DIR` writes them.\n\n")
        for name in sorted(HOSTILE_NOTES):
            f.write(f"{name}\n    {HOSTILE_NOTES[name]}\n")


# ---- big files (not committed) ------------------------------------------------------------
def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + \
        struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def write_bomb(path, side=30000, value=0xFF):
    """A side x side 8-bit grey PNG of one colour, compressed row by row:
    under 1 MB on disk, side * side bytes (900 MB) when decoded."""
    comp = zlib.compressobj(9)
    row = b"\0" + bytes([value]) * side
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(png_chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)))
        f.write(png_chunk(b"pHYs", struct.pack(">IIB", 11811, 11811, 1)))   # 300 dpi
        pending = bytearray()
        block = row * 64
        done = 0
        while done < side:
            n = min(64, side - done)
            pending += comp.compress(block if n == 64 else row * n)
            done += n
            if len(pending) >= 1 << 16:
                f.write(png_chunk(b"IDAT", bytes(pending)))
                pending.clear()
        pending += comp.flush()
        f.write(png_chunk(b"IDAT", bytes(pending)))
        f.write(png_chunk(b"IEND", b""))


def write_many_pages(path, count=10000):
    """A TIFF of count pages, each 8 x 8, 1 bit, uncompressed: count IFDs
    chained one after the other."""
    pages = []
    for k in range(count):
        strip = bytes([0xFF if (r + k) % 8 else 0x81 for r in range(8)])
        pages.append(([(254, 4, (2,)), (256, 3, (8,)), (257, 3, (8,)), (258, 3, (1,)),
                       (259, 3, (1,)), (262, 3, (0,)), (277, 3, (1,)), (278, 3, (8,)),
                       (297, 3, (k, count))], strip))
    write_tiff(path, pages)


def make_big(dest):
    os.makedirs(dest, exist_ok=True)
    bomb = os.path.join(dest, "bomb.png")
    many = os.path.join(dest, "pages-10000.tif")
    write_bomb(bomb)
    write_many_pages(many)
    with open(bomb, "rb") as f:
        head = f.read(33)
    w, h = struct.unpack(">II", head[16:24])
    ok(f"{bomb}: PNG {w} x {h}, {os.path.getsize(bomb)} bytes",
       (w, h) == (30000, 30000) and os.path.getsize(bomb) < 2_000_000)
    d = zlib.decompressobj()
    n = 0
    with open(bomb, "rb") as f:
        f.seek(8)
        while True:
            hdr = f.read(8)
            if len(hdr) < 8:
                break
            ln, kind = struct.unpack(">I4s", hdr)
            data = f.read(ln)
            f.read(4)
            if kind == b"IDAT":
                while data:                       # 4 MB at a time
                    n += len(d.decompress(data, 1 << 22))
                    data = d.unconsumed_tail
    ok(f"{bomb}: decodes to {n} bytes (30000 rows of 1 + 30000)", n == 30000 * 30001)
    pages = tiff_read(many)
    ok(f"{many}: {len(pages)} pages, {os.path.getsize(many)} bytes",
       len(pages) == 10000 and os.path.getsize(many) < 3_000_000)
    rc, out, err = run(["identify", many])
    ok(f"{many}: ImageMagick (libtiff) reads {len(out.splitlines())} pages",
       rc == 0 and len(out.splitlines()) == 10000, err[:300])


# ---- independent checks --------------------------------------------------------------------
from checklib import RESULTS, info, ok, run  # noqa: E402


def read_tsv(path, header):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    assert lines[0] == header, f"{path}: header {lines[0]!r}"
    return [tuple(line.split("\t")) for line in lines[1:] if line.strip()]


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


WHITELIST = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"

# where each zone is: the image's lower part from a fraction of its height
# down, or a box (x, y, w, h) on an A4 page at 300 dpi
MRZ_AT = {("id-kaart.png", "MRZ"): 0.64,
          ("paspoort.png", "MRZ"): 0.76,
          ("paspoort-200.jpg", "MRZ"): 0.74,
          ("td2-document.png", "MRZ"): 0.76,
          ("mixed.pdf", "page 2 MRZ"): 0.76,
          ("scan.pdf", "page 2 MRZ"): (190, 640, 1060, 270),
          ("stapel.tif", "page 2 MRZ"): (190, 640, 1060, 270)}


def ocr(path, *args):
    rc, out, err = run(["tesseract", path, "-", *args])
    if rc != 0:
        info(f"tesseract {path}: exit {rc}: {err.strip()[:300]}")
    return out


def mrz_reread(path, at):
    """The zone cut out (the lower part of the image from `at` of its height
    down, or the box `at` = (x, y, w, h)), grey, straightened (-deskew), a
    white border, read again with only the MRZ characters allowed; the
    lines of 20 characters or more, spaces taken out."""
    crop = tmp("mrz-" + os.path.basename(path) + ".png")
    if isinstance(at, tuple):
        x, y, w, h = at
        cut = ["-crop", f"{w}x{h}+{x}+{y}"]
    else:
        cut = ["-gravity", "South", "-crop", f"100%x{round((1 - at) * 100)}%+0+0"]
    run_im(["convert", path, *cut, "+repage", "-colorspace", "Gray", "-deskew", "40%",
            "+repage", "-bordercolor", "white", "-border", "20", crop])
    out = ocr(crop, "-l", "eng", "--psm", "6", "-c", "tessedit_char_whitelist=" + WHITELIST)
    got = [re.sub(r"\s", "", x) for x in out.split("\n")]
    return [x for x in got if len(x) >= 20]


def check_values(planted):
    bad = []
    for file, where, kind, value in planted:
        if kind == "nl_bsn" and not elfproef(value.replace(".", "")):
            bad.append(value)
        if kind == "iban" and mod97(value.replace(" ", "")[4:] + value.replace(" ", "")[:4]) != 1:
            bad.append(value)
        if kind == "id_document" and mrz_errors(value.split("\\n")):
            bad.append(value + ": " + "; ".join(mrz_errors(value.split("\\n"))))
    ok(f"planted.tsv: {len(planted)} values; BSNs, IBANs and MRZ check digits are valid",
       not bad, "\n".join(bad))
    decoys = read_tsv(DECOYS, DECOY_HEADER)
    for file, what, why in decoys:
        if what.startswith("MRZ "):
            zone = what[4:].split("\\n")
            errs = mrz_errors(zone)
            ok(f"decoys.tsv {file}: {zone[1][:20]}... fails exactly one check digit "
               f"({'; '.join(e.split(':')[0] for e in errs)})", len(errs) == 1, repr(errs))


def page_images(planted):
    """{(file, page): image path}: each image, the PDFs' page images taken out
    by pdfimages (no rendering: a page is its image), the TIFF's pages."""
    pages = {}
    for file in sorted({p[0] for p in planted} | {"decoy-handleiding.png",
                                                   "foto-zonder-tekst.jpg"}):
        path = f"{OUT}/{file}"
        if file.endswith(".pdf"):
            d = tempfile.mkdtemp(dir=TMP)
            rc, listing, _ = run(["pdfimages", "-list", path])
            kinds = [x.split()[2] for x in listing.split("\n")[2:] if x.strip()]
            run(["pdfimages", "-png", "-p", path, os.path.join(d, "img")])
            for k, name in enumerate(sorted(os.listdir(d))):
                if k < len(kinds) and kinds[k] != "image":
                    continue                              # a soft mask
                pages.setdefault((file, "page %d" % int(name.split("-")[1])),
                                 os.path.join(d, name))
        elif file.endswith(".tif"):
            n = len(tiff_read(path))
            for k in range(n):
                out = tmp(f"{file}-{k + 1}.png")
                run_im(["convert", f"{path}[{k}]", out])
                pages[(file, f"page {k + 1}")] = out
        else:
            pages[(file, "page 1")] = path
    return pages


def check_ocr(planted):
    pages = page_images(planted)
    texts = {key: ocr(path, "-l", "nld+eng") for key, path in pages.items()}
    total, found = 0, 0
    per_file = {}
    for file, where, kind, value in planted:
        if kind in ("id_document", "gps_location", "camera_serial") or \
                where.startswith(("EXIF", "XMP")) or (file == "mixed.pdf" and where == "page 1"):
            continue
        text = squash(texts.get((file, where), ""))
        hit = squash(value) in text
        total += 1
        found += hit
        f = per_file.setdefault(file, [0, 0])
        f[0] += hit
        f[1] += 1
        info(f"{'read' if hit else 'MISSED'}: {file} {where} {kind} {value}")
    for file, (h, n) in sorted(per_file.items()):
        info(f"tesseract -l nld+eng reads back {h}/{n} of {file}")
    rate = found / total if total else 0
    ok(f"tesseract reads back {found}/{total} planted printed values ({rate:.0%}, "
       "90% wanted)", rate >= 0.9)
    for file in ("foto-zonder-tekst.jpg", "vakantie.jpg", "vakantie-xmp.jpg"):
        t = squash(texts.get((file, "page 1"), ""))
        ok(f"{file}: tesseract finds no words ({len(t)} characters: {t[:40]!r})",
           len(re.findall(r"[A-Za-z]{4,}", t)) == 0)
    t = squash(texts[("decoy-handleiding.png", "page 1")])
    ok("decoy-handleiding.png: tesseract reads 'versie 1.2.3.4' and 'pagina 12'",
       "1.2.3.4" in t and "pagina 12" in t, t[:300])
    # the zones, read again from their band with the whitelist
    zones = 0
    for file, where, kind, value in planted:
        if kind != "id_document":
            continue
        lines = value.split("\\n")
        at = MRZ_AT[(file, where)]
        page = where[:-len(" MRZ")] if where.endswith(" MRZ") else "page 1"
        got = mrz_reread(pages[(file, page)], at)
        zones += got == lines
        ok(f"{file} {where}: tesseract --psm 6 with the MRZ whitelist reads the "
           f"{len(lines)} lines exactly", got == lines,
           "want:\n" + "\n".join(lines) + "\ngot:\n" + "\n".join(got))
        if got != lines:
            info(f"{file} {where} as read: {'; '.join(mrz_errors(got)) or 'check digits agree'}")
        plain = squash(texts.get((file, page), "")).replace(" ", "")
        info(f"{file} {where}: {sum(x in plain for x in lines)} of {len(lines)} lines also in "
             "the plain nld+eng reading (no whitelist)")
    top, bottom = [round(mm / 25.4 * 300) for mm in DECOY_ZONES_MM]
    got = mrz_reread(f"{OUT}/decoy-handleiding.png", (0, top, 2480, bottom - top))
    info("decoy-handleiding.png zones as read: " + " | ".join(got))
    valid = [got[i:i + n] for n in (2, 3) for i in range(len(got) - n + 1)
             if len({len(x) for x in got[i:i + n]}) == 1 and not mrz_errors(got[i:i + n])]
    ok("decoy-handleiding.png: no valid zone in what tesseract reads", not valid, repr(valid))
    exact = sum(all(x in got for x in zone) for _, zone in decoy_zones())
    info(f"decoy-handleiding.png: {exact} of 3 zones read exactly")


def check_exif(planted):
    p = PHOTO
    rc, out, err = run(["exiftool", "-n", "-s", "-s", "-s", "-GPSLatitude", "-GPSLongitude",
                        "-GPSLatitudeRef", "-GPSLongitudeRef", "-Artist", "-Copyright",
                        "-XPAuthor", "-SerialNumber", "-CameraSerialNumber", "-OwnerName",
                        "-DateTimeOriginal", f"{OUT}/vakantie.jpg"])
    got = out.split("\n")
    want = [None, None, "N", "E", p["artist"], f"(c) {p['artist']}", p["xpauthor"],
            p["body_serial"], p["serial"], p["owner"], p["taken"]]
    good = len(got) >= 11 and abs(float(got[0]) - p["lat"]) < 1e-6 and \
        abs(float(got[1]) - p["lon"]) < 1e-6 and got[2:11] == want[2:]
    ok("vakantie.jpg: exiftool reads GPS (N/E), Artist, Copyright, XPAuthor, SerialNumber "
       "(0xa431), CameraSerialNumber, OwnerName, DateTimeOriginal back", good, out + err)
    rc, out, err = run(["exiftool", "-a", "-G1", "-s", f"{OUT}/vakantie.jpg"])
    groups = sorted({line.split("]")[0][1:] for line in out.split("\n") if line.startswith("[")})
    info(f"vakantie.jpg groups: {', '.join(groups)}")
    for tag in ("Artist", "XPAuthor", "SerialNumber", "CameraSerialNumber", "OwnerName",
                "GPSLatitude"):
        line = [x for x in out.split("\n") if re.search(rf"\]\s+{tag}\s*:", x)]
        info(f"vakantie.jpg {tag}: {line[0].split()[0] if line else 'missing'}")
    rc, out, err = run(["exiftool", "-a", "-G1", "-s", f"{OUT}/vakantie-xmp.jpg"])
    has_exif = any(line.startswith(("[IFD0]", "[ExifIFD]", "[GPS]")) for line in out.split("\n"))
    rc2, xmp, _ = run(["exiftool", "-b", "-XMP", f"{OUT}/vakantie-xmp.jpg"])
    good = (p["xmp_creator"] in xmp and f"<exif:GPSLatitude>{p['xmp_lat']}</exif:GPSLatitude>"
            in xmp and f"<exif:GPSLongitude>{p['xmp_lon']}</exif:GPSLongitude>" in xmp)
    ok("vakantie-xmp.jpg: XMP holds dc:creator and exif:GPSLatitude/GPSLongitude in XMP "
       f"form ({p['xmp_lat']}), no EXIF", good and not has_exif, xmp[:2000] + out)
    rc, out, err = run(["exiftool", "-a", "-G1", "-s", f"{OUT}/foto-zonder-tekst.jpg"])
    meta = [x for x in out.split("\n") if x.startswith(("[IFD", "[ExifIFD", "[GPS", "[XMP",
                                                        "[IPTC", "[ICC", "[Photoshop"))]
    ok("foto-zonder-tekst.jpg: no EXIF, XMP, IPTC or ICC", not meta, "\n".join(meta))


def check_pdfs():
    rc, out, err = run(["pdftotext", f"{OUT}/scan.pdf", "-"])
    ok(f"scan.pdf: pdftotext gives no visible characters ({len(out.strip())})",
       rc == 0 and not out.strip(), err)
    rc, out, err = run(["pdfimages", "-list", f"{OUT}/scan.pdf"])
    rows = [x.split() for x in out.split("\n")[2:] if x.strip()]
    info("scan.pdf images: " + "; ".join(f"page {r[0]} {r[3]}x{r[4]} {r[5]} {r[8]}"
                                         for r in rows))
    ok("scan.pdf: 2 pages, one image each (CCITT, JPEG)",
       [(r[0], r[8]) for r in rows] == [("1", "ccitt"), ("2", "jpeg")], out)
    rc, out, err = run(["pdfinfo", f"{OUT}/scan.pdf"])
    ok("scan.pdf: pdfinfo reads it, 2 pages, A4", "Pages:           2" in out and
       "(A4)" in out, out + err)
    rc, p1, _ = run(["pdftotext", "-f", "1", "-l", "1", f"{OUT}/mixed.pdf", "-"])
    rc, p2, _ = run(["pdftotext", "-f", "2", "-l", "2", f"{OUT}/mixed.pdf", "-"])
    ok("mixed.pdf: page 1 has a text layer with the e-mail address, page 2 none",
       MIXED["email"] in p1 and MIXED["name"] in p1 and not p2.strip(), p1 + "|" + p2)
    rc, out, err = run(["pdfimages", "-list", f"{OUT}/mixed.pdf"])
    rows = [x.split() for x in out.split("\n")[2:] if x.strip()]
    info("mixed.pdf images: " + "; ".join(f"page {r[0]} {r[3]}x{r[4]} {r[5]} {r[8]}"
                                          for r in rows))
    ok("mixed.pdf: one image, on page 2", [r[0] for r in rows if r[2] == "image"] == ["2"], out)


def check_tiff():
    pages = tiff_read(f"{OUT}/stapel.tif")
    desc = [(t[256][1][0], t[257][1][0], {1: "none", 4: "G4", 5: "LZW"}[t[259][1][0]],
             t[258][1][0]) for t, _ in pages]
    info(f"stapel.tif pages: {desc}")
    ok("stapel.tif: 3 pages, G4 1 bit, LZW 8 bits grey, G4 1 bit",
       [d[2:] for d in desc] == [("G4", 1), ("LZW", 8), ("G4", 1)])
    rc, out, err = run(["identify", f"{OUT}/stapel.tif"])
    ok("stapel.tif: identify reads 3 pages", rc == 0 and len(out.strip().split("\n")) == 3,
       out + err)


def check_images():
    for name in ("scan-brief.png", "scan-brief-200.jpg", "id-kaart.png", "paspoort.png",
                 "paspoort-200.jpg", "td2-document.png", "decoy-handleiding.png"):
        rc, out, err = run(["identify", "-units", "PixelsPerInch", "-format",
                            "%w x %h, %x dpi, %[type], %b", f"{OUT}/{name}"])
        info(f"{name}: {out}")
    for name, dpi in (("scan-brief.png", 300), ("scan-brief-200.jpg", 200), ("id-kaart.png", 300),
                      ("paspoort.png", 300), ("paspoort-200.jpg", 200)):
        rc, out, _ = run(["identify", "-units", "PixelsPerInch", "-format", "%x",
                          f"{OUT}/{name}"])
        ok(f"{name}: {dpi} dpi", rc == 0 and abs(float(out or 0) - dpi) < 0.5, out)


def check_hostile():
    rc, out, err = run(["identify", f"{HOST}/truncated.jpg"])
    info(f"identify truncated.jpg: exit {rc}: {(out + err).strip()[:300]}")
    ok("hostile/truncated.jpg: a JPEG start without its end (no FFD9)",
       open(f"{HOST}/truncated.jpg", "rb").read()[-2:] != b"\xff\xd9")
    rc, out, err = run(["exiftool", "-a", "-G1", "-s", f"{HOST}/exif-loop.jpg"], timeout=60)
    info("exiftool exif-loop.jpg: " + "; ".join(x.strip() for x in (out + err).split("\n")
                                                if "Warning" in x or "Make" in x))
    ok("hostile/exif-loop.jpg: exiftool ends and reads Make", rc is not None and "Loop" in out,
       out + err)
    rc, out, err = run(["identify", f"{HOST}/exif-loop.jpg"])
    ok("hostile/exif-loop.jpg: the image is whole (identify)", rc == 0, err)
    rc, out, err = run(["identify", f"{HOST}/not-really.png"])
    ok("hostile/not-really.png: identify refuses it", rc != 0, out)


def check_all():
    planted = read_tsv(TSV, HEADER)
    check_values(planted)
    check_images()
    check_pdfs()
    check_tiff()
    check_exif(planted)
    check_hostile()
    check_ocr(planted)
    total = 0
    for root, _, files in os.walk(OUT):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    ok(f"fixtures/images: {total} bytes in all (3 MB wanted)", total < 3_200_000)
    print(f"{RESULTS[0]} passed, {RESULTS[1]} failed")
    return RESULTS[1] == 0


# ---- main -----------------------------------------------------------------------------------
def make_all():
    os.makedirs(OUT, exist_ok=True)
    letter_page(300, tmp("brief-300.png"))
    scanned(tmp("brief-300.png"), f"{OUT}/scan-brief.png", 300, 0.8, 1, "bilevel")
    plant_letter("scan-brief.png")
    decoy_letter("scan-brief.png")
    letter_page(200, tmp("brief-200.png"))
    scanned(tmp("brief-200.png"), f"{OUT}/scan-brief-200.jpg", 200, -1.2, 2, "grey")
    plant_letter("scan-brief-200.jpg")

    id_card(300, tmp("id-kaart-clean.png"))
    shutil.copy(tmp("id-kaart-clean.png"), f"{OUT}/id-kaart.png")
    plant_card("id-kaart.png")
    decoy("id-kaart.png", "12 MEI 2031", "date of expiry, no date of birth")

    passport(300, f"{OUT}/paspoort.png")
    plant_passport("paspoort.png")
    decoy_dates("paspoort.png", "14 JUN 2021", "14 JUN 2031")
    passport(200, tmp("paspoort-200.png"))
    scanned(tmp("paspoort-200.png"), f"{OUT}/paspoort-200.jpg", 200, 1.0, 4, "grey", 75)
    plant_passport("paspoort-200.jpg")

    td2_document(f"{OUT}/td2-document.png")
    plant_td2("td2-document.png")
    decoy("td2-document.png", "30.09.2029", "date of expiry, no date of birth")

    decoy_page(f"{OUT}/decoy-handleiding.png")
    plant_decoys("decoy-handleiding.png")

    make_scan_pdf()
    make_mixed_pdf()
    make_tiff()
    make_photos()
    make_hostile()

    with open(TSV, "w", encoding="utf-8") as f:
        f.write(HEADER + "\n")
        for row in PLANTED:
            f.write("\t".join(row) + "\n")
    with open(DECOYS, "w", encoding="utf-8") as f:
        f.write(DECOY_HEADER + "\n")
        for row in DECOY_ROWS:
            f.write("\t".join(row) + "\n")


def main():
    global TMP, PROFILE
    args = sys.argv[1:]
    if "--big" in args:
        i = args.index("--big")
        if i + 1 >= len(args):
            sys.exit("usage: make-image-fixtures.py --big DIR")
        make_big(args[i + 1])
        print(f"{RESULTS[0]} passed, {RESULTS[1]} failed")
        sys.exit(0 if RESULTS[1] == 0 else 1)
    if not os.path.isdir("fixtures") or not os.path.isdir("scripts"):
        sys.exit("make-image-fixtures: run from the repository root")
    mrz_selftest()
    make_values()
    ok("ICAO 9303 check digits: the ICAO examples (TD1, TD2, TD3) and the NL card specimen",
       True)
    TMP = tempfile.mkdtemp(prefix="piiscan-images-")
    PROFILE = os.path.join(TMP, "lo-profile")
    try:
        if "--check" not in args:
            make_all()
        good = check_all()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    sys.exit(0 if good else 1)


if __name__ == "__main__":
    main()
