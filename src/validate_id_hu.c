/*
 * validate_id_hu.c - Hungarian national identifiers (validators.h):
 *
 * - hu_adoazonosito: adóazonosító jel, the tax identification number of
 *   a person, 10 digits: 8, the days from 1 January 1867 to the date of
 *   birth (five digits), a serial of three, and the check digit: the
 *   first nine digits weighted by their place (1 to 9), the sum mod 11;
 *   a sum that leaves 10 is never issued (hu.wikipedia "Adóazonosító
 *   jel", after the NAV's description). python-stdnum 1.18 has no
 *   module for it. Any five digits are a day from 1867 to 2140: the
 *   date gives nothing to refuse.
 */
#include "validators.h"

bool pii_validate_hu_adoazonosito(const char *value, size_t len, struct pii_canon *canon)
{
	char d[10];
	if (pii_collect_digits(value, len, " ", d, sizeof(d)) != 10 || d[0] != '8' ||
	    pii_all_same(d, 10)) /* 8888888888 passes the sum */
		return false;
	static const unsigned char w[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
	if (pii_weighted_sum(d, w, 9) % 11 != (unsigned)(d[9] - '0'))
		return false;
	pii_canon_copy(canon, d, 10);
	return true;
}
