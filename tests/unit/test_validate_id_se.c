/* Sweden (validate_id_se.c): personnummer and samordningsnummer, on the
 * vectors of python-stdnum's se.personnummer doctests, Skatteverket's
 * rules (SKV 704, SKV 707) and values generated here whose Luhn digit
 * python-stdnum computed. */
#include "pii_validate.h"
#include "test.h"

#include <string.h>

static void valid(const char *name, const char *value, const char *canon)
{
	pii_validator_fn fn = pii_validator_find(name);
	struct pii_canon c = {.len = 0};
	bool ok = fn && fn(value, strlen(value), &c);
	CHECK_MSG(ok, "%s(\"%s\") should be valid", name, value);
	if (ok)
		CHECK_MSG(c.len == strlen(canon) && !memcmp(c.buf, canon, c.len),
			  "%s(\"%s\"): canon \"%.*s\", want \"%s\"", name, value, (int)c.len,
			  c.buf, canon);
}

static void invalid(const char *name, const char *value)
{
	pii_validator_fn fn = pii_validator_find(name);
	struct pii_canon c;
	CHECK_MSG(fn && !fn(value, strlen(value), &c), "%s(\"%s\") should be invalid", name,
		  value);
}

void test_validate_id_se(void)
{
	const char *pn = "se_personnummer", *sn = "se_samordningsnummer";
	/* python-stdnum se.personnummer doctests */
	valid(pn, "880320-0016", "198803200016");
	invalid(pn, "880320-0018"); /* InvalidChecksum */
	valid(pn, "890102-3286", "198901023286");
	valid(pn, "811228-9841", "198112289841");
	valid(pn, "8803200016", "198803200016");
	/* the same with the century, with a space (stdnum's compact drops it) */
	valid(pn, "19880320-0016", "198803200016");
	valid(pn, "198803200016", "198803200016");
	valid(pn, "880320 0016", "198803200016");
	/* '+': aged 100 or more (SKV 704); generated, Luhn by stdnum */
	valid(pn, "190101+4561", "191901014561");
	valid(pn, "19190101-4561", "191901014561");
	/* 29 February 2000 is a day, 29 February 1900 (with '+') is not */
	valid(pn, "000229-0005", "200002290005");
	invalid(pn, "000229+0005");
	/* impossible dates: 30 February, month 13, day 32 (stdnum refuses) */
	invalid(pn, "880230-0016");
	invalid(pn, "881320-0016");
	invalid(pn, "880332-0016");
	/* not born yet (Luhn right) */
	invalid(pn, "20991231-0001");
	/* shapes: length, separator not before the last four, two of them */
	invalid(pn, "880320-001");
	invalid(pn, "880320-00160");
	invalid(pn, "88032-00016");
	invalid(pn, "880320--0016");
	invalid(pn, "880320/0016");
	invalid(pn, "");
	/* Skatteverket's example (Tolvan Tolvansson), one repeated digit */
	invalid(pn, "121212-1212");
	invalid(pn, "19121212-1212");
	invalid(pn, "000000-0000");
	/* a samordningsnummer is not a personnummer, nor the other way round */
	invalid(pn, "880380-0013");
	/* samordningsnummer: day + 60 (SKV 707); generated, Luhn by stdnum */
	valid(sn, "880380-0013", "198803800013");
	valid(sn, "7010632342", "197010632342");
	valid(sn, "19851190-1236", "198511901236");
	invalid(sn, "880380-0014");  /* Luhn */
	invalid(sn, "880392-0019");  /* day 92: 32 */
	invalid(sn, "880320-0016");  /* a personnummer */
	/* 29 February + 60: a day in 1988, none in 1989 (Luhn right in both) */
	valid(sn, "880389-0014", "198803890014");
	invalid(sn, "890289-0014");
}
