/*
 * sheetdate.c - dates in spreadsheets (pii_sheetdate.h).
 */
#include "pii_sheetdate.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

bool pii_numfmt_is_date(const char *code)
{
	bool quoted = false;
	bool hours = strchr(code, 'h') || strchr(code, 'H');
	for (const char *s = code; *s; s++) {
		if (quoted) {
			quoted = *s != '"';
		} else if (*s == '"') {
			quoted = true;
		} else if (*s == '\\' || *s == '_' || *s == '*') {
			if (s[1])
				s++;
		} else if (*s == '[') {
			const char *end = strchr(s, ']');
			if (!end)
				return false;
			s = end;
		} else if (strchr("dDyY", *s)) {
			return true;
		} else if ((*s == 'm' || *s == 'M') && !hours) {
			return true;
		}
	}
	return false;
}

bool pii_numfmt_builtin_date(unsigned id)
{
	/* 14-17 and 22 everywhere; 27-36 and 50-58 the East Asian dates */
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
	       (id >= 50 && id <= 58);
}

/* Days since 1 March of year 0 to a civil date (Howard Hinnant's). */
static void civil_from_days(long z, int *y, unsigned *m, unsigned *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long yy = (long)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (*m <= 2));
}

bool pii_serial_date(double v, bool date1904, char *out, size_t n)
{
	*out = '\0';
	if (!isfinite(v) || v < 1 || v >= 2958466)
		return false;
	double whole = floor(v);
	long days = (long)whole;
	/* Excel's day 60 is 29 February 1900, which never was (Lotus's bug):
	 * from 1 March 1900 on, serials count one day too many. */
	long unix_days = date1904 ? days - 24107 : days - (days >= 61 ? 25569 : 25568);
	int y;
	unsigned m, d;
	civil_from_days(unix_days, &y, &m, &d);
	long minutes = lround((v - whole) * 1440.0);
	if (minutes > 0 && minutes < 1440)
		snprintf(out, n, "%04d-%02u-%02u %02ld:%02ld", y, m, d, minutes / 60, minutes % 60);
	else
		snprintf(out, n, "%04d-%02u-%02u", y, m, d);
	return true;
}
