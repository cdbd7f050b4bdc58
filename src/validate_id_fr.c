/*
 * validate_id_fr.c - French identifiers of people (validators.h):
 *
 * - fr_nir: the NIR (numéro d'inscription au répertoire, the "numéro de
 *   sécurité sociale"), 15 characters S YY MM DD CCC OOO KK: sex (1, 2;
 *   3, 4 and 7, 8 in the numbers given while a registration is pending),
 *   year and month of birth (01-12, or 20-42 and 50-99 where the month
 *   was not known), département (01-99, 2A or 2B for Corsica: the key
 *   reads them as 19 and 18), commune or country, order number 001-999,
 *   key KK = 97 - (the first 13 as a number mod 97). Sources:
 *   python-stdnum fr.nir (algorithm and doctests), INSEE's description of
 *   the NIR, the ranges of sex and month as the État's "emplois de
 *   l'inclusion" checks them.
 * - fr_spi: the numéro fiscal (SPI, numéro fiscal de référence) of a
 *   taxpayer, 13 digits, the first 0-3, the last three the first ten
 *   mod 511 (python-stdnum fr.nif; its 1.18 checks the first digit and
 *   the length only, later versions the mod 511 too).
 * - fr_cni: the number of the identity card of 1995-2021, 12 characters:
 *   year and month of issue (YYMM, month 01-12), the département of
 *   issue with the office (3: two digits or 2A/2B and the office; since
 *   2017 the département in 3 digits, 075), a serial of 5 digits. No check digit of its own (the MRZ's is beside it). The
 *   specimen card's number 880692310285 is refused.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "validators.h"

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

static int two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

bool pii_validate_fr_nir(const char *value, size_t len, struct pii_canon *canon)
{
	char s[15];
	if (pii_collect_alnum(value, len, " .", s, sizeof(s)) != (int)sizeof(s))
		return false;
	char d[15];
	memcpy(d, s, sizeof(d));
	if (s[5] == '2' && (s[6] == 'A' || s[6] == 'B')) {
		/* Corsica: 2A reads 19, 2B reads 18 in the key */
		d[5] = '1';
		d[6] = s[6] == 'A' ? '9' : '8';
	}
	if (!all_digits(d, 15) || pii_all_same(d, 15))
		return false;
	if (!strchr("123478", d[0]))
		return false;
	int month = two(d + 3);
	if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50))
		return false;
	if (two(d + 5) == 0 || !memcmp(d + 10, "000", 3))
		return false;
	unsigned long long n13 = 0;
	for (int i = 0; i < 13; i++)
		n13 = n13 * 10 + (unsigned)(d[i] - '0');
	if (97 - n13 % 97 != (unsigned long long)two(d + 13))
		return false;
	pii_canon_copy(canon, s, 15);
	return true;
}

bool pii_validate_fr_spi(const char *value, size_t len, struct pii_canon *canon)
{
	char d[13];
	if (pii_collect_digits(value, len, " ", d, sizeof(d)) != 13 || pii_all_same(d, 13) ||
	    d[0] > '3')
		return false;
	unsigned long long n10 = 0;
	for (int i = 0; i < 10; i++)
		n10 = n10 * 10 + (unsigned)(d[i] - '0');
	unsigned check = (unsigned)(d[10] - '0') * 100 + (unsigned)two(d + 11);
	if (n10 % 511 != check)
		return false;
	pii_canon_copy(canon, d, 13);
	return true;
}

bool pii_validate_fr_cni(const char *value, size_t len, struct pii_canon *canon)
{
	char s[12];
	if (pii_collect_alnum(value, len, " ", s, sizeof(s)) != (int)sizeof(s))
		return false;
	if (!all_digits(s, 4) || !all_digits(s + 7, 5) || !isdigit((unsigned char)s[6]))
		return false;
	if (!(all_digits(s + 4, 2) || (s[4] == '2' && (s[5] == 'A' || s[5] == 'B'))))
		return false;
	int month = two(s + 2);
	if (month < 1 || month > 12 || !memcmp(s + 4, "000", 3) || pii_all_same(s, 12) ||
	    !memcmp(s, "880692310285", 12))
		return false;
	pii_canon_copy(canon, s, 12);
	return true;
}
