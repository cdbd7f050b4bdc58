/*
 * The plain-text extractor through the recording sink: one stream with
 * line numbers, decoded to UTF-8 from UTF-16 and Windows-1252, however
 * the sink cuts the room it offers.
 */
#include <stdlib.h>

#include "pii_limits.h"
#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_text;

static char *last;

/* Runs the text extractor over data and returns its one stream's text
 * (kept until the next call), or NULL when it did not give exactly one
 * clean stream. */
static const char *stream_of(const char *path, const void *data, size_t len, size_t room)
{
	free(last);
	last = NULL;
	struct record_sink rs;
	rs_init(&rs);
	if (room)
		rs.room_max = room;
	enum pii_status st = t_run_bytes(&rs, x, path, data, len);
	const struct rs_rec *r = rs.n ? &rs.recs[0] : NULL;
	if (st == PII_OK && !rs.misuse && rs.n == 1 && r->kind == RS_TEXT && r->stream)
		last = strdup(r->text);
	else
		rs_dump(&rs, stderr);
	rs_free(&rs);
	return last;
}

static void utf8(void)
{
	const char *text = "Regel een\nJan jan@example.nl\n";
	struct t_input t;
	CHECK(t_input_bytes(&t, "notes/jan.txt", text, strlen(text)));
	CHECK(t_bid(&t, x) == PII_BID_KIND);
	CHECK(pii_extractor_for(&t.in) == x);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs.n, 1);
	const struct rs_rec *r = rs_text_eq(&rs, text);
	CHECK(r && r->stream && r->lines && r->row == 0);
	if (r) {
		CHECK_STR(r->loc.file, "notes/jan.txt");
		CHECK(!r->loc.table && !r->loc.column && !r->loc.key && !r->loc.part &&
		      r->loc.page == 0);
	}
	rs_free(&rs);
	t_input_free(&t);
}

static void utf16_fixtures(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/encodings/brief-utf16le.txt") == PII_OK);
	CHECK_CLEAN(&rs);
	/* the byte-order mark is skipped, every unit decoded */
	CHECK(rs_text_eq(&rs, "Beste mevrouw Jansen,\n\nZoals besproken stuur ik u de gegevens. "
			      "U kunt mij bellen op\n06-98765432 of mailen naar "
			      "l.jansen@planet.nl.\n\nMet vriendelijke groet, Lotte\n") != NULL);
	rs_free(&rs);
	/* big-endian without a byte-order mark, found by its zero bytes */
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/encodings/notities-utf16be.txt") == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(rs_text_eq(&rs, "Notitie telefoongesprek\nTerugbellen: +32 2 555 12 34 (kantoor "
			      "Brussel)\nRekening BE68 5390 0754 7034\n") != NULL);
	rs_free(&rs);
	/* unpaired surrogates (D800 before 'A', a lone DC00) become U+FFFD */
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/hostile/surrogates-utf16.txt") == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(rs_text_eq(&rs, "mail j.devries@ziggo.nl \xef\xbf\xbd" "A\xef\xbf\xbd tel 06-23456789\n"));
	rs_free(&rs);
}

static void windows_1252(void)
{
	const char *text = "M\xfcller \x80 5, \x93zo\x94\n";
	struct t_input t;
	CHECK(t_input_bytes(&t, "brief.txt", text, strlen(text)));
	CHECK(t.in.type.encoding == PII_ENC_CP1252);
	t_input_free(&t);
	const char *s = stream_of("brief.txt", text, strlen(text), 0);
	CHECK_STR(s, "M\xc3\xbcller \xe2\x82\xac 5, \xe2\x80\x9czo\xe2\x80\x9d\n");

	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/encodings/adressen-latin1.txt") == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs.n, 1);
	CHECK(rs_text(&rs, "vereniging \"De Zwaluw\" \xe2\x80\x93 bijgewerkt \xe2\x82\xac 2024\n"));
	CHECK(rs_text(&rs, "M\xc3\xbcller, J\xc3\xbcrgen \xe2\x80\x93 Gartenstra\xc3\x9f" "e 5"));
	CHECK(rs_text(&rs, "S\xc3\xb8rensen, \xc3\x85se"));
	rs_free(&rs);

	/* UTF-8 with stray bytes: the UTF-8 stays, the rest is read as 1252 */
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/hostile/bad-utf8.txt") == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(rs_text_eq(&rs, "ok j.devries@ziggo.nl \xc3\xbf\xc3\xbe\xc3\x83( "
			      "\xc3\xa2\xe2\x80\x9a end 06-23456789\n"));
	rs_free(&rs);
}

/* The text is the same whatever room the sink offers: characters cut
 * between pieces are joined, a stray byte after them decoded. */
static void any_room(void)
{
	const char *text = "caf\xc3\xa9 \xe2\x82\xac 5 \xf0\x9f\x98\x80 en dan \xfc ook \xc3\xa9\xc3\xa9n\n";
	const char *want = "caf\xc3\xa9 \xe2\x82\xac 5 \xf0\x9f\x98\x80 en dan \xc3\xbc ook "
			   "\xc3\xa9\xc3\xa9n\n";
	static const size_t rooms[] = {1, 2, 3, 5, 7, 64};
	for (size_t i = 0; i < sizeof(rooms) / sizeof(rooms[0]); i++) {
		const char *s = stream_of("x.txt", text, strlen(text), rooms[i]);
		CHECK_MSG(s && !strcmp(s, want), "room %zu: got \"%s\"", rooms[i], s ? s : "(none)");
	}
	/* valid UTF-8 alone, in small pieces */
	const char *clean = "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80.";
	for (size_t i = 0; i < sizeof(rooms) / sizeof(rooms[0]); i++) {
		const char *s = stream_of("y.txt", clean, strlen(clean), rooms[i]);
		CHECK_MSG(s && !strcmp(s, clean), "room %zu: got \"%s\"", rooms[i], s ? s : "(none)");
	}
	free(last);
	last = NULL;
}

/* Past the head and past a read chunk: a stray byte after 300 KiB of
 * ASCII switches to the decoder without losing or doubling a byte. */
static void long_text(void)
{
	struct pii_buf text = {0}, want = {0};
	for (int i = 0; text.len < (size_t)300 << 10; i++)
		pii_buf_printf(&text, "regel %d met tekst\n", i);
	pii_buf_append(&want, text.data, text.len);
	pii_buf_puts(&text, "caf\xe9 einde\n");
	pii_buf_puts(&want, "caf\xc3\xa9 einde\n");
	struct t_input t;
	CHECK(t_input_stream(&t, "zip!lang.txt", text.data, text.len));
	CHECK(t.in.type.encoding == PII_ENC_UTF8);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs.n, 1);
	CHECK(rs.n == 1 && rs.recs[0].len == want.len && !strcmp(rs.recs[0].text, want.data));
	rs_free(&rs);
	t_input_free(&t);
	pii_buf_free(&text);
	pii_buf_free(&want);
}

static void no_bids(void)
{
	struct t_input t;
	CHECK(t_input_bytes(&t, "leeg.txt", "", 0));
	CHECK(t.in.type.kind == PII_KIND_EMPTY);
	CHECK(t_bid(&t, x) == PII_BID_NONE);
	CHECK(pii_extractor_for(&t.in) == NULL);
	t_input_free(&t);
	static const unsigned char elf[] = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0,
					    0,    0,   0,   0,   3, 0, 62, 0};
	CHECK(t_input_bytes(&t, "a.out", elf, sizeof(elf)));
	CHECK(t_bid(&t, x) == PII_BID_NONE);
	t_input_free(&t);
}

void test_extract_text(void)
{
	utf8();
	utf16_fixtures();
	windows_1252();
	any_room();
	long_text();
	no_bids();
}
