/* Spanish DNI, NIE and NUSS (src/validate_id_es.c): python-stdnum's
 * es.dni, es.nie and es.nif doctests, values generated with stdnum's
 * calc_check_digit, and the NUSS rule of the Seguridad Social (stdnum
 * 1.18 has no module for it: values computed by that rule). */
#include "pii_validate.h"
#include "test.h"
#include "validator_case.h"

void test_validate_id_es(void)
{
	/* python-stdnum es.dni doctests */
	CHECK(valid("es_dni", "54362315-K", "54362315K"));
	CHECK(!valid("es_dni", "54362315Z", NULL)); /* invalid check digit */
	CHECK(!valid("es_dni", "54362315", NULL));  /* digit missing */
	/* es.nif doctest: a resident's NIF is the DNI */
	CHECK(valid("es_dni", "54362315K", "54362315K"));
	/* generated, the letter from stdnum es.dni.calc_check_digit */
	CHECK(valid("es_dni", "71234560H", "71234560H"));
	CHECK(valid("es_dni", "05.873.216-M", "05873216M"));
	CHECK(valid("es_dni", "39740013 s", "39740013S"));
	CHECK(valid("es_dni", "48 295 163 Q", "48295163Q"));
	CHECK(!valid("es_dni", "71234560J", NULL));
	CHECK(!valid("es_dni", "7123456H", NULL));   /* seven digits */
	CHECK(!valid("es_dni", "712345601H", NULL)); /* nine */
	CHECK(!valid("es_dni", "71234560I", NULL));  /* no check letter */
	CHECK(!valid("es_dni", "71234560", NULL));
	CHECK(!valid("es_dni", "H", NULL));
	CHECK(!valid("es_dni", "", NULL));
	/* the example forms' number and the specimen card's; all the same */
	CHECK(!valid("es_dni", "12345678Z", NULL));
	CHECK(!valid("es_dni", "99999999R", NULL));
	CHECK(!valid("es_dni", "00000000T", NULL));
	/* python-stdnum es.nie doctests */
	CHECK(valid("es_nie", "x-2482300w", "X2482300W"));
	CHECK(!valid("es_nie", "x-2482300a", NULL)); /* invalid check digit */
	CHECK(!valid("es_nie", "X2482300", NULL));   /* digit missing */
	/* es.nif doctest: a foreign person */
	CHECK(valid("es_nie", "X-5253868-R", "X5253868R"));
	/* generated, the letter from stdnum es.nie.calc_check_digit */
	CHECK(valid("es_nie", "Y1234567X", "Y1234567X"));
	CHECK(valid("es_nie", "Z7654321-H", "Z7654321H"));
	CHECK(valid("es_nie", "Y 0587302 B", "Y0587302B"));
	CHECK(!valid("es_nie", "Z7654321X", NULL));
	CHECK(!valid("es_nie", "A2482300W", NULL));  /* not X, Y or Z */
	CHECK(!valid("es_nie", "X24823000W", NULL)); /* eight digits */
	CHECK(!valid("es_nie", "X0000000T", NULL));
	CHECK(!valid("es_nie", "X-", NULL));
	CHECK(!valid("es_nie", "X", NULL));
	/* a DNI is no NIE and the other way round */
	CHECK(!valid("es_nie", "54362315K", NULL));
	CHECK(!valid("es_dni", "X2482300W", NULL));
	/* NUSS: (province, number) mod 97; a number under 10,000,000 without
	 * its padding zero (28/1234567/42 is the eleven-digit form of
	 * 28/01234567/42) */
	CHECK(valid("es_nuss", "28/12345678/40", "281234567840"));
	CHECK(valid("es_nuss", "281234567840", "281234567840"));
	CHECK(valid("es_nuss", "08 41234567 30", "084123456730"));
	CHECK(valid("es_nuss", "46-01234567-52", "460123456752"));
	CHECK(valid("es_nuss", "28/0123456742", "280123456742"));
	CHECK(!valid("es_nuss", "46/01234567/88", NULL)); /* the zero counted */
	CHECK(!valid("es_nuss", "28/12345678/41", NULL));
	CHECK(!valid("es_nuss", "28/1234567/42", NULL)); /* eleven digits */
	CHECK(!valid("es_nuss", "00/12345678/12", NULL));
	CHECK(!valid("es_nuss", "000000000000", NULL));
}
