/*
 * validate_card.c - payment card numbers: the Luhn check digit, and a
 * range a card brand really issues with the length it issues there; not
 * the test numbers of payment providers' documentation, nor numbers made
 * of a repeated or counting pattern.
 */
#include "validators.h"

#include <string.h>

struct card_brand {
	unsigned lo, hi;     /* prefix range, inclusive */
	unsigned digits;     /* length of the prefix */
	unsigned min, max;   /* card number length */
};

/* Issuer identification ranges of the card brands in use in Europe and
 * the US (ISO/IEC 7812 as published by the schemes). */
static const struct card_brand card_brands[] = {
	{4, 4, 1, 13, 19},              /* Visa: 13, 16 or 19 (below) */
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

static bool issued(const char *d, size_t n)
{
	for (size_t b = 0; b < sizeof(card_brands) / sizeof(card_brands[0]); b++) {
		const struct card_brand *cb = &card_brands[b];
		if (n < cb->min || n > cb->max || n < cb->digits)
			continue;
		unsigned prefix = 0;
		for (unsigned i = 0; i < cb->digits; i++)
			prefix = prefix * 10 + (unsigned)(d[i] - '0');
		if (prefix >= cb->lo && prefix <= cb->hi)
			return d[0] != '4' || n == 13 || n == 16 || n == 19;
	}
	return false;
}

/* Numbers from payment providers' test documentation: on a share they
 * are in code, tests and manuals, never on a person's card. */
static const char *const test_numbers[] = {
	"4111111111111111", "4242424242424242", "4000056655665556", "4012888888881881",
	"4222222222222", "4000000000000002", "4000000000000077", "4000000000003220",
	"4917610000000000", "4462030000000000", "5555555555554444", "5105105105105100",
	"5200828282828210", "2223003122003222", "2223000048400011", "378282246310005",
	"371449635398431", "378734493671000", "6011111111111117", "6011000990139424",
	"6011000000000004", "3530111333300000", "3566002020360505", "30569309025904",
	"38520000023237", "36227206271667", "6200000000000005", "6759649826438453",
	"5019717010103742", NULL,
};

/* A number made of a pattern: the same digit or the same group of two
 * to four digits over and over (4111 1111 1111 1111, 4242 4242...),
 * counting (1234 5678 9012 3456), or groups counting in steps. */
static bool patterned(const char *d, size_t n)
{
	for (size_t period = 1; period <= 4; period++) {
		size_t same = 0;
		for (size_t i = 1 + period; i < n; i++)
			same += d[i] == d[i - period];
		if (same + period + 2 >= n) /* all but the first and the check digit */
			return true;
	}
	size_t up = 0;
	for (size_t i = 1; i < n; i++)
		up += d[i] == (char)((d[i - 1] - '0' + 1) % 10 + '0');
	if (up + 3 >= n)
		return true;
	/* a group of four repeated: 2650 1514 1514 1514 */
	if (n == 16 && !memcmp(d + 4, d + 8, 4) && !memcmp(d + 8, d + 12, 4))
		return true;
	/* four groups of four going up by about the same step: coordinates
	 * of a drawing (5428 5462 5496 5531), no card */
	if (n == 16) {
		int g[4];
		for (int k = 0; k < 4; k++)
			g[k] = (d[4 * k] - '0') * 1000 + (d[4 * k + 1] - '0') * 100 +
			       (d[4 * k + 2] - '0') * 10 + (d[4 * k + 3] - '0');
		int s1 = g[1] - g[0], s2 = g[2] - g[1], s3 = g[3] - g[2];
		int lo = s1 < s2 ? (s1 < s3 ? s1 : s3) : (s2 < s3 ? s2 : s3);
		int hi = s1 > s2 ? (s1 > s3 ? s1 : s3) : (s2 > s3 ? s2 : s3);
		if (lo > 0 && hi - lo <= 2)
			return true;
	}
	return false;
}

bool pii_validate_card(const char *value, size_t len, struct pii_canon *canon)
{
	char d[24];
	int sn = pii_collect_digits(value, len, " -", d, sizeof(d));
	if (sn < 12 || sn > 19)
		return false;
	size_t n = (size_t)sn;
	if (!pii_luhn_ok(d, n) || !issued(d, n) || patterned(d, n))
		return false;
	for (const char *const *t = test_numbers; *t; t++)
		if (strlen(*t) == n && !memcmp(*t, d, n))
			return false;
	memcpy(canon->buf, d, n);
	canon->len = n;
	return true;
}
