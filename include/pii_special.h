/*
 * pii_special.h - special categories of personal data (GDPR Art. 9) and
 * criminal data (Art. 10), decided once the whole file is in: a special
 * rule's word is evidence only about a person, so it counts only when
 * the same record also identifies someone (a finding of a rule with
 * `identifies: person`: an e-mail address, a phone number, a name...).
 * A record is a row of a table, one e-mail message (its headers and
 * body), or the lines of a text near each other (a paragraph, about).
 * A rule may also count on its own where one record holds `density`
 * different words of it. The collector holds the findings where a
 * file's results come together (yara evaluates conditions after every
 * block of a file), never in a worker that saw one page of it.
 */
#ifndef PII_SPECIAL_H
#define PII_SPECIAL_H

#include <stdbool.h>
#include <stdint.h>

#include "pii_dict.h"
#include "pii_finding.h"
#include "pii_rules.h"

/* What one file has shown so far. Zeroed to begin. */
struct pii_special_hold {
	struct pii_batch *held;  /* findings of special rules, waiting */
	uint64_t *people;        /* records where someone is identified (hashes) */
	size_t n_people, cap_people;
	struct pii_dict people_index;
	bool everyone;           /* too many such records to keep: all count */
};

/* Moves the findings of special rules, and the one-word values of
 * row_evidence rules in a table row, out of b into h (b keeps the
 * others) and notes the records b identifies someone in (by other
 * findings than those waiting). Past
 * PII_SPECIAL_HELD_MAX held findings, or without memory to hold one,
 * they stay in b: so many count anyway. */
void pii_special_take(struct pii_special_hold *h, const struct pii_ruleset *rs,
		      struct pii_batch *b);

/* At the end of the file: the held findings that count, as a batch (or
 * NULL when none do); the other special ones are dropped, a row_evidence
 * finding alone in its row is kept at confidence low. Empties h. */
struct pii_batch *pii_special_decide(struct pii_special_hold *h, const struct pii_ruleset *rs);

/* Drops what h holds (a file that never ended). */
void pii_special_free(struct pii_special_hold *h);

#endif
