/*
 * pii_baseline.h - --baseline PREVIOUS: what an earlier run already
 * reported, so that this run reports only what is new (as gitleaks'
 * --baseline-path). From its JSONL output, a finding is known by its
 * location, rule and value fingerprint (the runs must share
 * --fingerprint-key-file); from its xlsx inventory, by location and rule
 * (the Inventory's and Reviewed sheet's row keys, pii_review.h): a new
 * value in a location already listed is not new there.
 */
#ifndef PII_BASELINE_H
#define PII_BASELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pii_rules.h"

struct pii_baseline;

/* Loads path (.jsonl, or .xlsx written by piiscan). key_id: this run's
 * fingerprint key id, NULL when it is a random one (then a JSONL
 * baseline cannot be compared and is refused). NULL with one line in err. */
struct pii_baseline *pii_baseline_load(const char *path, const char *key_id, char *err,
				       size_t errlen);
void pii_baseline_free(struct pii_baseline *bl);

/* Whether the baseline had the finding of fingerprint at the row of
 * row_key (pii_row_key). */
bool pii_baseline_known(const struct pii_baseline *bl, uint64_t row_key, uint64_t fingerprint);

#endif
