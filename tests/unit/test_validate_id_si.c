/* The Slovenian EMŠO (validate_id_si.c) through the validator table, on
 * python-stdnum's vectors and values generated here whose check digit
 * stdnum computed (each says which). */
#include "pii_validate.h"
#include "test.h"
#include "validator_case.h"

#include <string.h>

void test_validate_id_si(void)
{
	/* python-stdnum si.emso doctests */
	CHECK(valid("si_emso", "0101006500006", "0101006500006"));
	CHECK(!valid("si_emso", "0101006500007", NULL));
	/* generated, check digit by stdnum si.emso.calc_check_digit */
	CHECK(valid("si_emso", "1507985501239", NULL));
	CHECK(valid("si_emso", "2902988 505120", "2902988505120")); /* 29 February 1988 */
	CHECK(valid("si_emso", "3112999503075", NULL));
	CHECK(valid("si_emso", "0911962500440", NULL));
	CHECK(!valid("si_emso", "1507985501238", NULL));
	CHECK(!valid("si_emso", "3102985501236", NULL)); /* 31 February, check digit right */
	CHECK(!valid("si_emso", "0113985501237", NULL)); /* month 13 */
	CHECK(!valid("si_emso", "010100650000", NULL));  /* twelve digits */
	CHECK(!valid("si_emso", "0000000000000", NULL));
}
