/*
 * validate_id_lu.c - the Luxembourg national identification number
 * (matricule, numéro d'identification national) (validators.h):
 *
 * - lu_nin: 13 digits YYYYMMDD NNN L V: the date of birth (a real date),
 *   a serial, then a Luhn check digit and a Verhoeff check digit, each
 *   computed over the first eleven digits (date and serial).
 *
 * Sources: the OECD's sheet on Luxembourg's tax identification numbers
 * (the 13-digit matricule of the law of 19 June 2013, its two check
 * digits over YYYYMMDDNNN); the Luhn and Verhoeff schemes as in
 * python-stdnum's luhn and verhoeff modules (it has no module for the
 * number itself: test values are generated with those two, and the
 * valid numbers of reducktion/socrates' tests agree).
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "validators.h"

bool pii_validate_lu_nin(const char *value, size_t len, struct pii_canon *canon)
{
	char d[13];
	if (pii_collect_digits(value, len, " -", d, sizeof(d)) != 13 || pii_all_same(d, 13))
		return false;
	int year = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
	int month = (d[4] - '0') * 10 + (d[5] - '0');
	int day = (d[6] - '0') * 10 + (d[7] - '0');
	if (!pii_real_date(year, month, day))
		return false;
	/* the Luhn digit follows the eleven; the Verhoeff digit is over the
	 * same eleven, not over the Luhn digit */
	char v[12];
	memcpy(v, d, 11);
	v[11] = d[12];
	if (!pii_luhn_ok(d, 12) || !pii_verhoeff_ok(v, 12))
		return false;
	pii_canon_copy(canon, d, 13);
	return true;
}
