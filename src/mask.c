/*
 * mask.c - the masks rule packs refer to by name.
 *
 * A mask keeps what helps a privacy officer judge a location (the kind of
 * value, its country, the network it is in) and hides what identifies the
 * person. Separators are kept so the shape stays recognisable.
 */
#include "pii_mask.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pii_mrz.h"
#include "pii_validate.h"

/* Copies value into out, keeping the first `keep` letters and digits and
 * replacing every later one with '*'. */
static size_t mask_from(const char *value, size_t len, char *out, size_t outsz,
			size_t keep)
{
	size_t n = 0, seen = 0;
	if (!outsz)
		return 0;
	for (size_t i = 0; i < len && n + 1 < outsz; i++) {
		unsigned char c = (unsigned char)value[i];
		if (isalnum(c)) {
			out[n++] = seen < keep ? (char)c : '*';
			seen++;
		} else if (c >= 0x80) {
			/* Non-ASCII letters are identifying too. */
			if ((c & 0xC0) != 0x80)
				out[n++] = '*';
		} else {
			out[n++] = (char)c;
		}
	}
	out[n] = '\0';
	return n;
}

/* Every letter and digit hidden: national IDs, card numbers, and the
 * default for any rule that does not name a mask. */
static size_t mask_whole(const char *value, size_t len, char *out, size_t outsz)
{
	return mask_from(value, len, out, outsz, 0);
}

/* The word as found, for the special categories' rules: "ziekmelding"
 * names the kind of data, not the person (who is in the file's other
 * findings), and shows the officer why the file is flagged. Cut on a
 * character boundary. */
static size_t mask_keyword(const char *value, size_t len, char *out, size_t outsz)
{
	size_t n = len < outsz - 1 ? len : outsz - 1;
	while (n < len && n > 0 && ((unsigned char)value[n] & 0xC0) == 0x80)
		n--;
	memcpy(out, value, n);
	out[n] = '\0';
	return n;
}

/* j***@d***.nl: first letter of the mailbox and the domain, and the
 * top-level domain, which says whether it is a company or a private
 * address and which country. */
static size_t mask_email(const char *value, size_t len, char *out, size_t outsz)
{
	const char *at = memchr(value, '@', len);
	const char *dot = NULL;
	for (size_t i = len; i-- > 0;)
		if (value[i] == '.') {
			dot = value + i;
			break;
		}
	if (!at || !dot || dot < at || outsz < 16 || (size_t)(value + len - dot) > outsz - 12)
		return mask_whole(value, len, out, outsz);
	/* The first character, whole: the mailbox may start with "ü". */
	size_t n = 1;
	while (n < (size_t)(at - value) && n < 4 && ((unsigned char)value[n] & 0xC0) == 0x80)
		n++;
	memcpy(out, value, n);
	memcpy(out + n, "***@", 4);
	n += 4;
	if (at + 1 < dot)
		out[n++] = at[1];
	memcpy(out + n, "***", 3);
	n += 3;
	size_t tl = (size_t)(value + len - dot);
	memcpy(out + n, dot, tl);
	n += tl;
	out[n] = '\0';
	return n;
}

/* +31 6 ** ** ** **: the country or area prefix stays, the subscriber
 * number goes. */
static size_t mask_phone(const char *value, size_t len, char *out, size_t outsz)
{
	return mask_from(value, len, out, outsz, 2);
}

/* 81.204.*.*: the network, not the host. */
static size_t mask_ipv4(const char *value, size_t len, char *out, size_t outsz)
{
	size_t n = 0, dots = 0;
	if (!outsz)
		return 0;
	for (size_t i = 0; i < len && n + 1 < outsz; i++) {
		char c = value[i];
		if (c == '.') {
			dots++;
			out[n++] = c;
		} else if (dots < 2) {
			out[n++] = c;
		} else if (!n || out[n - 1] != '*') {
			out[n++] = '*';
		}
	}
	out[n] = '\0';
	return n;
}

/* 2a02:a45f:****:...: the first two groups (the provider's prefix). */
static size_t mask_ipv6(const char *value, size_t len, char *out, size_t outsz)
{
	size_t n = 0, colons = 0;
	if (!outsz)
		return 0;
	for (size_t i = 0; i < len && n + 1 < outsz; i++) {
		char c = value[i];
		if (c == ':') {
			colons++;
			out[n++] = c;
		} else if (colons < 2) {
			out[n++] = c;
		} else {
			out[n++] = '*';
		}
	}
	out[n] = '\0';
	return n;
}

/* NL** **** ****: the country only. */
static size_t mask_iban(const char *value, size_t len, char *out, size_t outsz)
{
	return mask_from(value, len, out, outsz, 2);
}

/* 12** **: the region, not the street. */
static size_t mask_postcode(const char *value, size_t len, char *out, size_t outsz)
{
	return mask_from(value, len, out, outsz, 2);
}

/* J** de V****: the first letter of each part of a name. */
static size_t mask_name(const char *value, size_t len, char *out, size_t outsz)
{
	size_t n = 0;
	bool word_start = true;
	if (!outsz)
		return 0;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)value[i];
		size_t clen = 1; /* bytes of this UTF-8 character */
		while (c >= 0x80 && i + clen < len && ((unsigned char)value[i + clen] & 0xC0) == 0x80)
			clen++;
		bool letter = isalpha(c) || c >= 0x80;
		if (letter && !word_start) {
			if (n + 2 > outsz)
				break;
			out[n++] = '*';
		} else {
			if (n + clen + 1 > outsz)
				break;
			memcpy(out + n, value + i, clen);
			n += clen;
			word_start = !letter && (c == ' ' || c == '-');
		}
		i += clen;
	}
	out[n] = '\0';
	return n;
}

/* Appends to out[*n..outsz), cut at its end. */
static void append(char *out, size_t outsz, size_t *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int w = vsnprintf(out + *n, outsz - *n, fmt, ap);
	va_end(ap);
	if (w > 0)
		*n += (size_t)w < outsz - *n ? (size_t)w : outsz - *n - 1;
}

static const char *mrz_kind(const char *doc_code)
{
	if (doc_code[0] == 'P')
		return "passport";
	if (!strcmp(doc_code, "AC"))
		return "crew member certificate";
	if (doc_code[0] == 'I')
		return "identity card";
	return "travel document";
}

/* The century of a two-digit year of birth: no one is born in the
 * future. */
static int birth_century(const char *yymmdd)
{
	time_t now = time(NULL);
	struct tm tm;
	int yy = (yymmdd[0] - '0') * 10 + (yymmdd[1] - '0');
	if (!gmtime_r(&now, &tm))
		return 19;
	return yy > tm.tm_year % 100 ? 19 : 20;
}

/* A summary of an identity document's MRZ, not the MRZ: what it is, who
 * issued it, the century of birth (a child's document or not), the year
 * it expires (whether the copy is of a document still in use, which says
 * how long it may be kept) and the holder's initials, as the name mask
 * writes them ("passport NLD, no. *********, born 19**, expires 2024,
 * W.L. D* B*****, with BSN"). Never the document number (the number of a
 * document is as identifying as a national ID: masked whole), the date of
 * birth, nor the personal number: only whether there is one, and for the
 * Netherlands whether it is a BSN, which the law restricts. Not a valid
 * MRZ: masked whole. */
static size_t mask_mrz(const char *value, size_t len, char *out, size_t outsz)
{
	struct pii_mrz m;
	if (!outsz || !pii_mrz_parse(value, len, &m))
		return mask_whole(value, len, out, outsz);
	size_t n = 0;
	out[0] = '\0';
	append(out, outsz, &n, "%s %s, no. ", mrz_kind(m.doc_code), m.issuer);
	for (size_t i = 0; m.number[i]; i++)
		append(out, outsz, &n, "*");
	/* documents run ten years at most: 60-99 expired last century */
	int yy = (m.expiry[0] - '0') * 10 + (m.expiry[1] - '0');
	append(out, outsz, &n, ", born %d**, expires %d%02d, ", birth_century(m.birth),
	       yy >= 60 ? 19 : 20, yy);
	bool initial = true;
	for (const char *g = m.given; *g; g++) {
		if (*g != ' ' && initial)
			append(out, outsz, &n, "%c.", *g);
		initial = *g == ' ';
	}
	if (m.given[0])
		append(out, outsz, &n, " ");
	initial = true;
	for (const char *s = m.surname; *s; s++) {
		append(out, outsz, &n, "%c", initial || *s == ' ' ? *s : '*');
		initial = *s == ' ';
	}
	if (m.personal[0]) {
		struct pii_canon bsn;
		pii_validator_fn elfproef = pii_validator_find("elfproef");
		bool dutch = !strcmp(m.issuer, "NLD") || !strcmp(m.nationality, "NLD");
		append(out, outsz, &n, dutch && elfproef && elfproef(m.personal, strlen(m.personal), &bsn)
					       ? ", with BSN"
					       : ", with personal no.");
	}
	return n;
}

/* 52.4, 4.9: a position to a tenth of a degree, some 10 km: the region,
 * not the house. */
static size_t mask_gps(const char *value, size_t len, char *out, size_t outsz)
{
	char s[64];
	if (!outsz || len >= sizeof(s))
		return mask_whole(value, len, out, outsz);
	memcpy(s, value, len);
	s[len] = '\0';
	/* the two numbers, and what stands between them */
	char *lat_end, *lon_end;
	double lat = strtod(s, &lat_end);
	char *lon_start = lat_end;
	while (*lon_start == ',' || *lon_start == ';' || *lon_start == ' ')
		lon_start++;
	double lon = strtod(lon_start, &lon_end);
	if (lat_end == s || lon_end == lon_start || *lon_end || !isfinite(lat) || !isfinite(lon))
		return mask_whole(value, len, out, outsz);
	/* + 0.0: a tenth rounded to zero is "0.0", not "-0.0" */
	int n = snprintf(out, outsz, "%.1f%.*s%.1f", round(lat * 10) / 10 + 0.0,
			 (int)(lon_start - lat_end), lat_end, round(lon * 10) / 10 + 0.0);
	if (n < 0)
		return mask_whole(value, len, out, outsz);
	return (size_t)n < outsz ? (size_t)n : outsz - 1;
}

static const struct {
	const char *name;
	pii_mask_fn fn;
} masks[] = {
	{"name", mask_name},
	{"whole", mask_whole},
	{"keyword", mask_keyword},
	{"email", mask_email},
	{"phone", mask_phone},
	{"ipv4", mask_ipv4},
	{"ipv6", mask_ipv6},
	{"iban", mask_iban},
	{"postcode", mask_postcode},
	{"gps", mask_gps},
	{"mrz", mask_mrz},
};

#define N_MASKS (sizeof(masks) / sizeof(masks[0]))

pii_mask_fn pii_mask_find(const char *name)
{
	for (size_t i = 0; i < N_MASKS; i++)
		if (!strcmp(masks[i].name, name))
			return masks[i].fn;
	return NULL;
}

const char *const *pii_mask_names(void)
{
	static const char *names[N_MASKS + 1];
	for (size_t i = 0; i < N_MASKS; i++)
		names[i] = masks[i].name;
	names[N_MASKS] = NULL;
	return names;
}
