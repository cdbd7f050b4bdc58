/*
 * pii_distinct.h - counting distinct fingerprints in bounded memory:
 * exact up to PII_DISTINCT_EXACT_MAX values, then a HyperLogLog estimate.
 */
#ifndef PII_DISTINCT_H
#define PII_DISTINCT_H

#include <stdbool.h>
#include <stdint.h>

struct pii_distinct {
	uint64_t *set;      /* open addressing, 0 = empty slot */
	uint32_t set_cap, set_len;
	bool has_zero;      /* fingerprint 0 seen (it cannot live in set) */
	uint8_t *hll;       /* registers, once the set is too big */
	uint8_t hll_bits;   /* precision p: 2^p registers */
	uint32_t exact_max; /* values counted exactly; 0: PII_DISTINCT_EXACT_MAX */
};

/* Starts empty; hll_bits (4..16) sets the estimate's precision. */
void pii_distinct_init(struct pii_distinct *d, uint8_t hll_bits);

/* The same, counting exactly only up to exact_max values (at least 8):
 * for the many small counts of which only an estimate is shown. */
void pii_distinct_init_small(struct pii_distinct *d, uint8_t hll_bits, uint32_t exact_max);

/* Adds a fingerprint. Returns false when out of memory (the count is then
 * a lower bound). */
bool pii_distinct_add(struct pii_distinct *d, uint64_t fp);

/* Exact count, or the estimate once more values were seen than kept. */
uint64_t pii_distinct_count(const struct pii_distinct *d);

/* The count, never above values: an estimate can come out a little above
 * the values it counts, and more distinct values than values is nonsense
 * on a report (#17). */
uint64_t pii_distinct_count_of(const struct pii_distinct *d, uint64_t values);

/* True once the count is an estimate. */
bool pii_distinct_is_estimate(const struct pii_distinct *d);

void pii_distinct_free(struct pii_distinct *d);

#endif
