/*
 * validate_id_gr.c - Greece's AMKA, Αριθμός Μητρώου Κοινωνικής
 * Ασφάλισης (Νόμος 2972/2001; amka.gr; python-stdnum gr.amka): eleven
 * digits, the birth date DD MM YY (a real day in the 1900s or the
 * 2000s: the century is not in the number), four digits of which the
 * last tells the sex, and a Luhn check digit over all eleven. One digit
 * repeated is refused.
 */
#include "validators.h"

bool pii_validate_gr_amka(const char *value, size_t len, struct pii_canon *canon)
{
	char d[11];
	if (pii_collect_digits(value, len, "", d, 11) != 11 || pii_all_same(d, 11))
		return false;
	int day = (d[0] - '0') * 10 + (d[1] - '0');
	int month = (d[2] - '0') * 10 + (d[3] - '0');
	int year = (d[4] - '0') * 10 + (d[5] - '0');
	if (!pii_real_date(1900 + year, month, day) && !pii_real_date(2000 + year, month, day))
		return false;
	if (!pii_luhn_ok(d, 11))
		return false;
	pii_canon_copy(canon, d, 11);
	return true;
}
