/* French identifiers (validate_id_fr.c): the doctests of python-stdnum
 * fr.nir and fr.nif, values generated here with their keys computed by
 * stdnum, the ranges of sex and month, and the specimen identity card. */
#include "pii_validate.h"
#include "test.h"
#include "validator_case.h"

#include <string.h>

void test_validate_id_fr(void)
{
	/* NIR: stdnum fr.nir doctests */
	CHECK(valid("fr_nir", "2 95 10 99 126 111 93", "295109912611193"));
	CHECK(!valid("fr_nir", "295109912611199", NULL));
	CHECK(valid("fr_nir", "253072B07300470", "253072B07300470"));
	CHECK(valid("fr_nir", "253072A07300443", "253072A07300443"));
	CHECK(!valid("fr_nir", "253072C07300443", NULL));
	CHECK(!valid("fr_nir", "6546546546546703", NULL));
	/* Corsica in lower case reads the same */
	CHECK(valid("fr_nir", "2 53 07 2a 073 004 43", "253072A07300443"));
	/* 2A and 2B swapped: the key fails */
	CHECK(!valid("fr_nir", "253072B07300443", NULL));
	/* the example of the form: its key fails; the same with the
	 * key stdnum computes */
	CHECK(!valid("fr_nir", "1 85 05 78 006 084 36", NULL));
	CHECK(valid("fr_nir", "1 85 05 78 006 084 91", "185057800608491"));
	/* generated, keys computed by stdnum fr.nir */
	CHECK(valid("fr_nir", "2.83.06.99.352.017.42", NULL)); /* born abroad */
	CHECK(valid("fr_nir", "702019912345624", NULL)); /* pending registration */
	CHECK(valid("fr_nir", "287026212304557", NULL));
	/* right keys, impossible parts: month 13 and 45, sex 5, département
	 * 00, order number 000 */
	CHECK(!valid("fr_nir", "189137505612320", NULL));
	CHECK(!valid("fr_nir", "285457505612396", NULL));
	CHECK(!valid("fr_nir", "585057800608485", NULL));
	CHECK(!valid("fr_nir", "185050000608463", NULL));
	CHECK(!valid("fr_nir", "185057800600078", NULL));
	CHECK(!valid("fr_nir", "285147505612385", NULL)); /* month 14 */
	/* months 20-42 and 50-99: the month was not known */
	CHECK(valid("fr_nir", "185207505612337", NULL));
	CHECK(valid("fr_nir", "185307505612303", NULL));
	CHECK(valid("fr_nir", "285627505612377", NULL));
	CHECK(!valid("fr_nir", "111111111111111", NULL));
	CHECK(!valid("fr_nir", "2 95 10 99 126 111 9", NULL));

	/* SPI: stdnum fr.nif doctests (1.18) and the mod 511 of later ones */
	CHECK(valid("fr_spi", "0701987765493", "0701987765493"));
	CHECK(valid("fr_spi", "07 01 987 765 493", "0701987765493"));
	CHECK(valid("fr_spi", "3023217600053", NULL));
	CHECK(!valid("fr_spi", "0701987765432", NULL)); /* 1.18's doctest: no mod 511 */
	CHECK(!valid("fr_spi", "070198776543", NULL));
	CHECK(!valid("fr_spi", "9701987765432", NULL));
	CHECK(!valid("fr_spi", "4701987765314", NULL)); /* first digit 4 */
	CHECK(!valid("fr_spi", "0000000000000", NULL));
	/* generated, mod 511 */
	CHECK(valid("fr_spi", "1234567890066", NULL));
	CHECK(valid("fr_spi", "21 98 765 432 395", NULL));

	/* CNI of 1995-2021 */
	CHECK(valid("fr_cni", "950475112345", "950475112345"));
	CHECK(valid("fr_cni", "1803 075 01234", "180307501234"));
	CHECK(valid("fr_cni", "03112A104567", "03112A104567"));
	CHECK(!valid("fr_cni", "880692310285", NULL)); /* the specimen card */
	CHECK(!valid("fr_cni", "951375112345", NULL)); /* month 13 */
	CHECK(!valid("fr_cni", "950075112345", NULL)); /* month 00 */
	CHECK(!valid("fr_cni", "95047511234", NULL));
	CHECK(!valid("fr_cni", "950400012345", NULL)); /* no département */
	CHECK(!valid("fr_cni", "111111111111", NULL));
}
