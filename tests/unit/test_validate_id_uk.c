/* UK identifiers (validate_id_uk.c): the doctests of python-stdnum gb.nhs,
 * HMRC's prefix rules for the National Insurance number (NIM39110) and
 * its own example, values generated here (NHS check digits confirmed by
 * stdnum gb.nhs). */
#include "pii_validate.h"
#include "test.h"
#include "validator_case.h"

#include <string.h>

void test_validate_id_uk(void)
{
	/* NINO: the written forms */
	CHECK(valid("uk_nino", "AB 12 34 56 C", "AB123456C"));
	CHECK(valid("uk_nino", "AA 12 34 56 B", "AA123456B"));
	CHECK(valid("uk_nino", "ab123456c", "AB123456C"));
	CHECK(valid("uk_nino", "tw987654a", "TW987654A"));
	CHECK(valid("uk_nino", "CE-47-59-21-D", "CE475921D"));
	/* HMRC's example QQ 12 34 56 C: Q is never a prefix letter */
	CHECK(!valid("uk_nino", "QQ 12 34 56 C", NULL));
	/* first letter D F I Q U V, second also O */
	CHECK(!valid("uk_nino", "DA 12 34 56 A", NULL));
	CHECK(!valid("uk_nino", "FA 12 34 56 A", NULL));
	CHECK(!valid("uk_nino", "VA 12 34 56 A", NULL));
	CHECK(!valid("uk_nino", "AI 12 34 56 A", NULL));
	CHECK(!valid("uk_nino", "AO 12 34 56 A", NULL));
	CHECK(valid("uk_nino", "OA 12 34 56 A", NULL)); /* O is a first letter */
	/* prefixes never allocated */
	CHECK(!valid("uk_nino", "BG 12 34 56 A", NULL));
	CHECK(!valid("uk_nino", "GB 12 34 56 A", NULL));
	CHECK(!valid("uk_nino", "NK 12 34 56 A", NULL));
	CHECK(!valid("uk_nino", "KN 12 34 56 A", NULL));
	CHECK(!valid("uk_nino", "TN 12 34 56 A", NULL));
	CHECK(!valid("uk_nino", "NT 12 34 56 A", NULL));
	CHECK(!valid("uk_nino", "ZZ 12 34 56 A", NULL));
	/* suffix A-D only; six digits; placeholders */
	CHECK(!valid("uk_nino", "AB 12 34 56 E", NULL));
	CHECK(!valid("uk_nino", "AB 12 34 5 C", NULL));
	CHECK(!valid("uk_nino", "AB 12 34 567 C", NULL));
	CHECK(!valid("uk_nino", "AB 00 00 00 A", NULL));
	CHECK(!valid("uk_nino", "AB.12.34.56.C", NULL));

	/* NHS: stdnum gb.nhs doctests */
	CHECK(valid("uk_nhs", "943-476-5870", "9434765870"));
	CHECK(!valid("uk_nhs", "9434765871", NULL));
	/* the example; generated, confirmed by stdnum gb.nhs */
	CHECK(valid("uk_nhs", "943 476 5919", "9434765919"));
	CHECK(valid("uk_nhs", "4010232137", NULL));
	CHECK(valid("uk_nhs", "485 777 3457", NULL));
	CHECK(valid("uk_nhs", "6012345674", NULL)); /* check 11 - 0 */
	/* a check of 10 is never given: 123456789x has none */
	CHECK(!valid("uk_nhs", "1234567890", NULL));
	CHECK(!valid("uk_nhs", "1234567891", NULL));
	/* all one digit passes modulus 11 but is no number; test range 999 */
	CHECK(!valid("uk_nhs", "0000000000", NULL));
	CHECK(!valid("uk_nhs", "1111111111", NULL));
	CHECK(!valid("uk_nhs", "9990000000", NULL));
	CHECK(!valid("uk_nhs", "943476591", NULL));
	CHECK(!valid("uk_nhs", "94347659190", NULL));

	/* passport: nine digits */
	CHECK(valid("uk_passport", "925076473", "925076473"));
	CHECK(!valid("uk_passport", "000000000", NULL));
	CHECK(!valid("uk_passport", "123456789", NULL));
	CHECK(!valid("uk_passport", "92507647", NULL));
	CHECK(!valid("uk_passport", "92507647A", NULL));
}
