/*
 * The JSON extractor through the recording sink: key paths, records of
 * NDJSON and top-level arrays, lines, damaged input.
 */
#include <stdlib.h>

#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_json;

static bool key_is(const struct rs_rec *r, const char *key)
{
	return r && r->loc.key && !strcmp(r->loc.key, key);
}

/* One document: no table, no rows; every string and number keyed. */
static void document(void)
{
	const char *json = "{\"klant\": {\"naam\": \"Jos\\u00e9 \\\"Joe\\\" Smit\",\n"
			   "  \"emails\": [\"a@example.nl\", \"b@example.nl\"]},\n"
			   " \"leeftijd\": 42, \"actief\": true, \"fax\": null, \"leeg\": \"\"}\n";
	struct t_input t;
	CHECK(t_input_bytes(&t, "profiel.json", json, strlen(json)));
	CHECK(t_bid(&t, x) == PII_BID_SIGNATURE + 1);
	CHECK(pii_extractor_for(&t.in) == x);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	/* the name, two addresses, the number; not true, null or "" */
	CHECK_U64(rs_count(&rs, RS_TEXT), 4);
	const struct rs_rec *r = rs_text_eq(&rs, "Jos\xc3\xa9 \"Joe\" Smit"); /* escapes undone */
	CHECK(key_is(r, "$.klant.naam"));
	CHECK(r && r->loc.table == NULL && r->row == 0 && r->line == 1);
	r = rs_text_eq(&rs, "b@example.nl");
	CHECK(key_is(r, "$.klant.emails[]") && r->line == 2);
	r = rs_text_eq(&rs, "42");
	CHECK(key_is(r, "$.leeftijd") && r->line == 3);
	CHECK_U64(rs_count(&rs, RS_TABLE_ROWS), 0);
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
	t_input_free(&t);
}

/* The elements of a top-level array are the rows of a table named after
 * the file. */
static void array_of_records(void)
{
	const char *json = "[\n"
			   "  {\"naam\": \"Jan\", \"adres\": {\"plaats\": \"Utrecht\"}},\n"
			   "  {\"naam\": \"Piet\", \"tel\": [\"0612345678\", \"0201234567\"]},\n"
			   "  \"los\"\n"
			   "]\n";
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "export/klanten.json", json) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_text_eq(&rs, "Utrecht");
	CHECK(key_is(r, "$[].adres.plaats") && r->row == 1 && r->line == 2);
	CHECK_STR(r ? r->loc.table : NULL, "klanten");
	r = rs_text_eq(&rs, "0201234567");
	CHECK(key_is(r, "$[].tel[]") && r->row == 2 && r->line == 3);
	r = rs_text_eq(&rs, "los");
	CHECK(key_is(r, "$[]") && r->row == 3 && r->line == 4);
	r = rs_table_rows(&rs, "klanten");
	CHECK(r && r->count == 3 && !strcmp(r->path, "export/klanten.json"));
	CHECK_U64(rs.row, 0);
	rs_free(&rs);
}

/* NDJSON: a record a line, the line its row. */
static void ndjson_fixture(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/exports/klanten-mongoexport.ndjson") == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_text_eq(&rs, "f.elamrani@gmail.com");
	CHECK(key_is(r, "$.contact.email") && r->row == 2 && r->line == 2);
	CHECK_STR(r ? r->loc.table : NULL, "klanten-mongoexport");
	r = rs_text_eq(&rs, "65f0a1b2c3d4e5f601234569");
	CHECK(key_is(r, "$._id.$oid") && r->row == 3);
	r = rs_text_eq(&rs, "111222333"); /* a number */
	CHECK(key_is(r, "$.bsn") && r->row == 3);
	r = rs_text_eq(&rs, "nieuwsbrief");
	CHECK(key_is(r, "$.tags[]") && r->row == 1);
	/* Fatima's record: her null phone and birth date and empty tags give
	 * nothing; id, name, address and customer number remain */
	size_t in_row2 = 0;
	for (size_t i = 0; i < rs.n; i++)
		in_row2 += rs.recs[i].kind == RS_TEXT && rs.recs[i].row == 2;
	CHECK_U64(in_row2, 4);
	r = rs_table_rows(&rs, "klanten-mongoexport");
	CHECK(r && r->count == 3);
	rs_free(&rs);
}

/* A damaged NDJSON line is lost, the next ones are read. */
static void ndjson_damaged(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/hostile/klanten-kapot.ndjson") == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && p->file_status == PII_FILE_PARTIAL &&
	      strstr(p->reason, "1 malformed NDJSON lines (the first on line 2)"));
	/* the ids of lines 1 and 3; the cut one of line 2 is no text */
	size_t ids = 0;
	for (size_t i = 0; i < rs.n; i++)
		ids += rs.recs[i].kind == RS_TEXT && key_is(&rs.recs[i], "$._id.$oid");
	CHECK_U64(ids, 2);
	const struct rs_rec *r = rs_text_eq(&rs, "pvdijk@kpnmail.nl");
	CHECK(key_is(r, "$.contact.email") && r->row == 3 && r->line == 3);
	rs_free(&rs);
}

/* A document cut short: what was read stays, a problem says so. */
static void cut_short(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/hostile/bestellingen-afgebroken.json") == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && p->file_status == PII_FILE_PARTIAL && strstr(p->reason, "ends too soon"));
	const struct rs_rec *r = rs_text_eq(&rs, "100240");
	CHECK(key_is(r, "$[].ordernummer") && r->row == 2 && r->line == 25);
	r = rs_text_eq(&rs, "14.95");
	CHECK(key_is(r, "$[].regels[].prijs") && r->row == 1);
	rs_free(&rs);
}

/* A syntax error inside one document: the rest is not read. */
static void malformed(void)
{
	const char *json = "{\"a\": \"eerst\",\n \"b\": oeps,\n \"c\": \"nooit\"}\n";
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "kapot.json", json) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && strstr(p->reason, "malformed JSON on line 2"));
	CHECK(rs_text_eq(&rs, "eerst") != NULL);
	CHECK(rs_text(&rs, "nooit") == NULL);
	rs_free(&rs);
}

/* Past JSON_DEPTH_MAX levels the path stops growing; nothing breaks. */
static void deep(void)
{
	struct pii_buf json = {0}, want = {0};
	pii_buf_puts(&want, "$");
	for (int i = 0; i < 300; i++) {
		pii_buf_putc(&json, '[');
		if (i < 256)
			pii_buf_puts(&want, "[]");
	}
	pii_buf_puts(&json, "\"diep\"");
	for (int i = 0; i < 300; i++)
		pii_buf_putc(&json, ']');
	pii_buf_puts(&json, "\n");
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "diep.json", json.data, json.len) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_text_eq(&rs, "diep");
	CHECK(key_is(r, want.data));
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
	pii_buf_free(&json);
	pii_buf_free(&want);
}

/* A byte-order mark is skipped; text that is not JSON gets no bid. */
static void bom_and_bids(void)
{
	const char *json = "\xef\xbb\xbf{\"naam\": \"Jan\"}";
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "bom.json", json) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(key_is(rs_text_eq(&rs, "Jan"), "$.naam"));
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
	struct t_input t;
	const char *not_json = "{ dit is geen json }\n";
	CHECK(t_input_bytes(&t, "x.json", not_json, strlen(not_json)));
	CHECK(t_bid(&t, x) == PII_BID_NONE);
	t_input_free(&t);
	const char *prose = "Beste Jan,\n";
	CHECK(t_input_bytes(&t, "x.txt", prose, strlen(prose)));
	CHECK(t_bid(&t, x) == PII_BID_NONE);
	t_input_free(&t);
}

void test_extract_json(void)
{
	document();
	array_of_records();
	ndjson_fixture();
	ndjson_damaged();
	cut_short();
	malformed();
	deep();
	bom_and_bids();
}
