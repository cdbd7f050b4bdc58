/* Polish national identifiers (validate_id_pl.c) through the validator
 * table, on python-stdnum's vectors and values generated here whose check
 * digit stdnum computed (each says which). */
#include "pii_validate.h"
#include "test.h"
#include "validator_case.h"

#include <string.h>

void test_validate_id_pl(void)
{
	/* pl_pesel: python-stdnum pl.pesel doctests */
	CHECK(valid("pl_pesel", "44051401359", "44051401359"));
	CHECK(valid("pl_pesel", "02122401358", NULL)); /* 24 December 1902 */
	CHECK(valid("pl_pesel", "02211307589", NULL)); /* 13 January 2002 */
	CHECK(!valid("pl_pesel", "44051401358", NULL)); /* check digit */
	CHECK(!valid("pl_pesel", "02381307589", NULL)); /* month 18: no date */
	/* generated, check digit by stdnum pl.pesel.calc_check_digit */
	CHECK(valid("pl_pesel", "850730 04821", "85073004821"));
	CHECK(valid("pl_pesel", "04222903710", NULL)); /* 29 February 2004 */
	CHECK(valid("pl_pesel", "99910300928", NULL)); /* 3 November 1899 */
	CHECK(!valid("pl_pesel", "90023101237", NULL)); /* 31 February 1990 */
	CHECK(!valid("pl_pesel", "90130101234", NULL)); /* month 13 */
	CHECK(!valid("pl_pesel", "4405140135", NULL));  /* ten digits */
	CHECK(!valid("pl_pesel", "00000000000", NULL));

	/* pl_nip: python-stdnum pl.nip doctests (PL prefix left out: that
	 * is the VAT number), then generated with stdnum's weights */
	CHECK(valid("pl_nip", "8567346215", "8567346215"));
	CHECK(valid("pl_nip", "856-734-62-15", "8567346215"));
	CHECK(!valid("pl_nip", "8567346216", NULL));
	CHECK(valid("pl_nip", "526-39-82-598", "5263982598"));
	CHECK(valid("pl_nip", "113 483 37 82", NULL));
	CHECK(!valid("pl_nip", "5263982597", NULL));
	CHECK(!valid("pl_nip", "77979190741", NULL)); /* eleven digits */
	CHECK(!valid("pl_nip", "0567346211", NULL));  /* no tax office 0.. */
	CHECK(!valid("pl_nip", "PL8567346215", NULL));
}
