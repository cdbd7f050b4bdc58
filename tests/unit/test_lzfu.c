/*
 * Compressed RTF of Outlook items ([MS-OXRTFCP]): the specification's
 * own example, a stored body, and bodies that are cut or lie.
 */
#include "pii_lzfu.h"
#include "test.h"

/* [MS-OXRTFCP] 3.1.1: "{\rtf1\ansi\ansicpg1252\pard hello world}\r\n",
 * with references into the preloaded prologue and into itself. */
static const unsigned char spec_example[] = {
	0x2d, 0x00, 0x00, 0x00, 0x2b, 0x00, 0x00, 0x00, 0x4c, 0x5a, 0x46, 0x75, 0xf1, 0xc5,
	0xc7, 0xa7, 0x03, 0x00, 0x0a, 0x00, 0x72, 0x63, 0x70, 0x67, 0x31, 0x32, 0x35, 0x42,
	0x32, 0x0a, 0xf3, 0x20, 0x68, 0x65, 0x6c, 0x09, 0x00, 0x20, 0x62, 0x77, 0x05, 0xb0,
	0x6c, 0x64, 0x7d, 0x0a, 0x80, 0x0f, 0xa0};
static const char spec_text[] = "{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n";

static void example(void)
{
	struct pii_buf b = {0};
	CHECK(pii_lzfu_decompress(spec_example, sizeof(spec_example), 1 << 20, &b) ==
	      PII_LZFU_OK);
	CHECK_STR(pii_buf_cstr(&b), spec_text);
	/* at most max bytes, whatever the header says */
	b.len = 0;
	CHECK(pii_lzfu_decompress(spec_example, sizeof(spec_example), 10, &b) == PII_LZFU_OK);
	CHECK_U64(b.len, 10);
	pii_buf_free(&b);
}

static void stored(void)
{
	unsigned char mela[16 + 5] = {17, 0, 0, 0, 5, 0, 0, 0, 'M', 'E', 'L', 'A', 0, 0, 0, 0,
				      '{', '\\', 'r', 't', '}'};
	struct pii_buf b = {0};
	CHECK(pii_lzfu_decompress(mela, sizeof(mela), 1 << 20, &b) == PII_LZFU_OK);
	CHECK_STR(pii_buf_cstr(&b), "{\\rt}");
	pii_buf_free(&b);
}

static void damaged(void)
{
	struct pii_buf b = {0};
	/* cut inside a reference: what came before is kept */
	CHECK(pii_lzfu_decompress(spec_example, 35, 1 << 20, &b) == PII_LZFU_DAMAGED);
	CHECK(b.len > 0 && !memcmp(b.data, spec_text, b.len));
	b.len = 0;
	unsigned char other[20] = {16, 0, 0, 0, 9, 0, 0, 0, 'X', 'Y', 'Z', 'W'};
	CHECK(pii_lzfu_decompress(other, sizeof(other), 1 << 20, &b) == PII_LZFU_DAMAGED);
	CHECK(pii_lzfu_decompress(other, 8, 1 << 20, &b) == PII_LZFU_DAMAGED);
	CHECK_U64(b.len, 0);
	/* a stored body whose size is shorter than its header: nothing read
	 * past the 16 bytes there are */
	unsigned char short_mela[16] = {0, 0, 0, 0, 0xff, 0xff, 0xff, 0x0f, 'M', 'E', 'L', 'A'};
	b.len = 0;
	CHECK(pii_lzfu_decompress(short_mela, sizeof(short_mela), 1 << 20, &b) == PII_LZFU_DAMAGED);
	CHECK_U64(b.len, 0);
	/* a header that claims more than there is reads what there is */
	unsigned char liar[sizeof(spec_example)];
	memcpy(liar, spec_example, sizeof(liar));
	liar[0] = 0xff;
	liar[1] = 0xff;
	CHECK(pii_lzfu_decompress(liar, sizeof(liar), 1 << 20, &b) == PII_LZFU_OK);
	CHECK_STR(pii_buf_cstr(&b), spec_text);
	pii_buf_free(&b);
}

void test_lzfu(void)
{
	example();
	stored();
	damaged();
}
