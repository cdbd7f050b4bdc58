/*
 * validate_id_ee.c - Estonia: the isikukood (personal identification
 * code), GYYMMDDSSSC, and what it shares with Lithuania's asmens kodas
 * (validate_id_lt.c), which has the same make-up. G gives the sex and the
 * century (1, 2: 1800s; 3, 4: 1900s; 5, 6: 2000s; 7, 8: 2100s), YYMMDD
 * the date of birth (a real day, not after today), SSS a serial number,
 * and C the check digit: the sum of the first ten digits weighted
 * 1 2 3 4 5 6 7 8 9 1, modulo 11; where that is 10, weighted 3 4 5 6 7 8
 * 9 1 2 3, modulo 11; where that is 10 again, 0. Sources: the Estonian
 * standard EVS 585 (isikukood) and riigiteataja.ee/akt/106032012004, as
 * python-stdnum ee.ik cites them; python-stdnum ee.ik.
 */
#include "validators.h"

bool pii_ee_lt_code_ok(const char *value, size_t len, struct pii_canon *canon,
		       bool dateless_9)
{
	static const unsigned char w1[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1};
	static const unsigned char w2[10] = {3, 4, 5, 6, 7, 8, 9, 1, 2, 3};
	char d[11];
	if (pii_collect_digits(value, len, "", d, sizeof(d)) != 11 || pii_all_same(d, 11))
		return false;
	unsigned check = pii_weighted_sum(d, w1, 10) % 11;
	if (check == 10)
		check = pii_weighted_sum(d, w2, 10) % 11 % 10;
	if (check != (unsigned)(d[10] - '0'))
		return false;
	if (!(dateless_9 && d[0] == '9')) {
		if (d[0] < '1' || d[0] > '8')
			return false;
		int year = 1800 + (d[0] - '1') / 2 * 100 + (d[1] - '0') * 10 + (d[2] - '0');
		int month = (d[3] - '0') * 10 + (d[4] - '0');
		int day = (d[5] - '0') * 10 + (d[6] - '0');
		if (!pii_birth_date_ok(year, month, day))
			return false;
	}
	pii_canon_copy(canon, d, 11);
	return true;
}

bool pii_validate_ee_ik(const char *value, size_t len, struct pii_canon *canon)
{
	return pii_ee_lt_code_ok(value, len, canon, false);
}
