/* Masks: what they keep and, above all, what they never keep. */
#include <ctype.h>

#include "pii_mask.h"
#include "test.h"

static const char *masked(const char *mask, const char *value)
{
	static char out[128];
	pii_mask_fn fn = pii_mask_find(mask);
	if (!fn)
		return "(no such mask)";
	fn(value, strlen(value), out, sizeof(out));
	return out;
}

static bool has_digit(const char *s)
{
	for (; *s; s++)
		if (isdigit((unsigned char)*s))
			return true;
	return false;
}

void test_mask(void)
{
	/* National IDs and card numbers are masked whole: no digit at all. */
	CHECK_STR(masked("whole", "111222333"), "*********");
	CHECK_STR(masked("whole", "1234.56.782"), "****.**.***");
	CHECK_STR(masked("whole", "4111 1111 1111 1111"), "**** **** **** ****");
	CHECK(!has_digit(masked("whole", "378282246310005")));
	CHECK_STR(masked("whole", "M\xc3\xbcller"), "******");

	CHECK_STR(masked("email", "jan.devries@kpnmail.nl"), "j***@k***.nl");
	CHECK_STR(masked("email", "a@b.co.uk"), "a***@b***.uk");
	CHECK_STR(masked("email", "\xc3\xbcrgen@web.de"), "\xc3\xbc***@w***.de");
	CHECK_STR(masked("phone", "06-12345678"), "06-********");
	CHECK_STR(masked("phone", "+31 6 1234 5678"), "+31 * **** ****");
	CHECK_STR(masked("ipv4", "81.204.13.77"), "81.204.*.*");
	CHECK_STR(masked("ipv6", "2a02:a45f:1c3e::1d2e"), "2a02:a45f:****::****");
	CHECK_STR(masked("iban", "NL91 ABNA 0417 1643 00"), "NL** **** **** **** **");
	CHECK_STR(masked("postcode", "1015 CS"), "10** **");
	CHECK_STR(masked("gps", "52.370216, 4.895168"), "52.4, 4.9");
	CHECK_STR(masked("gps", "-33.865143,-70.209900"), "-33.9,-70.2");
	CHECK_STR(masked("gps", "-0.041234 4.9"), "0.0 4.9");
	CHECK_STR(masked("gps", "no position"), "** ********");
	CHECK(pii_mask_find("nope") == NULL);

	/* A tiny output buffer is never overrun. */
	char small[4];
	pii_mask_find("email")("jan@kpnmail.nl", 14, small, sizeof(small));
	CHECK(strlen(small) < sizeof(small));
}
