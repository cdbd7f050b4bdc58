/*
 * The OpenDocument extractor through the recording sink: text of
 * documents, slides by number, every cell of a spreadsheet located by
 * sheet and header, repeated rows and columns counted, embedded files
 * handed on.
 */
#include <stdlib.h>

#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_odf;

#define NS "xmlns:office=\"urn:office\" xmlns:table=\"urn:table\" xmlns:text=\"urn:text\" " \
	   "xmlns:draw=\"urn:draw\" xmlns:style=\"urn:style\" xmlns:meta=\"urn:meta\""

static bool cell_is(const struct rs_rec *r, const char *sheet, const char *column, uint64_t row)
{
	return r && !r->stream && r->loc.table && !strcmp(r->loc.table, sheet) &&
	       ((!column && !r->loc.column) ||
		(column && r->loc.column && !strcmp(r->loc.column, column))) &&
	       r->row == row && r->line == (row ? row : 1);
}

static bool is_property(const struct rs_rec *r)
{
	return r->kind == RS_TEXT && r->loc.part && !strcmp(r->loc.part, "properties");
}

/* The property under key with value: a short text of the file itself, in
 * no table nor row. */
static bool property_is(const struct record_sink *rs, const char *key, const char *value)
{
	for (size_t i = 0; i < rs->n; i++) {
		const struct rs_rec *r = &rs->recs[i];
		if (is_property(r) && r->loc.key && !strcmp(r->loc.key, key) &&
		    !strcmp(r->text, value))
			return !r->stream && !r->loc.table && !r->loc.column && r->row == 0 &&
			       r->line == 0 && r->loc.page == 0;
	}
	return false;
}

static size_t properties_count(const struct record_sink *rs)
{
	size_t n = 0;
	for (size_t i = 0; i < rs->n; i++)
		n += is_property(&rs->recs[i]);
	return n;
}

static const struct t_zip_member spreadsheet[] = {
	{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0, false},
	{"content.xml",
	 "<office:document-content " NS "><office:body><office:spreadsheet>"
	 "<table:table table:name=\"Leden\">"
	 /* a header; its second cell stands for columns 2 and 3 */
	 "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Naam</text:p>"
	 "</table:table-cell><table:table-cell table:number-columns-repeated=\"2\" "
	 "office:value-type=\"string\"><text:p>Leeg</text:p></table:table-cell>"
	 "<table:table-cell office:value-type=\"string\"><text:p>Email</text:p>"
	 "</table:table-cell></table:table-row>"
	 /* rows 2 to 4, the same: read once */
	 "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell "
	 "office:value-type=\"string\"><text:p>herhaald</text:p></table:table-cell>"
	 "</table:table-row>"
	 /* row 5: two paragraphs, a repeated cell, a comment on a cell, a
	  * number and a date by their values */
	 "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Jan</text:p>"
	 "<text:p>de<text:s/>Vries</text:p></table:table-cell>"
	 "<table:table-cell table:number-columns-repeated=\"2\" office:value-type=\"string\">"
	 "<text:p>dubbel</text:p></table:table-cell>"
	 "<table:table-cell office:value-type=\"string\"><text:p>jan@example.nl</text:p>"
	 "<office:annotation><text:p>niet dit</text:p></office:annotation></table:table-cell>"
	 "<table:table-cell office:value-type=\"float\" office:value=\"1234.5\">"
	 "<text:p>1.234,50</text:p></table:table-cell>"
	 "<table:table-cell office:value-type=\"date\" office:date-value=\"1980-05-01\">"
	 "<text:p>01-05-80</text:p></table:table-cell>"
	 "</table:table-row></table:table>"
	 /* a first row with a number: data, columns by letter */
	 "<table:table table:name=\"Getallen\"><table:table-row>"
	 "<table:table-cell office:value-type=\"float\" office:value=\"7\"><text:p>7</text:p>"
	 "</table:table-cell><table:table-cell office:value-type=\"string\"><text:p>tekst</text:p>"
	 "</table:table-cell></table:table-row></table:table>"
	 "</office:spreadsheet></office:body></office:document-content>", 0, false},
	{"styles.xml",
	 "<office:document-styles " NS "><office:master-styles><style:master-page><style:header>"
	 "<text:p>Kop van Bakker</text:p></style:header></style:master-page></office:master-styles>"
	 "</office:document-styles>", 0, false},
	/* who made it and what it is about go, the rest not; dc:creator is
	 * whoever saved it last */
	{"meta.xml",
	 "<office:document-meta " NS " xmlns:dc=\"urn:dc\"><office:meta>"
	 "<meta:initial-creator>Auteur Naam</meta:initial-creator>"
	 "<dc:creator> Piet Bakker\n</dc:creator><dc:title>Ledenlijst</dc:title>"
	 "<dc:subject/><meta:keyword>leden</meta:keyword><meta:keyword>2024</meta:keyword>"
	 "<dc:description>Voor Jan</dc:description><dc:language>nl-NL</dc:language>"
	 "<meta:generator>LibreOffice/7.4</meta:generator><dc:date>2024-03-12T10:00:00</dc:date>"
	 "<meta:document-statistic meta:cell-count=\"10\"/></office:meta></office:document-meta>",
	 0, false},
	{"Pictures/foto.png", "PNG-VOOR-OCR", 0, false},
	{"Thumbnails/thumbnail.png", "PNG-NIET-LEZEN", 0, false},
	{"Object 1/content.xml",
	 "<office:document-content " NS "><office:body><office:chart><text:p>Grafiek van Jan"
	 "</text:p></office:chart></office:body></office:document-content>", 0, false},
	{"bijlage.txt", "Bijlage: piet@example.nl\n", 0, false},
	{"media/geluid.wav", "RIFF-NIET-LEZEN", 0, false},
};

static void ods(void)
{
	size_t len;
	unsigned char *zip = t_zip(spreadsheet, sizeof(spreadsheet) / sizeof(spreadsheet[0]), &len);
	struct t_input t;
	CHECK(t_input_bytes(&t, "leden.ods", zip, len));
	CHECK(t_bid(&t, x) == PII_BID_SIGNATURE);
	CHECK(pii_extractor_for(&t.in) == x);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(cell_is(rs_text_eq(&rs, "Naam"), "Leden", NULL, 0));
	CHECK(cell_is(rs_text_eq(&rs, "Leeg"), "Leden", NULL, 0));
	CHECK(cell_is(rs_text_eq(&rs, "Email"), "Leden", NULL, 0));
	CHECK(cell_is(rs_text_eq(&rs, "herhaald"), "Leden", "Naam", 2));
	CHECK_U64(rs_text_count(&rs, "herhaald"), 1);
	/* repeated rows and columns are counted: row 5, columns 4 to 6 */
	const struct rs_rec *r = rs_text_eq(&rs, "Jan de Vries");
	CHECK(cell_is(r, "Leden", "Naam", 5));
	CHECK_STR(r ? r->loc.file : NULL, "leden.ods");
	CHECK(cell_is(rs_text_eq(&rs, "dubbel"), "Leden", "Leeg", 5));
	CHECK(cell_is(rs_text_eq(&rs, "jan@example.nl"), "Leden", "Email", 5));
	CHECK(cell_is(rs_text_eq(&rs, "1234.5"), "Leden", "E", 5));
	CHECK(cell_is(rs_text_eq(&rs, "1980-05-01"), "Leden", "F", 5));
	CHECK(rs_text(&rs, "niet dit") == NULL && rs_text(&rs, "1.234,50") == NULL);
	r = rs_table_rows(&rs, "Leden");
	CHECK(r && r->count == 2 && !strcmp(r->path, "leden.ods"));
	CHECK(cell_is(rs_text_eq(&rs, "7"), "Getallen", "A", 1));
	CHECK(cell_is(rs_text_eq(&rs, "tekst"), "Getallen", "B", 1));
	r = rs_table_rows(&rs, "Getallen");
	CHECK(r && r->count == 1);
	/* headers and footers of styles.xml, an embedded chart's text */
	r = rs_text(&rs, "Kop van Bakker");
	CHECK(r && r->stream && !r->loc.table);
	CHECK(rs_text(&rs, "Grafiek van Jan") != NULL);
	/* meta.xml: the properties, each under its key */
	CHECK(property_is(&rs, "author", "Auteur Naam"));
	CHECK(property_is(&rs, "last modified by", "Piet Bakker"));
	CHECK(property_is(&rs, "title", "Ledenlijst"));
	CHECK(property_is(&rs, "keywords", "leden") && property_is(&rs, "keywords", "2024"));
	CHECK(property_is(&rs, "description", "Voor Jan"));
	CHECK_U64(properties_count(&rs), 6);
	/* dc:date is when it was last saved: the data's age */
	CHECK_U64(rs.saved, 1710237600);
	CHECK(rs_text(&rs, "nl-NL") == NULL && rs_text(&rs, "LibreOffice") == NULL &&
	      rs_text(&rs, "2024-03-12") == NULL);
	CHECK(rs_text(&rs, "PNG") == NULL);
	/* a picture goes to detection (a scan pasted in is read by OCR), the
	 * thumbnail of the first page does not */
	CHECK_U64(rs_count(&rs, RS_CHILD), 3);
	r = rs_child(&rs, "Pictures/foto.png");
	CHECK(r && !strcmp(r->text, "PNG-VOOR-OCR"));
	CHECK(rs_child(&rs, "Thumbnails/thumbnail.png") == NULL);
	r = rs_child(&rs, "bijlage.txt");
	CHECK(r && !strcmp(r->text, "Bijlage: piet@example.nl\n") && !strcmp(r->path, "leden.ods"));
	r = rs_child(&rs, "media/geluid.wav");
	CHECK(r && !strcmp(r->text, "RIFF-NIET-LEZEN"));
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	CHECK_U64(rs.row, 0);
	rs_free(&rs);

	/* past the limits' door its own parts are still read */
	rs_init(&rs);
	rs_close_door_after(&rs, 0);
	CHECK(t_run_bytes(&rs, x, "leden.ods", zip, len) == PII_OK);
	CHECK_CLEAN(&rs);
	r = rs_child(&rs, "Pictures/foto.png"); /* the first member offered */
	CHECK(r && r->status == PII_ELIMIT);
	CHECK(cell_is(rs_text_eq(&rs, "jan@example.nl"), "Leden", "Email", 5));
	CHECK(property_is(&rs, "author", "Auteur Naam"));
	/* "PII_ELIMIT: read no more of them" (pii_sink.h): the next embedded
	 * file is not offered */
	CHECK_U64(rs_count(&rs, RS_CHILD), 1);
	rs_free(&rs);
	t_input_free(&t);
	free(zip);
}

/* Empty cells: no text, no column named, no row counted. (odf.c once
 * emptied its cell buffer by length alone and read it as a C string: an
 * empty cell gave the text before it again.) */
static void empty_cells(void)
{
	static const struct t_zip_member sheet[] = {
		{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0, false},
		{"content.xml",
		 "<office:document-content " NS "><office:body><office:spreadsheet>"
		 "<table:table table:name=\"S\"><table:table-row>"
		 "<table:table-cell office:value-type=\"string\"><text:p>Naam</text:p>"
		 "</table:table-cell><table:table-cell/><table:table-cell office:value-type=\"string\">"
		 "<text:p>Email</text:p></table:table-cell></table:table-row><table:table-row>"
		 "<table:table-cell office:value-type=\"string\"><text:p>jan@example.nl</text:p>"
		 "</table:table-cell><table:table-cell/></table:table-row>"
		 "<table:table-row><table:table-cell/><table:table-cell table:style-name=\"ce1\"/>"
		 "</table:table-row></table:table>"
		 "</office:spreadsheet></office:body></office:document-content>", 0, false},
	};
	size_t len;
	unsigned char *zip = t_zip(sheet, 2, &len);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "leeg.ods", zip, len) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs_text_count(&rs, "Naam"), 1);
	CHECK_U64(rs_text_count(&rs, "jan@example.nl"), 1);
	CHECK_U64(rs_count(&rs, RS_TEXT), 3);
	/* the empty cell in the header names no column; the row stays one */
	CHECK(cell_is(rs_text_eq(&rs, "Email"), "S", NULL, 0));
	CHECK(cell_is(rs_text_eq(&rs, "jan@example.nl"), "S", "Naam", 2));
	const struct rs_rec *r = rs_table_rows(&rs, "S");
	CHECK(r && r->count == 1);
	rs_free(&rs);
	free(zip);
}

/* meta.xml cut short: what was read of a property, no stream left open. */
static void meta_cut_short(void)
{
	static const struct t_zip_member cut[] = {
		{"mimetype", "application/vnd.oasis.opendocument.text", 0, false},
		{"meta.xml", "<office:document-meta " NS "><office:meta><meta:initial-creator>Piet",
		 0, false},
	};
	size_t len;
	unsigned char *zip = t_zip(cut, 2, &len);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "kapot.odt", zip, len) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(property_is(&rs, "author", "Piet"));
	CHECK_U64(rs_count(&rs, RS_TEXT), 1);
	rs_free(&rs);
	free(zip);
}

static void odt_and_odp(void)
{
	static const struct t_zip_member text[] = {
		{"mimetype", "application/vnd.oasis.opendocument.text", 0, false},
		{"content.xml",
		 "<office:document-content " NS "><office:body><office:text>"
		 "<text:h>Titel</text:h><text:p>Jan<text:tab/>de Vries<text:line-break/>"
		 "jan@example.nl</text:p><text:sequence-decls><text:sequence-decl text:name=\"x\"/>"
		 "</text:sequence-decls><table:table table:name=\"T\"><table:table-row>"
		 "<table:table-cell><text:p>in een tabel</text:p></table:table-cell>"
		 "</table:table-row></table:table></office:text></office:body>"
		 "</office:document-content>", 0, false},
	};
	size_t len;
	unsigned char *zip = t_zip(text, 2, &len);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "brief.odt", zip, len) == PII_OK);
	CHECK_CLEAN(&rs);
	/* a table in a text is text; tabs and line breaks separate */
	const struct rs_rec *r = rs_text_eq(&rs, "Titel\nJan\nde Vries\njan@example.nl\nin een tabel\n");
	CHECK(r && r->stream && r->loc.page == 0 && !r->loc.table);
	CHECK_U64(rs_count(&rs, RS_TABLE_ROWS), 0);
	rs_free(&rs);
	free(zip);

	static const struct t_zip_member slides[] = {
		{"mimetype", "application/vnd.oasis.opendocument.presentation", 0, false},
		{"content.xml",
		 "<office:document-content " NS "><office:body><office:presentation>"
		 "<draw:page draw:name=\"a\"><draw:frame><draw:text-box><text:p>Dia een</text:p>"
		 "</draw:text-box></draw:frame></draw:page>"
		 "<draw:page draw:name=\"b\"><draw:frame><draw:text-box><text:p>Dia twee</text:p>"
		 "</draw:text-box></draw:frame></draw:page>"
		 "</office:presentation></office:body></office:document-content>", 0, false},
	};
	zip = t_zip(slides, 2, &len);
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "praatje.odp", zip, len) == PII_OK);
	CHECK_CLEAN(&rs);
	r = rs_text_eq(&rs, "Dia een\n");
	CHECK(r && r->loc.page == 1);
	r = rs_text_eq(&rs, "Dia twee\n");
	CHECK(r && r->loc.page == 2);
	rs_free(&rs);
	free(zip);
}

static void fixtures(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/documents/dossier.ods") == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(cell_is(rs_text_eq(&rs, "E-mail"), "Klanten", NULL, 0));
	CHECK(cell_is(rs_text_eq(&rs, "j.devries@ziggo.nl"), "Klanten", "E-mail", 2));
	CHECK(cell_is(rs_text_eq(&rs, "725763863"), "Klanten", "BSN", 2));
	const struct rs_rec *r = rs_table_rows(&rs, "Klanten");
	CHECK(r && r->count == 1);
	rs_free(&rs);

	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/documents/dossier.odt") == PII_OK);
	CHECK_CLEAN(&rs);
	r = rs_text(&rs, "Klantdossier Bakker & Zonen\nContactpersoon: Jan de Vries, e-mail "
			 "j.devries@ziggo.nl, telefoon 06-23456789.\nBSN 725763863.");
	CHECK(r && r->stream && r->loc.page == 0);
	/* its meta.xml names no author, only a title */
	CHECK(property_is(&rs, "title", "Klantdossier"));
	CHECK_U64(properties_count(&rs), 1);
	rs_free(&rs);

	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/documents/dossier.odp") == PII_OK);
	CHECK_CLEAN(&rs);
	r = rs_text(&rs, "Contactpersoon: Jan de Vries");
	CHECK(r && r->loc.page == 1);
	rs_free(&rs);
}

static void bids(void)
{
	/* a zip without the mimetype first is no OpenDocument */
	static const struct t_zip_member late[] = {
		{"content.xml", "<office:document-content/>", 0, false},
		{"mimetype", "application/vnd.oasis.opendocument.text", 0, false},
	};
	size_t len;
	unsigned char *zip = t_zip(late, 2, &len);
	struct t_input t;
	CHECK(t_input_bytes(&t, "a.odt", zip, len));
	CHECK(t_bid(&t, x) == PII_BID_NONE);
	t_input_free(&t);
	free(zip);
	static const struct t_zip_member other[] = {{"mimetype", "application/epub+zip", 0, false}};
	zip = t_zip(other, 1, &len);
	CHECK(t_input_bytes(&t, "a.epub", zip, len));
	CHECK(t_bid(&t, x) == PII_BID_NONE);
	t_input_free(&t);
	free(zip);
}

void test_extract_odf(void)
{
	ods();
	empty_cells();
	meta_cut_short();
	odt_and_odp();
	fixtures();
	bids();
}
