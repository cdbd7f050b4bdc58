/*
 * The Office Open XML extractor through the recording sink: the text of
 * documents and slides, every cell of a workbook located by sheet and
 * header, embedded files handed on as members.
 */
#include <stdlib.h>

#include "pii_limits.h"
#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_ooxml;

#define TYPES "<?xml version=\"1.0\"?><Types/>"

static bool cell_is(const struct rs_rec *r, const char *sheet, const char *column, uint64_t row)
{
	return r && !r->stream && r->loc.table && !strcmp(r->loc.table, sheet) &&
	       ((!column && !r->loc.column) ||
		(column && r->loc.column && !strcmp(r->loc.column, column))) &&
	       r->row == row && r->line == (row ? row : 1);
}

/* ---- workbooks -------------------------------------------------------------------- */

static const struct t_zip_member workbook[] = {
	{"[Content_Types].xml", TYPES, 0, false},
	{"xl/workbook.xml",
	 "<workbook xmlns:r=\"urn:r\"><sheets>"
	 "<sheet name=\"Personeel\" sheetId=\"1\" r:id=\"rId1\"/>"
	 "<sheet name=\"Cijfers\" sheetId=\"2\" r:id=\"rId2\"/>"
	 "</sheets></workbook>", 0, false},
	{"xl/_rels/workbook.xml.rels",
	 "<Relationships>"
	 "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
	 "<Relationship Id=\"rId2\" Target=\"/xl/worksheets/data2.xml\"/>"
	 "</Relationships>", 0, false},
	/* a header of shared and inline strings; row 2 missing; a formula's
	 * result, a boolean and an error */
	{"xl/worksheets/sheet1.xml",
	 "<worksheet><sheetData>"
	 "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
	 "<c r=\"C1\" t=\"inlineStr\"><is><t>Notitie</t></is></c></row>"
	 "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c>"
	 "<c r=\"B3\" t=\"inlineStr\"><is><t>jan@example.nl</t></is></c>"
	 "<c r=\"C3\" t=\"str\"><f>A3&amp;\"!\"</f><v>Jan de Vries!</v></c>"
	 "<c r=\"D3\" t=\"b\"><v>1</v></c></row>"
	 "<row r=\"4\"><c r=\"A4\"><v>42</v></c><c r=\"C4\" t=\"e\"><v>#N/A</v></c></row>"
	 "</sheetData></worksheet>", 0, false},
	/* a first row with a number: data, columns by letter */
	{"xl/worksheets/data2.xml",
	 "<worksheet><sheetData>"
	 "<row r=\"1\"><c r=\"A1\"><v>2024</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
	 "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>x@example.nl</t></is></c></row>"
	 "</sheetData></worksheet>", 0, false},
	/* no relationship, no references: named and numbered as it comes */
	{"xl/worksheets/sheet3.xml",
	 "<worksheet><sheetData><row><c><v>7</v></c></row></sheetData></worksheet>", 0, false},
	{"xl/comments1.xml",
	 "<comments><commentList><comment ref=\"A1\"><text><r><t>Opmerking van Piet</t></r>"
	 "</text></comment></commentList></comments>", 0, false},
	/* after the sheets, as in most files: read in a first pass; runs of
	 * rich text joined, the phonetic guide left out */
	{"xl/sharedStrings.xml",
	 "<sst><si><t>Naam</t></si><si><t>Email</t></si>"
	 "<si><r><t xml:space=\"preserve\">Jan </t></r><r><t>de Vries</t></r>"
	 "<rPh><t>yan</t></rPh></si></sst>", 0, false},
};

static void check_workbook(const struct record_sink *rs, const char *path)
{
	CHECK_CLEAN(rs);
	/* the header names the columns and is no value in them */
	CHECK(cell_is(rs_text_eq(rs, "Naam"), "Personeel", NULL, 0));
	CHECK(cell_is(rs_text_eq(rs, "Notitie"), "Personeel", NULL, 0));
	const struct rs_rec *r = rs_text_eq(rs, "Jan de Vries");
	CHECK(cell_is(r, "Personeel", "Naam", 3));
	CHECK_STR(r ? r->loc.file : NULL, path);
	CHECK(cell_is(rs_text_eq(rs, "jan@example.nl"), "Personeel", "Email", 3));
	CHECK(cell_is(rs_text_eq(rs, "Jan de Vries!"), "Personeel", "Notitie", 3));
	CHECK(cell_is(rs_text_eq(rs, "42"), "Personeel", "Naam", 4));
	CHECK(rs_text(rs, "A3&") == NULL && rs_text(rs, "#N/A") == NULL);
	CHECK(rs_text_eq(rs, "1") == NULL && rs_text(rs, "yan") == NULL);
	const struct rs_rec *rows = rs_table_rows(rs, "Personeel");
	CHECK(rows && rows->count == 2 && !strcmp(rows->path, path));

	CHECK(cell_is(rs_text_eq(rs, "2024"), "Cijfers", "A", 1));
	r = rs_text_eq(rs, "Email");
	r = r ? rs_text_next(rs, r, "Email") : NULL; /* the shared string again */
	CHECK(cell_is(r, "Cijfers", "B", 1));
	CHECK(cell_is(rs_text_eq(rs, "x@example.nl"), "Cijfers", "B", 2));
	rows = rs_table_rows(rs, "Cijfers");
	CHECK(rows && rows->count == 2);

	CHECK(cell_is(rs_text_eq(rs, "7"), "sheet 3", "A", 1));
	rows = rs_table_rows(rs, "sheet 3");
	CHECK(rows && rows->count == 1);

	r = rs_text(rs, "Opmerking van Piet");
	CHECK(r && r->stream && !r->loc.table);
	/* 4 + 3 of Personeel, 3 of Cijfers, 1 of sheet 3, the comments */
	CHECK_U64(rs_count(rs, RS_TEXT), 12);
	CHECK_U64(rs_count(rs, RS_PROBLEM), 0);
	CHECK_U64(rs->row, 0);
}

static void xlsx(void)
{
	size_t len;
	unsigned char *zip = t_zip(workbook, sizeof(workbook) / sizeof(workbook[0]), &len);
	struct t_input t;
	CHECK(t_input_bytes(&t, "hr/personeel.xlsx", zip, len));
	CHECK(t_bid(&t, x) == PII_BID_SIGNATURE);
	CHECK(pii_extractor_for(&t.in) == x);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	check_workbook(&rs, "hr/personeel.xlsx");
	rs_free(&rs);
	t_input_free(&t);
	free(zip);
}

static void xlsx_fixture(void)
{
	/* in memory, and from its file on disk (read twice) */
	for (int on_disk = 0; on_disk < 2; on_disk++) {
		struct t_input t;
		CHECK(on_disk ? t_input_open(&t, "fixtures/documents/dossier.xlsx")
			      : t_input_fixture(&t, "fixtures/documents/dossier.xlsx"));
		struct record_sink rs;
		rs_init(&rs);
		CHECK(t_extract(&t, x, &rs) == PII_OK);
		CHECK_CLEAN(&rs);
		CHECK(cell_is(rs_text_eq(&rs, "E-mail"), "Klanten", NULL, 0));
		CHECK(cell_is(rs_text_eq(&rs, "j.devries@ziggo.nl"), "Klanten", "E-mail", 2));
		CHECK(cell_is(rs_text_eq(&rs, "725763863"), "Klanten", "BSN", 2));
		CHECK(cell_is(rs_text_eq(&rs, "NL39 RABO 0300 0652 64"), "Klanten", "IBAN", 2));
		const struct rs_rec *rows = rs_table_rows(&rs, "Klanten");
		CHECK(rows && rows->count == 1);
		rs_free(&rs);
		t_input_free(&t);
	}
}

/* Bytes libxml2 cannot decode in the shared strings. */
static void xlsx_bad_bytes(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/hostile/libxml-bad-bytes.xlsx") == PII_OK);
	CHECK(cell_is(rs_text_eq(&rs, "j.devries@ziggo.nl"), "Klanten", "Naam", 3));
	/* the cell of row 2 reached the sink as the 0xFF bytes libxml2 gave;
	 * xml.c now makes them valid UTF-8 */
	CHECK_CLEAN(&rs);
	rs_free(&rs);

	/* a sheet named "R&D": xml.c once gave the attribute as "R&#38;D" */
	static const struct t_zip_member rd[] = {
		{"[Content_Types].xml", TYPES, 0, false},
		{"xl/workbook.xml", "<workbook xmlns:r=\"urn:r\"><sheets><sheet name=\"R&amp;D\" "
				    "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>", 0, false},
		{"xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" "
					       "Target=\"worksheets/sheet1.xml\"/></Relationships>",
		 0, false},
		{"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\">"
					     "<v>5</v></c></row></sheetData></worksheet>", 0, false},
	};
	size_t len;
	unsigned char *zip = t_zip(rd, sizeof(rd) / sizeof(rd[0]), &len);
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "rd.xlsx", zip, len) == PII_OK);
	CHECK(cell_is(rs_text_eq(&rs, "5"), "R&D", "A", 1));
	rs_free(&rs);
	free(zip);
}

/* Blank cells, as every formatted empty one is (<c r="B2" s="1"/>): no
 * text, no column named, no row counted. (ooxml.c once emptied its
 * buffer by length alone and read it as a C string: B2 gave A2 again.) */
static void xlsx_blank_cells(void)
{
	static const struct t_zip_member blank[] = {
		{"[Content_Types].xml", TYPES, 0, false},
		{"xl/workbook.xml", "<workbook/>", 0, false},
		{"xl/worksheets/sheet1.xml",
		 "<worksheet><sheetData><row r=\"1\">"
		 "<c r=\"A1\" t=\"inlineStr\"><is><t>Naam</t></is></c>"
		 "<c r=\"B1\" t=\"inlineStr\"><is><t>Email</t></is></c><c r=\"C1\" s=\"1\"/></row>"
		 "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>jan@example.nl</t></is></c>"
		 "<c r=\"B2\" s=\"1\"/><c r=\"C2\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
		 "<row r=\"3\"><c r=\"A3\" s=\"1\"/><c r=\"B3\" s=\"2\"><v></v></c></row>"
		 "</sheetData></worksheet>", 0, false},
	};
	size_t len;
	unsigned char *zip = t_zip(blank, sizeof(blank) / sizeof(blank[0]), &len);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "blank.xlsx", zip, len) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs_text_count(&rs, "jan@example.nl"), 1);
	/* a blank in the header leaves it a header, naming no column */
	CHECK(cell_is(rs_text_eq(&rs, "Email"), "sheet 1", NULL, 0));
	CHECK(cell_is(rs_text_eq(&rs, "jan@example.nl"), "sheet 1", "Naam", 2));
	CHECK(cell_is(rs_text_eq(&rs, "x"), "sheet 1", "C", 2));
	CHECK_U64(rs_count(&rs, RS_TEXT), 4);
	const struct rs_rec *rows = rs_table_rows(&rs, "sheet 1");
	CHECK(rows && rows->count == 1);
	rs_free(&rs);
	free(zip);
}

/* Numbers in a date style are dates as a person reads them: a custom
 * format, a built-in one, the 1904 date system; a time of day or a plain
 * number stays a number. Dates checked against Python's calendar. */
static void xlsx_dates(bool date1904)
{
	const struct t_zip_member book[] = {
		{"[Content_Types].xml", TYPES, 0, false},
		{"xl/workbook.xml", date1904 ? "<workbook><workbookPr date1904=\"1\"/></workbook>"
					     : "<workbook><workbookPr/></workbook>", 0, false},
		{"xl/styles.xml",
		 "<styleSheet><numFmts count=\"1\"><numFmt numFmtId=\"164\" "
		 "formatCode=\"dd\\-mm\\-yyyy\"/></numFmts>"
		 "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
		 "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/>"
		 "<xf numFmtId=\"14\"/><xf numFmtId=\"20\"/></cellXfs></styleSheet>", 0, false},
		{"xl/worksheets/sheet1.xml",
		 "<worksheet><sheetData><row r=\"1\">"
		 "<c r=\"A1\" t=\"inlineStr\"><is><t>Geboren</t></is></c>"
		 "<c r=\"B1\" t=\"inlineStr\"><is><t>Ingevoerd</t></is></c>"
		 "<c r=\"C1\" t=\"inlineStr\"><is><t>Tijd</t></is></c>"
		 "<c r=\"D1\" t=\"inlineStr\"><is><t>Telefoon</t></is></c></row>"
		 "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>31118</v></c>"
		 "<c r=\"B2\" s=\"2\"><v>30260.75</v></c><c r=\"C2\" s=\"3\"><v>0.5</v></c>"
		 "<c r=\"D2\" s=\"0\"><v>612385674</v></c></row>"
		 "</sheetData></worksheet>", 0, false},
	};
	size_t len;
	unsigned char *zip = t_zip(book, sizeof(book) / sizeof(book[0]), &len);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "datums.xlsx", zip, len) == PII_OK);
	CHECK_CLEAN(&rs);
	if (date1904) {
		CHECK(cell_is(rs_text_eq(&rs, "1989-03-13"), "sheet 1", "Geboren", 2));
	} else {
		CHECK(cell_is(rs_text_eq(&rs, "1985-03-12"), "sheet 1", "Geboren", 2));
		CHECK(cell_is(rs_text_eq(&rs, "1982-11-05 18:00"), "sheet 1", "Ingevoerd", 2));
	}
	CHECK(cell_is(rs_text_eq(&rs, "0.5"), "sheet 1", "Tijd", 2));
	CHECK(cell_is(rs_text_eq(&rs, "612385674"), "sheet 1", "Telefoon", 2));
	rs_free(&rs);
	free(zip);
}

/* ---- documents and slides ------------------------------------------------------- */

static const struct t_zip_member document[] = {
	{"[Content_Types].xml", TYPES, 0, false},
	{"word/document.xml",
	 "<w:document xmlns:w=\"urn:w\" xmlns:mc=\"urn:mc\"><w:body>"
	 "<w:p><w:r><w:t>Eerste regel</w:t></w:r><w:r><w:tab/><w:t>na tab</w:t></w:r></w:p>"
	 "<w:p><mc:AlternateContent><mc:Choice><w:r><w:t>keuze</w:t></w:r></mc:Choice>"
	 "<mc:Fallback><w:r><w:t>terugval</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"
	 "<w:p><w:r><w:t xml:space=\"preserve\">Jan </w:t></w:r><w:r><w:t>de Vries</w:t></w:r>"
	 "<w:r><w:br/><w:t>jan@example.nl</w:t></w:r></w:p>"
	 "<w:p><w:r><w:instrText>HYPERLINK \"mailto:x@example.nl\"</w:instrText></w:r></w:p>"
	 "<w:p><w:pPr><w:rStyle w:val=\"geen tekst\"/></w:pPr></w:p>"
	 "</w:body></w:document>", 0, false},
	{"word/header1.xml", "<w:hdr xmlns:w=\"urn:w\"><w:p><w:r><w:t>Kop: Bakker</w:t></w:r></w:p>"
			     "</w:hdr>", 0, false},
	{"word/media/image1.png", "PNG-VOOR-OCR", 0, false},
	{"word/embeddings/klanten.csv", "naam,email\nJan,jan@example.nl\nPiet,piet@example.nl\n",
	 0, false},
	{"word/embeddings/oleObject1.bin", "\x01\x02OLE", 0, false},
	/* what is about people or the document goes, the rest not; an empty
	 * property gives nothing, spaces around a value are left out */
	{"docProps/core.xml",
	 "<cp:coreProperties xmlns:cp=\"urn:cp\" xmlns:dc=\"urn:dc\" xmlns:dcterms=\"urn:dct\">"
	 "<dc:creator>Auteur Naam</dc:creator>"
	 "<cp:lastModifiedBy>\n  Piet Bakker </cp:lastModifiedBy>"
	 "<dc:title>Offerte</dc:title><dc:subject></dc:subject><dc:subject>  </dc:subject>"
	 "<cp:keywords>klant, offerte</cp:keywords><dc:description>Voor Jan</dc:description>"
	 "<dc:language>nl-NL</dc:language><cp:revision>3</cp:revision>"
	 "<dcterms:created>2024-03-12T10:00:00Z</dcterms:created>"
	 "<dcterms:modified>2019-05-06T07:08:09Z</dcterms:modified></cp:coreProperties>", 0, false},
	{"docProps/app.xml",
	 "<Properties xmlns=\"urn:ep\"><Application>Microsoft Office Word</Application>"
	 "<Company>Bakker &amp; Zonen</Company><Manager>Marieke Visser</Manager></Properties>",
	 0, false},
};

/* The property under key, or NULL. */
static const struct rs_rec *property(const struct record_sink *rs, const char *key)
{
	for (size_t i = 0; i < rs->n; i++) {
		const struct rs_rec *r = &rs->recs[i];
		if (r->kind == RS_TEXT && r->loc.part && !strcmp(r->loc.part, "properties") &&
		    r->loc.key && !strcmp(r->loc.key, key))
			return r;
	}
	return NULL;
}

static size_t properties_count(const struct record_sink *rs)
{
	size_t n = 0;
	for (size_t i = 0; i < rs->n; i++)
		n += rs->recs[i].kind == RS_TEXT && rs->recs[i].loc.part &&
		     !strcmp(rs->recs[i].loc.part, "properties");
	return n;
}

/* A short text of the file itself, keyed, in no table nor row. */
static bool property_is(const struct record_sink *rs, const char *key, const char *value)
{
	const struct rs_rec *r = property(rs, key);
	return r && !r->stream && !strcmp(r->text, value) && !r->loc.table && !r->loc.column &&
	       r->row == 0 && r->line == 0 && r->loc.page == 0;
}

static void docx(void)
{
	size_t len;
	unsigned char *zip = t_zip(document, sizeof(document) / sizeof(document[0]), &len);
	struct t_input t;
	CHECK(t_input_bytes(&t, "brief.docx", zip, len));
	CHECK(t_bid(&t, x) == PII_BID_SIGNATURE);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	/* runs, tabs, breaks and paragraphs; the fallback of alternate
	 * content and the paragraph properties are no text */
	const struct rs_rec *r = rs_text_eq(&rs, "Eerste regel\tna tab\nkeuze\nJan de Vries\n"
						 "jan@example.nl\nHYPERLINK \"mailto:x@example.nl\"\n\n");
	CHECK(r && r->stream && !strcmp(r->loc.file, "brief.docx") && r->loc.page == 0);
	CHECK(rs_text_eq(&rs, "Kop: Bakker\n") != NULL);
	CHECK(rs_text(&rs, "terugval") == NULL && rs_text(&rs, "PNG") == NULL);
	/* the properties, each under its key; dcterms:modified is the
	 * data's age */
	CHECK(property_is(&rs, "author", "Auteur Naam"));
	CHECK(property_is(&rs, "last modified by", "Piet Bakker"));
	CHECK(property_is(&rs, "title", "Offerte"));
	CHECK_U64(rs.saved, 1557126489);
	CHECK(property_is(&rs, "keywords", "klant, offerte"));
	CHECK(property_is(&rs, "description", "Voor Jan"));
	CHECK(property_is(&rs, "company", "Bakker & Zonen"));
	CHECK(property_is(&rs, "manager", "Marieke Visser"));
	CHECK(property(&rs, "subject") == NULL);
	CHECK_U64(properties_count(&rs), 7);
	CHECK(rs_text(&rs, "nl-NL") == NULL && rs_text(&rs, "Microsoft") == NULL &&
	      rs_text(&rs, "2024-03-12") == NULL);
	CHECK_STR(property(&rs, "author") ? property(&rs, "author")->loc.file : NULL, "brief.docx");
	/* the embedded files and pictures are members, as they are (a scan
	 * pasted in is read by OCR) */
	CHECK_U64(rs_count(&rs, RS_CHILD), 3);
	r = rs_child(&rs, "word/media/image1.png");
	CHECK(r && !strcmp(r->text, "PNG-VOOR-OCR"));
	r = rs_child(&rs, "word/embeddings/klanten.csv");
	CHECK(r && !strcmp(r->path, "brief.docx") && r->depth == 0 &&
	      !strcmp(r->text, document[4].data) && r->count == strlen(document[4].data));
	r = rs_child(&rs, "word/embeddings/oleObject1.bin");
	CHECK(r && r->len == 5 && !memcmp(r->text, "\x01\x02OLE", 5));
	rs_free(&rs);

	/* past the limits' door the document's own parts are still read */
	rs_init(&rs);
	rs_close_door_after(&rs, 0);
	CHECK(t_run_bytes(&rs, x, "brief.docx", zip, len) == PII_OK);
	CHECK_CLEAN(&rs);
	r = rs_child(&rs, "word/media/image1.png"); /* the first member offered */
	CHECK(r && r->status == PII_ELIMIT && r->len == 0);
	CHECK(rs_text(&rs, "Eerste regel") != NULL && rs_text(&rs, "Kop: Bakker") != NULL);
	CHECK(property_is(&rs, "author", "Auteur Naam"));
	/* "PII_ELIMIT: read no more of them" (pii_sink.h): the next embedded
	 * file is not offered */
	CHECK_U64(rs_count(&rs, RS_CHILD), 1);
	rs_free(&rs);

	/* followed into: the embedded CSV's cells, one level down */
	rs_init(&rs);
	rs.recurse = true;
	CHECK(t_run_bytes(&rs, x, "brief.docx", zip, len) == PII_OK);
	CHECK_CLEAN(&rs);
	r = rs_text_eq(&rs, "piet@example.nl");
	CHECK(r && !strcmp(r->loc.file, "brief.docx!word/embeddings/klanten.csv") &&
	      r->loc.column && !strcmp(r->loc.column, "email") && r->row == 3);
	rs_free(&rs);
	t_input_free(&t);
	free(zip);
}

static void docx_fixture(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/documents/dossier.docx") == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_text(&rs, "Klantdossier Bakker & Zonen\nContactpersoon: Jan de "
					      "Vries, e-mail j.devries@ziggo.nl, telefoon 06-23456789.\n");
	CHECK(r && r->stream && r->loc.page == 0);
	CHECK(r && strstr(r->text, "\nBSN 725763863. Rekening (IBAN) NL39 RABO 0300 0652 64.\n"));
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	/* its core.xml names no author, only a title */
	CHECK(property_is(&rs, "title", "Klantdossier"));
	CHECK_U64(properties_count(&rs), 1);
	rs_free(&rs);
}

/* A property longer than a short text goes as a stream, keyed all the
 * same; one cut short gives what was read, and no stream is left open. */
static void properties(void)
{
	size_t long_len = PII_CELL_MAX + 100;
	char *core = malloc(long_len + 200);
	CHECK(core != NULL);
	if (!core)
		return;
	int n = sprintf(core, "<cp:coreProperties xmlns:cp=\"urn:cp\" xmlns:dc=\"urn:dc\">"
			      "<dc:description>");
	memset(core + n, 'a', long_len);
	strcpy(core + n + long_len, "</dc:description></cp:coreProperties>");
	const struct t_zip_member parts[] = {
		{"[Content_Types].xml", TYPES, 0, false},
		{"word/document.xml", "<w:document xmlns:w=\"urn:w\"/>", 0, false},
		{"docProps/core.xml", core, 0, false},
		{"docProps/app.xml", "<Properties><Manager>Marieke Visser", 0, false},
	};
	size_t len;
	unsigned char *zip = t_zip(parts, sizeof(parts) / sizeof(parts[0]), &len);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "lang.docx", zip, len) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = property(&rs, "description");
	CHECK(r && r->stream && r->len == long_len && !r->loc.table);
	CHECK(property_is(&rs, "manager", "Marieke Visser"));
	CHECK_U64(properties_count(&rs), 2);
	rs_free(&rs);
	free(zip);
	free(core);
}

static void pptx(void)
{
	static const struct t_zip_member deck[] = {
		{"[Content_Types].xml", TYPES, 0, false},
		{"ppt/presentation.xml", "<p:presentation xmlns:p=\"urn:p\"/>", 0, false},
		{"ppt/slides/slide10.xml",
		 "<p:sld xmlns:p=\"urn:p\" xmlns:a=\"urn:a\"><a:p><a:r><a:t>Dia tien</a:t></a:r></a:p>"
		 "</p:sld>", 0, false},
		{"ppt/slides/slide2.xml",
		 "<p:sld xmlns:p=\"urn:p\" xmlns:a=\"urn:a\"><a:p><a:r><a:t>Dia twee</a:t></a:r></a:p>"
		 "</p:sld>", 0, false},
		{"ppt/notesSlides/notesSlide2.xml",
		 "<p:notes xmlns:p=\"urn:p\" xmlns:a=\"urn:a\"><a:p><a:r><a:t>Notitie: bel Jan</a:t>"
		 "</a:r></a:p></p:notes>", 0, false},
		{"ppt/slideLayouts/slideLayout1.xml",
		 "<p:sldLayout xmlns:p=\"urn:p\" xmlns:a=\"urn:a\"><a:p><a:r><a:t>Sjabloon</a:t>"
		 "</a:r></a:p></p:sldLayout>", 0, false},
	};
	size_t len;
	unsigned char *zip = t_zip(deck, sizeof(deck) / sizeof(deck[0]), &len);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "praatje.pptx", zip, len) == PII_OK);
	CHECK_CLEAN(&rs);
	/* the slide's number, from its name, is the page */
	const struct rs_rec *r = rs_text_eq(&rs, "Dia tien\n");
	CHECK(r && r->loc.page == 10);
	r = rs_text_eq(&rs, "Dia twee\n");
	CHECK(r && r->loc.page == 2);
	r = rs_text_eq(&rs, "Notitie: bel Jan\n");
	CHECK(r && r->loc.page == 2);
	CHECK(rs_text(&rs, "Sjabloon") == NULL); /* layouts are no slides */
	rs_free(&rs);
	free(zip);

	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/documents/dossier.pptx") == PII_OK);
	CHECK_CLEAN(&rs);
	r = rs_text(&rs, "Contactpersoon: Jan de Vries");
	CHECK(r && r->loc.page == 1);
	rs_free(&rs);
}

static void bids(void)
{
	/* no content types first: the name tells */
	static const struct t_zip_member plain[] = {{"word/document.xml", "<w:document/>", 0, false}};
	size_t len;
	unsigned char *zip = t_zip(plain, 1, &len);
	struct t_input t;
	CHECK(t_input_bytes(&t, "map/BRIEF.DOCX", zip, len));
	CHECK(t_bid(&t, x) == PII_BID_SIGNATURE);
	t_input_free(&t);
	CHECK(t_input_bytes(&t, "map/brief.zip", zip, len));
	CHECK(t_bid(&t, x) == PII_BID_NONE);
	CHECK(pii_extractor_for(&t.in) == &pii_extractor_archive);
	t_input_free(&t);
	free(zip);
}

void test_extract_ooxml(void)
{
	xlsx();
	xlsx_fixture();
	xlsx_bad_bytes();
	xlsx_blank_cells();
	xlsx_dates(false);
	xlsx_dates(true);
	docx();
	properties();
	docx_fixture();
	pptx();
	bids();
}
