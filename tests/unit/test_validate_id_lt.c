/* Lithuania (validate_id_lt.c): the asmens kodas, on the vectors of
 * python-stdnum's lt.asmens doctests and values generated here whose
 * check digit python-stdnum computed. */
#include "pii_validate.h"
#include "test.h"

#include <string.h>

static void valid(const char *value)
{
	pii_validator_fn fn = pii_validator_find("lt_asmens");
	struct pii_canon c = {.len = 0};
	bool ok = fn && fn(value, strlen(value), &c);
	CHECK_MSG(ok, "lt_asmens(\"%s\") should be valid", value);
	if (ok)
		CHECK_MSG(c.len == strlen(value) && !memcmp(c.buf, value, c.len),
			  "lt_asmens(\"%s\"): canon \"%.*s\"", value, (int)c.len, c.buf);
}

static void invalid(const char *value)
{
	pii_validator_fn fn = pii_validator_find("lt_asmens");
	struct pii_canon c;
	CHECK_MSG(fn && !fn(value, strlen(value), &c), "lt_asmens(\"%s\") should be invalid",
		  value);
}

void test_validate_id_lt(void)
{
	/* python-stdnum lt.asmens doctests */
	valid("33309240064");
	invalid("33309240164"); /* InvalidChecksum */
	/* generated, check digit by python-stdnum */
	valid("38505151238");  /* 15 May 1985 */
	valid("49207044569");  /* 4 July 1992 */
	valid("51010107890");  /* 2010 */
	valid("19912315552");  /* 31 December 1899 */
	valid("39001011140");  /* both sums give 10: check digit 0 */
	/* 9: given without a date, only the check digit counts (stdnum) */
	valid("90123456784");
	valid("98765432100");
	invalid("90123456785");
	/* 29 February 1985, month 13 (check digits right); no century 0 */
	invalid("38502291235");
	invalid("48913011233");
	invalid("01234567897");
	/* shapes */
	invalid("3330924006");
	invalid("333092400640");
	invalid("");
	invalid("99999999999");
}
