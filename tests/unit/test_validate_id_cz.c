/* The Czech and Slovak birth number (validate_id_cz.c) through the
 * validator table under both names, on python-stdnum's vectors and values
 * generated here whose check digit stdnum confirmed (each says which). */
#include "pii_validate.h"
#include "test.h"
#include "validator_case.h"

#include <string.h>

void test_validate_id_cz(void)
{
	/* python-stdnum cz.rc and sk.rc doctests */
	CHECK(valid("cz_rc", "710319/2745", "7103192745"));
	CHECK(valid("sk_rc", "710319/2745", "7103192745"));
	CHECK(valid("cz_rc", "991231123", "991231123")); /* 31 December 1899 */
	CHECK(!valid("cz_rc", "7103192746", NULL)); /* check digit */
	CHECK(!valid("cz_rc", "1103492745", NULL)); /* invalid date */
	CHECK(!valid("sk_rc", "590312/123", NULL)); /* nine digits in 1959 */
	/* generated, confirmed by stdnum cz.rc */
	CHECK(valid("cz_rc", "855730/1071", NULL)); /* a woman, +50 */
	CHECK(valid("cz_rc", "042203/1038", NULL)); /* +20, 2004 */
	CHECK(valid("cz_rc", "087115/1017", NULL)); /* a woman, +70, 2008 */
	CHECK(valid("cz_rc", "541224 1054", NULL));
	CHECK(valid("cz_rc", "7805141070", NULL));  /* remainder 10 written 0, 1978 */
	CHECK(valid("cz_rc", "500101/123", NULL));  /* nine digits, 1950 */
	CHECK(valid("cz_rc", "520229123", NULL));   /* 29 February 1952 */
	CHECK(!valid("cz_rc", "530229123", NULL));  /* 29 February 1953 */
	CHECK(!valid("cz_rc", "8502311004", NULL)); /* 31 February */
	CHECK(!valid("cz_rc", "8513011001", NULL)); /* month 13 */
	CHECK(!valid("cz_rc", "855730/1072", NULL));
	CHECK(!valid("cz_rc", "855730/10711", NULL));
	/* stdnum lets these by; the law does not: +20 before 2004, month
	 * 41 (41 - 20 - 20) */
	CHECK(!valid("cz_rc", "9822031010", NULL));
	CHECK(!valid("cz_rc", "7341011007", NULL));
	CHECK(!valid("cz_rc", "0000000000", NULL));
}
