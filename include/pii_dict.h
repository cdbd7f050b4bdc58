/*
 * pii_dict.h - one hash index for every table that needs one (redis'
 * dict with its dictType): the entries live in the caller's array, the
 * index holds their numbers, and a type says how to hash and compare an
 * entry. Open addressing, grown at half full.
 */
#ifndef PII_DICT_H
#define PII_DICT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct pii_dict_type {
	/* The hash of entry number i of owner (as given to pii_dict_add). */
	uint64_t (*hash)(const void *owner, size_t i);
	/* Whether entry number i of owner is key. */
	bool (*matches)(const void *owner, size_t i, const void *key);
};

struct pii_dict {
	const struct pii_dict_type *type;
	const void *owner;      /* what holds the entries (not the array itself,
				 * which may move when it grows) */
	uint32_t *slots;        /* entry number + 1; 0: empty */
	size_t cap, n;
};

#define PII_DICT_NONE SIZE_MAX

void pii_dict_init(struct pii_dict *d, const struct pii_dict_type *type, const void *owner);

/* The number of the entry that matches key, whose hash is h, or
 * PII_DICT_NONE. */
size_t pii_dict_find(const struct pii_dict *d, uint64_t h, const void *key);

/* Indexes entry number i, whose hash is h (not there yet). false when out
 * of memory (the index is as it was). */
bool pii_dict_add(struct pii_dict *d, uint64_t h, size_t i);

void pii_dict_free(struct pii_dict *d);

#endif
