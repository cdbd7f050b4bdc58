/*
 * precheck.c - necessary conditions on a run, cheaper than a regex call.
 */
#include "pii_precheck.h"
#include "pii_validate.h"

#include <string.h>

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Whether run[i] starts a word: the run's start or after a byte that is
 * no letter. */
static bool word_start(const unsigned char *run, size_t i)
{
	if (i == 0)
		return true;
	unsigned char b = run[i - 1] | 0x20;
	return !(b >= 'a' && b <= 'z') && run[i - 1] < 0x80;
}

/* The length of the run of digits at run[i..), at most len - i. */
static size_t digits_at(const unsigned char *run, size_t len, size_t i)
{
	size_t j = i;
	while (j < len && is_digit(run[j]))
		j++;
	return j - i;
}

static bool is_capital(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

/* The national identifiers' shapes that the n digits run[i..j) begin
 * (PII_SHAPE_*): a number that no digit precedes, then what follows. */
static uint32_t id_shapes(const unsigned char *run, size_t len, size_t i, size_t j, size_t n)
{
	unsigned char next = j < len ? run[j] : 0;
	uint32_t shapes = 0;
	if ((n == 6 || n == 8) && (next == '-' || next == '+') && digits_at(run, len, j + 1) >= 4)
		shapes |= PII_SHAPE_DATE_DASH4;
	if (n == 6 && (next == '-' || next == '+' || is_capital(next)) &&
	    digits_at(run, len, j + 1) >= 3)
		shapes |= PII_SHAPE_DATE_CENTURY3;
	if (n == 2 && i + 9 <= len && run[i + 2] == '.' && run[i + 5] == '.' && run[i + 8] == '-' &&
	    is_digit(run[i + 3]) && is_digit(run[i + 4]) && is_digit(run[i + 6]) &&
	    is_digit(run[i + 7]))
		shapes |= PII_SHAPE_DOTTED_DATE;
	if (n == 7) {
		unsigned char b1 = i >= 1 ? run[i - 1] : 0, b2 = i >= 2 ? run[i - 2] : 0;
		if (b1 == 'X' || b1 == 'Y' || b1 == 'Z' ||
		    (b1 == '-' && (b2 == 'X' || b2 == 'Y' || b2 == 'Z')))
			shapes |= PII_SHAPE_XYZ_D7;
		if (is_capital(next))
			shapes |= PII_SHAPE_D7_CAPITAL;
	}
	return shapes;
}

void pii_run_profile(const unsigned char *run, size_t len, struct pii_run_profile *p)
{
	/* Locals, written back at the end: stores through p would be made on
	 * every byte. Numbers are taken whole, in a tight loop. */
	uint32_t digits = 0, upper = 0;
	bool d9 = false, d13_19 = false, group4 = false, group34 = false;
	bool group3 = false, postcode = false;
	uint32_t shapes = 0;
	int64_t at_plus = -1, at_00 = -1, at_0 = -1; /* digits before each marker */
	size_t i = 0;
	while (i < len) {
		unsigned char c = run[i];
		if (is_digit(c)) {
			/* a 0 that begins a number, not glued to one before it by
			 * '+', '.', '/' or '-' (no phone number starts so: the
			 * rules' (?<![\w+.\/`-])) */
			unsigned char before = i ? run[i - 1] : ' ';
			if (c == '0' && before != '+' && before != '.' && before != '/' &&
			    before != '-') {
				if (at_0 < 0)
					at_0 = digits;
				if (at_00 < 0 && i + 1 < len && run[i + 1] == '0')
					at_00 = digits;
			}
			size_t j = i + 1;
			while (j < len && is_digit(run[j]))
				j++;
			size_t n = j - i;
			unsigned char next = j < len ? run[j] : 0;
			digits += (uint32_t)n;
			d9 |= n == 9;
			d13_19 |= n >= 13 && n <= 19;
			group4 |= n == 4 && (next == ' ' || next == '-') && j + 1 < len &&
				  is_digit(run[j + 1]);
			group34 |= (n == 3 || n == 4) && next == '.';
			group3 |= n == 3 && (next == ' ' || next == '.' || next == '-' || next == ')');
			if (n == 2 || (n >= 6 && n <= 8))
				shapes |= id_shapes(run, len, i, j, n);
			if (n == 4 && c != '0') { /* 1234 AB, 1234AB */
				size_t k = j + (next == ' ');
				postcode |= k + 1 < len && run[k] >= 'A' && run[k] <= 'Z' &&
					    run[k + 1] >= 'A' && run[k + 1] <= 'Z';
			}
			i = j;
			continue;
		}
		if (c >= 'A' && c <= 'Z') {
			upper++;
		} else if (c == '+') {
			if (at_plus < 0)
				at_plus = digits;
		} else if (c == '(' && i + 1 < len && run[i + 1] == '0') {
			if (at_0 < 0)
				at_0 = digits;
		}
		i++;
	}
	p->digits = digits;
	p->upper = upper;
	p->digits_9 = d9;
	p->digits_13_19 = d13_19;
	p->group4_sep = group4;
	p->group34_dot = group34;
	p->group3_sep = group3;
	p->postcode_shape = postcode;
	p->after_plus = at_plus < 0 ? 0 : digits - (uint32_t)at_plus;
	p->after_00 = at_00 < 0 ? 0 : digits - (uint32_t)at_00;
	p->after_0 = at_0 < 0 ? 0 : digits - (uint32_t)at_0;
	p->shapes = shapes;
	/* "+" counts for a Dutch number too: +31 ... */
	if (p->after_plus > p->after_0)
		p->after_0 = p->after_plus;
}

/* "+" and seven more digits, or "00" and nine (00 + country + number). */
static bool check_phone_intl(const struct pii_run_profile *p)
{
	return p->after_plus >= 7 || p->after_00 >= 9;
}

/* A Dutch number starts with +, or with a 0 that begins a number, and
 * has at least ten digits from there. */
static bool check_nl_phone(const struct pii_run_profile *p)
{
	return p->after_0 >= 10;
}

/* "::", or the eight groups of a full address (seven ':'). */
static bool check_ipv6(const unsigned char *run, size_t len)
{
	unsigned colons = 0;
	const unsigned char *c = run, *end = run + len;
	while ((c = memchr(c, ':', (size_t)(end - c))) != NULL) {
		if (++colons >= 7 || (c + 1 < end && c[1] == ':'))
			return true;
		c++;
	}
	return false;
}

/* Two capital letters: an IBAN's country code, a postcode's letters. */
static bool check_upper2(const struct pii_run_profile *p)
{
	return p->upper >= 2;
}

/* A card number: 13 to 19 digits in a row, or a group of four digits
 * followed by a space or dash and more digits (4-4-4-4, 4-6-5). */
static bool check_card(const struct pii_run_profile *p)
{
	return p->digits_13_19 || p->group4_sep;
}

/* A BSN: exactly nine digits in a row, or three or four digits followed
 * by a dot (1234.56.782, 123.456.789). */
static bool check_bsn(const struct pii_run_profile *p)
{
	return p->digits_9 || p->group34_dot;
}

/* A national number from its 0, or an international one from its +:
 * at least 6 (DE: 0 and an area code of 2 and a number of 3), 9 (BE:
 * 0 and 8) or 10 digits (NL, FR, UK) from there. */
static bool check_phone_0_6(const struct pii_run_profile *p)
{
	return p->after_0 >= 6;
}

static bool check_phone_0_9(const struct pii_run_profile *p)
{
	return p->after_0 >= 9;
}

/* A North American number: ten digits, three of them a group ("(555)
 * 123-4567", "555.123.4567"). */
static bool check_us_phone(const struct pii_run_profile *p)
{
	return p->digits >= 10 && p->group3_sep;
}

/* A Dutch postcode: four digits, the first no 0, and two capitals. */
static bool check_nl_postcode(const struct pii_run_profile *p)
{
	return p->postcode_shape;
}

/* A given and a family name, or an initial and a name: two words that
 * start with a capital and go on in lower case, '.' or '\'' ("Jan",
 * "F.", "O'Brien"), or with a Latin letter with a mark ("Émile"). */
static bool check_two_capital_words(const unsigned char *run, size_t len)
{
	unsigned words = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = run[i];
		if (c >= 'A' && c <= 'Z') {
			unsigned char next = i + 1 < len ? run[i + 1] : 0;
			words += word_start(run, i) && ((next >= 'a' && next <= 'z') || next == '.' ||
							next == '\'' || next >= 0x80);
		} else if (c >= 0xC3 && c <= 0xC9) {
			words += word_start(run, i);
		}
		if (words >= 2)
			return true;
	}
	return false;
}

/* An '@' written to dodge harvesters: "(at)", "[at]", "{at}" (any case),
 * "%40". */
static bool check_at_word(const unsigned char *run, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = run[i];
		if ((c == '(' || c == '[' || c == '{') && i + 3 < len &&
		    (run[i + 1] | 0x20) == 'a' && (run[i + 2] | 0x20) == 't' &&
		    run[i + 3] == (c == '(' ? ')' : c + 2))
			return true;
		if (c == '%' && i + 2 < len && run[i + 1] == '4' && run[i + 2] == '0')
			return true;
	}
	return false;
}

/* A role's mailbox (info@, noreply@). An address's local part starts
 * where no letter, digit or "._%+-" comes before it: in a run, at its
 * start, after an '@' or after a byte of a character beyond ASCII that
 * may be none ("\u20acinfo@"); each such start before an '@' is looked up. */
static bool check_email_role(const unsigned char *run, size_t len)
{
	size_t segment = 0; /* where the bytes since the last '@' start */
	for (size_t i = 0; i < len; i++) {
		if (run[i] != '@')
			continue;
		for (size_t q = segment; q < i; q++)
			if ((q == segment || run[q - 1] >= 0x80) && run[q] < 0x80 &&
			    pii_email_role_local((const char *)run + q, i - q))
				return true;
		segment = i + 1;
	}
	return false;
}

/* A private, shared or link-local IPv4 address (10/8, 100.64/10,
 * 169.254/16, 172.16/12, 192.168/16) by its first number: the rule's
 * match starts where the run of digits and dots does. */
static bool check_ipv4_private(const unsigned char *run, size_t len)
{
	unsigned first = 0;
	size_t i = 0;
	while (i < len && i < 4 && is_digit(run[i]))
		first = first * 10 + (unsigned)(run[i++] - '0');
	return i < len && run[i] == '.' &&
	       (first == 10 || first == 100 || first == 169 || first == 172 || first == 192);
}

/* The national identifiers' shapes: each true where its rule's pattern
 * could match. */
static bool check_date_dash4(const struct pii_run_profile *p)
{
	return p->shapes & PII_SHAPE_DATE_DASH4;
}

static bool check_date_century3(const struct pii_run_profile *p)
{
	return p->shapes & PII_SHAPE_DATE_CENTURY3;
}

static bool check_dotted_date_dash(const struct pii_run_profile *p)
{
	return p->shapes & PII_SHAPE_DOTTED_DATE;
}

static bool check_xyz_digits7(const struct pii_run_profile *p)
{
	return p->shapes & PII_SHAPE_XYZ_D7;
}

static bool check_digits7_letter(const struct pii_run_profile *p)
{
	return p->shapes & PII_SHAPE_D7_CAPITAL;
}

#define ON_PROFILE(fn) {fn, NULL}
#define ON_RUN(fn) {NULL, fn}

static const struct {
	const char *name;
	struct pii_precheck check;
} checks[] = {
	{"card", ON_PROFILE(check_card)},
	{"bsn", ON_PROFILE(check_bsn)},
	{"phone_intl", ON_PROFILE(check_phone_intl)},
	{"nl_phone", ON_PROFILE(check_nl_phone)},
	{"ipv6", ON_RUN(check_ipv6)},
	{"upper2", ON_PROFILE(check_upper2)},
	{"at_word", ON_RUN(check_at_word)},
	{"two_capital_words", ON_RUN(check_two_capital_words)},
	{"ipv4_private", ON_RUN(check_ipv4_private)},
	{"email_role", ON_RUN(check_email_role)},
	{"phone_0_6", ON_PROFILE(check_phone_0_6)},
	{"phone_0_9", ON_PROFILE(check_phone_0_9)},
	{"phone_0_10", ON_PROFILE(check_nl_phone)},
	{"us_phone", ON_PROFILE(check_us_phone)},
	{"nl_postcode", ON_PROFILE(check_nl_postcode)},
	{"date_dash4", ON_PROFILE(check_date_dash4)},
	{"date_century3", ON_PROFILE(check_date_century3)},
	{"dotted_date_dash", ON_PROFILE(check_dotted_date_dash)},
	{"xyz_digits7", ON_PROFILE(check_xyz_digits7)},
	{"digits7_letter", ON_PROFILE(check_digits7_letter)},
};

const struct pii_precheck *pii_precheck_find(const char *name)
{
	for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++)
		if (!strcmp(checks[i].name, name))
			return &checks[i].check;
	return NULL;
}
