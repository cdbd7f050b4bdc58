/* German national identifiers (validate_id_de.c) through the validator
 * table, on python-stdnum's vectors where it has a module, the issuers'
 * and their software's vectors otherwise, and values generated here with
 * the check digit computed per the specification (each says which). */
#include "pii_validate.h"
#include "test.h"
#include "validator_case.h"

#include <string.h>

void test_validate_id_de(void)
{
	/* de_idnr: python-stdnum de.idnr doctests */
	CHECK(valid("de_idnr", "36 574 261 809", "36574261809"));
	CHECK(valid("de_idnr", "36574261809", "36574261809"));
	CHECK(!valid("de_idnr", "36574261890", NULL)); /* check digit */
	CHECK(!valid("de_idnr", "36554266806", NULL)); /* more digits repeated */
	/* generated, confirmed by stdnum de.idnr */
	CHECK(valid("de_idnr", "93141705862", NULL)); /* 1 three times */
	CHECK(valid("de_idnr", "20561748335", NULL));
	CHECK(!valid("de_idnr", "93141705863", NULL));
	CHECK(!valid("de_idnr", "06574261809", NULL)); /* leading 0 */
	CHECK(!valid("de_idnr", "3657426180", NULL));  /* ten digits */
	CHECK(!valid("de_idnr", "1234567890 1", NULL)); /* no digit repeated */
	CHECK(!valid("de_idnr", "11111111111", NULL));

	/* de_rvnr: the example, de.wikipedia "Versicherungsnummer"
	 * (15 070649 C 103), generated with the check digit per the DRV's
	 * weights 2 1 2 5 7 1 2 1 2 1 2 1 */
	CHECK(valid("de_rvnr", "65 170839 J 003", "65170839J003"));
	CHECK(valid("de_rvnr", "65170839j003", "65170839J003"));
	CHECK(valid("de_rvnr", "15 070649 C 103", NULL));
	CHECK(valid("de_rvnr", "02290288A014", NULL)); /* 29 February 1988 */
	CHECK(!valid("de_rvnr", "65 170839 J 004", NULL)); /* check digit */
	CHECK(!valid("de_rvnr", "65310239J008", NULL));    /* 31 February */
	CHECK(!valid("de_rvnr", "65171339J005", NULL));    /* month 13 */
	CHECK(!valid("de_rvnr", "65170839J03", NULL));     /* short */
	CHECK(!valid("de_rvnr", "651708391003", NULL));    /* no letter */

	/* de_kvnr: gematik, E-Rezept app KVNRTests and erezept-test KVNRTest */
	CHECK(valid("de_kvnr", "A123456780", "A123456780"));
	CHECK(valid("de_kvnr", "a123456780", "A123456780"));
	CHECK(valid("de_kvnr", "Q123456784", NULL));
	CHECK(valid("de_kvnr", "Z123456783", NULL));
	CHECK(valid("de_kvnr", "K220645122", NULL));
	CHECK(valid("de_kvnr", "T012345678", NULL));
	CHECK(valid("de_kvnr", "C000500021", NULL));
	CHECK(!valid("de_kvnr", "Q123456781", NULL));
	CHECK(!valid("de_kvnr", "K220645129", NULL));
	CHECK(!valid("de_kvnr", "A005000112", NULL));
	CHECK(!valid("de_kvnr", "C000500020", NULL));
	CHECK(!valid("de_kvnr", "Q12345678", NULL));
	CHECK(!valid("de_kvnr", "Q1234567893", NULL));
	CHECK(!valid("de_kvnr", "1220645129", NULL));

	/* de_id_card, de_passport: ICAO 9303 check digit (7 3 1) computed
	 * on generated numbers; the specimen documents refused */
	CHECK(valid("de_id_card", "T1NHMP6VZ9", "T1NHMP6VZ"));
	CHECK(valid("de_id_card", "T1NHMP6VZ", "T1NHMP6VZ"));
	CHECK(valid("de_id_card", "p8vxlkj7g4", "P8VXLKJ7G"));
	CHECK(!valid("de_id_card", "T1NHMP6VZ8", NULL)); /* check digit */
	CHECK(!valid("de_id_card", "T220001293", NULL)); /* specimen 2010 */
	CHECK(!valid("de_id_card", "L01X00T471", NULL)); /* specimen 2019 */
	CHECK(!valid("de_id_card", "L01X00T47", NULL));
	CHECK(!valid("de_id_card", "C868NTM3P6", NULL)); /* a passport's letter */
	CHECK(!valid("de_id_card", "TANHMP6VZ9", NULL)); /* a vowel */
	CHECK(!valid("de_id_card", "TNHMPXVZK", NULL));  /* nine, one digit */
	CHECK(valid("de_passport", "C868NTM3P6", "C868NTM3P"));
	CHECK(valid("de_passport", "J3J79YT8M0", NULL));
	CHECK(valid("de_passport", "K39989WXP", NULL));
	CHECK(!valid("de_passport", "C868NTM3P7", NULL));
	CHECK(!valid("de_passport", "C01X00T478", NULL)); /* specimen 2017 */
	CHECK(!valid("de_passport", "C01X0006H1", NULL)); /* specimen 2007 */
	CHECK(!valid("de_passport", "T1NHMP6VZ9", NULL));
}
