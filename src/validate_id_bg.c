/*
 * validate_id_bg.c - Bulgaria's EGN, единен граждански номер (Закон за
 * гражданската регистрация; python-stdnum bg.egn): ten digits, the
 * birth date YY MM DD - the month plus 20 for the 1800s, plus 40 for
 * the 2000s - a real day; three digits of birth order (even for a man,
 * odd for a woman) and a check digit: the first nine weighted 2 4 8 5 10
 * 9 7 3 6, mod 11, 10 read as 0. Written 7523169263, also 752316 926 3
 * (python-stdnum's compact() example) or with spaces between groups.
 * One digit repeated is refused.
 */
#include "validators.h"

bool pii_validate_bg_egn(const char *value, size_t len, struct pii_canon *canon)
{
	char d[10];
	if (pii_collect_digits(value, len, " ", d, 10) != 10 || pii_all_same(d, 10))
		return false;
	int year = 1900 + (d[0] - '0') * 10 + (d[1] - '0');
	int month = (d[2] - '0') * 10 + (d[3] - '0');
	int day = (d[4] - '0') * 10 + (d[5] - '0');
	if (month > 40) {
		year += 100;
		month -= 40;
	} else if (month > 20) {
		year -= 100;
		month -= 20;
	}
	if (!pii_real_date(year, month, day))
		return false;
	static const unsigned char weights[9] = {2, 4, 8, 5, 10, 9, 7, 3, 6};
	unsigned check = pii_weighted_sum(d, weights, 9) % 11 % 10;
	if ((unsigned)(d[9] - '0') != check)
		return false;
	pii_canon_copy(canon, d, 10);
	return true;
}
