/* Type and encoding detection. */
#include "pii_detect.h"
#include "test.h"

static struct pii_type detect(const char *s, size_t n)
{
	struct pii_type t;
	pii_detect((const unsigned char *)s, n, true, NULL, &t);
	return t;
}

void test_detect(void)
{
	struct pii_type t;
	t = detect("", 0);
	CHECK(t.kind == PII_KIND_EMPTY);
	t = detect("plain ascii\n", 12);
	CHECK(t.kind == PII_KIND_TEXT && t.encoding == PII_ENC_UTF8 && t.bom == 0);
	t = detect("\xef\xbb\xbfwith bom", 11);
	CHECK(t.kind == PII_KIND_TEXT && t.encoding == PII_ENC_UTF8 && t.bom == 3);
	t = detect("M\xfcller, Stra\xdf" "e 5\n", 16);
	CHECK(t.kind == PII_KIND_TEXT && t.encoding == PII_ENC_CP1252);
	CHECK_STR(t.mime, "text/plain; charset=windows-1252");
	t = detect("\xff\xfeh\0i\0", 6);
	CHECK(t.kind == PII_KIND_TEXT && t.encoding == PII_ENC_UTF16LE && t.bom == 2);
	t = detect("\xfe\xff\0h\0i", 6);
	CHECK(t.kind == PII_KIND_TEXT && t.encoding == PII_ENC_UTF16BE && t.bom == 2);
	/* UTF-16 without a byte-order mark */
	t = detect("h\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0", 22);
	CHECK(t.kind == PII_KIND_TEXT && t.encoding == PII_ENC_UTF16LE && t.bom == 0);
	t = detect("\0h\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d", 22);
	CHECK(t.kind == PII_KIND_TEXT && t.encoding == PII_ENC_UTF16BE);
	/* NUL bytes without the UTF-16 pattern: binary */
	t = detect("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20);
	CHECK(t.kind == PII_KIND_BINARY);
	CHECK_STR(t.mime, "application/octet-stream");
	/* A UTF-8 character cut by the end of the sniffed bytes is fine. */
	struct pii_type cut;
	pii_detect((const unsigned char *)"abc\xc3", 4, false, NULL, &cut);
	CHECK(cut.encoding == PII_ENC_UTF8);

	/* With libmagic, binaries get a real type. */
	struct pii_magic *m = pii_magic_new();
	static const unsigned char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
	pii_detect(png, sizeof(png) - 1, true, m, &t);
	CHECK(t.kind == PII_KIND_BINARY);
	CHECK_STR(t.mime, "image/png");
	pii_magic_free(m);
}
