#!/bin/sh
# Seeds each fuzz target's corpus (tests/fuzz/corpus/TARGET/) from the
# fixtures. Run from the repository root; the corpora are committed, and
# `make fuzz` adds to them in build-fuzz/ (merge what is worth keeping
# with: build-fuzz/fuzz/fuzz_T -merge=1 tests/fuzz/corpus/T build-fuzz/fuzz/new/T).
set -eu
C=tests/fuzz/corpus
mkdir -p $C/csv $C/json $C/sql $C/mime $C/rtf $C/markup $C/archive $C/rules $C/decode $C/ooxml \
	$C/odf $C/pst $C/sqlite $C/cfb $C/vcard
cp fixtures/exports/*.csv fixtures/exports/*.tsv fixtures/hostile/kapot.csv $C/csv/
cp fixtures/exports/*.json fixtures/exports/*.ndjson fixtures/hostile/*.json fixtures/hostile/*.ndjson $C/json/
cp fixtures/dumps/*.sql fixtures/hostile/webshop-*.sql $C/sql/
cp fixtures/mail/*.eml fixtures/mail/*.mbox $C/mime/
cp fixtures/documents/dossier.rtf $C/rtf/
cp fixtures/documents/dossier.html fixtures/documents/dossier.xml $C/markup/
for f in dossier.zip dossier.tar.gz dossier.tar.xz dossier.tar.bz2 dossier.7z dossier.rar \
	dossier.cpio dossier.txt.gz nested.zip; do
	cp fixtures/containers/$f $C/archive/
done
cp fixtures/hostile/encrypted.zip fixtures/hostile/bad-central-dir.zip fixtures/hostile/nest100.zip $C/archive/
cp rules/*.yaml $C/rules/
# decode: a byte for the encoding (0 UTF-8, 1 UTF-16LE, 2 UTF-16BE, 3 CP1252), one
# for the size of the pieces
printf '\001\007' | cat - fixtures/encodings/brief-utf16le.txt >$C/decode/utf16le
printf '\002\003' | cat - fixtures/encodings/notities-utf16be.txt >$C/decode/utf16be
printf '\003\020' | cat - fixtures/encodings/adressen-latin1.txt >$C/decode/cp1252
printf '\000\001' | cat - fixtures/hostile/bad-utf8.txt >$C/decode/bad-utf8
# ooxml: a byte for the part (0 worksheet, 1 shared strings, 2 Word body), then its XML
unzip -p fixtures/documents/dossier.xlsx xl/worksheets/sheet1.xml | { printf '\000'; cat; } >$C/ooxml/sheet
unzip -p fixtures/documents/dossier.xlsx xl/sharedStrings.xml | { printf '\001'; cat; } >$C/ooxml/shared
unzip -p fixtures/documents/dossier.docx word/document.xml | { printf '\002'; cat; } >$C/ooxml/document
# odf: a byte for the kind (1 spreadsheet, 0 text), then its content.xml
unzip -p fixtures/documents/dossier.ods content.xml | { printf '\001'; cat; } >$C/odf/spreadsheet
unzip -p fixtures/documents/dossier.odt content.xml | { printf '\000'; cat; } >$C/odf/text
cp fixtures/mail/dossier.pst $C/pst/
cp fixtures/dumps/crm.sqlite $C/sqlite/
# cfb: the legacy Office files and Outlook items, and the damaged ones
cp fixtures/documents/dossier.doc fixtures/documents/dossier.xls fixtures/legacy/brief.doc \
	fixtures/legacy/rtf-only.msg fixtures/legacy/doorgestuurd.msg $C/cfb/
for f in fixtures/legacy/hostile/*.*; do
	case $f in *nest100*) continue ;; esac # 69 KB of nesting: slow to replay
	cp "$f" "$C/cfb/hostile-$(basename "$f")"
done
cp fixtures/contacts/adresboek.vcf fixtures/contacts/agenda.ics $C/vcard/
