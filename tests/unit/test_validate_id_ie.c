/* The Irish PPSN (validate_id_ie.c): the doctests of python-stdnum ie.pps,
 * the examples, and numbers of the 2013 format generated here
 * with stdnum ie.vat's check letter (second letters B-G and I, which
 * stdnum 1.18's pps module does not accept yet). */
#include "pii_validate.h"
#include "test.h"

#include <string.h>

static bool valid(const char *value, const char *canon)
{
	pii_validator_fn fn = pii_validator_find("ie_ppsn");
	struct pii_canon c;
	if (!fn || !fn(value, strlen(value), &c))
		return false;
	return !canon || (c.len == strlen(canon) && !memcmp(c.buf, canon, c.len));
}

void test_validate_id_ie(void)
{
	/* stdnum ie.pps doctests */
	CHECK(valid("6433435F", "6433435F"));    /* pre-2013 */
	CHECK(valid("6433435FT", "6433435FT"));  /* pre-2013, final T */
	CHECK(valid("6433435FW", "6433435FW"));  /* pre-2013, married women */
	CHECK(!valid("6433435E", NULL));         /* check letter wrong */
	CHECK(valid("6433435OA", "6433435OA"));  /* 2013 format */
	CHECK(valid("6433435IH", "6433435IH"));  /* 2013 format */
	CHECK(!valid("6433435VH", NULL));        /* 2013 format, check wrong */
	/* the examples */
	CHECK(valid("1234567T", "1234567T"));
	CHECK(valid("1234567TW", "1234567TW"));
	/* lower case and separators as typed */
	CHECK(valid("1234567t", "1234567T"));
	CHECK(valid("1234567 TW", "1234567TW"));
	CHECK(valid("6433435-oa", "6433435OA"));
	/* generated (stdnum ie.vat's check letter): second letter B-I */
	CHECK(valid("1234567OB", NULL));
	CHECK(valid("6433435RI", NULL));
	CHECK(valid("8765432NB", NULL));
	CHECK(valid("2468013QH", NULL));
	CHECK(!valid("1234567FB", NULL)); /* the A's check letter with B */
	/* second letter J-V is none; too many or few digits; no letter */
	CHECK(!valid("1234567TJ", NULL));
	CHECK(!valid("1234567TZ", NULL));
	CHECK(!valid("123456T", NULL));
	CHECK(!valid("12345678T", NULL));
	CHECK(!valid("1234567", NULL));
	CHECK(!valid("1234567TWA", NULL));
	/* one digit repeated */
	CHECK(!valid("0000000W", NULL));
	CHECK(!valid("1234567.T", NULL));
}
