/*
 * validate_id_se.c - Sweden: the personnummer (personal identity number)
 * and the samordningsnummer (coordination number, given to people who are
 * not or not yet registered as living in Sweden: the day of birth plus
 * 60). Written YYMMDD-NNNC, with '+' instead of '-' from the year its
 * holder turns 100, or YYYYMMDDNNNC with the century; C is the Luhn check
 * digit over the ten digits YYMMDDNNN, and the date must be a real day,
 * not after today. Sources: Skatteverket, "Personnummer" (SKV 704) and
 * "Samordningsnummer" (SKV 707); python-stdnum se.personnummer (which
 * knows no samordningsnummer: it reads day 61-91 as an impossible date).
 */
#include "validators.h"

#include <stdbool.h>
#include <string.h>

static int two(const char *d)
{
	return (d[0] - '0') * 10 + (d[1] - '0');
}

/* The digits of a personnummer as written into d (12 digits: the century
 * put in front of a 10-digit form), or false when it has another shape:
 * 10 or 12 digits, and at most one separator ('-', '+' or a space), right
 * before the last four. */
static bool se_digits(const char *value, size_t len, char d[12])
{
	char buf[12];
	size_t n = 0, sep_at = 0;
	char sep = 0;
	for (size_t i = 0; i < len; i++) {
		char c = value[i];
		if (c >= '0' && c <= '9') {
			if (n == sizeof(buf))
				return false;
			buf[n++] = c;
		} else if ((c == '-' || c == '+' || c == ' ') && !sep && n) {
			sep = c;
			sep_at = n;
		} else {
			return false;
		}
	}
	if ((n != 10 && n != 12) || (sep && sep_at != n - 4))
		return false;
	if (n == 12) {
		memcpy(d, buf, 12);
		return true;
	}
	/* The century of a 10-digit form: the latest that puts the year not
	 * after this one, and one more back with '+' (100 years or older). */
	int ty, tm, td;
	pii_today(&ty, &tm, &td);
	int century = ty / 100;
	if (two(buf) > ty % 100)
		century--;
	if (sep == '+')
		century--;
	if (century < 10)
		return false;
	d[0] = (char)('0' + century / 10);
	d[1] = (char)('0' + century % 10);
	memcpy(d + 2, buf, 10);
	return true;
}

/* day_add: 0 for a personnummer, 60 for a samordningsnummer. */
static bool se_check(const char *value, size_t len, struct pii_canon *canon, int day_add)
{
	char d[12];
	if (!se_digits(value, len, d))
		return false;
	const char *ten = d + 2;
	if (pii_all_same(ten, 10))
		return false;
	/* 121212-1212, Tolvan Tolvansson: Skatteverket's own example, in
	 * every form and test */
	if (!memcmp(ten, "1212121212", 10))
		return false;
	int year = two(d) * 100 + two(d + 2), month = two(d + 4), day = two(d + 6) - day_add;
	if (day < 1 || !pii_birth_date_ok(year, month, day) || !pii_luhn_ok(ten, 10))
		return false;
	pii_canon_copy(canon, d, 12);
	return true;
}

bool pii_validate_se_personnummer(const char *value, size_t len, struct pii_canon *canon)
{
	return se_check(value, len, canon, 0);
}

bool pii_validate_se_samordningsnummer(const char *value, size_t len, struct pii_canon *canon)
{
	return se_check(value, len, canon, 60);
}
