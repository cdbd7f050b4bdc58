#!/usr/bin/python3
"""Checks piiscan's findings in scans and photos against the values the
fixture generator planted (scripts/make-image-fixtures.py).

    check_images.py PLANTED.tsv DECOYS.tsv FINDINGS.jsonl PREFIX KNOWN_MISSES.tsv [MIN_RATE]

PLANTED.tsv: file, where, kind, value, written by the generator from what
it drew, not from piiscan. Where is "page N" (an image of one page is
page 1: piiscan gives it no page number), "[page N] MRZ" (the identity
document's zone, part MRZ) or "EXIF ..."/"XMP ..." (the metadata parts).
A value read by OCR counts as found when a finding of its kind at that
place holds it or is held by it (spaces and case aside: the engine
splits "NL52 RABO" where it likes); an address by its postcode; a date as
the same day ("05 MRT 1992" is "05-03-1992"). The holder's name, date of
birth and number printed on an identity document count as found when
piiscan read them from the document's zone on that page (part MRZ, where
they stand as well): the two columns of such a card run into one line of
OCR text, "Naam / Surname Documentnr. / No.", and leave the printed name
without its label.

KNOWN_MISSES.tsv lists values piiscan is known not to find (file, kind,
value, why): printed as "# known miss", not failed, and not counted in the
rate; one that is found after all fails, so that the list is kept true.

Prints "ok"/"not ok" per value and the read-back rate of the values read
by OCR, and fails when that rate is below MIN_RATE (default 0.9), when a
zone or a metadata value is missed (those must all be found), or when a
decoy's zone is taken for a valid one.
"""
import json
import re
import sys

RULES = {"address": ("nl_postcode", "address"), "phone": ("phone", "nl_phone_short")}


def norm(s):
    return re.sub(r"\s+", "", s).lower()


MONTHS = {m: i + 1 for i, names in enumerate([
    "jan", "feb", "mrt mar mär", "apr", "mei may mai", "jun", "jul", "aug", "sep",
    "okt oct", "nov", "dec dez"]) for m in names.split()}


def day(s):
    """(d, m, y) of "05 MRT 1992", "05-03-1992", "14.02.1975"; None."""
    m = re.fullmatch(r"(\d{1,2})[ .\-/]([A-Za-zä]{3}|\d{1,2})[ .\-/](\d{4})", s.strip())
    if not m:
        return None
    month = MONTHS.get(m.group(2).lower()) if m.group(2).isalpha() else int(m.group(2))
    return (int(m.group(1)), month, int(m.group(3)))


def at_place(f, where, kind):
    page = f.get("page") or 1
    words = where.split()
    if words[0] in ("EXIF", "XMP"):
        return f.get("part") == words[0]
    want_page = int(words[1]) if words[0] == "page" else 1
    if words[-1] == "MRZ":
        parts = ("MRZ",)
    elif kind in ("person_name", "date_of_birth", "nl_bsn"):
        parts = (None, "MRZ")
    else:
        parts = (None,)
    return page == want_page and f.get("part") in parts


def holds(found, planted, kind):
    a, b = norm(found), norm(planted)
    if kind == "id_document":
        return a == b
    if kind == "date_of_birth" and day(found) and day(found) == day(planted):
        return True
    if kind == "nl_bsn":
        return re.sub(r"\D", "", a) == re.sub(r"\D", "", b)
    return a == b or (len(a) >= 4 and a in b) or b in a


def main():
    planted_tsv, decoys_tsv, jsonl, prefix, misses_tsv = sys.argv[1:6]
    min_rate = float(sys.argv[6]) if len(sys.argv) > 6 else 0.9
    known = {tuple(l.rstrip("\n").split("\t")[:3]): l.rstrip("\n").split("\t")[3]
             for l in open(misses_tsv, encoding="utf-8") if l.strip() and not l.startswith("#")}
    findings = []
    for line in open(jsonl, encoding="utf-8"):
        r = json.loads(line)
        if "rule" in r:
            findings.append(r)
    ocr_found = ocr_total = 0
    failed = False
    rows = [l.rstrip("\n").split("\t") for l in open(planted_tsv, encoding="utf-8")][1:]
    for file, where, kind, value in rows:
        value = value.replace("\\n", "\n")
        rules = RULES.get(kind, (kind,))
        hit = any(f["file"] == prefix + file and f["rule"] in rules and at_place(f, where, kind)
                  and holds(f["value"], value, kind) for f in findings)
        by_ocr = not where.startswith(("EXIF", "XMP")) and kind != "id_document"
        what = "%s %s %s %s" % (file, where, kind, value.replace("\n", "/"))
        why = known.get((file, kind, value))
        if why is not None:
            print(("not ok - known miss found after all: " if hit else "# known miss: ") +
                  what + " (" + why + ")")
            failed |= hit
            continue
        print(("ok - " if hit else "not ok - ") + what)
        if by_ocr:
            ocr_total += 1
            ocr_found += hit
        elif not hit:
            failed = True
    # a decoy's zone (wrong check digits) is no identity document
    decoy_files = {l.split("\t")[0] for l in open(decoys_tsv, encoding="utf-8")
                   if "\tMRZ " in l}
    for f in findings:
        if f["rule"] == "id_document" and f["file"][len(prefix):] in decoy_files:
            print("not ok - decoy zone taken for an identity document: " + f["file"])
            failed = True
    rate = ocr_found / ocr_total if ocr_total else 0.0
    print("# read back by OCR: %d of %d (%.0f%%)" % (ocr_found, ocr_total, 100 * rate))
    ok = rate >= min_rate and not failed
    print(("ok - " if ok else "not ok - ") +
          "at least %.0f%% of the values read by OCR, every zone and metadata value" % (100 * min_rate))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
