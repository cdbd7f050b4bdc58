/*
 * validate_id_it.c - Italy's personal identifiers:
 *
 * - Codice fiscale of a person (Decreto ministeriale 23 dicembre 1976;
 *   python-stdnum it.codicefiscale): sixteen characters, three letters
 *   of the surname, three of the name, the year (2 digits), the month
 *   (a letter of ABCDEHLMPRST), the day (plus 40 for a woman), the place
 *   of birth (a letter and 3 digits) and a check letter: the sum of the
 *   values of the characters in odd places (1st, 3rd, ...: a table of
 *   their own) and in even places (0-9 and A-Z as 0-25), mod 26. Where
 *   two people would have the same code (omocodia), digits are replaced
 *   by LMNPQRSTUV (for 0-9), from the right. The birth date must be a
 *   real day (the century is not in the code: 00-19 read as 2000-2019,
 *   the rest as 19xx, as python-stdnum reads it; only 29 February
 *   depends on it). Written RCCMNL83S18D969H, also spaced (RCC MNL
 *   83S18 D969H) or in lower case. RSSMRA85T10A562S, Mario Rossi of
 *   every example and form, is refused as the specimen it is.
 * - Partita IVA (D.P.R. 633/1972; python-stdnum it.iva): eleven
 *   digits, the holder's number (7, not all zero), the office (001-100,
 *   120, 121, 888, 999) and a Luhn check digit; written with or without
 *   the IT prefix. It is a company's or a self-employed person's VAT
 *   number: rules/it.yaml finds it only beside words that say its holder
 *   is a person.
 */
#include "validators.h"

#include <string.h>

static char upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}

/* The value of a digit or an omocodia letter (LMNPQRSTUV), or -1. */
static int cf_digit(char c)
{
	static const char omocodia[] = "LMNPQRSTUV";
	if (c >= '0' && c <= '9')
		return c - '0';
	const char *p = c ? strchr(omocodia, c) : NULL;
	return p ? (int)(p - omocodia) : -1;
}

static bool is_letter(char c)
{
	return c >= 'A' && c <= 'Z';
}

bool pii_validate_it_cf(const char *value, size_t len, struct pii_canon *canon)
{
	/* the values of a character in an odd place: digits, then A-Z */
	static const unsigned char odd[36] = {
		1,  0, 5,  7,  9,  13, 15, 17, 19, 21,                          /* 0-9 */
		1,  0, 5,  7,  9,  13, 15, 17, 19, 21, 2,  4,  18, 20, 11, 3,    /* A-P */
		6,  8, 12, 14, 16, 10, 22, 25, 24, 23,                          /* Q-Z */
	};
	static const char months[] = "ABCDEHLMPRST";
	char s[16];
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		char c = upper(value[i]);
		if (c == ' ')
			continue;
		if (n == sizeof(s) || !((c >= '0' && c <= '9') || is_letter(c)))
			return false;
		s[n++] = c;
	}
	if (n != 16)
		return false;
	/* letters where the names are, the place letter and the check */
	for (int i = 0; i < 6; i++)
		if (!is_letter(s[i]))
			return false;
	if (!is_letter(s[11]) || !is_letter(s[15]))
		return false;
	/* digits, or their omocodia letters, where the digits are */
	static const int digit_at[7] = {6, 7, 9, 10, 12, 13, 14};
	int dv[7];
	for (int i = 0; i < 7; i++)
		if ((dv[i] = cf_digit(s[digit_at[i]])) < 0)
			return false;
	const char *m = s[8] ? strchr(months, s[8]) : NULL;
	if (!m)
		return false;
	int year = dv[0] * 10 + dv[1];
	int day = dv[2] * 10 + dv[3];
	if (day > 40)
		day -= 40; /* a woman's */
	if (!pii_real_date(year < 20 ? 2000 + year : 1900 + year, (int)(m - months) + 1, day))
		return false;
	unsigned sum = 0;
	for (int i = 0; i < 15; i++) {
		int v = s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : s[i] - 'A';
		sum += i % 2 == 0 ? odd[s[i] >= '0' && s[i] <= '9' ? v : 10 + v] : (unsigned)v;
	}
	if ((char)('A' + sum % 26) != s[15])
		return false;
	if (!memcmp(s, "RSSMRA85T10A562S", 16))
		return false;
	pii_canon_copy(canon, s, 16);
	return true;
}

bool pii_validate_it_partita_iva(const char *value, size_t len, struct pii_canon *canon)
{
	if (len >= 2 && upper(value[0]) == 'I' && upper(value[1]) == 'T') {
		value += 2;
		len -= 2;
	}
	char d[11];
	if (pii_collect_digits(value, len, " ", d, 11) != 11 || pii_all_same(d, 11))
		return false;
	if (!memcmp(d, "0000000", 7))
		return false;
	int office = (d[7] - '0') * 100 + (d[8] - '0') * 10 + (d[9] - '0');
	if (!((office >= 1 && office <= 100) || office == 120 || office == 121 ||
	      office == 888 || office == 999))
		return false;
	if (!pii_luhn_ok(d, 11))
		return false;
	pii_canon_copy(canon, d, 11);
	return true;
}
