/*
 * validate_id_cz.c - the Czech and Slovak birth number (validators.h),
 * rodné číslo, the same in both countries since Czechoslovakia: table
 * names cz_rc and sk_rc.
 *
 * YYMMDD/XXXX: the date of birth, the month +50 for women, and since
 * 2004, when a day's serials run out, +20 (men) or +70 (women); then a
 * serial and check digit, the whole ten-digit number divisible by 11 (the
 * first nine mod 11 is the last digit; before 1985 a remainder of 10 was
 * written 0). Numbers given out before 1954 have nine digits and no check
 * digit (YYMMDD/XXX); a ten-digit number with YY below 54 is of the
 * 2000s. The date must be a real day, the month one of those ranges, the
 * +20 ones from 2004 on (python-stdnum cz.rc and sk.rc, which allow any
 * month that is one of 1-12 after taking 50 and 20 away; zákon č.
 * 133/2000 Sb. § 13, vyhláška č. 297/2017 Sb.).
 */
#include "validators.h"

bool pii_validate_cz_rc(const char *value, size_t len, struct pii_canon *canon)
{
	char d[10];
	int n = pii_collect_digits(value, len, " /", d, sizeof(d));
	if ((n != 9 && n != 10) || pii_all_same(d, (size_t)n))
		return false;
	int yy = (d[0] - '0') * 10 + d[1] - '0';
	int mm = (d[2] - '0') * 10 + d[3] - '0';
	int day = (d[4] - '0') * 10 + d[5] - '0';
	int year = 1900 + yy;
	if (n == 9) {
		if (year >= 1980)
			year -= 100; /* 1880-1899 */
		if (year > 1953)
			return false;
	} else if (year < 1954) {
		year += 100;
	}
	int month = mm > 50 ? mm - 50 : mm;
	bool extra = month > 20; /* +20 or +70: from 2004 */
	if (extra)
		month -= 20;
	if (month < 1 || month > 12 || (extra && year < 2004) || !pii_real_date(year, month, day))
		return false;
	if (n == 10) {
		unsigned rest = 0;
		for (int i = 0; i < 9; i++)
			rest = (rest * 10 + (unsigned)(d[i] - '0')) % 11;
		if (rest == 10 && year < 1985)
			rest = 0;
		if (rest != (unsigned)(d[9] - '0'))
			return false;
	}
	pii_canon_copy(canon, d, (size_t)n);
	return true;
}
