/*
 * validate_digits.c - what the validators of every kind share: the
 * canonical copy of a value and its digits. Its own file so that the
 * table (validate.c) and the validators of each kind (validate_*.c)
 * depend on it and not on each other.
 */
#include <ctype.h>
#include <string.h>

#include "validators.h"

void pii_canon_copy(struct pii_canon *canon, const char *value, size_t len)
{
	if (len > sizeof(canon->buf))
		len = sizeof(canon->buf);
	memcpy(canon->buf, value, len);
	canon->len = len;
}

int pii_collect_digits(const char *value, size_t len, const char *seps,
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

int pii_collect_alnum(const char *value, size_t len, const char *seps, char *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)value[i];
		if (c && strchr(seps, c))
			continue;
		if (n == max || !isalnum(c))
			return -1;
		out[n++] = (char)toupper(c);
	}
	return (int)n;
}

int pii_collect_date_digits(const char *value, size_t len, char *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		char c = value[i];
		if (c >= '0' && c <= '9' && n < max)
			out[n++] = c;
		else if (!((c == '-' || c == ' ') && n == 6 && value[i - 1] >= '0'))
			return -1; /* one separator, after the first six */
	}
	return (int)n;
}

bool pii_all_same(const char *d, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (d[i] != d[0])
			return false;
	return true;
}
