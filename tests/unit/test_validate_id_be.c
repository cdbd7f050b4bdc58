/* Belgian national identifiers (validate_id_be.c): the doctests of
 * python-stdnum be.nn, values generated here with their check digits
 * confirmed by stdnum, and the dates and serials the register never
 * gives. */
#include "pii_validate.h"
#include "test.h"
#include "validator_case.h"

#include <string.h>

void test_validate_id_be(void)
{
	/* stdnum be.nn doctests */
	CHECK(valid("be_nrn", "85.07.30-033 28", "85073003328"));
	CHECK(valid("be_nrn", "85 07 30 033 28", "85073003328"));
	CHECK(valid("be_nrn", "17 07 30 033 84", "17073003384")); /* 2000+ rule */
	CHECK(!valid("be_nrn", "12345678901", NULL));
	/* the example of the written form: check digits fail */
	CHECK(!valid("be_nrn", "85.07.30-033.61", NULL));
	/* generated, check digits confirmed by stdnum be.nn */
	CHECK(valid("be_nrn", "85.07.30-033.28", "85073003328"));
	CHECK(valid("be_nrn", "850730-033-28", "85073003328"));
	CHECK(valid("be_nrn", "00022900442", NULL)); /* 29 Feb 2000 */
	CHECK(valid("be_nrn", "96022901578", NULL)); /* 29 Feb 1996 */
	CHECK(valid("be_nrn", "72040012557", NULL)); /* day not known */
	CHECK(valid("be_nrn", "70000010111", NULL)); /* date not known */
	CHECK(valid("be_nrn", "05123199836", NULL)); /* 31 Dec 2005, serial 998 */
	/* right check digits, impossible dates */
	CHECK(!valid("be_nrn", "93023112341", NULL)); /* 31 Feb 1993 */
	CHECK(!valid("be_nrn", "85133003370", NULL)); /* month 13 */
	CHECK(!valid("be_nrn", "99124300493", NULL)); /* day 43 */
	/* 29 Feb 1900 with the check digits of 19xx: 1900 is no leap year */
	CHECK(!valid("be_nrn", "00022900413", NULL));
	/* serials 000 and 999 are never given */
	CHECK(!valid("be_nrn", "85073000061", NULL));
	CHECK(!valid("be_nrn", "85073099932", NULL));
	/* wrong length, wrong separator, a digit changed */
	CHECK(!valid("be_nrn", "8507300332", NULL));
	CHECK(!valid("be_nrn", "850730033288", NULL));
	CHECK(!valid("be_nrn", "85/07/30 033 28", NULL));
	CHECK(!valid("be_nrn", "85073003329", NULL));
	CHECK(!valid("be_nrn", "00000000000", NULL));
	CHECK(!valid("be_nrn", "11111111111", NULL));
	/* a BIS number is no register number and the other way round */
	CHECK(!valid("be_nrn", "85273003371", NULL));
	CHECK(!valid("be_bis", "85073003328", NULL));

	/* BIS: month + 20 (sex not known) or + 40; generated, check digits
	 * confirmed by stdnum be.nn */
	CHECK(valid("be_bis", "85.27.30-033.71", "85273003371"));
	CHECK(valid("be_bis", "85473003317", NULL));
	CHECK(valid("be_bis", "01 45 12 001 04", "01451200104")); /* 2000+ rule */
	CHECK(valid("be_bis", "05442800285", NULL)); /* 28 Apr 2005 */
	CHECK(valid("be_bis", "90273110178", NULL)); /* 31 Jul 1990 */
	CHECK(valid("be_bis", "78500900366", NULL)); /* 9 Oct 1978 */
	CHECK(!valid("be_bis", "85333003316", NULL)); /* month 13 + 20 */
	CHECK(!valid("be_bis", "85273003372", NULL)); /* check digit changed */
	CHECK(valid("be_bis", "75430126826", NULL)); /* 1 Mar 1975, sex known */
	CHECK(!valid("be_bis", "902731101", NULL));
}
