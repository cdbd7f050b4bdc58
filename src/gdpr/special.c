/*
 * special.c - special categories decided per whole file (pii_special.h).
 */
#include "pii_special.h"

#include <stdlib.h>
#include <string.h>

#include "pii_limits.h"

void pii_special_take(struct pii_special_hold *h, const struct pii_ruleset *rs,
		      struct pii_batch *b)
{
	size_t kept = 0;
	for (size_t i = 0; i < b->n; i++) {
		const struct pii_finding *f = &b->items[i];
		const struct pii_rule *r = &rs->rules[f->rule];
		if (r->identifies)
			h->identified = true;
		if (r->special && (!h->held || h->held->n < PII_SPECIAL_HELD_MAX)) {
			if (!h->held)
				h->held = pii_batch_new(b->file_id);
			if (h->held && pii_batch_add(h->held, f, f->loc, f->value, strlen(f->value)))
				continue;
		}
		if (r->special)
			h->identified = true; /* so many special findings count as such */
		b->items[kept++] = *f;
	}
	b->n = kept;
}

struct pii_batch *pii_special_decide(struct pii_special_hold *h, const struct pii_ruleset *rs)
{
	struct pii_batch *held = h->held;
	h->held = NULL;
	if (!held || h->identified)
		return held;
	/* Without an identifier, a rule's findings count from its density on;
	 * without memory to count them, all count. */
	unsigned *per_rule = calloc(rs->n_rules ? rs->n_rules : 1, sizeof(unsigned));
	if (!per_rule)
		return held;
	for (size_t i = 0; i < held->n; i++)
		per_rule[held->items[i].rule]++;
	size_t kept = 0;
	for (size_t i = 0; i < held->n; i++)
		if (per_rule[held->items[i].rule] >= rs->rules[held->items[i].rule].density)
			held->items[kept++] = held->items[i];
	held->n = kept;
	free(per_rule);
	if (!kept) {
		pii_batch_free(held);
		return NULL;
	}
	return held;
}

void pii_special_free(struct pii_special_hold *h)
{
	pii_batch_free(h->held);
	h->held = NULL;
}
