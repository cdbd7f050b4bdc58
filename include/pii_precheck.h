/*
 * pii_precheck.h - cheap tests on a run of text that a rule's matches
 * cannot do without (a '+' or "00" for an international phone number,
 * "::" or seven ':' for an IPv6 address). The matcher skips the PCRE2 call
 * when the test fails. Named from rule packs (prefilter: check:), like
 * validators; each must only say "no" when no match is possible.
 */
#ifndef PII_PRECHECK_H
#define PII_PRECHECK_H

#include <stdbool.h>
#include <stddef.h>

/* run[0..len) is a run of the rule's span bytes; true when it may hold a
 * match. */
typedef bool (*pii_precheck_fn)(const unsigned char *run, size_t len);

/* NULL when there is no check of that name. */
pii_precheck_fn pii_precheck_find(const char *name);

#endif
