/*
 * Cells of live databases' columns through the recording sink: the
 * printable strings of a blob, and a JSON document's values by key path.
 */
#include <stdio.h>
#include <stdlib.h>

#include "pii_column.h"
#include "record_sink.h"

static const struct pii_loc where = {.file = "postgres://db/hr!profielen",
				     .table = "profielen", .column = "data"};

/* Runs of four printable bytes and more, a line each; shorter ones and
 * the bytes around them are left out. */
static void blob_strings(void)
{
	static const unsigned char blob[] = "\x89PNG\r\n\x1a\n\x00\x01" "abc\x02mail: a.benali@xs4all.nl"
					    "\x00\x00Tab\there\xff";
	struct record_sink rs;
	rs_init(&rs);
	struct pii_cell c = {.out = &rs.base, .loc = where};
	pii_cell_start(&c, 0, 0);
	pii_cell_put_strings(&c, blob, sizeof(blob) - 1);
	CHECK(pii_cell_end(&c) == PII_OK);
	CHECK_U64(rs_count(&rs, RS_TEXT), 1);
	/* "abc" is three bytes: no word; bytes from 0x80 may be UTF-8 or
	 * Windows-1252 (as the strings extractor takes them): "\x89PNG" is a
	 * run, made valid UTF-8 as any cell is (0x89 is Windows-1252's
	 * per mille sign), as is the 0xff (y with diaeresis) after "here" */
	const struct rs_rec *r = rs_text_eq(&rs, "\xe2\x80\xb0PNG\nmail: a.benali@xs4all.nl\n"
						 "Tab\there\xc3\xbf\n");
	if (!r && rs.n)
		fprintf(stderr, "got: %s\n", rs.recs[0].text);
	CHECK(r != NULL);
	if (r)
		CHECK_STR(r->loc.column, "data");
	pii_cell_free(&c);
	rs_free(&rs);

	/* nothing printable: no text at all */
	rs_init(&rs);
	c = (struct pii_cell){.out = &rs.base, .loc = where};
	pii_cell_start(&c, 0, 0);
	pii_cell_put_strings(&c, (const unsigned char *)"\x00\x01\x02" "abc", 6);
	CHECK(pii_cell_end(&c) == PII_OK);
	CHECK_U64(rs_count(&rs, RS_TEXT), 0);
	pii_cell_free(&c);
	rs_free(&rs);
}

/* Every string and number of the document at its key path, in the
 * column's location; an array's elements share "[]". */
static void json_document(void)
{
	const char *doc = "{\"contact\": {\"email\": \"l.jansen@planet.nl\", \"tel\": 612345678},"
			  " \"tags\": [\"klant\", \"vip\"], \"actief\": true, \"leeg\": null}";
	struct record_sink rs;
	rs_init(&rs);
	CHECK(pii_cell_json(&rs.base, &where, doc, strlen(doc)) == PII_OK);
	CHECK_U64(rs_count(&rs, RS_TEXT), 4);
	const struct rs_rec *r = rs_text_eq(&rs, "l.jansen@planet.nl");
	CHECK(r && r->loc.key && !strcmp(r->loc.key, "$.contact.email") &&
	      !strcmp(r->loc.file, where.file) && !strcmp(r->loc.table, "profielen") &&
	      !strcmp(r->loc.column, "data"));
	r = rs_text_eq(&rs, "612345678");
	CHECK(r && r->loc.key && !strcmp(r->loc.key, "$.contact.tel"));
	r = rs_text_eq(&rs, "vip");
	CHECK(r && r->loc.key && !strcmp(r->loc.key, "$.tags[]"));
	CHECK_U64(rs.row, 0); /* a cell's document sets no row of its own */
	rs_free(&rs);

	/* not JSON: said, so that the caller reads it as text */
	rs_init(&rs);
	CHECK(pii_cell_json(&rs.base, &where, "{\"a\": ", 6) == PII_EOBJECT);
	rs_free(&rs);
}

/* A column's comment joins its name as context; none without one, and a
 * long one is cut. */
static void column_context(void)
{
	char *c = pii_column_context("nr", "BSN van de medewerker");
	CHECK(c && !strcmp(c, "nr: BSN van de medewerker"));
	free(c);
	CHECK(pii_column_context("nr", "") == NULL);
	CHECK(pii_column_context("nr", NULL) == NULL);
	char longer[400];
	memset(longer, 'x', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	c = pii_column_context("nr", longer);
	CHECK(c && strlen(c) == strlen("nr: ") + 200);
	free(c);
}

void test_cell(void)
{
	blob_strings();
	json_document();
	column_context();
}
