/* Greek AMKA (src/validate_id_gr.c): python-stdnum's gr.amka doctests,
 * numbers generated with stdnum's luhn.calc_check_digit, and the birth
 * date (either century). */
#include "pii_validate.h"
#include "test.h"
#include "validator_case.h"

void test_validate_id_gr(void)
{
	/* python-stdnum gr.amka doctests */
	CHECK(valid("gr_amka", "01013099997", "01013099997"));
	CHECK(!valid("gr_amka", "01013099999", NULL)); /* check digit */
	/* generated, check digit by stdnum luhn */
	CHECK(valid("gr_amka", "15058512342", "15058512342"));
	CHECK(valid("gr_amka", "31127900012", "31127900012"));
	CHECK(valid("gr_amka", "07070543215", "07070543215"));
	CHECK(valid("gr_amka", "29020012349", "29020012349")); /* 29 Feb 2000 */
	CHECK(!valid("gr_amka", "29020112347", NULL)); /* 29 Feb 1901/2001 */
	CHECK(!valid("gr_amka", "31048512342", NULL)); /* 31 April */
	CHECK(!valid("gr_amka", "15138512346", NULL)); /* month 13 */
	CHECK(!valid("gr_amka", "15058512343", NULL));
	CHECK(!valid("gr_amka", "1505851234", NULL));
	CHECK(!valid("gr_amka", "150585123420", NULL));
	CHECK(!valid("gr_amka", "150585 12342", NULL));
	CHECK(!valid("gr_amka", "00000000000", NULL));
}
