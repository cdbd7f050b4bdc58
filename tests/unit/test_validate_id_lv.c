/* Latvia (validate_id_lv.c): the personas kods, on the vectors of
 * python-stdnum's lv.pvn doctests (1.18, and its release of 2026 for the
 * form of 2017) and values generated here whose check digit python-stdnum
 * computed (calc_check_digit_pers). */
#include "pii_validate.h"
#include "test.h"

#include <string.h>

static void valid(const char *value, const char *canon)
{
	pii_validator_fn fn = pii_validator_find("lv_personas_kods");
	struct pii_canon c = {.len = 0};
	bool ok = fn && fn(value, strlen(value), &c);
	CHECK_MSG(ok, "lv_personas_kods(\"%s\") should be valid", value);
	if (ok)
		CHECK_MSG(c.len == strlen(canon) && !memcmp(c.buf, canon, c.len),
			  "lv_personas_kods(\"%s\"): canon \"%.*s\", want \"%s\"", value,
			  (int)c.len, c.buf, canon);
}

static void invalid(const char *value)
{
	pii_validator_fn fn = pii_validator_find("lv_personas_kods");
	struct pii_canon c;
	CHECK_MSG(fn && !fn(value, strlen(value), &c), "lv_personas_kods(\"%s\") should be invalid",
		  value);
}

void test_validate_id_lv(void)
{
	/* python-stdnum lv.pvn doctests: a personal code, an invalid date */
	valid("161175-19997", "16117519997");
	invalid("161375-19997");
	/* its release of 2026 (293136b): the form of 2017 */
	valid("328673-00679", "32867300679");
	invalid("328673-00677"); /* InvalidChecksum */
	/* an example of the form of 2017 published elsewhere (it passes) */
	valid("32503511782", "32503511782");
	/* generated, check digit by python-stdnum */
	valid("010190-12349", "01019012349");  /* 1990 */
	valid("290200-23453", "29020023453");  /* 29 February 2000 */
	valid("311299 14560", "31129914560");  /* 1999, with a space */
	valid("010705-07777", "01070507777");  /* 1805 */
	valid("321234-56785", "32123456785");
	valid("33987654329", "33987654329");   /* 3 and 3: allowed by the law */
	invalid("321234-56786");
	/* 29 February 2001, month 13, day 0 of month 0 (check digits right) */
	invalid("290201-12341");
	invalid("011390-12343");
	invalid("300010-12343");
	/* century digit 3: 2175 for python-stdnum 1.18, which takes it; none here */
	invalid("161175-39998");
	/* a company's registration number (python-stdnum lv.pvn doctest):
	 * another check, and no date */
	invalid("40003521600");
	/* shapes */
	invalid("161175-1999");
	invalid("161175-199970");
	invalid("16117-519997");
	invalid("161175--19997");
	invalid("");
	invalid("11111111111");
}
