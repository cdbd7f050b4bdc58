/* Bulgarian EGN (src/validate_id_bg.c): python-stdnum's bg.egn doctests,
 * numbers generated with its calc_check_digit, and the centuries of the
 * month (+20 the 1800s, +40 the 2000s). */
#include "pii_validate.h"
#include "test.h"
#include "validator_case.h"

void test_validate_id_bg(void)
{
	/* python-stdnum bg.egn doctests */
	CHECK(valid("bg_egn", "752316 926 3", "7523169263")); /* compact() */
	CHECK(valid("bg_egn", "8032056031", "8032056031"));
	CHECK(valid("bg_egn", "7542011030", "7542011030")); /* 2075-02-01 */
	CHECK(!valid("bg_egn", "7552A10004", NULL));        /* a letter */
	CHECK(!valid("bg_egn", "8019010008", NULL));        /* month 19 */
	/* generated, check digit by stdnum bg.egn.calc_check_digit */
	CHECK(valid("bg_egn", "7512310019", "7512310019"));
	CHECK(valid("bg_egn", "751231 0019", "7512310019"));
	CHECK(valid("bg_egn", "6802298764", "6802298764")); /* 29 Feb 1968 */
	CHECK(valid("bg_egn", "0545123453", "0545123453")); /* 2005-05-12 */
	CHECK(valid("bg_egn", "0241070014", "0241070014"));
	CHECK(valid("bg_egn", "8706075120", "8706075120"));
	CHECK(valid("bg_egn", "8706071070", "8706071070")); /* sum mod 11 is 10: check 0 */
	CHECK(!valid("bg_egn", "6902298768", NULL)); /* 29 Feb 1969 */
	CHECK(!valid("bg_egn", "8813024579", NULL)); /* month 13 */
	CHECK(!valid("bg_egn", "7512320011", NULL)); /* 32 December */
	CHECK(!valid("bg_egn", "7512310018", NULL)); /* check digit */
	CHECK(!valid("bg_egn", "751231001", NULL));
	CHECK(!valid("bg_egn", "75123100190", NULL));
	CHECK(!valid("bg_egn", "751231-0019", NULL));
	CHECK(!valid("bg_egn", "0000000000", NULL));
}
