/*
 * dict.c - the hash index (pii_dict.h).
 */
#include "pii_dict.h"

#include <stdlib.h>

void pii_dict_init(struct pii_dict *d, const struct pii_dict_type *type, const void *owner)
{
	*d = (struct pii_dict){.type = type, .owner = owner};
}

size_t pii_dict_find(const struct pii_dict *d, uint64_t h, const void *key)
{
	if (!d->cap)
		return PII_DICT_NONE;
	for (size_t s = h & (d->cap - 1); d->slots[s]; s = (s + 1) & (d->cap - 1)) {
		size_t i = d->slots[s] - 1;
		if (d->type->matches(d->owner, i, key))
			return i;
	}
	return PII_DICT_NONE;
}

static void put(uint32_t *slots, size_t cap, uint64_t h, size_t i)
{
	size_t s = h & (cap - 1);
	while (slots[s])
		s = (s + 1) & (cap - 1);
	slots[s] = (uint32_t)i + 1;
}

bool pii_dict_add(struct pii_dict *d, uint64_t h, size_t i)
{
	if (i >= UINT32_MAX)
		return false;
	if ((d->n + 1) * 2 > d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		uint32_t *slots = calloc(cap, sizeof(*slots));
		if (!slots)
			return false;
		for (size_t k = 0; k < d->cap; k++)
			if (d->slots[k]) {
				size_t e = d->slots[k] - 1;
				put(slots, cap, d->type->hash(d->owner, e), e);
			}
		free(d->slots);
		d->slots = slots;
		d->cap = cap;
	}
	put(d->slots, d->cap, h, i);
	d->n++;
	return true;
}

void pii_dict_free(struct pii_dict *d)
{
	free(d->slots);
	d->slots = NULL;
	d->cap = d->n = 0;
}
