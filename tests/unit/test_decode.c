/* Decoding to UTF-8, including input cut at every possible place. */
#include <stdlib.h>

#include "pii_decode.h"
#include "test.h"

/* Decodes in, cut at `cut` (or whole if cut >= n), into a C string. */
static char *decode_cut(enum pii_encoding enc, const char *in, size_t n, size_t cut)
{
	struct pii_decoder d;
	struct pii_buf out = {0};
	pii_decoder_init(&d, enc);
	if (cut < n) {
		pii_decode(&d, in, cut, false, &out);
		pii_decode(&d, in + cut, n - cut, true, &out);
	} else {
		pii_decode(&d, in, n, true, &out);
	}
	pii_buf_putc(&out, '\0');
	return out.data;
}

static void check_all_cuts(enum pii_encoding enc, const char *in, size_t n,
			   const char *want, const char *what)
{
	int bad = 0;
	for (size_t cut = 0; cut <= n; cut++) {
		char *got = decode_cut(enc, in, n, cut);
		if (strcmp(got, want)) {
			if (!bad)
				fprintf(stderr, "  %s cut at %zu: got \"%s\"\n", what, cut, got);
			bad++;
		}
		/* The output is always valid UTF-8. */
		if (pii_utf8_valid_prefix(got, strlen(got)) != strlen(got))
			bad++;
		free(got);
	}
	CHECK_MSG(bad == 0, "%s: %d of %zu cuts wrong", what, bad, n + 1);
}

void test_decode(void)
{
	/* UTF-8 passes through; invalid bytes are read as Windows-1252. */
	const char u8[] = "M\xc3\xbcller \xe2\x82\xac 5";
	check_all_cuts(PII_ENC_UTF8, u8, sizeof(u8) - 1, u8, "utf-8");
	const char mixed[] = "caf\xe9 \x80 ok";
	check_all_cuts(PII_ENC_UTF8, mixed, sizeof(mixed) - 1,
		       "caf\xc3\xa9 \xe2\x82\xac ok", "utf-8 with latin-1 bytes");
	/* A lead byte followed by something that does not continue it. */
	const char broken[] = "a\xe2\x82Zb";
	check_all_cuts(PII_ENC_UTF8, broken, sizeof(broken) - 1,
		       "a\xc3\xa2\xe2\x80\x9aZb", "broken sequence");
	/* Overlong and surrogate encodings are not UTF-8. */
	const char overlong[] = "\xc0\xaf";
	check_all_cuts(PII_ENC_UTF8, overlong, 2, "\xc3\x80\xc2\xaf", "overlong");
	const char surrogate[] = "\xed\xa0\x80";
	check_all_cuts(PII_ENC_UTF8, surrogate, 3, "\xc3\xad\xc2\xa0\xe2\x82\xac", "surrogate");
	/* A sequence cut by the end of the input. */
	const char cut_end[] = "ab\xe2\x82";
	check_all_cuts(PII_ENC_UTF8, cut_end, 4, "ab\xc3\xa2\xe2\x80\x9a", "cut at end");

	/* Windows-1252 */
	const char cp[] = "\x80 \x93quoted\x94 Andr\xe9";
	check_all_cuts(PII_ENC_CP1252, cp, sizeof(cp) - 1,
		       "\xe2\x82\xac \xe2\x80\x9cquoted\xe2\x80\x9d Andr\xc3\xa9", "cp1252");

	/* UTF-16LE and BE, with a surrogate pair (U+1F600) */
	const char le[] = "h\0\xe9\0=\xd8\x00\xde";
	check_all_cuts(PII_ENC_UTF16LE, le, 8, "h\xc3\xa9\xf0\x9f\x98\x80", "utf-16le");
	const char be[] = "\0h\0\xe9\xd8=\xde\x00";
	check_all_cuts(PII_ENC_UTF16BE, be, 8, "h\xc3\xa9\xf0\x9f\x98\x80", "utf-16be");
	/* Unpaired surrogates become U+FFFD; an odd last byte too. */
	const char lone[] = "a\0\x00\xd8" "b\0\x00\xdc" "c";
	check_all_cuts(PII_ENC_UTF16LE, lone, 9,
		       "a\xef\xbf\xbd" "b\xef\xbf\xbd\xef\xbf\xbd", "lone surrogates");

	CHECK_U64(pii_utf8_trim_incomplete("ab\xe2\x82", 4), 2);
	CHECK_U64(pii_utf8_trim_incomplete("ab\xe2\x82\xac", 5), 5);
	CHECK_U64(pii_utf8_trim_incomplete("ab\xc3", 3), 2);
	CHECK_U64(pii_utf8_trim_incomplete("abc", 3), 3);
}
