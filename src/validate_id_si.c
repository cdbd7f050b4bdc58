/*
 * validate_id_si.c - Slovenian national identifiers (validators.h):
 *
 * - si_emso: EMŠO (enotna matična številka občana), 13 digits DDMMYYY RR
 *   BBB K: date of birth with the year's last three digits (below 800:
 *   the 2000s, else the 1000s), the region (50 for Slovenia), a serial
 *   (000-499 men, 500-999 women) and the check digit: weights 7 6 5 4 3
 *   2 7 6 5 4 3 2, K = 11 - sum mod 11, 0 where that gives 10 or 11
 *   (python-stdnum si.emso; Zakon o centralnem registru prebivalstva,
 *   the Yugoslav JMBG it continues). The date must be a real day.
 */
#include "validators.h"

bool pii_validate_si_emso(const char *value, size_t len, struct pii_canon *canon)
{
	char d[13];
	if (pii_collect_digits(value, len, " ", d, sizeof(d)) != 13 || pii_all_same(d, 13))
		return false;
	int day = (d[0] - '0') * 10 + d[1] - '0';
	int month = (d[2] - '0') * 10 + d[3] - '0';
	int year = (d[4] - '0') * 100 + (d[5] - '0') * 10 + d[6] - '0';
	year += year < 800 ? 2000 : 1000;
	if (!pii_real_date(year, month, day))
		return false;
	static const unsigned char w[12] = {7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
	unsigned k = 11 - pii_weighted_sum(d, w, 12) % 11;
	if (k >= 10)
		k = 0;
	if (k != (unsigned)(d[12] - '0'))
		return false;
	pii_canon_copy(canon, d, 13);
	return true;
}
