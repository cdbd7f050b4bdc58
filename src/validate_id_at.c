/*
 * validate_id_at.c - Austrian national identifiers (validators.h):
 *
 * - at_svnr: Sozialversicherungsnummer (Versicherungsnummer, VSNR), 10
 *   digits: a serial of three (no leading 0), the check digit, and the
 *   date of birth DDMMYY. The check digit is the sum of the other nine
 *   weighted 3 7 9 . 5 8 4 2 1 6, mod 11; a number whose sum leaves 10
 *   is never issued (python-stdnum at.vnr; Dachverband der
 *   Sozialversicherungsträger). The date must be a real day in 19YY or
 *   20YY (stdnum does not check it; a number given for an unknown date
 *   of birth may not hold a real one, and is not found).
 */
#include "validators.h"

bool pii_validate_at_svnr(const char *value, size_t len, struct pii_canon *canon)
{
	char d[10];
	if (pii_collect_digits(value, len, " ", d, sizeof(d)) != 10 || d[0] == '0' ||
	    pii_all_same(d, 10)) /* 1111111111 passes the sum */
		return false;
	static const unsigned char w[10] = {3, 7, 9, 0, 5, 8, 4, 2, 1, 6};
	if (pii_weighted_sum(d, w, 10) % 11 != (unsigned)(d[3] - '0'))
		return false;
	int day = (d[4] - '0') * 10 + d[5] - '0';
	int month = (d[6] - '0') * 10 + d[7] - '0';
	int yy = (d[8] - '0') * 10 + d[9] - '0';
	if (!pii_real_date(1900 + yy, month, day) && !pii_real_date(2000 + yy, month, day))
		return false;
	pii_canon_copy(canon, d, 10);
	return true;
}
