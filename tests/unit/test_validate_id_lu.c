/* The Luxembourg national identification number (validate_id_lu.c):
 * the valid and invalid values of reducktion/socrates' tests (after the
 * OECD's TIN sheet), values generated here with python-stdnum's luhn and
 * verhoeff, and impossible dates with right check digits. */
#include "pii_validate.h"
#include "test.h"

#include <string.h>

static bool valid(const char *value, const char *canon)
{
	pii_validator_fn fn = pii_validator_find("lu_nin");
	struct pii_canon c;
	if (!fn || !fn(value, strlen(value), &c))
		return false;
	return !canon || (c.len == strlen(canon) && !memcmp(c.buf, canon, c.len));
}

void test_validate_id_lu(void)
{
	/* reducktion/socrates: valid */
	CHECK(valid("2003042581939", "2003042581939"));
	CHECK(valid("1971110258749", NULL));
	CHECK(valid("2012051469331", NULL));
	CHECK(valid("1994092874550", NULL));
	CHECK(valid("1983081246785", NULL));
	/* ... and invalid: bad check digit, not numeric, lengths */
	CHECK(!valid("1994789587182", NULL));
	CHECK(!valid("12345678901AB", NULL));
	CHECK(!valid("12345678901234", NULL));
	CHECK(!valid("123456789012", NULL));
	/* the example that goes with the OECD's description (1 Dec 1893) */
	CHECK(valid("1893120105732", NULL));
	/* as written */
	CHECK(valid("1983 08 12 467 85", "1983081246785"));
	CHECK(valid("2000-02-29-012-66", "2000022901266"));
	/* one check digit changed, then the other */
	CHECK(!valid("1983081246775", NULL));
	CHECK(!valid("1983081246786", NULL));
	/* the two check digits swapped */
	CHECK(!valid("1983081246758", NULL));
	/* right check digits, impossible dates: 31 Feb 1993, month 13 */
	CHECK(!valid("1993023100168", NULL));
	CHECK(!valid("1985130100190", NULL));
	CHECK(!valid("0000000000000", NULL));
	CHECK(!valid("1983.08.12.462.85", NULL));
}
