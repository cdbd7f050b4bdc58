/*
 * validate.c - the validators rule packs refer to by name.
 *
 * Each one confirms what a regex cannot: a checksum (Luhn, mod-97,
 * elfproef), a range (IPv4 octets), a reserved value that is not personal
 * data (documentation networks, example.com), and produces the canonical
 * form the fingerprint is computed over.
 */
#include "pii_validate.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "pii_names.h"

void pii_canon_copy(struct pii_canon *canon, const char *value, size_t len)
{
	if (len > sizeof(canon->buf))
		len = sizeof(canon->buf);
	memcpy(canon->buf, value, len);
	canon->len = len;
}

/* Collects the digits of value into out (at most max); returns how many,
 * or -1 when a character other than a digit or one of seps appears. */
static int collect_digits(const char *value, size_t len, const char *seps,
			  char *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		char c = value[i];
		if (c >= '0' && c <= '9') {
			if (n == max)
				return -1;
			out[n++] = c;
		} else if (!strchr(seps, c)) {
			return -1;
		}
	}
	return (int)n;
}

static bool all_same(const char *d, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (d[i] != d[0])
			return false;
	return true;
}

/* ---- payment cards: Luhn plus brand prefix and length ----------------- */

struct card_brand {
	unsigned lo, hi;     /* prefix range, inclusive */
	unsigned digits;     /* length of the prefix */
	unsigned min, max;   /* card number length */
};

/* Issuer identification ranges of the card brands in use in Europe and
 * the US (ISO/IEC 7812 as published by the schemes). */
static const struct card_brand card_brands[] = {
	{4, 4, 1, 13, 19},              /* Visa (13 and 16 in use, 19 new) */
	{51, 55, 2, 16, 16},            /* Mastercard */
	{2221, 2720, 4, 16, 16},        /* Mastercard 2-series */
	{34, 34, 2, 15, 15},            /* American Express */
	{37, 37, 2, 15, 15},
	{6011, 6011, 4, 16, 19},        /* Discover */
	{644, 649, 3, 16, 19},
	{65, 65, 2, 16, 19},
	{300, 305, 3, 14, 19},          /* Diners Club */
	{3095, 3095, 4, 14, 19},
	{36, 36, 2, 14, 19},
	{38, 39, 2, 14, 19},
	{3528, 3589, 4, 16, 19},        /* JCB */
	{62, 62, 2, 16, 19},            /* UnionPay */
	{2200, 2204, 4, 16, 19},        /* Mir */
	{5018, 5018, 4, 12, 19},        /* Maestro */
	{5020, 5020, 4, 12, 19},
	{5038, 5038, 4, 12, 19},
	{5893, 5893, 4, 12, 19},
	{6304, 6304, 4, 12, 19},
	{6759, 6759, 4, 12, 19},
	{6761, 6763, 4, 12, 19},
};

static bool luhn_ok(const char *d, size_t n)
{
	unsigned sum = 0;
	bool dbl = false;
	for (size_t i = n; i-- > 0;) {
		unsigned v = (unsigned)(d[i] - '0');
		if (dbl) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
		dbl = !dbl;
	}
	return sum % 10 == 0;
}

static bool card_brand_ok(const char *d, size_t n)
{
	for (size_t b = 0; b < sizeof(card_brands) / sizeof(card_brands[0]); b++) {
		const struct card_brand *cb = &card_brands[b];
		if (n < cb->min || n > cb->max || n < cb->digits)
			continue;
		unsigned prefix = 0;
		for (unsigned i = 0; i < cb->digits; i++)
			prefix = prefix * 10 + (unsigned)(d[i] - '0');
		if (prefix >= cb->lo && prefix <= cb->hi)
			return true;
	}
	return false;
}

static bool validate_luhn(const char *value, size_t len, struct pii_canon *canon)
{
	char d[24];
	int n = collect_digits(value, len, " -", d, sizeof(d));
	if (n < 13 || n > 19 || all_same(d, (size_t)n))
		return false;
	if (!luhn_ok(d, (size_t)n) || !card_brand_ok(d, (size_t)n))
		return false;
	pii_canon_copy(canon, d, (size_t)n);
	return true;
}

/* ---- IBAN: country length and mod-97 ---------------------------------- */

/* IBAN lengths per country from the SWIFT IBAN registry. */
static const char iban_lengths[][3] = {
	"AD\x18", "AE\x17", "AL\x1c", "AT\x14", "AZ\x1c", "BA\x14", "BE\x10",
	"BG\x16", "BH\x16", "BI\x1b", "BL\x1b", "BR\x1d", "BY\x1c", "CH\x15",
	"CR\x16", "CY\x1c", "CZ\x18", "DE\x16", "DJ\x1b", "DK\x12", "DO\x1c",
	"EE\x14", "EG\x1d", "ES\x18", "FI\x12", "FK\x12", "FO\x12", "FR\x1b",
	"GB\x16", "GE\x16", "GF\x1b", "GI\x17", "GL\x12", "GP\x1b", "GR\x1b",
	"GT\x1c", "HR\x15", "HU\x1c", "IE\x16", "IL\x17", "IQ\x17", "IS\x1a",
	"IT\x1b", "JO\x1e", "KW\x1e", "KZ\x14", "LB\x1c", "LC\x20", "LI\x15",
	"LT\x14", "LU\x14", "LV\x15", "LY\x19", "MC\x1b", "MD\x18", "ME\x16",
	"MF\x1b", "MK\x13", "MN\x14", "MQ\x1b", "MR\x1b", "MT\x1f", "MU\x1e",
	"NC\x1b", "NI\x1c", "NL\x12", "NO\x0f", "OM\x17", "PF\x1b", "PK\x18",
	"PL\x1c", "PM\x1b", "PS\x1d", "PT\x19", "QA\x1d", "RE\x1b", "RO\x18",
	"RS\x16", "RU\x21", "SA\x18", "SC\x1f", "SD\x12", "SE\x18", "SI\x13",
	"SK\x18", "SM\x1b", "SO\x17", "ST\x19", "SV\x1c", "TF\x1b", "TL\x17",
	"TN\x18", "TR\x1a", "UA\x1d", "VA\x16", "VG\x18", "WF\x1b", "XK\x14",
	"YE\x1e", "YT\x1b",
};

static int iban_length_for(const char *cc)
{
	for (size_t i = 0; i < sizeof(iban_lengths) / sizeof(iban_lengths[0]); i++)
		if (iban_lengths[i][0] == cc[0] && iban_lengths[i][1] == cc[1])
			return (unsigned char)iban_lengths[i][2];
	return -1;
}

static bool validate_iban(const char *value, size_t len, struct pii_canon *canon)
{
	char s[40];
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)value[i];
		if (c == ' ')
			continue;
		if (!isalnum(c) || n == sizeof(s))
			return false;
		s[n++] = (char)toupper(c);
	}
	if (n < 15 || !isalpha((unsigned char)s[0]) ||
	    !isalpha((unsigned char)s[1]) || !isdigit((unsigned char)s[2]) ||
	    !isdigit((unsigned char)s[3]))
		return false;
	if (iban_length_for(s) != (int)n)
		return false;
	int check = (s[2] - '0') * 10 + (s[3] - '0');
	if (check < 2 || check > 98)
		return false;
	/* mod-97 over BBAN + country + check digits, letters as 10..35. */
	unsigned rem = 0;
	for (size_t k = 0; k < n; k++) {
		char c = s[(k + 4) % n];
		if (isdigit((unsigned char)c))
			rem = (rem * 10 + (unsigned)(c - '0')) % 97;
		else
			rem = (rem * 100 + (unsigned)(c - 'A' + 10)) % 97;
	}
	if (rem != 1)
		return false;
	pii_canon_copy(canon, s, n);
	return true;
}

/* ---- Dutch BSN: elfproef ------------------------------------------------ */

static bool validate_elfproef(const char *value, size_t len,
			      struct pii_canon *canon)
{
	char d[10];
	int n = collect_digits(value, len, ". ", d + 1, 9);
	if (n == 8) {
		/* Written without its leading zero. */
		d[0] = '0';
	} else if (n == 9) {
		memmove(d, d + 1, 9);
	} else {
		return false;
	}
	if (all_same(d, 9))
		return false;
	int sum = 0;
	for (int i = 0; i < 8; i++)
		sum += (9 - i) * (d[i] - '0');
	sum -= d[8] - '0';
	if (sum % 11 != 0)
		return false;
	pii_canon_copy(canon, d, 9);
	return true;
}

/* ---- IP addresses --------------------------------------------------------- */

/* True when the IPv4 address a.b.c.d is reserved for purposes where it
 * never identifies a person: "this network", loopback, documentation,
 * multicast, future use and broadcast. Private ranges are kept: inside a
 * company they point at a person's workstation. */
static bool ipv4_reserved(const unsigned o[4])
{
	if (o[0] == 0 || o[0] == 127 || o[0] >= 224)
		return true;
	if (o[0] == 192 && o[1] == 0 && o[2] == 2)
		return true;
	if (o[0] == 198 && o[1] == 51 && o[2] == 100)
		return true;
	if (o[0] == 203 && o[1] == 0 && o[2] == 113)
		return true;
	return false;
}

static bool parse_ipv4(const char *value, size_t len, unsigned o[4])
{
	size_t i = 0;
	for (int k = 0; k < 4; k++) {
		if (k) {
			if (i >= len || value[i] != '.')
				return false;
			i++;
		}
		size_t start = i;
		unsigned v = 0;
		while (i < len && isdigit((unsigned char)value[i]) && i - start < 3)
			v = v * 10 + (unsigned)(value[i++] - '0');
		size_t nd = i - start;
		/* Leading zeros ("010") are not how addresses are written; they
		 * are how version and part numbers are. */
		if (nd == 0 || v > 255 || (nd > 1 && value[start] == '0'))
			return false;
		o[k] = v;
	}
	return i == len;
}

static bool validate_ipv4(const char *value, size_t len, struct pii_canon *canon)
{
	unsigned o[4];
	if (!parse_ipv4(value, len, o) || ipv4_reserved(o))
		return false;
	pii_canon_copy(canon, value, len);
	return true;
}

static bool validate_ipv6(const char *value, size_t len, struct pii_canon *canon)
{
	char s[64];
	if (len >= sizeof(s))
		return false;
	memcpy(s, value, len);
	s[len] = '\0';
	/* Short forms such as "a::b" are C++ scope operators and the like far
	 * more often than addresses: ask for a group of three or more hex
	 * digits. */
	size_t run = 0, longest = 0;
	for (size_t i = 0; i < len; i++) {
		if (isxdigit((unsigned char)s[i])) {
			if (++run > longest)
				longest = run;
		} else {
			run = 0;
		}
	}
	if (longest < 3)
		return false;
	unsigned char a[16];
	if (inet_pton(AF_INET6, s, a) != 1)
		return false;
	static const unsigned char zero[16];
	if (!memcmp(a, zero, 15) && a[15] <= 1)
		return false; /* :: and ::1 */
	if (a[0] == 0xff)
		return false; /* multicast */
	if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d && a[3] == 0xb8)
		return false; /* 2001:db8::/32 documentation */
	static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	if (!memcmp(a, mapped, 12)) {
		unsigned o[4] = {a[12], a[13], a[14], a[15]};
		if (ipv4_reserved(o))
			return false;
	}
	char out[INET6_ADDRSTRLEN];
	if (!inet_ntop(AF_INET6, a, out, sizeof(out)))
		return false;
	pii_canon_copy(canon, out, strlen(out));
	return true;
}

/* ---- e-mail ---------------------------------------------------------------- */

static bool label_eq(const char *s, size_t n, const char *lit)
{
	size_t m = strlen(lit);
	if (n != m)
		return false;
	for (size_t i = 0; i < n; i++)
		if (tolower((unsigned char)s[i]) != lit[i])
			return false;
	return true;
}

/* Top-level "domains" that are really file extensions: "logo@2x.png" in
 * a web project is an image, not an address. */
static const char *const file_extension_tlds[] = {
	"png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "tif",
	"tiff", "css", "js", "html", "htm", "php", "txt", "json", "xml",
	"pdf", "zip", "gz", "min", "map", "woff", "woff2", "ttf", NULL,
};

/* Reserved by RFC 2606 / RFC 6761 for examples and tests. */
static const char *const reserved_tlds[] = {
	"test", "invalid", "example", "localhost", "local", NULL,
};

static const char *const reserved_domains[] = {
	"example.com", "example.net", "example.org", NULL,
};

static bool validate_email(const char *value, size_t len, struct pii_canon *canon)
{
	const char *at = memchr(value, '@', len);
	if (!at || len > 254)
		return false;
	size_t local = (size_t)(at - value);
	if (local == 0 || local > 64)
		return false;
	const char *dom = at + 1;
	size_t dlen = len - local - 1;
	const char *tld = dom;
	for (size_t i = 0; i < dlen; i++)
		if (dom[i] == '.')
			tld = dom + i + 1;
	size_t tlen = (size_t)(dom + dlen - tld);
	if (tld == dom || tlen < 2)
		return false;
	for (size_t i = 0; i < tlen; i++)
		if (!isalpha((unsigned char)tld[i]))
			return false;
	for (const char *const *t = reserved_tlds; *t; t++)
		if (label_eq(tld, tlen, *t))
			return false;
	for (const char *const *t = file_extension_tlds; *t; t++)
		if (label_eq(tld, tlen, *t))
			return false;
	for (const char *const *d = reserved_domains; *d; d++) {
		size_t m = strlen(*d);
		/* the domain itself or any subdomain of it */
		if (dlen >= m && label_eq(dom + dlen - m, m, *d) &&
		    (dlen == m || dom[dlen - m - 1] == '.'))
			return false;
	}
	if (len > sizeof(canon->buf))
		return false;
	for (size_t i = 0; i < len; i++)
		canon->buf[i] = (char)tolower((unsigned char)value[i]);
	canon->len = len;
	return true;
}

/* ---- phone numbers ----------------------------------------------------- */

/* Reads a phone number written with +/00 prefix, spaces, dots, dashes,
 * slashes and parentheses into its digits; a trunk prefix written "(0)"
 * after the country code is dropped. Returns the digit count and sets
 * *intl when the number starts with + or 00 (then the country code is
 * the first digits of out, without the 00). Returns -1 on other text. */
static int phone_digits(const char *v, size_t len, char *out, size_t max,
			bool *intl)
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
		if (c == '(' && i + 2 < len && v[i + 1] == '0' && v[i + 2] == ')' &&
		    *intl && n > 0) {
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

/* Length of the E.164 country code at the start of d, or 0 if d does not
 * start with an assigned zone. Codes are prefix-free: 1 and 7 have one
 * digit, the 2-digit codes are listed, and in the remaining 2-digit
 * prefixes every code has three digits. */
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

/* The national part of a Dutch number (without the trunk 0): nine digits,
 * and not a service number (0800, 0900, 0906, 0909), pager (066) or
 * machine-to-machine (097) number, which do not belong to a person. */
static bool nl_national_ok(const char *d, int n)
{
	if (n != 9 || d[0] == '0')
		return false;
	if (d[0] == '8' && d[1] == '0' && d[2] == '0')
		return false;
	if (d[0] == '9' && d[1] == '0' && (d[2] == '0' || d[2] == '6' || d[2] == '9'))
		return false;
	if (d[0] == '6' && d[1] == '6')
		return false;
	if (d[0] == '9' && d[1] == '7')
		return false;
	if (all_same(d + 1, 8))
		return false;
	return true;
}

static bool validate_phone(const char *value, size_t len, struct pii_canon *canon)
{
	char d[20];
	bool intl;
	int n = phone_digits(value, len, d, sizeof(d), &intl);
	if (n < 8 || n > 15 || !intl || all_same(d, (size_t)n))
		return false;
	int cc = country_code_len(d, n);
	if (!cc)
		return false;
	const char *nat = d + cc;
	int nn = n - cc;
	if (cc == 1 && (nn != 10 || nat[0] < '2' || nat[3] < '2'))
		return false; /* NANP: NXX-NXX-XXXX */
	if (cc == 2 && d[0] == '3' && d[1] == '1' && !nl_national_ok(nat, nn))
		return false;
	if (nn < 6)
		return false;
	canon->buf[0] = '+';
	memcpy(canon->buf + 1, d, (size_t)n);
	canon->len = (size_t)n + 1;
	return true;
}

static bool validate_nl_phone(const char *value, size_t len,
			      struct pii_canon *canon)
{
	char d[20];
	bool intl;
	int n = phone_digits(value, len, d, sizeof(d), &intl);
	const char *nat;
	int nn;
	if (intl) {
		if (n < 2 || d[0] != '3' || d[1] != '1')
			return false;
		nat = d + 2;
		nn = n - 2;
	} else {
		if (n < 1 || d[0] != '0')
			return false;
		nat = d + 1;
		nn = n - 1;
	}
	if (!nl_national_ok(nat, nn))
		return false;
	memcpy(canon->buf, "+31", 3);
	memcpy(canon->buf + 3, nat, 9);
	canon->len = 12;
	return true;
}

/* ---- Dutch postcode ------------------------------------------------------ */

static bool validate_nl_postcode(const char *value, size_t len,
				 struct pii_canon *canon)
{
	char s[6];
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)value[i];
		if (c == ' ')
			continue;
		if (n == sizeof(s))
			return false;
		s[n++] = (char)toupper(c);
	}
	if (n != 6 || s[0] < '1' || s[0] > '9')
		return false;
	for (int i = 1; i < 4; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	if (!isupper((unsigned char)s[4]) || !isupper((unsigned char)s[5]))
		return false;
	/* SA, SD and SS are never issued. */
	if (s[4] == 'S' && (s[5] == 'A' || s[5] == 'D' || s[5] == 'S'))
		return false;
	pii_canon_copy(canon, s, 6);
	return true;
}

/* ---- dates (of birth) ---------------------------------------------------- */

static const struct {
	const char *name;
	int month;
} month_names[] = {
	{"januari", 1}, {"january", 1}, {"jan", 1}, {"februari", 2}, {"february", 2},
	{"feb", 2}, {"maart", 3}, {"march", 3}, {"mrt", 3}, {"mar", 3}, {"april", 4},
	{"apr", 4}, {"mei", 5}, {"may", 5}, {"juni", 6}, {"june", 6}, {"jun", 6},
	{"juli", 7}, {"july", 7}, {"jul", 7}, {"augustus", 8}, {"august", 8}, {"aug", 8},
	{"september", 9}, {"sept", 9}, {"sep", 9}, {"oktober", 10}, {"october", 10},
	{"okt", 10}, {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12},
	{"dec", 12},
};

static int month_of(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof(month_names) / sizeof(month_names[0]); i++)
		if (strlen(month_names[i].name) == n && !strncasecmp(month_names[i].name, s, n))
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

/* A day that can be someone's birthday: a real date from 1900 to this year. */
static bool birth_day(int y, int m, int d)
{
	time_t now = time(NULL);
	struct tm tm;
	int this_year = gmtime_r(&now, &tm) ? tm.tm_year + 1900 : 2100;
	return y >= 1900 && y <= this_year && real_day(y, m, d);
}

/* Reads up to max digits at *p; -1 when there are none. */
static int number_at(const char **p, const char *end, int max)
{
	int v = 0, n = 0;
	while (*p < end && n < max && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n ? v : -1;
}

/* 14-03-1985, 14/3/1985, 14.03.1985 (day first, or month first when the
 * day cannot be), 1985-03-14 (with a time after it, as JSON has it), 14
 * maart 1985, 14 March 1985. The canonical
 * form is 1985-03-14, so one birthday written two ways counts once. */
static bool validate_date(const char *value, size_t len, struct pii_canon *canon)
{
	const char *p = value, *end = value + len;
	int y = -1, m = -1, d = -1;
	int a = number_at(&p, end, 4);
	if (a < 0 || p == end)
		return false;
	if (p - value == 4) { /* year first */
		y = a;
		if (*p != '-' && *p != '/' && *p != '.')
			return false;
		p++;
		m = number_at(&p, end, 2);
		if (p == end || (*p != '-' && *p != '/' && *p != '.'))
			return false;
		p++;
		d = number_at(&p, end, 2);
		if (p < end && *p == 'T')
			p = end; /* a time of day after it: 1985-03-14T00:00:00Z */
	} else if (*p == ' ') {
		d = a;
		const char *w = ++p;
		while (p < end && isalpha((unsigned char)*p))
			p++;
		m = month_of(w, (size_t)(p - w));
		if (p < end && *p == '.')
			p++;
		if (p == end || *p != ' ')
			return false;
		p++;
		y = number_at(&p, end, 4);
	} else {
		char sep = *p++;
		int b = number_at(&p, end, 2);
		if (p == end || *p != sep)
			return false;
		p++;
		const char *ys = p;
		y = number_at(&p, end, 4);
		if (p - ys != 4)
			return false;
		d = a;
		m = b;
		if (!real_day(y, m, d)) { /* month first */
			d = b;
			m = a;
		}
	}
	if (p != end || !birth_day(y, m, d))
		return false;
	canon->len = (size_t)snprintf(canon->buf, sizeof(canon->buf), "%04d-%02d-%02d", y, m, d);
	return true;
}

/* ---- lookup ---------------------------------------------------------------- */

static const struct {
	const char *name;
	pii_validator_fn fn;
} validators[] = {
	{"luhn", validate_luhn},
	{"iban", validate_iban},
	{"elfproef", validate_elfproef},
	{"ipv4", validate_ipv4},
	{"ipv6", validate_ipv6},
	{"email", validate_email},
	{"phone", validate_phone},
	{"nl_phone", validate_nl_phone},
	{"person_name", pii_name_validate},
	{"nl_postcode", validate_nl_postcode},
	{"date", validate_date},
};

#define N_VALIDATORS (sizeof(validators) / sizeof(validators[0]))

pii_validator_fn pii_validator_find(const char *name)
{
	for (size_t i = 0; i < N_VALIDATORS; i++)
		if (!strcmp(validators[i].name, name))
			return validators[i].fn;
	return NULL;
}

const char *const *pii_validator_names(void)
{
	static const char *names[N_VALIDATORS + 1];
	for (size_t i = 0; i < N_VALIDATORS; i++)
		names[i] = validators[i].name;
	names[N_VALIDATORS] = NULL;
	return names;
}
