/* The Hungarian adóazonosító jel (validate_id_hu.c) through the validator
 * table. python-stdnum has no module for it: values generated here by the
 * algorithm of hu.wikipedia "Adóazonosító jel" (8, days since 1 January
 * 1867, serial, check digit), the first the example of the generator
 * vkovacs/Tax-number-generator (born 3 October 1982, serial 13). */
#include "pii_validate.h"
#include "test.h"
#include "validator_case.h"

#include <string.h>

void test_validate_id_hu(void)
{
	CHECK(valid("hu_adoazonosito", "8422780135", "8422780135"));
	CHECK(valid("hu_adoazonosito", "8 42278 013 5", "8422780135"));
	CHECK(valid("hu_adoazonosito", "8395572816", NULL)); /* 22 April 1975 */
	CHECK(valid("hu_adoazonosito", "8452890079", NULL)); /* 31 December 1990 */
	CHECK(valid("hu_adoazonosito", "8491084509", NULL)); /* 15 June 2001 */
	CHECK(!valid("hu_adoazonosito", "8422780136", NULL)); /* check digit */
	CHECK(!valid("hu_adoazonosito", "7422780135", NULL)); /* not 8 first */
	CHECK(!valid("hu_adoazonosito", "842278013", NULL));  /* nine digits */
	CHECK(!valid("hu_adoazonosito", "84227801355", NULL));
	CHECK(!valid("hu_adoazonosito", "8888888888", NULL)); /* its sum is right */
	/* a sum leaving 10 is never issued: 8 42278 002 (weighted sum 131) */
	for (char c = '0'; c <= '9'; c++) {
		char v[] = "8422780020";
		v[9] = c;
		CHECK(!valid("hu_adoazonosito", v, NULL));
	}
}
