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

/* A small count (a system's people) is exact up to its own limit, then
 * an estimate as close as the default one; the default stays exact. */
static void small_limit(void)
{
	struct pii_distinct small, full;
	pii_distinct_init_small(&small, 12, 256);
	pii_distinct_init(&full, 12);
	for (uint64_t i = 1; i <= 256; i++) {
		pii_distinct_add(&small, i * 0x9E3779B97F4A7C15ULL);
		pii_distinct_add(&full, i * 0x9E3779B97F4A7C15ULL);
	}
	CHECK(!pii_distinct_is_estimate(&small));
	CHECK_U64(pii_distinct_count(&small), 256);
	for (uint64_t i = 257; i <= 3000; i++) {
		pii_distinct_add(&small, i * 0x9E3779B97F4A7C15ULL);
		pii_distinct_add(&full, i * 0x9E3779B97F4A7C15ULL);
	}
	uint64_t n = pii_distinct_count(&small);
	CHECK(pii_distinct_is_estimate(&small) && small.set == NULL);
	CHECK_MSG(n > 2850 && n < 3150, "estimate of 3000: %llu", (unsigned long long)n);
	CHECK(!pii_distinct_is_estimate(&full));
	CHECK_U64(pii_distinct_count(&full), 3000);
	pii_distinct_free(&small);
	pii_distinct_free(&full);
}

void test_distinct(void)
{
	small_limit();
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
