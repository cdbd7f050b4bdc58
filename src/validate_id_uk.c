/*
 * validate_id_uk.c - identifiers of people in the United Kingdom
 * (validators.h):
 *
 * - uk_nino: the National Insurance number, two prefix letters, six
 *   digits, a suffix A-D ("AB 12 34 56 C"). No check digit: the prefix
 *   rules of HMRC's National Insurance Manual (NIM39110): neither letter
 *   D, F, I, Q, U or V, the second not O, and not BG, GB, KN, NK, NT, TN
 *   or ZZ (never allocated; TN is the temporary number of employers'
 *   payroll). HMRC's own example QQ 12 34 56 C fails those rules.
 * - uk_nhs: the NHS number of England, Wales and the Isle of Man (and
 *   the CHI and H&C numbers of the same shape), ten digits, the last a
 *   modulus 11 check digit over the first nine weighted 10 down to 2
 *   (11 - sum mod 11; 11 reads 0, 10 is never given). Numbers starting
 *   999 are NHS Digital's test range. Source: NHS Data Dictionary, "NHS
 *   Number"; python-stdnum gb.nhs (doctests).
 * - uk_passport: the number of a UK passport, nine digits, no check digit
 *   of its own (the MRZ's is beside it, not in it): any nine digits but
 *   one repeated and the placeholder 123456789.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "validators.h"

bool pii_validate_uk_nino(const char *value, size_t len, struct pii_canon *canon)
{
	char s[9];
	if (pii_collect_alnum(value, len, " -", s, sizeof(s)) != 9 || !isalpha((unsigned char)s[0]) || !isalpha((unsigned char)s[1]) ||
	    !strchr("ABCD", s[8]))
		return false;
	for (int i = 2; i < 8; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	if (strchr("DFIQUV", s[0]) || strchr("DFIOQUV", s[1]))
		return false;
	static const char never[][3] = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"};
	for (size_t i = 0; i < sizeof(never) / sizeof(never[0]); i++)
		if (s[0] == never[i][0] && s[1] == never[i][1])
			return false;
	if (pii_all_same(s + 2, 6)) /* AA 00 00 00 A, a placeholder */
		return false;
	pii_canon_copy(canon, s, 9);
	return true;
}

bool pii_validate_uk_nhs(const char *value, size_t len, struct pii_canon *canon)
{
	char d[10];
	if (pii_collect_digits(value, len, " -", d, sizeof(d)) != 10 || pii_all_same(d, 10) ||
	    !memcmp(d, "999", 3))
		return false;
	static const unsigned char w[9] = {10, 9, 8, 7, 6, 5, 4, 3, 2};
	unsigned check = 11 - pii_weighted_sum(d, w, 9) % 11;
	if (check == 11)
		check = 0;
	if (check == 10 || check != (unsigned)(d[9] - '0'))
		return false;
	pii_canon_copy(canon, d, 10);
	return true;
}

bool pii_validate_uk_passport(const char *value, size_t len, struct pii_canon *canon)
{
	char d[9];
	if (pii_collect_digits(value, len, "", d, sizeof(d)) != 9 || pii_all_same(d, 9) ||
	    !memcmp(d, "123456789", 9))
		return false;
	pii_canon_copy(canon, d, 9);
	return true;
}
