/*
 * pii_special.h - special categories of personal data (GDPR Art. 9) and
 * criminal data (Art. 10) decided per file, once the whole file is in:
 * a special rule's findings in a file count only when the file also holds
 * an identifier (a finding of a rule with `identifies: person`) or at
 * least the rule's `density` of them, so that a word in passing is not a
 * finding. The collector holds them where the file's results come
 * together (yara evaluates conditions after every block of a file), never
 * in a worker that saw one page of it.
 */
#ifndef PII_SPECIAL_H
#define PII_SPECIAL_H

#include <stdbool.h>

#include "pii_finding.h"
#include "pii_rules.h"

/* What one file has shown so far. Zeroed to begin. */
struct pii_special_hold {
	struct pii_batch *held;  /* findings of special rules, waiting */
	bool identified;         /* an identifying finding was seen */
};

/* Moves the findings of special rules out of b into h (b keeps the
 * others) and notes whether b identifies a person. Past
 * PII_SPECIAL_HELD_MAX held findings, or without memory to hold one,
 * they stay in b: so many count anyway. */
void pii_special_take(struct pii_special_hold *h, const struct pii_ruleset *rs,
		      struct pii_batch *b);

/* At the end of the file: the held findings that count, as a batch (or
 * NULL when none do); the others are dropped. Empties h. */
struct pii_batch *pii_special_decide(struct pii_special_hold *h, const struct pii_ruleset *rs);

/* Drops what h holds (a file that never ended). */
void pii_special_free(struct pii_special_hold *h);

#endif
