/*
 * validate_id_dk.c - Denmark: the CPR number (personnummer of the Det
 * Centrale Personregister), DDMMYY-SSSS. The first digit of SSSS and YY
 * give the century (0-3: 1900; 4 and 9: 2000 up to YY 36, else 1900; 5-8:
 * 2000 up to YY 57, else 1800), and the date must be a real day, not
 * after today. No check digit is required: the modulus 11 test held for
 * the numbers given before 2007; since then, the serial numbers of some
 * days having run out, numbers that fail it are given out (cpr.dk), and
 * a number given to an immigrant may carry an earlier date of birth, so
 * the test cannot be kept for the older dates either. Hence a random
 * DDMMYY-SSSS of a real date passes, and the rules look for it only near
 * a word such as "CPR". Sources: cpr.dk (CPR-nummeret); python-stdnum
 * dk.cpr.
 */
#include "validators.h"

bool pii_validate_dk_cpr(const char *value, size_t len, struct pii_canon *canon)
{
	char d[10];
	if (pii_collect_date_digits(value, len, d, sizeof(d)) != 10 || pii_all_same(d, 10))
		return false;
	int day = (d[0] - '0') * 10 + (d[1] - '0');
	int month = (d[2] - '0') * 10 + (d[3] - '0');
	int yy = (d[4] - '0') * 10 + (d[5] - '0');
	int year;
	switch (d[6]) {
	case '0': case '1': case '2': case '3':
		year = 1900 + yy;
		break;
	case '4': case '9':
		year = (yy >= 37 ? 1900 : 2000) + yy;
		break;
	default: /* 5-8 */
		year = (yy >= 58 ? 1800 : 2000) + yy;
	}
	if (!pii_birth_date_ok(year, month, day))
		return false;
	pii_canon_copy(canon, d, 10);
	return true;
}
