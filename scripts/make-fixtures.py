#!/usr/bin/env python3
"""Writes the fixtures that cannot be typed as plain UTF-8 text: other
encodings and a binary file. Deterministic; run from the repository root.
The output is committed, so CI does not run this."""
import os

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
