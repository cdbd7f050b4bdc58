/* Denmark (validate_id_dk.c): the CPR number, on the vectors of
 * python-stdnum's dk.cpr doctests, the century rules of the CPR (cpr.dk)
 * and values generated here that python-stdnum confirms. */
#include "pii_validate.h"
#include "test.h"

#include <string.h>

static void valid(const char *value, const char *canon)
{
	pii_validator_fn fn = pii_validator_find("dk_cpr");
	struct pii_canon c = {.len = 0};
	bool ok = fn && fn(value, strlen(value), &c);
	CHECK_MSG(ok, "dk_cpr(\"%s\") should be valid", value);
	if (ok)
		CHECK_MSG(c.len == strlen(canon) && !memcmp(c.buf, canon, c.len),
			  "dk_cpr(\"%s\"): canon \"%.*s\", want \"%s\"", value, (int)c.len, c.buf,
			  canon);
}

static void invalid(const char *value)
{
	pii_validator_fn fn = pii_validator_find("dk_cpr");
	struct pii_canon c;
	CHECK_MSG(fn && !fn(value, strlen(value), &c), "dk_cpr(\"%s\") should be invalid", value);
}

void test_validate_id_dk(void)
{
	/* python-stdnum dk.cpr doctests */
	valid("211062-5629", "2110625629");
	invalid("511062-5629");   /* invalid date */
	invalid("2110525629");    /* born in 2052: not yet */
	valid("2110620629", "2110620629"); /* 1962 */
	/* no modulus 11 required (numbers since 2007); generated, stdnum valid */
	valid("010203-4005", "0102034005");  /* serial 4, year 03: 2003 */
	valid("311299 9876", "3112999876");  /* serial 9, year 99: 1999 */
	valid("150588-7123", "1505887123");  /* serial 7, year 88: 1888 */
	/* the century on 29 February: serial 4 and year 00 is 2000 (a leap
	 * year), serial 0 is 1900 (none) */
	valid("290200-4001", "2902004001");
	invalid("290200-0001");
	invalid("290201-4001");
	/* serial 5, year 38: 2038, not yet; month 13; day 0; day 32 */
	invalid("0107385001");
	invalid("011362-5629");
	invalid("001062-5629");
	invalid("321062-5629");
	/* shapes: length, separator not after DDMMYY, two of them, others */
	invalid("211062-562");
	invalid("211062-56291");
	invalid("21106-25629");
	invalid("211062--5629");
	invalid("211062/5629");
	invalid("211062-5629 ");
	invalid("");
	/* one digit repeated (a real date, 11 November 1911) */
	invalid("111111-1111");
}
