/*
 * fuzz_ooxml.c - the XML of Office Open XML documents: the input becomes
 * a worksheet, the shared strings or a Word document body inside an
 * xlsx/docx made here (the first byte says which), so the fuzzer works on
 * the XML and not on the zip around it.
 */
#include <archive.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int kind = data[0] % 3;
	data++;
	size--;
	static const char types_x[] =
		"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
		"<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
		"officedocument.spreadsheetml.sheet.main+xml\"/></Types>";
	static const char types_w[] =
		"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
		"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
		"officedocument.wordprocessingml.document.main+xml\"/></Types>";
	static const char workbook[] =
		"<?xml version=\"1.0\"?><workbook xmlns:r=\"r\"><sheets><sheet name=\"Klanten\" "
		"sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
	static const char rels[] =
		"<?xml version=\"1.0\"?><Relationships><Relationship Id=\"rId1\" "
		"Target=\"worksheets/sheet1.xml\"/></Relationships>";
	static const char sheet[] =
		"<?xml version=\"1.0\"?><worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v>"
		"</c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row></sheetData></worksheet>";
	static const char shared[] =
		"<?xml version=\"1.0\"?><sst><si><t>E-mail</t></si><si><t>j.devries@ziggo.nl</t></si></sst>";
	size_t cap = size + 16384;
	void *zip = malloc(cap);
	size_t used = 0;
	struct archive *a = archive_write_new();
	if (!zip || !a)
		abort();
	archive_write_set_format_zip(a);
	archive_write_open_memory(a, zip, cap, &used);
	if (kind == 2) {
		fuzz_zip_add(a, "[Content_Types].xml", types_w, sizeof(types_w) - 1);
		fuzz_zip_add(a, "word/document.xml", data, size);
	} else {
		fuzz_zip_add(a, "[Content_Types].xml", types_x, sizeof(types_x) - 1);
		fuzz_zip_add(a, "xl/workbook.xml", workbook, sizeof(workbook) - 1);
		fuzz_zip_add(a, "xl/_rels/workbook.xml.rels", rels, sizeof(rels) - 1);
		fuzz_zip_add(a, "xl/worksheets/sheet1.xml", kind == 0 ? (const void *)data : sheet,
		    kind == 0 ? size : sizeof(sheet) - 1);
		fuzz_zip_add(a, "xl/sharedStrings.xml", kind == 1 ? (const void *)data : shared,
		    kind == 1 ? size : sizeof(shared) - 1);
	}
	archive_write_close(a);
	archive_write_free(a);
	fuzz_scan(kind == 2 ? "f.docx" : "f.xlsx", zip, used, &pii_extractor_ooxml);
	free(zip);
	return 0;
}
