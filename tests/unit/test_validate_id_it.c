/* Italian codice fiscale and partita IVA (src/validate_id_it.c):
 * python-stdnum's it.codicefiscale and it.iva doctests, codes generated
 * with stdnum's calc_check_digit (and luhn), and the date and omocodia
 * rules of the decree of 23 December 1976. */
#include "pii_validate.h"
#include "test.h"
#include "validator_case.h"

void test_validate_id_it(void)
{
	/* python-stdnum it.codicefiscale doctests */
	CHECK(valid("it_cf", "RCCMNL83S18D969H", "RCCMNL83S18D969H"));
	CHECK(!valid("it_cf", "RCCMNL83S18D969", NULL)); /* length */
	CHECK(valid("it_cf", "CNTCHR83T41D969D", "CNTCHR83T41D969D")); /* a woman */
	/* its 11-digit company form is the partita IVA, not a person's code */
	CHECK(!valid("it_cf", "00743110157", NULL));
	/* written forms */
	CHECK(valid("it_cf", "rccmnl83s18d969h", "RCCMNL83S18D969H"));
	CHECK(valid("it_cf", "RCC MNL 83S18 D969H", "RCCMNL83S18D969H"));
	/* the check letter changed */
	CHECK(!valid("it_cf", "RCCMNL83S18D969A", NULL));
	CHECK(!valid("it_cf", "CNTCHR83T41D969E", NULL));
	/* generated, check letter by stdnum it.codicefiscale */
	CHECK(valid("it_cf", "BNCGLI90A01H501A", "BNCGLI90A01H501A"));
	CHECK(valid("it_cf", "VRDLRA72E55F205S", "VRDLRA72E55F205S"));
	CHECK(valid("it_cf", "BRNSFN88M12Z404T", "BRNSFN88M12Z404T")); /* born abroad */
	CHECK(valid("it_cf", "GLLNNA65R62A944G", "GLLNNA65R62A944G"));
	/* omocodia: digits replaced by LMNPQRSTUV from the right, up to all */
	CHECK(valid("it_cf", "RCCMNL83S18D96VW", "RCCMNL83S18D96VW"));
	CHECK(valid("it_cf", "RCCMNL83S18D9RVH", "RCCMNL83S18D9RVH"));
	CHECK(valid("it_cf", "RCCMNLUPSMUDVSVO", "RCCMNLUPSMUDVSVO"));
	CHECK(!valid("it_cf", "RCCMNL83S18D96WW", NULL)); /* W is no omocodia letter */
	/* the date: 29 February 2001 does not exist, nor day 32 or 72, nor
	 * month F; day 40 + 31 is a woman born on the 31st */
	CHECK(!valid("it_cf", "FRRGPP01B29L219V", NULL));
	CHECK(!valid("it_cf", "RCCMNL83S32D969H", NULL));
	CHECK(!valid("it_cf", "RCCMNL83S72D969H", NULL));
	CHECK(!valid("it_cf", "RCCMNL83F18D969H", NULL));
	CHECK(!valid("it_cf", "RCCMNL83S00D969H", NULL));
	/* letters and digits in their places */
	CHECK(!valid("it_cf", "RCCMN183S18D969H", NULL));
	CHECK(!valid("it_cf", "RCCMNL83S18D969-", NULL));
	CHECK(!valid("it_cf", "RCCMNL83S18D969HX", NULL));
	/* Mario Rossi of every example */
	CHECK(!valid("it_cf", "RSSMRA85T10A562S", NULL));
	/* python-stdnum it.iva doctests */
	CHECK(valid("it_partita_iva", "IT 00743110157", "00743110157"));
	CHECK(!valid("it_partita_iva", "00743110158", NULL)); /* check digit */
	/* generated, check digit by stdnum luhn */
	CHECK(valid("it_partita_iva", "01234560017", "01234560017"));
	CHECK(valid("it_partita_iva", "IT12345670157", "12345670157"));
	CHECK(valid("it_partita_iva", "07987650129", "07987650129"));
	CHECK(!valid("it_partita_iva", "00000000000", NULL));
	CHECK(valid("it_partita_iva", "00000010017", "00000010017")); /* holder 0000001 */
	CHECK(!valid("it_partita_iva", "00000000017", NULL)); /* holder 0000000 */
	CHECK(!valid("it_partita_iva", "01234561017", NULL)); /* office 101 is none */
	CHECK(!valid("it_partita_iva", "0123456001", NULL));
	CHECK(!valid("it_partita_iva", "012345600170", NULL));
}
