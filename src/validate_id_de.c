/*
 * validate_id_de.c - German national identifiers (validators.h):
 *
 * - de_idnr: steuerliche Identifikationsnummer (Steuer-IdNr), 11 digits,
 *   no leading 0; in the first ten exactly one digit occurs two or three
 *   times and every other at most once; the eleventh is the check digit
 *   of ISO 7064 MOD 11,10 (python-stdnum de.idnr; StIdV § 1).
 * - de_rvnr: Rentenversicherungsnummer (Sozialversicherungsnummer), 12
 *   characters: area number (2 digits), date of birth DDMMYY, the initial
 *   of the birth name, serial (2 digits), check digit. The letter counts
 *   as its two-digit place in the alphabet (A = 01 ... Z = 26); the twelve
 *   digits are weighted 2 1 2 5 7 1 2 1 2 1 2 1, the digit sums of the
 *   products added, mod 10 (§ 147 SGB VI, VKVV § 2). The date must be a
 *   real day in 19YY or 20YY: the form a number takes for an unproven
 *   date of birth, or once a day's serials run out, is left by the VKVV
 *   to the social insurers and not found here. python-stdnum 1.18 has no
 *   module for it.
 * - de_kvnr: Krankenversichertennummer, unchangeable part (KVNR,
 *   Versicherten-ID, § 290 SGB V): a letter and nine digits, the last the
 *   check digit. The letter as two digits (A = 01), then the first eight
 *   digits, weighted 1 2 1 2 ..., digit sums of the products added, mod
 *   10 (GKV-Spitzenverband, Richtlinien nach § 290 SGB V, Anlage 1).
 * - de_id_card, de_passport: the serial number of the Personalausweis
 *   (since November 2010) and of the Reisepass (since 2007): nine
 *   characters from digits and the consonants C F G H J K L M N P R T V W X
 *   Y Z, the first a letter (L M N P R T V W X Y on an ID card, C F G H J K
 *   on a passport), then the check digit of ICAO Doc 9303 (weights 7 3 1)
 *   where it is written (it is on the machine-readable zone; the card's
 *   front shows the nine characters alone, so those are taken too, with
 *   two digits at least). The specimen documents' numbers (Mustermann)
 *   are refused.
 */
#include <string.h>

#include "pii_mrz.h"
#include "validators.h"

bool pii_validate_de_idnr(const char *value, size_t len, struct pii_canon *canon)
{
	char d[11];
	if (pii_collect_digits(value, len, " ./", d, sizeof(d)) != 11 || d[0] == '0')
		return false;
	int count[10] = {0};
	for (int i = 0; i < 10; i++)
		count[d[i] - '0']++;
	int repeated = 0;
	for (int k = 0; k < 10; k++) {
		if (count[k] > 3)
			return false;
		repeated += count[k] > 1;
	}
	if (repeated != 1 || !pii_iso7064_11_10_ok(d, 11))
		return false;
	pii_canon_copy(canon, d, 11);
	return true;
}

/* The digit sum of a product of two digits (at most 81). */
static unsigned digit_sum(unsigned v)
{
	return v / 10 + v % 10;
}

/* Whether DDMMYY is a real day in 19YY or 20YY. */
static bool real_ddmmyy(const char *d)
{
	int day = (d[0] - '0') * 10 + d[1] - '0';
	int month = (d[2] - '0') * 10 + d[3] - '0';
	int yy = (d[4] - '0') * 10 + d[5] - '0';
	return pii_real_date(1900 + yy, month, day) || pii_real_date(2000 + yy, month, day);
}

/* value without spaces into out (at most max), letters in upper case; -1
 * when anything else than a letter, digit or space is in it. */
static int compact_upper(const char *value, size_t len, char *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		char c = value[i];
		if (c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) || n == max)
			return -1;
		out[n++] = c;
	}
	return (int)n;
}

static bool is_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

bool pii_validate_de_rvnr(const char *value, size_t len, struct pii_canon *canon)
{
	char v[12];
	if (compact_upper(value, len, v, sizeof(v)) != 12 || !is_digits(v, 8) ||
	    v[8] < 'A' || v[8] > 'Z' || !is_digits(v + 9, 3))
		return false;
	if (!real_ddmmyy(v + 2))
		return false;
	/* area, date, the letter's two digits, serial: twelve digits */
	int letter = v[8] - 'A' + 1;
	char d[12];
	memcpy(d, v, 8);
	d[8] = (char)('0' + letter / 10);
	d[9] = (char)('0' + letter % 10);
	d[10] = v[9];
	d[11] = v[10];
	static const unsigned char w[12] = {2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1};
	unsigned sum = 0;
	for (int i = 0; i < 12; i++)
		sum += digit_sum((unsigned)(d[i] - '0') * w[i]);
	if (sum % 10 != (unsigned)(v[11] - '0'))
		return false;
	pii_canon_copy(canon, v, 12);
	return true;
}

bool pii_validate_de_kvnr(const char *value, size_t len, struct pii_canon *canon)
{
	char v[10];
	if (compact_upper(value, len, v, sizeof(v)) != 10 || v[0] < 'A' || v[0] > 'Z' ||
	    !is_digits(v + 1, 9) || pii_all_same(v + 1, 8))
		return false;
	int letter = v[0] - 'A' + 1;
	char d[10];
	d[0] = (char)('0' + letter / 10);
	d[1] = (char)('0' + letter % 10);
	memcpy(d + 2, v + 1, 8);
	unsigned sum = 0;
	for (int i = 0; i < 10; i++)
		sum += digit_sum((unsigned)(d[i] - '0') * (i % 2 ? 2u : 1u));
	if (sum % 10 != (unsigned)(v[9] - '0'))
		return false;
	pii_canon_copy(canon, v, 10);
	return true;
}

/* The numbers of the specimen documents (Mustermann) the Bundesdruckerei
 * and the Federal Ministry of the Interior publish. */
static const char *const de_specimens[] = {
	"T22000129", /* Personalausweis, 2010 */
	"L01X00T47", /* Personalausweis, 2019 and 2021 */
	"C01X00T47", /* Reisepass, 2017 */
	"C01X0006H", /* Reisepass, 2007 */
	NULL,
};

/* A document number of the alphabet of German ID cards and passports,
 * its first letter one of first; with its check digit when there are ten
 * characters. */
static bool de_document(const char *value, size_t len, const char *first,
			struct pii_canon *canon)
{
	char v[10];
	int n = compact_upper(value, len, v, sizeof(v));
	if (n != 9 && n != 10)
		return false;
	if (!strchr(first, v[0]))
		return false;
	int digits = 0;
	for (int i = 0; i < 9; i++) {
		if (v[i] >= '0' && v[i] <= '9')
			digits++;
		else if (!strchr("CFGHJKLMNPRTVWXYZ", v[i]))
			return false;
	}
	if (n == 9 ? digits < 2 : !is_digits(v + 9, 1) ||
				 pii_mrz_check_digit(v, 9) != v[9] - '0')
		return false;
	for (const char *const *s = de_specimens; *s; s++)
		if (!memcmp(*s, v, 9))
			return false;
	pii_canon_copy(canon, v, 9); /* the number, without its check digit */
	return true;
}

bool pii_validate_de_id_card(const char *value, size_t len, struct pii_canon *canon)
{
	return de_document(value, len, "LMNPRTVWXY", canon);
}

bool pii_validate_de_passport(const char *value, size_t len, struct pii_canon *canon)
{
	return de_document(value, len, "CFGHJK", canon);
}
