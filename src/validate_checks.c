/*
 * validate_checks.c - the check-digit schemes and the date test that the
 * national identifiers of many countries share (validators.h): Luhn,
 * Verhoeff, ISO 7064 MOD 11,10, a weighted digit sum, whether a day,
 * month and year make a real date, and whether that date has come (a
 * date of birth).
 */
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "validators.h"

bool pii_real_date(int year, int month, int day)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (year < 1800 || year > 2199 || month < 1 || month > 12 || day < 1)
		return false;
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return day <= days[month - 1] + (month == 2 && leap);
}

/* Today, in UTC: a day either way does not matter for a birth date. */
void pii_today(int *year, int *month, int *day)
{
	time_t now = time(NULL);
	struct tm tm;
	if (!gmtime_r(&now, &tm)) {
		*year = 2199, *month = 12, *day = 31;
		return;
	}
	*year = tm.tm_year + 1900;
	*month = tm.tm_mon + 1;
	*day = tm.tm_mday;
}

bool pii_birth_date_ok(int year, int month, int day)
{
	if (!pii_real_date(year, month, day))
		return false;
	int ty, tm, td;
	pii_today(&ty, &tm, &td);
	return year * 10000 + month * 100 + day <= ty * 10000 + tm * 100 + td;
}

bool pii_luhn_ok(const char *d, size_t n)
{
	unsigned sum = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned v = (unsigned)(d[n - 1 - i] - '0');
		if (i % 2) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
	}
	return n > 0 && sum % 10 == 0;
}

bool pii_verhoeff_ok(const char *d, size_t n)
{
	static const unsigned char mul[10][10] = {
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
		{2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
		{4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
		{6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
		{8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
	};
	static const unsigned char perm[8][10] = {
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
		{5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
		{9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
		{2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
	};
	unsigned c = 0;
	for (size_t i = 0; i < n; i++)
		c = mul[c][perm[i % 8][d[n - 1 - i] - '0']];
	return n > 0 && c == 0;
}

bool pii_iso7064_11_10_ok(const char *d, size_t n)
{
	/* the running check over every digit, the check digit too, ends at 1 */
	unsigned check = 5;
	for (size_t i = 0; i < n; i++)
		check = (((check ? check : 10) * 2) % 11 + (unsigned)(d[i] - '0')) % 10;
	return n > 0 && check == 1;
}

unsigned pii_weighted_sum(const char *d, const unsigned char *weights, size_t n)
{
	unsigned sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += (unsigned)(d[i] - '0') * weights[i];
	return sum;
}
