#!/bin/sh
# Scans and photos (fixtures/images/, made by scripts/make-image-fixtures.py
# with ImageMagick, LibreOffice and exiftool): the values planted in the
# scans and image-only PDF pages are read back by OCR (90% at least), every
# valid machine-readable zone is found and none of the decoys' wrong ones,
# the metadata gives GPS positions and authors; the identity document
# copies are marked in the Inventory, Data map and breach report; the OCR
# policy and budget leave counted, listed rows; hostile images stay
# bounded. The fixtures are read by independent readers too (tesseract's
# command, exiftool).
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2
I=fixtures/images

# Without tesseract or its language data the scans cannot be read: that
# fails here, loudly (the README's set-up installs them).
if ! "$PIISCAN" --version | grep -q '^OCR: tesseract'; then
	not_ok "OCR is available" "$("$PIISCAN" --version | grep '^OCR')"
	finish
	exit 0
fi

"$PIISCAN" -q -j 2 --show-values -o "$WORK/i.jsonl" -o "$WORK/i.xlsx" "$I"
check "images: scan finishes (exit 0)" test $? -eq 0
$PY tests/e2e/check_images.py $I/planted.tsv $I/decoys.tsv "$WORK/i.jsonl" "$I/" \
	tests/e2e/images-known-misses.tsv >"$WORK/planted.txt"
planted_rc=$?
while IFS= read -r line; do
	case $line in
	"ok - "*) ok "${line#ok - }" ;;
	"not ok - "*) not_ok "${line#not ok - }" ;;
	"# "*) echo "$line" ;;
	esac
done <"$WORK/planted.txt"
check "every planted value checked" test $planted_rc -eq 0

# The same values through an independent reader: tesseract's command on
# the 300 dpi scan, exiftool on the photo.
if command -v tesseract >/dev/null 2>&1; then
	tesseract $I/scan-brief.png - -l nld+eng 2>/dev/null >"$WORK/cli.txt"
	for v in m.devries79@ziggo.nl 06-37299593 249615514; do
		check "tesseract's command reads $v too" grep -qF "$v" "$WORK/cli.txt"
	done
fi
if command -v exiftool >/dev/null 2>&1; then
	check "exiftool reads the photo's artist and position too" sh -c \
		"exiftool -n -s3 -Artist -GPSLatitude $I/vakantie.jpg | tr '\n' ' ' | grep -q 'Ruben Kooistra 52.349'"
fi

# The marks: an identity document copy in the Inventory, the Data map and
# the breach report, as Art. 9 data is; the OCR counts in the Summary.
check "workbook: ID copies marked, OCR counted" $PY - "$WORK/i.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def table(ws):
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]
inv = table(wb["Inventory"])
marked = {r["File"] for r in inv if r["Special"] == "ID document copy"}
want = {"fixtures/images/" + f for f in ("id-kaart.png", "paspoort.png", "paspoort-200.jpg",
        "td2-document.png", "scan.pdf", "mixed.pdf", "stapel.tif")}
assert marked == want, ("marked", sorted(marked))
assert not any(r["File"].endswith("decoy-handleiding.png") and r["Rule"] == "id_document"
               for r in inv), "decoy"
dm = table(wb["Data map"])
assert any(r["Special categories"] and "ID document copy" in r["Special categories"]
           for r in dm), dm
s = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r and r[0]}
assert "7 identity document zones" in s["OCR"], s["OCR"]
assert "no text at a first look" in s["Images and pages not read by OCR (Errors sheet)"], s
errors = table(wb["Errors"])
photo = [e for e in errors if e["File"].endswith("foto-zonder-tekst.jpg")]
assert photo and photo[0]["Code"] == "ocr.no_text", photo
EOF
"$PIISCAN" -q --breach-report -o "$WORK/breach.txt" "$I"
check "breach report: ID document copies first" sh -c \
	"grep -q 'id_document (ID document copy)' '$WORK/breach.txt'"

# Masked by default: the zone's number, date of birth and BSN are not shown.
"$PIISCAN" -q -o "$WORK/m.jsonl" $I/id-kaart.png
check "masked zone: no document number, date of birth or BSN" sh -c \
	"grep '\"rule\":\"id_document\"' '$WORK/m.jsonl' | grep -q 'identity card NLD' &&
	 ! grep -qE 'KR966HZP2|860923|651908048|6519' '$WORK/m.jsonl'"

# Images inside other files go the same way: a scan in a zip and pasted
# into a document.
$PY - "$WORK" <<'EOF'
import sys, zipfile
w = sys.argv[1]
with zipfile.ZipFile(w + "/scans.zip", "w") as z:
    z.write("fixtures/images/id-kaart.png", "scans/id-kaart.png")
EOF
"$PIISCAN" -q -o "$WORK/z.jsonl" "$WORK/scans.zip"
check "a scan in a zip: its zone" \
	grep -q '"file":"[^"]*scans.zip!scans/id-kaart.png","rule":"id_document".*"part":"MRZ"' \
	"$WORK/z.jsonl"
if command -v soffice >/dev/null 2>&1; then
	# a flat ODF text with the passport scan in it, saved as docx by
	# LibreOffice: the picture lands in word/media/
	mkdir -p "$WORK/lo"
	$PY - "$WORK/lo/kopie.fodt" $I/paspoort.png <<'EOF'
import base64, sys
png = base64.b64encode(open(sys.argv[2], "rb").read()).decode()
ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')
open(sys.argv[1], "w").write(
    '<?xml version="1.0" encoding="UTF-8"?><office:document %s office:version="1.2" '
    'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>'
    '<text:p>Kopie paspoort</text:p><text:p><draw:frame draw:name="scan" '
    'text:anchor-type="as-char" svg:width="12.5cm" svg:height="8.8cm"><draw:image>'
    '<office:binary-data>%s</office:binary-data></draw:image></draw:frame></text:p>'
    '</office:text></office:body></office:document>' % (ns, png))
EOF
	(cd "$WORK/lo" && HOME="$WORK/lo" timeout 180 soffice --headless --norestore \
		--convert-to 'docx:MS Word 2007 XML' kopie.fodt >/dev/null 2>&1)
	"$PIISCAN" -q -o "$WORK/d.jsonl" "$WORK/lo/kopie.docx"
	check "a scan pasted into a docx (LibreOffice): its zone" \
		grep -q 'kopie.docx!word/media/[^"]*","rule":"id_document"' "$WORK/d.jsonl"
fi

# Turned pictures: an ID card scanned sideways (either way), a passport
# photographed with the phone held sideways, which stores it so and says
# so in EXIF (Orientation 6: turn 90 degrees clockwise to show it).
mkdir -p "$WORK/turned"
convert $I/id-kaart.png -rotate 90 "$WORK/turned/kaart-rechts.png"
convert $I/id-kaart.png -rotate -90 "$WORK/turned/kaart-links.png"
convert $I/paspoort.png -rotate -90 "$WORK/turned/telefoon.jpg"
exiftool -q -overwrite_original -Orientation#=6 "$WORK/turned/telefoon.jpg"
"$PIISCAN" -q -o "$WORK/turned.jsonl" "$WORK/turned"
for f in kaart-rechts.png kaart-links.png telefoon.jpg; do
	check "turned picture $f: its zone" \
		grep -q "\"file\":\"[^\"]*turned/$f\",\"rule\":\"id_document\"" "$WORK/turned.jsonl"
done

# An iPhone's kind of photo: HEIC (written by ImageMagick, its EXIF by
# exiftool), read with libheif.
if convert -list format 2>/dev/null | grep -q '^ *HEIC.*rw'; then
	convert $I/paspoort.png "$WORK/paspoort.heic"
	exiftool -q -overwrite_original -Artist="Ruben Kooistra" "$WORK/paspoort.heic"
	"$PIISCAN" -q -o "$WORK/heic.jsonl" "$WORK/paspoort.heic"
	check "HEIC photo: its zone" grep -q '"rule":"id_document"' "$WORK/heic.jsonl"
	check "HEIC photo: its EXIF artist" \
		grep -q '"rule":"person_name".*"key":"artist","part":"EXIF"' "$WORK/heic.jsonl"
fi

# A PDF's own properties (pdfinfo): its author as a name, its last change
# as the data's age. Set on a copy with exiftool.
if command -v exiftool >/dev/null 2>&1; then
	cp $I/mixed.pdf "$WORK/auteur.pdf"
	exiftool -q -overwrite_original -Author="Willeke de Bruijn" \
		-ModifyDate="2015:03:04 10:00:00" "$WORK/auteur.pdf"
	"$PIISCAN" -q --records --show-values -o "$WORK/auteur.jsonl" "$WORK/auteur.pdf"
	check "a PDF's author, in part properties" \
		grep -q '"value":"Willeke de Bruijn".*"key":"author","part":"properties"' "$WORK/auteur.jsonl"
	check "a PDF's last change as the data's age (2015-03-04)" \
		grep -q '"record":"file".*"saved":1425463200' "$WORK/auteur.jsonl"
fi

# The policy: --ocr off reads metadata only and lists the rest.
"$PIISCAN" -q --ocr off --records -o "$WORK/off.jsonl" "$I"
check "--ocr off: no text read from a scan" sh -c \
	"! grep -q '\"file\":\"$I/scan-brief.png\",\"rule\"' '$WORK/off.jsonl'"
check "--ocr off: each image listed (ocr.off), the scanned PDF as needing OCR" sh -c \
	"grep -q '\"path\":\"$I/scan-brief.png\".*\"code\":\"ocr.off\"' '$WORK/off.jsonl' &&
	 grep -q '\"path\":\"$I/scan.pdf\".*\"code\":\"needs_ocr\".*--ocr off' '$WORK/off.jsonl'"
check "--ocr off: the photo's metadata still" \
	grep -q '"file":"fixtures/images/vakantie.jpg","rule":"gps_location"' "$WORK/off.jsonl"

# The budget: one second for the run leaves pages unread, each listed
# (ocr.budget), and the scan finishes.
"$PIISCAN" -q -j 1 --ocr-budget 1 --records -o "$WORK/budget.jsonl" "$I"
check "--ocr-budget 1: scan finishes (exit 0)" test $? -eq 0
check "--ocr-budget 1: images left for the budget are listed" \
	grep -q '"code":"ocr.budget"' "$WORK/budget.jsonl"

# Hostile images: a 30000 x 30000 PNG (a decompression bomb), a TIFF of
# 10,000 pages (made here: too large to keep in the repository), a cut
# JPEG, an EXIF loop, a PNG of garbage. Each gives its row; memory stays
# far below what decoding the bomb would take (900 MB).
$PY scripts/make-image-fixtures.py --big "$WORK/big" >/dev/null
cp $I/hostile/* "$WORK/big/"
/usr/bin/time -f '%M' -o "$WORK/rss" "$PIISCAN" -q -j 2 --records -o "$WORK/h.jsonl" "$WORK/big"
check "hostile images: scan finishes (exit 0)" test $? -eq 0
check "bomb.png: not decoded (limit.size)" \
	grep -q '"path":"[^"]*bomb.png".*"code":"limit.size".*30000 x 30000' "$WORK/h.jsonl"
check "pages-10000.tif: stops at the page limit (limit.size)" \
	grep -q '"path":"[^"]*pages-10000.tif".*"code":"limit.size".*more than 2000 pages' "$WORK/h.jsonl"
check "truncated.jpg: cut short (damaged)" \
	grep -q '"path":"[^"]*truncated.jpg".*"code":"damaged".*cut short' "$WORK/h.jsonl"
check "not-really.png: not an image (damaged)" \
	grep -q '"path":"[^"]*not-really.png".*"code":"damaged"' "$WORK/h.jsonl"
check "exif-loop.jpg: read, with its row" grep -q '"path":"[^"]*exif-loop.jpg"' "$WORK/h.jsonl"
check "hostile images: less than 600 MB resident" test "$(cat "$WORK/rss")" -lt 600000
finish
