/*
 * validate_id_lv.c - Latvia: the personas kods (personal code), in its
 * two forms. The one given until 30 June 2017, DDMMYY-CNNNQ: the date of
 * birth (a real day, not after today), C the century (0: 1800s, 1: 1900s,
 * 2: 2000s), NNN a serial number. The one given since 1 July 2017, which
 * holds no date: 3, a digit from 2 to 9, and nine more (Iedzīvotāju
 * reģistra likums; codes in use so far start with 32), written
 * 32NNNN-NNNNN as well. Q, the check digit of both: 1 plus the first ten
 * digits weighted 10 5 8 4 2 1 6 3 7 9, modulo 11, modulo 10 (python-
 * stdnum lv.pvn, which says no independent source confirms it; the
 * examples of the new form published with its 2026 release, 32867300679,
 * and elsewhere, 32503511782, pass it). python-stdnum 1.18 knows the old
 * form only; its release of 2026 (293136b) also the one of 32.
 */
#include "validators.h"

bool pii_validate_lv_personas_kods(const char *value, size_t len, struct pii_canon *canon)
{
	static const unsigned char w[10] = {10, 5, 8, 4, 2, 1, 6, 3, 7, 9};
	char d[11];
	if (pii_collect_date_digits(value, len, d, sizeof(d)) != 11 || pii_all_same(d, 11))
		return false;
	if ((1 + pii_weighted_sum(d, w, 10)) % 11 % 10 != (unsigned)(d[10] - '0'))
		return false;
	bool dateless = d[0] == '3' && d[1] >= '2'; /* the form of 2017 */
	if (!dateless) {
		int day = (d[0] - '0') * 10 + (d[1] - '0');
		int month = (d[2] - '0') * 10 + (d[3] - '0');
		int year = 1800 + (d[6] - '0') * 100 + (d[4] - '0') * 10 + (d[5] - '0');
		if (d[6] > '2' || !pii_birth_date_ok(year, month, day))
			return false;
	}
	pii_canon_copy(canon, d, 11);
	return true;
}
