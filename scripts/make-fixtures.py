#!/usr/bin/env python3
"""Writes the fixtures that cannot be typed as plain UTF-8 text: other
encodings, a binary file, containers, office documents, mail and hostile
files. Run from the repository root. The output is committed, so CI does
not run this. Most outputs are the same on every run; the office documents
(LibreOffice, where installed), the 7z, the iso and the encrypted zip carry
times or random salts and change: commit only what you meant to remake."""
import os
import sys

BRIEF = (
    "Beste mevrouw Jansen,\n"
    "\n"
    "Zoals besproken stuur ik u de gegevens. U kunt mij bellen op\n"
    "06-98765432 of mailen naar l.jansen@planet.nl.\n"
    "\n"
    "Met vriendelijke groet, Lotte\n"
)

NOTITIE = (
    "Notitie telefoongesprek\n"
    "Terugbellen: +32 2 555 12 34 (kantoor Brussel)\n"
    "Rekening BE68 5390 0754 7034\n"
)

ADRESSEN = (
    "Adressenlijst vereniging \"De Zwaluw\" \u2013 bijgewerkt \u20ac 2024\n"
    "M\u00fcller, J\u00fcrgen \u2013 Gartenstra\u00dfe 5 \u2013 j\u00fcrgen.mueller@web.de \u2013 tel. 0049 30 1234567\n"
    "S\u00f8rensen, \u00c5se \u2013 Kerkplein 3, 2011 HL Haarlem \u2013 ase.sorensen@online.no\n"
    "Dubois, H\u00e9l\u00e8ne \u2013 Grote Markt 8, 4811 XS Breda \u2013 076-5143322\n"
)


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


write("fixtures/encodings/brief-utf16le.txt", b"\xff\xfe" + BRIEF.encode("utf-16-le"))
write("fixtures/encodings/notities-utf16be.txt", NOTITIE.encode("utf-16-be"))  # no BOM
write("fixtures/encodings/adressen-latin1.txt", ADRESSEN.encode("cp1252"))

# A binary address book: header, an ASCII record, a UTF-16LE record, and
# bytes in between that are not text.
blob = bytearray(b"CDB\x01\x00\x00\x00\x02" + bytes(range(0, 256, 7)) * 2)
blob += b"\x00\x00CONTACT anna.dekker@gmail.com\x00\x00"
blob += bytes((i * 37) & 0xFF for i in range(64))
blob += b"\x00\x00" + "Telefoon 06-11223344".encode("utf-16-le") + b"\x00\x00"
blob += bytes((i * 91 + 3) & 0xFF for i in range(96))
write("fixtures/binary/contacts.dat", bytes(blob))


# ---- issue 4: containers, documents, mail, hostile files ---------------------
# The same dossier in every format, so a test can prove every path finds
# its four values. Needs bsdtar (libarchive-tools), zstd and, for the
# office documents, LibreOffice (soffice); run from the repository root.
import base64
import bz2
import gzip
import hashlib
import io
import lzma
import shutil
import struct
import subprocess
import tarfile
import tempfile
import zipfile
import zlib

DOSSIER = (
    "Klantdossier Bakker & Zonen\n"
    "Contactpersoon: Jan de Vries, e-mail j.devries@ziggo.nl, telefoon 06-23456789.\n"
    "BSN 725763863. Rekening (IBAN) NL39 RABO 0300 0652 64.\n"
)
ROW = ["Jan de Vries", "j.devries@ziggo.nl", "06-23456789", "725763863", "NL39 RABO 0300 0652 64"]
HEADER = ["Naam", "E-mail", "Telefoon", "BSN", "IBAN"]
C = "fixtures/containers"
D = "fixtures/documents"
M = "fixtures/mail"
H = "fixtures/hostile"
for d in (C, D, M, H):
    os.makedirs(d, exist_ok=True)
tmp = tempfile.mkdtemp(prefix="piiscan-fixtures-")
src = os.path.join(tmp, "dossier.txt")
with open(src, "w") as f:
    f.write(DOSSIER)
FIXED_TIME = 1700000000  # members carry a fixed date: the files do not change


def zip_of(path, members, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", method) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 12, 10, 0, 0))
            info.compress_type = method
            z.writestr(info, data)


def zip_bytes(members, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    zip_of(buf, members, method)
    return buf.getvalue()


def tar_bytes(members, mode="w"):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode, format=tarfile.USTAR_FORMAT) as t:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = FIXED_TIME
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


text = DOSSIER.encode()
zip_of(f"{C}/dossier.zip", [("dossier/dossier.txt", text)])
write(f"{C}/dossier.tar", tar_bytes([("dossier.txt", text)]))
write(f"{C}/dossier.tar.gz", gzip.compress(tar_bytes([("dossier.txt", text)]), mtime=0))
write(f"{C}/dossier.tar.bz2", bz2.compress(tar_bytes([("dossier.txt", text)])))
write(f"{C}/dossier.tar.xz", lzma.compress(tar_bytes([("dossier.txt", text)])))
write(f"{C}/dossier.txt.gz", gzip.compress(text, mtime=0))
write(f"{C}/dossier.txt.bz2", bz2.compress(text))
write(f"{C}/dossier.txt.xz", lzma.compress(text))
subprocess.run(["zstd", "-q", "-f", "-o", f"{C}/dossier.txt.zst", src], check=True)
write(os.path.join(tmp, "dossier.tar"), tar_bytes([("dossier.txt", text)]))
subprocess.run(["zstd", "-q", "-f", "-o", f"{C}/dossier.tar.zst", os.path.join(tmp, "dossier.tar")],
               check=True)
os.utime(src, (FIXED_TIME, FIXED_TIME))
for fmt, name in (("7zip", "dossier.7z"), ("cpio", "dossier.cpio"), ("iso9660", "dossier.iso")):
    subprocess.run(["bsdtar", "--format", fmt, "-cf", os.path.abspath(f"{C}/{name}"),
                    "-C", tmp, "dossier.txt"], check=True)
# A zip with another name: found by its content.
shutil.copy(f"{C}/dossier.zip", f"{C}/backup.dat")
# Three deep: zip > tar.gz > zip > text.
level3 = zip_bytes([("dossier.txt", text)])
level2 = gzip.compress(tar_bytes([("level3.zip", level3)]), mtime=0)
zip_of(f"{C}/nested.zip", [("level2.tar.gz", level2)])


def rar4_stored(name, data):
    """A RAR 4 archive with one stored file (no tool here writes RAR)."""
    def block(head_type, flags, body):
        size = 7 + len(body)
        head = struct.pack("<BHH", head_type, flags, size) + body
        return struct.pack("<H", zlib.crc32(head) & 0xFFFF) + head
    marker = b"Rar!\x1a\x07\x00"
    main = block(0x73, 0, struct.pack("<HI", 0, 0))
    fname = name.encode()
    body = struct.pack("<IIBIIBBHI", len(data), len(data), 3, zlib.crc32(data) & 0xFFFFFFFF,
                       0x58683800, 20, 0x30, len(fname), 0o100644) + fname
    file_head = block(0x74, 0x8000, body)
    end = block(0x7B, 0x4000, b"")
    return marker + main + file_head + data + end


write(f"{C}/dossier.rar", rar4_stored("dossier.txt", text))

# ---- documents (LibreOffice makes them, as users' offices do) ----------------
html = ("<html><head><meta charset=\"utf-8\"><title>Klantdossier</title></head><body>"
        "<p>Klantdossier Bakker &amp; Zonen</p>"
        "<p>Contactpersoon: Jan de Vries, e-mail j.devries@ziggo.nl, telefoon 06-23456789.</p>"
        "<p>BSN 725763863. Rekening (IBAN) NL39 RABO 0300 0652 64.</p></body></html>\n")
write(f"{D}/dossier.html", html.encode())
xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dossier klant=\"Bakker &amp; Zonen\">\n"
       "  <contact naam=\"Jan de Vries\">\n"
       "    <email>j.devries@ziggo.nl</email>\n"
       "    <telefoon>06-23456789</telefoon>\n"
       "  </contact>\n"
       "  <bsn>725763863</bsn>\n"
       "  <iban>NL39 RABO 0300 0652 64</iban>\n"
       "</dossier>\n")
write(f"{D}/dossier.xml", xml.encode())
csv = os.path.join(tmp, "Klanten.csv")
with open(csv, "w") as f:
    f.write(";".join(HEADER) + "\n" + ";".join(ROW) + "\n")
fodp = os.path.join(tmp, "dossier.fodp")
lines = "".join(f"<text:p>{l.replace('&', '&amp;')}</text:p>" for l in DOSSIER.splitlines())
with open(fodp, "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
            'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.presentation">'
            '<office:body><office:presentation><draw:page draw:name="Dossier">'
            '<draw:frame svg:x="1cm" svg:y="1cm" svg:width="24cm" svg:height="10cm">'
            f'<draw:text-box>{lines}</draw:text-box></draw:frame>'
            '</draw:page></office:presentation></office:body></office:document>')
# The PDF has two pages: the BSN and IBAN line on page 2.
fodt = os.path.join(tmp, "dossier.fodt")
paras = DOSSIER.replace("&", "&amp;").splitlines()
with open(fodt, "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
            'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">'
            '<office:automatic-styles><style:style style:name="NewPage" style:family="paragraph">'
            '<style:paragraph-properties fo:break-before="page"/></style:style>'
            '</office:automatic-styles><office:body><office:text>'
            f'<text:p>{paras[0]}</text:p><text:p>{paras[1]}</text:p>'
            f'<text:p text:style-name="NewPage">{paras[2]}</text:p>'
            '</office:text></office:body></office:document>')
srchtml = os.path.join(tmp, "dossier.html")
write(srchtml, html.encode())
soffice = shutil.which("soffice")
if soffice:
    def convert(source, fmt, outname):
        subprocess.run([soffice, "--headless", "--norestore", "--convert-to", fmt,
                        "--outdir", tmp, source], check=True, capture_output=True)
        made = os.path.join(tmp, os.path.splitext(os.path.basename(source))[0] + "." +
                            fmt.split(":")[0])
        shutil.move(made, os.path.join(D, outname))
    convert(srchtml, "odt:writer8", "dossier.odt")
    convert(os.path.join(D, "dossier.odt"), "docx:MS Word 2007 XML", "dossier.docx")
    convert(os.path.join(D, "dossier.odt"), "doc:MS Word 97", "dossier.doc")
    convert(os.path.join(D, "dossier.odt"), "rtf:Rich Text Format", "dossier.rtf")
    convert(fodt, "pdf:writer_pdf_Export", "dossier.pdf")
    subprocess.run([soffice, "--headless", "--norestore", "--infilter=CSV:59,34,UTF8",
                    "--convert-to", "ods", "--outdir", tmp, csv], check=True, capture_output=True)
    shutil.move(os.path.join(tmp, "Klanten.ods"), os.path.join(D, "dossier.ods"))
    convert(os.path.join(D, "dossier.ods"), "xlsx:Calc MS Excel 2007 XML", "dossier.xlsx")
    convert(os.path.join(D, "dossier.ods"), "xls:MS Excel 97", "dossier.xls")
    convert(fodp, "odp:impress8", "dossier.odp")
    convert(os.path.join(D, "dossier.odp"), "pptx:Impress MS PowerPoint 2007 XML", "dossier.pptx")
else:
    print("make-fixtures: soffice not found; office documents not remade", file=sys.stderr)

# ---- mail ----------------------------------------------------------------------
attachment = base64.encodebytes(text).decode()
eml = (
    "Return-Path: <j.devries@ziggo.nl>\n"
    "Received: from smtp.ziggo.nl (smtp.ziggo.nl [81.204.13.77])\n"
    "\tby mx.bakkerzonen.nl with ESMTP; Tue, 12 Mar 2024 10:01:02 +0100\n"
    "From: =?UTF-8?Q?Jan_de_Vries?= <j.devries@ziggo.nl>\n"
    "To: klantenservice@bakkerzonen.nl\n"
    "Subject: =?ISO-8859-1?Q?Mijn_gegevens_voor_het_dossier?=\n"
    "Date: Tue, 12 Mar 2024 10:01:02 +0100\n"
    "Message-ID: <20240312100102.1234@ziggo.nl>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"grens\"\n"
    "\n"
    "--grens\n"
    "Content-Type: text/plain; charset=iso-8859-1\n"
    "Content-Transfer-Encoding: quoted-printable\n"
    "\n"
    "Goedemorgen,\n"
    "\n"
    "U kunt mij bellen op telefoon 06-=\n23456789. Mijn BSN is 725763863.\n"
    "Met vriendelijke groet, Jan de Vries (Caf=E9 De Zwaluw)\n"
    "\n"
    "--grens\n"
    "Content-Type: text/plain; name=\"dossier.txt\"\n"
    "Content-Disposition: attachment; filename=\"dossier.txt\"\n"
    "Content-Transfer-Encoding: base64\n"
    "\n" + attachment +
    "--grens--\n"
)
write(f"{M}/dossier.eml", eml.encode())
zipped = base64.encodebytes(zip_bytes([("dossier.txt", text)])).decode()
mbox = (
    "From j.devries@ziggo.nl Tue Mar 12 10:01:02 2024\n"
    "From: Jan de Vries <j.devries@ziggo.nl>\n"
    "To: klantenservice@bakkerzonen.nl\n"
    "Subject: Vraag over mijn bestelling\n"
    "Date: Tue, 12 Mar 2024 10:01:02 +0100\n"
    "\n"
    "Kunt u mij terugbellen? Mijn telefoon is 06-23456789.\n"
    "\n"
    "From klantenservice@bakkerzonen.nl Tue Mar 12 11:15:00 2024\n"
    "From: Klantenservice <klantenservice@bakkerzonen.nl>\n"
    "To: j.devries@ziggo.nl\n"
    "Subject: Uw dossier\n"
    "Date: Tue, 12 Mar 2024 11:15:00 +0100\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"b2\"\n"
    "\n"
    "--b2\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
    "Bijgaand uw dossier.\n"
    "--b2\n"
    "Content-Type: application/zip; name=\"dossier.zip\"\n"
    "Content-Disposition: attachment; filename=\"dossier.zip\"\n"
    "Content-Transfer-Encoding: base64\n"
    "\n" + zipped +
    "--b2--\n"
    "\n"
    "From j.devries@ziggo.nl Wed Mar 13 09:00:00 2024\n"
    "From: Jan de Vries <j.devries@ziggo.nl>\n"
    "To: klantenservice@bakkerzonen.nl\n"
    "Subject: Betaling\n"
    "Date: Wed, 13 Mar 2024 09:00:00 +0100\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/html; charset=utf-8\n"
    "\n"
    "<html><body><p>Graag afschrijven van rekening NL39 RABO 0300 0652 64.</p></body></html>\n"
)
write(f"{M}/archief.mbox", mbox.encode())

# An Outlook data file: a mail with transport headers, a recipient, a
# body and the dossier attached; an HTML-only mail; a contact.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pstwriter import PT_STRING, write_pst  # noqa: E402

transport = ("Return-Path: <j.devries@ziggo.nl>\r\n"
             "Received: from smtp.ziggo.nl (smtp.ziggo.nl [81.204.13.77])\r\n"
             "\tby mx.bakkerzonen.nl with ESMTP; Tue, 12 Mar 2024 10:01:02 +0100\r\n"
             "From: Jan de Vries <j.devries@ziggo.nl>\r\n"
             "To: klantenservice@bakkerzonen.nl\r\n"
             "Message-ID: <20240312100102.1234@ziggo.nl>\r\n"
             "Subject: Mijn gegevens voor het dossier\r\n")
write_pst(f"{M}/dossier.pst", [
    ("Inbox", [
        {"class": "IPM.Note",
         "props": {0x0037: (PT_STRING, "Mijn gegevens voor het dossier"),
                   0x007D: (PT_STRING, transport),
                   0x0C1A: (PT_STRING, "Jan de Vries"),
                   0x0C1F: (PT_STRING, "j.devries@ziggo.nl"),
                   0x0E04: (PT_STRING, "Klantenservice Bakker & Zonen")},
         "body": "Goedemorgen,\r\n\r\nU kunt mij bellen op telefoon 06-23456789. "
                 "Mijn BSN is 725763863.\r\nMet vriendelijke groet, Jan de Vries\r\n",
         "recipients": [("Klantenservice Bakker & Zonen", "klantenservice@bakkerzonen.nl")],
         "attachments": [("dossier.txt", text)]},
        {"class": "IPM.Note",
         "props": {0x0037: (PT_STRING, "Betaling")},
         "html": b"<html><body><p>Graag afschrijven van rekening NL39 RABO 0300 0652 64."
                 b"</p></body></html>"},
    ]),
    ("Contacts", [
        {"class": "IPM.Contact",
         "props": {0x3001: (PT_STRING, "Jan de Vries"),
                   0x3003: (PT_STRING, "j.devries@ziggo.nl"),
                   0x3A06: (PT_STRING, "Jan"),
                   0x3A11: (PT_STRING, "de Vries"),
                   0x3A15: (PT_STRING, "Keizersgracht 1\r\n1016 GV Amsterdam"),
                   0x3A1C: (PT_STRING, "06-23456789")}},
    ]),
])

# ---- hostile -----------------------------------------------------------------------
# A zip bomb: 64 MiB of zeros in a 64 KB zip, over a thousand times.
with zipfile.ZipFile(f"{H}/zipbomb.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    info = zipfile.ZipInfo("zeros.bin", date_time=(2024, 3, 12, 10, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    with z.open(info, "w") as f:
        block = bytes(1 << 20)
        for _ in range(64):
            f.write(block)
# Nested a hundred deep.
inner = zip_bytes([("dossier.txt", text)])
for level in range(99, 0, -1):
    inner = zip_bytes([(f"level{level + 1}.zip", inner)], zipfile.ZIP_STORED)
write(f"{H}/nest100.zip", inner)
# Encrypted with a password (traditional zip encryption).
subprocess.run(["bsdtar", "--format", "zip", "--options", "zip:encryption=zipcrypt",
                "--passphrase", "geheim", "-cf", os.path.abspath(f"{H}/encrypted.zip"),
                "-C", tmp, "dossier.txt"], check=True)
# A tar.gz cut off half-way.
# Hex of a hash chain hardly compresses, so the cut falls well past the first
# members (and past the look-ahead libarchive needs to recognise the format).
def hex_noise(seed, lines):
    out, h = [], seed
    for _ in range(lines):
        h = hashlib.sha256(h).digest()
        out.append(h.hex())
    return "\n".join(out) + "\n"
many = tar_bytes([(f"deel{i}.txt", (DOSSIER + hex_noise(b"%d" % i, 300)).encode())
                  for i in range(12)])
whole = gzip.compress(many, mtime=0)
write(f"{H}/truncated.tar.gz", whole[: len(whole) // 2])


def pdf_with_image_only():
    """A one-page PDF holding only an image: what a scanner makes."""
    pixels = bytes((x * 16 + y) & 0xFF for y in range(16) for x in range(16))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] "
        b"/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream",
    ]
    content = b"q 200 0 0 200 0 0 cm /Im1 Do Q"
    objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


write(f"{H}/scanned.pdf", pdf_with_image_only())
shutil.rmtree(tmp)

# ---- issue 5: structured exports (JSON, NDJSON, CSV shapes) -------------------
import json  # noqa: E402

E = "fixtures/exports"
# mongoexport writes one document per line in Extended JSON.
customers = [
    {"_id": {"$oid": "65f0a1b2c3d4e5f601234567"}, "naam": "Jan de Vries",
     "contact": {"email": "j.devries@ziggo.nl", "telefoon": "06-23456789"},
     "geboortedatum": {"$date": "1985-03-14T00:00:00Z"}, "klantnummer": 100231,
     "tags": ["vip", "nieuwsbrief"]},
    {"_id": {"$oid": "65f0a1b2c3d4e5f601234568"}, "naam": "Fatima El Amrani",
     "contact": {"email": "f.elamrani@gmail.com", "telefoon": None},
     "geboortedatum": None, "klantnummer": 100232, "tags": []},
    {"_id": {"$oid": "65f0a1b2c3d4e5f601234569"}, "naam": "Pieter van Dijk",
     "contact": {"email": "pvdijk@kpnmail.nl", "telefoon": "010-4412233"},
     "geboortedatum": {"$date": "1975-12-01T00:00:00Z"}, "bsn": 111222333,
     "klantnummer": 100233, "tags": ["zakelijk"]},
]
write(f"{E}/klanten-mongoexport.ndjson",
      "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in customers).encode())
orders = [
    {"ordernummer": "725763863", "klant": {"naam": "Jan de Vries", "email": "j.devries@ziggo.nl"},
     "regels": [{"artikel": "Koffiebonen 1 kg", "prijs": 14.95},
                {"artikel": "Filterzakjes", "prijs": 2.49}],
     "afleveradres": {"straat": "Prinsengracht 263", "postcode": "1016 GV", "plaats": "Amsterdam"}},
    {"ordernummer": "100240", "klant": {"naam": "Marieke Visser",
                                         "email": "marieke.visser@outlook.com"},
     "regels": [], "afleveradres": {"straat": "Oudegracht 1", "postcode": "3511 AB",
                                    "plaats": "Utrecht"}},
]
write(f"{E}/bestellingen.json", json.dumps(orders, indent=2, ensure_ascii=False).encode())
profile = {"user": {"first_name": "Sarah", "last_name": "O'Connor",
                    "emails": ["sarah.oconnor@brightwave-consulting.co.uk"],
                    "phone": "+44 7700 900123", "dob": "1990-06-15",
                    "login_history": [{"ip": "81.204.13.77", "at": "2024-03-12T10:00:00Z"}]}}
write(f"{E}/profiel.json", json.dumps(profile, indent=2).encode())
# Broken: an NDJSON line cut in half, and a JSON document cut off.
lines = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in customers).splitlines(True)
write(f"{H}/klanten-kapot.ndjson", (lines[0] + lines[1][:40] + "\n" + lines[2]).encode())
whole = json.dumps(orders, indent=2, ensure_ascii=False)
write(f"{H}/bestellingen-afgebroken.json", whole[: whole.index("Marieke")].encode())
# CSV shapes: a TSV with CRLF line ends and a quoted field holding a line
# break, a tab and doubled quotes; a CSV without a header row; a CSV whose
# quote is never closed.
write(f"{E}/medewerkers.tsv", (
    "personeelsnummer\tvoornaam\tachternaam\tgeboortedatum\tadres\topmerking\r\n"
    "4711\tAnouk\tSmit\t21-05-1996\t\"Kerkstraat 12\r\n3511 AB Utrecht\"\t"
    "\"Zegt \"\"bel\tmij\"\" op 0612345678\"\r\n"
    "4712\tPieter\tvan Dijk\t01-12-1975\tCoolsingel 40, 3011 AD Rotterdam\t\r\n").encode())
write(f"{E}/adressen-zonder-kop.csv", (
    "\"Lotte Jansen\",l.jansen@planet.nl,06-98765432\n"
    "\"Ahmed Benali\",a.benali@xs4all.nl,020-5551234\n"
    "\"Sanne de Graaf\",,+31 6 1122 3344\n").encode())
write(f"{H}/kapot.csv", (
    "naam;email\n"
    "\"Jan de Vries;j.devries@ziggo.nl\n"
    "Piet Bakker;p.bakker@xs4all.nl\n").encode())

# ---- issue 6: hostile bytes ---------------------------------------------------
# A gzip file (not a tar) cut in half; its text does not compress much.
lines = "Klant Jan de Vries, e-mail j.devries@ziggo.nl, telefoon 06-23456789.\n" + \
    hex_noise(b"cut", 8000)
g = gzip.compress(lines.encode(), mtime=0)
write(f"{H}/cut.txt.gz", g[: len(g) // 2])
# A zip whose central directory is garbage: the members are read from
# their local headers all the same.
buf = io.BytesIO()
zip_of(buf, [("a.txt", b"mail j.devries@ziggo.nl\n"), ("b.txt", b"BSN 725763863\n")])
z = bytearray(buf.getvalue())
for i in range(z.find(b"PK\x01\x02"), len(z) - 22):
    z[i] ^= 0x5A
write(f"{H}/bad-central-dir.zip", bytes(z))
# Invalid UTF-8 around values; UTF-16 with lone surrogates around values.
write(f"{H}/bad-utf8.txt",
      b"ok j.devries@ziggo.nl \xff\xfe\xc3( \xe2\x82 end 06-23456789\n")
write(f"{H}/surrogates-utf16.txt",
      "\ufeffmail j.devries@ziggo.nl ".encode("utf-16-le") + b"\x00\xd8\x41\x00\x00\xdc" +
      " tel 06-23456789\n".encode("utf-16-le"))
# An xlsx whose shared strings make libxml2's recovering parser hand out
# bytes that are not UTF-8 (found by fuzz_ooxml; they reached PCRE2 and
# crashed its JIT): the scan goes on and finds what is valid.
shared_bad = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xml'
    b'ns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" c'
    b'ount="9" uniqueCount=UTF-8" standalone="yes"?>\n<sst xmlns="http:'
    b'//schemas.openxmlformats.org/spreadsheetml/2006/main" c\x95\x8a\x91\x8b\xc2\xdd\xc6\xdd '
    b'uniqueCount="9"><si><t xml:space="preserve">Naam</t></si><si><t '
    b'xml:space=\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xffD\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff'
    b'\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff'
    b'\xff\xff\xff\xff\xff\xff\xff\xff"preserve">E-mail</t></si><si><t xml:spac@\x00\x00\x00\x00\x00\x00\x00e="pres'
    b'erve">Telefoon\xc4\xcat></siies</t></si><si><t xml:space="preserve">j.'
    b'devries@ziggo.nl</t></si><si><t xml:space="preserve">06-23456789'
    b'</t></si><si><t xml:space="preserve">\xbbL39 RABO 0300 06;52 64</t>'
    b'</si></sst>')
write(f"{H}/libxml-bad-bytes.xlsx", zip_bytes([
    ("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
     b'package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType='
     b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
    ("xl/workbook.xml", b'<?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="Klanten" '
     b'sheetId="1" r:id="rId1"/></sheets></workbook>'),
    ("xl/_rels/workbook.xml.rels", b'<?xml version="1.0"?><Relationships><Relationship Id="rId1" '
     b'Target="worksheets/sheet1.xml"/></Relationships>'),
    ("xl/worksheets/sheet1.xml", b'<?xml version="1.0"?><worksheet><sheetData>'
     b'<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>'
     b'<row r="3"><c r="A3" t="inlineStr"><is><t>j.devries@ziggo.nl</t></is></c></row>'
     b'</sheetData></worksheet>'),
    ("xl/sharedStrings.xml", shared_bad),
]))
