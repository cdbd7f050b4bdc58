/* Escaping, size parsing and search helpers. */
#include "pii_util.h"
#include "test.h"

static void check_escape(const char *in, size_t len, const char *display,
			 const char *json)
{
	struct pii_buf b = {0};
	pii_escape_display(&b, in, len);
	CHECK_STR(pii_buf_cstr(&b), display);
	b.len = 0;
	pii_escape_json(&b, in, len);
	CHECK_STR(pii_buf_cstr(&b), json);
	pii_buf_free(&b);
}

/* A length read from damaged data can be anything: asking for room for
 * it fails, it does not wrap round (and loop for ever doubling 0). */
static void buf_huge(void)
{
	struct pii_buf b = {0};
	pii_buf_puts(&b, "abc");
	CHECK(pii_buf_reserve(&b, SIZE_MAX - 10) == NULL && b.oom);
	pii_buf_free(&b);
	struct pii_buf c = {0};
	CHECK(pii_buf_reserve(&c, SIZE_MAX / 2) == NULL && c.oom);
	pii_buf_free(&c);
}

/* Decimal without printf, as printf writes it. */
static void u64_dec(void)
{
	const uint64_t values[] = {0, 9, 10, 1048576, UINT64_MAX};
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		char got[21], want[21];
		got[pii_u64_dec(got, values[i])] = '\0';
		snprintf(want, sizeof(want), "%" PRIu64, values[i]);
		CHECK_STR(got, want);
	}
}

void test_util(void)
{
	buf_huge();
	u64_dec();
	check_escape("plain/path.txt", 14, "plain/path.txt", "plain/path.txt");
	check_escape("caf\xc3\xa9", 5, "caf\xc3\xa9", "caf\xc3\xa9");
	/* a Latin-1 byte in a file name is not UTF-8 */
	check_escape("caf\xe9.txt", 8, "caf\\xE9.txt", "caf\\\\xE9.txt");
	check_escape("a\nb\tc", 5, "a\\nb\\tc", "a\\nb\\tc");
	check_escape("q\"b\\", 4, "q\"b\\", "q\\\"b\\\\");
	check_escape("\x01\x7f", 2, "\\x01\\x7F", "\\\\x01\\\\x7F");
	/* truncated sequence and surrogate encoded in UTF-8 */
	check_escape("\xe2\x82", 2, "\\xE2\\x82", "\\\\xE2\\\\x82");
	check_escape("\xed\xa0\x80", 3, "\\xED\\xA0\\x80", "\\\\xED\\\\xA0\\\\x80");

	static const struct {
		const char *text;
		bool ok;
		uint64_t value;
	} sizes[] = {
		{"500", true, 500},           {"64K", true, 65536},
		{"100M", true, 104857600},    {"2G", true, 2147483648ULL},
		{"1T", true, 1099511627776ULL}, {"10MB", true, 10485760},
		{"10MiB", true, 10485760},    {"1g", true, 1073741824},
		{"", false, 0},               {"M", false, 0},
		{"-5", false, 0},             {"12X", false, 0},
		{"1.5G", false, 0},           {"99999999999999T", false, 0},
	};
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		uint64_t v = 0;
		bool ok = pii_parse_size(sizes[i].text, &v);
		CHECK_MSG(ok == sizes[i].ok, "parse_size(%s) ok=%d", sizes[i].text, ok);
		if (ok && sizes[i].ok)
			CHECK_U64(v, sizes[i].value);
	}

	const char *hay = "Telefoon: 06";
	CHECK(pii_memcasemem(hay, strlen(hay), "TELEFOON", 8) == hay);
	CHECK(pii_memcasemem(hay, strlen(hay), "foon", 4) == hay + 4);
	CHECK(pii_memcasemem(hay, strlen(hay), "fax", 3) == NULL);
	CHECK(pii_memcasemem(hay, 3, "Telefoon", 8) == NULL);

	CHECK_U64(pii_utf8_valid_prefix("ab\xc3\xa9\xff", 5), 4);

	struct pii_arena a = {0};
	char *s1 = pii_arena_strdup(&a, "first");
	char *big = pii_arena_alloc(&a, 100000); /* larger than a chunk */
	char *s2 = pii_arena_strdup(&a, "second");
	CHECK(big != NULL);
	CHECK_STR(s1, "first");
	CHECK_STR(s2, "second");
	CHECK(pii_arena_strdup(&a, NULL) == NULL);
	pii_arena_free(&a);

	CHECK_STR(pii_confidence_name(pii_confidence_parse("medium")), "medium");
	CHECK(pii_confidence_parse("certain") == PII_CONF_NONE);
}
