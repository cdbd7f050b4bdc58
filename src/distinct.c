/*
 * distinct.c - exact set, then HyperLogLog (Flajolet et al. 2007, with
 * the linear-counting correction for small cardinalities).
 */
#include "pii_distinct.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pii_limits.h"

void pii_distinct_init(struct pii_distinct *d, uint8_t hll_bits)
{
	memset(d, 0, sizeof(*d));
	d->hll_bits = hll_bits < 4 ? 4 : hll_bits > 16 ? 16 : hll_bits;
}

void pii_distinct_init_small(struct pii_distinct *d, uint8_t hll_bits, uint32_t exact_max)
{
	pii_distinct_init(d, hll_bits);
	d->exact_max = exact_max < 8 ? 8 : exact_max;
}

void pii_distinct_free(struct pii_distinct *d)
{
	free(d->set);
	free(d->hll);
	d->set = NULL;
	d->hll = NULL;
}

/* Fingerprints are HMAC output, already uniformly spread; this mix only
 * guards against callers passing structured values. */
static uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

static void hll_add(struct pii_distinct *d, uint64_t fp)
{
	uint64_t h = mix(fp);
	unsigned p = d->hll_bits;
	uint64_t idx = h >> (64 - p);
	uint64_t rest = h << p;
	uint8_t rank = rest ? (uint8_t)(__builtin_clzll(rest) + 1) : (uint8_t)(64 - p + 1);
	if (rank > d->hll[idx])
		d->hll[idx] = rank;
}

static bool set_insert(uint64_t *set, uint32_t cap, uint64_t fp)
{
	uint32_t mask = cap - 1;
	uint32_t i = (uint32_t)mix(fp) & mask;
	while (set[i]) {
		if (set[i] == fp)
			return false;
		i = (i + 1) & mask;
	}
	set[i] = fp;
	return true;
}

/* Moves every kept value into HyperLogLog registers. */
static bool to_hll(struct pii_distinct *d)
{
	d->hll = calloc((size_t)1 << d->hll_bits, 1);
	if (!d->hll)
		return false;
	for (uint32_t i = 0; i < d->set_cap; i++)
		if (d->set[i])
			hll_add(d, d->set[i]);
	if (d->has_zero)
		hll_add(d, 0);
	free(d->set);
	d->set = NULL;
	d->set_cap = d->set_len = 0;
	return true;
}

bool pii_distinct_add(struct pii_distinct *d, uint64_t fp)
{
	if (d->hll) {
		hll_add(d, fp);
		return true;
	}
	if (fp == 0) {
		d->has_zero = true;
		return true;
	}
	if ((d->set_len + 1) * 4 > d->set_cap * 3) {
		if (d->set_len >= (d->exact_max ? d->exact_max : PII_DISTINCT_EXACT_MAX)) {
			if (!to_hll(d))
				return false;
			hll_add(d, fp);
			return true;
		}
		uint32_t cap = d->set_cap ? d->set_cap * 2 : 8;
		uint64_t *set = calloc(cap, sizeof(uint64_t));
		if (!set)
			return false;
		for (uint32_t i = 0; i < d->set_cap; i++)
			if (d->set[i])
				set_insert(set, cap, d->set[i]);
		free(d->set);
		d->set = set;
		d->set_cap = cap;
	}
	if (set_insert(d->set, d->set_cap, fp))
		d->set_len++;
	return true;
}

bool pii_distinct_is_estimate(const struct pii_distinct *d)
{
	return d->hll != NULL;
}

uint64_t pii_distinct_count_of(const struct pii_distinct *d, uint64_t values)
{
	uint64_t n = pii_distinct_count(d);
	return n < values ? n : values;
}

uint64_t pii_distinct_count(const struct pii_distinct *d)
{
	if (!d->hll)
		return d->set_len + (d->has_zero ? 1 : 0);
	size_t m = (size_t)1 << d->hll_bits;
	double sum = 0;
	size_t zeros = 0;
	for (size_t i = 0; i < m; i++) {
		sum += ldexp(1.0, -d->hll[i]);
		zeros += d->hll[i] == 0;
	}
	double alpha = 0.7213 / (1.0 + 1.079 / (double)m);
	double est = alpha * (double)m * (double)m / sum;
	if (est <= 2.5 * (double)m && zeros)
		est = (double)m * log((double)m / (double)zeros);
	return (uint64_t)(est + 0.5);
}
