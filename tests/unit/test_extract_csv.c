/*
 * The CSV extractor through the recording sink: delimiters, header or
 * not, quoted fields, row and column of every cell, long cells, UTF-16.
 */
#include <stdlib.h>

#include "pii_limits.h"
#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_csv;

/* The texts set to row `row`. */
static size_t texts_in_row(const struct record_sink *rs, uint64_t row)
{
	size_t k = 0;
	for (size_t i = 0; i < rs->n; i++)
		k += rs->recs[i].kind == RS_TEXT && rs->recs[i].row == row;
	return k;
}

static void with_header(void)
{
	const char *csv = "naam,email,telefoon\n"
			  "Jan de Vries,jan@example.nl,06-12345678\n"
			  "\"Bakker, Piet\",piet@example.nl,\n";
	struct t_input t;
	CHECK(t_input_bytes(&t, "exports/klanten.csv", csv, strlen(csv)));
	CHECK(t_bid(&t, x) == PII_BID_SNIFFED);
	CHECK(pii_extractor_for(&t.in) == x);
	t_input_free(&t);

	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "exports/klanten.csv", csv) == PII_OK);
	CHECK_CLEAN(&rs);
	/* three header cells, three cells in row 2, two in row 3 (the empty
	 * one is no text) */
	CHECK_U64(rs_count(&rs, RS_TEXT), 8);
	const struct rs_rec *r = rs_text_eq(&rs, "email");
	CHECK(r && r->loc.column == NULL && r->row == 0 && r->line == 1);
	r = rs_text_eq(&rs, "jan@example.nl");
	CHECK(r != NULL);
	if (r) {
		CHECK_STR(r->loc.file, "exports/klanten.csv");
		CHECK_STR(r->loc.table, "klanten");
		CHECK_STR(r->loc.column, "email");
		CHECK_U64(r->row, 2); /* as a spreadsheet numbers it: the header is 1 */
		CHECK_U64(r->line, 2);
		CHECK_U64(r->offset, 33); /* 20 bytes of header, "Jan de Vries," */
		CHECK(!r->stream);
	}
	/* the comma inside quotes is no delimiter; the quotes go */
	r = rs_text_eq(&rs, "Bakker, Piet");
	CHECK(r && r->loc.column && !strcmp(r->loc.column, "naam") && r->row == 3 &&
	      r->line == 3 && r->offset == 60);
	CHECK_U64(texts_in_row(&rs, 3), 2);
	r = rs_table_rows(&rs, "klanten");
	CHECK(r && r->count == 2 && !strcmp(r->path, "exports/klanten.csv"));
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	CHECK_U64(rs.row, 0); /* left out of any table */
	rs_free(&rs);
}

/* Semicolons, CRLF, a first row with an address in it: data, not a
 * header; columns by number, rows from 1. */
static void without_header(void)
{
	const char *csv = "Jan;jan@example.nl;0612345678\r\n"
			  "Piet;piet@example.nl;0687654321\r\n"
			  "Kees;kees@example.nl;0611111111\r\n";
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "mappen/lijst.txt", csv) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs_count(&rs, RS_TEXT), 9);
	const struct rs_rec *r = rs_text_eq(&rs, "Jan");
	CHECK(r && r->loc.column && !strcmp(r->loc.column, "column 1") && r->row == 1);
	r = rs_text_eq(&rs, "0687654321"); /* the \r of the line end is gone */
	CHECK(r && r->loc.column && !strcmp(r->loc.column, "column 3") && r->row == 2 &&
	      r->line == 2);
	CHECK(rs_text(&rs, "\r") == NULL);
	r = rs_table_rows(&rs, "lijst");
	CHECK(r && r->count == 3);
	rs_free(&rs);
}

/* A first row of names and places only (no address, no digit) is still
 * data when a cell is a person's full name: column names are shown
 * unmasked, a name must not become one. */
static void names_are_no_header(void)
{
	const char *csv = "Jan de Vries;Amsterdam;Ja\r\n"
			  "Anna Bakker;Utrecht;Nee\r\n";
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "lijst.csv", csv) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_text_eq(&rs, "Anna Bakker");
	CHECK(r && r->loc.column && !strcmp(r->loc.column, "column 1") && r->row == 2);
	r = rs_text_eq(&rs, "Jan de Vries");
	CHECK(r && r->loc.column && !strcmp(r->loc.column, "column 1") && r->row == 1);
	rs_free(&rs);
	/* a header of column names stays one */
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "lijst.csv", "Naam;Plaats;Akkoord\r\nAnna Bakker;Utrecht;Nee\r\n") ==
	      PII_OK);
	r = rs_text_eq(&rs, "Anna Bakker");
	CHECK(r && r->loc.column && !strcmp(r->loc.column, "Naam"));
	rs_free(&rs);
}

/* Prose with commas is no table. */
static void prose_is_not_csv(void)
{
	const char *prose = "Dit is een zin, met een komma.\n"
			    "Nog een regel zonder.\n"
			    "En nog een, twee, drie.\n";
	struct t_input t;
	CHECK(t_input_bytes(&t, "brief.txt", prose, strlen(prose)));
	CHECK(t.in.type.kind == PII_KIND_TEXT);
	CHECK(t_bid(&t, x) == PII_BID_NONE);
	CHECK(pii_extractor_for(&t.in) == &pii_extractor_text);
	t_input_free(&t);
}

/* Quoted fields across lines, doubled quotes, tabs inside quotes, CRLF. */
static void tsv_fixture(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/exports/medewerkers.tsv") == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_text_eq(&rs, "opmerking"); /* its \r is gone */
	CHECK(r && r->loc.column == NULL && r->row == 0);
	CHECK_STR(r ? r->loc.table : NULL, "medewerkers");
	/* the line break inside the quotes is the field's own */
	r = rs_text_eq(&rs, "Kerkstraat 12\r\n3511 AB Utrecht");
	CHECK(r && r->loc.column && !strcmp(r->loc.column, "adres") && r->row == 2 &&
	      r->line == 2);
	/* "" is one quote, the tab inside quotes is text; it starts on line 3 */
	r = rs_text_eq(&rs, "Zegt \"bel\tmij\" op 0612385674");
	CHECK(r && r->loc.column && !strcmp(r->loc.column, "opmerking") && r->row == 2 &&
	      r->line == 3);
	r = rs_text_eq(&rs, "Coolsingel 40, 3011 AD Rotterdam");
	CHECK(r && r->loc.column && !strcmp(r->loc.column, "adres") && r->row == 3 &&
	      r->line == 4);
	/* the last record's last field is empty: five texts */
	CHECK_U64(texts_in_row(&rs, 3), 5);
	r = rs_table_rows(&rs, "medewerkers");
	CHECK(r && r->count == 2);
	rs_free(&rs);
}

/* A quote never closed: the rest is that field, and a problem says so. */
static void unclosed_quote(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/hostile/kapot.csv") == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p != NULL);
	if (p) {
		CHECK_STR(p->path, "fixtures/hostile/kapot.csv");
		CHECK(p->file_status == PII_FILE_PARTIAL);
		CHECK(strstr(p->reason, "line 2") != NULL);
	}
	const struct rs_rec *r =
		rs_text_eq(&rs, "Jan de Vries;j.devries@ziggo.nl\nPiet Bakker;p.bakker@xs4all.nl\n");
	CHECK(r && r->loc.column && !strcmp(r->loc.column, "naam") && r->row == 2);
	r = rs_table_rows(&rs, "kapot");
	CHECK(r && r->count == 1);
	rs_free(&rs);
}

/* UTF-16LE with a byte-order mark: decoded before it is split. */
static void utf16(void)
{
	const char *ascii = "naam;plaats\r\nJos\xe9;Utrecht\r\nRen\xe9;Zwolle\r\n";
	size_t n = strlen(ascii);
	unsigned char *u16 = malloc(2 + 2 * n);
	u16[0] = 0xFF;
	u16[1] = 0xFE;
	for (size_t i = 0; i < n; i++) { /* Latin-1 is the first 256 code points */
		u16[2 + 2 * i] = (unsigned char)ascii[i];
		u16[3 + 2 * i] = 0;
	}
	struct t_input t;
	CHECK(t_input_bytes(&t, "adressen.csv", u16, 2 + 2 * n));
	CHECK(t.in.type.encoding == PII_ENC_UTF16LE && t.in.type.bom == 2);
	CHECK(t_bid(&t, x) == PII_BID_SNIFFED);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_text_eq(&rs, "Jos\xc3\xa9");
	CHECK(r && r->loc.column && !strcmp(r->loc.column, "naam") && r->row == 2);
	r = rs_text_eq(&rs, "Zwolle");
	CHECK(r && r->loc.column && !strcmp(r->loc.column, "plaats") && r->row == 3);
	CHECK_U64(rs_count(&rs, RS_TEXT), 6);
	rs_free(&rs);
	t_input_free(&t);
	free(u16);
}

/* A cell longer than PII_CELL_MAX goes as a stream, located as a cell. */
static void long_cell(void)
{
	size_t pad = PII_CELL_MAX + 4464;
	struct pii_buf csv = {0};
	pii_buf_puts(&csv, "notitie,naam\nkort,Piet\n");
	for (size_t i = 0; i < pad; i++)
		pii_buf_putc(&csv, 'x');
	pii_buf_puts(&csv, " jan@example.nl,Jan\n");
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "notities.csv", csv.data, csv.len) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_text(&rs, "jan@example.nl");
	CHECK(r != NULL);
	if (r) {
		CHECK(r->stream);
		CHECK_U64(r->len, pad + strlen(" jan@example.nl"));
		CHECK_STR(r->loc.column, "notitie");
		CHECK_STR(r->loc.table, "notities");
		/* the stream of a long first cell of a record begins under its
		 * own row (once under the row before: the worker's sink gave
		 * findings of its pages before the last the wrong row) */
		CHECK_U64(r->row, 3);
	}
	CHECK(rs_text_eq(&rs, "kort") && rs_text_eq(&rs, "kort")->row == 2);
	r = rs_text_eq(&rs, "Jan");
	CHECK(r && !r->stream && r->row == 3 && r->loc.column && !strcmp(r->loc.column, "naam"));
	CHECK_U64(rs_count(&rs, RS_TEXT), 6);
	rs_free(&rs);
	pii_buf_free(&csv);
}

/* Larger than the head, read on as a member of a container is. */
static void past_the_head(void)
{
	struct pii_buf csv = {0};
	pii_buf_puts(&csv, "id,email\n");
	for (int i = 1; i <= 3000; i++)
		pii_buf_printf(&csv, "%d,user%d@example.nl\n", i, i);
	CHECK(csv.len > PII_SNIFF_SIZE);
	struct t_input t;
	CHECK(t_input_stream(&t, "zip!users.csv", csv.data, csv.len));
	CHECK(!t.in.head_is_all);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs_count(&rs, RS_TEXT), 2 + 2 * 3000);
	const struct rs_rec *r = rs_text_eq(&rs, "user3000@example.nl");
	CHECK(r && r->row == 3001 && r->line == 3001 && r->loc.column &&
	      !strcmp(r->loc.column, "email"));
	r = rs_table_rows(&rs, "users");
	CHECK(r && r->count == 3000);
	rs_free(&rs);
	t_input_free(&t);
	pii_buf_free(&csv);
}

void test_extract_csv(void)
{
	with_header();
	without_header();
	names_are_no_header();
	prose_is_not_csv();
	tsv_fixture();
	unclosed_quote();
	utf16();
	long_cell();
	past_the_head();
}
