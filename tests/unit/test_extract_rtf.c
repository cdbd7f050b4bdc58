/*
 * The RTF extractor through the recording sink: control words, escapes
 * and Unicode to UTF-8, groups without text left out.
 */
#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_rtf;

/* The text of the one stream the extractor gives, or "" (static). */
static const char *only_stream(const struct record_sink *rs)
{
	if (rs->n != 1 || rs->recs[0].kind != RS_TEXT || !rs->recs[0].stream) {
		rs_dump(rs, stderr);
		return "";
	}
	return rs->recs[0].text;
}

static void document(void)
{
	const char *rtf = "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}"
			  "{\\colortbl;\\red0\\green0\\blue0;}{\\*\\generator Writer 7;}"
			  "{\\info{\\author Auteur Naam}}"
			  "\\f0\\fs24 Caf\\'e9 Jan\\par M\\u252?ller\\tab x\\line y \\{z\\}\\\\"
			  "{\\pict\\pngblip 89504e47}"
			  "\\uc2\\u8364\\'80\\'80 5 \\emdash  \\lquote a\\rquote\\par}";
	struct t_input t;
	CHECK(t_input_bytes(&t, "brief.rtf", rtf, strlen(rtf)));
	CHECK(t_bid(&t, x) == PII_BID_SHAPE);
	CHECK(pii_extractor_for(&t.in) == x);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	/* font, colour table, \* destination and picture: nothing; the
	 * author is text; \'e9 in 1252, \u252 and its one fallback byte,
	 * \uc2: two fallback escapes skipped after \u8364 */
	CHECK_STR(only_stream(&rs), "Auteur NaamCaf\xc3\xa9 Jan\nM\xc3\xbcller\tx\ny {z}\\"
				    "\xe2\x82\xac 5 - 'a'\n");
	if (rs.n) {
		CHECK_STR(rs.recs[0].loc.file, "brief.rtf");
		CHECK(!rs.recs[0].loc.table && rs.recs[0].loc.page == 0);
	}
	rs_free(&rs);
	t_input_free(&t);
}

/* \binN skips N raw bytes, braces and backslashes among them. */
static void binary(void)
{
	const char *rtf = "{\\rtf1 voor\\bin4 }}{\\ na}";
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "b.rtf", rtf) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_STR(only_stream(&rs), "voor na");
	rs_free(&rs);
	/* with no space after the count the data starts at once: its first
	 * byte counts (it was once dropped uncounted, and "b" skipped) */
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "b.rtf", "{\\rtf1 a\\bin2XYb}") == PII_OK);
	CHECK_STR(only_stream(&rs), "ab");
	rs_free(&rs);
}

/* Nesting past RTF_MAX_GROUPS: read on, nothing out of bounds. */
static void deep(void)
{
	struct pii_buf rtf = {0};
	pii_buf_puts(&rtf, "{\\rtf1 ");
	for (int i = 0; i < 300; i++)
		pii_buf_puts(&rtf, "{\\b ");
	pii_buf_puts(&rtf, "diep");
	for (int i = 0; i < 300; i++)
		pii_buf_putc(&rtf, '}');
	pii_buf_puts(&rtf, " na}");
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "d.rtf", rtf.data, rtf.len) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_STR(only_stream(&rs), "diep na");
	rs_free(&rs);
	pii_buf_free(&rtf);
}

static void fixture(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/documents/dossier.rtf") == PII_OK);
	CHECK_CLEAN(&rs);
	const char *s = only_stream(&rs);
	CHECK(strstr(s, "Klantdossier Bakker & Zonen\n"));
	CHECK(strstr(s, "\nContactpersoon: Jan de Vries, e-mail j.devries@ziggo.nl, "
			"telefoon 06-23456789.\n"));
	CHECK(strstr(s, "\nBSN 725763863. Rekening (IBAN) NL39 RABO 0300 0652 64.\n"));
	/* the font table and the style sheet are no text */
	CHECK(!strstr(s, "Times New Roman") && !strstr(s, "Normal"));
	rs_free(&rs);

	struct t_input t;
	CHECK(t_input_bytes(&t, "x.rtf", "{\\rt", 4));
	CHECK(t_bid(&t, x) == PII_BID_NONE);
	t_input_free(&t);
}

void test_extract_rtf(void)
{
	document();
	binary();
	deep();
	fixture();
}
