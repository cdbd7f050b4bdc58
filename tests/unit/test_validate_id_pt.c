/* Portuguese NIF of a person (src/validate_id_pt.c): python-stdnum's
 * pt.nif doctests, numbers generated with its calc_check_digit, and the
 * first digits of the Autoridade Tributária (1-3 and 45 persons; 5, 6,
 * 7, 8, 9 companies, public bodies, estates: refused). */
#include "pii_validate.h"
#include "test.h"
#include "validator_case.h"

void test_validate_id_pt(void)
{
	/* python-stdnum pt.nif doctests: a company's number (NIPC) is valid
	 * for stdnum, no person's here; the check digit changed */
	CHECK(!valid("pt_nif", "PT 501 964 843", NULL));
	CHECK(!valid("pt_nif", "PT 501 964 842", NULL));
	/* generated, check digit by stdnum pt.nif.calc_check_digit */
	CHECK(valid("pt_nif", "234567899", "234567899"));
	CHECK(valid("pt_nif", "314 159 266", "314159266"));
	CHECK(valid("pt_nif", "204.917.522", "204917522"));
	CHECK(valid("pt_nif", "PT182736458", "182736458"));
	CHECK(valid("pt_nif", "451234561", "451234561")); /* non-resident */
	CHECK(!valid("pt_nif", "234567898", NULL));
	CHECK(!valid("pt_nif", "314159265", NULL));
	CHECK(!valid("pt_nif", "23456789", NULL));
	CHECK(!valid("pt_nif", "2345678990", NULL));
	CHECK(!valid("pt_nif", "23456789X", NULL));
	/* not a person's: 4 but 45, 5-9 */
	CHECK(!valid("pt_nif", "412345676", NULL)); /* check digit right */
	CHECK(!valid("pt_nif", "600123456", NULL));
	CHECK(!valid("pt_nif", "700123458", NULL));
	CHECK(!valid("pt_nif", "800123450", NULL));
	CHECK(!valid("pt_nif", "912345675", NULL));
	CHECK(!valid("pt_nif", "999999990", NULL));
	/* the number of every example; one digit repeated */
	CHECK(!valid("pt_nif", "123456789", NULL));
	CHECK(!valid("pt_nif", "111111111", NULL));
}
