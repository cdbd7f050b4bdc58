/*
 * pii_precheck.h - cheap tests on a run of text that a rule's matches
 * cannot do without (a '+' or "00" for an international phone number,
 * "::" or seven ':' for an IPv6 address). The matcher skips the PCRE2 call
 * when the test fails. Named from rule packs (prefilter: check:), like
 * validators; each must only say "no" when no match is possible.
 *
 * The tests read a profile of the run, made in one pass and shared by
 * every rule that runs on it.
 */
#ifndef PII_PRECHECK_H
#define PII_PRECHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct pii_run_profile {
	uint32_t digits;          /* 0-9 */
	uint32_t upper;           /* A-Z */
	bool digits_9;            /* a run of exactly nine digits */
	bool digits_13_19;        /* a run of 13 to 19 digits */
	bool group4_sep;          /* four digits, a space or dash, a digit */
	bool group34_dot;         /* three or four digits and a dot */
	bool group3_sep;          /* three digits, then ' ', '.', '-' or ')' */
	bool postcode_shape;      /* four digits (no leading 0), maybe a
				   * space, two capitals */
	/* digits from the first '+' / first "00" that starts a number / first
	 * '0' or "(0" that starts a number, to the end of the run; a number
	 * right after '+', '.', '/' or '-' starts none ("2024-03-10") */
	uint32_t after_plus, after_00, after_0;
	/* national identifiers' make-up, a bit each (PII_SHAPE_*) */
	uint32_t shapes;
};

enum {
	PII_SHAPE_DATE_DASH4 = 1u << 0,    /* 6 or 8 digits, '-' or '+', 4 digits */
	PII_SHAPE_DATE_CENTURY3 = 1u << 1, /* 6 digits, '-', '+' or A-Z, 3 digits */
	PII_SHAPE_DOTTED_DATE = 1u << 2,   /* dd.dd.dd- */
	PII_SHAPE_XYZ_D7 = 1u << 3,        /* X, Y or Z, maybe '-', 7 digits */
	PII_SHAPE_D7_CAPITAL = 1u << 4,    /* 7 digits and a capital */
};

/* Profiles run[0..len) in one pass. */
void pii_run_profile(const unsigned char *run, size_t len, struct pii_run_profile *p);

/* A check: whether a run may hold a match. Most read the run's profile,
 * made once for all the rules that run there; one that needs a single
 * property (a "::", an "(at)", two capitalised words) looks at the run
 * itself and stops as soon as it knows: its group's runs are long lines
 * of prose, where a whole profile costs more than the answer. */
struct pii_precheck {
	bool (*on_profile)(const struct pii_run_profile *p); /* or NULL */
	bool (*on_run)(const unsigned char *run, size_t len);
};

/* NULL when there is no check of that name. */
const struct pii_precheck *pii_precheck_find(const char *name);

#endif
