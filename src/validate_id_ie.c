/*
 * validate_id_ie.c - the Irish Personal Public Service Number
 * (validators.h):
 *
 * - ie_ppsn: seven digits, a check letter, and since 2013 a second letter
 *   A-I ("1234567TA"); before 2013 a second letter W (married women's
 *   numbers), T or X may follow ("1234567TW"). Check: the seven digits
 *   weighted 8 down to 2, plus 9 times the second letter where it is
 *   A-I (A = 1 ... I = 9), mod 23, read in W A B C ... V (W for 0).
 *   A W, T or X second letter does not count in the check.
 *
 * Sources: python-stdnum ie.pps and ie.vat (algorithm and doctests; its
 * 1.18 knows the second letters A, H, W, T, X), the Department of Social
 * Protection's description of the PPSN's new format (second letter A-I).
 */
#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "validators.h"

bool pii_validate_ie_ppsn(const char *value, size_t len, struct pii_canon *canon)
{
	static const char letters[] = "WABCDEFGHIJKLMNOPQRSTUV";
	char s[9];
	int got = pii_collect_alnum(value, len, " -", s, sizeof(s));
	if (got < 0)
		return false;
	size_t n = (size_t)got;
	if (n != 8 && n != 9)
		return false;
	for (int i = 0; i < 7; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	if (pii_all_same(s, 7))
		return false;
	static const unsigned char w[7] = {8, 7, 6, 5, 4, 3, 2};
	unsigned sum = pii_weighted_sum(s, w, 7);
	if (n == 9) {
		if (s[8] >= 'A' && s[8] <= 'I')
			sum += 9u * (unsigned)(s[8] - 'A' + 1);
		else if (!strchr("WTX", s[8]))
			return false;
	}
	if (s[7] != letters[sum % 23])
		return false;
	pii_canon_copy(canon, s, n);
	return true;
}
