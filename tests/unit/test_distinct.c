/* Distinct counting: exact while small, estimated (within 3%) when big. */
#include "pii_distinct.h"
#include "test.h"

static uint64_t splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

void test_distinct(void)
{
	struct pii_distinct d;
	pii_distinct_init(&d, 12);
	CHECK_U64(pii_distinct_count(&d), 0);
	for (int rep = 0; rep < 3; rep++)
		for (uint64_t v = 1; v <= 1000; v++)
			pii_distinct_add(&d, v * 7919);
	pii_distinct_add(&d, 0);
	CHECK_U64(pii_distinct_count(&d), 1001);
	CHECK(!pii_distinct_is_estimate(&d));
	pii_distinct_free(&d);

	uint64_t seed = 42;
	pii_distinct_init(&d, 12);
	const uint64_t n = 200000;
	for (uint64_t i = 0; i < n; i++) {
		uint64_t v = splitmix(&seed);
		pii_distinct_add(&d, v);
		if (i % 3 == 0)
			pii_distinct_add(&d, v); /* duplicates do not count */
	}
	uint64_t est = pii_distinct_count(&d);
	CHECK(pii_distinct_is_estimate(&d));
	CHECK_MSG(est > n * 97 / 100 && est < n * 103 / 100, "estimate %" PRIu64 " for %" PRIu64,
		  est, n);
	pii_distinct_free(&d);
}
