/*
 * validate_id_fi.c - Finland: the henkilötunnus (HETU, personal identity
 * code), DDMMYYCNNNQ. C is the century sign: '+' 1800-1899, '-' 1900-1999,
 * 'A' 2000-2099, and, since 2023, also 'Y', 'X', 'W', 'V', 'U' for the
 * 1900s and 'B', 'C', 'D', 'E', 'F' for the 2000s (DVV, the century signs
 * in use from 1 January 2023); python-stdnum 1.18 knows the first three
 * only, its later releases (36858cc) all of them. NNN is the individual
 * number, 002-899: 900-999 are temporary identifiers, which python-stdnum
 * refuses as well unless asked.
 * Q is the check character: the nine digits DDMMYYNNN as a number, modulo
 * 31, indexing "0123456789ABCDEFHJKLMNPRSTUVWXY". The date must be a real
 * day, not after today. Letters may be written in lower case. Sources: DVV
 * (Digi- ja väestötietovirasto), "Henkilötunnus"; python-stdnum fi.hetu.
 */
#include "validators.h"

#include <string.h>

static const char hetu_check[] = "0123456789ABCDEFHJKLMNPRSTUVWXY";

static int century_of(char sign)
{
	if (sign == '+')
		return 1800;
	if (sign == '-' || (sign >= 'U' && sign <= 'Y'))
		return 1900;
	if (sign >= 'A' && sign <= 'F')
		return 2000;
	return -1;
}

bool pii_validate_fi_hetu(const char *value, size_t len, struct pii_canon *canon)
{
	if (len != 11)
		return false;
	char s[11];
	for (size_t i = 0; i < 11; i++) {
		char c = value[i];
		s[i] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
	}
	char d[9];
	memcpy(d, s, 6);
	memcpy(d + 6, s + 7, 3);
	for (size_t i = 0; i < 9; i++)
		if (d[i] < '0' || d[i] > '9')
			return false;
	int century = century_of(s[6]);
	if (century < 0 || pii_all_same(d, 9))
		return false;
	int individual = (d[6] - '0') * 100 + (d[7] - '0') * 10 + (d[8] - '0');
	if (individual < 2 || individual > 899)
		return false;
	int day = (d[0] - '0') * 10 + (d[1] - '0');
	int month = (d[2] - '0') * 10 + (d[3] - '0');
	int year = century + (d[4] - '0') * 10 + (d[5] - '0');
	if (!pii_birth_date_ok(year, month, day))
		return false;
	unsigned long n = 0;
	for (size_t i = 0; i < 9; i++)
		n = n * 10 + (unsigned long)(d[i] - '0');
	if (s[10] != hetu_check[n % 31])
		return false;
	pii_canon_copy(canon, s, 11);
	return true;
}
