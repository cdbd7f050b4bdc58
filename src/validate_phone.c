/*
 * validate_phone.c - phone numbers: international (+CC, 00CC) and the
 * national written forms of the supported countries, checked for the
 * digits their numbering plan gives and for the shape people write them
 * in, so that dates, times, coordinates and counters are not numbers.
 */
#include "validators.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Placeholders people type for a number: 0123 456789, 01 02 03 04 05,
 * 11 22 33 44 55, 9876543210, 666666666. d is the number as written,
 * with its trunk 0. */
static bool placeholder(const char *d, size_t n)
{
	if (n < 7)
		return false;
	if (pii_all_same(d, n) || pii_all_same(d + 1, n - 1) || pii_all_same(d + 2, n - 2))
		return true;
	/* counting up or down for nine digits or more */
	size_t up = 0, down = 0, most = 0;
	for (size_t i = 1; i < n; i++) {
		up = d[i] == (char)((d[i - 1] - '0' + 1) % 10 + '0') ? up + 1 : 0;
		down = d[i] == (char)((d[i - 1] - '0' + 9) % 10 + '0') ? down + 1 : 0;
		if (up > most || down > most)
			most = up > down ? up : down;
	}
	if (most >= 8)
		return true;
	/* the number of every Dutch form and manual: 06-12345678 */
	if (n >= 8 && !memcmp(d + n - 8, "12345678", 8))
		return true;
	/* a short group over and over: 02 01 02 01 02, 123 123 123 */
	for (size_t period = 2; period <= 4; period++) {
		size_t i = period + 1;
		while (i < n && d[i] == d[i - period])
			i++;
		if (i == n)
			return true;
	}
	/* six zeros in a row: 0201 00000000 */
	if (memmem(d, n, "000000", 6))
		return true;
	/* pairs each starting with 0 after the trunk's: 01 08 07 06 05 */
	if (n == 10 && d[2] == '0' && d[4] == '0' && d[6] == '0' && d[8] == '0')
		return true;
	/* pairs counting up or down (01 02 03, 05 04 03) or repeating (11 22 33) */
	bool pairs_up = n % 2 == 0, pairs_down = n % 2 == 0, pairs_same = n % 2 == 0;
	for (size_t i = 2; i + 1 < n; i += 2) {
		int a = (d[i - 2] - '0') * 10 + d[i - 1] - '0', b = (d[i] - '0') * 10 + d[i + 1] - '0';
		pairs_up &= b == a + 1;
		pairs_down &= b == a - 1;
		pairs_same &= d[i] == d[i + 1] && d[i - 2] == d[i - 1] && b == a + 11;
	}
	return pairs_up || pairs_down || pairs_same;
}

/* Whether value is written the way phone numbers are: groups of digits
 * with one kind of separator (space, dash, dot or slash; " - " and "/"
 * after an area code too), parentheses only around an area code or a
 * trunk "(0)". Not: a date or a time in it, a decimal fraction, a minus
 * sign, a first group of one digit that is no country code, two groups
 * of one digit. */
static bool shaped_like_phone(const char *v, size_t len)
{
	/* a US ZIP+4 code: 02110-1301 */
	if (len == 10 && v[5] == '-' && strspn(v, "0123456789") == 5 &&
	    strspn(v + 6, "0123456789") == 4)
		return false;
	/* dates: 08-11-2023, 15.03.2024, 2023-11-08; a time: 01:02 */
	for (size_t i = 0; i + 6 <= len; i++) {
		const char *p = v + i;
		if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
		    strchr("-./", p[2]) && isdigit((unsigned char)p[3]) &&
		    isdigit((unsigned char)p[4]) && p[5] == p[2] && i + 10 <= len &&
		    (!memcmp(p + 6, "19", 2) || !memcmp(p + 6, "20", 2)) &&
		    isdigit((unsigned char)p[8]) && isdigit((unsigned char)p[9]))
			return false;
		if (!memcmp(p, "20", 2) && isdigit((unsigned char)p[2]) &&
		    isdigit((unsigned char)p[3]) && p[4] == '-' && i + 10 <= len && p[7] == '-')
			return false;
	}
	char sep = 0;          /* the kind of separator between groups */
	size_t groups = 0, group = 0, first = 0, singles = 0;
	for (size_t i = 0; i < len; i++) {
		char c = v[i];
		if (isdigit((unsigned char)c)) {
			group++;
			continue;
		}
		if (group) {
			if (!groups)
				first = group;
			groups++;
			/* groups of one digit, but the trunk "(0)" */
			if (group == 1 && !(c == ')' && i >= 2 && v[i - 2] == '('))
				singles++;
			/* a decimal fraction: a dot then five digits or more */
			if (group >= 5 && i >= group + 1 && v[i - group - 1] == '.')
				return false;
		}
		group = 0;
		if (c == '+' || c == '(' || c == ')')
			continue;
		if (c == '-' && i > 0 && v[i - 1] == ' ' && i + 1 < len && v[i + 1] != ' ')
			return false; /* a minus sign: "0 -1" */
		char kind = c == ' ' ? ' ' : c;
		if (c == ' ' && i + 1 < len && strchr("-/", v[i + 1]))
			continue; /* " - " and " / " are one separator */
		if (c == ' ' && i > 0 && strchr("-/)", v[i - 1]))
			continue;
		if (c == '/' && groups == 1)
			continue; /* the area code's slash: 0486/17.77.14 in Belgium */
		if (!sep)
			sep = kind;
		else if (sep != kind && !(kind == ' ' && (sep == '-' || sep == '/')) &&
			 !(sep == ' ' && (kind == '-' || kind == '/')))
			return false; /* dots mixed with others */
	}
	if (group) {
		if (!groups)
			first = group;
		singles += group == 1;
		if (group >= 5 && len > group && v[len - group - 1] == '.')
			return false;
	}
	/* "1.2.3.4" is a version or an address: one group of one digit at
	 * most ("+31 6 ..."). */
	if (singles > 1)
		return false;
	/* "0 12 275" is a counter, not "+31 6 ...", "06-12345678" or North
	 * America's "1-212-..." */
	return first != 1 || v[0] == '+' || v[0] == '1' || (len > 1 && v[0] == '0' && v[1] == '0') ||
	       (len > 1 && v[0] == '(');
}

int pii_phone_digits(const char *v, size_t len, char *out, size_t max, bool *intl)
{
	size_t i = 0, n = 0;
	*intl = false;
	while (i < len && (v[i] == ' ' || v[i] == '('))
		i++;
	if (i < len && v[i] == '+') {
		*intl = true;
		i++;
	} else if (i + 1 < len && v[i] == '0' && v[i + 1] == '0') {
		*intl = true;
		i += 2;
	}
	for (; i < len; i++) {
		char c = v[i];
		if (c == '(' && i + 2 < len && v[i + 1] == '0' && v[i + 2] == ')' && *intl && n > 0) {
			i += 2;
			continue;
		}
		if (c >= '0' && c <= '9') {
			if (n == max)
				return -1;
			out[n++] = c;
		} else if (!strchr(" .-/()", c)) {
			return -1;
		}
	}
	return (int)n;
}

/* The length of the country code that starts d (ITU E.164), 0 when none. */
static int country_code_len(const char *d, int n)
{
	if (n < 1)
		return 0;
	if (d[0] == '1' || d[0] == '7')
		return 1;
	if (n < 2)
		return 0;
	static const char two[] = "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 "
				  "47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 "
				  "64 65 66 81 82 84 86 90 91 92 93 94 95 98";
	static const char three[] = "21 22 23 24 25 26 29 35 37 38 42 50 59 67 68 "
				    "69 80 85 87 88 96 97 99";
	char p[3] = {d[0], d[1], '\0'};
	if (strstr(two, p))
		return 2;
	if (strstr(three, p))
		return n >= 3 ? 3 : 0;
	return 0;
}

/* The national number of the Netherlands (without its trunk 0): nine
 * digits; of the 08 numbers only personal (084, 087), internet (085) and
 * company (088) ones; not paid (090x) or machine (066, 097) numbers. */
static bool nl_national(const char *d, int n)
{
	if (n != 9 || d[0] == '0')
		return false;
	if (d[0] == '8' && d[1] != '4' && d[1] != '5' && d[1] != '7' && d[1] != '8')
		return false;
	if (d[0] == '9' && d[1] == '0' && (d[2] == '0' || d[2] == '6' || d[2] == '9'))
		return false;
	if (d[0] == '6' && d[1] == '6')
		return false;
	if (d[0] == '9' && d[1] == '7')
		return false;
	return true;
}

/* Germany: mobile 15x, 16x, 17x with 10 or 11 digits; fixed lines with
 * an area code of 2 to 5 digits, 7 to 11 in all; not 0800, 0900. */
static bool de_national(const char *d, int n)
{
	if (d[0] == '0' || n < 7 || n > 11)
		return false;
	if (d[0] == '1')
		return n >= 10 && (d[1] == '5' || d[1] == '6' || d[1] == '7');
	return !(d[0] == '8' && d[1] == '0' && d[2] == '0') &&
	       !(d[0] == '9' && d[1] == '0' && d[2] == '0');
}

/* France: nine digits after the trunk 0, 1-5 geographic, 6-7 mobile, 9
 * other; not 08 (special rates). */
static bool fr_national(const char *d, int n)
{
	return n == 9 && d[0] >= '1' && d[0] <= '9' && d[0] != '8';
}

/* Belgium: eight digits for fixed lines (02, 03, 04, 09 and three-digit
 * areas), nine for mobiles (046-049); not 0800, 090x, nor the national
 * numbers at special rates (070, 078). */
static bool be_national(const char *d, int n)
{
	if (d[0] == '4')
		return n == 9 && d[1] >= '6';
	return n == 8 && d[0] >= '1' && d[0] != '7' && d[0] != '8' &&
	       !(d[0] == '9' && d[1] == '0');
}

/* The United Kingdom: ten digits after the trunk 0 (01, 02 geographic,
 * 03 national, 07 mobile), or nine for a few old areas; not 08, 09. */
static bool uk_national(const char *d, int n)
{
	if (n == 10)
		return d[0] == '1' || d[0] == '2' || d[0] == '3' || d[0] == '7';
	return n == 9 && d[0] == '1';
}

/* North America (NANP): NXX NXX XXXX, area and exchange not starting 0
 * or 1, no N11 area. */
static bool nanp_national(const char *d, int n)
{
	return n == 10 && d[0] >= '2' && d[3] >= '2' && !(d[1] == '1' && d[2] == '1');
}

struct plan {
	const char *cc;                      /* country code */
	bool (*national)(const char *d, int n); /* the national number */
	bool trunk;                          /* national numbers start with 0 */
};

static const struct plan plans[] = {
	{"31", nl_national, true}, {"49", de_national, true}, {"33", fr_national, true},
	{"32", be_national, true}, {"44", uk_national, true}, {"1", nanp_national, false},
};

static const struct plan *plan_of(const char *cc)
{
	for (size_t i = 0; i < sizeof(plans) / sizeof(plans[0]); i++)
		if (!strcmp(plans[i].cc, cc))
			return &plans[i];
	return NULL;
}

/* The length of the national (significant) number where a country's plan
 * fixes it, from the ITU's E.164 national numbering plans: a number
 * written +CC with more or fewer digits after the code is none of that
 * country (00 7 43110157, an Italian VAT number, is no Russian number:
 * those have ten). Countries whose lengths vary (Germany, Austria,
 * Italy, Sweden, Finland, China, ...) are not listed: any length from six
 * on stands for them. */
static const struct {
	const char *cc;
	unsigned char min, max;
} nsn_lengths[] = {
	{"7", 10, 10},   /* Russia, Kazakhstan */
	{"27", 9, 9},    /* South Africa */
	{"30", 10, 10},  /* Greece */
	{"34", 9, 9},    /* Spain */
	{"36", 8, 9},    /* Hungary */
	{"40", 9, 9},    /* Romania */
	{"41", 9, 9},    /* Switzerland */
	{"45", 8, 8},    /* Denmark */
	{"47", 8, 8},    /* Norway */
	{"48", 9, 9},    /* Poland */
	{"61", 9, 9},    /* Australia */
	{"65", 8, 8},    /* Singapore */
	{"90", 10, 10},  /* Turkey */
	{"91", 10, 10},  /* India */
	{"351", 9, 9},   /* Portugal */
	{"352", 4, 11},  /* Luxembourg */
	{"353", 7, 9},   /* Ireland */
	{"356", 8, 8},   /* Malta */
	{"357", 8, 8},   /* Cyprus */
	{"359", 8, 9},   /* Bulgaria */
	{"370", 8, 8},   /* Lithuania */
	{"371", 8, 8},   /* Latvia */
	{"372", 7, 8},   /* Estonia */
	{"380", 9, 9},   /* Ukraine */
	{"385", 8, 9},   /* Croatia */
	{"386", 8, 8},   /* Slovenia */
	{"420", 9, 9},   /* Czechia */
	{"421", 9, 9},   /* Slovakia */
};

/* Whether nn digits can be a national number of the country with code cc
 * (at least six where its plan does not say). */
static bool nsn_length_fits(const char *cc, int nn)
{
	for (size_t i = 0; i < sizeof(nsn_lengths) / sizeof(nsn_lengths[0]); i++)
		if (!strcmp(nsn_lengths[i].cc, cc))
			return nn >= nsn_lengths[i].min && nn <= nsn_lengths[i].max;
	return nn >= 6;
}

/* canon: "+" country code, national number: one value however written. */
static bool put_canon(struct pii_canon *canon, const char *cc, const char *nat, int nn)
{
	canon->len = (size_t)snprintf(canon->buf, sizeof(canon->buf), "+%s%.*s", cc, nn, nat);
	return true;
}

bool pii_validate_phone(const char *value, size_t len, struct pii_canon *canon)
{
	char d[20];
	bool intl;
	int n = pii_phone_digits(value, len, d, sizeof(d), &intl);
	if (n < 8 || n > 15 || !intl || pii_all_same(d, (size_t)n) || !shaped_like_phone(value, len))
		return false;
	/* a timestamp after a '+': +20191229111838 */
	if (n == 14 && (!memcmp(d, "19", 2) || !memcmp(d, "20", 2)) && d[4] <= '1' && d[6] <= '3' &&
	    d[8] <= '2' && d[10] <= '5' && d[12] <= '5')
		return false;
	int cc = country_code_len(d, n);
	if (!cc)
		return false;
	char code[4] = {0};
	memcpy(code, d, (size_t)cc);
	const char *nat = d + cc;
	int nn = n - cc;
	const struct plan *p = plan_of(code);
	if (p ? !p->national(nat, nn) : !nsn_length_fits(code, nn))
		return false;
	if (placeholder(d, (size_t)n))
		return false;
	return put_canon(canon, code, nat, nn);
}

/* A number of the country with code cc, written nationally (with its
 * trunk 0, or none for NANP) or internationally with that code. */
static bool validate_national(const char *cc, const char *value, size_t len,
			      struct pii_canon *canon)
{
	const struct plan *p = plan_of(cc);
	char d[20];
	bool intl;
	int n = pii_phone_digits(value, len, d, sizeof(d), &intl);
	if (n < 2 || !shaped_like_phone(value, len))
		return false;
	const char *nat = d;
	int nn = n;
	size_t ccl = strlen(cc);
	if (intl) {
		if ((size_t)n <= ccl || memcmp(d, cc, ccl))
			return false;
		nat += ccl;
		nn -= (int)ccl;
	} else if (p->trunk) {
		if (d[0] != '0')
			return false;
		nat++;
		nn--;
	} else if (d[0] == '1' && n == 11) {
		nat++; /* NANP's 1 before the area code */
		nn--;
	}
	if (!p->national(nat, nn) || placeholder(d, (size_t)n))
		return false;
	return put_canon(canon, cc, nat, nn);
}

/* The digits before the first separator of a number written nationally
 * with separators (0 when it has none or is international): trunk and
 * area code, which in the Netherlands and Belgium are at most four
 * digits ("0513-", "0475 "): "02110-1301" is a ZIP code. */
static size_t first_group(const char *v, size_t len)
{
	size_t i = 0;
	while (i < len && v[i] == '(')
		i++;
	if (i < len && (v[i] == '+' || (i + 1 < len && v[i] == '0' && v[i + 1] == '0')))
		return 0;
	size_t start = i;
	while (i < len && isdigit((unsigned char)v[i]))
		i++;
	return i == len ? 0 : i - start;
}

bool pii_validate_nl_phone(const char *value, size_t len, struct pii_canon *canon)
{
	return first_group(value, len) <= 4 && validate_national("31", value, len, canon);
}

/* A Dutch number a spreadsheet stored as a number, its leading 0 lost
 * (612345678 for 06-12345678): valid when it is with the 0. */
bool pii_validate_nl_phone_short(const char *value, size_t len, struct pii_canon *canon)
{
	char with_zero[16];
	if (len != 9 || value[0] == '0')
		return false;
	with_zero[0] = '0';
	memcpy(with_zero + 1, value, len);
	return validate_national("31", with_zero, len + 1, canon);
}

/* The German area codes of two digits after the 0 are Berlin,
 * Hamburg, Frankfurt and Munich's: "078-05-1120" has no area code. */
static bool de_area_written(const char *v, size_t len)
{
	size_t i = 0;
	if (i < len && v[i] == '+')
		i += 3; /* +49 */
	else if (i + 1 < len && v[i] == '0' && v[i + 1] == '0')
		i += 4; /* 0049 */
	while (i < len && !isdigit((unsigned char)v[i]))
		i++;
	if (i < len && v[i] == '0' && i >= 3 && v[i - 1] == '(')
		i += 2; /* the trunk "(0)" */
	while (i < len && !isdigit((unsigned char)v[i]))
		i++;
	if (i < len && v[i] == '0')
		i++;
	size_t start = i;
	while (i < len && isdigit((unsigned char)v[i]))
		i++;
	if (i - start != 2 || i == len)
		return true;
	return !memcmp(v + start, "30", 2) || !memcmp(v + start, "40", 2) ||
	       !memcmp(v + start, "69", 2) || !memcmp(v + start, "89", 2);
}

bool pii_validate_de_phone(const char *value, size_t len, struct pii_canon *canon)
{
	return de_area_written(value, len) && validate_national("49", value, len, canon);
}

bool pii_validate_fr_phone(const char *value, size_t len, struct pii_canon *canon)
{
	return validate_national("33", value, len, canon);
}

bool pii_validate_be_phone(const char *value, size_t len, struct pii_canon *canon)
{
	return first_group(value, len) <= 4 && validate_national("32", value, len, canon);
}

bool pii_validate_uk_phone(const char *value, size_t len, struct pii_canon *canon)
{
	return validate_national("44", value, len, canon);
}

bool pii_validate_us_phone(const char *value, size_t len, struct pii_canon *canon)
{
	return validate_national("1", value, len, canon);
}
