/* The Croatian OIB (validate_id_hr.c) through the validator table, on
 * python-stdnum's vectors and values generated here whose check digit
 * stdnum computed (each says which). */
#include "pii_validate.h"
#include "test.h"
#include "validator_case.h"

#include <string.h>

void test_validate_id_hr(void)
{
	/* python-stdnum hr.oib doctest (HR left out: the VAT number) */
	CHECK(valid("hr_oib", "33392005961", "33392005961"));
	CHECK(!valid("hr_oib", "33392005962", NULL));
	CHECK(!valid("hr_oib", "HR33392005961", NULL));
	/* stdnum iso7064 doctest value, an OIB */
	CHECK(valid("hr_oib", "94577403194", NULL));
	/* generated, check digit by stdnum iso7064.mod_11_10 */
	CHECK(valid("hr_oib", "26647378288", NULL));
	CHECK(valid("hr_oib", "83005961230", NULL));
	CHECK(!valid("hr_oib", "26647378289", NULL));
	CHECK(!valid("hr_oib", "3339200596", NULL));   /* ten digits */
	CHECK(!valid("hr_oib", "333920059611", NULL)); /* twelve */
	CHECK(!valid("hr_oib", "333 920 059 61", NULL));
}
