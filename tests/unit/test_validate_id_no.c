/* Norway (validate_id_no.c): the fødselsnummer, on the vectors of
 * python-stdnum's no.fodselsnummer doctests, the rules of Skatteetaten
 * (century by individual number, D- and H-numbers) and values generated
 * here whose check digits python-stdnum computed. */
#include "pii_validate.h"
#include "test.h"

#include <string.h>

static void valid(const char *value, const char *canon)
{
	pii_validator_fn fn = pii_validator_find("no_fodselsnummer");
	struct pii_canon c = {.len = 0};
	bool ok = fn && fn(value, strlen(value), &c);
	CHECK_MSG(ok, "no_fodselsnummer(\"%s\") should be valid", value);
	if (ok)
		CHECK_MSG(c.len == strlen(canon) && !memcmp(c.buf, canon, c.len),
			  "no_fodselsnummer(\"%s\"): canon \"%.*s\", want \"%s\"", value,
			  (int)c.len, c.buf, canon);
}

static void invalid(const char *value)
{
	pii_validator_fn fn = pii_validator_find("no_fodselsnummer");
	struct pii_canon c;
	CHECK_MSG(fn && !fn(value, strlen(value), &c), "no_fodselsnummer(\"%s\") should be invalid",
		  value);
}

void test_validate_id_no(void)
{
	/* python-stdnum no.fodselsnummer doctests */
	valid("151086 95088", "15108695088");
	valid("151086-95088", "15108695088");
	invalid("15108695077"); /* InvalidChecksum */
	/* generated, check digits by python-stdnum */
	valid("01019012480", "01019012480");  /* 1990, individual 124 */
	valid("31011234537", "31011234537");  /* 1912 */
	valid("01014191093", "01014191093");  /* 910 with YY 41: 1941 */
	valid("15055560029", "15055560029");  /* 600 with YY 55: 1855 */
	valid("01012051065", "01012051065");  /* 510 with YY 20: 2020 */
	valid("29020050088", "29020050088");  /* 29 February 2000 */
	valid("41019012393", "41019012393");  /* D-number: day 41 is the 1st */
	valid("01519012320", "01519012320");  /* H-number: month 51 is November */
	/* one check digit changed, then the other */
	invalid("01019012481");
	invalid("01019012490");
	/* no century for the individual number: 800 with YY 90, 890 with 41,
	 * 600 with 50 (check digits right) */
	invalid("01019080095");
	invalid("01014189064");
	invalid("01015060057");
	/* month 41 after the H-number's 40 (81: the month of no number), month
	 * 13 (check digits right), born in 2030 */
	invalid("01819012365");
	invalid("01135012315");
	invalid("01013095066");
	/* an FH-number (day 81): no date in it, check digits right */
	invalid("81019012387");
	/* shapes */
	invalid("1510869508");
	invalid("151086950880");
	invalid("1510869 5088");
	invalid("151086  95088");
	invalid("151086/95088");
	invalid("");
	invalid("00000000000");
}
