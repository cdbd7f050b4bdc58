/* Austrian national identifiers (validate_id_at.c) through the validator
 * table, on python-stdnum's vectors and values generated here whose check
 * digit stdnum computed (each says which). */
#include "pii_validate.h"
#include "test.h"
#include "validator_case.h"

#include <string.h>

void test_validate_id_at(void)
{
	/* at_svnr: python-stdnum at.vnr doctests */
	CHECK(valid("at_svnr", "1237 010180", "1237010180"));
	CHECK(!valid("at_svnr", "2237 010180", NULL)); /* check digit */
	/* generated, check digit by stdnum at.vnr.calc_check_digit */
	CHECK(valid("at_svnr", "4822150372", NULL));
	CHECK(valid("at_svnr", "7711 290288", NULL)); /* 29 February 1988 */
	CHECK(valid("at_svnr", "3055311299", NULL));
	CHECK(valid("at_svnr", "2484010203", NULL)); /* 2003 */
	CHECK(!valid("at_svnr", "4823150372", NULL));
	/* the check digit right, the date impossible (stdnum does not look) */
	CHECK(!valid("at_svnr", "1235300280", NULL)); /* 30 February */
	CHECK(!valid("at_svnr", "1234011380", NULL)); /* month 13 */
	CHECK(!valid("at_svnr", "2170310481", NULL)); /* 31 April */
	/* a sum leaving 10 gives no check digit: 916 ... 070605 */
	for (char c = '0'; c <= '9'; c++) {
		char v[] = "9160070605";
		v[3] = c;
		CHECK(!valid("at_svnr", v, NULL));
	}
	CHECK(!valid("at_svnr", "0237010180", NULL)); /* leading 0 */
	CHECK(!valid("at_svnr", "123701018", NULL));  /* nine digits */
	CHECK(!valid("at_svnr", "1237-010180", NULL));
	CHECK(!valid("at_svnr", "1111111111", NULL)); /* its sum is right */
}
