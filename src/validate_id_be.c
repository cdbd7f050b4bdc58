/*
 * validate_id_be.c - Belgian national identifiers (validators.h):
 *
 * - be_nrn: the national register number (rijksregisternummer, numéro de
 *   registre national, INSZ/NISS of a resident), 11 digits YYMMDD NNN CC.
 * - be_bis: the BIS number of the Crossroads Bank for Social Security
 *   for someone not in the register, the same but its month plus 20 (sex
 *   not known) or plus 40 (sex known).
 *
 * Check: CC = 97 - (YYMMDDNNN mod 97); for someone born in 2000 or later
 * the same over 2YYMMDDNNN (the "2000+ rule"), which tells the century.
 * The date part is a real date in that century, or partly unknown as the
 * register writes it: month 00 (month and day not known), day 00 (day not
 * known). The serial NNN runs from 001 to 998 (odd for men, even for
 * women): 000 and 999 are never given.
 *
 * Sources: python-stdnum be.nn (the algorithm and doctests; its 1.18 has
 * no date check and no BIS module), the Rijksregister's "Structuur van
 * het rijksregisternummer" and the KSZ/BCSS description of the BIS number
 * (month + 20 / + 40).
 */
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "validators.h"

static int current_year(void)
{
	time_t now = time(NULL);
	struct tm tm;
	if (now == (time_t)-1 || !gmtime_r(&now, &tm))
		return 2100;
	return tm.tm_year + 1900;
}

/* The year of birth the check digits give (19YY or 20YY), or 0 when
 * neither century's check holds. d holds 11 digits. */
static int be_year(const char *d)
{
	unsigned long long base = 0;
	for (int i = 0; i < 9; i++)
		base = base * 10 + (unsigned)(d[i] - '0');
	unsigned check = (unsigned)(d[9] - '0') * 10 + (unsigned)(d[10] - '0');
	int yy = (d[0] - '0') * 10 + (d[1] - '0');
	if (97 - base % 97 == check)
		return 1900 + yy;
	if (2000 + yy <= current_year() && 97 - (2000000000ULL + base) % 97 == check)
		return 2000 + yy;
	return 0;
}

/* The 11 digits of a Belgian number with its month offset by one of
 * offsets (0 for the register, 20 or 40 for BIS), check digits, date and
 * serial right; canon is set. */
static bool be_number(const char *value, size_t len, struct pii_canon *canon,
		      const int *offsets, size_t n_offsets)
{
	char d[11];
	if (pii_collect_digits(value, len, " .-", d, sizeof(d)) != 11 || pii_all_same(d, 11))
		return false;
	int year = be_year(d);
	if (!year)
		return false;
	int mm = (d[2] - '0') * 10 + (d[3] - '0');
	int dd = (d[4] - '0') * 10 + (d[5] - '0');
	int serial = (d[6] - '0') * 100 + (d[7] - '0') * 10 + (d[8] - '0');
	if (serial == 0 || serial == 999)
		return false;
	bool month_ok = false;
	for (size_t i = 0; i < n_offsets; i++)
		if (mm >= offsets[i] && mm <= offsets[i] + 12) {
			mm -= offsets[i];
			month_ok = true;
			break;
		}
	if (!month_ok)
		return false;
	/* month 00: date not known (day 00, or 01 of the fictitious 000001) */
	if (mm == 0 ? dd > 31 : dd != 0 && !pii_real_date(year, mm, dd))
		return false;
	pii_canon_copy(canon, d, 11);
	return true;
}

bool pii_validate_be_nrn(const char *value, size_t len, struct pii_canon *canon)
{
	static const int offsets[] = {0};
	return be_number(value, len, canon, offsets, 1);
}

bool pii_validate_be_bis(const char *value, size_t len, struct pii_canon *canon)
{
	static const int offsets[] = {20, 40};
	return be_number(value, len, canon, offsets, 2);
}
