/*
 * pii_failon.h - --fail-on LIST: an exit status of 1 when the scan
 * counted a finding of a kind the user alerts on (a category, a rule's
 * report name or id, or any), for scheduled jobs that page someone.
 */
#ifndef PII_FAILON_H
#define PII_FAILON_H

#include <stdbool.h>
#include <stddef.h>

#include "pii_inventory.h"
#include "pii_rules.h"
#include "pii_util.h"

struct pii_fail_on;

/* Resolves the comma-separated list against rs: each name is "any", a
 * category, a report name or a rule id (tried in that order). *out is
 * NULL when list is NULL or empty. false with a one-line message in err
 * when a name is none of these (it lists the categories) or out of
 * memory. The result is the caller's: pii_fail_on_free. */
bool pii_fail_on_parse(const char *list, const struct pii_ruleset *rs,
		       struct pii_fail_on **out, char *err, size_t errlen);

/* Whether inv counted (at --min-confidence or above) a finding of a kind
 * in f; if so, appends them to msg with their counts, as
 * "national_id (12), special_category (3)" ("any": every category found).
 * f may be NULL: false. */
bool pii_fail_on_check(const struct pii_fail_on *f, const struct pii_inventory *inv,
		       struct pii_buf *msg);

/* NULL is safe. */
void pii_fail_on_free(struct pii_fail_on *f);

#endif
