/*
 * precheck.c - necessary conditions on a run, cheaper than a regex call.
 */
#include "pii_precheck.h"

#include <string.h>

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Digits in run[from..len). */
static size_t digits_from(const unsigned char *run, size_t from, size_t len)
{
	size_t n = 0;
	for (size_t i = from; i < len; i++)
		n += is_digit(run[i]);
	return n;
}

/* "+" or "00", then at least seven more digits. */
static bool check_phone_intl(const unsigned char *run, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (run[i] == '+' && digits_from(run, i, len) >= 7)
			return true;
		if (run[i] == '0' && i + 1 < len && run[i + 1] == '0' &&
		    (i == 0 || !is_digit(run[i - 1]))) {
			if (digits_from(run, i, len) >= 9)
				return true;
			i++;
		}
	}
	return false;
}

/* A Dutch number starts with +, or with a 0 that begins a group of
 * digits, and has at least ten digits from there. */
static bool check_nl_phone(const unsigned char *run, size_t len)
{
	size_t after = digits_from(run, 0, len); /* digits in run[i..len) */
	for (size_t i = 0; i < len; i++) {
		unsigned char c = run[i];
		if (after < 10)
			return false;
		if (c == '+' || (c == '0' && (i == 0 || !is_digit(run[i - 1]))) ||
		    (c == '(' && i + 1 < len && run[i + 1] == '0'))
			return true;
		after -= is_digit(c);
	}
	return false;
}

/* "::", or the eight groups of a full address (seven ':'). */
static bool check_ipv6(const unsigned char *run, size_t len)
{
	size_t colons = 0;
	for (size_t i = 0; i < len; i++) {
		if (run[i] != ':')
			continue;
		if (i + 1 < len && run[i + 1] == ':')
			return true;
		colons++;
	}
	return colons >= 7;
}

/* Two capital letters: an IBAN's country code, a postcode's letters. */
static bool check_upper2(const unsigned char *run, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (run[i] >= 'A' && run[i] <= 'Z' && ++n == 2)
			return true;
	return false;
}

/* Length of the run of digits at run[i..len). */
static size_t digit_run(const unsigned char *run, size_t i, size_t len)
{
	size_t j = i;
	while (j < len && is_digit(run[j]))
		j++;
	return j - i;
}

/* A card number: 13 to 19 digits in a row, or a group of four digits
 * followed by a space or dash and more digits (4-4-4-4, 4-6-5). */
static bool check_card(const unsigned char *run, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t n = digit_run(run, i, len);
		if (!n) {
			i++;
			continue;
		}
		if (n >= 13 && n <= 19)
			return true;
		if (n == 4 && i + 5 < len && (run[i + 4] == ' ' || run[i + 4] == '-') &&
		    is_digit(run[i + 5]))
			return true;
		i += n;
	}
	return false;
}

/* A BSN: exactly nine digits in a row, or three or four digits followed
 * by a dot (1234.56.782, 123.456.789). */
static bool check_bsn(const unsigned char *run, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t n = digit_run(run, i, len);
		if (!n) {
			i++;
			continue;
		}
		if (n == 9 || ((n == 3 || n == 4) && i + n < len && run[i + n] == '.'))
			return true;
		i += n;
	}
	return false;
}

static const struct {
	const char *name;
	pii_precheck_fn fn;
} checks[] = {
	{"card", check_card},
	{"bsn", check_bsn},
	{"phone_intl", check_phone_intl},
	{"nl_phone", check_nl_phone},
	{"ipv6", check_ipv6},
	{"upper2", check_upper2},
};

pii_precheck_fn pii_precheck_find(const char *name)
{
	for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++)
		if (!strcmp(checks[i].name, name))
			return checks[i].fn;
	return NULL;
}
