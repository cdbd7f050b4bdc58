/*
 * mask.c - the masks rule packs refer to by name.
 *
 * A mask keeps what helps a privacy officer judge a location (the kind of
 * value, its country, the network it is in) and hides what identifies the
 * person. Separators are kept so the shape stays recognisable.
 */
#include "pii_mask.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

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
