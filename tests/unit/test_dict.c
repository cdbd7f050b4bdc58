/*
 * The hash index over a caller's array: found after growing, collisions
 * told apart by the type's matches, absent keys not found.
 */
#include <stdlib.h>

#include "pii_dict.h"
#include "test.h"

struct names {
	const char **v;
	uint64_t *hash; /* what each entry hashes to (forced collisions) */
};

static uint64_t names_hash(const void *owner, size_t i)
{
	return ((const struct names *)owner)->hash[i];
}

static bool names_match(const void *owner, size_t i, const void *key)
{
	return !strcmp(((const struct names *)owner)->v[i], key);
}

static const struct pii_dict_type names_type = {names_hash, names_match};

void test_dict(void)
{
	enum { N = 5000 };
	static char text[N][16];
	static const char *v[N];
	static uint64_t hash[N];
	struct names names = {v, hash};
	struct pii_dict d;
	pii_dict_init(&d, &names_type, &names);
	CHECK(pii_dict_find(&d, 1, "x") == PII_DICT_NONE);
	bool added = true;
	for (size_t i = 0; i < N; i++) {
		snprintf(text[i], sizeof(text[i]), "name-%zu", i);
		v[i] = text[i];
		hash[i] = i % 7; /* few hashes: every lookup walks past others */
		added &= pii_dict_add(&d, hash[i], i);
	}
	CHECK(added);
	CHECK_U64(d.n, N);
	size_t wrong = 0;
	for (size_t i = 0; i < N; i++)
		wrong += pii_dict_find(&d, hash[i], v[i]) != i;
	CHECK_U64(wrong, 0);
	CHECK(pii_dict_find(&d, 3, "name-5001") == PII_DICT_NONE);
	CHECK(d.cap >= 2 * N); /* grown to stay at most half full */
	pii_dict_free(&d);
	CHECK(d.cap == 0 && d.slots == NULL);
}
