/*
 * validate_id_us.c - the United States' personal taxpayer numbers:
 *
 * - SSN, Social Security Number: nine digits, area (3), group (2) and
 *   serial (4), written 078-05-1123, 078 05 1123 or 078051123. It has no
 *   check digit; the Social Security Administration never issues area
 *   000, 666 or 900-999, group 00 or serial 0000 (ssa.gov, "Social
 *   Security Number Randomization"), and some numbers are known to be
 *   printed everywhere: 078-05-1120 (the Woolworth wallet insert),
 *   219-09-9999 (an SSA leaflet's example), 457-55-5462 (an advertising
 *   campaign) - python-stdnum us.ssn refuses these three as well. We
 *   also refuse 123-45-6789, the number forms are filled in with, and a
 *   digit repeated nine times.
 * - ITIN, Individual Taxpayer Identification Number (IRS): nine digits
 *   that begin with 9, the fourth and fifth in 70-88, 90-92 or 94-99
 *   (python-stdnum us.itin, IRS Publication 1915).
 *
 * Neither holds a check digit: the rules find them only next to a word
 * such as "SSN" or "ITIN" (rules/us.yaml).
 */
#include "validators.h"

#include <string.h>

/* The nine digits of an SSN or ITIN written as 3-2-4 with one kind of
 * separator ('-' or ' ') or none; false for any other shape. */
static bool us_tin_digits(const char *value, size_t len, char d[9])
{
	if (len == 11) {
		char sep = value[3];
		if ((sep != '-' && sep != ' ') || value[6] != sep)
			return false;
	} else if (len != 9) {
		return false;
	}
	return pii_collect_digits(value, len, len == 11 ? "- " : "", d, 9) == 9;
}

bool pii_validate_us_ssn(const char *value, size_t len, struct pii_canon *canon)
{
	static const char *const printed[] = {"078051120", "219099999", "457555462",
					      "123456789"};
	char d[9];
	if (!us_tin_digits(value, len, d) || pii_all_same(d, 9))
		return false;
	if (!memcmp(d, "000", 3) || !memcmp(d, "666", 3) || d[0] == '9' ||
	    !memcmp(d + 3, "00", 2) || !memcmp(d + 5, "0000", 4))
		return false;
	for (size_t i = 0; i < sizeof(printed) / sizeof(printed[0]); i++)
		if (!memcmp(d, printed[i], 9))
			return false;
	pii_canon_copy(canon, d, 9);
	return true;
}

bool pii_validate_us_itin(const char *value, size_t len, struct pii_canon *canon)
{
	char d[9];
	if (!us_tin_digits(value, len, d) || d[0] != '9')
		return false;
	int group = (d[3] - '0') * 10 + (d[4] - '0');
	if (group < 70 || group == 89 || group == 93)
		return false;
	pii_canon_copy(canon, d, 9);
	return true;
}
