/*
 * validate_date.c - dates of birth as people write them in Dutch,
 * English, German and French: 14-03-1985, 03/14/1985, 14.03.1985,
 * 1985-03-14 (with midnight after it: a database's timestamp), 14 maart
 * 1985, 14. März 1985, 1er mars 1985, 14th March 1985, March 14, 1985,
 * 14-03-'85, 19850314 (vCard's BDAY). A real day, in 1900 or later and
 * not in the future; canon: YYYY-MM-DD.
 */
#include "validators.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Month names and their abbreviations, lower case (UTF-8). */
static const struct {
	const char *name;
	int month;
} month_names[] = {
	{"januari", 1}, {"january", 1}, {"januar", 1}, {"janvier", 1}, {"jan", 1}, {"janv", 1},
	{"februari", 2}, {"february", 2}, {"februar", 2}, {"février", 2}, {"fevrier", 2},
	{"feb", 2}, {"febr", 2}, {"fév", 2}, {"févr", 2},
	{"maart", 3}, {"march", 3}, {"märz", 3}, {"maerz", 3}, {"mars", 3}, {"mrt", 3}, {"mar", 3},
	{"mär", 3},
	{"april", 4}, {"avril", 4}, {"apr", 4}, {"avr", 4},
	{"mei", 5}, {"may", 5}, {"mai", 5},
	{"juni", 6}, {"june", 6}, {"juin", 6}, {"jun", 6},
	{"juli", 7}, {"july", 7}, {"juillet", 7}, {"jul", 7}, {"juil", 7},
	{"augustus", 8}, {"august", 8}, {"août", 8}, {"aout", 8}, {"aug", 8},
	{"september", 9}, {"septembre", 9}, {"sept", 9}, {"sep", 9},
	{"oktober", 10}, {"october", 10}, {"octobre", 10}, {"okt", 10}, {"oct", 10},
	{"november", 11}, {"novembre", 11}, {"nov", 11},
	{"december", 12}, {"dezember", 12}, {"décembre", 12}, {"decembre", 12}, {"dec", 12},
	{"dez", 12}, {"déc", 12},
};

/* ASCII letters compared without case; other bytes (é, ä) as they are,
 * in the lower case the table has. */
static int month_of(const char *s, size_t n)
{
	char low[16];
	if (n == 0 || n >= sizeof(low))
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
	for (size_t i = 0; i < sizeof(month_names) / sizeof(month_names[0]); i++)
		if (strlen(month_names[i].name) == n && !memcmp(month_names[i].name, low, n))
			return month_names[i].month;
	return 0;
}

static bool real_day(int y, int m, int d)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12 || d < 1)
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= days[m - 1] + (m == 2 && leap);
}

static bool birth_day(int y, int m, int d)
{
	time_t now = time(NULL);
	struct tm tm;
	int this_year = gmtime_r(&now, &tm) ? tm.tm_year + 1900 : 2100;
	return y >= 1900 && y <= this_year && real_day(y, m, d);
}

/* Whether t is the time of a date stored as a timestamp: midnight
 * ("00:00", "00:00:00", "00:00:00.000", then Z or an offset). A birth date
 * kept in a database is; "2019-06-22T03:26:47.711Z" is an event's time. */
static bool midnight(const char *t, size_t n)
{
	size_t i = 0;
	while (i < n && (t[i] == '0' || t[i] == ':' || t[i] == '.'))
		i++;
	if (i < 5)
		return false;
	if (i < n && t[i] == 'Z')
		i++;
	else if (i < n && (t[i] == '+' || t[i] == '-')) {
		i++;
		while (i < n && (isdigit((unsigned char)t[i]) || t[i] == ':'))
			i++;
	}
	return i == n;
}

/* One piece of a date: a number (with its count of digits) or a word. */
struct piece {
	bool word;
	bool short_year; /* '85 */
	int value;    /* the number, or the month a word names (0: none) */
	size_t digits;
	char sep;     /* what followed it: '-', '/', '.', ' ', ',' or 0 */
};

static bool is_letter_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Cuts value into at most three pieces; false when it holds anything
 * else. An ordinal's ending (1st, 2nd, 14th, 1er) goes with its number;
 * after the year may come a time of day ("T00:00:00Z"). */
static bool cut(const char *v, size_t len, struct piece *pc, size_t *n)
{
	size_t i = 0, k = 0;
	while (i < len) {
		if (k == 3) {
			*n = k;
			return v[i] == 'T' && !pc[2].word && pc[2].digits == 2 && !pc[2].sep &&
			       midnight(v + i + 1, len - i - 1);
		}
		struct piece p = {0};
		/* a year of two digits: 12-03-'85 */
		bool apostrophe = v[i] == '\'' && k == 2 && i + 3 == len;
		if (apostrophe)
			i++;
		if (v[i] >= '0' && v[i] <= '9') {
			while (i < len && v[i] >= '0' && v[i] <= '9' && p.digits < 5) {
				p.value = p.value * 10 + (v[i] - '0');
				p.digits++;
				i++;
			}
			p.short_year = apostrophe && p.digits == 2;
			if (apostrophe && !p.short_year)
				return false;
			static const char *const ordinals[] = {"st", "nd", "rd", "th", "er", "e"};
			for (size_t o = 0; o < sizeof(ordinals) / sizeof(ordinals[0]); o++) {
				size_t ol = strlen(ordinals[o]);
				if (i + ol <= len && !memcmp(v + i, ordinals[o], ol) &&
				    (i + ol == len || !is_letter_byte((unsigned char)v[i + ol]))) {
					i += ol;
					break;
				}
			}
		} else if (is_letter_byte((unsigned char)v[i])) {
			size_t s = i;
			while (i < len && is_letter_byte((unsigned char)v[i]))
				i++;
			p.word = true;
			p.value = month_of(v + s, i - s);
			if (!p.value)
				return false;
		} else {
			return false;
		}
		/* the separator: one of -/., or a space after an optional '.' or ',' */
		if (i < len && strchr("-/.,", v[i])) {
			p.sep = v[i++];
			if (i < len && v[i] == ' ' && (p.sep == '.' || p.sep == ','))
				p.sep = ' ', i++;
		} else if (i < len && v[i] == ' ') {
			p.sep = ' ';
			i++;
		}
		pc[k++] = p;
	}
	*n = k;
	return true;
}

/* The year of a two-digit one: this century's when not in the future. */
static int full_year(int yy)
{
	time_t now = time(NULL);
	struct tm tm;
	int this_year = gmtime_r(&now, &tm) ? tm.tm_year + 1900 : 2100;
	return 2000 + yy <= this_year ? 2000 + yy : 1900 + yy;
}

/* Whether value[0..len) is all digits: the value is not a C string (what
 * follows it may be digits of the next text). */
static bool all_digits(const char *v, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (v[i] < '0' || v[i] > '9')
			return false;
	return true;
}

bool pii_validate_date(const char *value, size_t len, struct pii_canon *canon)
{
	struct piece pc[3];
	size_t n = 0;
	/* YYYYMMDD, as vCard's BDAY writes it */
	if (len == 8 && all_digits(value, len)) {
		int y = (value[0] - '0') * 1000 + (value[1] - '0') * 100 + (value[2] - '0') * 10 +
			(value[3] - '0');
		int m = (value[4] - '0') * 10 + (value[5] - '0'), d = (value[6] - '0') * 10 + (value[7] - '0');
		if (!birth_day(y, m, d))
			return false;
		canon->len = (size_t)snprintf(canon->buf, sizeof(canon->buf), "%04d-%02d-%02d", y, m, d);
		return true;
	}
	if (!cut(value, len, pc, &n) || n != 3)
		return false;
	if (pc[2].short_year) {
		pc[2].value = full_year(pc[2].value);
		pc[2].digits = 4;
	}
	int y, m, d;
	if (pc[1].word && !pc[0].word && !pc[2].word && pc[2].digits == 4) {
		d = pc[0].value; /* 14 maart 1985, 14. März 1985 */
		m = pc[1].value;
		y = pc[2].value;
	} else if (pc[0].word && !pc[1].word && !pc[2].word && pc[2].digits == 4) {
		m = pc[0].value; /* March 14, 1985 */
		d = pc[1].value;
		y = pc[2].value;
	} else if (pc[0].word || pc[1].word || pc[2].word) {
		return false;
	} else if (pc[0].sep != pc[1].sep || pc[0].sep == ' ' || pc[0].sep == ',') {
		return false; /* one separator: 14-03/1985 is no date */
	} else if (pc[0].digits == 4 && pc[1].digits <= 2 && pc[2].digits <= 2) {
		y = pc[0].value; /* 1985-03-14 */
		m = pc[1].value;
		d = pc[2].value;
	} else if (pc[2].digits == 4 && pc[0].digits <= 2 && pc[1].digits <= 2) {
		y = pc[2].value;
		d = pc[0].value;
		m = pc[1].value;
		if (!real_day(y, m, d)) { /* month first: 03/14/1985 */
			d = pc[1].value;
			m = pc[0].value;
		}
	} else {
		return false;
	}
	if (!birth_day(y, m, d))
		return false;
	canon->len = (size_t)snprintf(canon->buf, sizeof(canon->buf), "%04d-%02d-%02d", y, m, d);
	return true;
}
