/* Romanian CNP (src/validate_id_ro.c): python-stdnum's ro.cnp doctests,
 * numbers generated with its calc_check_digit, and the date, county and
 * serial parts. */
#include "pii_validate.h"
#include "test.h"
#include "validator_case.h"

void test_validate_id_ro(void)
{
	/* python-stdnum ro.cnp doctests */
	CHECK(valid("ro_cnp", "1630615123457", "1630615123457"));
	CHECK(!valid("ro_cnp", "0800101221142", NULL)); /* first digit */
	CHECK(!valid("ro_cnp", "1632215123457", NULL)); /* date */
	CHECK(!valid("ro_cnp", "1630615123458", NULL)); /* check digit */
	/* generated, check digit by stdnum ro.cnp.calc_check_digit */
	CHECK(valid("ro_cnp", "2851114080072", "2851114080072"));
	CHECK(valid("ro_cnp", "1980101350011", "1980101350011"));
	CHECK(valid("ro_cnp", "1790228123451", "1790228123451"));
	CHECK(valid("ro_cnp", "6000229400125", "6000229400125")); /* 29 Feb 2000 */
	CHECK(!valid("ro_cnp", "5020229400121", NULL)); /* 29 Feb 2002 */
	CHECK(!valid("ro_cnp", "1631315123457", NULL)); /* month 13 */
	/* the county and the serial */
	CHECK(!valid("ro_cnp", "1630615533452", NULL)); /* county 53 */
	CHECK(!valid("ro_cnp", "1630615003458", NULL)); /* county 00 */
	CHECK(!valid("ro_cnp", "1630615120005", NULL)); /* serial 000 */
	/* length and characters */
	CHECK(!valid("ro_cnp", "163061512345", NULL));
	CHECK(!valid("ro_cnp", "16306151234570", NULL));
	CHECK(!valid("ro_cnp", "163061512345X", NULL));
	CHECK(!valid("ro_cnp", "0000000000000", NULL));
	CHECK(!valid("ro_cnp", "1111111111111", NULL));
}
