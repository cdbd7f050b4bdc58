/* The check-digit schemes national identifiers share (validate_checks.c),
 * on the vectors of python-stdnum's luhn, verhoeff and iso7064 modules
 * (the valid ones confirmed there) and a digit changed in each. */
#include "validators.h"
#include "test.h"

#include <string.h>

#define DIGITS(s) (s), strlen(s)

void test_validate_checks(void)
{
	CHECK(pii_luhn_ok(DIGITS("79927398713")));
	CHECK(!pii_luhn_ok(DIGITS("79927398710")));
	CHECK(!pii_luhn_ok(DIGITS("")));
	CHECK(pii_verhoeff_ok(DIGITS("2363")));
	CHECK(!pii_verhoeff_ok(DIGITS("2364")));
	CHECK(!pii_verhoeff_ok(DIGITS("")));
	CHECK(pii_iso7064_11_10_ok(DIGITS("36574261809"))); /* a Steuer-IdNr */
	CHECK(pii_iso7064_11_10_ok(DIGITS("94577403194"))); /* an OIB */
	CHECK(!pii_iso7064_11_10_ok(DIGITS("36574261808")));
	static const unsigned char w[] = {3, 2, 7};
	CHECK(pii_weighted_sum("123", w, 3) == 3 + 4 + 21);
	/* real days: leap years by the Gregorian rule */
	CHECK(pii_real_date(2000, 2, 29));
	CHECK(pii_real_date(2024, 2, 29));
	CHECK(!pii_real_date(1900, 2, 29));
	CHECK(!pii_real_date(2023, 2, 29));
	CHECK(!pii_real_date(2023, 4, 31));
	CHECK(pii_real_date(1985, 12, 31));
	CHECK(!pii_real_date(1985, 13, 1));
	CHECK(!pii_real_date(1985, 0, 10));
	CHECK(!pii_real_date(1985, 1, 0));
	CHECK(!pii_real_date(1799, 1, 1));
}
