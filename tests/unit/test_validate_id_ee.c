/* Estonia (validate_id_ee.c): the isikukood, on the vectors of
 * python-stdnum's ee.ik doctests and values generated here whose check
 * digit python-stdnum computed (both sets of weights, and the 0 where both
 * give 10). */
#include "pii_validate.h"
#include "test.h"

#include <string.h>

static void valid(const char *value)
{
	pii_validator_fn fn = pii_validator_find("ee_ik");
	struct pii_canon c = {.len = 0};
	bool ok = fn && fn(value, strlen(value), &c);
	CHECK_MSG(ok, "ee_ik(\"%s\") should be valid", value);
	if (ok)
		CHECK_MSG(c.len == strlen(value) && !memcmp(c.buf, value, c.len),
			  "ee_ik(\"%s\"): canon \"%.*s\"", value, (int)c.len, c.buf);
}

static void invalid(const char *value)
{
	pii_validator_fn fn = pii_validator_find("ee_ik");
	struct pii_canon c;
	CHECK_MSG(fn && !fn(value, strlen(value), &c), "ee_ik(\"%s\") should be invalid", value);
}

void test_validate_id_ee(void)
{
	/* python-stdnum ee.ik doctests */
	valid("36805280109");
	invalid("36805280108"); /* InvalidChecksum */
	/* generated, check digit by python-stdnum */
	valid("38501010220");  /* 1 January 1985 */
	valid("18506152347");  /* 1800s */
	valid("61012317898");  /* 2010 */
	valid("60002294569");  /* 29 February 2000 */
	valid("49203150039");  /* the first sum gives 10: the second weights */
	valid("39001011140");  /* both give 10: check digit 0 */
	invalid("39001011141");
	invalid("49203150030"); /* 10 mod 10, where the second weights give 9 */
	/* impossible dates (check digits right): 29 February 1990, day 32,
	 * month 13; born in 2101; no century (0, 9) */
	invalid("49002291234");
	invalid("38501320223");
	invalid("38513010223");
	invalid("70101010011");
	invalid("01234567897");
	invalid("91234567895"); /* valid in Lithuania (no date), not here */
	/* shapes */
	invalid("3680528010");
	invalid("368052801090");
	invalid("3680528010a");
	invalid("36805 280109");
	invalid("");
	invalid("33333333333");
}
