/*
 * validate_id_no.c - Norway: the fødselsnummer (birth number, the national
 * identity number), DDMMYY IIIKK: the date of birth, a three-digit
 * individual number and two check digits, each 11 minus a weighted sum
 * modulo 11 (weights 3 7 6 1 8 9 4 5 2 over the first nine digits, then
 * 5 4 3 2 7 6 5 4 3 2 over the first ten; a remainder that gives 10 has no
 * number). The individual number gives the century: 000-499 1900-1999,
 * 500-749 with YY 54-99 1800-1899, 500-999 with YY 00-39 2000-2039,
 * 900-999 with YY 40-99 1900-1999; any other pair is no number. A
 * D-number (given to people not resident) has 40 added to the day, an
 * H-number (a help number of the health service) 40 added to the month;
 * both are accepted. FH-numbers (day 80 or more) hold no date and are not
 * accepted. The date must be a real day, not after today. Sources:
 * Skatteetaten, "Fødselsnummer"; fnrinfo.no (the century rules and the
 * check digits); python-stdnum no.fodselsnummer.
 */
#include "validators.h"

static int two(const char *d)
{
	return (d[0] - '0') * 10 + (d[1] - '0');
}

/* 11 minus the weighted sum modulo 11, or -1 where that gives 10. */
static int check_digit(const char *d, const unsigned char *weights, size_t n)
{
	int k = (11 - (int)(pii_weighted_sum(d, weights, n) % 11)) % 11;
	return k == 10 ? -1 : k;
}

bool pii_validate_no_fodselsnummer(const char *value, size_t len, struct pii_canon *canon)
{
	static const unsigned char w1[9] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
	static const unsigned char w2[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
	char d[11];
	if (pii_collect_date_digits(value, len, d, sizeof(d)) != 11 || pii_all_same(d, 11))
		return false;
	if (check_digit(d, w1, 9) != d[9] - '0' || check_digit(d, w2, 10) != d[10] - '0')
		return false;
	int day = two(d), month = two(d + 2), yy = two(d + 4);
	int individual = (d[6] - '0') * 100 + two(d + 7);
	if (day >= 80)
		return false; /* an FH-number: no date in it */
	if (day > 40)
		day -= 40; /* D-number */
	if (month > 40)
		month -= 40; /* H-number */
	int year;
	if (individual < 500)
		year = 1900 + yy;
	else if (individual < 750 && yy >= 54)
		year = 1800 + yy;
	else if (yy < 40)
		year = 2000 + yy;
	else if (individual >= 900)
		year = 1900 + yy;
	else
		return false;
	if (!pii_birth_date_ok(year, month, day))
		return false;
	pii_canon_copy(canon, d, 11);
	return true;
}
