/*
 * sheetdate.c - dates in spreadsheets (pii_sheetdate.h).
 */
#include "pii_sheetdate.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

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
	long minutes = lround((v - whole) * 1440.0);
	bool time_of_day = minutes > 0 && minutes < 1440;
	time_t t = (time_t)unix_days * 86400 + (time_of_day ? minutes * 60 : 0);
	struct tm tm;
	if (!gmtime_r(&t, &tm) ||
	    !strftime(out, n, time_of_day ? "%Y-%m-%d %H:%M" : "%Y-%m-%d", &tm)) {
		*out = '\0';
		return false;
	}
	return true;
}
