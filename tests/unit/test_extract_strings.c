/*
 * The strings extractor through the recording sink: printable runs of a
 * binary file, ASCII and UTF-16LE, with their offsets.
 */
#include <stdlib.h>

#include "pii_limits.h"
#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_strings;

/* Appends s[0..n) to b; returns the offset it starts at. */
static size_t add(struct pii_buf *b, const char *s, size_t n)
{
	size_t at = b->len;
	pii_buf_append(b, s, n);
	return at;
}

static void runs(void)
{
	struct pii_buf bin = {0};
	add(&bin, "\x00\x01", 2);
	size_t hello = add(&bin, "hello world", 11);
	add(&bin, "\x00", 1);
	add(&bin, "abcde", 5); /* shorter than PII_STRINGS_MIN */
	add(&bin, "\x00", 1);
	size_t six = add(&bin, "abcdef", 6);
	add(&bin, "\x00\xff", 2);
	size_t wide = add(&bin, "j\0a\0n\0@\0x\0.\0n\0l\0", 16);
	add(&bin, "\x00\x00\x02", 3);
	size_t tab = add(&bin, "a\tb c d", 7);
	add(&bin, "\x80", 1);
	CHECK(PII_STRINGS_MIN == 6);

	struct t_input t;
	CHECK(t_input_bytes(&t, "data/blob.bin", bin.data, bin.len));
	CHECK(t.in.type.kind == PII_KIND_BINARY);
	CHECK(t_bid(&t, x) == PII_BID_FALLBACK);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_text_eq(&rs, "hello world");
	CHECK(r && r->offset == hello && !r->stream && r->line == 0 && r->row == 0);
	CHECK_STR(r ? r->loc.file : NULL, "data/blob.bin");
	CHECK(r && !r->loc.table && !r->loc.column && !r->loc.key && !r->loc.part);
	CHECK(rs_text_eq(&rs, "abcde") == NULL);
	r = rs_text_eq(&rs, "abcdef"); /* exactly PII_STRINGS_MIN */
	CHECK(r && r->offset == six);
	r = rs_text_eq(&rs, "jan@x.nl"); /* UTF-16LE */
	CHECK(r && r->offset == wide);
	r = rs_text_eq(&rs, "a\tb c d"); /* a tab is printable */
	CHECK(r && r->offset == tab);
	CHECK_U64(rs_count(&rs, RS_TEXT), 4);
	rs_free(&rs);
	t_input_free(&t);
	pii_buf_free(&bin);
}

/* A run longer than PII_STRINGS_MAX is cut into segments. */
static void long_run(void)
{
	size_t n = PII_STRINGS_MAX + 4464;
	char *bin = malloc(n + 2);
	bin[0] = '\0';
	memset(bin + 1, 'A', n);
	bin[n + 1] = '\0';
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "a.bin", bin, n + 2) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs_count(&rs, RS_TEXT), 2);
	if (rs.n == 2) {
		CHECK_U64(rs.recs[0].len, PII_STRINGS_MAX);
		CHECK_U64(rs.recs[0].offset, 1);
		CHECK_U64(rs.recs[1].len, 4464);
		CHECK_U64(rs.recs[1].offset, 1 + PII_STRINGS_MAX);
	}
	rs_free(&rs);
	free(bin);
}

static void fixture(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/binary/contacts.dat") == PII_OK);
	CHECK_CLEAN(&rs);
	/* at 0x54, after the two bytes of zeros */
	const struct rs_rec *r = rs_text_eq(&rs, "CONTACT anna.dekker@gmail.com");
	CHECK(r && r->offset == 0x54);
	/* UTF-16LE from 0xb5, an odd offset */
	r = rs_text_eq(&rs, "Telefoon 06-11223344");
	CHECK(r && r->offset == 0xb5);
	/* "#*18?FMT[bipw~" twice (0x0d and 0x32), printable bytes of a table */
	r = rs_text_eq(&rs, "#*18?FMT[bipw~");
	CHECK(r && r->offset == 0x0d);
	r = r ? rs_text_next(&rs, r, "#*18?FMT[bipw~") : NULL;
	CHECK(r && r->offset == 0x32);
	CHECK_U64(rs_count(&rs, RS_TEXT), 4);
	rs_free(&rs);

	struct t_input t;
	const char *text = "gewone tekst\n";
	CHECK(t_input_bytes(&t, "a.txt", text, strlen(text)));
	CHECK(t_bid(&t, x) == PII_BID_NONE);
	t_input_free(&t);
}

void test_extract_strings(void)
{
	runs();
	long_run();
	fixture();
}
