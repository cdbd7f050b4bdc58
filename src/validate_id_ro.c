/*
 * validate_id_ro.c - Romania's CNP, cod numeric personal (Legea 119/1996
 * on civil status records; python-stdnum ro.cnp): thirteen digits,
 * S AA LL ZZ JJ NNN C. S is sex and century: 1/2 born 1900-1999, 3/4
 * 1800-1899, 5/6 2000-2099, 7/8 foreign residents and 9 foreigners (no
 * century: read as 19xx, as python-stdnum does). AA LL ZZ is the birth
 * date, a real day; JJ the county (01-46, 47 and 48 the former Bucharest
 * sectors 7 and 8, 51 Călărași, 52 Giurgiu); NNN a serial number from
 * 001; C the check digit: the first twelve weighted 2 7 9 1 4 6 3 5 8 2
 * 7 9, mod 11, 10 read as 1. One digit repeated (0000000000000 stands in
 * for a missing CNP on e-invoices) is refused.
 */
#include "validators.h"

#include <string.h>

bool pii_validate_ro_cnp(const char *value, size_t len, struct pii_canon *canon)
{
	char d[13];
	if (pii_collect_digits(value, len, "", d, 13) != 13 || pii_all_same(d, 13))
		return false;
	static const int century[10] = {0, 1900, 1900, 1800, 1800, 2000, 2000, 1900, 1900, 1900};
	if (d[0] == '0')
		return false;
	int year = century[d[0] - '0'] + (d[1] - '0') * 10 + (d[2] - '0');
	int month = (d[3] - '0') * 10 + (d[4] - '0');
	int day = (d[5] - '0') * 10 + (d[6] - '0');
	if (!pii_real_date(year, month, day))
		return false;
	int county = (d[7] - '0') * 10 + (d[8] - '0');
	if (county < 1 || county > 52)
		return false;
	if (!memcmp(d + 9, "000", 3))
		return false;
	static const unsigned char weights[12] = {2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9};
	unsigned check = pii_weighted_sum(d, weights, 12) % 11;
	if (check == 10)
		check = 1;
	if ((unsigned)(d[12] - '0') != check)
		return false;
	pii_canon_copy(canon, d, 13);
	return true;
}
