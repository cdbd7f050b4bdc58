/*
 * validate_id_pl.c - Polish national identifiers (validators.h):
 *
 * - pl_pesel: PESEL, 11 digits: date of birth YYMMDD with the century in
 *   the month (+80 for the 1800s, +20 for the 2000s, +40 the 2100s), a
 *   serial whose last digit gives the sex, and a check digit: weights 1 3
 *   7 9 1 3 7 9 1 3, (10 - sum mod 10) mod 10 (python-stdnum pl.pesel;
 *   ustawa o ewidencji ludności, art. 15). The date must be a real day.
 * - pl_nip: NIP (numer identyfikacji podatkowej), 10 digits, the first
 *   three the issuing tax office (never 0...); weights 6 5 7 2 3 4 5 6 7,
 *   the sum mod 11 is the last digit, never 10 (python-stdnum pl.nip).
 *   Written 123-456-78-90 (firms), 123-45-67-890 (people) or as one run.
 *
 * REGON, the statistical number of a business, is not personal data and
 * has no rule (see rules/pl.yaml).
 */
#include "validators.h"

bool pii_validate_pl_pesel(const char *value, size_t len, struct pii_canon *canon)
{
	char d[11];
	if (pii_collect_digits(value, len, " -", d, sizeof(d)) != 11 || pii_all_same(d, 11))
		return false;
	static const unsigned char w[10] = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
	if ((10 - pii_weighted_sum(d, w, 10) % 10) % 10 != (unsigned)(d[10] - '0'))
		return false;
	int yy = (d[0] - '0') * 10 + d[1] - '0';
	int mm = (d[2] - '0') * 10 + d[3] - '0';
	int dd = (d[4] - '0') * 10 + d[5] - '0';
	static const int century[5] = {1900, 2000, 2100, 2200, 1800};
	if (!pii_real_date(century[mm / 20] + yy, mm % 20, dd))
		return false;
	pii_canon_copy(canon, d, 11);
	return true;
}

bool pii_validate_pl_nip(const char *value, size_t len, struct pii_canon *canon)
{
	char d[10];
	if (pii_collect_digits(value, len, " -", d, sizeof(d)) != 10 || d[0] == '0' ||
	    pii_all_same(d, 10))
		return false;
	static const unsigned char w[9] = {6, 5, 7, 2, 3, 4, 5, 6, 7};
	if (pii_weighted_sum(d, w, 9) % 11 != (unsigned)(d[9] - '0'))
		return false;
	pii_canon_copy(canon, d, 10);
	return true;
}
